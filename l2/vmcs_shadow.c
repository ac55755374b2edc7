// SPDX-License-Identifier: GPL-2.0-only
/* VMREAD/VMWRITE executed by L2 itself: served by the shadow VMCS or exiting to L1,
 * as L1's VMREAD/VMWRITE bitmaps say. Register operands only (L1 decodes them). */
#include "l2/l2.h"

static void op_vmread(struct l2_ctx *c, u32 i)
{
	u64 v;
	bool cf, zf;

	(void)i;
	asm volatile("vmread %3, %2" : "=@ccc"(cf), "=@ccz"(zf), "=r"(v) : "r"(c->arg[0]) : "cc");
	if (cf || zf)
		l2_hypercall(HC_FAIL, 4, cf ? 1 : 2);
	c->result[0] = v;
}

void l2_vmread(struct l2_ctx *c)
{
	l2_measure(c, op_vmread);
}

static void op_vmwrite(struct l2_ctx *c, u32 i)
{
	bool cf, zf;

	asm volatile("vmwrite %3, %2" : "=@ccc"(cf), "=@ccz"(zf)
		     : "r"(c->arg[0]), "r"(c->arg[1] + i) : "cc", "memory");
	if (cf || zf)
		l2_hypercall(HC_FAIL, 5, cf ? 1 : 2);
}

void l2_vmwrite(struct l2_ctx *c)
{
	l2_measure(c, op_vmwrite);
	c->result[1] = c->arg[1] + c->warmup + c->iters - 1;
}
