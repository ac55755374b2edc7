/* SPDX-License-Identifier: GPL-2.0-only */
/* Allocation that cannot fail (out of memory ends the runner), and escaping. */
#ifndef L0_UTIL_H
#define L0_UTIL_H

#include <stdbool.h>
#include <stddef.h>

void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Appends one element to a malloc'd array of *n elements. */
#define APPEND(arr, n, ...)							\
	do {									\
		(arr) = xrealloc((arr), ((n) + 1) * sizeof(*(arr)));		\
		(arr)[(n)++] = __VA_ARGS__;					\
	} while (0)

/* Seconds on the monotonic clock. */
double clock_now_s(void);

/* Printable copy of untrusted bytes (\\ and \xHH), at most max bytes plus "...". */
char *escape_bytes(const char *buf, size_t len, size_t max);

/* The host's one decimal parser: a number from min to max at the start of s (a digit
 * first, no sign, no blank), and the byte after it; NULL when there is none in range. */
const char *uint_scan(const char *s, unsigned min, unsigned max, unsigned *out);
/* All of s such a number. */
bool uint_parse(const char *s, unsigned min, unsigned max, unsigned *out);

#endif
