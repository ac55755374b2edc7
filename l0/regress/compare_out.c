// SPDX-License-Identifier: GPL-2.0-only
/* nestlab compare's report: one line per scenario, regressions first in the summary. */
#include <string.h>

#include "l0/regress/compare.h"

static void change(FILE *f, const struct change *c)
{
	fprintf(f, "%.0f -> %.0f (%+.0f, %+.2f%%", c->base, c->new, c->diff, c->rel);
	if (c->have_ci)
		fprintf(f, " [%+.2f%%, %+.2f%%]", c->rel_lo, c->rel_hi);
	fputc(')', f);
}

void compare_print(FILE *f, const struct cmp_result *r, const struct cmp_opts *o)
{
	size_t i;
	int k;

	fprintf(f, "BASE %s\nNEW  %s\n", r->base_desc, r->new_desc);
	fprintf(f, "median and p99 cycles, NEW - BASE; [%u%% interval: percentile bootstrap of raw samples, "
		   "%u resamples, seed %llu]; threshold %.2f%%\n",
		o->boot.confidence, o->boot.resamples, (unsigned long long)o->boot.seed, o->threshold);
	if (r->summaries_only)
		fprintf(f, "note: no raw samples on both sides for some scenarios (run with --raw): their median "
			   "interval is a normal approximation from n and stddev (marked ~), p99 has none\n");
	for (i = 0; i < r->n; i++) {
		const struct cmp_scn *c = &r->s[i];

		fprintf(f, "%-11s %s", cmp_verdict_name(c->v), c->name);
		if (strcmp(c->verdict_base, c->verdict_new))
			fprintf(f, ": verdict %s -> %s", c->verdict_base, c->verdict_new);
		if (c->latency) {
			fprintf(f, ": median%s ", c->from_samples ? "" : "~");
			change(f, &c->median);
			fputs(", p99 ", f);
			change(f, &c->p99);
		}
		if (c->exits)
			fprintf(f, "; exits %s", c->exits);
		fputc('\n', f);
	}
	fprintf(f, "SUMMARY: %zu scenarios", r->n);
	for (k = CMP_SLOWER; k < CMP_VERDICT_COUNT; k++)
		fprintf(f, ", %zu %s", r->count[k], cmp_verdict_name(k));
	fprintf(f, ", %zu faster, %zu same\n", r->count[CMP_FASTER], r->count[CMP_SAME]);
}
