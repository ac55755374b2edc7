// SPDX-License-Identifier: GPL-2.0-only
/* L2's own IDT: only the interrupt vectors the APIC scenarios deliver. Exceptions in L2
 * never reach it: L1 sets every bit of the exception bitmap and reports them. */
#include "l2/l2.h"
#include "x86/desc.h"

struct interrupt_frame;
void l2_irq_xapic(struct interrupt_frame *f);
void l2_irq_x2apic(struct interrupt_frame *f);
void l2_pf_handler(struct interrupt_frame *f, unsigned long error);

static struct idt_entry l2_idt[256] __attribute__((aligned(16)));

void l2_idt_init(void)
{
	idt_set_gate(l2_idt, L2_VEC_XAPIC, (void *)l2_irq_xapic, 0);
	idt_set_gate(l2_idt, L2_VEC_X2APIC, (void *)l2_irq_x2apic, 0);
	idt_set_gate(l2_idt, 14, (void *)l2_pf_handler, 0);	/* reached only when L1 lets #PF through */
}

/* A workload's own handler, until the next scenario's l2_idt_init(). */
void l2_idt_set(unsigned vector, void *handler)
{
	idt_set_gate(l2_idt, vector, handler, 0);
}

u64 l2_idt_base(void) { return (u64)l2_idt; }
u16 l2_idt_limit(void) { return sizeof(l2_idt) - 1; }
