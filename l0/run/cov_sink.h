/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --coverage, during a job (docs/coverage.md): a sink takes L1's covfile,
 * covdata and covend records (lib/coverage.h) and writes each complete, CRC-checked file
 * as <job dir>/gcda/<its path, the leading '/' dropped>, the .gcno the build left beside
 * the object copied next to it. l0/run/coverage.c makes the report after the run.
 */
#ifndef L0_RUN_COV_SINK_H
#define L0_RUN_COV_SINK_H

#include "l0/run/record.h"
#include "lib/types.h"

#define COVERAGE_FILE_MAX (4u << 20)	/* bytes of one .gcda */

struct cov_sink;

/* A sink writing under dir (the job's directory). */
struct cov_sink *cov_sink_new(const char *dir);
/* One covfile, covdata or covend record: NULL, or what was wrong with it (static text). */
const char *cov_sink_record(struct cov_sink *c, const struct record_parsed *r);
/* Files written so far. */
unsigned cov_sink_files(const struct cov_sink *c);
void cov_sink_free(struct cov_sink *c);

#endif
