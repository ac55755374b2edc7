/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A scenario = an L2 workload + the L1 configuration it runs under + the exits it must
 * cause + checks after the window. Declared one const struct per scenario in its family
 * file (l1/scenarios/<family>.c); the ordered registry, which names them, is
 * l1/scenarios.def. Run by lib/guest.c through scenario_run() (l1/scenario.c).
 */
#ifndef L1_SCENARIO_H
#define L1_SCENARIO_H

#include "l1/vcpu.h"
#include "lib/exit_kinds.h"
#include "lib/guest.h"

#define MAX_EXPECT 3

struct expect {
	u16 kind;		/* enum exit_kind: the back end names the exit */
	u16 per_iter;		/* exits per measured iteration */
};

/* Its name is its registry entry's (struct scenario_entry, l1/scenarios.def). */
struct scenario {
	u64 needs;			/* NEEDS(...) of enum hv_cap the CPU must offer, else SKIP */
	void (*setup)(struct vcpu *v);	/* L1 configuration beyond the defaults */
	l2_workload l2;
	struct expect expect[MAX_EXPECT];	/* every other reason must stay at 0 */
	void (*check)(struct vcpu *v);	/* checks after the window, with check() */
	void (*special)(void);		/* debug scenarios: run instead of an L2 */
	void (*l1_op)(u32 i);		/* L1-level round trip: L1 times this itself, no L2 */
	u32 max_iters;			/* 0: RUNOPT_ITERS_MAX */
	const char *expect_error;	/* negative test: the VM entry must fail with this text */
};

#define NEEDS(c) BIT(CAP_##c)

#define SCENARIO(id, name, desc) extern const struct scenario scn_##id;
#include "l1/scenarios.def"
#undef SCENARIO

#endif
