// SPDX-License-Identifier: GPL-2.0-only
/*
 * insn/: one row per instruction-exiting control (SDM "Instructions That Cause VM Exits
 * Conditionally"; INVD exits unconditionally, "... Unconditionally"). Each row sets the
 * control, L2 executes the instruction once per iteration, and L1 checks what the exit
 * reports: INVLPG's linear address in the exit qualification ("Exit Qualification for
 * INVLPG, INVPCID, ..."), RDRAND/RDSEED's destination register and operand size
 * ("VM-Exit Instruction-Information Field as Used for RDRAND, RDSEED, TPAUSE, and
 * UMWAIT"), the identity and operand of LGDT/LIDT/SGDT/SIDT and LLDT/LTR/SLDT/STR ("...
 * for LIDT, LGDT, SIDT, or SGDT", "... for LLDT, LTR, SLDT, and STR"). L1 emulates each
 * by skipping it (RDRAND/RDSEED: CF = 1, a value in the register).
 */
#include "l1/scenarios/vmxb.h"
#include "x86/desc.h"
#include "x86/processor.h"

#define NO_CTL		(-1)
#define RFLAGS_CF	BIT(0)
#define RAND_VALUE	0x5eed5eedULL
#define OP_SIZE_64	2

enum insn_check { CHK_NONE, CHK_QUAL_ADDR, CHK_RAND, CHK_DESC, CHK_LDTR };
/* CPUID bits without which L2's instruction is #UD, not an exit. */
enum insn_req { REQ_NONE, REQ_MONITOR, REQ_RDRAND, REQ_RDSEED };

struct insn_row {
	enum l2_insn_op op;
	int feature;		/* enum vmx_feature, NO_CTL: exits unconditionally */
	u16 reason;
	enum insn_check chk;
	u8 identity;		/* CHK_DESC, CHK_LDTR: instruction information bits 29:28 */
	enum insn_req req;
};

#define ROW_STATE 13

static const struct insn_row *row_of(struct vcpu *v)
{
	return (const struct insn_row *)v->scn_state[ROW_STATE];
}

static void check_exit(struct vcpu *v, const struct insn_row *r)
{
	u32 info = (u32)vmread(VMCS_VMX_INSTRUCTION_INFO);
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);

	switch (r->chk) {
	case CHK_NONE:
		break;
	case CHK_QUAL_ADDR:
		if (q != v->ctx->result[1])
			vmxb_bad(v, q);
		break;
	case CHK_RAND:
		if (INFO_REG1(info) != RAX || INFO_OP_SIZE(info) != OP_SIZE_64)
			vmxb_bad(v, info);
		v->gpr[RAX] = RAND_VALUE;
		vmwrite(VMCS_GUEST_RFLAGS, (vmread(VMCS_GUEST_RFLAGS) & ~0x8d5ULL) | RFLAGS_CF);
		break;
	case CHK_DESC:
		if (INFO_IDENTITY(info) != r->identity || INFO_ADDR_SIZE(info) != INFO_ADDR_64 ||
		    vmxb_operand_address(v, info) != v->ctx->result[1])
			vmxb_bad(v, info);
		break;
	case CHK_LDTR:
		if (INFO_IDENTITY(info) != r->identity || !(info & INFO_REG_OPERAND) || INFO_REG1(info) != RAX)
			vmxb_bad(v, info);
		if (r->op == L2_INSN_STR)
			v->gpr[RAX] = (v->gpr[RAX] & ~0xffffULL) | SEL_TSS;
		else if (r->op == L2_INSN_SLDT)
			v->gpr[RAX] &= ~0xffffULL;
		break;
	}
}

static enum exit_action insn_on_exit(struct vcpu *v, u64 code)
{
	const struct insn_row *r = row_of(v);

	if ((code & 0xffff) != r->reason)
		return EXIT_DEFAULT;
	check_exit(v, r);
	vmx_skip_instruction(v);
	return EXIT_RESUME;
}

