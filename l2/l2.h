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
	/* qemu-kvm --migrate random: L1 set it at an exit; L2 asks QEMU for a migration
	 * itself at its next iteration, in guest mode (l1/qemu_migrate.h). */
	volatile u32 qmigrate;
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
void l2_idt_set(unsigned vector, void *handler);

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
/* bug/ (issue 15): l2/bug.c */
void l2_ud2(struct l2_ctx *c);			/* UD2, which L1 intercepts and skips */
void l2_lmsw_em(struct l2_ctx *c);		/* LMSW setting CR0.EM, intercepted, skipped */

/* SVM intercepts, NPT, TSC and clean bits (issue 14 families 5-7: icpt/, npt/, svmtsc/). */
void l2_svm_insn(struct l2_ctx *c);		/* arg0 = enum svm_insn (l2/svm_insns.h) */
void l2_pause_burst(struct l2_ctx *c);		/* hypercall, then arg1 PAUSEs */
void l2_npt_access(struct l2_ctx *c);		/* hypercall(i), then arg1 access at arg0 */
void l2_npt_alias(struct l2_ctx *c);		/* writes arg0 (alias), reads arg1 (direct) */
void l2_npt_tlb(struct l2_ctx *c);		/* reads arg0, hypercall, reads it: want arg1 */
void l2_tsc_read(struct l2_ctx *c);		/* arg0 0: RDTSC, 1: RDTSCP; result0 last value */
void l2_clean_probe(struct l2_ctx *c);		/* hypercall, then probe arg0: see svmtsc/ */

/*
 * svm-c families (svmstate/, svmevent/, svmexc/), AMD SVM. L2's own handlers
 * (l2/svm_traps.c) count what reaches L2's IDT; each workload copies its counts into
 * result[] at the end. L2_UNMAPPED is an address no page table of L1 maps (a #PF).
 */
#define L2_VEC_INJECT	0x50	/* the external interrupt L1 injects */
#define L2_VEC_SOFT	0x51	/* the software interrupt L1 injects */
#define L2_VEC_VIRQ	0x52	/* V_INTR_VECTOR of L1's virtual interrupts */
#define L2_UNMAPPED	0x8000000000ULL
struct l2_traps {
	volatile u32 count[256];	/* events L2's IDT delivered, by vector */
	volatile u64 error_code;	/* of the last #GP or #PF */
	volatile u64 cr2;		/* CR2 in L2's last #PF handler */
	volatile u64 skip;		/* bytes a fault handler skips (the faulting insn) */
};
extern struct l2_traps l2_traps;
void l2_traps_install(void);		/* clears l2_traps, sets the gates below */
/* What L2 left in place at a VMMCALL(HC_NOP, probe): L1 compares its VMCB. */
struct l2_probe {
	u64 rip, rsp, rflags;		/* rflags: in, loaded just before the VMMCALL */
	u64 cr0, cr2, cr3, cr4, efer, dr6, dr7;
	u16 cs, ss, ds, es;
};
void l2_probe_vmmcall(struct l2_probe *p);
void l2_state_plain(struct l2_ctx *c);	/* RIP, RSP, RAX, RFLAGS */
void l2_state_cr0_cr4(struct l2_ctx *c);	/* CR0.TS, CR4.TSD set */
void l2_state_cr3_efer(struct l2_ctx *c);	/* its own PML4, EFER.SCE flipped */
void l2_state_dr(struct l2_ctx *c);		/* DR6 B0, DR7 L0 */
void l2_state_segs(struct l2_ctx *c);		/* DS = ES = 0 */
void l2_state_cr2(struct l2_ctx *c);		/* after a #PF of its own; result0 = #PFs */
#define L2_CPUID_SHADOW	0x5ad0	/* CPUID leaf L2 runs inside an interrupt shadow */
void l2_shadow_sti(struct l2_ctx *c);		/* STI; CPUID(shadow); CLI; CPUID(0) */
void l2_shadow_movss(struct l2_ctx *c);		/* MOV SS; CPUID(shadow); CPUID(0) */
void l2_event_nop(struct l2_ctx *c);	/* HC_NOP; result = counts of NMI, 0x50, 0x51, #GP */
void l2_event_sti(struct l2_ctx *c);	/* HC_NOP, STI; NOP; CLI; result0 = vector 0x52 */
void l2_event_vtpr(struct l2_ctx *c);	/* 0x52 below V_TPR; result1 = early, 2 = CR8 != 3 */
void l2_event_stack(struct l2_ctx *c);	/* HC_NOP on a stack at arg0 + i pages */
void l2_exc_op(struct l2_ctx *c);	/* arg0: enum l2_exc_op, once per iteration */
enum l2_exc_op { L2_EXC_DE, L2_EXC_UD, L2_EXC_GP, L2_EXC_BP, L2_EXC_PF, L2_EXC_DB, L2_EXC_UD_GP };
void l2_triple_fault(struct l2_ctx *c);	/* opens the window, then shuts down */
/*
 * [B] issue 13, VMX families 6-10 (crexit/, insn/, tlb/, eptx/, tsc/, vmxinsn/): one
 * workload per family, arg0 picks the operation; result3 counts what L2 saw wrong.
 */
