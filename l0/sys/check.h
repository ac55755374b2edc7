/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host test checks for l0: one "FAIL: file:line: ..." line per failed check,
 * then check_done() prints "N passed, N failed" (read by scripts/run-unit-tests)
 * and returns main()'s exit status.
 */
#ifndef L0_CHECK_H
#define L0_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static unsigned check_passed, check_failed;

static inline bool __attribute__((format(printf, 4, 5), unused))
check_at(bool ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		check_passed++;
		return true;
	}
	check_failed++;
	printf("FAIL: %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return false;
}

#define CHECK(cond, ...) check_at((cond), __FILE__, __LINE__, __VA_ARGS__)

static inline int __attribute__((unused)) check_done(void)
{
	printf("%u passed, %u failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
