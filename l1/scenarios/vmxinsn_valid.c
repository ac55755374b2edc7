// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmxinsn/vmfailvalid: L1 emulates L2's virtual VMX operation far enough for a VMfailValid.
 * Before the window L2 does VMXON on its region A and VMPTRLD of its VMCS B (both exit
 * unconditionally, SDM "Instructions That Cause VM Exits Unconditionally"; L1 emulates
 * VMsucceed and records A as L2's VMXON pointer, B as its current VMCS). Each iteration
 * L2 does VMPTRLD of A: SDM "VMPTRLD" (operation): "ELSIF operand = VMXON pointer THEN
 * VMfail(VMPTRLD with VMXON pointer)", error number 10 ("VM-Instruction Error Numbers");
 * as L2 has a current VMCS, VMfail is VMfailValid (SDM "Conventions" in "VMX Instruction
 * Reference"): CF, PF, AF, SF, OF = 0, ZF = 1, and the VM-instruction error field of the
 * current VMCS = 10. L2 then does VMREAD of that field (encoding 4400H), which exits too
 * (VMREAD, VMCS shadowing off); L1 emulates VMsucceed with the field's value. L2 counts
 * the iterations in which the flags and the value were right (result0). The error field
 * of L2's virtual VMCS B lives in L1's state (its VMCS region's format is L1's to choose,
 * SDM "Format of the VMCS Region").
 */
#include "l1/scenarios/vmxb.h"
#include "x86/processor.h"

enum { VMXON_PTR, CURRENT, ERROR_FIELD };
#define PTR_NONE		(~0ULL)
#define ERR_VMPTRLD_BAD_ADDR	9
#define ERR_VMPTRLD_VMXON	10
#define ERR_VMPTRLD_REVISION	11
#define ERR_UNSUPPORTED_FIELD	12

static u64 operand(struct vcpu *v)
{
	u32 info = (u32)vmread(VMCS_VMX_INSTRUCTION_INFO);

	if ((info & INFO_REG_OPERAND) || INFO_ADDR_SIZE(info) != INFO_ADDR_64)
		vmxb_bad(v, info);
	return *(const u64 *)vmxb_operand_address(v, info);
}

/* SDM "Conventions": VMfail(n) is VMfailInvalid without a current VMCS, else VMfailValid. */
static void vmfail(struct vcpu *v, u64 error)
{
	if (v->scn_state[CURRENT] == PTR_NONE) {
		vmxb_vmfail_invalid(v);
		return;
	}
	v->scn_state[ERROR_FIELD] = error;
	vmxb_vmfail_valid(v);
}

static void emulate_vmxon(struct vcpu *v)
{
	u64 pa = operand(v);

	if ((pa & 0xfff) || *(const u32 *)pa != vmx_vmcs_revision_id()) {
		vmxb_bad(v, pa);
		vmxb_vmfail_invalid(v);
		return;
	}
	v->scn_state[VMXON_PTR] = pa;
	vmxb_vmsucceed(v);
}

static void emulate_vmptrld(struct vcpu *v)
{
	u64 pa = operand(v);

	if (pa & 0xfff)
		vmfail(v, ERR_VMPTRLD_BAD_ADDR);
	else if (pa == v->scn_state[VMXON_PTR])
		vmfail(v, ERR_VMPTRLD_VMXON);
	else if ((*(const u32 *)pa & 0x7fffffff) != vmx_vmcs_revision_id())
		vmfail(v, ERR_VMPTRLD_REVISION);
	else {
		v->scn_state[CURRENT] = pa;
		vmxb_vmsucceed(v);
	}
}

/* L2 reads with a register destination: RAX = VMREAD(field in RCX). */
static void emulate_vmread(struct vcpu *v)
{
	u32 info = (u32)vmread(VMCS_VMX_INSTRUCTION_INFO);

	if (!(info & INFO_REG_OPERAND) || INFO_REG1(info) != RAX || INFO_REG2(info) != RCX) {
		vmxb_bad(v, info);
		return;
	}
	if (v->scn_state[CURRENT] == PTR_NONE) {
		vmxb_vmfail_invalid(v);
		return;
	}
	if (v->gpr[RCX] != VMCS_VM_INSTRUCTION_ERROR) {
		vmfail(v, ERR_UNSUPPORTED_FIELD);
		return;
	}
	v->gpr[RAX] = v->scn_state[ERROR_FIELD];
	vmxb_vmsucceed(v);
}

static enum exit_action valid_on_exit(struct vcpu *v, u64 code)
{
	switch (code & 0xffff) {
	case EXIT_VMXON:
		emulate_vmxon(v);
		return EXIT_RESUME;
	case EXIT_VMPTRLD:
		emulate_vmptrld(v);
		return EXIT_RESUME;
	case EXIT_VMREAD:
		emulate_vmread(v);
		return EXIT_RESUME;
	}
	return EXIT_DEFAULT;
}

static void valid_setup(struct vcpu *v)
{
	v->scn_state[VMXON_PTR] = PTR_NONE;
	v->scn_state[CURRENT] = PTR_NONE;
	v->scn_state[ERROR_FIELD] = 0;
	v->ctx->arg[0] = vmx_vmcs_revision_id();
	v->ctx->arg[1] = VMCS_VM_INSTRUCTION_ERROR;
	v->ctx->arg[2] = ERR_VMPTRLD_VMXON;
}

static void valid_check(struct vcpu *v)
{
	u64 want = v->ctx->warmup + v->ctx->iters;

	vmxb_check_none_bad(v, "operands and instruction information");
	vmxb_check_l2_clean(v, "L2's VMXON/VMPTRLD before the window that did not succeed");
	check(v->ctx->result[0] == want, "L2 saw VMfailValid with error 10 %llu times (want %llu)",
	      (unsigned long long)v->ctx->result[0], (unsigned long long)want);
}

const struct scenario scn_vmxinsn_vmfailvalid = {
	.needs = NEEDS(VMX), .setup = valid_setup, .l2 = l2_vmxinsn_valid,
	.expect = { { NATIVE_EXIT(EXIT_VMPTRLD), 1 }, { NATIVE_EXIT(EXIT_VMREAD), 1 } },
	.check = valid_check, .on_exit = valid_on_exit, .max_iters = 16,
};
