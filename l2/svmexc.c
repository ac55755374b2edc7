// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions of L2 (svmexc/): one faulting instruction per iteration, intercepted by L1
 * (L1 checks the bytes at RIP and skips them) or left to L2's own handler. APM vol. 2,
 * "Exception Intercepts".
 */
#include "l2/l2.h"
#include "x86/desc.h"
#include "x86/processor.h"

#define RFLAGS_TF	BIT(8)
#define NONCANONICAL	0x8000000000000000ULL

static void do_op(enum l2_exc_op op, u32 i)
{
	u64 zero = 0, rax = 1, rdx = 0;

	switch (op) {
	case L2_EXC_DE:		/* 48 f7 f1: div %rcx */
		l2_traps.skip = 3;
		asm volatile(".byte 0x48, 0xf7, 0xf1" : "+a"(rax), "+d"(rdx) : "c"(zero) : "memory");
		break;
	case L2_EXC_UD:		/* 0f 0b: ud2 */
		l2_traps.skip = 2;
		asm volatile("ud2" ::: "memory");
		break;
	case L2_EXC_GP:		/* 8a 02: mov (%rdx), %al, at a non-canonical address */
		l2_traps.skip = 2;
		asm volatile(".byte 0x8a, 0x02" : "+a"(rax) : "d"(NONCANONICAL) : "memory");
		break;
	case L2_EXC_BP:		/* cc: int3 */
		asm volatile("int3" ::: "memory");
		break;
	case L2_EXC_PF:		/* c6 02 5a: movb $0x5a, (%rdx), at a not-present address */
		l2_traps.skip = 3;
		asm volatile(".byte 0xc6, 0x02, 0x5a" : : "d"(L2_UNMAPPED + (u64)i * 8) : "memory");
		break;
	case L2_EXC_DB:		/* TF: a single-step trap after the NOP; RBX = its end */
		asm volatile("lea 1f(%%rip), %%rbx\n\t"
			     "pushfq\n\torq %[tf], (%%rsp)\n\tpopfq\n\t"
			     "nop\n1:\n\t"
			     : : [tf] "i"(RFLAGS_TF) : "rbx", "cc", "memory");
		break;
	case L2_EXC_UD_GP:	/* #UD to L2's own handler, then #GP to L1 */
		do_op(L2_EXC_UD, i);
		do_op(L2_EXC_GP, i);
		break;
	}
}

static void op_exc(struct l2_ctx *c, u32 i)
{
	do_op((enum l2_exc_op)c->arg[0], i);
}

void l2_exc_op(struct l2_ctx *c)
{
	l2_traps_install();
	l2_measure(c, op_exc);
	c->result[0] = l2_traps.count[6];	/* #UD L2 handled itself */
}

/* With no IDT, #UD cannot be delivered: #GP, #DF, then shutdown (a triple fault). */
void l2_triple_fault(struct l2_ctx *c)
{
	struct { u16 limit; u64 base; } __attribute__((packed)) none = { 0, 0 };

	(void)c;
	l2_hypercall(HC_WINDOW_OPEN, 0, 0);
	asm volatile("lidt %0\n\tud2" : : "m"(none) : "memory");
	l2_hypercall(HC_FAIL, 8, 0);		/* survived a triple fault */
}
