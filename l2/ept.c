// SPDX-License-Identifier: GPL-2.0-only
/* Touch one new page per iteration in a region L1 left unmapped in EPT. */
#include "l2/l2.h"

#include "x86/paging.h"

static void op_ept_touch(struct l2_ctx *c, u32 i)
{
	volatile u64 *p = (volatile u64 *)(c->arg[0] + (u64)i * PAGE_SIZE);

	*p = i;
	if (*p != i)
		l2_hypercall(HC_FAIL, 3, *p);
}

void l2_ept_touch(struct l2_ctx *c)
{
	l2_measure(c, op_ept_touch);
}
