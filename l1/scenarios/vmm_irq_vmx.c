// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/vmx-nmi-..., vmm/vmx-intr-..., vmm/vmx-halt-...: the VMM queues an NMI (KVM_NMI) or
 * an external interrupt (KVM_SIGNAL_MSI to L1's APIC) while L2 runs, and L1 intercepts it.
 * SDM vol. 3: "Pin-Based VM-Execution Controls" (NMI exiting: NMIs cause VM exits;
 * external-interrupt exiting: external interrupts cause VM exits), "Basic VM-Exit
 * Information" / Appendix "VMX Basic Exit Reasons" (0 exception or NMI, 1 external
 * interrupt), "Information for VM Exits Due to Vectored Events" (VM-exit interruption
 * information: the vector, type 2 NMI, type 0 external interrupt with "acknowledge
 * interrupt on exit", valid bit 31), "VM Exits Caused by ... NMIs ... external
 * interrupts": taken at an instruction boundary, L2's RIP the next instruction's.
 * Halted L2 (HLT not intercepted: L0 halts it): the interrupt wakes it with a VM exit
 * and "Saving Non-Register State in the VMCS": the activity state saved is HLT, RIP
 * the instruction after HLT.
 * After an NMI exit L1 runs an IRET of its own: an NMI that caused a VM exit leaves
 * NMIs blocked in VMX root operation until the next IRET ("VM Exits Caused by ...
 * NMIs": KVM emulates it so).
 */
#include "l1/scenarios/vmm_irq.h"
#include "l1/scenarios/vmx_a.h"
#include "x86/desc.h"

/* An IRET to the next instruction, on the current stack: lifts NMI blocking. */
static void iret_here(void)
{
	asm volatile("mov %%rsp, %%rax\n\t"
		     "mov %%ss, %%ecx; push %%rcx; push %%rax; pushfq\n\t"
		     "mov %%cs, %%ecx; push %%rcx; lea 1f(%%rip), %%rax; push %%rax; iretq\n"
		     "1:" ::: "rax", "rcx", "memory", "cc");
}

static enum exit_action vmx_event_exit(struct vcpu *v, u64 code)
{
	bool nmi = v->scn_state[VMM_ST_NMI];
	u32 info = (u32)vmread(VMCS_EXIT_INTR_INFO), bad;

	if (code != (nmi ? EXIT_EXCEPTION_NMI : EXIT_EXTERNAL_INTERRUPT))
		return EXIT_DEFAULT;
	bad = vmm_irq_request_bad(v);
	if (info != (nmi ? INTR_INFO(INTR_NMI, VEC_NMI) : INTR_INFO(INTR_EXTERNAL, VMM_IRQ_VECTOR)))
		bad |= VMM_BAD_INFO;
	if (vmread(VMCS_GUEST_RIP) != v->ctx->result[1])
		bad |= VMM_BAD_RIP;
	if (v->ctx->arg[3] == L2_VMM2_HALT) {
		if (vmread(VMCS_GUEST_ACTIVITY_STATE) != ACTIVITY_HLT)
			bad |= VMM_BAD_ACTIVITY;
		vmwrite(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_ACTIVE);	/* L1 wakes L2: go on */
	}
	vmm_irq_count(v, bad);
	if (nmi)
		iret_here();
	else
		vmm_irq_eoi();		/* acknowledged on exit: in L1's ISR now */
	return EXIT_RESUME;
}

static void nmi_on(struct vcpu *v)
{
	v->ctl[CTL_PIN] |= PIN_NMI_EXITING;
	v->scn_state[VMM_ST_NMI] = 1;
}

static void intr_on(struct vcpu *v)
{
	vmm_irq_apic_on();
	v->ctl[CTL_PIN] |= PIN_EXTERNAL_INTERRUPT_EXITING;
	v->ctl[CTL_EXIT] |= EXIT_ACK_INTERRUPT_ON_EXIT;
}

static void nmi_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_NMI, 0, 0, 0, L2_VMM2_PLAIN);
	nmi_on(v);
}

static void nmi_migrate_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, 0, VMM_DLY_NMI, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST, L2_VMM2_PLAIN);
	nmi_on(v);
}

static void intr_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_INTERRUPT, VMM_IRQ_VECTOR, 0, 0, L2_VMM2_PLAIN);
	intr_on(v);
}

static void intr_migrate_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, 0, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST, L2_VMM2_PLAIN);
	intr_on(v);
}

static void halt_need(void)
{
	if (!(vmx_misc() & BIT(6)))
		scenario_skip("needs the HLT activity state (IA32_VMX_MISC bit 6)");
}

/* L2 halts; the VMM migrates it halted, then sends the interrupt. */
static void halt_setup(struct vcpu *v)
{
	halt_need();
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE, L2_VMM2_HALT);
	intr_on(v);
}

/* The same with the interrupt sent before the migration (pending in the LAPIC's IRR). */
static void halt_queued_setup(struct vcpu *v)
{
	halt_need();
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST,
		      L2_VMM2_HALT);
	intr_on(v);
}

/* An NMI wakes the halted L2 after the migration: the NMI exit saves the HLT state too. */
static void halt_nmi_setup(struct vcpu *v)
{
	halt_need();
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_DLY_NMI, VMM_DLY_MIGRATE, L2_VMM2_HALT);
	nmi_on(v);
}

#define VMX_EVENT_SCENARIO(id, need, exit, setup_fn)		\
	const struct scenario scn_##id = {			\
		.needs	= NEEDS(VMX) | (need),			\
		.setup	= setup_fn,				\
		.l2	= l2_vmm_event,				\
		.expect	= { { NATIVE_EXIT(exit), 1 } },		\
		.check	= vmm_irq_check,			\
		.on_exit = vmx_event_exit,			\
		.max_iters = VMM_ITERS,				\
	}

#define NEED_EXTINT	(NEEDS(EXTERNAL_INTERRUPT_EXITS) | NEEDS(ACK_INTERRUPT_ON_EXIT))
VMX_EVENT_SCENARIO(vmm_vmx_nmi_exit, 0, EXIT_EXCEPTION_NMI, nmi_setup);
VMX_EVENT_SCENARIO(vmm_vmx_nmi_migrate, 0, EXIT_EXCEPTION_NMI, nmi_migrate_setup);
VMX_EVENT_SCENARIO(vmm_vmx_intr_exit, NEED_EXTINT, EXIT_EXTERNAL_INTERRUPT, intr_setup);
VMX_EVENT_SCENARIO(vmm_vmx_intr_migrate, NEED_EXTINT, EXIT_EXTERNAL_INTERRUPT, intr_migrate_setup);
VMX_EVENT_SCENARIO(vmm_vmx_halt_migrate, NEED_EXTINT, EXIT_EXTERNAL_INTERRUPT, halt_setup);
VMX_EVENT_SCENARIO(vmm_vmx_halt_queued, NEED_EXTINT, EXIT_EXTERNAL_INTERRUPT, halt_queued_setup);
VMX_EVENT_SCENARIO(vmm_vmx_halt_nmi, 0, EXIT_EXCEPTION_NMI, halt_nmi_setup);
