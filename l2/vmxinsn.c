// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmxinsn/: L2 executes VMX instructions. In VMX non-root operation each exits to L1
 * unconditionally (SDM "Instructions That Cause VM Exits Unconditionally"); L1 emulates
 * the outcome L2 must see: VMsucceed, VMfailInvalid (CF set), a stored pointer, or #UD.
 * Memory operands are (%rax), the INVEPT/INVVPID type register is RCX; arg1 says what
 * L2 must see (enum below), result0 counts the times it did.
 */
#include "l2/l2.h"
#include "x86/desc.h"

static u64 operand[2] __attribute__((aligned(16)));
static volatile u64 ud_resume;

struct interrupt_frame { u64 rip, cs, rflags, rsp, ss; };

__attribute__((interrupt)) static void ud_handler(struct interrupt_frame *f)
{
	l2_irq_ctx->result[2]++;
	f->rip = ud_resume;
}

#define VMX_OP(insn)								\
	asm volatile("lea 1f(%%rip), %%rdx\n\tmov %%rdx, %[res]\n\t" insn "\n1:"	\
		     : "=@ccc"(cf), "=@ccz"(zf), [res] "=m"(ud_resume)			\
		     : "a"(operand), "c"(1UL) : "rdx", "memory")

static void op_vmx(struct l2_ctx *c, u32 i)
{
	u64 uds = c->result[2];
	bool cf = false, zf = false, ok = false;

	(void)i;
	operand[0] = 0x1001;	/* not 4-KiB aligned: VMPTRLD/VMCLEAR fail on it */
	operand[1] = 0;
	switch (c->arg[0]) {
	case L2_VMX_VMXON:    VMX_OP("vmxon (%%rax)"); break;
	case L2_VMX_VMPTRLD:  VMX_OP("vmptrld (%%rax)"); break;
	case L2_VMX_VMCLEAR:  VMX_OP("vmclear (%%rax)"); break;
	case L2_VMX_VMPTRST:  VMX_OP("vmptrst (%%rax)"); break;
	case L2_VMX_VMLAUNCH: VMX_OP("vmlaunch"); break;
	case L2_VMX_VMRESUME: VMX_OP("vmresume"); break;
	case L2_VMX_VMXOFF:   VMX_OP("vmxoff"); break;
	case L2_VMX_INVEPT:   VMX_OP("invept (%%rax), %%rcx"); break;
	case L2_VMX_INVVPID:  VMX_OP("invvpid (%%rax), %%rcx"); break;
	}
	switch (c->arg[1]) {
	case L2_WANT_SUCCEED:	ok = !cf && !zf && c->result[2] == uds; break;
	case L2_WANT_FAIL_INVALID:	ok = cf && !zf && c->result[2] == uds; break;
	case L2_WANT_STORED_NONE:	ok = !cf && !zf && operand[0] == ~0ULL; break;
	case L2_WANT_UD:		ok = c->result[2] == uds + 1; break;
	}
	c->result[0] += ok;
}

void l2_vmxinsn(struct l2_ctx *c)
{
	struct desc_ptr idtr;

	asm volatile("sidt %0" : "=m"(idtr));
	idt_set_gate((struct idt_entry *)idtr.base, 6, (void *)ud_handler, 0);
	c->result[0] = c->result[2] = 0;
	l2_measure(c, op_vmx);
}
