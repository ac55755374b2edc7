// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session and results from canned consoles: records built with lib/record.c
 * (as L1 prints them), fed whole or byte by byte, and the verdicts, counts
 * and results.json (read back with json-c) that come out.
 */
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/record.h"
#include "lib/test.h"
#include "l0/sys/file.h"
#include "l0/run/results.h"
#include "l0/run/runner.h"
#include "l0/run/session.h"
#include "l0/run/session_fixture.h"
#include "l0/sys/util.h"

static u64 exits_of(const struct scn_result *r, const char *reason)
{
	size_t i;

	for (i = 0; i < r->nexits; i++)
		if (!strcmp(r->exits[i].reason, reason) && !strcmp(r->exits[i].level, "l1"))
			return r->exits[i].count;
	return ~0ull;
}

static void complete_log(void)
{
	struct fixture f;
	int bytewise;

	preamble();
	good_cpuid("64");
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "3", NULL);
	emit("check", "name", "vmcall/exit", "status", "FAIL", "what", "exits VMCALL: 63 (want 64)", NULL);
	emit("result", "name", "vmcall/exit", "verdict", "FAIL", "iterations", "64", NULL);
	emit("scenario", "name", "hlt/exit", "index", "3", "of", "3", NULL);
	emit("result", "name", "hlt/exit", "verdict", "SKIP", "why", "needs HLT exiting", NULL);
	emit("end", "passed", "1", "failed", "1", "skipped", "1", "errors", "0", NULL);
	for (bytewise = 0; bytewise < 2; bytewise++) {
		run(&f, bytewise, SESSION_EXITED, NULL, 0);
		CHECK(f.early == NULL, "complete: early end %s", f.early);
		CHECK(f.done == 3, "complete: %u verdicts reported", f.done);
		CHECK(f.res[0].verdict == VERDICT_PASS, "cpuid: %s %s", verdict_name(f.res[0].verdict), f.res[0].why);
		CHECK(f.res[0].have_iterations && f.res[0].iterations == 64, "cpuid iterations");
		CHECK(f.res[0].nexits == 2 && exits_of(&f.res[0], "CPUID") == 64 && exits_of(&f.res[0], "VMCALL") == 1,
		      "cpuid exits");
		CHECK(f.res[0].lat.have && f.res[0].lat.median == 812 && f.res[0].lat.n == 64 &&
		      f.res[0].lat.stddev == 20 && !strcmp(f.res[0].lat.unit, "cycles"), "latency");
		CHECK(f.res[0].lat.have_hist && f.res[0].lat.hist[9] == 60 && f.res[0].lat.hist[10] == 4 &&
		      f.res[0].lat.hist[8] == 0, "histogram");
		CHECK(f.res[0].nchecks == 1 && !strcmp(f.res[0].checks[0].what, "exits CPUID: 64 (want 64)"), "check");
		CHECK(f.res[1].verdict == VERDICT_FAIL, "vmcall: %s", verdict_name(f.res[1].verdict));
		CHECK(f.res[2].verdict == VERDICT_SKIP && contains(f.res[2].why, "needs HLT exiting"), "hlt skip");
		CHECK(f.env.nfeatures == 2 && !strcmp(f.env.features[0].name, "ept") &&
		      !strcmp(f.env.features[1].value, "0"), "features");
		CHECK(f.env.nmsrs == 1 && !strcmp(f.env.msrs[0].value, "0xd810000000002b"), "msrs");
		CHECK(f.env.cpu_brand && !strcmp(f.env.cpu_brand, "Intel(R) Core(TM) i7-4770"), "brand");
		CHECK(f.env.nwarnings == 0, "no warnings: %s", f.env.nwarnings ? f.env.warnings[0] : "");
		teardown(&f);
	}
}

static void crlf(void)
{
	struct fixture f;
	size_t i, n;
	static char copy[sizeof(con)];

	preamble();
	good_cpuid("64");
	n = 0;
	for (i = 0; i < conlen; i++) {
		if (con[i] == '\n')
			copy[n++] = '\r';
		copy[n++] = con[i];
	}
	memcpy(con, copy, n);
	conlen = n;
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_PASS, "CRLF: %s %s", verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);
}

