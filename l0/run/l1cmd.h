/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_L1CMD_H
#define L0_L1CMD_H

#include <stdio.h>

#include "l0/backend/backend.h"

/* L1's command line for a job (docs/records.md): "run=a,b iters=N warmup=N delay=N raw=1 break=NAME",
 * the options' words from lib/run_options.h's table (l0/runopt.c). Malloc'd. */
char *l1_cmdline(const struct job *j);
/* The job's scenarios as "a,b,c", or, when that is longer than SCENARIO_NAMES_MAX and in
 * registry order, as one selection word (lib/selection.h): the same for L1's run= and
 * for the lab's inner nestlab. */
void job_selection_write(FILE *f, const struct job *j);

#endif
