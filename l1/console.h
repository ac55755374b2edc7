/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's console: COM1 lines for people, records for the runner. Never used inside a
 * measurement window. */
#ifndef L1_CONSOLE_H
#define L1_CONSOLE_H

#include "lib/record.h"

void console_init(void);
void console_puts(const char *s);
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
