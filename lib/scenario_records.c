// SPDX-License-Identifier: GPL-2.0-only
#include "lib/scenario_records.h"
#include "lib/printf.h"
#include "lib/report.h"
#include "lib/stats.h"
#include "lib/string.h"

void record_emit(struct record *r)
{
	report_raw(record_end(r));
}

void record_scenario(const char *name, u32 index, u32 of)
{
	struct record r;

	record_begin(&r, "scenario");
	record_str(&r, "name", name);
	record_u64(&r, "index", index);
	record_u64(&r, "of", of);
	record_emit(&r);
}

bool record_check(const char *name, bool pass, const char *what)
{
	struct record r;

	report(pass, "%s", what);
	record_begin(&r, "check");
	record_str(&r, "name", name);
	record_str(&r, "status", pass ? "PASS" : "FAIL");
	record_str(&r, "what", what);
	record_emit(&r);
	return pass;
}

void record_result(const char *name, const char *verdict, u32 iters, const char *why)
{
	struct record r;

	record_begin(&r, "result");
	record_str(&r, "name", name);
	record_str(&r, "verdict", verdict);
	record_u64(&r, "iterations", iters);
	if (why && why[0])
		record_str(&r, "why", why);
	record_emit(&r);
}

void record_end_of_run(const u32 totals[VERDICT_COUNT])
{
	static const enum verdict order[] = { VERDICT_PASS, VERDICT_FAIL, VERDICT_SKIP, VERDICT_ERROR };
	struct record r;

	record_begin(&r, "end");
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		record_u64(&r, verdict_key(order[i]), totals[order[i]]);
	record_emit(&r);
}

void record_latency(const char *name, const char *unit, u64 *samples, size_t n, u32 warmup,
		    const u64 *overhead)
{
	static struct stats st;
	struct record r;
	char key[8];

	stats_compute(samples, n, &st);
	record_begin(&r, "latency");
	record_str(&r, "name", name);
	record_str(&r, "unit", unit);
	record_u64(&r, "n", st.n);
	record_u64(&r, "warmup", warmup);
	if (overhead)
		record_u64(&r, "overhead", *overhead);
	record_u64(&r, "min", st.min);
	record_u64(&r, "median", st.median);
	record_u64(&r, "p90", st.p90);
	record_u64(&r, "p99", st.p99);
	record_u64(&r, "max", st.max);
	record_u64(&r, "mean", st.mean);
	record_u64(&r, "stddev", st.stddev);
	record_emit(&r);
	record_begin(&r, "hist");
	record_str(&r, "name", name);
	for (int b = 0; b < STATS_HIST_BUCKETS; b++) {
		if (!st.hist[b])
			continue;
		nl_snprintf(key, sizeof(key), "b%d", b);
		record_u64(&r, key, st.hist[b]);
	}
	record_emit(&r);
	report_info("round trip %s: min %llu median %llu p90 %llu p99 %llu max %llu (n %llu)", unit,
		    (unsigned long long)st.min, (unsigned long long)st.median,
		    (unsigned long long)st.p90, (unsigned long long)st.p99,
		    (unsigned long long)st.max, (unsigned long long)st.n);
}

void record_feature(const char *prefix, const char *name, bool on, const char *detail)
{
	char lower[RECORD_VALUE_MAX + 1];
	size_t n = strnlen(prefix, sizeof(lower) - 1);
	struct record r;

	memcpy(lower, prefix, n);
	str_lower(lower + n, sizeof(lower) - n, name);
	record_begin(&r, "feature");
	record_str(&r, "name", lower);
	record_u64(&r, "value", on);
	if (detail)
		record_str(&r, "detail", detail);
	record_emit(&r);
}
