// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptimer/: the VMX-preemption timer (issue 13, family 3). SDM vol. 3, "VMX-Preemption
 * Timer": it counts down by 1 each time bit X of the TSC changes, X = IA32_VMX_MISC[4:0];
 * a value of zero at VM entry exits before the guest runs an instruction; it counts in
 * the HLT state too; with "save VMX-preemption timer value" each exit stores the value
 * left, 0 when the exit is due to the timer ("Saving Non-Register State").
 * scn_state: [0] where the exit must land, [1] rule breaks, [2] TSC at the arming,
 * [3] smallest and [4] largest TSC span from arming to expiry, [5] last saved value,
 * [6] TSC at the last entry.
 */
#include "l1/scenarios/vmx_a.h"
#include "x86/processor.h"

#define PT_TICKS	512		/* countdown value of the expiry scenarios */
#define PT_SAVE_START	0x40000000u	/* ptimer/save: never expires in the window */

static u32 rate(void) { return vmx_misc() & 0x1f; }

static void bad_unless(struct vcpu *v, bool ok)
{
	v->scn_state[1] += !ok;
}

static void check_clean(struct vcpu *v)
{
	check(v->scn_state[1] == 0, "exits breaking the rule: %llu (want 0)", (unsigned long long)v->scn_state[1]);
}

static void pt_setup(struct vcpu *v)
{
	need_ctl(FEAT_PIN_PREEMPTION_TIMER);
	v->scn_state[3] = ~0ULL;
}

static void pt_save_setup(struct vcpu *v)
{
	pt_setup(v);
	need_ctl(FEAT_EXIT_SAVE_PREEMPTION_TIMER);
}

static void arm(struct vcpu *v, u32 value, bool save)
{
	v->scn_state[0] = v->gpr[RBX];
	skip_and_unblock(v);
	vmwrite(VMCS_PREEMPTION_TIMER_VALUE, value);
	ctl_set(VMCS_PIN_BASED_CTLS, PIN_PREEMPTION_TIMER);
	if (save)
		ctl_set(VMCS_EXIT_CTLS, EXIT_SAVE_PREEMPTION_TIMER);
	v->scn_state[2] = rdtsc_serialized();
}

static void disarm(struct vcpu *v)
{
	u64 span = rdtsc_serialized() - v->scn_state[2];

	if (span < v->scn_state[3])
		v->scn_state[3] = span;
	if (span > v->scn_state[4])
		v->scn_state[4] = span;
	ctl_clear(VMCS_PIN_BASED_CTLS, PIN_PREEMPTION_TIMER);
	ctl_clear(VMCS_EXIT_CTLS, EXIT_SAVE_PREEMPTION_TIMER);
	v->ctx->result[0] = 1;	/* l2_ptimer_spin stops spinning */
}

/* ptimer/zero: exits where the VMCALL returns, before any L2 instruction. */
static enum exit_action zero_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		arm(v, 0, false);
		return EXIT_RESUME;
	}
	if (code != EXIT_PREEMPTION_TIMER)
		return EXIT_DEFAULT;
	bad_unless(v, vmread(VMCS_GUEST_RIP) == v->scn_state[0]);
	disarm(v);
	return EXIT_RESUME;
}

/* ptimer/countdown, ptimer/expiry-save: no expiry before PT_TICKS << X TSC ticks. */
static enum exit_action countdown_exit(struct vcpu *v, u64 code)
{
	bool save = v->scn->setup == pt_save_setup;

	if (is_hca(v, code, HCA_ARM)) {
		arm(v, PT_TICKS, save);
		return EXIT_RESUME;
	}
	if (code != EXIT_PREEMPTION_TIMER)
		return EXIT_DEFAULT;
	if (save)
		bad_unless(v, vmread(VMCS_PREEMPTION_TIMER_VALUE) == 0);
	disarm(v);
	return EXIT_RESUME;
}

