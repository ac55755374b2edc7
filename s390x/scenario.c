// SPDX-License-Identifier: GPL-2.0-only
/* Runs one scenario and prints its records (docs/records.md). */
#include "s390x/scenario.h"
#include "s390x/interrupt.h"
#include "lib/printf.h"
#include "lib/report.h"
#include "lib/scenario_records.h"

const struct scenario_entry scenario_registry[] = {
#define SCENARIO(id, name, desc) SCENARIO_ENTRY(id, name, desc)
#include "s390x/scenarios.def"
#undef SCENARIO
};
const u32 scenario_count = ARRAY_SIZE(scenario_registry);

static char skip_why[160];

void scenario_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(skip_why, sizeof(skip_why), fmt, ap);
	va_end(ap);
}

void scenario_latency(u64 *samples, u32 n, u32 warmup)
{
	record_latency(scenario_name(), "ns", samples, n, warmup, NULL);
}

static enum verdict run_checked(const struct scenario_entry *e, const struct run_options *o)
{
	const struct scenario *s = e->scn;
	struct run_options resolved = *o;
	u32 iters;

	resolved.iters = run_options_iters(o, RUNOPT_ITERS_MAX);
	iters = s->measures ? resolved.iters : 1;
	skip_why[0] = 0;
	s->run(&resolved);
	if (scenario_broken(o))
		check(false, "expectation broken on purpose (break=%s)", e->name);
	if (scenario_failed())
		return scenario_result(VERDICT_FAIL, iters, "a check failed");
	if (skip_why[0]) {
		report_skip("%s", skip_why);
		return scenario_result(VERDICT_SKIP, 0, skip_why);
	}
	return scenario_result(VERDICT_PASS, iters, NULL);
}

enum verdict scenario_run(const struct scenario_entry *e, const struct run_options *o)
{
	enum verdict v;

	crash_context = e->name;
	v = run_checked(e, o);
	crash_context = NULL;
	return v;
}
