// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "l0/sys/exit_status.h"
#include "l0/sys/util.h"

static void out_of_memory(void)
{
	fputs("nestlab: out of memory: free some memory or run fewer jobs (-j)\n", stderr);
	exit(EXIT_USAGE);	/* the one exit below main: l0/sys/exit_status.h */
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = strndup(s, n);

	if (!d)
		out_of_memory();
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

double clock_now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (r < 0)
		out_of_memory();
	return s;
}

char *escape_bytes(const char *buf, size_t len, size_t max)
{
	char *out = xrealloc(NULL, max + 8), *p = out;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = buf[i];

		if ((size_t)(p - out) + 4 > max) {
			p += sprintf(p, "...");
			break;
		}
		if (c == '\\')
			p += sprintf(p, "\\\\");
		else if (c >= 0x20 && c < 0x7f)
			*p++ = c;
		else
			p += sprintf(p, "\\x%02x", c);
	}
	*p = '\0';
	return out;
}

const char *uint_scan(const char *s, unsigned min, unsigned max, unsigned *out)
{
	char *end;
	unsigned long v;

	if (!s || *s < '0' || *s > '9')
		return NULL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || v < min || v > max)
		return NULL;
	*out = (unsigned)v;
	return end;
}

bool uint_parse(const char *s, unsigned min, unsigned max, unsigned *out)
{
	unsigned v;
	const char *end = uint_scan(s, min, max, &v);

	if (!end || *end)
		return false;
	*out = v;
	return true;
}