static void countdown_check(struct vcpu *v)
{
	u64 least = (u64)PT_TICKS << rate();

	check_clean(v);
	check(v->scn_state[3] >= least, "TSC from arming to expiry %llu..%llu (want >= %u << %u = %llu)",
	      (unsigned long long)v->scn_state[3], (unsigned long long)v->scn_state[4], PT_TICKS, rate(),
	      (unsigned long long)least);
}

/* ptimer/hlt: L2 halts with IF=0; the timer ends it, the exit saves activity HLT. */
static enum exit_action hlt_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		arm(v, PT_TICKS, false);
		return EXIT_RESUME;
	}
	if (code != EXIT_PREEMPTION_TIMER)
		return EXIT_DEFAULT;
	bad_unless(v, vmread(VMCS_GUEST_ACTIVITY_STATE) == ACTIVITY_HLT);
	bad_unless(v, vmread(VMCS_GUEST_RIP) == v->scn_state[0]);
	vmwrite(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_ACTIVE);
	disarm(v);
	return EXIT_RESUME;
}

/*
 * ptimer/save: the timer runs through the whole scenario; each exit saves what is left
 * and the next entry starts from it. Between two exits it may fall by at most the
 * number of changes of TSC bit X in between, and never rise.
 */
static void save_setup(struct vcpu *v)
{
	pt_save_setup(v);
	v->ctl[CTL_PIN] |= PIN_PREEMPTION_TIMER;
	v->ctl[CTL_EXIT] |= EXIT_SAVE_PREEMPTION_TIMER;
	vmwrite(VMCS_PREEMPTION_TIMER_VALUE, PT_SAVE_START);
	v->scn_state[5] = PT_SAVE_START;
	v->scn_state[6] = rdtsc_serialized();
}

static enum exit_action save_exit(struct vcpu *v, u64 code)
{
	u64 now = rdtsc_serialized(), left = vmread(VMCS_PREEMPTION_TIMER_VALUE), prev = v->scn_state[5];

	if (code & EXIT_REASON_FAILED_VMENTRY)
		return EXIT_DEFAULT;
	bad_unless(v, left <= prev && prev - left <= ((now - v->scn_state[6]) >> rate()) + 1);
	v->scn_state[5] = left;
	v->scn_state[6] = rdtsc_serialized();
	return EXIT_DEFAULT;
}

static void save_check(struct vcpu *v)
{
	check_clean(v);
	check(v->scn_state[5] < PT_SAVE_START, "the timer counted down: %#llx left of %#x",
	      (unsigned long long)v->scn_state[5], PT_SAVE_START);
}

const struct scenario scn_ptimer_zero = {
	.needs = NEEDS(VMX), .setup = pt_setup, .l2 = l2_ev_arm, .on_exit = zero_exit, .check = check_clean,
	.max_iters = 16, .expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_PREEMPTION_TIMER), 1 } },
};

const struct scenario scn_ptimer_countdown = {
	.needs = NEEDS(VMX), .setup = pt_setup, .l2 = l2_ptimer_spin, .on_exit = countdown_exit,
	.check = countdown_check, .max_iters = 8,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_PREEMPTION_TIMER), 1 } },
};

const struct scenario scn_ptimer_expiry_save = {
	.needs = NEEDS(VMX), .setup = pt_save_setup, .l2 = l2_ptimer_spin, .on_exit = countdown_exit,
	.check = countdown_check, .max_iters = 8,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_PREEMPTION_TIMER), 1 } },
};

const struct scenario scn_ptimer_hlt = {
	.needs = NEEDS(VMX), .setup = pt_setup, .l2 = l2_ptimer_hlt, .on_exit = hlt_exit, .check = check_clean,
	.max_iters = 8, .expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_PREEMPTION_TIMER), 1 } },
};

const struct scenario scn_ptimer_save = {
	.needs = NEEDS(VMX), .setup = save_setup, .l2 = l2_vmcall, .on_exit = save_exit, .check = save_check,
	.max_iters = 16, .expect = { { XK_HYPERCALL, 1 } },
};
