/* SPDX-License-Identifier: GPL-2.0-only */
/* The s390x console (SCLP VT220): lines for people, records for the runner. */
#ifndef S390X_CONSOLE_H
#define S390X_CONSOLE_H

#include "lib/record.h"

void console_puts(const char *s);
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
