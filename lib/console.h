/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's console: lines for people, records for the runner. Each architecture
 * supplies console_puts (x86 L1: COM1, l1/console.c; s390x: the SCLP VT220,
 * s390x/console.c); the rest is built on it here. Never used inside a measurement window.
 */
#ifndef LIB_CONSOLE_H
#define LIB_CONSOLE_H

#include "lib/types.h"

/* Writes s as it is. The architecture's. */
void console_puts(const char *s);
/* Formats into one static buffer (lib/printf.h) and writes it; cut at 255 bytes. */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