/* OVMF's console output comes first (--boot efi): escape sequences, then L1's begin record. */
static void firmware_before_begin(void)
{
	static const char ovmf[] = "\x1b[2J\x1b[01;01H\x1b[=3hBdsDxe: starting Boot0001\r\n\r\n";
	struct fixture f;
	size_t keep;

	preamble();
	keep = conlen;
	memmove(con + sizeof(ovmf) - 1, con, keep);
	memcpy(con, ovmf, sizeof(ovmf) - 1);
	conlen = keep + sizeof(ovmf) - 1;
	good_cpuid("64");
	emit_raw("\x1b[2J after begin\n", 17);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_PASS, "after firmware output: %s %s", verdict_name(f.res[0].verdict),
	      f.res[0].why);
	CHECK(f.env.nwarnings == 1 && contains(f.env.warnings[0], "unprintable"),
	      "only the escape after begin warns: %zu warnings", f.env.nwarnings);
	CHECK(f.env.l1_boot && !strcmp(f.env.l1_boot, "multiboot"), "l1_boot: %s", f.env.l1_boot);
	teardown(&f);
}

static void ends_mid_scenario(void)
{
	struct fixture f;
	char *diag[] = { "00012e[CPU0  ] VMENTER FAIL: VMCS guest incorrect TR type" };

	preamble();
	good_cpuid("64");
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "3", NULL);
	emit("exit", "name", "vmcall/exit", "level", "l1", "reason", "VMCALL", "count", "3", NULL);
	emit_raw("@nl1 resu", 9);	/* cut off mid-record */
	run(&f, false, SESSION_EXITED, diag, 1);
	CHECK(f.res[0].verdict == VERDICT_PASS, "first scenario stays PASS");
	CHECK(f.res[1].verdict == VERDICT_CRASH, "mid-scenario end: %s", verdict_name(f.res[1].verdict));
	CHECK(contains(f.res[1].why, "console ended inside the scenario"), "why: %s", f.res[1].why);
	CHECK(contains(f.res[1].why, "VMENTER FAIL: VMCS guest incorrect TR type"), "diag in why: %s", f.res[1].why);
	CHECK(f.res[1].nnotes >= 1, "notes");
	CHECK(f.res[2].verdict == VERDICT_NONE && !f.res[2].started, "third not started");
	CHECK(contains(f.early, "no end record"), "early: %s", f.early);
	teardown(&f);

	/* timeout inside a scenario */
	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", NULL);
	run(&f, false, SESSION_TIMEOUT, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_TIMEOUT, "timeout: %s", verdict_name(f.res[0].verdict));
	CHECK(contains(f.res[0].why, "killed after 300 s"), "timeout why: %s", f.res[0].why);
	CHECK(f.res[1].verdict == VERDICT_NONE, "after timeout: not started");
	CHECK(contains(f.early, "killed after 300 s"), "timeout early: %s", f.early);
	teardown(&f);

	/* timeout before any scenario: nothing final, all to be run again */
	preamble();
	run(&f, false, SESSION_TIMEOUT, NULL, 0);
	CHECK(f.done == 0 && f.res[0].verdict == VERDICT_NONE, "timeout at boot");
	teardown(&f);

	/* nothing at all on the console */
	conlen = 0;
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.done == 0 && contains(f.early, "before L1 printed its begin record"), "empty: %s", f.early);
	teardown(&f);
}

static void crash_record(void)
{
	struct fixture f;

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", NULL);
	emit("crash", "vector", "6", "error", "0x0", "rip", "0xffff800000101234", "cr2", "0x0", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_CRASH, "crash: %s", verdict_name(f.res[0].verdict));
	CHECK(contains(f.res[0].why, "#UD") && contains(f.res[0].why, "rip=0xffff800000101234"), "why: %s",
	      f.res[0].why);
	CHECK(f.res[1].verdict == VERDICT_NONE, "rest not started");
	teardown(&f);

	/* a crash before any scenario: the reason the rest were not run */
	preamble();
	emit("crash", "vector", "13", "error", "0x10", "rip", "0x1000", "cr2", "0x0", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.done == 0 && contains(f.early, "#GP"), "crash at boot: %s", f.early);
	teardown(&f);
}

