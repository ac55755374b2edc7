/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --coverage, the host side (docs/coverage.md). During a job, a sink takes
 * L1's covfile/covdata/covend records (lib/coverage.h) and writes each complete, CRC-checked
 * file as <job dir>/gcda/<its path, the leading '/' dropped>, the .gcno the build left
 * beside the object copied next to it. After the run, coverage_report() has lcov capture
 * every job, adds them up and leaves <run>/coverage/lcov.info and <run>/coverage/html.
 */
#ifndef L0_RUN_COVERAGE_H
#define L0_RUN_COVERAGE_H

#include "l0/run/record.h"
#include "lib/types.h"

#define COVERAGE_FILE_MAX (4u << 20)	/* bytes of one .gcda */

struct cov_sink;
struct run;

/* A sink writing under dir (the job's directory). */
struct cov_sink *cov_sink_new(const char *dir);
/* One covfile, covdata or covend record: NULL, or what was wrong with it (static text). */
const char *cov_sink_record(struct cov_sink *c, const struct record_parsed *r);
/* Files written so far. */
unsigned cov_sink_files(const struct cov_sink *c);
void cov_sink_free(struct cov_sink *c);

/* lcov over the run's jobs: 0, or -errno after a line on stderr saying what is missing. */
int coverage_report(const struct run *r);

/* KVM's coverage from a gcov lab kernel (l0/run/coverage_kvm.c): <run>/coverage-kvm/
 * lcov.info and html/ from the jobs' "@lab gcov" lines; -ENODATA when there were none. */
int coverage_kvm_report(const struct run *r);

/* lcov.info's totals: lines found/hit, functions found/hit; -errno if unreadable. */
struct cov_totals {
	u64 lf, lh, fnf, fnh;
};
int coverage_totals(const char *lcov_info, struct cov_totals *t);

#endif
