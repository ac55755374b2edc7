/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An s390x scenario: a function that makes checks (exact architected values)
 * and, for the exit-cost probes, a latency distribution. The ordered registry
 * is s390x/scenarios.def; the verdict is FAIL if a check failed, else SKIP if
 * the scenario skipped, else PASS.
 */
#ifndef S390X_SCENARIO_H
#define S390X_SCENARIO_H

#include "lib/types.h"

#define MAX_ITERS 1024
#define DEFAULT_ITERS 64
#define DEFAULT_WARMUP 8

struct run_options {
	u32 iters, warmup;
	const char *break_name;		/* this scenario gets one failing check (nestlab --break) */
	size_t break_len;
};

struct scenario {
	const char *name;
	void (*run)(const struct run_options *o);
	bool measures;		/* prints latency: iterations = o->iters */
};

/* One PASS/FAIL line and a check record. */
bool check(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The scenario is a SKIP with this reason (unless a check failed). */
void scenario_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Latency and histogram records of samples in ns (sorted in place). */
void scenario_latency(u64 *samples, u32 n, u32 warmup);

enum verdict { V_PASS, V_FAIL, V_SKIP, V_ERROR };
enum verdict scenario_run(const struct scenario *s, u32 index, u32 of, const struct run_options *o);

#define SCENARIO(id, name, desc) extern const struct scenario scn_##id;
#include "s390x/scenarios.def"
#undef SCENARIO

extern const struct scenario *const scenario_registry[];
extern const u32 scenario_count;

#endif
