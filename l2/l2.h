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

/*
 * [A] issue 13, VMX families 1-5 (event/, exception/, ptimer/, msrarea/, entrycheck/):
 * l2/vmx_events.c and l2/vmx_state.c. Their hypercalls go to the scenario's own exit
 * hook (l1/scenarios/vmx_a.h): HCA_ARM asks L1 to set up what the next VM entry does
 * (RBX: the address right after the VMCALL, or a value), HCA_CHECK asks it to sample
 * the guest state. Handlers of the vectors below record in result[1] the RIP they
 * interrupted, result[2] the error code, result[3] the vector, count in irqs, and
 * the fault-type ones (#UD, #GP, #PF) return arg[3] bytes further.
 */
#define HCA_ARM		0x1a0
#define HCA_CHECK	0x1a1
#define L2_VEC_EXTINT	0x50	/* injected external interrupt */
#define L2_VEC_SOFTINT	0x51	/* injected software interrupt */
#define L2_VEC_INTN	0x52	/* INT n that L2 executes itself */
#define L2_VEC_SELFIPI	0x53	/* L1's self-IPI, reflected to L2 */
#define L2_PF_VA	0x8000000000ULL	/* PML4 slot 1: not present in L1's tables */
#define L2_NO_ERROR	(~0ULL)
void l2_ev_inject(struct l2_ctx *c);	/* arg0 vector, arg1 error code, arg2: STI first */
void l2_ev_arm(struct l2_ctx *c);	/* HCA_ARM, RBX = the address after it, then NOPs */
void l2_ev_intr_window_sti(struct l2_ctx *c);
void l2_ev_sti_shadow(struct l2_ctx *c);	/* STI; CPUID in its shadow; RDI = where the window opens */
void l2_ev_movss_shadow(struct l2_ctx *c);
void l2_ev_nmi_window(struct l2_ctx *c);	/* HCA_ARM then IRET to the next instruction */
void l2_ev_idt_vectoring(struct l2_ctx *c);	/* arg0: 0 INT n, 1 #UD, 2 #GP; stack on unmapped pages */
void l2_ev_hlt(struct l2_ctx *c);		/* STI; HLT; the handler must run once */
void l2_exc_ud(struct l2_ctx *c);		/* UD2, RBX = the address after it */
void l2_exc_bp(struct l2_ctx *c);
void l2_exc_pf(struct l2_ctx *c);		/* read then write L2_PF_VA; arg1 the PFEC L2 must see */
void l2_exc_single_step(struct l2_ctx *c);
void l2_exc_triple_fault(struct l2_ctx *c);
void l2_ptimer_spin(struct l2_ctx *c);		/* HCA_ARM, spin until L1 sets result0 */
void l2_ptimer_hlt(struct l2_ctx *c);		/* HCA_ARM, HLT with IF=0 */
/* arg0 MSR, arg2 mode; READ: L2 reads back arg1, or the value it passed (arg1 = 0) */
enum { MSR_AREA_READ, MSR_AREA_WRITE, MSR_AREA_TSC, MSR_AREA_FLIP };
void l2_msr_area(struct l2_ctx *c);
void l2_pat_round_trip(struct l2_ctx *c);	/* arg0: the PAT L2 must read first */

#endif