static void garbage(void)
{
	struct fixture f;
	char bad[128];

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", NULL);
	human("@nl1 exit name=cpuid/exit reason=CPUID count=64 ~deadbeef");
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", "64", NULL);
	human("@nl1 garbage outside ~00000000");
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "3", NULL);
	emit_raw("PASS: \x01\x02\xff bytes\n", 16);
	emit("result", "name", "vmcall/exit", "verdict", "PASS", "iterations", "64", NULL);
	emit("scenario", "name", "hlt/exit", "index", "3", "of", "3", NULL);
	memset(bad, 'x', sizeof(bad));
	for (int i = 0; i < 40; i++)
		emit_raw(bad, sizeof(bad));	/* 5120 bytes, no newline */
	emit_raw("\n", 1);
	emit("result", "name", "hlt/exit", "verdict", "PASS", "iterations", "64", NULL);
	emit("end", "passed", "3", "failed", "0", "skipped", "0", "errors", "0", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR, "garbage: %s", verdict_name(f.res[0].verdict));
	CHECK(contains(f.res[0].why, "CRC mismatch"), "why: %s", f.res[0].why);
	CHECK(f.res[0].nnotes == 1 && contains(f.res[0].notes[0], "count=64 ~deadbeef"), "note: %s",
	      f.res[0].nnotes ? f.res[0].notes[0] : "");
	CHECK(f.res[1].verdict == VERDICT_ERROR && contains(f.res[1].why, "unprintable"), "unprintable: %s",
	      f.res[1].why);
	CHECK(f.res[1].nnotes == 1 && contains(f.res[1].notes[0], "\\x01\\x02\\xff"), "escaped: %s",
	      f.res[1].nnotes ? f.res[1].notes[0] : "");
	CHECK(f.res[2].verdict == VERDICT_ERROR && contains(f.res[2].why, "over 4096"), "overlong: %s",
	      f.res[2].why);
	CHECK(f.env.nwarnings == 1 && contains(f.env.warnings[0], "garbage outside"), "warning outside");
	teardown(&f);
}

static void protocol(void)
{
	struct fixture f;

	/* a record naming another scenario, a missing result, the end record leaving one out */
	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", NULL);
	emit("exit", "name", "vmcall/exit", "level", "l1", "reason", "VMCALL", "count", "1", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", "64", NULL);
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "3", NULL);
	emit("scenario", "name", "io/intercepted", "index", "3", "of", "3", NULL);
	emit("result", "name", "io/intercepted", "verdict", "PASS", NULL);
	emit("end", "passed", "1", "failed", "0", "skipped", "0", "errors", "0", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "another scenario"), "other: %s",
	      f.res[0].why);
	CHECK(f.res[1].verdict == VERDICT_ERROR && contains(f.res[1].why, "no result record"), "no result: %s",
	      f.res[1].why);
	CHECK(f.res[2].verdict == VERDICT_ERROR && contains(f.res[2].why, "not run"), "not run: %s",
	      f.res[2].why);
	CHECK(f.early == NULL, "ended: no early end");
	CHECK(f.env.nwarnings == 1 && contains(f.env.warnings[0], "not asked"), "foreign scenario warned");
	teardown(&f);

	/* unknown types and keys are ignored */
	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", "future", "x", NULL);
	emit("newtype", "name", "cpuid/exit", "x", "1", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", "64", "extra", "y", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_PASS, "forward compatible: %s", f.res[0].why);
	teardown(&f);

	/* a bad verdict, and the output cap */
	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "3", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "MAYBE", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR, "bad verdict: %s", verdict_name(f.res[0].verdict));
	teardown(&f);

	setup(&f);
	{
		static char junk[1 << 20];
		unsigned i;

		memset(junk, 'a', sizeof(junk));
		for (i = 0; i < 17 && !f.s.capped; i++)
			session_feed(&f.s, junk, sizeof(junk));
		CHECK(f.s.capped && f.s.bytes == SESSION_BYTES_MAX && i == 17, "cap: %u MiB", i);
	}
	session_finish(&f.s, SESSION_CAPPED, NULL, NULL, 0);
	teardown(&f);
}

