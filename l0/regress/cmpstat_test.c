// SPDX-License-Identifier: GPL-2.0-only
/*
 * l0/regress/cmpstat.c against known data sets: quantiles (ties, n=1, empty), the bootstrap
 * (constant samples, n=1, outliers, determinism, coverage of the interval when both
 * sides come from one distribution) and the summary fallback.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/test.h"
#include "l0/regress/cmpstat.h"

#define N 200

static const struct boot_opts boot = { .resamples = 2000, .confidence = 95, .seed = 1 };

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-6;
}

static void test_constant(void)
{
	u64 b[64], n[64];
	struct change c;

	for (int i = 0; i < 64; i++) {
		b[i] = 158;
		n[i] = 168;
	}
	cmpstat_bootstrap(b, 64, n, 64, 50, &boot, &c);
	CHECK(c.have && c.have_ci, "constant: have an interval");
	CHECK(c.base == 158 && c.new == 168 && c.diff == 10, "constant: 158 -> 168 (+%g)", c.diff);
	CHECK(c.lo == 10 && c.hi == 10, "constant: interval [%g, %g], want [10, 10]", c.lo, c.hi);
	CHECK(near(c.rel, 1000.0 / 158), "constant: %+g%%", c.rel);
	cmpstat_bootstrap(b, 64, b, 64, 99, &boot, &c);
	CHECK(c.diff == 0 && c.lo == 0 && c.hi == 0, "A/A constant: [0, 0]");
}

static void test_small(void)
{
	static const u64 b1[] = { 100 }, n1[] = { 90 };
	static const u64 ties_b[] = { 5, 5, 5, 6, 6 }, ties_n[] = { 5, 5, 5, 6, 6 };
	struct change c;

	cmpstat_bootstrap(b1, 1, n1, 1, 50, &boot, &c);
	CHECK(c.diff == -10 && c.lo == -10 && c.hi == -10 && near(c.rel, -10), "n=1: exactly -10%%");
	cmpstat_bootstrap(b1, 0, n1, 1, 50, &boot, &c);
	CHECK(!c.have && !c.have_ci, "empty base: nothing");
	cmpstat_bootstrap(b1, 1, n1, 0, 50, &boot, &c);
	CHECK(!c.have, "empty new: nothing");
	cmpstat_bootstrap(ties_b, 5, ties_n, 5, 50, &boot, &c);
	CHECK(c.diff == 0 && c.lo <= 0 && c.hi >= 0 && c.lo >= -1 && c.hi <= 1,
	      "ties A/A: 0 in [%g, %g] within one step", c.lo, c.hi);
}

/* One outlier does not move the median or its interval. */
static void test_outlier(void)
{
	u64 b[100], n[100];
	struct change c;

	for (int i = 0; i < 100; i++) {
		b[i] = i == 37 ? 100000 : 100;
		n[i] = i == 5 ? 1000000 : 110;
	}
	cmpstat_bootstrap(b, 100, n, 100, 50, &boot, &c);
	CHECK(c.diff == 10 && c.lo == 10 && c.hi == 10, "outlier: median +10 [%g, %g]", c.lo, c.hi);
	cmpstat_bootstrap(b, 100, n, 100, 99, &boot, &c);
	CHECK(c.base == 100 && c.new == 110, "outlier: p99 of 100 skips the one outlier (%g -> %g)", c.base,
	      c.new);
}

static void test_deterministic(void)
{
	u64 b[N], n[N], s = 42;
	struct change c1, c2, c3;
	struct boot_opts other = boot;

	for (int i = 0; i < N; i++) {
		b[i] = 1000 + cmpstat_splitmix64(&s) % 100;
		n[i] = 1020 + cmpstat_splitmix64(&s) % 100;
	}
	cmpstat_bootstrap(b, N, n, N, 50, &boot, &c1);
	cmpstat_bootstrap(b, N, n, N, 50, &boot, &c2);
	other.seed = 2;
	cmpstat_bootstrap(b, N, n, N, 50, &other, &c3);
	CHECK(!memcmp(&c1, &c2, sizeof(c1)), "same seed, same interval");
	CHECK(c3.diff == c1.diff, "another seed: same point estimate");
	CHECK(c1.lo < c1.diff && c1.diff < c1.hi && c1.lo > 0, "+20 shift: %g in (%g, %g), above 0", c1.diff,
	      c1.lo, c1.hi);
	CHECK(c1.lo > 5 && c1.hi < 35, "+20 shift: interval [%g, %g] near 20", c1.lo, c1.hi);
}

/* Both sides from one distribution: the 95% interval holds 0 about 95% of the time. */
static void test_coverage(void)
{
	struct boot_opts fast = { .resamples = 500, .confidence = 95, .seed = 7 };
	u64 b[100], n[100], s = 1;
	int covered = 0, trials = 200;
	struct change c;

	for (int t = 0; t < trials; t++) {
		for (int i = 0; i < 100; i++) {
			b[i] = 1000 + cmpstat_splitmix64(&s) % 200;
			n[i] = 1000 + cmpstat_splitmix64(&s) % 200;
		}
		cmpstat_bootstrap(b, 100, n, 100, 50, &fast, &c);
		covered += c.lo <= 0 && c.hi >= 0;
	}
	CHECK(covered >= 180 && covered <= 199, "coverage: %d of %d intervals hold 0 (want about 95%%)",
	      covered, trials);
}

static void test_summary(void)
{
	struct change c;

	cmpstat_summary_median(100, 0, 64, 110, 0, 64, 95, &c);
	CHECK(c.have_ci && c.lo == 10 && c.hi == 10 && near(c.rel, 10), "summary, stddev 0: [10, 10]");
	/* se = 1.2533 * 10 / 10 each; half = 1.96 * sqrt(2) * 1.2533 = 3.4740 */
	cmpstat_summary_median(100, 10, 100, 110, 10, 100, 95, &c);
	CHECK(fabs(c.lo - 6.526) < 0.01 && fabs(c.hi - 13.474) < 0.01, "summary: [%g, %g], want [6.526, 13.474]",
	      c.lo, c.hi);
	cmpstat_summary_median(100, 10, 0, 110, 10, 100, 95, &c);
	CHECK(c.have && !c.have_ci, "summary, n=0: no interval");
	cmpstat_point(0, 5, &c);
	CHECK(c.diff == 5 && near(c.rel, 500), "base 0: relative to 1");
}

int main(void)
{
	test_constant();
	test_small();
	test_outlier();
	test_deterministic();
	test_coverage();
	test_summary();
	return test_done();
}
