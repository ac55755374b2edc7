/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statistics of nestlab compare: the change in a quantile (median, p99) between
 * a base and a new sample, with a percentile-bootstrap confidence interval.
 * - Quantiles are nearest rank, as in lib/stats.h: sorted[ceil(q * n / 100) - 1].
 * - A bootstrap replicate resamples each side (n draws with replacement), takes the
 *   quantile of each and their difference; the interval is the alpha/2 and
 *   1 - alpha/2 percentiles of the replicates' differences.
 * - Deterministic: the generator is splitmix64 from the given seed.
 * - Relative changes divide by the base quantile (1 when it is 0), in percent.
 */
#ifndef L0_CMPSTAT_H
#define L0_CMPSTAT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/types.h"

struct change {
	bool have;		/* both sides had something to compare */
	bool have_ci;		/* lo/hi are a confidence interval */
	double base, new;	/* the quantile on each side */
	double diff, lo, hi;	/* new - base and its interval, cycles */
	double rel, rel_lo, rel_hi;	/* the same in percent of base */
};

struct boot_opts {
	unsigned resamples;	/* replicates; 0: no interval */
	unsigned confidence;	/* percent, e.g. 95 */
	u64 seed;
};

/* Sorts a copy of base and new, then bootstraps the change in quantile q. */
void cmpstat_bootstrap(const u64 *base, size_t nb, const u64 *new, size_t nn, unsigned q,
		       const struct boot_opts *o, struct change *out);
/*
 * Without samples: the change in medians from summaries, with the normal
 * approximation of a median's standard error, 1.2533 * stddev / sqrt(n).
 */
void cmpstat_summary_median(u64 med_b, u64 sd_b, u64 n_b, u64 med_n, u64 sd_n, u64 n_n,
			    unsigned confidence, struct change *out);
/* The change in a value (p99 from summaries): no interval. */
void cmpstat_point(u64 base, u64 new, struct change *out);
u64 cmpstat_splitmix64(u64 *state);

#endif
