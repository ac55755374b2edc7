// SPDX-License-Identifier: GPL-2.0-only
/* RDMSR/WRMSR, intercepted or passed through by L1's MSR bitmap. */
#include "l2/l2.h"
#include "x86/processor.h"

static void op_rdmsr(struct l2_ctx *c, u32 i)
{
	(void)i;
	c->result[0] = rdmsr((u32)c->arg[0]);
}

void l2_rdmsr(struct l2_ctx *c)
{
	l2_measure(c, op_rdmsr);
}

static void op_wrmsr(struct l2_ctx *c, u32 i)
{
	wrmsr((u32)c->arg[0], c->arg[1] + i);
}

void l2_wrmsr(struct l2_ctx *c)
{
	l2_measure(c, op_wrmsr);
	c->result[1] = c->arg[1] + c->warmup + c->iters - 1;
}

static void op_msr_rw(struct l2_ctx *c, u32 i)
{
	u64 v = c->arg[1] + i;

	wrmsr((u32)c->arg[0], v);
	c->result[0] = rdmsr((u32)c->arg[0]);
	if (c->result[0] != v)
		l2_hypercall(HC_FAIL, 2, c->result[0]);
}

void l2_msr_rw(struct l2_ctx *c)
{
	l2_measure(c, op_msr_rw);
	c->result[1] = c->arg[1] + c->warmup + c->iters - 1;
}
