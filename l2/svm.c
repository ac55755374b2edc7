// SPDX-License-Identifier: GPL-2.0-only
/* SVM instructions in L2: CLGI/STGI and VMSAVE/VMLOAD, intercepted or virtualized by L1. */
#include "l2/l2.h"
#include "x86/svm.h"

static struct vmcb l2_save_page __attribute__((aligned(4096)));

static void op_gif(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("stgi; clgi" ::: "memory");
}

void l2_gif(struct l2_ctx *c)
{
	l2_measure(c, op_gif);
}

static void op_vmsave_vmload(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("vmsave %%rax; vmload %%rax" : : "a"((u64)&l2_save_page) : "memory");
}

void l2_vmsave_vmload(struct l2_ctx *c)
{
	l2_measure(c, op_vmsave_vmload);
	c->result[0] = l2_save_page.save.sysenter_cs;	/* what the last VMSAVE stored */
}
