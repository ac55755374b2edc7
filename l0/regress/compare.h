/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab compare BASE NEW: per scenario, the change in median and p99 cycles
 * with a bootstrap confidence interval (raw samples) or a normal approximation
 * (summaries only), exit counts compared exactly at every level, and a verdict.
 * Pure: JSON documents in, a struct out; printing is compare_print().
 */
#ifndef L0_COMPARE_H
#define L0_COMPARE_H

#include <stdio.h>

#include "l0/regress/cmpstat.h"
#include "l0/sys/diag.h"

struct json_object;

enum cmp_verdict {
	CMP_SAME,
	CMP_FASTER,
	CMP_SLOWER,		/* regression */
	CMP_MORE_EXITS,		/* regression: any count at any level went up */
	CMP_FEWER_EXITS,
	CMP_BROKEN,		/* regression: PASS/SKIP in BASE, anything else in NEW */
	CMP_FIXED,
	CMP_VERDICT_COUNT,
};

const char *cmp_verdict_name(enum cmp_verdict v);
bool cmp_is_regression(enum cmp_verdict v);

struct cmp_opts {
	double threshold;	/* percent: a median change smaller than this is "same" */
	struct boot_opts boot;
};

struct cmp_scn {
	char *name;
	char *verdict_base, *verdict_new;	/* PASS, FAIL, ... */
	enum cmp_verdict v;
	bool latency;		/* both sides have a latency */
	bool from_samples;	/* raw samples on both sides: bootstrap */
	struct change median, p99;
	char *exits;		/* "l1 CPUID 64->65, l0 ..." when any count changed, else NULL */
	bool exits_more, exits_fewer;
};

struct cmp_result {
	struct cmp_scn *s;
	size_t n;
	size_t count[CMP_VERDICT_COUNT];
	bool summaries_only;	/* some scenario had no raw samples on one side */
	struct diag why;	/* not comparable: why */
	char base_desc[256], new_desc[256];
};

/* 1 when a scenario regressed, 0 when none did, -EINVAL when not comparable (why set). */
int compare_docs(struct json_object *base, struct json_object *new, const struct cmp_opts *o,
		 struct cmp_result *out);
void compare_print(FILE *f, const struct cmp_result *r, const struct cmp_opts *o);
void compare_free(struct cmp_result *r);

#endif
