// SPDX-License-Identifier: GPL-2.0-only
/*
 * tlb/vmxoff-vmxon: between two runs of L2, L1 leaves VMX operation and enters it again,
 * then re-launches L2's VMCS with the same VPID. L2 has rewritten its own PTE (no INVLPG)
 * before its VMCALL (l2/tlb.c). At the VMCALL L1 does:
 *   VMCLEAR of L2's VMCS (its data is written to the VMCS region, SDM "VMCLEAR"; software
 *   should do this for every active VMCS before VMXOFF, SDM "VMXOFF" / "Leaving VMX
 *   Operation"), VMXOFF, VMXON on its own VMXON region (vmx_on(), as at boot), VMPTRLD of
 *   the same VMCS region (it holds the complete L2 state VMCLEAR wrote: the guest state
 *   must carry L2 on after its VMCALL, so the set-up is the one VMCLEAR saved), INVVPID
 *   single context for VPID 1, and VMLAUNCH (the VMCS is clear).
 * Which guarantee: SDM vol. 3 "Invalidating Cached Translation Information" lists the
 * operations that invalidate cached mappings; neither VMXOFF nor VMXON is among them,
 * and "Caching Translation Information" lets a processor keep mappings tagged with a VPID
 * while it is not using that VPID. So VMXOFF/VMXON alone guarantee nothing for VPID 1,
 * and L1 does the INVVPID ("INVVPID", single-context: all mappings tagged with the VPID)
 * that the SDM requires; the check is that L2 sees the new translation after it (L2's
 * result3 counts reads that gave the old page: must be 0). L1 stays in VMX operation
 * with L2's VMCS current, as the next scenario expects (each scenario loads a fresh VMCS).
 */
#include "l1/scenarios/vmxb.h"
#include "x86/processor.h"

#define L2_VPID		1	/* the default set-up's (l1/vmx/vmcs.c) */

static void leave_and_reenter(struct vcpu *v)
{
	u64 vmcs = 0;
	char why[96];
	int r = VMX_INSN_OUT("vmptrst %2", "m"(vmcs));

	if (r != VMX_OK) {
		vmxb_bad(v, 0x1000 + (u32)r);
		return;
	}
	vmclear(vmcs);
	r = __vmxoff();
	if (r != VMX_OK)
		vmxb_bad(v, 0x2000 + (u32)r);
	if (vmx_on(why, sizeof(why)) != 0) {
		vcpu_error(v, "VMXON again after VMXOFF: %s", why);
		return;
	}
	vmptrld(vmcs);
	r = __invvpid(INVVPID_SINGLE_CONTEXT, L2_VPID, 0);
	if (r != VMX_OK)
		vmxb_bad(v, 0x3000 + (u32)r);
	v->launched = 0;	/* VMCLEAR made it clear: the next entry is VMLAUNCH */
	v->host_rsp = 0;
}

static enum exit_action vmxoff_on_exit(struct vcpu *v, u64 code)
{
	if ((code & 0xffff) == EXIT_VMCALL && v->gpr[RAX] == HC_NOP)
		leave_and_reenter(v);
	return EXIT_DEFAULT;
}

static void vmxoff_setup(struct vcpu *v)
{
	vmxb_need_ctl(FEAT_PROC2_VPID);
	vmxb_need_ept_cap(VPID_CAP_INVVPID | VPID_CAP_INVVPID_SINGLE, "INVVPID single-context");
	v->ctx->arg[0] = 0;			/* L2 rewrites its own PTE */
	v->ctx->arg[1] = L2_TLB_HYPERCALL;	/* then VMCALL */
}

static void vmxoff_check(struct vcpu *v)
{
	vmxb_check_none_bad(v, "L1's VMXOFF/VMXON/INVVPID");
	vmxb_check_l2_clean(v, "reads after VMXOFF, VMXON, INVVPID that gave the old page");
}

const struct scenario scn_tlb_vmxoff_vmxon = {
	.needs = NEEDS(VMX), .setup = vmxoff_setup, .l2 = l2_tlb, .check = vmxoff_check,
	.on_exit = vmxoff_on_exit, .expect = { { XK_HYPERCALL, 1 } }, .max_iters = 16,
};
