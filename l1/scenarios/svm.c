// SPDX-License-Identifier: GPL-2.0-only
/*
 * What SVM has and VMX has not: the GIF and VMSAVE/VMLOAD, each intercepted (L1
 * emulates) and virtualized (vGIF, virtual VMLOAD/VMSAVE: no exit), the AMD counterparts
 * of the VMCS-shadowing pair; and next-RIP save, checked against L1's own decoding.
 */
#include "l1/scenario.h"
#include "l1/svm/svm_l1.h"

#define SAVE_MARK	0x5a5aULL	/* L2's SYSENTER_CS, which VMSAVE must store */

static void gif_exit_setup(struct vcpu *v)
{
	v->vgif = true;
}

static void gif_exit_check(struct vcpu *v)
{
	check(!v->vgif, "L1's emulated GIF is clear after L2's last CLGI");
}

const struct scenario scn_svm_gif_exit = {
	.needs	= NEEDS(SVM),
	.setup	= gif_exit_setup,
	.l2	= l2_gif,
	.expect	= { { XK_STGI, 1 }, { XK_CLGI, 1 } },
	.check	= gif_exit_check,
};

static void vgif_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.intercept4 &= ~(INTERCEPT_STGI | INTERCEPT_CLGI);
	l2_vmcb.control.v_intr |= V_INTR_VGIF_ENABLE | V_INTR_VGIF;
}

static void vgif_check(struct vcpu *v)
{
	(void)v;
	check(!(l2_vmcb.control.v_intr & V_INTR_VGIF), "virtual GIF in the VMCB is clear after L2's last CLGI "
	      "(V_INTR %#llx)", (unsigned long long)l2_vmcb.control.v_intr);
}

const struct scenario scn_svm_vgif = {
	.needs	= NEEDS(SVM) | NEEDS(VGIF),
	.setup	= vgif_setup,
	.l2	= l2_gif,
	.check	= vgif_check,
};

static void vmsave_exit_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.save.sysenter_cs = SAVE_MARK;
}

static void vmsave_check(struct vcpu *v)
{
	check(v->ctx->result[0] == SAVE_MARK, "L2's VMSAVE stored its SYSENTER_CS %#llx (want %#llx)",
	      (unsigned long long)v->ctx->result[0], SAVE_MARK);
}

const struct scenario scn_svm_vmsave_exit = {
	.needs	= NEEDS(SVM),
	.setup	= vmsave_exit_setup,
	.l2	= l2_vmsave_vmload,
	.expect	= { { XK_VMSAVE, 1 }, { XK_VMLOAD, 1 } },
	.check	= vmsave_check,
};

/* APM "Virtual VMLOAD and VMSAVE": needs nested paging; RAX is then a guest-physical address. */
static void vmsave_virtual_setup(struct vcpu *v)
{
	vmsave_exit_setup(v);
	l2_vmcb.control.intercept4 &= ~(INTERCEPT_VMSAVE | INTERCEPT_VMLOAD);
	l2_vmcb.control.virt_ext |= VIRT_VMLOAD_VMSAVE_ENABLE;
}

const struct scenario scn_svm_vmsave_virtual = {
	.needs	= NEEDS(SVM) | NEEDS(NESTED_PAGING) | NEEDS(VIRTUAL_VMLOAD),
	.setup	= vmsave_virtual_setup,
	.l2	= l2_vmsave_vmload,
	.check	= vmsave_check,
};

static void nrip_setup(struct vcpu *v)
{
	v->check_nrip = true;
}

static void nrip_check(struct vcpu *v)
{
	check(v->nrip_checked >= v->ctx->iters, "next RIP compared at %u exits (want >= %u)", v->nrip_checked,
	      v->ctx->iters);
	check(v->nrip_mismatches == 0, "next RIP in the VMCB differs from L1's decoding at %u exits (want 0)",
	      v->nrip_mismatches);
}

const struct scenario scn_svm_nrip_save = {
	.needs	= NEEDS(SVM) | NEEDS(NRIP_SAVE),
	.setup	= nrip_setup,
	.l2	= l2_cpuid,
	.expect	= { { XK_CPUID, 1 } },
	.check	= nrip_check,
};
