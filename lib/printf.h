/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * C99 vsnprintf semantics (returns the length that would have been written,
 * always NUL-terminates when size > 0). Conversions: d i u o x X p s c %;
 * flags - + space # 0; width and precision as numbers or '*';
 * length modifiers hh h l ll z t j. No floating point.
 * Beyond C: %s of NULL prints "(null)", %p of NULL "0x0", and an unknown
 * conversion is copied as written.
 */
#ifndef LIB_PRINTF_H
#define LIB_PRINTF_H

#include "lib/types.h"

int nl_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int nl_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
