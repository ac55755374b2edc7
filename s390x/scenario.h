/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An s390x scenario: a function that makes checks (exact architected values)
 * and, for the exit-cost probes, a latency distribution. The ordered registry,
 * which names them, is s390x/scenarios.def; lib/guest.c runs them through
 * scenario_run() (s390x/scenario.c). The verdict is FAIL if a check failed,
 * else SKIP if the scenario skipped, else PASS.
 */
#ifndef S390X_SCENARIO_H
#define S390X_SCENARIO_H

#include "lib/guest.h"
#include "lib/types.h"

struct scenario {
	/* o->iters is resolved: iters= or DEFAULT_ITERS */
	void (*run)(const struct run_options *o);
	bool measures;		/* prints latency: iterations = o->iters */
};

/* The scenario is a SKIP with this reason (unless a check failed). */
void scenario_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Latency and histogram records of samples in ns (sorted in place). */
void scenario_latency(u64 *samples, u32 n, u32 warmup);

#define SCENARIO(id, name, desc) extern const struct scenario scn_##id;
#include "s390x/scenarios.def"
#undef SCENARIO

#endif
