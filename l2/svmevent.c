// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event injection and virtual interrupts (svmevent/): at each HC_NOP exit L1 injects an
 * event (EVENTINJ) or raises a virtual interrupt (V_IRQ); L2's own handlers count what
 * arrives. APM vol. 2, "Event Injection", "Virtual Interrupt Control".
 */
#include "l2/l2.h"
#include "x86/processor.h"

#define VEC_NMI	2
#define VEC_GP	13

static void op_nop(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	l2_hypercall(HC_NOP, 0, 0);
}

void l2_event_nop(struct l2_ctx *c)
{
	l2_traps_install();
	l2_measure(c, op_nop);
	c->result[0] = l2_traps.count[VEC_NMI];
	c->result[1] = l2_traps.count[L2_VEC_INJECT];
	c->result[2] = l2_traps.count[L2_VEC_SOFT];
	c->result[3] = ((u64)l2_traps.error_code << 32) | l2_traps.count[VEC_GP];
}

/* The virtual interrupt is taken once STI's shadow ends, at the NOP. */
static void op_sti(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	l2_hypercall(HC_NOP, 0, 0);
	asm volatile("sti; nop; cli" ::: "memory");
}

void l2_event_sti(struct l2_ctx *c)
{
	l2_traps_install();
	l2_measure(c, op_sti);
	c->result[0] = l2_traps.count[L2_VEC_VIRQ];
}

/*
 * V_INTR_MASKING: L2's CR8 is V_TPR (L1 sets 3), and a V_IRQ of priority 2 waits below it
 * until L1 lowers V_TPR to 0 at the second HC_NOP (RBX = 2). L2 only reads CR8: a write
 * with V_INTR_MASKING brings down QEMU 7.2's TCG (docs/validation-svm-c.md).
 */
static void op_vtpr(struct l2_ctx *c, u32 i)
{
	u32 before;

	(void)i;
	l2_hypercall(HC_NOP, 0, 0);
	if (read_cr8() != 3)
		c->result[2]++;			/* CR8 is not V_TPR */
	before = l2_traps.count[L2_VEC_VIRQ];
	asm volatile("sti; nop; nop; cli" ::: "memory");
	if (l2_traps.count[L2_VEC_VIRQ] != before)
		c->result[1]++;			/* taken below V_TPR */
	l2_hypercall(HC_NOP, 2, 0);
	asm volatile("sti; nop; cli" ::: "memory");
}

void l2_event_vtpr(struct l2_ctx *c)
{
	l2_traps_install();
	c->result[1] = c->result[2] = 0;
	l2_measure(c, op_vtpr);
	c->result[0] = l2_traps.count[L2_VEC_VIRQ];
}

/*
 * HC_NOP with RSP on a page of its own (arg0 + i + 1 pages, a stack top): L1 injects an
 * interrupt, and the first push of its delivery meets a page the nested page tables do
 * not map yet.
 */
static void op_stack(struct l2_ctx *c, u32 i)
{
	u64 top = c->arg[0] + ((u64)i + 1) * 4096;

	asm volatile("mov %%rsp, %%r12\n\t"
		     "mov %[top], %%rsp\n\t"
		     "1: vmcall\n\t"
		     ".pushsection hypercall_sites, \"aw\"\n\t.quad 1b\n\t.popsection\n\t"
		     "mov %%r12, %%rsp"
		     : : "a"((u64)HC_NOP), "b"(1ULL), "c"(0ULL), [top] "r"(top) : "r12", "memory");
}

void l2_event_stack(struct l2_ctx *c)
{
	l2_traps_install();
	l2_measure(c, op_stack);
	c->result[1] = l2_traps.count[L2_VEC_INJECT];
}
