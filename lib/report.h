/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test report API in the kvm-unit-tests style:
 *   PASS: vmx: cpuid/exit: exits CPUID: 100 (want 100)
 *   FAIL: ...
 *   SKIP: vmx: apicv/posted: needs pin-based bit 7 (process posted interrupts)
 *   SUMMARY: 14 tests, 1 unexpected failures, 1 skipped
 * Prefixes form a stack joined by ": ". Output goes through one sink, set by
 * the environment (L1's console, a host test's buffer). Each call emits
 * exactly one line ending in '\n' through a single sink call: newlines in the
 * message print as spaces, longer lines are cut to REPORT_LINE_MAX - 1 bytes.
 * No sink (NULL, the default): counted, not printed. Not reentrant (one static
 * line buffer). Pushes past REPORT_PREFIX_DEPTH are not shown but still popped.
 * SUMMARY always prints all three numbers; tests counts skips too.
 */
#ifndef LIB_REPORT_H
#define LIB_REPORT_H

#include "lib/types.h"

#define REPORT_PREFIX_DEPTH 8
#define REPORT_LINE_MAX 256

struct report_counts {
	unsigned passed, failed, skipped;
};

void report_set_output(void (*sink)(const char *line));
void report_prefix_push(const char *prefix);	/* pointer kept, not copied */
void report_prefix_pop(void);
bool report(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_pass(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));	/* "INFO: " */
/* A finished line (a machine record) through the same sink, as it is. */
void report_raw(const char *line);
void report_counts(struct report_counts *out);
void report_reset(void);	/* counts and prefix stack */
/* Prints SUMMARY:, returns 0 when nothing failed, 1 otherwise. */
int report_summary(void);

#endif
