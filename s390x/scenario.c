// SPDX-License-Identifier: GPL-2.0-only
/* Runs one scenario and prints its records (docs/records.md). */
#include "s390x/scenario.h"
#include "s390x/console.h"
#include "s390x/interrupt.h"
#include "lib/printf.h"
#include "lib/report.h"
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
	struct record r;
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(cond, "%s", msg);
	record_begin(&r, "check");
	record_str(&r, "name", current->name);
	record_str(&r, "status", cond ? "PASS" : "FAIL");
	record_str(&r, "what", msg);
	console_record(&r);
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
	static struct stats st;
	struct record r;
	char key[8];

	stats_compute(samples, n, &st);
	record_begin(&r, "latency");
	record_str(&r, "name", current->name);
	record_str(&r, "unit", "ns");
	record_u64(&r, "n", st.n);
	record_u64(&r, "warmup", warmup);
	record_u64(&r, "min", st.min);
	record_u64(&r, "median", st.median);
	record_u64(&r, "p90", st.p90);
	record_u64(&r, "p99", st.p99);
	record_u64(&r, "max", st.max);
	record_u64(&r, "mean", st.mean);
	record_u64(&r, "stddev", st.stddev);
	console_record(&r);
	record_begin(&r, "hist");
	record_str(&r, "name", current->name);
	for (int b = 0; b < STATS_HIST_BUCKETS; b++) {
		if (!st.hist[b])
			continue;
		nl_snprintf(key, sizeof(key), "b%d", b);
		record_u64(&r, key, st.hist[b]);
	}
	console_record(&r);
	report_info("round trip ns (TOD clock): min %llu median %llu p90 %llu p99 %llu max %llu (n %llu)",
		    (unsigned long long)st.min, (unsigned long long)st.median,
		    (unsigned long long)st.p90, (unsigned long long)st.p99,
		    (unsigned long long)st.max, (unsigned long long)st.n);
}

static void result_record(const struct scenario *s, const char *verdict, u32 iters, const char *why)
{
	struct record r;

	record_begin(&r, "result");
	record_str(&r, "name", s->name);
	record_str(&r, "verdict", verdict);
	record_u64(&r, "iterations", iters);
	if (why && why[0])
		record_str(&r, "why", why);
	console_record(&r);
}

enum verdict scenario_run(const struct scenario *s, u32 index, u32 of, const struct run_options *o)
{
	struct record r;
	enum verdict v;
	u32 iters = s->measures ? o->iters : 1;

	current = s;
	failed = 0;
	skip_why[0] = 0;
	record_begin(&r, "scenario");
	record_str(&r, "name", s->name);
	record_u64(&r, "index", index);
	record_u64(&r, "of", of);
	console_record(&r);
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
