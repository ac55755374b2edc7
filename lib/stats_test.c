/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/stats.c against hand-computed data sets, and against a plain reference
 * (qsort, 128-bit sums, binary-search square root) on random ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/stats.h"
#include "lib/test.h"

typedef unsigned __int128 u128;

struct want {
	u64 min, median, p90, p99, max, mean, stddev;
};

static void expect_stats(const char *name, const u64 *in, size_t n, const struct want *w)
{
	u64 s[128];
	struct stats st;

	memcpy(s, in, n * sizeof(*s));
	stats_compute(s, n, &st);
	CHECK(st.n == n, "%s: n %llu", name, (unsigned long long)st.n);
#define FIELD(f) CHECK(st.f == w->f, "%s: " #f " %llu, want %llu", name, \
			    (unsigned long long)st.f, (unsigned long long)w->f)
	FIELD(min);
	FIELD(median);
	FIELD(p90);
	FIELD(p99);
	FIELD(max);
	FIELD(mean);
	FIELD(stddev);
#undef FIELD
}

static void test_known(void)
{
	static const u64 one[] = { 5 };
	static const u64 two[] = { 20, 10 };
	static const u64 ties[] = { 3, 1, 3, 2, 3 };
	static const u64 equal[] = { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };
	static const u64 big2[] = { UINT64_MAX, UINT64_MAX };
	static const u64 ends[] = { 0, UINT64_MAX };
	static const u64 ends8[] = { 0, UINT64_MAX, 0, UINT64_MAX, 0, UINT64_MAX, 0, UINT64_MAX };
	u64 outlier[100], hundred[100];
	struct stats st;
	size_t i;
	unsigned k;

	/* Two of 10 and 20: the lower middle is the median; variance 25. */
	expect_stats("n=1", one, 1, &(struct want){ 5, 5, 5, 5, 5, 5, 0 });
	expect_stats("n=2", two, 2, &(struct want){ 10, 10, 20, 20, 20, 15, 5 });
	/* Sorted 1 2 3 3 3; mean floor(12/5) = 2; variance (1+0+1+1+1)/5 = 0.8. */
	expect_stats("ties", ties, 5, &(struct want){ 1, 3, 3, 3, 3, 2, 0 });
	expect_stats("equal", equal, 10, &(struct want){ 7, 7, 7, 7, 7, 7, 0 });

	/* 99 x 100 and one 100000: mean 1099; variance (99*999^2 + 98901^2)/100. */
	for (i = 0; i < 100; i++)
		outlier[i] = i == 37 ? 100000 : 100;
	expect_stats("outlier", outlier, 100,
		     &(struct want){ 100, 100, 100, 100, 100000, 1099, 9939 });

	/* 1..100 shuffled: sum((x - 50)^2) = 83350, /100 = 833, sqrt = 28. */
	for (i = 0; i < 100; i++)
		hundred[i] = (i * 37) % 100 + 1;
	expect_stats("1..100", hundred, 100, &(struct want){ 1, 50, 90, 99, 100, 50, 28 });

	/* The sum passes 2^64: the mean must not wrap. */
	expect_stats("2 x max", big2, 2,
		     &(struct want){ UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX,
				     UINT64_MAX, 0 });
	/*
	 * mean floor((2^64 - 1) / 2) = 2^63 - 1; squares (2^63 - 1)^2 and 2^126,
	 * variance floor(2^126 - 2^63 + 1/2), whose root is just under 2^63.
	 * Eight samples sum squares past 2^128 and must give the same.
	 */
	expect_stats("0 and max", ends, 2,
		     &(struct want){ 0, 0, UINT64_MAX, UINT64_MAX, UINT64_MAX,
				     INT64_MAX, INT64_MAX });
	expect_stats("4 x (0 and max)", ends8, 8,
		     &(struct want){ 0, 0, UINT64_MAX, UINT64_MAX, UINT64_MAX,
				     INT64_MAX, INT64_MAX });

	/* n == 0: everything 0, and samples is not read. */
	memset(&st, 0xff, sizeof(st));
	stats_compute(NULL, 0, &st);
	for (k = 0; k < STATS_HIST_BUCKETS; k++)
		if (st.hist[k])
			break;
	CHECK(!st.n && !st.min && !st.median && !st.p90 && !st.p99 && !st.max &&
		   !st.mean && !st.stddev && k == STATS_HIST_BUCKETS, "empty: not all 0");
}

