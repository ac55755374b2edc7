/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A run: the selected scenarios split round-robin into jobs, up to o->jobs
 * at once, each watched until its emulator exits or its timeout kills it.
 * Scenarios a job never reached go into one fresh job each time, once.
 */
#ifndef L0_RUNNER_H
#define L0_RUNNER_H

#include <signal.h>

#include "l0/run/run.h"

/* Set by the runner's SIGINT/SIGTERM/SIGHUP handler. */
extern volatile sig_atomic_t runner_stop;

/* Makes the run directory and the results (all VERDICT_NONE). */
int runner_create(struct run *r, const struct run_opts *o, const struct scenario_info *const *sel,
		  size_t n, struct diag *why);
/* Runs every job; every scenario has a verdict after it. */
void runner_execute(struct run *r);
void runner_free(struct run *r);

#endif