#define L2_CR_OPS(X) X(CR0_TOGGLE) X(CR0_SHADOW) X(CR4_TOGGLE) X(CR4_SHADOW) X(CLTS)	\
	X(LMSW) X(CR3_LOAD) X(CR3_TARGET) X(CR3_STORE) X(MOV_DR)
#define L2_INSN_OPS(X) X(INVLPG) X(RDPMC) X(PAUSE) X(WBINVD) X(RDRAND) X(RDSEED)	\
	X(MONITOR) X(MWAIT) X(INVD) X(SGDT) X(SIDT) X(LGDT) X(LIDT) X(SLDT) X(STR) X(LLDT) X(LTR)
#define L2_VMX_OPS(X) X(VMXON) X(VMPTRLD) X(VMCLEAR) X(VMPTRST) X(VMLAUNCH) X(VMRESUME)	\
	X(VMXOFF) X(INVEPT) X(INVVPID)
#define L2_TSC_OPS(X) X(RDTSC) X(RDTSCP) X(AUX)
enum l2_cr_op {
#define X(n) L2_CR_##n,
	L2_CR_OPS(X)
#undef X
};
enum l2_insn_op {
#define X(n) L2_INSN_##n,
	L2_INSN_OPS(X)
#undef X
};
enum l2_vmx_op {
#define X(n) L2_VMX_##n,
	L2_VMX_OPS(X)
#undef X
};
/* vmxinsn/: the outcome L1 emulates and L2 must see (arg1). */
enum l2_vmx_want { L2_WANT_SUCCEED, L2_WANT_FAIL_INVALID, L2_WANT_STORED_NONE, L2_WANT_UD };
enum l2_tsc_op {
#define X(n) L2_TSC_##n,
	L2_TSC_OPS(X)
#undef X
};
/* tlb/: how L2 makes its change visible (arg1), where the test page is (arg0). */
enum l2_tlb_flush { L2_TLB_HYPERCALL, L2_TLB_INVLPG, L2_TLB_CR3 };
#define L2_TLB_VA	0x80000000UL	/* arg0 = 0: L2's own page tables map it */
#define L2_TLB_MARK_A	0x0a0a0a0a0a0a0a0aULL
#define L2_TLB_MARK_B	0x0b0b0b0b0b0b0b0bULL
/* eptx/: what L2 does with each test page; the page holds RET at 0 and a mark at 16. */
enum l2_eptx_access { L2_EPTX_READ, L2_EPTX_WRITE, L2_EPTX_EXEC };
#define L2_EPTX_MARK_OFF	16
#define L2_EPTX_WRITE_OFF	8
void l2_crexit(struct l2_ctx *c);	/* arg0 = enum l2_cr_op, arg1 = L1's CR3 */
void l2_insn(struct l2_ctx *c);		/* arg0 = enum l2_insn_op; result1 = memory operand */
void l2_vmxinsn(struct l2_ctx *c);	/* arg0 = enum l2_vmx_op; result0 = outcomes as wanted */
void l2_tlb(struct l2_ctx *c);		/* arg0 = 0 or test GPA, arg1 = enum l2_tlb_flush */
void l2_eptx(struct l2_ctx *c);		/* arg0 = GPA, arg1 = access, arg2 = pages, arg3 = mark */
void l2_tsc(struct l2_ctx *c);		/* arg0 = enum l2_tsc_op, arg1 = MSR value to write */
/* [B] vmx-e, vmxinsn/vmfailvalid: arg0 = VMCS revision id, arg1 = field, arg2 = error */
void l2_vmxinsn_valid(struct l2_ctx *c);

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
/* vmm/ [G] (issue 19, item 2): l2/vmm_more.c. L1 fills the request block; arg3 the mode,
 * result1 where L1 must find L2's RIP at the exit that follows the request. */
enum { L2_VMM2_PLAIN, L2_VMM2_STI_WINDOW, L2_VMM2_HALT, L2_VMM2_STI_OUT, L2_VMM2_NOP_STI_OUT,
       L2_VMM2_VID_PENDING, L2_VMM2_VID_AFTER_CPUID };
void l2_vmm_event(struct l2_ctx *c);		/* the request, then as the mode says */
void l2_vmm_vid(struct l2_ctx *c);		/* self-IPI (VMX virtual-interrupt delivery) */

#endif
