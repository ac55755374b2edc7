/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A scenario = an L2 workload + the L1 configuration it runs under + the exits it must
 * cause + checks after the window. Declared one const struct per scenario in its family
 * file (l1/scenarios/<family>.c); the ordered registry is l1/scenarios.def.
 */
#ifndef L1_SCENARIO_H
#define L1_SCENARIO_H

#include "l1/vcpu.h"

#define MAX_EXPECT 3
#define MAX_ITERS 1024
#define DEFAULT_ITERS 64
#define DEFAULT_WARMUP 8

struct expect {
	u16 kind;		/* enum exit_kind: the back end names the exit */
	u16 per_iter;		/* exits per measured iteration */
};

struct scenario {
	const char *name;		/* stable: results and compare use it */
	u64 needs;			/* NEEDS(...) of enum hv_cap the CPU must offer, else SKIP */
	void (*setup)(struct vcpu *v);	/* L1 configuration beyond the defaults */
	l2_workload l2;
	struct expect expect[MAX_EXPECT];	/* every other reason must stay at 0 */
	void (*check)(struct vcpu *v);	/* checks after the window, with check() */
	void (*special)(void);		/* debug scenarios: run instead of an L2 */
	void (*l1_op)(u32 i);		/* L1-level round trip: L1 times this itself, no L2 */
	u32 max_iters;			/* 0: MAX_ITERS */
	const char *expect_error;	/* negative test: the VM entry must fail with this text */
};

#define NEEDS(c) BIT(CAP_##c)

/* One PASS/FAIL line (report API) and a `check` record. */
bool check(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct run_options {
	u32 iters, warmup;
	u32 delay;			/* extra instructions on L1's exit path, every exit */
	bool raw;			/* print every sample in `samples` records */
	bool edge_pause;		/* pause=pvpanic: stop the VM at each window edge */
	const char *break_name;		/* scenario whose expectations are off by one */
};

#define MAX_WARMUP 64
#define MAX_DELAY 1000000

/* Runs one scenario and prints its records; returns the verdict counted in `end`. */
enum verdict { V_PASS, V_FAIL, V_SKIP, V_ERROR };
enum verdict scenario_run(const struct scenario *s, u32 index, u32 of, const struct run_options *o);

#define SCENARIO(id, name, desc) extern const struct scenario scn_##id;
#include "l1/scenarios.def"
#undef SCENARIO

extern const struct scenario *const scenario_registry[];
extern const u32 scenario_count;

#endif
