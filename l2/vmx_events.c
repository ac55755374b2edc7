// SPDX-License-Identifier: GPL-2.0-only
/*
 * L2 workloads of the event/ and exception/ families (issue 13): L2 takes the events L1
 * injects or reflects through its own IDT, and checks each one arrived once, with the
 * vector, error code and return RIP the SDM gives ("Event Injection", "Vectored-Event
 * Injection"). Every VMCALL here passes in RBX the address right after it, so L1 can
 * check where an exit lands. L2 reports a wrong value with HC_FAIL (check id, value).
 */
#include "l2/l2.h"
#include "x86/desc.h"
#include "x86/processor.h"

struct l2_frame { u64 rip, cs, rflags, rsp, ss; };

static void took(struct l2_frame *f, u8 vector, u64 error, bool fault)
{
	struct l2_ctx *c = l2_irq_ctx;

	c->irqs++;
	c->result[1] = f->rip;
	c->result[2] = error;
	c->result[3] = vector;
	if (fault)
		f->rip += c->arg[3];
}

#define HANDLER(name, vec)						\
	__attribute__((interrupt)) static void name(struct l2_frame *f)	\
	{ took(f, vec, L2_NO_ERROR, false); }
#define FAULT_HANDLER(name, vec)					\
	__attribute__((interrupt)) static void name(struct l2_frame *f)	\
	{ took(f, vec, L2_NO_ERROR, true); }
#define ERROR_HANDLER(name, vec)					\
	__attribute__((interrupt)) static void name(struct l2_frame *f, unsigned long e) \
	{ took(f, vec, e, true); }

HANDLER(h_bp, 3)
FAULT_HANDLER(h_ud, 6)
ERROR_HANDLER(h_gp, 13)
ERROR_HANDLER(h_pf, 14)
HANDLER(h_extint, L2_VEC_EXTINT)
HANDLER(h_softint, L2_VEC_SOFTINT)
HANDLER(h_intn, L2_VEC_INTN)
HANDLER(h_selfipi, L2_VEC_SELFIPI)

/* NMI: L1 samples the NMI blocking inside the handler, before IRET lifts it. */
__attribute__((interrupt)) static void h_nmi(struct l2_frame *f)
{
	took(f, 2, L2_NO_ERROR, false);
	l2_hypercall(HCA_CHECK, 0, 0);
}

/* Our gates in the IDT L1 gave us (l2/idt.c builds it afresh for every scenario). */
static void gates(void)
{
	static const struct { u8 vec; void *fn; } g[] = {
		{ 2, h_nmi }, { 3, h_bp }, { 6, h_ud }, { 13, h_gp }, { 14, h_pf },
		{ L2_VEC_EXTINT, h_extint }, { L2_VEC_SOFTINT, h_softint },
		{ L2_VEC_INTN, h_intn }, { L2_VEC_SELFIPI, h_selfipi },
	};
	struct desc_ptr idtr;

	asm volatile("sidt %0" : "=m"(idtr));
	for (unsigned i = 0; i < sizeof(g) / sizeof(g[0]); i++)
		idt_set_gate((struct idt_entry *)idtr.base, g[i].vec, g[i].fn, 0);
}

static void want(u64 id, u64 seen, u64 wanted)
{
	if (seen != wanted)
		l2_hypercall(HC_FAIL, id, seen);
}

/* The handler of vector arg0 ran once, at `at`, with error code arg1 (or none). */
static void took_once(struct l2_ctx *c, u64 at)
{
	want(0x1301, c->irqs, 1);
	want(0x1302, c->result[3], c->arg[0]);
	want(0x1303, c->result[1], at);
	want(0x1304, c->result[2], c->arg[1]);
}

