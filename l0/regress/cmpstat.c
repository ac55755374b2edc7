// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "lib/stats.h"
#include "l0/regress/cmpstat.h"
#include "l0/sys/util.h"

u64 cmpstat_splitmix64(u64 *state)
{
	u64 z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n): Lemire's multiply-shift with rejection, no modulo bias. */
static size_t draw(u64 *state, size_t n)
{
	unsigned __int128 m = (unsigned __int128)cmpstat_splitmix64(state) * n;
	u64 low = (u64)m, threshold;

	if (low < n) {
		threshold = -(u64)n % n;
		while (low < threshold) {
			m = (unsigned __int128)cmpstat_splitmix64(state) * n;
			low = (u64)m;
		}
	}
	return (size_t)(m >> 64);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static u64 *sorted_copy(const u64 *v, size_t n)
{
	u64 *s = xrealloc(NULL, (n ? n : 1) * sizeof(*s));

	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_u64);
	return s;
}

/*
 * The quantile of one resample of sorted[n]: count how often each index is drawn;
 * the resample sorted is sorted[] with those multiplicities, so walk the counts.
 */
static u64 resample_quantile(const u64 *sorted, size_t n, unsigned q, u32 *count, u64 *state)
{
	size_t i, k = stats_rank(n, q), seen = 0;

	memset(count, 0, n * sizeof(*count));
	for (i = 0; i < n; i++)
		count[draw(state, n)]++;
	for (i = 0; i < n; i++) {
		seen += count[i];
		if (seen > k)
			return sorted[i];
	}
	return sorted[n - 1];
}

static double rel(double diff, double base)
{
	return diff * 100.0 / (base > 0 ? base : 1);
}

void cmpstat_point(u64 base, u64 new, struct change *out)
{
	memset(out, 0, sizeof(*out));
	out->have = true;
	out->base = base;
	out->new = new;
	out->diff = out->lo = out->hi = (double)new - (double)base;
	out->rel = out->rel_lo = out->rel_hi = rel(out->diff, out->base);
}

void cmpstat_bootstrap(const u64 *base, size_t nb, const u64 *new, size_t nn, unsigned q,
		       const struct boot_opts *o, struct change *out)
{
	u64 *sb, *sn, state = o->seed;
	u32 *count;
	double *d, alpha;
	size_t i, b = o->resamples, lo, hi;

	memset(out, 0, sizeof(*out));
	if (!nb || !nn)
		return;
	sb = sorted_copy(base, nb);
	sn = sorted_copy(new, nn);
	cmpstat_point(stats_percentile_sorted(sb, nb, q), stats_percentile_sorted(sn, nn, q), out);
	if (b) {
		count = xrealloc(NULL, (nb > nn ? nb : nn) * sizeof(*count));
		d = xrealloc(NULL, b * sizeof(*d));
		for (i = 0; i < b; i++) {
			double qb = resample_quantile(sb, nb, q, count, &state);
			double qn = resample_quantile(sn, nn, q, count, &state);

			d[i] = qn - qb;
		}
		qsort(d, b, sizeof(*d), cmp_double);
		alpha = (100.0 - o->confidence) / 100.0;
		lo = (size_t)(alpha / 2 * b);				/* floor */
		hi = (size_t)((1 - alpha / 2) * b);
		hi += (double)hi < (1 - alpha / 2) * b;			/* ceil */
		if (hi)
			hi--;
		if (lo >= b)
			lo = b - 1;
		if (hi >= b)
			hi = b - 1;
		out->lo = d[lo];
		out->hi = d[hi];
		out->rel_lo = rel(out->lo, out->base);
		out->rel_hi = rel(out->hi, out->base);
		out->have_ci = true;
		free(count);
		free(d);
	}
	free(sb);
	free(sn);
}

/* Newton's method: the runner links no libm. */
static double root(double x)
{
	double r = x > 1 ? x : 1;

	if (x <= 0)
		return 0;
	for (int i = 0; i < 200; i++) {
		double next = (r + x / r) / 2;

		if (next >= r)
			break;
		r = next;
	}
	return r;
}

/* Two-sided standard normal quantile for the usual confidence levels. */
static double z_of(unsigned confidence)
{
	return confidence >= 99 ? 2.5758 : confidence >= 95 ? 1.9600 : confidence >= 90 ? 1.6449 : 1.2816;
}

void cmpstat_summary_median(u64 med_b, u64 sd_b, u64 n_b, u64 med_n, u64 sd_n, u64 n_n,
			    unsigned confidence, struct change *out)
{
	double se_b, se_n, half;

	cmpstat_point(med_b, med_n, out);
	if (!n_b || !n_n)
		return;
	se_b = 1.2533 * (double)sd_b / root((double)n_b);
	se_n = 1.2533 * (double)sd_n / root((double)n_n);
	half = z_of(confidence) * root(se_b * se_b + se_n * se_n);
	out->lo = out->diff - half;
	out->hi = out->diff + half;
	out->rel_lo = rel(out->lo, out->base);
	out->rel_hi = rel(out->hi, out->base);
	out->have_ci = true;
}
