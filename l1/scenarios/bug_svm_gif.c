// SPDX-License-Identifier: GPL-2.0-only
/*
 * bug/nsvm-gif-after-invalid: "KVM: nSVM: Clear GIF on nested #VMEXIT(INVALID)". APM vol. 2
 * "#VMEXIT": the #VMEXIT clears GIF, and a VMRUN that fails its consistency checks ends in
 * #VMEXIT(VMEXIT_INVALID) ("Canonicalization and Consistency Checks"); "Global Interrupt
 * Flag, STGI and CLGI": with GIF clear, interrupts are held pending.
 * nestlab's entry path always CLGIs before VMRUN, which hides the bug; here L1 runs its own
 * VMRUN with GIF set on a VMCB with ASID 0 (KVM checks that itself: the path the fix
 * changed), a self-IPI pending in the local APIC, then opens an STI window: the interrupt
 * must wait for the STGI that follows.
 */
#include "l1/scenario.h"
#include "l1/svm/svm_l1.h"
#include "x86/apic.h"
#include "x86/desc.h"
#include "x86/processor.h"

#define GIF_VECTOR	0xe5

struct gif_frame {
	u64 rip, cs, rflags, rsp, ss;
};

static volatile u32 gif_irqs;

__attribute__((interrupt)) static void gif_irq(struct gif_frame *f)
{
	(void)f;
	gif_irqs++;
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_EOI, 0);
}

static u32 sti_window(void)
{
	asm volatile("sti; nop; nop; nop; cli" ::: "memory");
	return gif_irqs;
}

static void gif_setup(struct vcpu *v)
{
	u32 asid = l2_vmcb.control.asid;
	u64 pa = (u64)&l2_vmcb;

	if (rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_X2APIC_ENABLE)
		scenario_skip("needs the local APIC in xAPIC mode (IA32_APIC_BASE bit 10 clear)");
	idt_set_gate(l1_idt, GIF_VECTOR, (void *)gif_irq, 0);
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_SVR, APIC_SVR_ENABLE | 0xff);
	gif_irqs = 0;
	l2_vmcb.control.asid = 0;	/* Expect: VMEXIT_INVALID */
	asm volatile("cli" ::: "memory");
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_ICR_LO, APIC_ICR_SHORTHAND_SELF | GIF_VECTOR);
	asm volatile("stgi\n\t"
		     "vmrun %%rax"
		     : "+a"(pa)
		     :
		     : "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
		       "memory", "cc");
	v->scn_state[0] = sti_window();		/* GIF clear: none */
	asm volatile("stgi" ::: "memory");
	v->scn_state[1] = sti_window();		/* GIF set: the held interrupt */
	v->scn_state[2] = l2_vmcb.control.exit_code;
	l2_vmcb.control.asid = asid;
}

static void gif_check(struct vcpu *v)
{
	/* low half only: bug/nsvm-err-exit-code checks the high half */
	check((u32)v->scn_state[2] == (u32)SVM_EXIT_INVALID, "the VMRUN with ASID 0 ended VMEXIT_INVALID (exit code %#llx)",
	      (unsigned long long)v->scn_state[2]);
	check(v->scn_state[0] == 0, "no interrupt taken with GIF clear after #VMEXIT(INVALID): %llu taken (want 0)",
	      (unsigned long long)v->scn_state[0]);
	check(v->scn_state[1] == 1, "the held interrupt taken after STGI: %llu (want 1)",
	      (unsigned long long)v->scn_state[1]);
}

const struct scenario scn_bug_nsvm_gif_after_invalid = {
	.needs		= NEEDS(SVM),
	.setup		= gif_setup,
	.l2		= l2_cpuid,
	.expect		= { { XK_CPUID, 1 } },
	.check		= gif_check,
	.max_iters	= 8,
};
