/* SPDX-License-Identifier: GPL-2.0-only */
/* lib/report.c through a capturing sink: exact lines, counts, summary. */
#include <stdio.h>
#include <string.h>

#include "lib/report.h"
#include "lib/test.h"

static char captured[16][REPORT_LINE_MAX + 1];
static unsigned lines, sink_calls;

static void capture(const char *line)
{
	sink_calls++;
	if (lines < ARRAY_SIZE(captured))
		snprintf(captured[lines++], sizeof(captured[0]), "%s", line);
}

static void start(void)
{
	report_reset();
	report_set_output(capture);
	lines = sink_calls = 0;
}

/* The newest captured line is want, and it came from exactly one sink call per line. */
static void expect_line(const char *want)
{
	const char *got = lines ? captured[lines - 1] : "(none)";

	CHECK(sink_calls == lines && !strcmp(got, want),
		   "got \"%s\", want \"%s\"", got, want);
}

static void expect_counts(unsigned p, unsigned f, unsigned s)
{
	struct report_counts c;

	report_counts(&c);
	CHECK(c.passed == p && c.failed == f && c.skipped == s,
		   "counts %u/%u/%u, want %u/%u/%u", c.passed, c.failed, c.skipped, p, f, s);
}

static void test_lines(void)
{
	bool r;

	start();
	r = report(true, "exits %s: %d (want %d)", "CPUID", 100, 100);
	CHECK(r, "report(true) returned false");
	expect_line("PASS: exits CPUID: 100 (want 100)\n");
	r = report(false, "plain");
	CHECK(!r, "report(false) returned true");
	expect_line("FAIL: plain\n");

	report_prefix_push("a");
	report_prefix_push("b");
	report_pass("msg");
	expect_line("PASS: a: b: msg\n");
	report_fail("x=%#x", 255);
	expect_line("FAIL: a: b: x=0xff\n");
	report_prefix_pop();
	report_skip("needs %s", "ept");
	expect_line("SKIP: a: needs ept\n");
	report_info("note");
	expect_line("INFO: a: note\n");
	report_prefix_pop();
	report_prefix_pop();	/* one too many: ignored */
	report_info("bare");
	expect_line("INFO: bare\n");
	expect_counts(2, 2, 1);
}

static void test_summary(void)
{
	int r;

	start();
	report_pass("one");
	report_fail("two");
	report_skip("three");
	report_info("not counted");
	expect_counts(1, 1, 1);
	report_prefix_push("ignored");
	r = report_summary();
	expect_line("SUMMARY: 3 tests, 1 unexpected failures, 1 skipped\n");
	CHECK(r == 1, "summary with a failure returned %d", r);

	start();
	report_pass("one");
	report_skip("two");
	r = report_summary();
	expect_line("SUMMARY: 2 tests, 0 unexpected failures, 1 skipped\n");
	CHECK(r == 0, "summary without failures returned %d", r);

	start();
	r = report_summary();
	expect_line("SUMMARY: 0 tests, 0 unexpected failures, 0 skipped\n");
	CHECK(r == 0, "empty summary returned %d", r);

	report_pass("x");
	report_reset();
	expect_counts(0, 0, 0);
}

/* Deeper than REPORT_PREFIX_DEPTH: the first ones show, pops still balance. */
static void test_prefix_depth(void)
{
	static const char *const names[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };
	unsigned i;

	start();
	for (i = 0; i < ARRAY_SIZE(names); i++)
		report_prefix_push(names[i]);
	report_info("deep");
	expect_line("INFO: 0: 1: 2: 3: 4: 5: 6: 7: deep\n");
	for (i = 0; i < 3; i++)
		report_prefix_pop();
	report_info("seven");
	expect_line("INFO: 0: 1: 2: 3: 4: 5: 6: seven\n");
}

static void test_limits(void)
{
	char want[REPORT_LINE_MAX];
	char longmsg[400];
	size_t len;

	start();
	memset(longmsg, 'z', sizeof(longmsg) - 1);
	longmsg[sizeof(longmsg) - 1] = '\0';
	report_pass("%s", longmsg);
	len = strlen(captured[0]);
	CHECK(len == REPORT_LINE_MAX - 1 && captured[0][len - 1] == '\n',
		   "long line: length %zu, want %d ending in newline", len, REPORT_LINE_MAX - 1);
	snprintf(want, sizeof(want), "PASS: %.*s\n", REPORT_LINE_MAX - 8, longmsg);
	expect_line(want);

	/* A newline in the message must not start a second line. */
	report_fail("two\nlines\r");
	expect_line("FAIL: two lines \n");

	/* No sink: counted, not printed. */
	report_set_output(NULL);
	report_pass("silent");
	CHECK(sink_calls == 2, "a NULL sink still printed");
	expect_counts(2, 1, 0);
}

int main(void)
{
	test_lines();
	test_summary();
	test_prefix_depth();
	test_limits();
	return test_done();
}
