/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The C library's string functions for freestanding builds (the compiler may
 * emit calls to memcpy/memset/memmove/memcmp itself). On the host, libc's
 * are used; lib/string_test.c links these in front of libc's to test them.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include "lib/types.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
/* src in lower case into dst, cut to fit size (> 0) with its terminator. */
void str_lower(char *dst, size_t size, const char *src);

#endif
