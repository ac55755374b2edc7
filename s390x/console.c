// SPDX-License-Identifier: GPL-2.0-only
#include "s390x/console.h"
#include "s390x/sclp.h"
#include "lib/printf.h"

void console_puts(const char *s)
{
	sclp_puts(s);
}

void console_printf(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sclp_puts(buf);
}
