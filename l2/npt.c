// SPDX-License-Identifier: GPL-2.0-only
/* L2 side of npt/: accesses to the nested-paging test region that L1 rearranges. */
#include "l2/l2.h"

enum { ACC_READ, ACC_WRITE, ACC_FETCH, ACC_ALTERNATE };

/* A hypercall (L1 re-arms what the access should hit), then the access arg1 at arg0. */
static void op_access(struct l2_ctx *c, u32 i)
{
	volatile u64 *p = (volatile u64 *)c->arg[0];
	u64 kind = c->arg[1] == ACC_ALTERNATE ? (i & 1 ? ACC_WRITE : ACC_READ) : c->arg[1];

	l2_hypercall(HC_NOP, i, 0);
	if (kind == ACC_READ)
		c->result[0] = *p;
	else if (kind == ACC_WRITE)
		*p = i;
	else
		((void (*)(void))c->arg[0])();
}

void l2_npt_access(struct l2_ctx *c)
{
	l2_measure(c, op_access);
}

/* The same memory through a nested large page (arg0) and the identity map (arg1). */
static void op_alias(struct l2_ctx *c, u32 i)
{
	volatile u64 *alias = (volatile u64 *)c->arg[0], *direct = (volatile u64 *)c->arg[1];
	u64 v = 0x5a5a000000000000ull | i;

	*alias = v;
	if (*direct != v)
		l2_hypercall(HC_FAIL, 0x40, *direct);
	*direct = ~v;
	if (*alias != ~v)
		l2_hypercall(HC_FAIL, 0x41, *alias);
}

void l2_npt_alias(struct l2_ctx *c)
{
	l2_measure(c, op_alias);
}

/* Read arg0 (its translation is now cached), hypercall (L1 remaps it and says what the
 * new page holds in arg1), read it again. */
static void op_tlb(struct l2_ctx *c, u32 i)
{
	volatile u64 *p = (volatile u64 *)c->arg[0];
	u64 v;

	c->result[0] = *p;
	l2_hypercall(HC_NOP, i, 0);
	v = *p;
	if (v != c->arg[1])
		l2_hypercall(HC_FAIL, 0x42, v);
}

void l2_npt_tlb(struct l2_ctx *c)
{
	l2_measure(c, op_tlb);
}
