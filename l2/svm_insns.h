/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The instructions the SVM intercept family (icpt/, l1/scenarios/svm_icpt.c) runs in L2,
 * X(NAME, asm). Each runs with RAX = arg1 (or the address of a 16-byte scratch buffer
 * when arg1 is 0), RCX = arg2, RDX = arg3, RBX = 0; the intercepted instruction is the
 * last one of its asm unless a row says otherwise, and uses RBX (GPR 3) where it names
 * a register, so that decode assists report GPR 3.
 */
#ifndef L2_SVM_INSNS_H
#define L2_SVM_INSNS_H

#define SVM_INSNS(X)								\
	X(CR0_READ, "mov %%cr0, %%rbx")						\
	X(CR3_READ, "mov %%cr3, %%rbx")						\
	X(CR4_READ, "mov %%cr4, %%rbx")						\
	X(CR8_READ, "mov %%cr8, %%rbx")						\
	X(CR0_WRITE, "mov %%cr0, %%rbx; mov %%rbx, %%cr0")			\
	X(CR3_WRITE, "mov %%cr3, %%rbx; mov %%rbx, %%cr3")			\
	X(CR4_WRITE, "mov %%cr4, %%rbx; mov %%rbx, %%cr4")			\
	X(CR8_WRITE, "mov %%cr8, %%rbx; mov %%rbx, %%cr8")			\
	/* CR0.AM (bit 18) flipped: a change beyond TS and MP */		\
	X(CR0_AM_FLIP, "mov %%cr0, %%rbx; xor $0x40000, %%rbx; mov %%rbx, %%cr0")	\
	/* CR0.TS set, then cleared: changes of TS only */			\
	X(CR0_TS_FLIP, "mov %%cr0, %%rbx; or $8, %%rbx; mov %%rbx, %%cr0; "	\
		       "and $~8, %%rbx; mov %%rbx, %%cr0")			\
	X(DR0_READ, "mov %%dr0, %%rbx")						\
	X(DR7_READ, "mov %%dr7, %%rbx")						\
	X(DR0_WRITE, "mov %%dr0, %%rbx; mov %%rbx, %%dr0")			\
	X(DR7_WRITE, "mov %%dr7, %%rbx; mov %%rbx, %%dr7")			\
	X(INTN, "int $0x80")							\
	X(INVLPG, "invlpg (%%rax)")						\
	X(INVLPGA, ".byte 0x0f, 0x01, 0xdf")	/* INVLPGA RAX, ECX */		\
	X(PAUSE, "pause")							\
	X(RDTSC, "rdtsc")							\
	X(RDTSCP, "rdtscp")							\
	X(RDPMC, "rdpmc")							\
	X(MONITOR, "monitor")							\
	X(MWAIT, "mwait")							\
	X(XSETBV, "xgetbv; xsetbv")						\
	X(ICEBP, ".byte 0xf1")							\
	X(WBINVD, "wbinvd")							\
	X(INVD, "invd")								\
	X(PUSHF, "pushfq; popq %%rbx")		/* intercepted: PUSHF */	\
	X(POPF, "pushfq; popfq")						\
	X(SIDT, "sidt (%%rax)")							\
	X(SGDT, "sgdt (%%rax)")							\
	X(SLDT, "sldt %%ebx")							\
	X(STR, "str %%ebx")							\
	X(LIDT, "sidt (%%rax); lidt (%%rax)")					\
	X(LGDT, "sgdt (%%rax); lgdt (%%rax)")					\
	X(LLDT, "sldt %%ebx; lldt %%bx")					\
	X(LTR, "str %%ebx; ltr %%bx")						\
	X(RDMSR, "rdmsr")							\
	X(WRMSR, "wrmsr")							\
	X(RDMSR_WRMSR, "rdmsr; wrmsr")						\
	X(IN8, "inb %%dx, %%al")						\
	X(IN16, "inw %%dx, %%ax")						\
	X(IN32, "inl %%dx, %%eax")

enum svm_insn {
#define X(name, text) SI_##name,
	SVM_INSNS(X)
#undef X
	SI_COUNT
};

#endif
