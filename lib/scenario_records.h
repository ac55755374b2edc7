/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The records an L1 (x86 or s390x) prints about a scenario (docs/records.md), built once
 * here and written through the report API's sink, so every architecture speaks the same
 * format. Printed outside the measurement window only.
 */
#ifndef LIB_SCENARIO_RECORDS_H
#define LIB_SCENARIO_RECORDS_H

#include "lib/record.h"
#include "lib/types.h"
#include "lib/verdict.h"

/* Finishes r and writes it through the report sink. */
void record_emit(struct record *r);
void record_scenario(const char *name, u32 index, u32 of);
/* A check's PASS/FAIL line (report API) and its `check` record; returns pass. */
bool record_check(const char *name, bool pass, const char *what);
void record_result(const char *name, const char *verdict, u32 iters, const char *why);
/* A `feature` record: a capability of the CPU, named in lower case (prefix + name). */
void record_feature(const char *prefix, const char *name, bool on, const char *detail);
/* The `end` record: L1 ran everything it was asked and powers off next. totals: per
 * verdict; the record carries passed, failed, skipped, errors, in that order. */
void record_end_of_run(const u32 totals[VERDICT_COUNT]);
/*
 * `latency` and `hist` records of n samples, which it sorts, and an INFO line. unit is
 * "cycles" or "ns"; overhead (NULL: none measured) is what was already subtracted.
 */
void record_latency(const char *name, const char *unit, u64 *samples, size_t n, u32 warmup,
		    const u64 *overhead);

#endif
