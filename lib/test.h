/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks for every host test (lib/, x86/ and l0/ *_test.c, l0/test/expect_check.c):
 * CHECK(cond, fmt, ...) prints one "FAIL: file:line: ..." line per failed check and
 * counts the rest; test_done() prints the closing "N passed, N failed" line, which
 * scripts/run-unit-tests reads, and returns main()'s exit status (1 when any failed).
 * Host only: uses stdio.
 */
#ifndef LIB_TEST_H
#define LIB_TEST_H

#include <stdio.h>
#include "lib/types.h"

static unsigned test_passed, test_failed;
/* FAIL lines printed at most (a fuzz loop sets it); later failures are only counted. */
static unsigned test_fail_lines __attribute__((unused)) = ~0u;

/* One check; file NULL: no location; pass_line: "PASS: ..." lines too. */
static inline bool __attribute__((format(printf, 5, 6), unused))
test_check_at(bool ok, bool pass_line, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		test_passed++;
	else if (test_failed++ >= test_fail_lines)
		return false;
	if (ok && !pass_line)
		return true;
	printf("%s: ", ok ? "PASS" : "FAIL");
	if (file)
		printf("%s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return ok;
}

#define CHECK(cond, ...) test_check_at(!!(cond), false, __FILE__, __LINE__, __VA_ARGS__)
/* A checker's verdict line: "PASS: ..." or "FAIL: ...", no location. */
#define TEST_VERDICT(ok, ...) test_check_at(!!(ok), true, NULL, 0, __VA_ARGS__)

/* The closing line and the exit status for main(). */
static inline int __attribute__((unused)) test_done(void)
{
	printf("%u passed, %u failed\n", test_passed, test_failed);
	return test_failed ? 1 : 0;
}

#endif
