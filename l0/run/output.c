// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "l0/run/output.h"
#include "l0/run/progress.h"
#include "l0/sys/util.h"

#define DETAIL_LINES 4

static const char *colour_of(enum verdict v)
{
	switch (v) {
	case VERDICT_PASS:
		return "\033[32m";
	case VERDICT_SKIP:
		return "\033[33m";
	case VERDICT_FAIL:
		return "\033[31m";
	default:
		return "\033[1;35m";
	}
}

/* " [L0]": a lab FAIL's attribution (l0/run/attribute.c), or "" */
static void label(FILE *f, const struct scn_result *s)
{
	if (s->attribution)
		fprintf(f, " [%s]", s->attribution);
}

/* "attribution: L0 (bochs haswell PASS)" */
static void attribution_line(FILE *f, const char *lead, const struct scn_result *s)
{
	if (!s->attribution)
		return;
	fprintf(f, "%sattribution: %s (", lead, s->attribution);
	for (size_t i = 0; i < s->nbare; i++)
		fprintf(f, "%s%s %s", i ? ", " : "", s->bare[i].l0, verdict_name(s->bare[i].verdict));
	fprintf(f, "%s)\n", s->nbare ? " bare" : "no bare emulator ran");
}

/* "(64 iterations, l1 exits CPUID=64, median 812 cycles)" or "" */
static void details(FILE *f, const struct scn_result *s)
{
	const char *sep = " (", *level = NULL;
	size_t i;

	if (s->have_iterations && s->iterations) {
		fprintf(f, "%s%llu iterations", sep, (unsigned long long)s->iterations);
		sep = ", ";
	}
	for (i = 0; i < s->nexits; i++) {
		const struct exit_count *e = &s->exits[i];

		if (!level || strcmp(level, e->level))
			fprintf(f, "%s%s exits", sep, e->level);
		fprintf(f, " %s=%llu", e->reason, (unsigned long long)e->count);
		level = e->level;
		sep = ", ";
	}
	if (s->lat.have) {
		fprintf(f, "%smedian %llu %s", sep, (unsigned long long)s->lat.median, s->lat.unit);
		sep = ", ";
	}
	if (sep[0] == ',')
		fputc(')', f);
}

void output_scenario(FILE *f, const struct scn_result *s, bool colour)
{
	unsigned shown = 0;
	size_t i;

	if (colour)
		fprintf(f, "%s%s\033[0m: %s", colour_of(s->verdict), verdict_name(s->verdict), s->info->name);
	else
		fprintf(f, "%s: %s", verdict_name(s->verdict), s->info->name);
	label(f, s);
	details(f, s);
	if (s->why)
		fprintf(f, ": %s", s->why);
	fputc('\n', f);
	if (s->verdict == VERDICT_PASS || s->verdict == VERDICT_SKIP)
		return;
	attribution_line(f, "    ", s);
	for (i = 0; i < s->nchecks && shown < DETAIL_LINES; i++)
		if (!strcmp(s->checks[i].status, verdict_name(VERDICT_FAIL)) && ++shown)
			fprintf(f, "    FAIL: %s\n", s->checks[i].what);
	for (i = 0; i < s->nnotes && shown < DETAIL_LINES; i++, shown++)
		fprintf(f, "    %s\n", s->notes[i]);
}

void output_begin(struct run *r)
{
	if (r->o->quiet)
		return;
	if (r->o->tap)
		printf("TAP version 13\n1..%zu\n", r->n);
	fflush(stdout);
}

/* TAP descriptions: '#' starts a directive, so escape it. */
static void tap_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '#' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
}

static void output_tap(struct run *r, const struct scn_result *s)
{
	char *text = NULL;
	size_t len = 0, i;
	FILE *m = open_memstream(&text, &len);
	bool ok = s->verdict == VERDICT_PASS || s->verdict == VERDICT_SKIP;

	if (!m)
		return;
	fputs(s->info->name, m);
	label(m, s);
	details(m, s);
	if (s->why && s->verdict != VERDICT_SKIP)
		fprintf(m, ": %s", s->why);
	fclose(m);
	printf("%sok %u - ", ok ? "" : "not ", ++r->tap_number);
	tap_text(stdout, text);
	if (s->verdict == VERDICT_SKIP) {
		printf(" # SKIP ");
		tap_text(stdout, s->why ? s->why : "");
	} else if (!ok) {
		printf("\n# %s", verdict_name(s->verdict));
	}
	printf("\n");
	attribution_line(stdout, "# ", s);
	for (i = 0; !ok && i < s->nchecks; i++)
		if (!strcmp(s->checks[i].status, verdict_name(VERDICT_FAIL)))
			printf("# FAIL: %s\n", s->checks[i].what);
	for (i = 0; !ok && i < s->nnotes && i < DETAIL_LINES; i++)
		printf("# %s\n", s->notes[i]);
	free(text);
}

static void print_result(struct run *r, const struct scn_result *s)
{
	progress_clear();
	if (r->o->tap)
		output_tap(r, s);
	else
		output_scenario(stdout, s, r->o->colour);
	fflush(stdout);
}

void output_result(struct run *r, struct scn_result *s)
{
	r->reported++;
	if (r->o->quiet)
		return;
	if (r->defer_fails && s->verdict == VERDICT_FAIL) {
		s->deferred = true;	/* printed with its label by output_deferred */
		progress_tick(r->reported, r->n, r->t0, true);
		return;
	}
	print_result(r, s);
	progress_tick(r->reported, r->n, r->t0, true);
}

void output_deferred(struct run *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->scn[i].deferred && !r->o->quiet) {
			r->scn[i].deferred = false;
			print_result(r, &r->scn[i]);
		}
}

void summary_count(const struct run *r, struct summary *sum)
{
	size_t i;

	memset(sum, 0, sizeof(*sum));
	sum->total = r->n;
	for (i = 0; i < r->n; i++) {
		const char *key = verdict_key(r->scn[i].verdict);

#define X(k) if (!strcmp(key, #k)) sum->k++;
		VERDICT_TOTALS(X)
#undef X
	}
}

void output_summary_line(FILE *f, const struct summary *sum)
{
	fprintf(f, "SUMMARY: %u scenarios, %u passed, %u failed, %u skipped, %u errors",
		sum->total, sum->passed, sum->failed, sum->skipped,
		sum->errors + sum->crashed + sum->timeouts);
	if (sum->crashed || sum->timeouts)
		fprintf(f, " (%u crashed, %u timed out)", sum->crashed, sum->timeouts);
	fputc('\n', f);
}

void output_summary(struct run *r, const char *results_path)
{
	struct summary sum;

	progress_clear();
	output_deferred(r);
	summary_count(r, &sum);
	if (r->o->tap)
		fputs("# ", stdout);
	output_summary_line(stdout, &sum);
	if (results_path)
		printf("%sresults: %s\n", r->o->tap ? "# " : "", results_path);
	fflush(stdout);
}
