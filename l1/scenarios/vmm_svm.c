// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/: what is SVM's own. The helpers that read SVM state for the family, and
 *   svm-vgif-migrate   with virtual GIF (APM "Virtual GIF"), L2 clears its GIF with
 *                      CLGI (no exit), asks for a migration, then CPUID exits: the VMCB
 *                      L1 gets back must still say V_GIF clear (KVM carries L2's
 *                      int_ctl in its nested state), then L2 sets it with STGI.
 */
#include "l1/scenarios/vmm.h"
#include "l1/svm/svm_l1.h"

u64 vmm_svm_control_block(void)
{
	return (u64)&l2_vmcb;
}

/* APM "Exception Intercepts": EXITINFO1 the error code (#PF: too), EXITINFO2 the #PF address. */
bool vmm_svm_exception_exit(u64 code, struct vmm_exception *e)
{
	if (code < SVM_EXIT_EXCP0 || code > SVM_EXIT_EXCP31)
		return false;
	e->vector = (u8)(code - SVM_EXIT_EXCP0);
	e->has_error = e->vector == 14;	/* the vectors this family queues: #UD none, #PF one */
	e->error = (u32)l2_vmcb.control.exit_info1;
	e->address = l2_vmcb.control.exit_info2;
	e->rip = l2_vmcb.save.rip;
	return true;
}

static void vgif_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, VMM_ALL_PIECES | L2_VMM_IN_GUEST_MODE);
	l2_vmcb.control.intercept4 &= ~(INTERCEPT_STGI | INTERCEPT_CLGI);
	l2_vmcb.control.v_intr |= V_INTR_VGIF_ENABLE | V_INTR_VGIF;
}

/* scn_state[4]: CPUID exits with V_GIF clear, [5]: with it set. */
static enum exit_action vgif_exit(struct vcpu *v, u64 code)
{
	if (code == SVM_EXIT_CPUID && v->window_open)
		v->scn_state[(l2_vmcb.control.v_intr & V_INTR_VGIF) ? 5 : 4]++;
	return EXIT_DEFAULT;
}

static void vgif_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(v->scn_state[5] == 0 && v->scn_state[4] == v->ctx->iters,
	      "V_GIF clear at every CPUID exit after the migration: %llu clear, %llu set (want %u, 0)",
	      (unsigned long long)v->scn_state[4], (unsigned long long)v->scn_state[5], v->ctx->iters);
}

const struct scenario scn_vmm_svm_vgif_migrate = {
	.needs	= NEEDS(SVM) | NEEDS(VGIF),
	.setup	= vgif_setup,
	.l2	= l2_vmm_vgif_migrate,
	.expect	= { { XK_CPUID, 1 } },
	.check	= vgif_check,
	.on_exit = vgif_exit,
	.max_iters = VMM_ITERS,
};