static void test_hist(void)
{
	static const u64 in[] = { 0, 1, 2, 3, 4, 7, 8, 1023, 1024, 1ull << 40,
				  (1ull << 63) - 1, 1ull << 63, UINT64_MAX };
	static const struct { unsigned bucket, count; } want[] = {
		{ 0, 2 }, { 1, 2 }, { 2, 2 }, { 3, 1 }, { 9, 1 }, { 10, 1 }, { 40, 1 },
		{ 62, 1 }, { 63, 2 },
	};
	u64 s[ARRAY_SIZE(in)];
	struct stats st;
	unsigned k, i, total = 0;
	bool ok = true;

	memcpy(s, in, sizeof(in));
	stats_compute(s, ARRAY_SIZE(s), &st);
	for (k = 0; k < STATS_HIST_BUCKETS; k++) {
		unsigned expected = 0;

		for (i = 0; i < ARRAY_SIZE(want); i++)
			if (want[i].bucket == k)
				expected = want[i].count;
		total += st.hist[k];
		if (st.hist[k] != expected)
			ok = CHECK(false, "hist[%u] = %u, want %u", k, st.hist[k], expected);
	}
	CHECK(ok && total == ARRAY_SIZE(in), "histogram (total %u)", total);
}

static void test_percentile(void)
{
	static const u64 s[] = { 10, 20, 30, 40 }, one[] = { 7 }, ties[] = { 1, 2, 3, 3, 3 };
	u64 hundred[100];

	CHECK(stats_percentile_sorted(s, 0, 50) == 0, "p50 of nothing");
	CHECK(stats_percentile_sorted(s, 4, 0) == 10, "p0 is the minimum");
	CHECK(stats_percentile_sorted(s, 4, 1) == 10, "p1 of 4");
	CHECK(stats_percentile_sorted(s, 4, 25) == 10, "p25 of 4 is rank 1");
	CHECK(stats_percentile_sorted(s, 4, 26) == 20, "p26 of 4 is rank 2");
	CHECK(stats_percentile_sorted(s, 4, 50) == 20, "p50 of 4 is the lower middle");
	CHECK(stats_percentile_sorted(s, 4, 75) == 30, "p75 of 4");
	CHECK(stats_percentile_sorted(s, 4, 100) == 40, "p100 is the maximum");
	CHECK(stats_percentile_sorted(s, 4, 99) == 40, "p99 of 4 is the maximum");
	CHECK(stats_percentile_sorted(one, 1, 50) == 7 && stats_percentile_sorted(one, 1, 99) == 7, "n=1");
	CHECK(stats_percentile_sorted(ties, 5, 50) == 3, "ties: median 3");
	CHECK(stats_percentile_sorted(ties, 5, 20) == 1, "ties: p20 is rank 1");
	for (int i = 0; i < 100; i++)
		hundred[i] = i + 1;
	CHECK(stats_percentile_sorted(hundred, 100, 99) == 99, "p99 of 1..100 is 99");
	CHECK(stats_percentile_sorted(hundred, 100, 50) == 50, "median of 1..100 is 50");
	CHECK(stats_percentile_sorted(s, 4, 1000) == 40, "p1000 clamps to the maximum");
}

