// SPDX-License-Identifier: GPL-2.0-only
/*
 * exception/: exceptions and debug in L2 (issue 13, family 2). SDM vol. 3: "Exception
 * Bitmap" and "Page-Fault Error-Code Mask and Match" (VM-execution controls),
 * "Information for VM Exits Due to Vectored Events", "Exit Qualification for Debug
 * Exceptions", "Delivery of Pending Debug Exceptions after VM Entry", "Monitor Trap
 * Flag" and "Pending MTF VM Exits", "Triple Fault" (other causes of VM exits).
 * scn_state[1] counts exits that break the rule; the check wants 0.
 */
#include "l1/scenarios/vmx_a.h"
#include "x86/desc.h"

#define PFEC_W		BIT(1)

static void bad_unless(struct vcpu *v, bool ok)
{
	v->scn_state[1] += !ok;
}

static void check_clean(struct vcpu *v)
{
	check(v->scn_state[1] == 0, "exits breaking the rule: %llu (want 0)", (unsigned long long)v->scn_state[1]);
}

/* scn_state[4]: the interruption information the exit must report; [5] its error code;
 * [6] the bytes L1 skips (the instruction length is defined only for software
 * exceptions, SDM "VM-Exit Instruction Length"). The exit must land at RBX - skip
 * (the faulting instruction; a trap's RIP is already past it). */
static enum exit_action exc_exit(struct vcpu *v, u64 code)
{
	u32 want = (u32)v->scn_state[4];
	u64 rip;

	if (code != EXIT_EXCEPTION_NMI)
		return EXIT_DEFAULT;
	bad_unless(v, vmread(VMCS_EXIT_INTR_INFO) == want);
	if (want & INTR_INFO_ERROR)
		bad_unless(v, vmread(VMCS_EXIT_INTR_ERROR_CODE) == v->scn_state[5]);
	if (INTR_INFO_VECTOR(want) == VEC_PF)
		bad_unless(v, vmread(VMCS_EXIT_QUALIFICATION) == L2_PF_VA);	/* faulting address */
	if (INTR_INFO_TYPE(want) == INTR_SOFT_EXCEPTION)
		bad_unless(v, vmread(VMCS_EXIT_INSTRUCTION_LEN) == v->scn_state[6]);
	if (INTR_INFO_VECTOR(want) == VEC_DB) {	/* a trap: RIP already past the NOP */
		bad_unless(v, vmread(VMCS_EXIT_QUALIFICATION) & DBG_BS);
		vmwrite(VMCS_GUEST_RFLAGS, vmread(VMCS_GUEST_RFLAGS) & ~RFLAGS_TF);
		vmwrite(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0);
	}
	rip = vmread(VMCS_GUEST_RIP) + v->scn_state[6];
	if (INTR_INFO_VECTOR(want) != VEC_PF)	/* the #PF workload has no RBX label */
		bad_unless(v, rip == v->gpr[RBX]);
	vmwrite(VMCS_GUEST_RIP, rip);
	return EXIT_RESUME;
}

static void exc_setup(struct vcpu *v, u32 bitmap, u32 info, u64 error, u32 skip)
{
	hv->exception_intercepts(v, bitmap);
	v->scn_state[4] = info;
	v->scn_state[5] = error;
	v->scn_state[6] = skip;
}

static void ud_setup(struct vcpu *v) { exc_setup(v, BIT(VEC_UD), INTR_INFO(INTR_HW_EXCEPTION, VEC_UD), 0, 2); }

static void ud_pass_setup(struct vcpu *v)
{
	exc_setup(v, (u32)~BIT(VEC_UD), 0, 0, 0);
	v->ctx->arg[0] = 1;	/* L2's own #UD handler runs, */
	v->ctx->arg[3] = 2;	/* and skips the UD2 */
}

static void bp_setup(struct vcpu *v) { exc_setup(v, BIT(VEC_BP), INTR_INFO(INTR_SOFT_EXCEPTION, VEC_BP), 0, 1); }

/* #PF, bit 14 set: exits iff PFEC & mask == match; clear: iff they differ. Mask = match
 * = W: with the bit set the write exits and L2 sees the read (PFEC 0), else the reverse. */
static void pf_setup(struct vcpu *v, bool bit14)
{
	exc_setup(v, bit14 ? BIT(VEC_PF) : 0, INTR_INFO(INTR_HW_EXCEPTION, VEC_PF) | INTR_INFO_ERROR,
		  bit14 ? PFEC_W : 0, 3);
	vmwrite(VMCS_PF_ERROR_CODE_MASK, PFEC_W);
	vmwrite(VMCS_PF_ERROR_CODE_MATCH, PFEC_W);
	v->ctx->arg[1] = bit14 ? 0 : PFEC_W;
	v->ctx->arg[3] = 3;
}

static void pf_match_setup(struct vcpu *v)   { pf_setup(v, true); }
static void pf_nomatch_setup(struct vcpu *v) { pf_setup(v, false); }

static void db_setup(struct vcpu *v) { exc_setup(v, BIT(VEC_DB), INTR_INFO(INTR_HW_EXCEPTION, VEC_DB), 0, 0); }

