/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The state of one run, types only: what the runner (runner.c) fills and output.c and
 * results.c print, so that they need not include the runner that calls them.
 */
#ifndef L0_RUN_H
#define L0_RUN_H

#include <time.h>

#include "l0/backend/backend.h"

struct run {
	const struct run_opts *o;
	char *id;			/* 20261125-143000-bochs-ab12 */
	char *dir;			/* <results>/<id> */
	time_t started;
	double t0, duration_s;
	char *l0_version;
	char *l0_params;		/* from the first job that reported them */
	char *l0_inputs;		/* the back end's inputs(), JSON text, or NULL */
	struct scn_result *scn;		/* in selection order */
	size_t n;
	struct run_env env;
	struct job **jobs;
	size_t njobs;
	unsigned reported;		/* verdicts reported (progress) */
	unsigned tap_number;		/* TAP test lines printed */
	bool defer_fails;		/* FAIL lines wait for their attribution (l0/run/attribute.c) */
	bool interrupted;
	bool env_failed;		/* a job could not start: environment error */
	struct diag why;		/* env_failed: the one line */
};

#endif
