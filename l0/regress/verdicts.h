/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab verdicts LABEL=RUN ...: the verdicts several runs of the same scenarios gave
 * (bare Bochs haswell and skylake, KVM in the lab ...), as Markdown: a table per family
 * (scenario, the rule its description names, one verdict column per run), then every
 * scenario whose verdicts disagree (one PASSes, another FAILs), with the failing checks
 * and the one-line command that reproduces each run. What the README's validation
 * tables are made from (scripts/validation-tables).
 */
#ifndef L0_REGRESS_VERDICTS_H
#define L0_REGRESS_VERDICTS_H

#include <stdio.h>

#include "l0/sys/diag.h"

struct json_object;

#define VERDICTS_RUNS_MAX 8

struct verdicts_run {
	const char *label;		/* column title: "Bochs haswell" */
	struct json_object *doc;	/* results_doc_check() passed */
};

/*
 * Prints the tables of the scenarios whose name starts with one of the prefixes
 * (none: every scenario), families in the order the first run lists them.
 */
void verdicts_print(FILE *out, const struct verdicts_run *runs, int nruns, const char *const *prefixes,
		    int nprefixes);
/* The nestlab run command line that reproduces one run's scenario, into buf. */
const char *verdicts_command(struct json_object *doc, const char *scenario, char *buf, size_t size);
/* argv: [--only PREFIX]... LABEL=RUN...; 0, or an exit status with a line on stderr. */
int verdicts_main(int argc, char **argv);

#endif
