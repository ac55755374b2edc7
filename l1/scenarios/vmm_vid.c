// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/vmx-vid-...: migrations with L1 virtualizing L2's xAPIC with virtual-interrupt
 * delivery (SDM vol. 3 "APIC Virtualization and Virtual Interrupts": "Self-IPI
 * Virtualization" sets the vector in VIRR and RVI; "Virtual-Interrupt Delivery" delivers
 * it once RFLAGS.IF = 1 and nothing blocks; "EOI Virtualization" clears VISR; none of it
 * exits). The state lives in vmcs12's guest interrupt status (RVI, SVI) and the
 * virtual-APIC page, L1's memory (api.rst: KVM_GET/SET_NESTED_STATE carry vmcs12).
 *   vid-pending-migrate  L2 (IF = 0) sends itself an IPI, asks for a migration with the
 *                        interrupt pending in RVI, then opens an STI window: one
 *                        interrupt, no exit.
 *   vid-l1-migrate       L1 migrates at L2's CPUID exit (outside guest mode), then L2
 *                        sends itself an IPI with IF = 1: one interrupt, no exit; the
 *                        point at which apic/self-ipi lost its interrupt under
 *                        --migrate (docs/validation-actor.md).
 * After the window VIRR and VISR must be clear for the vector.
 */
#include "l1/scenarios/vmm.h"
#include "l1/vmx/vmx_l1.h"
#include "x86/apic.h"

#define VID_NEEDS	(NEEDS(VMX) | NEEDS(EXTERNAL_INTERRUPT_EXITS) | NEEDS(TPR_SHADOW) |		\
			 NEEDS(APIC_REGISTERS) | NEEDS(VIRTUAL_INTERRUPTS) | NEEDS(APIC_ACCESSES) |	\
			 NEEDS(NESTED_PAGING))

/* As apic/self-ipi: TPR shadow (threshold 0), external-interrupt exiting (which
 * virtual-interrupt delivery needs), APIC-register virtualization, virtual APIC accesses. */
static void vid_on(struct vcpu *v)
{
	v->ctl[CTL_PROC] |= PROC_TPR_SHADOW;
	v->ctl[CTL_PROC] &= ~(PROC_CR8_LOAD_EXITING | PROC_CR8_STORE_EXITING);
	v->tpr_threshold = 0;
	*vapic_reg(APIC_TPR) = 0;
	v->ctl[CTL_PIN] |= PIN_EXTERNAL_INTERRUPT_EXITING;
	v->ctl[CTL_PROC2] |= PROC2_APIC_REGISTER_VIRTUALIZATION | PROC2_VIRTUAL_INTERRUPT_DELIVERY |
			     PROC2_VIRTUALIZE_APIC_ACCESSES;
}

static void pending_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, L2_VMM2_VID_PENDING);
	vmm_req.action = VMM_ACT_MIGRATE;
	vid_on(v);
}

static void l1_setup(struct vcpu *v)
{
	vmm_setup(v, 0, 0, L2_VMM2_VID_AFTER_CPUID);
	vid_on(v);
}

static enum exit_action l1_exit(struct vcpu *v, u64 code)
{
	if (code != EXIT_CPUID)
		return EXIT_DEFAULT;
	emulate_cpuid(v);
	vmm_l1_ask(v, VMM_ACT_MIGRATE);
	return EXIT_RESUME;
}

static void vid_check(struct vcpu *v)
{
	u32 bit = 1u << (L2_VEC_XAPIC % 32);
	u32 isr = *vapic_reg(apic_vector_reg(APIC_ISR, L2_VEC_XAPIC));
	u32 irr = *vapic_reg(apic_vector_reg(APIC_IRR, L2_VEC_XAPIC));
	u32 want = v->ctx->warmup + v->ctx->iters;

	vmm_check_requests(v, v->ctx->arg[3] == L2_VMM2_VID_PENDING);
	check(v->ctx->irqs == want, "L2 took %u interrupts (want %u)", v->ctx->irqs, want);
	check(!(isr & bit) && !(irr & bit), "vector %#x clear in VISR and VIRR after EOI", L2_VEC_XAPIC);
}

const struct scenario scn_vmm_vmx_vid_pending_migrate = {
	.needs	= VID_NEEDS,
	.setup	= pending_setup,
	.l2	= l2_vmm_vid,
	.check	= vid_check,
	.max_iters = VMM_ITERS,
};

const struct scenario scn_vmm_vmx_vid_l1_migrate = {
	.needs	= VID_NEEDS,
	.setup	= l1_setup,
	.l2	= l2_vmm_vid,
	.expect	= { { XK_CPUID, 1 } },
	.check	= vid_check,
	.on_exit = l1_exit,
	.max_iters = VMM_ITERS,
};
