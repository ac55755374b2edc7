// SPDX-License-Identifier: GPL-2.0-only
/* bug/ workloads (l1/scenarios/bug_*.c): an exception L1 intercepts; LMSW setting CR0.EM. */
#include "l2/l2.h"

static void op_ud2(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("ud2" ::: "memory");	/* L1 skips it: 2 bytes */
}

void l2_ud2(struct l2_ctx *c)
{
	l2_measure(c, op_ud2);
}

static void op_lmsw_em(struct l2_ctx *c, u32 i)
{
	u64 cr0;

	(void)c;
	(void)i;
	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	/* CR0.EM (bit 2) set: L1 intercepts and skips it, so CR0 does not change. */
	asm volatile("lmsw %w0" : : "a"((u16)(cr0 | 4)) : "memory");
}

void l2_lmsw_em(struct l2_ctx *c)
{
	l2_measure(c, op_lmsw_em);
}