static void op_inject(struct l2_ctx *c, u32 i)
{
	u64 nr = HCA_ARM, at;

	(void)i;
	c->irqs = 0;
	if (c->arg[2])	/* an external interrupt needs IF=1 (SDM "Checks on Guest RIP and RFLAGS") */
		asm volatile("sti; nop; lea 1f(%%rip), %%rbx; vmcall; 1: cli"
			     : "+a"(nr), "=b"(at) : : "rcx", "rdx", "memory");
	else
		asm volatile("lea 1f(%%rip), %%rbx; vmcall; 1:"
			     : "+a"(nr), "=b"(at) : : "rcx", "rdx", "memory");
	took_once(c, at);
	if (c->arg[0] == 2)	/* after IRET: NMI blocking lifted */
		l2_hypercall(HCA_CHECK, 1, 0);
}

void l2_ev_inject(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_inject);
}

static void op_arm(struct l2_ctx *c, u32 i)
{
	u64 nr = HCA_ARM;

	(void)c;
	(void)i;
	asm volatile("sti; nop; lea 1f(%%rip), %%rbx; vmcall; 1: nop; nop; nop; nop; cli"
		     : "+a"(nr) : : "rbx", "rcx", "rdx", "memory");
}

void l2_ev_arm(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_arm);
}

/* STI blocks interrupts for one instruction: the window opens after the NOP behind it. */
static void op_intr_window_sti(struct l2_ctx *c, u32 i)
{
	u64 nr = HCA_ARM;

	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rbx; vmcall; sti; nop; 1: nop; cli"
		     : "+a"(nr) : : "rbx", "rcx", "rdx", "memory");
}

void l2_ev_intr_window_sti(struct l2_ctx *c)
{
	l2_measure(c, op_intr_window_sti);
}

static void op_sti_shadow(struct l2_ctx *c, u32 i)
{
	u64 leaf = 0;

	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rdi; xor %%ecx, %%ecx; sti; cpuid; nop; 1: nop; cli"
		     : "+a"(leaf) : : "rbx", "rcx", "rdx", "rdi", "memory");
}

void l2_ev_sti_shadow(struct l2_ctx *c)
{
	l2_measure(c, op_sti_shadow);
}

static void op_movss_shadow(struct l2_ctx *c, u32 i)
{
	u64 leaf = 0;

	(void)c;
	(void)i;
	asm volatile("sti; nop; lea 1f(%%rip), %%rdi; xor %%ecx, %%ecx\n\t"
		     "mov %%ss, %%esi; mov %%esi, %%ss; cpuid; nop; 1: nop; cli"
		     : "+a"(leaf) : : "rbx", "rcx", "rdx", "rsi", "rdi", "memory");
}

void l2_ev_movss_shadow(struct l2_ctx *c)
{
	l2_measure(c, op_movss_shadow);
}

/* IRET to the next instruction: with virtual NMIs, IRET lifts virtual-NMI blocking. */
static void op_nmi_window(struct l2_ctx *c, u32 i)
{
	u64 nr = HCA_ARM;

	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rbx; vmcall\n\t"
		     "mov %%rsp, %%rdx; pushq %[ss]; pushq %%rdx; pushfq; pushq %[cs]; pushq %%rbx; iretq\n"
		     "1: nop"
		     : "+a"(nr) : [ss] "i"(SEL_DATA), [cs] "i"(SEL_CODE64) : "rbx", "rcx", "rdx", "memory");
}

void l2_ev_nmi_window(struct l2_ctx *c)
{
	l2_measure(c, op_nmi_window);
}

/*
 * The event is delivered on a stack in a page EPT does not map yet (one new page per
 * iteration): the delivery's first push is an EPT violation, and L1 re-injects the
 * event from the IDT-vectoring information. The handler must then run exactly once.
 */
#define STACK_REGION	0xc0000000UL	/* NESTED_TEST_REGION (l1/nested_paging.h) */

