/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PASS/FAIL/SKIP/INFO lines and the SUMMARY, as kvm-unit-tests' lib/report.c
 * prints them. One static line buffer: L1 has a 16 KiB stack and one CPU, so
 * none of this is reentrant.
 */
#include "lib/report.h"
#include "lib/printf.h"

/* Room for the '\n' and the NUL that end every line. */
#define REPORT_TEXT_MAX (REPORT_LINE_MAX - 2)

static void (*report_sink)(const char *line);
static const char *report_prefixes[REPORT_PREFIX_DEPTH];
static unsigned report_depth;	/* may exceed REPORT_PREFIX_DEPTH: extra pushes are not shown */
static struct report_counts report_totals;
static char report_line[REPORT_LINE_MAX];

void report_set_output(void (*sink)(const char *line))
{
	report_sink = sink;
}

void report_prefix_push(const char *prefix)
{
	if (report_depth < REPORT_PREFIX_DEPTH)
		report_prefixes[report_depth] = prefix;
	report_depth++;
}

void report_prefix_pop(void)
{
	if (report_depth)
		report_depth--;
}

/* Appends at len, cutting the text at REPORT_TEXT_MAX; returns the new length. */
static size_t line_vadd(size_t len, const char *fmt, va_list ap)
{
	int n;

	if (len >= REPORT_TEXT_MAX)
		return REPORT_TEXT_MAX;
	n = nl_vsnprintf(report_line + len, REPORT_TEXT_MAX + 1 - len, fmt, ap);
	len += n;
	return len > REPORT_TEXT_MAX ? REPORT_TEXT_MAX : len;
}

static size_t __attribute__((format(printf, 2, 3)))
line_add(size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	len = line_vadd(len, fmt, ap);
	va_end(ap);
	return len;
}

/*
 * "KIND: prefix: prefix: message\n" through one sink call. A newline inside the
 * message would make a second line the runner could take for a record; print
 * it as a space.
 */
static void report_emit(const char *kind, bool prefixed, const char *fmt, va_list ap)
{
	unsigned i, shown = report_depth < REPORT_PREFIX_DEPTH ? report_depth : REPORT_PREFIX_DEPTH;
	size_t len, j;

	len = line_add(0, "%s: ", kind);
	for (i = 0; prefixed && i < shown; i++)
		len = line_add(len, "%s: ", report_prefixes[i]);
	len = line_vadd(len, fmt, ap);
	for (j = 0; j < len; j++)
		if (report_line[j] == '\n' || report_line[j] == '\r')
			report_line[j] = ' ';
	report_line[len] = '\n';
	report_line[len + 1] = '\0';
	if (report_sink)
		report_sink(report_line);
}

void report_raw(const char *line)
{
	if (report_sink)
		report_sink(line);
}

bool report(bool cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
		report_totals.passed++;
	else
		report_totals.failed++;
	va_start(ap, fmt);
	report_emit(cond ? "PASS" : "FAIL", true, fmt, ap);
	va_end(ap);
	return cond;
}

void report_pass(const char *fmt, ...)
{
	va_list ap;

	report_totals.passed++;
	va_start(ap, fmt);
	report_emit("PASS", true, fmt, ap);
	va_end(ap);
}

void report_fail(const char *fmt, ...)
{
	va_list ap;

	report_totals.failed++;
	va_start(ap, fmt);
	report_emit("FAIL", true, fmt, ap);
	va_end(ap);
}

void report_skip(const char *fmt, ...)
{
	va_list ap;

	report_totals.skipped++;
	va_start(ap, fmt);
	report_emit("SKIP", true, fmt, ap);
	va_end(ap);
}

void report_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_emit("INFO", true, fmt, ap);
	va_end(ap);
}

void report_counts(struct report_counts *out)
{
	*out = report_totals;
}

void report_reset(void)
{
	report_totals = (struct report_counts){ 0 };
	report_depth = 0;
}

static void __attribute__((format(printf, 2, 3)))
report_emitf(const char *kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_emit(kind, false, fmt, ap);
	va_end(ap);
}

/*
 * Tests count every report, skipped ones included (kvm-unit-tests does the same).
 * Unlike kvm-unit-tests, all three numbers are always printed: one fixed form
 * to parse.
 */
int report_summary(void)
{
	const struct report_counts *c = &report_totals;

	report_emitf("SUMMARY", "%u tests, %u unexpected failures, %u skipped",
		     c->passed + c->failed + c->skipped, c->failed, c->skipped);
	return c->failed ? 1 : 0;
}
