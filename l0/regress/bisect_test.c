// SPDX-License-Identifier: GPL-2.0-only
/*
 * l0/regress/bisect.c with a fake kernel list: each "kernel" has a known outcome, the
 * loop runs bisect_next()/record like cmd_bisect does, and the test checks the pair it
 * lands on, how many kernels it booted, and the untestable (SKIP) and no-change cases;
 * then bisect_judge() on verdicts and on medians against a threshold.
 */
#include <string.h>

#include "lib/test.h"
#include "l0/regress/bisect.h"

#define MAXK 64

/* outcome[i]: 'o' same as the first, 'n' changed, 's' cannot test. Returns steps booted. */
static int run_fake(const char *outcome, long *last_old, long *first_new, int *res)
{
	enum bisect_state st[MAXK] = { 0 };
	struct bisect b = { strlen(outcome), st };
	long i;
	int steps = 0;

	while ((i = bisect_next(&b)) >= 0 && steps < 2 * MAXK) {
		CHECK(st[i] == BISECT_UNKNOWN, "%s: kernel %ld tested twice", outcome, i);
		st[i] = outcome[i] == 'o' ? BISECT_OLD : outcome[i] == 'n' ? BISECT_NEW : BISECT_SKIP;
		steps++;
	}
	*res = bisect_result(&b, last_old, first_new);
	return steps;
}

static void test_search(void)
{
	long lo, hi;
	int res, steps;
	char list[MAXK + 1];

	/* The packaged 6.1 series: -47 FAIL, -50 onwards PASS (a fix in 6.1.176). */
	steps = run_fake("onnnnnn", &lo, &hi, &res);
	CHECK(res == 1 && lo == 0 && hi == 1, "7 kernels, change at 1: pair (%ld, %ld)", lo, hi);
	CHECK(steps <= 5, "7 kernels: %d steps, want <= 2 + log2(7)", steps);
	steps = run_fake("oooooon", &lo, &hi, &res);
	CHECK(res == 1 && lo == 5 && hi == 6, "change at the last: pair (%ld, %ld)", lo, hi);
	CHECK(run_fake("on", &lo, &hi, &res) == 2 && res == 1 && lo == 0 && hi == 1, "two kernels");
	/* every position in a 33-kernel list, within 2 + ceil(log2(33)) boots */
	for (int k = 1; k < 33; k++) {
		for (int i = 0; i < 33; i++)
			list[i] = i < k ? 'o' : 'n';
		list[33] = '\0';
		steps = run_fake(list, &lo, &hi, &res);
		CHECK(res == 1 && lo == k - 1 && hi == k && steps <= 8, "33 kernels, change at %d: (%ld, %ld) in %d steps",
		      k, lo, hi, steps);
	}
	/* no change: the two ends only */
	steps = run_fake("ooooo", &lo, &hi, &res);
	CHECK(res == 0 && steps == 2, "no change: result %d after %d steps (want 0 after 2)", res, steps);
	/* an untestable kernel next to the change: the pair spans it */
	steps = run_fake("oosnnn", &lo, &hi, &res);
	CHECK(res == 1 && lo == 1 && hi == 3, "skip beside the change: pair (%ld, %ld), want (1, 3)", lo, hi);
	steps = run_fake("ososnn", &lo, &hi, &res);
	CHECK(res == 1 && lo == 2 && hi == 4, "skips: pair (%ld, %ld), want (2, 4)", lo, hi);
	/* untestable ends */
	run_fake("soon", &lo, &hi, &res);
	CHECK(res == -1, "first kernel untestable: -1 (got %d)", res);
	run_fake("ooos", &lo, &hi, &res);
	CHECK(res == -1, "last kernel untestable: -1 (got %d)", res);
}

static void test_judge(void)
{
	struct bisect_scn ref[2] = { { "bug/a", "FAIL", 0 }, { "cpuid/exit", "PASS", 1000 } };
	struct bisect_scn same[2] = { { "bug/a", "FAIL", 0 }, { "cpuid/exit", "PASS", 1040 } };
	struct bisect_scn fixed[2] = { { "bug/a", "PASS", 0 }, { "cpuid/exit", "PASS", 1000 } };
	struct bisect_scn slow[2] = { { "bug/a", "FAIL", 0 }, { "cpuid/exit", "PASS", 1100 } };
	struct bisect_scn broken[2] = { { "bug/a", "ERROR", 0 }, { "cpuid/exit", "TIMEOUT", 0 } };
	char why[256];

	CHECK(bisect_judge(ref, 2, same, 2, 0, why, sizeof(why)) == BISECT_OLD, "same verdicts: old");
	CHECK(bisect_judge(ref, 2, fixed, 2, 0, why, sizeof(why)) == BISECT_NEW && strstr(why, "FAIL -> PASS"),
	      "FAIL -> PASS: new (%s)", why);
	CHECK(bisect_judge(ref, 2, slow, 2, 0, why, sizeof(why)) == BISECT_OLD, "verdict mode ignores medians");
	CHECK(bisect_judge(ref, 2, same, 2, 5, why, sizeof(why)) == BISECT_OLD, "+4%% within 5%%: old");
	CHECK(bisect_judge(ref, 2, slow, 2, 5, why, sizeof(why)) == BISECT_NEW && strstr(why, "+10.0%"),
	      "+10%% beyond 5%%: new (%s)", why);
	CHECK(bisect_judge(ref, 2, broken, 2, 0, why, sizeof(why)) == BISECT_SKIP, "nothing judged: skip (%s)", why);
	CHECK(bisect_judge(ref, 2, broken, 0, 0, why, sizeof(why)) == BISECT_SKIP, "no scenario: skip");
}

int main(void)
{
	test_search();
	test_judge();
	return test_done();
}
