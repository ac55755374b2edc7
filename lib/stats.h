/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Integer statistics of latency samples (cycles).
 * - Percentiles use the nearest-rank method on the sorted samples:
 *   p(q) = sorted[ceil(q * n / 100) - 1]; median = p(50) (the lower middle for even n).
 * - mean = floor(sum / n).
 * - stddev = floor(sqrt(sum((x - mean)^2) / n)), population form, integer mean.
 * - hist[k] counts samples with floor(log2(x)) == k; x == 0 counts in hist[0].
 * - n == 0: every field 0.
 */
#ifndef LIB_STATS_H
#define LIB_STATS_H

#include "lib/types.h"

#define STATS_HIST_BUCKETS 64

struct stats {
	u64 n, min, median, p90, p99, max, mean, stddev;
	u32 hist[STATS_HIST_BUCKETS];
};

/* Sorts samples in place (heapsort: O(n log n), no recursion, no allocation). */
void stats_sort(u64 *samples, size_t n);
/* Nearest rank: the index of the q-th percentile in n sorted samples (n > 0); q >= 100 is
 * the maximum. L1's latency records and the runner's compare use the same definition. */
size_t stats_rank(size_t n, unsigned q);
/* sorted[stats_rank(n, q)], 0 when n == 0. */
u64 stats_percentile_sorted(const u64 *sorted, size_t n, unsigned q);
u64 stats_isqrt(u64 x);
void stats_compute(u64 *samples, size_t n, struct stats *out);

#endif
