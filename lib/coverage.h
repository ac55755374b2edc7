/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gcov for the guests (docs/coverage.md). An image built with make COVERAGE=1 has its
 * objects compiled with --coverage -fprofile-info-section=gcov_info: the compiler puts a
 * pointer to each object's gcov information in the section gcov_info, and the linker
 * brackets it with __start_gcov_info and __stop_gcov_info. coverage_dump() turns each into
 * the bytes of its .gcda file with libgcov's __gcov_info_to_gcda() and sends them as
 * records: covfile (n, path), covdata (n, off, d) pieces in order, covend (n, len, crc).
 * Built without COVERAGE it sends nothing.
 */
#ifndef LIB_COVERAGE_H
#define LIB_COVERAGE_H

#include "lib/types.h"

/* d= of a covdata record: two lower-case hex digits a byte; a run of k zero bytes
 * (1 <= k <= 255) may come as 'z' and k in two hex digits. */
#define COVERAGE_PIECE_MAX 240		/* encoded characters, under RECORD_VALUE_MAX */

/* Sends every object's .gcda as records; returns the number of files sent. */
u32 coverage_dump(void);

#endif
