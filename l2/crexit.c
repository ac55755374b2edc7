// SPDX-License-Identifier: GPL-2.0-only
/*
 * crexit/: L2 moves to and from CR0, CR3, CR4 and DR0, and executes CLTS and LMSW. Which
 * of these exit, and what L2 reads back, is L1's CR guest/host masks, read shadows,
 * CR3-target values and controls (SDM "Guest/Host Masks and Read Shadows for CR0 and
 * CR4", "CR3-Target Controls", "Instructions That Cause VM Exits Conditionally").
 */
#include "l2/l2.h"
#include "x86/processor.h"
#include "lib/string.h"

#define CR0_TS		BIT(3)
#define CR4_PCE		BIT(8)
#define CR4_VMXE_BIT	BIT(13)

static u64 cr3_copy[512] __attribute__((aligned(4096)));

static void miss(struct l2_ctx *c, bool bad)
{
	if (bad)
		c->result[3]++;
}

static void lmsw(u16 msw)
{
	asm volatile("lmsw %0" : : "r"(msw) : "memory");
}

static void op_cr(struct l2_ctx *c, u32 i)
{
	u64 cr0 = read_cr0(), cr4 = read_cr4(), v;

	switch (c->arg[0]) {
	case L2_CR_CR0_TOGGLE:		/* both writes differ from the shadow in TS: 2 exits */
		write_cr0(cr0 ^ CR0_TS);
		miss(c, read_cr0() != (cr0 ^ CR0_TS));
		write_cr0(cr0);
		miss(c, read_cr0() != cr0);
		break;
	case L2_CR_CR0_SHADOW:		/* TS owned, shadow TS = 1: read 1, write 1 stays */
		miss(c, !(cr0 & CR0_TS));
		write_cr0(cr0);
		break;
	case L2_CR_CR4_TOGGLE:
		write_cr4(cr4 ^ CR4_PCE);
		miss(c, read_cr4() != (cr4 ^ CR4_PCE));
		write_cr4(cr4);
		miss(c, read_cr4() != cr4);
		break;
	case L2_CR_CR4_SHADOW:		/* VMXE owned, shadow VMXE = 0 */
		miss(c, cr4 & CR4_VMXE_BIT);
		write_cr4(cr4);
		break;
	case L2_CR_CLTS:		/* shadow TS = 1: CLTS exits, then setting TS exits */
		asm volatile("clts" ::: "memory");
		miss(c, read_cr0() & CR0_TS);
		write_cr0(read_cr0() | CR0_TS);
		miss(c, !(read_cr0() & CR0_TS));
		break;
	case L2_CR_LMSW:		/* TS owned, shadow TS = 0: both LMSW exit */
		lmsw((u16)(cr0 | CR0_TS));
		miss(c, !(read_cr0() & CR0_TS));
		lmsw((u16)(cr0 & ~CR0_TS));
		miss(c, read_cr0() & CR0_TS);
		break;
	case L2_CR_CR3_LOAD:
		write_cr3(read_cr3());
		break;
	case L2_CR_CR3_TARGET:		/* the copy exits, the target value (arg1) does not */
		write_cr3((u64)cr3_copy);
		write_cr3(c->arg[1]);
		break;
	case L2_CR_CR3_STORE:
		miss(c, read_cr3() != c->arg[1]);
		break;
	case L2_CR_MOV_DR:
		v = 0x1000 + i;
		asm volatile("mov %0, %%dr0" : : "r"(v) : "memory");
		asm volatile("mov %%dr0, %0" : "=r"(v));
		miss(c, v != 0x1000 + i);
		break;
	}
}

void l2_crexit(struct l2_ctx *c)
{
	memcpy(cr3_copy, (const void *)(c->arg[1] & ~0xfffULL), sizeof(cr3_copy));
	c->result[3] = 0;
	l2_measure(c, op_cr);
}
