// SPDX-License-Identifier: GPL-2.0-only
/*
 * tlb/: translations L2 has used change, and only an invalidation the SDM names makes the
 * change visible (SDM vol. 3, "Caching Translation Information", "Invalidating Cached
 * Translation Information", "INVVPID", "INVEPT"). One row per way:
 *   - VPID off: every VM entry invalidates the linear and combined mappings of VPID 0000H
 *     (SDM "Updating Non-Register State" in "VM Entries"; VM exits likewise), so L2's
 *     VMCALL alone must make its new PTE visible;
 *   - VPID on, L1 does INVVPID of each type for L2's VPID at the VMCALL: individual
 *     address (the test page), single context, all contexts, single context retaining
 *     globals (the test PTE is not global);
 *   - VPID on, L1 does VMCLEAR, INVVPID single context with no current VMCS, VMPTRLD, and
 *     re-launches the same VMCS with the same VPID;
 *   - L2's own INVLPG, and its MOV to CR3 (PCIDE = 0: all non-global mappings of the
 *     current VPID), without any exit;
 *   - L1 remaps the guest-physical test page in EPT and does INVEPT single context or
 *     all contexts: guest-physical and combined mappings of the EPTP are invalidated.
 * L1's own per-scenario INVVPID/INVEPT happens before L2 starts, not between iterations:
 * each iteration's flush is the row's. Bochs flushes its whole TLB on every VM entry and
 * exit and so cannot miss one; run these in the lab with --l0-param ept=0 as well.
 */
#include "l1/scenarios/eptx_map.h"

enum tlb_action { ACT_NONE, ACT_INVVPID, ACT_FRESH_VMCS, ACT_INVEPT };
#define ROW_STATE	13
#define L2_VPID		1	/* the default set-up's (l1/vmx/vmcs.c) */

struct tlb_row {
	bool vpid, ept_remap;
	enum l2_tlb_flush flush;
	enum tlb_action action;
	u64 type;		/* INVVPID or INVEPT type */
	u64 cap;		/* IA32_VMX_EPT_VPID_CAP bits needed */
};

static const struct tlb_row *row_of(struct vcpu *v)
{
	return (const struct tlb_row *)v->scn_state[ROW_STATE];
}

static void invvpid(struct vcpu *v, u64 type)
{
	int r = __invvpid(type, L2_VPID, L2_TLB_VA);

	if (r != VMX_OK)
		vmxb_bad(v, 0x1000 + type * 0x100 + (u32)r);
}

static void fresh_vmcs(struct vcpu *v)
{
	u64 vmcs = 0;
	int r = VMX_INSN_OUT("vmptrst %2", "m"(vmcs));

	if (r != VMX_OK)
		vmxb_bad(v, 0x2000);
	vmclear(vmcs);
	invvpid(v, INVVPID_SINGLE_CONTEXT);
	vmptrld(vmcs);
	v->launched = 0;	/* clear: the next entry is VMLAUNCH */
	v->host_rsp = 0;
}

static void remap(struct vcpu *v, u64 type)
{
	u64 *e = eptx_entry(EPTX_GPA, 1);
	u64 eptp = vmread(VMCS_EPT_POINTER);
	int page = EPT_ADDR(*e) == eptx_page(0);
	int r;

	*e = eptx_page(page) | EPT_RWX | EPT_MT_WB;
	r = __invept(type, eptp);
	if (r != VMX_OK)
		vmxb_bad(v, 0x3000 + type * 0x100 + (u32)r);
}

static enum exit_action tlb_on_exit(struct vcpu *v, u64 code)
{
	const struct tlb_row *r = row_of(v);

	if ((code & 0xffff) != EXIT_VMCALL || v->gpr[RAX] != HC_NOP)
		return EXIT_DEFAULT;
	switch (r->action) {
	case ACT_NONE:
		break;
	case ACT_INVVPID:
		invvpid(v, r->type);
		break;
	case ACT_FRESH_VMCS:
		fresh_vmcs(v);
		break;
	case ACT_INVEPT:
		remap(v, r->type);
		break;
	}
	return EXIT_DEFAULT;
}