/* floor(sqrt(x)) by bisection: independent of the digit-by-digit method. */
static u64 ref_isqrt(u128 x)
{
	u64 lo = 0, hi = UINT64_MAX, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2 + ((hi - lo) & 1);	/* upper middle, no overflow */
		if ((u128)mid * mid <= x)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static u64 rand64(void)
{
	u64 r = 0;
	int i;

	for (i = 0; i < 4; i++)
		r = r << 16 ^ (u64)(rand() & 0xffff);
	return r;
}

static void test_isqrt(void)
{
	static const u64 roots[] = { 1, 2, 3, 4, 10, 255, 256, 65535, 65536, 1000003,
				     0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff };
	unsigned i, bad = 0;
	u64 k, x, r;

	CHECK(stats_isqrt(0) == 0, "isqrt(0)");
	CHECK(stats_isqrt(UINT64_MAX) == 4294967295u, "isqrt(2^64-1) = %llu",
		   (unsigned long long)stats_isqrt(UINT64_MAX));
	for (i = 0; i < ARRAY_SIZE(roots); i++) {
		k = roots[i];
		CHECK(stats_isqrt(k * k) == k, "isqrt(%llu^2)", (unsigned long long)k);
		CHECK(stats_isqrt(k * k - 1) == k - 1, "isqrt(%llu^2 - 1)", (unsigned long long)k);
		if (k < 0xffffffff)
			CHECK(stats_isqrt(k * k + 1) == k, "isqrt(%llu^2 + 1)",
				   (unsigned long long)k);
	}
	for (i = 0; i < 100000; i++) {
		x = rand64() >> (i % 64);
		r = stats_isqrt(x);
		if (r != ref_isqrt(x) && bad++ < 5)
			printf("  isqrt(%llu) = %llu\n", (unsigned long long)x, (unsigned long long)r);
	}
	CHECK(!bad, "isqrt of random values: %u wrong", bad);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return (x > y) - (x < y);
}

static bool sort_matches(size_t n, bool few_values)
{
	static u64 a[1000], b[1000];
	size_t i;

	for (i = 0; i < n; i++)
		a[i] = b[i] = few_values ? rand64() % 5 : rand64();
	stats_sort(a, n);
	qsort(b, n, sizeof(*b), cmp_u64);
	return !memcmp(a, b, n * sizeof(*a));
}

/* Sizes 0..300 and 1000; full range, and five values for many duplicates. */
static void test_sort(void)
{
	unsigned bad = 0, few;
	size_t n;

	for (few = 0; few < 2; few++) {
		for (n = 0; n <= 300; n++)
			bad += !sort_matches(n, few);
		bad += !sort_matches(1000, few);
	}
	CHECK(!bad, "heapsort against qsort: %u arrays differ", bad);
}

/* Random sets against the definitions in lib/stats.h, computed the plain way. */
static void test_random(void)
{
	static u64 s[1024], ref[1024];
	unsigned t, bad = 0;
	size_t n, i, q;
	struct stats st;
	u128 sum, var;
	u64 mean, d;
	int shift;

	for (t = 0; t < 500; t++) {
		n = 1 + (size_t)rand() % 1024;
		shift = rand() % 40;		/* squares stay below 2^128 in n of them */
		for (i = 0; i < n; i++)
			s[i] = ref[i] = rand64() >> (24 + shift);
		stats_compute(s, n, &st);
		qsort(ref, n, sizeof(*ref), cmp_u64);
		for (sum = 0, i = 0; i < n; i++)
			sum += ref[i];
		mean = (u64)(sum / n);
		for (var = 0, i = 0; i < n; i++) {
			d = ref[i] > mean ? ref[i] - mean : mean - ref[i];
			var += (u128)d * d;
		}
		q = (90 * n + 99) / 100;
		if (st.n != n || st.min != ref[0] || st.max != ref[n - 1] ||
		    st.median != ref[(50 * n + 99) / 100 - 1] || st.p90 != ref[q - 1] ||
		    st.p99 != ref[(99 * n + 99) / 100 - 1] || st.mean != mean ||
		    st.stddev != ref_isqrt(var / n) || memcmp(s, ref, n * sizeof(*s))) {
			if (bad++ < 5)
				printf("  random set %u (n %zu) differs\n", t, n);
		}
	}
	CHECK(!bad, "random sets: %u differ", bad);
}

int main(void)
{
	srand(1);
	test_known();
	test_hist();
	test_percentile();
	test_isqrt();
	test_sort();
	test_random();
	return test_done();
}