static json_object *get(json_object *o, const char *path)
{
	char buf[256], *save = NULL, *part;

	snprintf(buf, sizeof(buf), "%s", path);
	for (part = strtok_r(buf, ".", &save); o && part; part = strtok_r(NULL, ".", &save)) {
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o, atoi(part));
		else if (!json_object_object_get_ex(o, part, &o))
			o = NULL;
	}
	return o;
}

static const char *gets_(json_object *o, const char *path)
{
	return json_object_get_string(get(o, path));
}

static void results(void)
{
	char tmpl[] = "/tmp/nestlab-session-test-XXXXXX", *root = mkdtemp(tmpl), *path, *data, link[64];
	struct run_opts o = { .be = &backend_bochs, .model = "haswell", .jobs = 1, .timeout_s = 300,
			      .image = "/x/l1.elf", .results = root };
	const struct scenario_info *sel[3];
	struct fixture f;
	struct diag why;
	struct run r;
	json_object *j;
	size_t len, i;
	ssize_t n;

	CHECK(root != NULL, "mkdtemp");
	if (!root)
		return;
	preamble();
	good_cpuid("64");
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "3", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);

	for (i = 0; i < 3; i++)
		sel[i] = f.res[i].info;
	CHECK(!runner_create(&r, &o, sel, 3, &why), "runner_create: %s", why.msg);
	for (i = 0; i < 3; i++) {
		scn_result_free(&r.scn[i]);
		r.scn[i] = f.res[i];	/* the results move into the run */
		memset(&f.res[i], 0, sizeof(f.res[i]));
	}
	r.scn[2].job = 0;
	scn_result_set(&r.scn[2], VERDICT_ERROR, "not run: %s", "the emulator exited");
	r.env = f.env;
	memset(&f.env, 0, sizeof(f.env));
	r.duration_s = 1.25;
	CHECK(!strncmp(r.id, "20", 2) && strstr(r.id, "-bochs-"), "run id %s", r.id);

	CHECK(!results_write(&r, &why), "results_write: %s", why.msg);
	path = xasprintf("%s/results.json", r.dir);
	CHECK(!file_read(path, 1 << 20, &data, &len), "read back %s", path);
	j = json_tokener_parse(data);
	CHECK(j != NULL, "results.json parses");
	CHECK(json_object_get_int(get(j, "schema_version")) == 1, "schema_version");
	CHECK(!strcmp(gets_(j, "run_id"), r.id), "run_id");
	CHECK(json_object_get_double(get(j, "duration_s")) == 1.25, "duration_s");
	CHECK(!strcmp(gets_(j, "environment.backend"), "bochs"), "backend");
	CHECK(!strcmp(gets_(j, "environment.cpu_model"), "corei7_haswell_4770"), "cpu_model");
	CHECK(json_object_get_boolean(get(j, "environment.vmx_features.ept")) &&
	      json_object_is_type(get(j, "environment.vmx_features.posted_interrupts"), json_type_boolean) &&
	      !json_object_get_boolean(get(j, "environment.vmx_features.posted_interrupts")), "vmx_features");
	CHECK(!strcmp(gets_(j, "environment.vmx_msrs.IA32_VMX_BASIC"), "0xd810000000002b"), "vmx_msrs");
	CHECK(!strcmp(gets_(j, "environment.git_revision"), "unknown"), "git_revision");
	CHECK(get(j, "environment.host") && get(j, "environment.nestlab_version"), "host, version");
	CHECK(!strcmp(gets_(j, "scenarios.0.name"), "cpuid/exit") &&
	      !strcmp(gets_(j, "scenarios.0.verdict"), "PASS"), "scenario 0");
	CHECK(json_object_get_int(get(j, "scenarios.0.exits.l1.CPUID")) == 64, "exits.l1.CPUID");
	CHECK(get(j, "scenarios.0.exits.l0") == NULL, "no l0 exits on an emulator");
	CHECK(json_object_get_int(get(j, "scenarios.0.latency.median")) == 812 &&
	      !strcmp(gets_(j, "scenarios.0.latency.unit"), "cycles"), "latency");
	CHECK(json_object_get_int(get(j, "scenarios.0.latency.histogram_log2.9")) == 60 &&
	      json_object_get_int(get(j, "scenarios.0.latency.histogram_log2.10")) == 4, "histogram");
	CHECK(!strcmp(gets_(j, "scenarios.0.checks.0.status"), "PASS"), "checks");
	CHECK(json_object_get_int(get(j, "scenarios.0.iterations")) == 64, "iterations");
	CHECK(!strcmp(gets_(j, "scenarios.0.log"), "job-0/serial.log"), "log");
	CHECK(!strcmp(gets_(j, "scenarios.1.verdict"), "CRASH") && get(j, "scenarios.1.why"), "scenario 1");
	CHECK(!strcmp(gets_(j, "scenarios.2.verdict"), "ERROR"), "scenario 2");
	CHECK(json_object_get_int(get(j, "summary.passed")) == 1 && json_object_get_int(get(j, "summary.crashed")) == 1 &&
	      json_object_get_int(get(j, "summary.errors")) == 1 && json_object_get_int(get(j, "summary.failed")) == 0,
	      "summary");
	json_object_put(j);
	free(data);
	free(path);

	path = xasprintf("%s/summary.txt", r.dir);
	CHECK(!file_read(path, 1 << 20, &data, &len) && strstr(data, "SUMMARY: 3 scenarios, 1 passed, 0 failed, "
			 "0 skipped, 2 errors (1 crashed, 0 timed out)") && strstr(data, "PASS: cpuid/exit (64 "
			 "iterations, l1 exits CPUID=64 VMCALL=1, median 812 cycles)\n"), "summary.txt:\n%s", data);
	free(data);
	free(path);
	path = xasprintf("%s/latest", root);
	n = readlink(path, link, sizeof(link) - 1);
	CHECK(n > 0 && (link[n] = '\0', !strcmp(link, r.id)), "latest -> %s", n > 0 ? link : "?");
	free(path);

	path = xasprintf("rm -rf '%s'", root);
	if (system(path))
		printf("could not remove %s\n", root);
	free(path);
	runner_free(&r);
	teardown(&f);
}

