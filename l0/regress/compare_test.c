// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab compare on synthetic results documents: verdicts (same, slower, faster,
 * more/fewer exits at any level, broken, fixed), the threshold, the exit status
 * (1, 0, -EINVAL: cmd_compare maps them to 1, 0, 125) and the summary fallback without raw samples.
 */
#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/test.h"
#include "l0/regress/compare.h"
#include "l0/sys/json.h"
#include "l0/sys/util.h"

static const struct cmp_opts opts = { .threshold = 2.0, .boot = { .resamples = 1000, .confidence = 95, .seed = 1 } };

struct scn {
	const char *name, *verdict;
	u64 base_cycles;		/* every sample; 0: no latency */
	unsigned noise;			/* samples spread over base + [0, noise) */
	const char *exits;		/* JSON object text, e.g. {"l1": {"CPUID": 64}} */
	bool raw;
};

static u64 rng = 99;

static json_object *doc(const char *backend, const char *model, const struct scn *s, size_t n)
{
	json_object *root = json_object_new_object(), *env = json_object_new_object();
	json_object *scns = json_object_new_array();

	json_object_object_add(root, "schema_version", json_object_new_int(1));
	json_object_object_add(root, "run_id", json_object_new_string("test"));
	json_object_object_add(env, "backend", json_object_new_string(backend));
	json_object_object_add(env, "cpu_model", json_object_new_string(model));
	json_object_object_add(root, "environment", env);
	for (size_t i = 0; i < n; i++) {
		json_object *o = json_object_new_object(), *lat, *samples;
		u64 v[64], sorted_med;

		json_object_object_add(o, "name", json_object_new_string(s[i].name));
		json_object_object_add(o, "verdict", json_object_new_string(s[i].verdict));
		json_object_object_add(o, "exits", json_tokener_parse(s[i].exits ? s[i].exits : "{}"));
		if (s[i].base_cycles) {
			lat = json_object_new_object();
			samples = json_object_new_array();
			for (int k = 0; k < 64; k++) {
				v[k] = s[i].base_cycles + (s[i].noise ? cmpstat_splitmix64(&rng) % s[i].noise : 0);
				json_object_array_add(samples, json_object_new_uint64(v[k]));
			}
			sorted_med = s[i].base_cycles + (s[i].noise ? s[i].noise / 2 : 0);
			json_object_object_add(lat, "unit", json_object_new_string("cycles"));
			json_object_object_add(lat, "n", json_object_new_int(64));
			json_object_object_add(lat, "median", json_object_new_uint64(sorted_med));
			json_object_object_add(lat, "p99", json_object_new_uint64(s[i].base_cycles + s[i].noise));
			json_object_object_add(lat, "stddev", json_object_new_uint64(s[i].noise / 4));
			if (s[i].raw)
				json_object_object_add(lat, "samples", samples);
			else
				json_object_put(samples);
			json_object_object_add(o, "latency", lat);
		}
		json_object_array_add(scns, o);
	}
	json_object_object_add(root, "scenarios", scns);
	return root;
}

/* Compares two documents; returns the status; *v the first scenario's verdict. */
static int run(json_object *b, json_object *n, const struct cmp_opts *o, enum cmp_verdict *v, bool *summaries)
{
	struct cmp_result r;
	int rc = compare_docs(b, n, o, &r);

	if (v)
		*v = r.n ? r.s[0].v : CMP_VERDICT_COUNT;
	if (summaries)
		*summaries = r.summaries_only;
	compare_free(&r);
	json_object_put(b);
	json_object_put(n);
	return rc;
}

#define ONE(name, cyc, ex) (struct scn[]){ { name, "PASS", cyc, 0, ex, true } }

