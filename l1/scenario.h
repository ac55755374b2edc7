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

#define MAX_EXPECT 4

struct expect {
	u16 kind;		/* enum exit_kind: the back end names the exit; or NATIVE_EXIT() */
	u16 per_iter;		/* exits per measured iteration */
};

/*
 * An exit of one architecture only, by its own code (EXIT_PREEMPTION_TIMER,
 * SVM_EXIT_VINTR): for a scenario that NEEDS(VMX) or NEEDS(SVM). An exit both
 * architectures have is an enum exit_kind instead.
 */
#define XK_NATIVE		0x8000
#define NATIVE_EXIT(code)	((u16)(XK_NATIVE | (code)))

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
	/*
	 * Sees each exit first, once it is counted (a failed VM entry too, not counted):
	 * code is the full VMX exit reason (bit 31 set on a failed entry) or the SVM exit
	 * code (SVM_EXIT_INVALID on a failed VMRUN). Returns EXIT_RESUME or EXIT_DONE when it
	 * handled the exit (it skips the instruction itself), EXIT_DEFAULT to leave it to
	 * the back end. Runs inside the window: no printing; state in v->scn_state.
	 */
	enum exit_action (*on_exit)(struct vcpu *v, u64 code);
};

#define NEEDS(c) BIT(CAP_##c)

#define SCENARIO(id, name, desc) extern const struct scenario scn_##id;
#include "l1/scenarios.def"
#undef SCENARIO

#endif