const struct scenario scn_exception_bitmap_ud = {
	.needs = NEEDS(VMX), .setup = ud_setup, .l2 = l2_exc_ud, .on_exit = exc_exit, .check = check_clean,
	.max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

const struct scenario scn_exception_bitmap_clear = {
	.needs = NEEDS(VMX), .setup = ud_pass_setup, .l2 = l2_exc_ud, .on_exit = exc_exit, .check = check_clean,
	.max_iters = 16,
};

const struct scenario scn_exception_bp = {
	.needs = NEEDS(VMX), .setup = bp_setup, .l2 = l2_exc_bp, .on_exit = exc_exit, .check = check_clean,
	.max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

const struct scenario scn_exception_pf_match = {
	.needs = NEEDS(VMX), .setup = pf_match_setup, .l2 = l2_exc_pf, .on_exit = exc_exit, .check = check_clean,
	.max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

const struct scenario scn_exception_pf_nomatch = {
	.needs = NEEDS(VMX), .setup = pf_nomatch_setup, .l2 = l2_exc_pf, .on_exit = exc_exit, .check = check_clean,
	.max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

const struct scenario scn_exception_db_single_step = {
	.needs = NEEDS(VMX), .setup = db_setup, .l2 = l2_exc_single_step, .on_exit = exc_exit,
	.check = check_clean, .max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

/* Pending debug exceptions: L1 enters with TF=1 and BS pending; the #DB comes before
 * L2's first instruction, so the exit lands where the VMCALL returned (RBX). */
static enum exit_action db_pending_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		skip_and_unblock(v);
		vmwrite(VMCS_GUEST_RFLAGS, vmread(VMCS_GUEST_RFLAGS) | RFLAGS_TF);
		vmwrite(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, DBG_BS);
		return EXIT_RESUME;
	}
	return exc_exit(v, code);
}

const struct scenario scn_exception_db_pending = {
	.needs = NEEDS(VMX), .setup = db_setup, .l2 = l2_ev_arm, .on_exit = db_pending_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_EXCEPTION_NMI), 1 } },
};

/* MTF: after HCA_ARM every instruction ends in an MTF exit (four NOPs, one byte each). */
#define MTF_STEPS 4

static void mtf_setup(struct vcpu *v)
{
	(void)v;
	need_ctl(FEAT_PROC_MONITOR_TRAP_FLAG);
}

static enum exit_action mtf_step_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		v->scn_state[0] = v->gpr[RBX];
		v->scn_state[2] = 0;
		skip_and_unblock(v);
		ctl_set(VMCS_PROC_BASED_CTLS, PROC_MONITOR_TRAP_FLAG);
		return EXIT_RESUME;
	}
	if (code != EXIT_MONITOR_TRAP_FLAG)
		return EXIT_DEFAULT;
	v->scn_state[2]++;
	bad_unless(v, vmread(VMCS_GUEST_RIP) == v->scn_state[0] + v->scn_state[2]);
	if (v->scn_state[2] == MTF_STEPS)
		ctl_clear(VMCS_PROC_BASED_CTLS, PROC_MONITOR_TRAP_FLAG);
	return EXIT_RESUME;
}

const struct scenario scn_exception_mtf_step = {
	.needs = NEEDS(VMX), .setup = mtf_setup, .l2 = l2_ev_arm, .on_exit = mtf_step_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_MONITOR_TRAP_FLAG), MTF_STEPS } },
};

/* MTF with an injected event: the MTF exit is pending right after the delivery, so it
 * lands on the first instruction of L2's handler (its IDT gate says where). */
static u64 l2_gate_target(u8 vector)
{
	const struct idt_entry *e = (const struct idt_entry *)vmread(VMCS_GUEST_IDTR_BASE) + vector;

	return e->offset_lo | (u64)e->offset_mid << 16 | (u64)e->offset_hi << 32;
}

static void mtf_inject_setup(struct vcpu *v)
{
	mtf_setup(v);
	v->ctx->arg[0] = L2_VEC_SOFTINT;
	v->ctx->arg[1] = L2_NO_ERROR;
}

static enum exit_action mtf_inject_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		vmwrite(VMCS_ENTRY_INSTRUCTION_LEN, vmread(VMCS_EXIT_INSTRUCTION_LEN));
		vmwrite(VMCS_ENTRY_INTR_INFO, INTR_INFO(INTR_SOFT_INT, L2_VEC_SOFTINT));
		ctl_set(VMCS_PROC_BASED_CTLS, PROC_MONITOR_TRAP_FLAG);
		return EXIT_RESUME;
	}
	if (code != EXIT_MONITOR_TRAP_FLAG)
		return EXIT_DEFAULT;
	bad_unless(v, vmread(VMCS_GUEST_RIP) == l2_gate_target(L2_VEC_SOFTINT));
	ctl_clear(VMCS_PROC_BASED_CTLS, PROC_MONITOR_TRAP_FLAG);
	return EXIT_RESUME;
}

const struct scenario scn_exception_mtf_inject = {
	.needs = NEEDS(VMX), .setup = mtf_inject_setup, .l2 = l2_ev_inject, .on_exit = mtf_inject_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_MONITOR_TRAP_FLAG), 1 } },
};

/* Triple fault in L2 is a VM exit (reason 2); L1 resumes L2 after its UD2. */
static void triple_setup(struct vcpu *v)
{
	hv->exception_intercepts(v, 0);
}

static enum exit_action triple_exit(struct vcpu *v, u64 code)
{
	if (code != EXIT_TRIPLE_FAULT)
		return EXIT_DEFAULT;
	vmwrite(VMCS_GUEST_RIP, v->gpr[RBX]);
	vmwrite(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_ACTIVE);
	vmwrite(VMCS_GUEST_INTERRUPTIBILITY, 0);
	return EXIT_RESUME;
}

const struct scenario scn_exception_triple_fault = {
	.needs = NEEDS(VMX), .setup = triple_setup, .l2 = l2_exc_triple_fault, .on_exit = triple_exit,
	.max_iters = 16, .expect = { { NATIVE_EXIT(EXIT_TRIPLE_FAULT), 1 } },
};
