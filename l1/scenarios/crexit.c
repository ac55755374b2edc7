// SPDX-License-Identifier: GPL-2.0-only
/*
 * crexit/: control-register and debug-register accesses, one row per case. SDM vol. 3:
 * "Guest/Host Masks and Read Shadows for CR0 and CR4" (an owned bit reads from the read
 * shadow; MOV to CR0/CR4 exits when it would change an owned bit away from the shadow,
 * CLTS when TS is owned and shadowed 1, LMSW when it would change an owned bit of 3:0),
 * "CR3-Target Controls" (MOV to CR3 of a target value does not exit), "Exit Qualification
 * for Control-Register Accesses" (CR 3:0, access type 5:4, LMSW operand type 6, GPR 11:8,
 * LMSW source 31:16) and "... for MOV DR" (DR 2:0, direction 4, GPR 11:8). L1 emulates
 * every exiting access, as a VMM does: its read shadow becomes what L2 wrote.
 */
#include "l1/scenarios/vmxb.h"
#include "x86/processor.h"

#define CR0_TS		BIT(3)
#define CR4_PCE		BIT(8)
#define LMSW_BITS	0xfULL		/* PE, MP, EM, TS */
#define LMSW_MEMORY	BIT(6)

enum { TYPE_MOV_TO, TYPE_MOV_FROM, TYPE_CLTS, TYPE_LMSW };
#define ROW_STATE	13	/* scn_state[]: the row; 0-3: exits by access type; 10: DR0; 11: CR3 */

struct cr_row {
	enum l2_cr_op op;
	u8 cr;			/* the CR (or DR) number every exit must name */
	u64 mask, shadow;	/* CR0 (cr 0) or CR4 (cr 4): owned bits, their shadow value */
	u32 proc;		/* primary controls to set */
	u8 per_type[4];		/* exits per iteration by access type (MOV DR: to, from) */
};

static const struct cr_row *row_of(struct vcpu *v)
{
	return (const struct cr_row *)v->scn_state[ROW_STATE];
}

static void cr_write(struct vcpu *v, u8 cr, u64 val)
{
	switch (cr) {
	case 0:
		vmwrite(VMCS_CR0_READ_SHADOW, val);
		vmwrite(VMCS_GUEST_CR0, val);
		break;
	case 3:
		v->scn_state[11] = val;
		if (val == v->ctx->arg[1] && row_of(v)->op == L2_CR_CR3_TARGET)
			vmxb_bad(v, val);	/* a CR3-target value exited */
		vmwrite(VMCS_GUEST_CR3, val);
		break;
	case 4:
		vmwrite(VMCS_CR4_READ_SHADOW, val);
		vmwrite(VMCS_GUEST_CR4, val | CR4_VMXE);	/* VMX operation needs it */
		break;
	default:
		vmxb_bad(v, 0xc0 + cr);
	}
}

/* CLTS and LMSW change CR0 bits 3:0 only: in the guest CR0 and in L2's view of it. */
static void cr0_bits(u64 clear, u64 set)
{
	vmwrite(VMCS_CR0_READ_SHADOW, (vmread(VMCS_CR0_READ_SHADOW) & ~clear) | set);
	vmwrite(VMCS_GUEST_CR0, (vmread(VMCS_GUEST_CR0) & ~clear) | set);
}

static enum exit_action dr_exit(struct vcpu *v)
{
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);
	u32 dir = (q >> 4) & 1, reg = (q >> 8) & 0xf;

	if (v->window_open)
		v->scn_state[dir]++;
	if ((q & 7) != row_of(v)->cr || reg == RSP)
		vmxb_bad(v, q);
	if (dir == 0)
		v->scn_state[10] = v->gpr[reg];
	else
		v->gpr[reg] = v->scn_state[10];
	vmx_skip_instruction(v);
	return EXIT_RESUME;
}

static enum exit_action cr_on_exit(struct vcpu *v, u64 code)
{
	u64 q, src;
	u32 type, reg;

	if ((code & 0xffff) == EXIT_DR_ACCESS)
		return dr_exit(v);
	if ((code & 0xffff) != EXIT_CR_ACCESS)
		return EXIT_DEFAULT;
	q = vmread(VMCS_EXIT_QUALIFICATION);
	type = (q >> 4) & 3;
	reg = (q >> 8) & 0xf;
	if (v->window_open)
		v->scn_state[type]++;
	if ((q & 0xf) != row_of(v)->cr)
		vmxb_bad(v, q);
	switch (type) {
	case TYPE_MOV_TO:
		if (reg == RSP)
			vmxb_bad(v, q);
		cr_write(v, q & 0xf, v->gpr[reg]);
		break;
	case TYPE_MOV_FROM:
		if (reg == RSP || (q & 0xf) != 3)
			vmxb_bad(v, q);
		v->gpr[reg] = vmread(VMCS_GUEST_CR3);
		break;
	case TYPE_CLTS:
		cr0_bits(CR0_TS, 0);
		break;
	case TYPE_LMSW:		/* LMSW sets PE but never clears it */
		src = q >> 16;
		if (q & LMSW_MEMORY)
			vmxb_bad(v, q);
		cr0_bits(LMSW_BITS & ~1ULL, src & LMSW_BITS);
		break;
	}
	vmx_skip_instruction(v);
	return EXIT_RESUME;
}

