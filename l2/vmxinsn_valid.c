// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmxinsn/vmfailvalid: L2 enters its virtual VMX operation (VMXON on region A, VMPTRLD of
 * VMCS B, arg0 = the VMCS revision identifier), then each iteration does VMPTRLD of A,
 * which must end in VMfailValid (RFLAGS: ZF = 1, CF/PF/AF/SF/OF = 0), and VMREAD of the
 * VM-instruction error field (encoding arg1), which must succeed and give arg2.
 * result0 counts the iterations where all of that held; result3 the set-up steps that
 * did not succeed.
 */
#include "l2/l2.h"

#define FLAGS_VMX	0x8d5ULL	/* CF, PF, AF, ZF, SF, OF */
#define FLAG_ZF		0x40ULL

static u8 region[2][4096] __attribute__((aligned(4096)));

static u64 vmx_mem_op(int vmptrld, u64 pa)
{
	u64 flags;

	if (vmptrld)
		asm volatile("vmptrld (%1)\n\tpushfq\n\tpopq %0" : "=r"(flags) : "a"(&pa) : "cc", "memory");
	else
		asm volatile("vmxon (%1)\n\tpushfq\n\tpopq %0" : "=r"(flags) : "a"(&pa) : "cc", "memory");
	return flags & FLAGS_VMX;
}

static void op_fail_valid(struct l2_ctx *c, u32 i)
{
	u64 flags, rflags, value;

	(void)i;
	flags = vmx_mem_op(1, (u64)region[0]);
	asm volatile("vmread %2, %1\n\tpushfq\n\tpopq %0"
		     : "=r"(rflags), "=a"(value) : "c"(c->arg[1]) : "cc", "memory");
	c->result[0] += flags == FLAG_ZF && !(rflags & FLAGS_VMX) && value == c->arg[2];
}

void l2_vmxinsn_valid(struct l2_ctx *c)
{
	*(u32 *)region[0] = (u32)c->arg[0];
	*(u32 *)region[1] = (u32)c->arg[0];
	c->result[0] = c->result[3] = 0;
	c->result[3] += vmx_mem_op(0, (u64)region[0]) != 0;
	c->result[3] += vmx_mem_op(1, (u64)region[1]) != 0;
	l2_measure(c, op_fail_valid);
}
