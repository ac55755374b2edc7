/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --coverage, after the run (docs/coverage.md): coverage_report() has lcov
 * capture every job's .gcda files (l0/run/cov_sink.c wrote them), adds them up and leaves
 * <run>/coverage/lcov.info and <run>/coverage/html.
 */
#ifndef L0_RUN_COVERAGE_H
#define L0_RUN_COVERAGE_H

#include "lib/types.h"

struct run;

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