static void tlb_setup(struct vcpu *v, const struct tlb_row *r)
{
	v->scn_state[ROW_STATE] = (u64)r;
	if (r->vpid)
		vmxb_need_ctl(FEAT_PROC2_VPID);
	vmxb_need_ept_cap(r->cap, "the row's INVVPID/INVEPT type");
	if (!r->vpid)
		v->ctl[CTL_PROC2] &= ~PROC2_VPID;
	v->ctx->arg[0] = 0;
	v->ctx->arg[1] = r->flush;
	if (r->ept_remap) {
		eptx_build(v, false, false);
		v->ctx->arg[0] = EPTX_GPA;
	}
}

static void tlb_check(struct vcpu *v)
{
	vmxb_check_none_bad(v, "L1's invalidations");
	vmxb_check_l2_clean(v, "reads after the invalidation that gave the old page");
}

#define VPID_ADDR	(VPID_CAP_INVVPID | VPID_CAP_INVVPID_ADDR)
#define VPID_SINGLE	(VPID_CAP_INVVPID | VPID_CAP_INVVPID_SINGLE)
#define VPID_ALL	(VPID_CAP_INVVPID | VPID_CAP_INVVPID_ALL)
#define VPID_GLOBALS	(VPID_CAP_INVVPID | VPID_CAP_INVVPID_SINGLE_GLOBALS)
#define EPT_SINGLE	(EPT_CAP_INVEPT | EPT_CAP_INVEPT_SINGLE)
#define EPT_ALL		(EPT_CAP_INVEPT | EPT_CAP_INVEPT_ALL)

/* X(id, VPID, EPT remap, L2's flush, L1's action, type, capability, exits per iteration) */
#define TLB_ROWS(X)								\
	X(tlb_vpid_off, false, false, HYPERCALL, ACT_NONE, 0, 0, 1)		\
	X(tlb_invvpid_address, true, false, HYPERCALL, ACT_INVVPID, INVVPID_ADDRESS, VPID_ADDR, 1) \
	X(tlb_invvpid_single, true, false, HYPERCALL, ACT_INVVPID, INVVPID_SINGLE_CONTEXT, VPID_SINGLE, 1) \
	X(tlb_invvpid_all, true, false, HYPERCALL, ACT_INVVPID, INVVPID_ALL_CONTEXT, VPID_ALL, 1) \
	X(tlb_invvpid_single_globals, true, false, HYPERCALL, ACT_INVVPID, INVVPID_SINGLE_GLOBALS, \
	  VPID_GLOBALS, 1)							\
	X(tlb_fresh_vmcs, true, false, HYPERCALL, ACT_FRESH_VMCS, 0, VPID_SINGLE, 1) \
	X(tlb_l2_invlpg, true, false, INVLPG, ACT_NONE, 0, 0, 0)		\
	X(tlb_l2_cr3, true, false, CR3, ACT_NONE, 0, 0, 0)			\
	X(tlb_invept_single, true, true, HYPERCALL, ACT_INVEPT, INVEPT_SINGLE_CONTEXT, EPT_SINGLE, 1) \
	X(tlb_invept_all, true, true, HYPERCALL, ACT_INVEPT, INVEPT_ALL_CONTEXT, EPT_ALL, 1)

#define X(id, vpid_, remap_, flush_, act, type_, cap_, n)			\
	static const struct tlb_row row_##id = {				\
		.vpid = vpid_, .ept_remap = remap_, .flush = L2_TLB_##flush_,	\
		.action = act, .type = type_, .cap = cap_,			\
	};									\
	static void setup_##id(struct vcpu *v) { tlb_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX) | (remap_ ? NEEDS(NESTED_PAGING) : 0),	\
		.setup = setup_##id, .l2 = l2_tlb, .check = tlb_check,		\
		.on_exit = tlb_on_exit, .expect = { { XK_HYPERCALL, n } }, .max_iters = 16, \
	};
TLB_ROWS(X)
#undef X
