// SPDX-License-Identifier: GPL-2.0-only
/* --shard I/N, `samples` records into a latency, JUnit XML from a results document. */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "lib/test.h"
#include "l0/regress/junit.h"
#include "l0/regress/samples.h"
#include "l0/regress/shard.h"
#include "l0/regress/verdicts.h"
#include "l0/run/session.h"
#include "lib/record.h"

static void test_shard(void)
{
	const struct scenario_info *sel[64];
	unsigned i, n, seen[64] = { 0 };
	size_t total = 0;

	CHECK(shard_parse("1/1", &i, &n) && i == 1 && n == 1, "1/1");
	CHECK(shard_parse("3/4", &i, &n) && i == 3 && n == 4, "3/4");
	CHECK(!shard_parse("0/4", &i, &n) && !shard_parse("5/4", &i, &n) && !shard_parse("1/0", &i, &n) &&
	      !shard_parse("1", &i, &n) && !shard_parse("1/2x", &i, &n) && !shard_parse("-1/2", &i, &n) &&
	      !shard_parse("1/2000", &i, &n) && !shard_parse("", &i, &n),
	      "bad shards refused");
	/* Every scenario in exactly one of 3 shards, in registry order. */
	for (unsigned s = 1; s <= 3; s++) {
		size_t k, got;

		for (k = 0; k < scenario_count && k < 64; k++)
			sel[k] = &scenario_table[k];
		got = shard_select(sel, k, s, 3);
		for (size_t j = 0; j < got; j++) {
			seen[sel[j] - scenario_table]++;
			CHECK(j == 0 || sel[j] > sel[j - 1], "shard %u in registry order", s);
		}
		total += got;
	}
	for (size_t k = 0; k < scenario_count && k < 64; k++)
		CHECK(seen[k] == 1, "%s in %u shards (want 1)", scenario_table[k].name, seen[k]);
	CHECK(total == (scenario_count < 64 ? scenario_count : 64), "3 shards cover the selection");
	for (size_t k = 0; k < 3; k++)
		sel[k] = &scenario_table[k];
	CHECK(shard_select(sel, 3, 5, 8) == 0, "shard 5/8 of 3 scenarios is empty");
}

static const char *feed(struct latency *l, const char *fields)
{
	static struct record_parsed p;
	struct record r;
	char line[RECORD_MAX + 64];
	const char *out;

	record_begin(&r, "samples");
	record_str(&r, "name", "a/b");
	snprintf(line, sizeof(line), "%s", fields);
	for (char *kv = strtok(line, " "); kv; kv = strtok(NULL, " ")) {
		char *eq = strchr(kv, '=');

		*eq = 0;
		record_str(&r, kv, eq + 1);
	}
	out = record_end(&r);
	if (record_parse(out, strlen(out), &p) != RECORD_OK)
		return "(did not parse)";
	return samples_take(&l->samples, &l->nsamples, &l->samples_of, l->have, &p);
}

static void test_samples(void)
{
	struct latency l = { 0 };

	CHECK(!feed(&l, "first=0 count=3 of=5 v=160,161,162"), "first chunk");
	CHECK(!feed(&l, "first=3 count=2 of=5 v=170,18446744073709551615"), "second chunk");
	CHECK(l.nsamples == 5 && l.samples[0] == 160 && l.samples[3] == 170 && l.samples[4] == UINT64_MAX,
	      "5 samples in order");
	CHECK(feed(&l, "first=5 count=1 of=5 v=1") != NULL, "past of: refused");
	free(l.samples);
	memset(&l, 0, sizeof(l));
	CHECK(feed(&l, "first=1 count=1 of=2 v=1") != NULL, "a gap: refused");
	CHECK(feed(&l, "first=0 count=2 of=2 v=1") != NULL, "fewer values than count: refused");
	CHECK(feed(&l, "first=0 count=1 of=2 v=1,2") != NULL, "more values than count: refused");
	CHECK(feed(&l, "first=0 count=1 of=1 v=1x") != NULL, "not a number: refused");
	CHECK(feed(&l, "first=0 count=1 of=1 v=18446744073709551616") != NULL, "over 2^64-1: refused");
	CHECK(feed(&l, "first=0 count=2 of=2 v=1,") != NULL, "trailing comma: refused");
	CHECK(feed(&l, "first=0 count=1 of=2000 v=1") != NULL, "over 1024 samples: refused");
	CHECK(feed(&l, "first=0 count=1 v=1") != NULL, "no of: refused");
	CHECK(l.nsamples == 0, "nothing taken from refused records");
	l.have = true;
	CHECK(feed(&l, "first=0 count=1 of=1 v=1") != NULL, "after the latency record: refused");
	free(l.samples);
}

