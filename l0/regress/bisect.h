/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab bisect: the search over an ordered list of kernels, pure (no runs): which
 * kernel to test next and, once no candidate is left, the pair where the outcome
 * changed. Outcomes are relative to the first kernel: OLD (same as it), NEW (changed),
 * SKIP (cannot test: the lab did not boot, nothing was judged). Like git bisect, the
 * change is assumed to happen once along the list.
 */
#ifndef L0_BISECT_H
#define L0_BISECT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/types.h"

enum bisect_state { BISECT_UNKNOWN, BISECT_OLD, BISECT_NEW, BISECT_SKIP };

struct bisect {
	size_t n;
	enum bisect_state *st;		/* n entries */
};

/* Next index to test: the first kernel, the last, then the untested one nearest the
 * middle between the last OLD and the first NEW; -1 when done. */
long bisect_next(const struct bisect *b);
/*
 * Once bisect_next() is -1: 1 and the pair (last OLD, first NEW; kernels between them
 * were SKIP); 0 when the last kernel is OLD (no change along the list); -1 when an end
 * could not be tested.
 */
int bisect_result(const struct bisect *b, long *last_old, long *first_new);

/* One scenario's outcome in one step, from results.json. */
struct bisect_scn {
	char name[96];
	char verdict[12];
	u64 median;		/* 0: no latency */
};

/*
 * How a step compares with the reference (the first kernel): threshold_pct 0 compares
 * verdicts (any scenario's verdict differs: NEW); above 0, medians (any scenario's
 * median moved by more than threshold_pct percent: NEW). Judged verdicts are PASS, SKIP,
 * FAIL and CRASH; a step where none is (every scenario ERROR or TIMEOUT) is SKIP.
 */
enum bisect_state bisect_judge(const struct bisect_scn *ref, size_t nref, const struct bisect_scn *step,
			       size_t nstep, double threshold_pct, char *why, size_t size);

#endif
