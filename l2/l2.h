/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The L2 side: workloads run as L2 guests under L1. They share L1's identity-mapped
 * address space (EPT identity map) but none of L1's code: L2 talks to L1 only through
 * exits and this context block. Hypercalls are VMCALL (VMX) or VMMCALL (SVM) with
 * RAX = number: every site is built as VMCALL and listed in section hypercall_sites,
 * and l2_hypercalls_use_vmmcall() rewrites them all when L1 runs on SVM.
 */
#ifndef L2_L2_H
#define L2_L2_H

#include "lib/types.h"

enum l2_hypercall {
	HC_NOP = 0x100,		/* the VMCALL workload: L1 just resumes */
	HC_WINDOW_OPEN,		/* start counting exits (after the warm-up) */
	HC_WINDOW_CLOSE,	/* stop counting: this call itself is not counted */
	HC_DONE,		/* the workload finished */
	HC_FAIL,		/* L2 saw a wrong value: RBX = check id, RCX = value seen */
	HC_POST,		/* L1 posts interrupt RBX to L2 (posted-interrupt scenario) */
	HC_CHECK_CR3,		/* L1 compares the VMCS guest CR3 with result[2] */
};

#define L2_ARGS 4
#define L2_RESULTS 4

struct l2_ctx {
	u32 iters, warmup;
	u64 *samples;			/* iters round-trip times, cycles */
	u64 tsc_overhead;		/* min cost of an empty timed region */
	u64 arg[L2_ARGS];		/* scenario parameters set by L1 */
	u64 result[L2_RESULTS];		/* values L2 observed, checked by L1 */
	volatile u32 irqs;		/* interrupts L2 took */
	/* Optional, around each run of op between hypercalls: a workload that must not
	 * exit to L1 in some state (its own page tables) enters and leaves it here. */
	void (*enter)(struct l2_ctx *c), (*leave)(struct l2_ctx *c);
};

typedef void (*l2_workload)(struct l2_ctx *c);
typedef void (*l2_op)(struct l2_ctx *c, u32 i);

/* The context of the running L2, for its interrupt handlers. */
extern struct l2_ctx *l2_irq_ctx;

/* First L2 instruction: runs fn(c), then HC_DONE. Guest RDI = c, RSI = fn. */
void l2_start(struct l2_ctx *c, l2_workload fn);

static inline u64 l2_hypercall(u64 nr, u64 a, u64 b)
{
	u64 ret;

	asm volatile("1: vmcall\n\t"
		     ".pushsection hypercall_sites, \"aw\"\n\t.quad 1b\n\t.popsection"
		     : "=a"(ret) : "a"(nr), "b"(a), "c"(b) : "memory");
	return ret;
}

/* Rewrites every hypercall site from VMCALL to VMMCALL; returns how many. */
u32 l2_hypercalls_use_vmmcall(void);

/* Warm-up, open the window, time iters calls of op, close the window. */
void l2_measure(struct l2_ctx *c, l2_op op);

/* The L2 IDT (vectors L2_VEC_*), loaded as guest IDTR by L1. */
#define L2_VEC_XAPIC	0x40	/* handler EOIs through the APIC MMIO page */
#define L2_VEC_X2APIC	0x41	/* handler EOIs through the x2APIC EOI MSR */
u64 l2_idt_base(void);
u16 l2_idt_limit(void);
void l2_idt_init(void);

/* Workloads, one per scenario family file in l2/. */
void l2_cpuid(struct l2_ctx *c);
void l2_vmcall(struct l2_ctx *c);
void l2_hlt(struct l2_ctx *c);
void l2_io_scratch(struct l2_ctx *c);		/* arg0 = port */
void l2_rdmsr(struct l2_ctx *c);		/* arg0 = MSR */
void l2_wrmsr(struct l2_ctx *c);		/* arg0 = MSR */
void l2_msr_rw(struct l2_ctx *c);		/* arg0 = MSR: write i, read back */
void l2_ept_touch(struct l2_ctx *c);		/* arg0 = base GPA, one page per iteration */
void l2_vmread(struct l2_ctx *c);		/* arg0 = field, arg1 = expected value */
void l2_vmwrite(struct l2_ctx *c);		/* arg0 = field, writes arg1 + i */
void l2_tpr_cr8(struct l2_ctx *c);		/* arg0 = first value, arg1 = last value */
void l2_tpr_mmio(struct l2_ctx *c);		/* arg0 = TPR value */
void l2_apic_read(struct l2_ctx *c);		/* arg0 = register offset */
void l2_apic_write(struct l2_ctx *c);		/* arg0 = register offset, arg1 = value */
void l2_self_ipi_xapic(struct l2_ctx *c);
void l2_self_ipi_x2apic(struct l2_ctx *c);
void l2_posted_interrupt(struct l2_ctx *c);
void l2_demand_paging(struct l2_ctx *c);	/* result0 = #PFs taken, result3 = lost writes */
void l2_cr3_across_exit(struct l2_ctx *c);	/* result2 = its CR3 */
void l2_gif(struct l2_ctx *c);			/* STGI, CLGI: ends with GIF clear */
void l2_vmsave_vmload(struct l2_ctx *c);	/* result0 = SYSENTER_CS as VMSAVE stored it */
#define L2_PF_MAX_PAGES 512

/* vmm/ (issue 19): L2 asks nestlab's VMM to act (l2/vmm.c). arg0 = request block,
 * arg1 = action, arg2 = its value, arg3 = flags: */
#define L2_VMM_SAME_MASK	0xffffULL	/* pieces (BIT(VMM_PIECE_*)) that must read back the same */
#define L2_VMM_CPUID_AFTER	BIT(16)		/* a CPUID (an exit) after each request */
#define L2_VMM_IN_GUEST_MODE	BIT(17)		/* the VMM must have seen L2 (nested guest mode) */
enum { L2_VMM_FAIL_STATUS = 1, L2_VMM_FAIL_DIFFERS, L2_VMM_FAIL_NOT_L2, L2_VMM_FAIL_VALUE,
       L2_VMM_FAIL_CR2 };
/* The request block's guest[] words: troubled requests, the first one's id and value,
 * the pieces that differed. */
enum { L2_VMM_T_COUNT, L2_VMM_T_ID, L2_VMM_T_VALUE, L2_VMM_T_DIFFERS };
void l2_vmm_ask(struct l2_ctx *c);		/* arg1 action with arg2, each iteration */
void l2_vmm_set_cr2(struct l2_ctx *c);		/* arg2 + i * 4 KiB, read back */
void l2_vmm_set_rflags(struct l2_ctx *c);	/* arithmetic flags all set, then clear */
void l2_vmm_set_cr3(struct l2_ctx *c);		/* CR3.PWT flipped, checked by L1, put back */
void l2_vmm_exception(struct l2_ctx *c);	/* exception request (arg2 = r->arg[0]) */
void l2_vmm_shadow_migrate(struct l2_ctx *c);	/* VMWRITE arg1 = arg2 + i, migrate, VMREAD */
void l2_vmm_vgif_migrate(struct l2_ctx *c);	/* CLGI, migrate, CPUID, STGI */
void l2_vmm_cpuid_marked(struct l2_ctx *c);	/* CPUID must return arg2 .. arg2 + 3 */

#endif
