// SPDX-License-Identifier: GPL-2.0-only
/*
 * svmtsc/: the TSC as L2 sees it (APM vol. 2, "TSC Offset", "TSC Ratio MSR"), LBR
 * virtualization ("LBR Virtualization"), and the VMCB clean bits ("VMCB Clean Bits"):
 * a field L1 changes with its clean bit cleared takes effect at the next VMRUN. The APM
 * guarantees only that direction (a set bit lets the CPU use a cached copy or not), so
 * only that is checked, with L1 changing the field at every iteration.
 */
#include "l1/scenarios/svm_icpt.h"
#include "l1/svm/svm_l1.h"
#include "l2/svm_insns.h"
#include "x86/desc.h"
#include "x86/processor.h"
#include "lib/string.h"
#include "x86/trap.h"

#define OFFSET		(1ull << 50)
#define CR0_TS		BIT(3)
#define DR6_FIXED	0xffff0ff0ull

enum { ST_BEFORE = ST_WANT + 1, ST_OFFSET, ST_RATIO };

static void need_rdtscp(void)
{
	if (!(cpuid(0x80000001).edx & BIT(27)))
		scenario_skip("needs RDTSCP (CPUID Fn8000_0001_EDX[27])");
}

static void offset_setup(struct vcpu *v, u64 offset, u64 rdtscp)
{
	if (rdtscp)
		need_rdtscp();
	l2_vmcb.control.tsc_offset = offset;
	v->scn_state[ST_OFFSET] = offset;
	v->scn_state[ST_RATIO] = 1;
	v->ctx->arg[0] = rdtscp;
	v->scn_state[ST_BEFORE] = rdtsc_serialized();
}

/* L2's TSC minus the offset, divided by the ratio, lies between L1's reads around it. */
static void tsc_check(struct vcpu *v)
{
	u64 after = rdtsc_serialized(), r = v->scn_state[ST_RATIO];
	u64 first = v->ctx->result[1] - v->scn_state[ST_OFFSET], last = v->ctx->result[0] - v->scn_state[ST_OFFSET];

	if (r != 1)
		wrmsr(MSR_TSC_RATIO, TSC_RATIO_ONE);
	check(first >= r * v->scn_state[ST_BEFORE] && last <= r * after && first <= last,
	      "L2's TSC - offset (%#llx .. %#llx) within ratio %llu x L1's TSC around it (%#llx .. %#llx)",
	      (unsigned long long)first, (unsigned long long)last, (unsigned long long)r,
	      (unsigned long long)v->scn_state[ST_BEFORE], (unsigned long long)after);
}

static void offset_rdtsc_setup(struct vcpu *v)
{
	offset_setup(v, OFFSET, 0);
}

static void offset_rdtscp_setup(struct vcpu *v)
{
	offset_setup(v, OFFSET, 1);
}

/* A negative offset: L2's TSC is L1's less half of it. */
static void offset_negative_setup(struct vcpu *v)
{
	offset_setup(v, -(rdtsc_serialized() / 2), 0);
}

/* TSC ratio 2.0 (8.32 fixed point), offset 0: L2's TSC is twice L1's. */
static void ratio_setup(struct vcpu *v)
{
	if (!svm_has(SVM_FEAT_TSC_RATE))
		scenario_skip("needs the TSC ratio MSR (CPUID Fn8000_000A_EDX[4])");
	offset_setup(v, 0, 0);
	v->scn_state[ST_RATIO] = 2;
	wrmsr(MSR_TSC_RATIO, 2 * TSC_RATIO_ONE);
	v->scn_state[ST_BEFORE] = rdtsc_serialized();
}

#define TSC_SCENARIO(id, setupfn)				\
	const struct scenario scn_svmtsc_##id = {		\
		.needs = NEEDS(SVM),				\
		.setup = setupfn,				\
		.l2 = l2_tsc_read,				\
		.check = tsc_check,				\
		.max_iters = 8,					\
	};
TSC_SCENARIO(offset_rdtsc, offset_rdtsc_setup)
TSC_SCENARIO(offset_rdtscp, offset_rdtscp_setup)
TSC_SCENARIO(offset_negative, offset_negative_setup)
TSC_SCENARIO(ratio, ratio_setup)

/*
 * svmtsc/lbr-virt: with LBR virtualization (CPUID Fn8000_000A_EDX[1]) VMRUN loads L2's
 * DebugCtl from the VMCB: L2 reads the LBR bit L1 put there; L1's own stays clear.
 */
