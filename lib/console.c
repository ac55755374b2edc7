// SPDX-License-Identifier: GPL-2.0-only
#include "lib/console.h"
#include "lib/printf.h"

void console_printf(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_puts(buf);
}
