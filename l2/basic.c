// SPDX-License-Identifier: GPL-2.0-only
/* Instructions that exit unconditionally (CPUID, VMCALL) or by control (HLT exiting). */
#include "l2/l2.h"
#include "x86/processor.h"

static void op_cpuid(struct l2_ctx *c, u32 i)
{
	struct cpuid_regs r = cpuid(0);

	(void)i;
	c->result[0] = r.ebx;	/* vendor, first four bytes */
}

void l2_cpuid(struct l2_ctx *c)
{
	l2_measure(c, op_cpuid);
}

static void op_vmcall(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	l2_hypercall(HC_NOP, 0, 0);
}

void l2_vmcall(struct l2_ctx *c)
{
	l2_measure(c, op_vmcall);
}

static void op_hlt(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("hlt" ::: "memory");
}

void l2_hlt(struct l2_ctx *c)
{
	l2_measure(c, op_hlt);
}
