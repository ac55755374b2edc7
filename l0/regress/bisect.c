// SPDX-License-Identifier: GPL-2.0-only
/* The bisection over kernels, pure: l0/regress/bisect.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/regress/bisect.h"

static long last_of(const struct bisect *b, enum bisect_state s)
{
	long i;

	for (i = (long)b->n - 1; i >= 0; i--)
		if (b->st[i] == s)
			return i;
	return -1;
}

static long first_of(const struct bisect *b, enum bisect_state s)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->st[i] == s)
			return (long)i;
	return -1;
}

long bisect_next(const struct bisect *b)
{
	long lo, hi, mid, d, best = -1;

	if (!b->n)
		return -1;
	if (b->st[0] == BISECT_UNKNOWN)
		return 0;
	if (b->st[0] == BISECT_SKIP || b->n == 1)
		return -1;
	if (b->st[b->n - 1] == BISECT_UNKNOWN)
		return (long)b->n - 1;
	if (b->st[b->n - 1] != BISECT_NEW)
		return -1;
	hi = first_of(b, BISECT_NEW);
	lo = last_of(b, BISECT_OLD);
	if (lo > hi) {	/* not monotonic: search below the first NEW */
		lo = 0;
		while (lo + 1 < hi && b->st[lo + 1] == BISECT_OLD)
			lo++;
	}
	mid = lo + (hi - lo) / 2;
	for (d = 0; d <= hi - lo; d++) {	/* the untested one nearest the middle */
		if (mid - d > lo && b->st[mid - d] == BISECT_UNKNOWN) {
			best = mid - d;
			break;
		}
		if (mid + d < hi && b->st[mid + d] == BISECT_UNKNOWN) {
			best = mid + d;
			break;
		}
	}
	return best;
}

int bisect_result(const struct bisect *b, long *last_old, long *first_new)
{
	long i;

	*last_old = *first_new = -1;
	if (!b->n || b->st[0] != BISECT_OLD)
		return -1;
	if (b->st[b->n - 1] == BISECT_OLD)
		return 0;
	if (b->st[b->n - 1] != BISECT_NEW)
		return -1;
	*first_new = first_of(b, BISECT_NEW);
	for (i = *first_new - 1; i >= 0 && b->st[i] != BISECT_OLD; i--)
		;
	*last_old = i;
	return 1;
}

static const struct bisect_scn *find_scn(const struct bisect_scn *s, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(s[i].name, name))
			return &s[i];
	return NULL;
}

/* A verdict that says something about the kernel: PASS, SKIP, FAIL, CRASH. */
static bool judged(const char *verdict)
{
	return !strcmp(verdict, "PASS") || !strcmp(verdict, "SKIP") || !strcmp(verdict, "FAIL") ||
	       !strcmp(verdict, "CRASH");
}

enum bisect_state bisect_judge(const struct bisect_scn *ref, size_t nref, const struct bisect_scn *step,
			       size_t nstep, double threshold_pct, char *why, size_t size)
{
	size_t i, njudged = 0;

	snprintf(why, size, "same as the first kernel");
	for (i = 0; i < nstep; i++)
		njudged += judged(step[i].verdict);
	if (!njudged) {
		snprintf(why, size, "nothing judged (every scenario ERROR or TIMEOUT, or none ran)");
		return BISECT_SKIP;
	}
	for (i = 0; i < nstep; i++) {
		const struct bisect_scn *r = find_scn(ref, nref, step[i].name);
		double pct;

		if (!r || !judged(step[i].verdict) || !judged(r->verdict))
			continue;
		if (strcmp(r->verdict, step[i].verdict)) {
			snprintf(why, size, "%s: %s -> %s", step[i].name, r->verdict, step[i].verdict);
			return BISECT_NEW;
		}
		if (threshold_pct <= 0 || !r->median || !step[i].median)
			continue;
		pct = 100.0 * ((double)step[i].median - (double)r->median) / (double)r->median;
		if (pct > threshold_pct || pct < -threshold_pct) {
			snprintf(why, size, "%s: median %llu -> %llu cycles (%+.1f%%, threshold %.1f%%)",
				 step[i].name, (unsigned long long)r->median, (unsigned long long)step[i].median,
				 pct, threshold_pct);
			return BISECT_NEW;
		}
	}
	return BISECT_OLD;
}