static void insn_setup(struct vcpu *v, const struct insn_row *r)
{
	struct cpuid_regs c1 = cpuid(1), c7 = cpuid_count(7, 0);

	v->scn_state[ROW_STATE] = (u64)r;
	v->ctx->arg[0] = r->op;
	if (r->req == REQ_MONITOR && !(c1.ecx & BIT(3)))
		scenario_skip("needs MONITOR/MWAIT (CPUID.1:ECX[3])");
	if (r->req == REQ_RDRAND && !(c1.ecx & BIT(30)))
		scenario_skip("needs RDRAND (CPUID.1:ECX[30])");
	if (r->req == REQ_RDSEED && !(c7.ebx & BIT(18)))
		scenario_skip("needs RDSEED (CPUID.(7,0):EBX[18])");
	if (r->feature != NO_CTL) {
		vmxb_need_ctl(r->feature);
		v->ctl[vmx_features[r->feature].word] |= 1u << vmx_features[r->feature].bit;
	}
}

static void insn_check(struct vcpu *v)
{
	vmxb_check_none_bad(v, "exit qualification / instruction information");
}

/* X(id, op, feature, exit reason, check, identity, CPUID requirement) */
#define INSN_ROWS(X)								\
	X(insn_invlpg, INVLPG, FEAT_PROC_INVLPG_EXITING, INVLPG, CHK_QUAL_ADDR, 0, REQ_NONE) \
	X(insn_rdpmc, RDPMC, FEAT_PROC_RDPMC_EXITING, RDPMC, CHK_NONE, 0, REQ_NONE)	\
	X(insn_pause, PAUSE, FEAT_PROC_PAUSE_EXITING, PAUSE, CHK_NONE, 0, REQ_NONE)	\
	X(insn_wbinvd, WBINVD, FEAT_PROC2_WBINVD_EXITING, WBINVD, CHK_NONE, 0, REQ_NONE) \
	X(insn_rdrand, RDRAND, FEAT_PROC2_RDRAND_EXITING, RDRAND, CHK_RAND, 0, REQ_RDRAND) \
	X(insn_rdseed, RDSEED, FEAT_PROC2_RDSEED_EXITING, RDSEED, CHK_RAND, 0, REQ_RDSEED) \
	X(insn_monitor, MONITOR, FEAT_PROC_MONITOR_EXITING, MONITOR, CHK_NONE, 0, REQ_MONITOR) \
	X(insn_mwait, MWAIT, FEAT_PROC_MWAIT_EXITING, MWAIT, CHK_NONE, 0, REQ_MONITOR)	\
	X(insn_invd, INVD, NO_CTL, INVD, CHK_NONE, 0, REQ_NONE)			\
	X(insn_sgdt, SGDT, FEAT_PROC2_DESC_TABLE_EXITING, GDTR_IDTR, CHK_DESC, 0, REQ_NONE) \
	X(insn_sidt, SIDT, FEAT_PROC2_DESC_TABLE_EXITING, GDTR_IDTR, CHK_DESC, 1, REQ_NONE) \
	X(insn_lgdt, LGDT, FEAT_PROC2_DESC_TABLE_EXITING, GDTR_IDTR, CHK_DESC, 2, REQ_NONE) \
	X(insn_lidt, LIDT, FEAT_PROC2_DESC_TABLE_EXITING, GDTR_IDTR, CHK_DESC, 3, REQ_NONE) \
	X(insn_sldt, SLDT, FEAT_PROC2_DESC_TABLE_EXITING, LDTR_TR, CHK_LDTR, 0, REQ_NONE) \
	X(insn_str, STR, FEAT_PROC2_DESC_TABLE_EXITING, LDTR_TR, CHK_LDTR, 1, REQ_NONE)	\
	X(insn_lldt, LLDT, FEAT_PROC2_DESC_TABLE_EXITING, LDTR_TR, CHK_LDTR, 2, REQ_NONE) \
	X(insn_ltr, LTR, FEAT_PROC2_DESC_TABLE_EXITING, LDTR_TR, CHK_LDTR, 3, REQ_NONE)

#define X(id, op_, feat, reason_, chk_, ident, req_)				\
	static const struct insn_row row_##id = {				\
		.op = L2_INSN_##op_, .feature = feat, .reason = EXIT_##reason_,	\
		.chk = chk_, .identity = ident, .req = req_,			\
	};									\
	static void setup_##id(struct vcpu *v) { insn_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX), .setup = setup_##id, .l2 = l2_insn,	\
		.expect = { { NATIVE_EXIT(EXIT_##reason_), 1 } },		\
		.check = insn_check, .on_exit = insn_on_exit, .max_iters = 16,	\
	};
INSN_ROWS(X)
#undef X
