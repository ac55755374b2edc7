// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/ [G]: L2's side of the actor scenarios on interrupt shadows, queued NMIs and
 * interrupts, and halting. L1 fills the request block (action and arguments) at setup;
 * L2 only sends it at a point of its choosing. arg0 = the block, arg3 = L2_VMM2_* mode.
 * result[1] = where L1 must find L2's RIP at the exit the request leads to (set before the
 * request). Trouble goes to the block's guest[] words as in l2/vmm.c.
 */
#include "l2/l2.h"
#include "x86/apic.h"
#include "x86/processor.h"
#include "x86/vmm_actor_guest.h"

static void note(volatile struct vmm_actor_req *r, u64 id, u64 value)
{
	if (!r->guest[L2_VMM_T_COUNT]++) {
		r->guest[L2_VMM_T_ID] = id;
		r->guest[L2_VMM_T_VALUE] = value;
	}
}

/* Done, and the VMM saw L2 (nested guest mode). */
static void done(volatile struct vmm_actor_req *r)
{
	if (r->status != VMM_ST_DONE)
		note(r, L2_VMM_FAIL_STATUS, r->status | r->failed_piece << 8 | (u64)r->error << 16);
	else if (!(r->before.nested_flags & VMM_NESTED_GUEST_MODE))
		note(r, L2_VMM_FAIL_NOT_L2, r->before.nested_flags);
}

/*
 * The request, then: PLAIN nothing (the event exits right after the OUT), STI_WINDOW
 * STI; NOP; CLI (an interrupt held by IF = 0 is taken at the CLI), HALT STI; HLT (the
 * event wakes L2 after the HLT), STI_OUT: the OUT itself in STI's shadow, NOP_STI_OUT
 * the same after an HC_NOP hypercall.
 */
static void op_event(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = (volatile struct vmm_actor_req *)c->arg[0];
	u32 pa = (u32)(u64)r;
	u16 port = VMM_ACTOR_PORT;

	(void)i;
	r->status = ~0u;
	switch (c->arg[3]) {
	case L2_VMM2_PLAIN:
		asm volatile("lea 1f(%%rip), %%rcx; mov %%rcx, %0; outl %%eax, %%dx; 1: nop"
			     : "=m"(c->result[1]) : "a"(pa), "d"(port) : "rcx", "memory");
		break;
	case L2_VMM2_STI_WINDOW:
		asm volatile("lea 1f(%%rip), %%rcx; mov %%rcx, %0; outl %%eax, %%dx; sti; nop; 1: cli"
			     : "=m"(c->result[1]) : "a"(pa), "d"(port) : "rcx", "memory");
		break;
	case L2_VMM2_HALT:
		asm volatile("lea 1f(%%rip), %%rcx; mov %%rcx, %0; outl %%eax, %%dx; sti; hlt; 1: cli"
			     : "=m"(c->result[1]) : "a"(pa), "d"(port) : "rcx", "memory");
		break;
	case L2_VMM2_NOP_STI_OUT:
		l2_hypercall(HC_NOP, 0, 0);	/* L1 arms its interrupt window here */
		/* fall through */
	case L2_VMM2_STI_OUT:
		asm volatile("lea 1f(%%rip), %%rcx; mov %%rcx, %0; sti; outl %%eax, %%dx; 1: cli"
			     : "=m"(c->result[1]) : "a"(pa), "d"(port) : "rcx", "memory");
		if (r->before.int_shadow || r->after.int_shadow)
			note(r, L2_VMM_FAIL_VALUE, (u64)r->before.int_shadow | (u64)r->after.int_shadow << 8);
		if (r->before.rip != c->result[1])
			note(r, L2_VMM_FAIL_VALUE, r->before.rip);
		break;
	}
	done(r);
}

void l2_vmm_event(struct l2_ctx *c)
{
	l2_measure(c, op_event);
}

/*
 * Virtual-interrupt delivery (VMX, L1 virtualizes L2's xAPIC): L2 sends itself an IPI
 * through the virtualized ICR. VID_PENDING: with IF = 0 (the interrupt waits in VIRR/RVI),
 * then asks for the block's action, then opens an STI window: exactly one interrupt, there
 * (SDM "Virtual-Interrupt Delivery": delivered once IF = 1 and no STI blocking).
 * VID_AFTER_CPUID: CPUID first (L1 migrates at its exit), then the IPI with IF = 1.
 * L2's handler (l2/idt.c) counts in c->irqs and EOIs through the virtualized EOI.
 */
static void icr_self(u8 vector)
{
	asm volatile(".byte 0x89, 0x02"	/* mov %eax, (%rdx): an encoding L1's decoder knows */
		     : : "a"(APIC_ICR_SHORTHAND_SELF | vector), "d"(APIC_DEFAULT_BASE + APIC_ICR_LO) : "memory");
}

static void op_vid(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = (volatile struct vmm_actor_req *)c->arg[0];
	u32 before = c->irqs;

	(void)i;
	if (c->arg[3] == L2_VMM2_VID_AFTER_CPUID) {
		(void)cpuid(0);
		asm volatile("sti; nop" ::: "memory");
		icr_self(L2_VEC_XAPIC);
		asm volatile("nop; nop; cli" ::: "memory");
	} else {
		icr_self(L2_VEC_XAPIC);
		if (c->irqs != before)
			note(r, L2_VMM_FAIL_VALUE, 0x100 | (c->irqs - before));	/* taken with IF = 0 */
		vmm_actor_ask(r);
		done(r);
		asm volatile("sti; nop; nop; cli" ::: "memory");
	}
	if (c->irqs != before + 1)
		note(r, L2_VMM_FAIL_VALUE, 0x200 | (c->irqs - before));
}

void l2_vmm_vid(struct l2_ctx *c)
{
	l2_measure(c, op_vid);
}
