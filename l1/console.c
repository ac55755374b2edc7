// SPDX-License-Identifier: GPL-2.0-only
#include "l1/console.h"
#include "lib/report.h"
#include "x86/serial.h"

void console_init(void)
{
	serial_init();
	report_set_output(serial_puts);
}

void console_puts(const char *s)
{
	serial_puts(s);
}