static void cr_setup(struct vcpu *v, const struct cr_row *r)
{
	u64 cr0 = read_cr0() & ~CR0_TS, cr4 = read_cr4();

	v->scn_state[ROW_STATE] = (u64)r;
	v->ctx->arg[0] = r->op;
	v->ctx->arg[1] = read_cr3();
	v->ctl[CTL_PROC] |= r->proc;
	if (r->proc & PROC_MOV_DR_EXITING)
		vmxb_need_ctl(FEAT_PROC_MOV_DR_EXITING);
	if (r->proc & PROC_CR3_LOAD_EXITING)
		vmxb_need_ctl(FEAT_PROC_CR3_LOAD_EXITING);
	if (r->proc & PROC_CR3_STORE_EXITING)
		vmxb_need_ctl(FEAT_PROC_CR3_STORE_EXITING);
	vmwrite(VMCS_GUEST_CR0, cr0);
	if (r->cr == 0 && r->mask) {
		vmwrite(VMCS_CR0_GUEST_HOST_MASK, r->mask);
		vmwrite(VMCS_CR0_READ_SHADOW, (cr0 & ~r->mask) | r->shadow);
	} else {
		vmwrite(VMCS_CR0_READ_SHADOW, cr0);
	}
	if (r->cr == 4) {
		vmwrite(VMCS_GUEST_CR4, cr4 & ~CR4_PCE);
		vmwrite(VMCS_CR4_GUEST_HOST_MASK, r->mask);
		vmwrite(VMCS_CR4_READ_SHADOW, (cr4 & ~CR4_PCE & ~r->mask) | r->shadow);
	}
	if (r->op == L2_CR_CR3_TARGET) {
		if (VMX_MISC_CR3_TARGETS(vmx_caps.msr[CAP_IA32_VMX_MISC]) < 1)
			scenario_skip("needs a CR3-target value (IA32_VMX_MISC bits 24:16 = 0)");
		vmwrite(VMCS_CR3_TARGET_COUNT, 1);
		vmwrite(VMCS_CR3_TARGET_VALUE0, read_cr3());
	}
}

static void cr_check(struct vcpu *v)
{
	const struct cr_row *r = row_of(v);
	u32 n = v->ctx->iters;

	for (int t = 0; t < 4; t++)
		check(v->scn_state[t] == (u64)r->per_type[t] * n, "exits of access type %d: %llu (want %u)", t,
		      (unsigned long long)v->scn_state[t], r->per_type[t] * n);
	vmxb_check_none_bad(v, "exit qualifications");
	vmxb_check_l2_clean(v, "values read back");
	if (r->op == L2_CR_CR0_SHADOW)
		check(!(vmread(VMCS_GUEST_CR0) & CR0_TS), "guest CR0.TS still 0 after L2 wrote the shadow's 1");
	if (r->op == L2_CR_CR4_SHADOW)
		check(vmread(VMCS_GUEST_CR4) & CR4_VMXE, "guest CR4.VMXE still 1 after L2 wrote the shadow's 0");
}

/* X(id, op, cr, mask, shadow, proc, reason, per iteration, exits by type) */
#define CR_ROWS(X)								\
	X(crexit_cr0_write, CR0_TOGGLE, 0, CR0_TS, 0, 0, CR_ACCESS, 2, 2)	\
	X(crexit_cr0_shadow, CR0_SHADOW, 0, CR0_TS, CR0_TS, 0, CR_ACCESS, 0, 0) \
	X(crexit_cr4_write, CR4_TOGGLE, 4, CR4_PCE, 0, 0, CR_ACCESS, 2, 2)	\
	X(crexit_cr4_shadow, CR4_SHADOW, 4, CR4_VMXE, 0, 0, CR_ACCESS, 0, 0) \
	X(crexit_clts, CLTS, 0, CR0_TS, CR0_TS, 0, CR_ACCESS, 2, 1, 0, 1)	\
	X(crexit_lmsw, LMSW, 0, CR0_TS, 0, 0, CR_ACCESS, 2, 0, 0, 0, 2)	\
	X(crexit_cr3_load, CR3_LOAD, 3, 0, 0, PROC_CR3_LOAD_EXITING, CR_ACCESS, 1, 1) \
	X(crexit_cr3_target, CR3_TARGET, 3, 0, 0, PROC_CR3_LOAD_EXITING, CR_ACCESS, 1, 1) \
	X(crexit_cr3_store, CR3_STORE, 3, 0, 0, PROC_CR3_STORE_EXITING, CR_ACCESS, 1, 0, 1) \
	X(crexit_mov_dr, MOV_DR, 0, 0, 0, PROC_MOV_DR_EXITING, DR_ACCESS, 2, 1, 1)

#define X(id, op_, cr_, mask_, shadow_, proc_, reason, n, ...)		\
	static const struct cr_row row_##id = {					\
		.op = L2_CR_##op_, .cr = cr_, .mask = mask_, .shadow = shadow_,	\
		.proc = proc_, .per_type = { __VA_ARGS__ },					\
	};									\
	static void setup_##id(struct vcpu *v) { cr_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX), .setup = setup_##id, .l2 = l2_crexit,	\
		.expect = { { NATIVE_EXIT(EXIT_##reason), n } },		\
		.check = cr_check, .on_exit = cr_on_exit, .max_iters = 16,	\
	};
CR_ROWS(X)
#undef X
