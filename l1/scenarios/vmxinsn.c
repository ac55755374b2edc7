// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmxinsn/: VMX instructions executed by L2. In VMX non-root operation VMXON, VMCLEAR,
 * VMPTRLD, VMPTRST, VMLAUNCH, VMRESUME, VMXOFF, INVEPT and INVVPID cause VM exits
 * unconditionally (SDM "Instructions That Cause VM Exits Unconditionally"), each with its
 * basic exit reason; the memory operand is in the instruction information and the
 * displacement in the exit qualification ("VM-Exit Instruction-Information Field as Used
 * for VMCLEAR, VMPTRLD, VMPTRST, VMXON, XRSTORS, XSAVES, INVEPT, INVPCID, INVVPID").
 * L1 then gives L2 what the instruction's operation section says a processor in L2's
 * virtual state does ("VMX Instruction Reference"): VMXON with CR4.VMXE = 0 (as L2 sees
 * CR4 through the read shadow) is #UD; VMPTRLD/VMCLEAR of an unaligned pointer, VMLAUNCH/
 * VMRESUME and an unsupported INVEPT/INVVPID type without a current VMCS are
 * VMfailInvalid; VMPTRST without one stores FFFFFFFF_FFFFFFFFH; VMXON/VMXOFF succeed.
 */
#include "l1/scenarios/vmxb.h"
#include "x86/processor.h"

#define ROW_STATE 13

struct vmx_row {
	enum l2_vmx_op op;
	u16 reason;
	enum l2_vmx_want want;
	bool memory;		/* a memory operand at (%rax) */
	bool reg2;		/* INVEPT/INVVPID: the type in RCX */
	bool cr4_hidden;	/* CR4.VMXE owned by L1, shadowed 0 */
};

static const struct vmx_row *row_of(struct vcpu *v)
{
	return (const struct vmx_row *)v->scn_state[ROW_STATE];
}

static void check_operands(struct vcpu *v, const struct vmx_row *r)
{
	u32 info = (u32)vmread(VMCS_VMX_INSTRUCTION_INFO);

	if (r->memory && ((info & INFO_BASE_INVALID) || INFO_BASE(info) != RAX || !(info & INFO_INDEX_INVALID) ||
			  INFO_ADDR_SIZE(info) != INFO_ADDR_64 || vmread(VMCS_EXIT_QUALIFICATION) != 0))
		vmxb_bad(v, info);
	if (r->reg2 && (INFO_REG2(info) != RCX || v->gpr[RCX] != 1))
		vmxb_bad(v, info);
}

static enum exit_action vmx_on_exit(struct vcpu *v, u64 code)
{
	const struct vmx_row *r = row_of(v);
	u64 *operand;

	if ((code & 0xffff) != r->reason)
		return EXIT_DEFAULT;
	check_operands(v, r);
	operand = (u64 *)v->gpr[RAX];
	switch (r->want) {
	case L2_WANT_SUCCEED:
		vmxb_vmsucceed(v);
		break;
	case L2_WANT_FAIL_INVALID:
		if ((r->op == L2_VMX_VMPTRLD || r->op == L2_VMX_VMCLEAR) && !(*operand & 0xfff))
			vmxb_bad(v, *operand);	/* L2 gave an aligned pointer */
		vmxb_vmfail_invalid(v);
		break;
	case L2_WANT_STORED_NONE:
		*operand = ~0ULL;
		vmxb_vmsucceed(v);
		break;
	case L2_WANT_UD:
		if (vmread(VMCS_CR4_READ_SHADOW) & CR4_VMXE)
			vmxb_bad(v, 0x4);
		vmxb_inject_ud(v);
		break;
	}
	return EXIT_RESUME;
}

static void vmx_setup(struct vcpu *v, const struct vmx_row *r)
{
	v->scn_state[ROW_STATE] = (u64)r;
	v->ctx->arg[0] = r->op;
	v->ctx->arg[1] = r->want;
	if (r->cr4_hidden) {
		vmwrite(VMCS_CR4_GUEST_HOST_MASK, CR4_VMXE);
		vmwrite(VMCS_CR4_READ_SHADOW, vmread(VMCS_GUEST_CR4) & ~CR4_VMXE);
	}
}

static void vmx_check(struct vcpu *v)
{
	u64 want = v->ctx->warmup + v->ctx->iters;

	vmxb_check_none_bad(v, "instruction information and operands");
	check(v->ctx->result[0] == want, "L2 saw the emulated outcome %llu times (want %llu)",
	      (unsigned long long)v->ctx->result[0], (unsigned long long)want);
}

/* X(id, op, exit reason, outcome, memory operand, type register, CR4.VMXE hidden) */
#define VMX_ROWS(X)								\
	X(vmxinsn_vmxon, VMXON, VMXON, SUCCEED, true, false, false)		\
	X(vmxinsn_vmxon_ud, VMXON, VMXON, UD, true, false, true)		\
	X(vmxinsn_vmptrld, VMPTRLD, VMPTRLD, FAIL_INVALID, true, false, false)	\
	X(vmxinsn_vmclear, VMCLEAR, VMCLEAR, FAIL_INVALID, true, false, false)	\
	X(vmxinsn_vmptrst, VMPTRST, VMPTRST, STORED_NONE, true, false, false)	\
	X(vmxinsn_vmlaunch, VMLAUNCH, VMLAUNCH, FAIL_INVALID, false, false, false) \
	X(vmxinsn_vmresume, VMRESUME, VMRESUME, FAIL_INVALID, false, false, false) \
	X(vmxinsn_vmxoff, VMXOFF, VMXOFF, SUCCEED, false, false, false)		\
	X(vmxinsn_invept, INVEPT, INVEPT, FAIL_INVALID, true, true, false)	\
	X(vmxinsn_invvpid, INVVPID, INVVPID, FAIL_INVALID, true, true, false)

#define X(id, op_, reason_, want_, mem, r2, hidden)				\
	static const struct vmx_row row_##id = {				\
		.op = L2_VMX_##op_, .reason = EXIT_##reason_,			\
		.want = L2_WANT_##want_, .memory = mem, .reg2 = r2, .cr4_hidden = hidden, \
	};									\
	static void setup_##id(struct vcpu *v) { vmx_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX), .setup = setup_##id, .l2 = l2_vmxinsn,	\
		.expect = { { NATIVE_EXIT(EXIT_##reason_), 1 } },		\
		.check = vmx_check, .on_exit = vmx_on_exit, .max_iters = 16,	\
	};
VMX_ROWS(X)
#undef X