#define DEBUGCTL_LBR	BIT(0)

static void lbr_setup(struct vcpu *v)
{
	if (!svm_has(SVM_FEAT_LBRV))
		scenario_skip("needs LBR virtualization (CPUID Fn8000_000A_EDX[1])");
	l2_vmcb.control.virt_ext |= LBR_VIRTUALIZATION_ENABLE;
	l2_vmcb.save.dbgctl = DEBUGCTL_LBR;
	hv->msr_pass(MSR_DEBUGCTL, true, false);
	v->ctx->arg[0] = SI_RDMSR;
	v->ctx->arg[2] = MSR_DEBUGCTL;
}

/* A #GP of L2's RDMSR (a CPU that offers LBRV without DebugCtl): counted, L2 moves on. */
static enum exit_action lbr_on_exit(struct vcpu *v, u64 code)
{
	if (code != SVM_EXIT_EXCP13)
		return EXIT_DEFAULT;
	return icpt_skip(v, "\x0f\x32", 2);
}

static void lbr_check(struct vcpu *v)
{
	u64 ctl = ~0ull;

	check(v->ctx->result[0] & DEBUGCTL_LBR, "L2 read DebugCtl %#llx: the VMCB's LBR bit",
	      (unsigned long long)v->ctx->result[0]);
	check(rdmsr_safe(MSR_DEBUGCTL, &ctl) && !(ctl & DEBUGCTL_LBR),
	      "L1's DebugCtl %#llx readable, LBR bit still clear after #VMEXIT", (unsigned long long)ctl);
}

const struct scenario scn_svmtsc_lbr_virt = {
	.needs = NEEDS(SVM),
	.setup = lbr_setup,
	.l2 = l2_svm_insn,
	.check = lbr_check,
	.on_exit = lbr_on_exit,
	.max_iters = 8,
};

/*
 * svmtsc/clean-np: a second nested page-table tree, the first's copy except that it maps
 * the test page T to page_b where the first maps it to page_a; L1 switches nCR3 between
 * them at every hypercall.
 */
static u64 tree_b[4][512] __attribute__((aligned(4096)));	/* PML4, PDPT, PD, PT */
static u64 page_a[512] __attribute__((aligned(4096))), page_b[512] __attribute__((aligned(4096)));
static u64 ncr3_a;

#define NPT_ADDR	0x000ffffffffff000ull

static void npt_trees(void)
{
	u64 *pdpte = npt_test_entry(3, 0), *pde = npt_test_entry(2, 0), *pte = npt_test_entry(1, 0);
	u64 *pdpt = (u64 *)(*(u64 *)(l2_vmcb.control.n_cr3 & NPT_ADDR) & NPT_ADDR);
	u32 gi = (u32)(pdpte - pdpt);
	u64 *pd = (u64 *)(*pdpte & NPT_ADDR);
	u32 di = (u32)(pde - pd);

	page_a[0] = 0xa0a0a0a0a0a0a0a0ull;
	page_b[0] = 0xb0b0b0b0b0b0b0b0ull;
	npt_map_test_page(NESTED_TEST_REGION);
	*pte = (u64)page_a | (*pte & ~NPT_ADDR);
	ncr3_a = l2_vmcb.control.n_cr3;
	memcpy(tree_b[0], (void *)(ncr3_a & NPT_ADDR), PAGE_SIZE);
	memcpy(tree_b[1], pdpt, PAGE_SIZE);
	memcpy(tree_b[2], pd, PAGE_SIZE);
	memcpy(tree_b[3], (void *)(*pde & NPT_ADDR), PAGE_SIZE);
	tree_b[0][0] = (u64)tree_b[1] | (tree_b[0][0] & ~NPT_ADDR);
	tree_b[1][gi] = (u64)tree_b[2] | (*pdpte & ~NPT_ADDR);
	tree_b[2][di] = (u64)tree_b[3] | (*pde & ~NPT_ADDR);
	tree_b[3][0] = (u64)page_b | (*pte & ~NPT_ADDR);
}

/* Iteration i runs on tree b when i is odd; returns what T then holds. */
static u64 npt_switch(u64 i)
{
	l2_vmcb.control.n_cr3 = i & 1 ? (u64)tree_b[0] : ncr3_a;
	return i & 1 ? page_b[0] : page_a[0];
}

/* svmtsc/clean-*: what L1 changes at each hypercall, and the clean bit it clears. */
enum { PROBE_WBINVD, PROBE_TSC, PROBE_CR0_TS, PROBE_CR2, PROBE_DR6, PROBE_IDT_LIMIT, PROBE_ES, PROBE_NPT };	/* l2/svm_tsc.c */

