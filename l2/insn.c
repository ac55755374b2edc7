// SPDX-License-Identifier: GPL-2.0-only
/*
 * insn/: one instruction per operation, each behind its own VM-execution control (SDM
 * "Instructions That Cause VM Exits Conditionally"). Fixed operands, so that L1 can check
 * the exit qualification and instruction information: memory operands are (%rax) with
 * RAX = result1, register operands are RAX.
 */
#include "l2/l2.h"
#include "x86/desc.h"

static u8 operand[64] __attribute__((aligned(16)));

static void op_insn(struct l2_ctx *c, u32 i)
{
	u64 rax = (u64)operand;

	(void)i;
	c->result[1] = rax;
	switch (c->arg[0]) {
	case L2_INSN_INVLPG:  asm volatile("invlpg (%0)" : : "r"(rax) : "memory"); break;
	case L2_INSN_RDPMC:   asm volatile("rdpmc" : : "c"(0) : "rax", "rdx"); break;
	case L2_INSN_PAUSE:   asm volatile("pause" ::: "memory"); break;
	case L2_INSN_WBINVD:  asm volatile("wbinvd" ::: "memory"); break;
	case L2_INSN_RDRAND:  asm volatile("rdrand %%rax" : "+a"(rax) : : "cc"); break;
	case L2_INSN_RDSEED:  asm volatile("rdseed %%rax" : "+a"(rax) : : "cc"); break;
	case L2_INSN_MONITOR: asm volatile("monitor" : : "a"(rax), "c"(0), "d"(0) : "memory"); break;
	case L2_INSN_MWAIT:   asm volatile("mwait" : : "a"(0), "c"(0) : "memory"); break;
	case L2_INSN_INVD:    asm volatile("invd" ::: "memory"); break;
	case L2_INSN_SGDT:    asm volatile("sgdt (%0)" : : "a"(rax) : "memory"); break;
	case L2_INSN_SIDT:    asm volatile("sidt (%0)" : : "a"(rax) : "memory"); break;
	case L2_INSN_LGDT:    asm volatile("lgdt (%0)" : : "a"(rax) : "memory"); break;
	case L2_INSN_LIDT:    asm volatile("lidt (%0)" : : "a"(rax) : "memory"); break;
	case L2_INSN_SLDT:    asm volatile("sldt %%ax" : "+a"(rax)); break;
	case L2_INSN_STR:     asm volatile("str %%ax" : "+a"(rax)); break;
	case L2_INSN_LLDT:    asm volatile("lldt %%ax" : : "a"(0) : "memory"); break;
	case L2_INSN_LTR:     asm volatile("ltr %%ax" : : "a"(SEL_TSS) : "memory"); break;
	}
}

void l2_insn(struct l2_ctx *c)
{
	l2_measure(c, op_insn);
}
