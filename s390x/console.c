// SPDX-License-Identifier: GPL-2.0-only
/* The s390x console is the SCLP VT220 (s390x/sclp.c); console_printf is lib/console.c's. */
#include "lib/console.h"
#include "s390x/sclp.h"

void console_puts(const char *s)
{
	sclp_puts(s);
}