static void change(struct vcpu *v, u64 i)
{
	struct vmcb_save *g = &l2_vmcb.save;
	u64 *want = &v->ctx->arg[1];

	switch (v->ctx->arg[0]) {
	case PROBE_WBINVD:
		l2_vmcb.control.intercept4 |= INTERCEPT_WBINVD;
		v->clean_clear |= VMCB_CLEAN_I;
		break;
	case PROBE_TSC:
		l2_vmcb.control.tsc_offset = *want = (i + 1) << 48;
		v->clean_clear |= VMCB_CLEAN_I;
		break;
	case PROBE_CR0_TS:
		*want = i & 1 ? CR0_TS : 0;
		g->cr0 = (g->cr0 & ~CR0_TS) | *want;
		v->clean_clear |= VMCB_CLEAN_CRX;
		break;
	case PROBE_CR2:
		g->cr2 = *want = 0x1000 * (i + 1);
		v->clean_clear |= VMCB_CLEAN_CR2;
		break;
	case PROBE_DR6:
		*want = i & 0xf;
		g->dr6 = DR6_FIXED | *want;
		v->clean_clear |= VMCB_CLEAN_DRX;
		break;
	case PROBE_ES:		/* a null ES is valid in 64-bit mode */
		*want = i & 1 ? 0 : SEL_DATA;
		g->es.selector = (u16)*want;
		g->es.attrib = i & 1 ? 0 : SVM_ATTR_DATA;
		v->clean_clear |= VMCB_CLEAN_SEG;
		break;
	case PROBE_NPT:
		*want = npt_switch(i);
		v->clean_clear |= VMCB_CLEAN_NP;
		v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;	/* TLB entries are per ASID, not per nCR3 */
		break;
	case PROBE_IDT_LIMIT:
		g->idtr.limit = *want = l2_idt_limit() - (i & 1 ? 16 : 0);
		v->clean_clear |= VMCB_CLEAN_DT;
		break;
	}
}

static enum exit_action clean_on_exit(struct vcpu *v, u64 code)
{
	if (code == SVM_EXIT_VMMCALL && v->gpr[RAX] == HC_NOP) {
		change(v, v->gpr[RBX]);
		return EXIT_DEFAULT;
	}
	if (code == SVM_EXIT_WBINVD) {	/* the first WBINVD: now let the second one through */
		l2_vmcb.control.intercept4 &= ~INTERCEPT_WBINVD;
		v->clean_clear |= VMCB_CLEAN_I;
		return icpt_skip(v, "\x0f\x09", 2);
	}
	return EXIT_DEFAULT;
}

static void clean_np_setup(struct vcpu *v)
{
	if (!svm_has(SVM_FEAT_NP))
		scenario_skip("needs nested paging (CPUID Fn8000_000A_EDX[0])");
	npt_trees();
	v->ctx->arg[2] = NESTED_TEST_REGION;
}

#define CLEAN_SCENARIO(id, probe, ...)					\
	static void clean_##id##_setup(struct vcpu *v)			\
	{								\
		v->ctx->arg[0] = probe;					\
		if (probe == PROBE_NPT)					\
			clean_np_setup(v);				\
		change(v, 0);	/* L2's first probe's value */		\
	}								\
	const struct scenario scn_svmtsc_##id = {			\
		.needs = NEEDS(SVM),					\
		.setup = clean_##id##_setup,				\
		.l2 = l2_clean_probe,					\
		.expect = { { XK_HYPERCALL, 1 }, __VA_ARGS__ },		\
		.on_exit = clean_on_exit,				\
		.max_iters = 8,						\
	};
CLEAN_SCENARIO(clean_intercepts, PROBE_WBINVD, { NATIVE_EXIT(SVM_EXIT_WBINVD), 1 })
CLEAN_SCENARIO(clean_tsc_offset, PROBE_TSC)
CLEAN_SCENARIO(clean_cr0, PROBE_CR0_TS)
CLEAN_SCENARIO(clean_cr2, PROBE_CR2)
CLEAN_SCENARIO(clean_dr6, PROBE_DR6)
CLEAN_SCENARIO(clean_idtr, PROBE_IDT_LIMIT)
CLEAN_SCENARIO(clean_es, PROBE_ES)
CLEAN_SCENARIO(clean_ncr3, PROBE_NPT)