static void op_idt_vectoring(struct l2_ctx *c, u32 i)
{
	u64 top = STACK_REGION + (u64)i * 4096 + 4096 - 64, at;

	c->irqs = 0;
	if (c->arg[0] == 0)
		asm volatile("mov %%rsp, %%r12; mov %[t], %%rsp; lea 1f(%%rip), %%rbx; int %[v]\n"
			     "1: mov %%r12, %%rsp"
			     : "=b"(at) : [t] "r"(top), [v] "i"(L2_VEC_INTN) : "r12", "memory");
	else if (c->arg[0] == 1)
		asm volatile("mov %%rsp, %%r12; mov %[t], %%rsp; lea 1f(%%rip), %%rbx; ud2\n"
			     "1: mov %%r12, %%rsp"
			     : "=b"(at) : [t] "r"(top) : "r12", "memory");
	else	/* MOV to DS of a selector past the GDT limit: #GP(selector) */
		asm volatile("mov %%rsp, %%r12; mov %[t], %%rsp; lea 1f(%%rip), %%rbx\n\t"
			     "mov $0x1238, %%eax; mov %%eax, %%ds\n"
			     "1: mov %%r12, %%rsp"
			     : "=b"(at) : [t] "r"(top) : "rax", "r12", "memory");
	want(0x1311, c->irqs, 1);
	want(0x1312, c->result[1] + (c->arg[0] ? 2 : 0), at);
	want(0x1313, c->result[2], c->arg[1]);
}

void l2_ev_idt_vectoring(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_idt_vectoring);
}

static void op_hlt(struct l2_ctx *c, u32 i)
{
	u64 at;

	(void)i;
	c->irqs = 0;
	asm volatile("sti; nop; lea 1f(%%rip), %%rbx; hlt; 1: cli" : "=b"(at) : : "memory");
	took_once(c, at);
}

void l2_ev_hlt(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_hlt);
}

/* exception/: the bitmap decides whether L1 or L2's own handler sees each one. */
static void op_ud(struct l2_ctx *c, u32 i)
{
	(void)i;
	c->irqs = 0;
	asm volatile("lea 1f(%%rip), %%rbx; ud2; 1:" : : : "rbx", "memory");
	want(0x1321, c->irqs, c->arg[0]);	/* arg0: 1 when L2 handles #UD itself */
}

void l2_exc_ud(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_ud);
}

static void op_bp(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rbx; int3; 1:" : : : "rbx", "memory");
}

void l2_exc_bp(struct l2_ctx *c)
{
	l2_measure(c, op_bp);
}

/* A read, then a write, of a not-present page: 48 8b 18 / 48 89 18, 3 bytes each. */
static void op_pf(struct l2_ctx *c, u32 i)
{
	(void)i;
	c->irqs = 0;
	c->result[2] = 0;
	asm volatile(".byte 0x48, 0x8b, 0x18\n\t.byte 0x48, 0x89, 0x18"
		     : : "a"(L2_PF_VA) : "rbx", "memory");
	want(0x1331, c->irqs, 1);		/* one of the two reached L2 */
	want(0x1332, c->result[2], c->arg[1]);	/* and it was the one the bitmap let through */
}

void l2_exc_pf(struct l2_ctx *c)
{
	gates();
	l2_measure(c, op_pf);
}

/* POPF sets TF: the single-step trap comes after the NOP behind it. */
static void op_single_step(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rbx; pushfq; orq $0x100, (%%rsp); popfq; nop; 1: nop"
		     : : : "rbx", "memory", "cc");
}

void l2_exc_single_step(struct l2_ctx *c)
{
	l2_measure(c, op_single_step);
}

/* #UD with an empty IDT: #GP, then #DF, cannot be delivered either: triple fault. */
static void op_triple_fault(struct l2_ctx *c, u32 i)
{
	static const struct desc_ptr none = { 0, 0 };
	struct desc_ptr idtr;

	(void)c;
	(void)i;
	asm volatile("sidt %0" : "=m"(idtr));
	asm volatile("lidt %0; lea 1f(%%rip), %%rbx; ud2; 1:" : : "m"(none) : "rbx", "memory");
	lidt(&idtr);
}

void l2_exc_triple_fault(struct l2_ctx *c)
{
	l2_measure(c, op_triple_fault);
}