static void test_junit(void)
{
	json_object *root = json_tokener_parse(
		"{\"run_id\": \"r1\", \"started\": \"2026-11-25T14:30:00Z\", \"duration_s\": 1.5,"
		" \"environment\": {\"backend\": \"bochs\", \"cpu_model\": \"m<&>\"},"
		" \"summary\": {\"total\": 3, \"passed\": 1, \"failed\": 1, \"skipped\": 0, \"errors\": 0,"
		"  \"crashed\": 1, \"timeouts\": 0},"
		" \"scenarios\": ["
		"  {\"name\": \"cpuid/exit\", \"verdict\": \"PASS\", \"latency\": {\"median\": 160, \"p99\": 160, \"unit\": \"cycles\"}, \"log\": \"job-0/serial.log\"},"
		"  {\"name\": \"io/x\", \"verdict\": \"FAIL\", \"why\": \"a \\\"b\\\" <c>\", \"checks\": [{\"status\": \"FAIL\", \"what\": \"exits 1 (want 2)\"}]},"
		"  {\"name\": \"debug/crash\", \"verdict\": \"CRASH\", \"why\": \"L1 took #UD\"}]}");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	junit_print(f, root);
	fclose(f);
	CHECK(strstr(text, "<testsuites name=\"nestlab\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\"") != NULL,
	      "testsuites counts: %s", text);
	CHECK(strstr(text, "<testcase classname=\"nestlab.cpuid\" name=\"cpuid/exit\">") != NULL, "PASS testcase");
	CHECK(strstr(text, "<failure type=\"FAIL\" message=\"a &quot;b&quot; &lt;c&gt;\">FAIL: exits 1 (want 2)&#10;</failure>") != NULL,
	      "FAIL as an escaped failure");
	CHECK(strstr(text, "<error type=\"CRASH\" message=\"L1 took #UD\">") != NULL, "CRASH as an error");
	CHECK(strstr(text, "value=\"m&lt;&amp;&gt;\"") != NULL, "escaped property");
	CHECK(strstr(text, "<system-out>median 160 p99 160 cycles, log job-0/serial.log</system-out>") != NULL,
	      "latency in system-out");
	free(text);
	json_object_put(root);
}

static void test_verdicts(void)
{
	struct verdicts_run runs[2] = {
		{ "Bochs", json_tokener_parse(
			"{\"environment\": {\"backend\": \"bochs\"}, \"options\": {\"model\": \"skylake\"},"
			" \"scenarios\": [{\"name\": \"ev/a\", \"description\": \"SDM x | y\", \"verdict\": \"PASS\"},"
			" {\"name\": \"ev/b\", \"verdict\": \"PASS\"}, {\"name\": \"tlb/c\", \"verdict\": \"SKIP\"}]}") },
		{ "lab", json_tokener_parse(
			"{\"environment\": {\"backend\": \"lab-vmx\"}, \"options\": {\"l0_param\": [\"ept=0\"]},"
			" \"scenarios\": [{\"name\": \"ev/a\", \"verdict\": \"FAIL\", \"checks\": [{\"status\": \"PASS\","
			" \"what\": \"fine\"}, {\"status\": \"FAIL\", \"what\": \"CR3 stale\"}]},"
			" {\"name\": \"ev/b\", \"verdict\": \"PASS\"}, {\"name\": \"tlb/c\", \"verdict\": \"PASS\"}]}") },
	};
	const char *only[] = { "ev/" };
	char *text = NULL, cmd[256];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	verdicts_print(f, runs, 2, NULL, 0);
	fclose(f);
	CHECK(strstr(text, "#### ev/\n\n| scenario | what it checks | Bochs | lab |\n|---|---|---|---|\n") != NULL,
	      "a table per family with a column per run: %s", text);
	CHECK(strstr(text, "| `ev/a` | SDM x \\| y | PASS | **FAIL** |") != NULL, "verdicts side by side, '|' escaped");
	CHECK(strstr(text, "#### tlb/") != NULL && strstr(text, "| `tlb/c` |  | SKIP | PASS |") != NULL,
	      "second family; SKIP against PASS");
	CHECK(strstr(text, "- `ev/a`: Bochs PASS, lab FAIL\n  - lab: `build/l0/nestlab run --backend lab-vmx "
			   "--l0-param ept=0 ev/a`\n    - CR3 stale\n") != NULL, "the disagreement, its command and check");
	CHECK(!strstr(text, "- `tlb/c`") && !strstr(text, "- `ev/b`"), "SKIP/PASS and PASS/PASS are no disagreement");
	free(text);
	text = NULL;
	f = open_memstream(&text, &len);
	verdicts_print(f, runs, 2, only, 1);
	fclose(f);
	CHECK(!strstr(text, "tlb/"), "--only ev/ leaves tlb/ out");
	free(text);
	CHECK(!strcmp(verdicts_command(runs[0].doc, "ev/b", cmd, sizeof(cmd)),
		      "build/l0/nestlab run --backend bochs --model skylake ev/b"), "command with the model: %s", cmd);
	json_object_put(runs[0].doc);
	json_object_put(runs[1].doc);
}

int main(void)
{
	test_verdicts();
	test_shard();
	test_samples();
	test_junit();
	return test_done();
}
