// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/svm-nmi-..., vmm/svm-intr-..., vmm/svm-halt-...: the VMM queues an NMI (KVM_NMI) or a
 * fixed interrupt (KVM_SIGNAL_MSI to L1's APIC) while L2 runs, and L1 intercepts it.
 * APM vol. 2, "Intercept Operation" / "Interrupt and LINT1 Intercepts" and "NMI
 * Intercept": a physical interrupt or NMI that the guest would take causes #VMEXIT(INTR)
 * 0x60 or #VMEXIT(NMI) 0x61 instead; the interrupt is not acknowledged and stays pending,
 * to be taken by the host once GIF and its RFLAGS.IF allow. "Physical Interrupt Masking"
 * / "Virtual Interrupt Control": with V_INTR_MASKING clear, L2's RFLAGS.IF masks physical
 * interrupts, so an interrupt the VMM queues while L2 runs with IF = 0 exits only at
 * L2's STI window, after STI's shadow ("STI": the instruction after it runs first). A
 * halted L2 (HLT not intercepted) wakes with #VMEXIT(INTR), RIP the instruction after
 * HLT. L1's own handlers take what stays pending (L1 runs its IDT with GIF set after the
 * #VMEXIT, interrupts with an STI window of its own); how many NMIs L1 then takes is
 * reported, not checked.
 */
#include "l1/scenarios/vmm_irq.h"
#include "l1/svm/svm_l1.h"
#include "l1/console.h"
#include "x86/desc.h"

static volatile u32 l1_nmis, l1_irqs;
static struct idt_entry saved_nmi_gate, saved_irq_gate;

struct frame;
__attribute__((interrupt)) static void l1_nmi(struct frame *f)
{
	(void)f;
	l1_nmis++;
}

__attribute__((interrupt)) static void l1_irq(struct frame *f)
{
	(void)f;
	l1_irqs++;
	vmm_irq_eoi();
}

static enum exit_action svm_event_exit(struct vcpu *v, u64 code)
{
	bool nmi = v->scn_state[VMM_ST_NMI];
	u32 bad;

	if (code != (nmi ? SVM_EXIT_NMI : SVM_EXIT_INTR))
		return EXIT_DEFAULT;
	bad = vmm_irq_request_bad(v);
	if (l2_vmcb.save.rip != v->ctx->result[1])
		bad |= VMM_BAD_RIP;
	vmm_irq_count(v, bad);
	if (!nmi)
		asm volatile("sti; nop; cli" ::: "memory");	/* the interrupt, held pending */
	return EXIT_RESUME;
}

static void gates(struct vcpu *v, bool nmi)
{
	saved_nmi_gate = l1_idt[2];
	saved_irq_gate = l1_idt[VMM_IRQ_VECTOR];
	l1_nmis = l1_irqs = 0;
	idt_set_gate(l1_idt, 2, (void *)l1_nmi, 0);
	idt_set_gate(l1_idt, VMM_IRQ_VECTOR, (void *)l1_irq, 0);
	v->scn_state[VMM_ST_NMI] = nmi;
	if (nmi) {
		l2_vmcb.control.intercept3 |= INTERCEPT_NMI;
	} else {
		vmm_irq_apic_on();
		l2_vmcb.control.intercept3 |= INTERCEPT_INTR;
		l2_vmcb.control.v_intr &= ~V_INTR_MASKING;	/* L2's IF masks physical interrupts */
	}
}

static void nmi_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_NMI, 0, 0, 0, L2_VMM2_PLAIN);
	gates(v, true);
}

static void nmi_migrate_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, 0, VMM_DLY_NMI, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST, L2_VMM2_PLAIN);
	gates(v, true);
}

/* Queued while L2 has IF = 0: the exit comes at L2's STI window. */
static void intr_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_INTERRUPT, VMM_IRQ_VECTOR, 0, 0, L2_VMM2_STI_WINDOW);
	gates(v, false);
}

/* The same with a migration between queueing and L2's window. */
static void intr_migrate_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, 0, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST,
		      L2_VMM2_STI_WINDOW);
	gates(v, false);
}

static void halt_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE, L2_VMM2_HALT);
	gates(v, false);
}

static void halt_queued_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_IRQ_VECTOR, VMM_DLY_MIGRATE | VMM_DLY_QUEUE_FIRST,
		      L2_VMM2_HALT);
	gates(v, false);
}

static void halt_nmi_setup(struct vcpu *v)
{
	vmm_irq_setup(v, VMM_ACT_DELAYED, VMM_HALT_US, VMM_DLY_NMI, VMM_DLY_MIGRATE, L2_VMM2_HALT);
	gates(v, true);
}

static void svm_event_check(struct vcpu *v)
{
	bool nmi = v->scn_state[VMM_ST_NMI];

	l1_idt[2] = saved_nmi_gate;
	l1_idt[VMM_IRQ_VECTOR] = saved_irq_gate;
	vmm_irq_check(v);
	if (!nmi)
		check(l1_irqs == v->scn_state[VMM_ST_OK] + v->scn_state[VMM_ST_BAD],
		      "L1 took each interrupt held pending by #VMEXIT(INTR) once: %u (want %llu)", l1_irqs,
		      (unsigned long long)(v->scn_state[VMM_ST_OK] + v->scn_state[VMM_ST_BAD]));
	else
		console_printf("INFO: svm: L1 took %u NMIs after %llu #VMEXIT(NMI)s\n", l1_nmis,
			       (unsigned long long)(v->scn_state[VMM_ST_OK] + v->scn_state[VMM_ST_BAD]));
	v->scn_state[VMM_ST_TAKEN] = nmi ? l1_nmis : l1_irqs;
}

#define SVM_EVENT_SCENARIO(id, exit, setup_fn)			\
	const struct scenario scn_##id = {			\
		.needs	= NEEDS(SVM),				\
		.setup	= setup_fn,				\
		.l2	= l2_vmm_event,				\
		.expect	= { { NATIVE_EXIT(exit), 1 } },		\
		.check	= svm_event_check,			\
		.on_exit = svm_event_exit,			\
		.max_iters = VMM_ITERS,				\
	}

SVM_EVENT_SCENARIO(vmm_svm_nmi_exit, SVM_EXIT_NMI, nmi_setup);
SVM_EVENT_SCENARIO(vmm_svm_nmi_migrate, SVM_EXIT_NMI, nmi_migrate_setup);
SVM_EVENT_SCENARIO(vmm_svm_intr_exit, SVM_EXIT_INTR, intr_setup);
SVM_EVENT_SCENARIO(vmm_svm_intr_migrate, SVM_EXIT_INTR, intr_migrate_setup);
SVM_EVENT_SCENARIO(vmm_svm_halt_migrate, SVM_EXIT_INTR, halt_setup);
SVM_EVENT_SCENARIO(vmm_svm_halt_queued, SVM_EXIT_INTR, halt_queued_setup);
SVM_EVENT_SCENARIO(vmm_svm_halt_nmi, SVM_EXIT_NMI, halt_nmi_setup);
