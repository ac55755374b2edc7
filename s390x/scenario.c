// SPDX-License-Identifier: GPL-2.0-only
/* Runs one scenario and prints its records (docs/records.md). */
#include "s390x/scenario.h"
#include "s390x/console.h"
#include "s390x/interrupt.h"
#include "lib/printf.h"
#include "lib/report.h"
#include "lib/scenario_records.h"
#include "lib/stats.h"
#include "lib/string.h"

const struct scenario *const scenario_registry[] = {
#define SCENARIO(id, name, desc) &scn_##id,
#include "s390x/scenarios.def"
#undef SCENARIO
};
const u32 scenario_count = ARRAY_SIZE(scenario_registry);

static const struct scenario *current;
static u32 failed;
static char skip_why[160];

bool check(bool cond, const char *fmt, ...)
{
	static char msg[200];
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	record_check(current->name, cond, msg);
	if (!cond)
		failed++;
	return cond;
}

void scenario_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(skip_why, sizeof(skip_why), fmt, ap);
	va_end(ap);
}

void scenario_latency(u64 *samples, u32 n, u32 warmup)
{
	record_latency(current->name, "ns", samples, n, warmup, NULL);
}

static void result_record(const struct scenario *s, const char *verdict, u32 iters, const char *why)
{
	record_result(s->name, verdict, iters, why);
}

enum verdict scenario_run(const struct scenario *s, u32 index, u32 of, const struct run_options *o)
{
	enum verdict v;
	u32 iters = s->measures ? o->iters : 1;

	current = s;
	failed = 0;
	skip_why[0] = 0;
	record_scenario(s->name, index, of);
	crash_context = s->name;
	report_prefix_push(s->name);
	s->run(o);
	if (o->break_name && strlen(s->name) == o->break_len && !strncmp(s->name, o->break_name, o->break_len))
		check(false, "expectation broken on purpose (break=%s)", s->name);
	if (failed) {
		v = V_FAIL;
		result_record(s, "FAIL", iters, "a check failed");
	} else if (skip_why[0]) {
		v = V_SKIP;
		report_skip("%s", skip_why);
		result_record(s, "SKIP", 0, skip_why);
	} else {
		v = V_PASS;
		result_record(s, "PASS", iters, NULL);
	}
	report_prefix_pop();
	crash_context = NULL;
	return v;
}
