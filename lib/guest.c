// SPDX-License-Identifier: GPL-2.0-only
#include "lib/guest.h"
#include "lib/printf.h"
#include "lib/report.h"
#include "lib/scenario_records.h"
#include "lib/selection.h"
#include "lib/string.h"


static const struct scenario_entry *current;
static struct report_counts before;	/* at the running scenario's start */
static u32 totals[VERDICT_COUNT];

bool check(bool cond, const char *fmt, ...)
{
	static char msg[200];
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return record_check(scenario_name(), cond, msg);
}

const char *scenario_name(void)
{
	return current ? current->name : NULL;
}

bool scenario_failed(void)
{
	struct report_counts now;

	report_counts(&now);
	return now.failed > before.failed;
}

bool scenario_broken(const struct run_options *o)
{
	return current && o->break_name && !strcmp(o->break_name, current->name);
}

enum verdict scenario_result(enum verdict v, u32 iters, const char *why)
{
	record_result(scenario_name(), verdict_name(v), iters, why);
	return v;
}

const struct scenario_entry *scenario_find(const char *name)
{
	for (u32 i = 0; i < scenario_count; i++)
		if (!strcmp(scenario_registry[i].name, name))
			return &scenario_registry[i];
	return NULL;
}

void guest_tally(enum verdict v)
{
	totals[(unsigned)v < VERDICT_COUNT ? v : VERDICT_ERROR]++;
}

static void run_one(const struct scenario_entry *e, u32 index, u32 of, const struct run_options *o)
{
	current = e;
	report_counts(&before);
	record_scenario(e->name, index, of);
	report_prefix_push(e->name);
	guest_tally(scenario_run(e, o));
	report_prefix_pop();
	current = NULL;
}

static void unknown_scenario(const char *name)
{
	report_fail("unknown scenario %s", name);
	record_result(name, verdict_name(VERDICT_ERROR), 0, "unknown scenario");
	guest_tally(VERDICT_ERROR);
}

static bool in_default_suite(const struct scenario_entry *e)
{
	return !selection_optin_family(e->name);
}

/* run=@FINGERPRINT:BITMAP (lib/selection.h): the selected entries, in registry order. */
static void run_bitmap(const char *word, const struct run_options *o)
{
	static u8 bitmap[SELECTION_BITMAP_BYTES];
	u32 fp = selection_fingerprint(scenario_registry, sizeof(scenario_registry[0]), scenario_count);
	int n = selection_decode(word, fp, bitmap, scenario_count);
	u32 i = 0;

	if (n < 0) {
		unknown_scenario(n == -2 ? "selection of another registry (rebuild the runner and L1 together)"
					 : "malformed selection");
		return;
	}
	for (u32 k = 0; k < scenario_count; k++)
		if (selection_has(bitmap, k))
			run_one(&scenario_registry[k], ++i, (u32)n, o);
}

void guest_run_selected(const char *run, const struct run_options *o)
{
	char name[64];
	const char *rest;
	u32 n = 0, i = 0;

	if (!run) {
		for (u32 k = 0; k < scenario_count; k++)
			n += in_default_suite(&scenario_registry[k]);
		for (u32 k = 0; k < scenario_count; k++)
			if (in_default_suite(&scenario_registry[k]))
				run_one(&scenario_registry[k], ++i, n, o);
		return;
	}
	if (run[0] == '@') {
		run_bitmap(run, o);
		return;
	}
	for (rest = run; (rest = guest_cmdline_next_name(rest, name, sizeof(name)));)
		n++;
	for (rest = run; (rest = guest_cmdline_next_name(rest, name, sizeof(name)));) {
		const struct scenario_entry *e = scenario_find(name);

		i++;
		if (e)
			run_one(e, i, n, o);
		else
			unknown_scenario(name);
	}
}

void guest_end(void)
{
	record_end_of_run(totals);
	report_summary();
}
