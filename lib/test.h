/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks for the host unit tests (lib/<name>_test.c): a "FAIL: " line per failed
 * check and one closing "N passed, N failed" line, which scripts/run-unit-tests
 * reads. Host only: uses stdio.
 */
#ifndef LIB_TEST_H
#define LIB_TEST_H

#include <stdio.h>
#include "lib/types.h"

static unsigned test_passed, test_failed;

static inline bool __attribute__((format(printf, 2, 3)))
test_check(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		test_passed++;
		return true;
	}
	test_failed++;
	printf("FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return false;
}

/* The closing line and the exit status for main(). */
static inline int test_done(void)
{
	printf("%u passed, %u failed\n", test_passed, test_failed);
	return test_failed ? 1 : 0;
}

#endif
