/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Latency statistics (definitions in lib/stats.h), exact for any u64 samples.
 * Sums and squares of cycle counts overflow u64, so they are kept in 128 bits;
 * the compiler does 128-bit add, multiply and shift inline, but would divide
 * through libgcc, which L1 does not link: div128() divides by hand.
 */
#include "lib/stats.h"

typedef unsigned __int128 u128;

/* Quotient of num / d, remainder in *rem; shift-and-subtract beyond 64 bits. */
static u128 div128(u128 num, u64 d, u64 *rem)
{
	u128 q = 0, r = 0;
	int i;

	if (!(num >> 64)) {
		*rem = (u64)num % d;
		return (u64)num / d;
	}
	for (i = 127; i >= 0; i--) {
		r = (r << 1) | ((num >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (u128)1 << i;
		}
	}
	*rem = (u64)r;
	return q;
}

/* Digit-by-digit square root, two bits per step: floor(sqrt(x)) < 2^64. */
static u64 isqrt128(u128 x)
{
	u128 res = 0, bit = (u128)1 << 126;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= res + bit) {
			x -= res + bit;
			res = (res >> 1) + bit;
		} else {
			res >>= 1;
		}
		bit >>= 2;
	}
	return (u64)res;
}

u64 stats_isqrt(u64 x)
{
	return isqrt128(x);
}

/* Moves a[root] down until both children are no larger (max-heap of n). */
static void sift_down(u64 *a, size_t root, size_t n)
{
	u64 v = a[root];
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[child] <= v)
			break;
		a[root] = a[child];
		root = child;
	}
	a[root] = v;
}

void stats_sort(u64 *samples, size_t n)
{
	size_t i;
	u64 t;

	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift_down(samples, i, n);
	for (i = n - 1; i > 0; i--) {
		t = samples[0];
		samples[0] = samples[i];
		samples[i] = t;
		sift_down(samples, 0, i);
	}
}

/* Nearest rank: sorted[ceil(q * n / 100) - 1]; q = 0 gives the minimum. */
size_t stats_rank(size_t n, unsigned q)
{
	u64 rank;

	if (q >= 100)
		return n - 1;
	rank = ((u64)q * n + 99) / 100;
	return rank ? rank - 1 : 0;
}

u64 stats_percentile_sorted(const u64 *sorted, size_t n, unsigned q)
{
	return n ? sorted[stats_rank(n, q)] : 0;
}

void stats_compute(u64 *samples, size_t n, struct stats *out)
{
	u128 sum = 0, var = 0;
	u64 d, rem, var_rem = 0;
	size_t i;

	*out = (struct stats){ 0 };
	if (!n)
		return;

	stats_sort(samples, n);
	out->n = n;
	out->min = samples[0];
	out->max = samples[n - 1];
	out->median = stats_percentile_sorted(samples, n, 50);
	out->p90 = stats_percentile_sorted(samples, n, 90);
	out->p99 = stats_percentile_sorted(samples, n, 99);

	for (i = 0; i < n; i++) {
		sum += samples[i];
		out->hist[samples[i] ? 63 - __builtin_clzll(samples[i]) : 0]++;
	}
	out->mean = (u64)div128(sum, n, &rem);

	/*
	 * n squares of up to 2^128 overflow even u128: divide each by n and carry
	 * the remainders, which sums to floor(sum / n) exactly. floor(sqrt()) of
	 * that floor equals floor(sqrt()) of the exact quotient.
	 */
	for (i = 0; i < n; i++) {
		d = samples[i] > out->mean ? samples[i] - out->mean : out->mean - samples[i];
		var += div128((u128)d * d, n, &rem);
		var_rem += rem;
		if (var_rem >= n) {
			var_rem -= n;
			var++;
		}
	}
	out->stddev = isqrt128(var);
}
