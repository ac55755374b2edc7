/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run's options, all from lib/run_options.h's table: getopt_long's array, the
 * usage text, the range and word checks, and the words a job passes on (L1's command
 * line, the lab's inner nestlab).
 */
#ifndef L0_RUNOPT_H
#define L0_RUNOPT_H

#include <getopt.h>
#include <stdio.h>

#include "lib/run_options.h"
#include "l0/backend/backend.h"

/* What cmd_run keeps of its command line beside struct run_opts. */
struct run_cli {
	const char *backend;		/* --backend as given: "auto" by default */
	const char *image;		/* --image as given, or NULL */
	bool all;			/* --all */
	const char *l0_params[RUNOPT_L0_PARAM_MAX];	/* each --l0-param */
	unsigned nparams;
};

/* getopt_long's val for option id (short options keep their letter as well). */
#define RUNOPT_GETOPT(id) (256 + (id))

/* getopt_long's options: every entry with a long name, then --help ('h'). */
void runopt_longopts(struct option out[RUNOPT_COUNT + 2]);
/* getopt_long's short options: ":j:h" (':' first: a missing value returns ':'). */
void runopt_shortopts(char out[2 * RUNOPT_COUNT + 3]);
/* The option id getopt_long returned c for; RUNOPT_COUNT when none. */
enum run_option runopt_of(int c);
/* Option id's value (NULL for a FLAG) into o or cli: 0, or -EINVAL with why->msg saying
 * what it wants, from the table ("--iters wants a number from 1 to 1024, not 'x'"). */
int runopt_parse(enum run_option id, const char *arg, struct run_opts *o, struct run_cli *cli,
		 struct diag *why);
/* The usage of run: its synopsis lines ("       nestlab run [...]"), or its option lines. */
void runopt_synopsis(FILE *f);
void runopt_usage(FILE *f);

enum runopt_form {
	RUNOPT_GUEST,	/* L1's command line: " iters=16 raw=1" */
	RUNOPT_INNER,	/* the lab's inner nestlab, comma-separated: "--iters,16,--raw," */
};
/* Job j's options with a guest key, in the table's order: those it passes only. */
void runopt_words(FILE *f, const struct job *j, enum runopt_form form);

#endif