/* samples records (raw=1) before the latency record; overhead kept; bad chunks are ERROR. */
static void samples_records(void)
{
	struct fixture f;
	static const char *const n_of[] = { "3", "4" };

	for (int k = 0; k < 2; k++) {
		preamble();
		emit("scenario", "name", "cpuid/exit", "index", "1", "of", "1", NULL);
		emit("exit", "name", "cpuid/exit", "level", "l1", "reason", "CPUID", "count", n_of[k], NULL);
		emit("samples", "name", "cpuid/exit", "first", "0", "count", "2", "of", n_of[k], "v", "160,161", NULL);
		emit("samples", "name", "cpuid/exit", "first", "2", "count", "1", "of", n_of[k], "v", "170", NULL);
		emit("latency", "name", "cpuid/exit", "unit", "cycles", "n", n_of[k], "warmup", "8", "overhead", "5",
		     "min", "160", "median", "161", "p90", "170", "p99", "170", "max", "170", "mean", "163",
		     "stddev", "4", NULL);
		emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", n_of[k], NULL);
		emit("end", "passed", "1", "failed", "0", "skipped", "0", "errors", "0", NULL);
		run(&f, false, SESSION_EXITED, NULL, 0);
		if (k == 0) {
			CHECK(f.res[0].verdict == VERDICT_PASS, "samples: %s %s", verdict_name(f.res[0].verdict),
			      f.res[0].why);
			CHECK(f.res[0].lat.nsamples == 3 && f.res[0].lat.samples[0] == 160 &&
			      f.res[0].lat.samples[2] == 170, "samples: 3 kept in order");
			CHECK(f.res[0].lat.have_overhead && f.res[0].lat.overhead == 5, "samples: overhead 5");
		} else {
			CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "do not add up"),
			      "3 samples of 4: ERROR (%s: %s)", verdict_name(f.res[0].verdict), f.res[0].why);
		}
		teardown(&f);
	}
}

int main(void)
{
	complete_log();
	crlf();
	firmware_before_begin();
	ends_mid_scenario();
	crash_record();
	garbage();
	protocol();
	results();
	samples_records();
	return test_done();
}