static void test_latency(void)
{
	enum cmp_verdict v;
	struct cmp_opts zero = opts;
	int rc;

	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 160, NULL), 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "A/A: same, 0 (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 170, NULL), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_SLOWER, "+10 of 160: slower, 1 (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 150, NULL), 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_FASTER, "-10 of 160: faster, 0 (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 163, NULL), 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "+3 of 160 (1.9%%) under a 2%% threshold: same (got %s)", cmp_verdict_name(v));
	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 164, NULL), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_SLOWER, "+4 of 160 (2.5%%): slower (got %s)", cmp_verdict_name(v));
	zero.threshold = 0;
	rc = run(doc("bochs", "m", ONE("a/b", 160, NULL), 1), doc("bochs", "m", ONE("a/b", 161, NULL), 1), &zero, &v, NULL);
	CHECK(rc == 1 && v == CMP_SLOWER, "+1 at threshold 0: slower (got %s)", cmp_verdict_name(v));
}

static void test_noise(void)
{
	static const struct scn noisy[] = { { "a/b", "PASS", 1000, 200, NULL, true } };
	static const struct scn shifted[] = { { "a/b", "PASS", 1100, 200, NULL, true } };
	enum cmp_verdict v;
	int rc, alarms = 0;

	for (int t = 0; t < 100; t++) {
		rc = run(doc("bochs", "m", noisy, 1), doc("bochs", "m", noisy, 1), &opts, &v, NULL);
		alarms += rc != 0;
	}
	CHECK(alarms == 0, "noisy A/A: %d false alarms in 100", alarms);
	rc = run(doc("bochs", "m", noisy, 1), doc("bochs", "m", shifted, 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_SLOWER, "noisy +10%%: slower (got %s)", cmp_verdict_name(v));
}

static void test_exits(void)
{
	enum cmp_verdict v;
	int rc;

	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 64}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 65}}"), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_MORE_EXITS, "one more exit: more exits, 1 (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 64}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 64}, \"l0\": {\"VMREAD\": 1}}"), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_MORE_EXITS, "a new l0 reason: more exits (got %s)", cmp_verdict_name(v));
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l0\": {\"VMREAD\": 64}}"), 1),
		 doc("k", "m", ONE("a/b", 100, "{}"), 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_FEWER_EXITS, "l0 exits gone: fewer exits, 0 (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 64, \"HLT\": 1}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 65}}"), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_MORE_EXITS, "one more, one fewer: more exits (got %s)", cmp_verdict_name(v));
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l0_nested\": {\"EPT_VIOLATION\": 256}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l0_nested\": {\"EPT_VIOLATION\": 256, \"EXTERNAL_INTERRUPT\": 1}}"), 1),
		 &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "a host interrupt at l0_nested: same (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l0\": {\"INTR\": 2, \"VMRUN\": 64}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l0\": {\"VMRUN\": 64}}"), 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "host interrupts gone at l0: same (got %s, %d)", cmp_verdict_name(v), rc);
	rc = run(doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"EXTERNAL_INTERRUPT\": 1}}"), 1),
		 doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"EXTERNAL_INTERRUPT\": 2}}"), 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_MORE_EXITS, "an L2->L1 interrupt exit is judged: more exits (got %s)",
	      cmp_verdict_name(v));
}

/* Different iteration counts: exits compared per iteration, still exactly. */
static void test_iterations(void)
{
	json_object *b = doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 64}}"), 1);
	json_object *n = doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 1024}}"), 1);
	json_object *m = doc("k", "m", ONE("a/b", 160, "{\"l1\": {\"CPUID\": 1025}}"), 1);
	enum cmp_verdict v;
	int rc;

	json_object_object_add(json_object_array_get_idx(json_object_object_get(b, "scenarios"), 0), "iterations",
			       json_object_new_int(64));
	json_object_object_add(json_object_array_get_idx(json_object_object_get(n, "scenarios"), 0), "iterations",
			       json_object_new_int(1024));
	json_object_object_add(json_object_array_get_idx(json_object_object_get(m, "scenarios"), 0), "iterations",
			       json_object_new_int(1024));
	rc = run(json_object_get(b), n, &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "64 in 64, 1024 in 1024: same (got %s)", cmp_verdict_name(v));
	rc = run(b, m, &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_MORE_EXITS, "64 in 64, 1025 in 1024: more exits (got %s)", cmp_verdict_name(v));
}

