/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_L1CMD_H
#define L0_L1CMD_H

#include "l0/backend/backend.h"

/* L1's command line for a job (docs/records.md): "run=a,b iters=N warmup=N delay=N raw=1 break=NAME",
 * the options' words from lib/run_options.h's table (l0/runopt.c). Malloc'd. */
char *l1_cmdline(const struct job *j);

#endif
