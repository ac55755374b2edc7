// SPDX-License-Identifier: GPL-2.0-only
/*
 * The session's rules against a hostile or broken L1: records after `crash` or `end`,
 * a scenario record twice, a malformed number, a NUL in a value; and the cost of a
 * record: 16 MiB of distinct exit records parse in bounded time (O(1) per record).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/crc32.h"
#include "lib/record.h"
#include "lib/test.h"
#include "l0/run/session.h"
#include "l0/run/session_fixture.h"

/* A record line from its body as is (percent escapes included), with its CRC. */
static void emit_body(const char *body)
{
	char line[RECORD_MAX + 16];
	int n = snprintf(line, sizeof(line), "%s ~%08x\n", body, crc32(body, strlen(body)));

	emit_raw(line, n);
}

static void after_end_and_crash(void)
{
	struct fixture f;

	preamble();
	good_cpuid("64");
	emit("end", "passed", "1", "failed", "0", "skipped", "0", "errors", "0", NULL);
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "2", NULL);
	emit("result", "name", "vmcall/exit", "verdict", "PASS", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_PASS, "before end: %s", verdict_name(f.res[0].verdict));
	CHECK(f.res[1].verdict == VERDICT_ERROR && contains(f.res[1].why, "after L1's end record"),
	      "after end: %s %s", verdict_name(f.res[1].verdict), f.res[1].why);
	teardown(&f);

	preamble();
	emit("crash", "vector", "6", "error", "0x0", "rip", "0x1000", "cr2", "0x0", NULL);
	good_cpuid("64");
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "after L1's crash record"),
	      "after crash: %s %s", verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);
}

static void repeated_malformed_nul(void)
{
	struct fixture f;

	preamble();
	good_cpuid("64");
	good_cpuid("64");
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "came twice"), "twice: %s %s",
	      verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "1", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", "6x4", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "malformed iterations"),
	      "iterations=6x4: %s %s", verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "1", NULL);
	emit_body("@nl1 result name=cpuid/exit verdict=PASS%00FAIL iterations=64");
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "NUL"), "%%00: %s %s",
	      verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);
}

/* 16 MiB of exit records, each reason new, inside one scenario: a bounded cost per record. */
static void flood(void)
{
	size_t size = SESSION_BYTES_MAX, len = 0, records = 0;
	char *buf = malloc(size), reason[32], count[24];
	struct fixture f;
	struct timespec t0, t1;
	double s;

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "1", NULL);
	setup(&f);
	session_feed(&f.s, con, conlen);
	while (len + RECORD_MAX < size) {
		struct record r;
		const char *line;

		snprintf(reason, sizeof(reason), "R%zu", records);
		snprintf(count, sizeof(count), "%zu", records++);
		record_begin(&r, "exit");
		record_str(&r, "name", "cpuid/exit");
		record_str(&r, "level", "l1");
		record_str(&r, "reason", reason);
		record_str(&r, "count", count);
		line = record_end(&r);
		memcpy(buf + len, line, strlen(line));
		len += strlen(line);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	session_feed(&f.s, buf, len);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	f.early = session_finish(&f.s, SESSION_TIMEOUT, "killed after 5 s", NULL, 0);
	CHECK(s < 4.0, "%zu distinct exit records (%zu bytes) took %.2f s", records, len, s);
	CHECK(f.res[0].nexits == SESSION_EXITS_MAX && f.res[0].verdict == VERDICT_TIMEOUT &&
	      contains(f.res[0].why, "512"), "flood: %zu exits kept, %s: %s", f.res[0].nexits,
	      verdict_name(f.res[0].verdict), f.res[0].why);
	teardown(&f);
	free(buf);
}

int main(void)
{
	after_end_and_crash();
	repeated_malformed_nul();
	flood();
	return test_done();
}