static void test_verdicts(void)
{
	static const struct scn pass[] = { { "a/b", "PASS", 0, 0, NULL, false } };
	static const struct scn fail[] = { { "a/b", "FAIL", 0, 0, NULL, false } };
	static const struct scn skip[] = { { "a/b", "SKIP", 0, 0, NULL, false } };
	enum cmp_verdict v;
	int rc;

	rc = run(doc("k", "m", pass, 1), doc("k", "m", fail, 1), &opts, &v, NULL);
	CHECK(rc == 1 && v == CMP_BROKEN, "PASS -> FAIL: broken, 1 (got %s)", cmp_verdict_name(v));
	rc = run(doc("k", "m", fail, 1), doc("k", "m", pass, 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_FIXED, "FAIL -> PASS: fixed, 0 (got %s)", cmp_verdict_name(v));
	rc = run(doc("k", "m", skip, 1), doc("k", "m", skip, 1), &opts, &v, NULL);
	CHECK(rc == 0 && v == CMP_SAME, "SKIP both, no latency: same (got %s)", cmp_verdict_name(v));
}

static void test_incomparable(void)
{
	static const struct scn two[] = { { "a/b", "PASS", 10, 0, NULL, true }, { "a/c", "PASS", 10, 0, NULL, true } };
	json_object *v2;
	struct cmp_result r;
	int rc;

	rc = run(doc("k", "m", two, 2), doc("k", "m", two, 1), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "a scenario missing in NEW: -EINVAL (got %d)", rc);
	rc = run(doc("k", "m", two, 1), doc("k", "m", two, 2), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "a scenario added in NEW: -EINVAL (got %d)", rc);
	rc = run(doc("bochs", "m", two, 2), doc("kvm", "m", two, 2), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "another backend: -EINVAL (got %d)", rc);
	rc = run(doc("k", "haswell", two, 2), doc("k", "skylake", two, 2), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "another CPU model: -EINVAL (got %d)", rc);
	v2 = doc("k", "m", two, 2);
	json_object_object_add(v2, "schema_version", json_object_new_int(2));
	rc = run(doc("k", "m", two, 2), v2, &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "schema version 2: -EINVAL (got %d)", rc);
	rc = compare_docs(json_object_new_array(), NULL, &opts, &r);
	CHECK(rc == -EINVAL && r.why.msg[0], "not a document: -EINVAL (%s)", r.why.msg);
	compare_free(&r);
	rc = run(doc("k", "m", two, 2), doc("k", "m", two + 1, 1), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "same count, other names: -EINVAL (got %d)", rc);
}

/* environment.l0_timing set to kind (NULL: absent, as in documents written before it). */
static json_object *timed(json_object *d, const char *kind)
{
	if (kind)
		json_object_object_add(json_get(d, "environment"), "l0_timing", json_object_new_string(kind));
	return d;
}

static void test_l0_timing(void)
{
	static const struct scn plain[] = { { "a/b", "PASS", 10, 0, "{\"l1\": {\"CPUID\": 64}}", true } };
	static const struct scn l0[] = { { "a/b", "PASS", 10, 0, "{\"l0\": {\"CPUID\": 64}}", true } };
	struct cmp_result r;
	int rc;

	rc = run(timed(doc("k", "m", l0, 1), "traced"), timed(doc("k", "m", l0, 1), "untraced"), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "timed traced against untraced: -EINVAL (got %d)", rc);
	rc = compare_docs(timed(doc("k", "m", l0, 1), "untraced"), timed(doc("k", "m", l0, 1), "traced"), &opts, &r);
	CHECK(rc == -EINVAL && strstr(r.why.msg, "untraced") && strstr(r.why.msg, "traced"),
	      "untraced against traced: -EINVAL, saying which (%s)", r.why.msg);
	compare_free(&r);
	rc = run(doc("k", "m", l0, 1), timed(doc("k", "m", l0, 1), "untraced"), &opts, NULL, NULL);
	CHECK(rc == -EINVAL, "an old document with l0 counts is traced: -EINVAL against untraced (got %d)", rc);
	rc = run(doc("k", "m", l0, 1), timed(doc("k", "m", l0, 1), "traced"), &opts, NULL, NULL);
	CHECK(rc == 0, "an old document with l0 counts against a traced one: comparable (got %d)", rc);
	rc = run(timed(doc("k", "m", l0, 1), "untraced"), timed(doc("k", "m", l0, 1), "untraced"), &opts, NULL, NULL);
	CHECK(rc == 0, "untraced against untraced: comparable (got %d)", rc);
	rc = run(doc("bochs", "m", plain, 1), timed(doc("bochs", "m", plain, 1), "none"), &opts, NULL, NULL);
	CHECK(rc == 0, "an old emulator document against a new one (none): comparable (got %d)", rc);
	rc = run(doc("bochs", "m", plain, 1), doc("bochs", "m", plain, 1), &opts, NULL, NULL);
	CHECK(rc == 0, "two old emulator documents: comparable (got %d)", rc);
}

static void test_summaries(void)
{
	static const struct scn base[] = { { "a/b", "PASS", 160, 0, NULL, false } };
	static const struct scn slower[] = { { "a/b", "PASS", 170, 0, NULL, false } };
	static const struct scn raw[] = { { "a/b", "PASS", 160, 0, NULL, true } };
	enum cmp_verdict v;
	bool summaries;
	int rc;

	rc = run(doc("k", "m", base, 1), doc("k", "m", slower, 1), &opts, &v, &summaries);
	CHECK(rc == 1 && v == CMP_SLOWER && summaries, "no samples: slower from summaries, said so");
	rc = run(doc("k", "m", base, 1), doc("k", "m", base, 1), &opts, &v, &summaries);
	CHECK(rc == 0 && v == CMP_SAME && summaries, "no samples, A/A: same");
	rc = run(doc("k", "m", raw, 1), doc("k", "m", base, 1), &opts, &v, &summaries);
	CHECK(rc == 0 && v == CMP_SAME && summaries, "samples on one side only: summaries");
	rc = run(doc("k", "m", raw, 1), doc("k", "m", raw, 1), &opts, &v, &summaries);
	CHECK(rc == 0 && !summaries, "samples on both sides: bootstrap");
}

static void test_print(void)
{
	static const struct scn s[] = { { "a/b", "PASS", 160, 0, "{\"l1\": {\"CPUID\": 64}}", true } };
	static const struct scn t[] = { { "a/b", "PASS", 170, 0, "{\"l1\": {\"CPUID\": 64}}", true } };
	json_object *b = doc("k", "m", s, 1), *n = doc("k", "m", t, 1);
	struct cmp_result r;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	compare_docs(b, n, &opts, &r);
	compare_print(f, &r, &opts);
	fclose(f);
	CHECK(strstr(text, "slower      a/b: median 160 -> 170 (+10, +6.25% [+6.25%, +6.25%])") != NULL,
	      "printed: %s", text);
	CHECK(strstr(text, "SUMMARY: 1 scenarios, 1 slower") != NULL, "summary line");
	free(text);
	compare_free(&r);
	json_object_put(b);
	json_object_put(n);
}

int main(void)
{
	test_latency();
	test_noise();
	test_exits();
	test_iterations();
	test_verdicts();
	test_incomparable();
	test_l0_timing();
	test_summaries();
	test_print();
	return test_done();
}
