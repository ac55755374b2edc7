/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the runner prints on stdout: a line per scenario as its verdict comes,
 *   PASS: cpuid/exit (64 iterations, l1 exits CPUID=64, median 812 cycles)
 * then SUMMARY: and the results path; or the same as TAP version 13 (--tap). A lab's
 * FAIL carries its attribution: "FAIL: pf/cr3-across-exit [L0] (...)" (l0/run/attribute.c).
 * Colour on the verdict word only, and only on a terminal.
 */
#ifndef L0_OUTPUT_H
#define L0_OUTPUT_H

#include <stdio.h>

#include "l0/run/run.h"

/* A scenario counts in the total its verdict's verdict_key() names (lib/verdict.h). */
struct summary {
	unsigned total;
#define X(key) unsigned key;
	VERDICT_TOTALS(X)
#undef X
};

void output_begin(struct run *r);
/* A verdict line as it comes; with r->defer_fails a FAIL's waits for output_deferred(). */
void output_result(struct run *r, struct scn_result *s);
/* The FAIL lines held back, now with their attribution (output_summary calls it too). */
void output_deferred(struct run *r);
void output_summary(struct run *r, const char *results_path);
void summary_count(const struct run *r, struct summary *sum);
/* "VERDICT: name (details): why" and its indented detail lines, for summary.txt. */
void output_scenario(FILE *f, const struct scn_result *s, bool colour);
void output_summary_line(FILE *f, const struct summary *sum);

#endif
