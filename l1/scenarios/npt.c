// SPDX-License-Identifier: GPL-2.0-only
/*
 * npt/: nested paging in depth (APM vol. 2, "Nested Paging"): the access-rights matrix of
 * the nested tables per level, the nested page fault's EXITINFO1 ("Nested versus Guest
 * Page Faults, Fault Ordering": the #PF error-code bits, bit 32 for a fault on the final
 * guest-physical address, bit 33 for one on a guest page-table access; nested walks are
 * user accesses), accessed and dirty bits, 2-Mbyte and 1-Gbyte nested pages, nCR3 with
 * PWT/PCD, and TLB_CONTROL / ASIDs ("TLB Control", "TLB Flush by ASID").
 * All of it in the test region (l1/nested_paging.h) at GPA T = NESTED_TEST_REGION.
 */
#include "x86/paging.h"
#include "l1/scenarios/svm_icpt.h"
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"
#include "lib/string.h"

#define T		NESTED_TEST_REGION
#define PTE_FULL	(PTE_P | PTE_RW | PTE_US)
#define RSVD		1ull	/* in a row's "set": the lowest address bit above MAXPHYADDR */
#define EFER_NXE	BIT(11)
#define NPF_INFO_MASK	(NPF_PRESENT | NPF_WRITE | NPF_USER | NPF_RSVD | NPF_FETCH | NPF_FINAL_GPA | NPF_GUEST_WALK)
#define NPF_GPA_WRONG	BIT(63)	/* in a recorded EXITINFO1: EXITINFO2 was not T */

enum { ACC_READ, ACC_WRITE, ACC_FETCH, ACC_ALTERNATE };	/* l2/npt.c */
/* Scenario state beyond svm_icpt.h's. */
enum { ST_FULL = ST_WANT + 1, ST_PREV, ST_ASID, ST_SET };

static u8 page_a[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 page_b[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 guest_pml4[PAGE_SIZE] __attribute__((aligned(4096)));
static volatile u64 alias_target;

struct npt_row {
	u8 level;	/* 1 PTE, 2 PDE, 3 PDPTE */
	u64 clear, set;	/* rights taken from / bits added to that entry */
	u8 access;	/* ACC_* */
	u64 info;	/* EXITINFO1 of the nested page fault; 0: no fault */
};

#define F(bits) (NPF_FINAL_GPA | NPF_USER | (bits))

/* X(id, level, clear, set, access, EXITINFO1 or 0) */
#define NPT_ROWS(X)										\
	X(pte_not_present,	1, PTE_P, 0, ACC_READ, F(0))					\
	X(pte_read_only_write,	1, PTE_RW, 0, ACC_WRITE, F(NPF_PRESENT | NPF_WRITE))		\
	X(pte_read_only_read,	1, PTE_RW, 0, ACC_READ, 0)					\
	X(pte_supervisor_read,	1, PTE_US, 0, ACC_READ, F(NPF_PRESENT))				\
	X(pte_nx_fetch,		1, 0, PTE_NX, ACC_FETCH, F(NPF_PRESENT | NPF_FETCH))		\
	X(pte_nx_read,		1, 0, PTE_NX, ACC_READ, 0)					\
	X(pte_reserved,		1, 0, RSVD, ACC_READ, F(NPF_PRESENT | NPF_RSVD))		\
	X(pde_not_present,	2, PTE_P, 0, ACC_READ, F(0))					\
	X(pde_read_only_write,	2, PTE_RW, 0, ACC_WRITE, F(NPF_PRESENT | NPF_WRITE))		\
	X(pde_supervisor_read,	2, PTE_US, 0, ACC_READ, F(NPF_PRESENT))				\
	X(pde_nx_fetch,		2, 0, PTE_NX, ACC_FETCH, F(NPF_PRESENT | NPF_FETCH))		\
	X(pdpte_not_present,	3, PTE_P, 0, ACC_READ, F(0))					\
	X(pdpte_read_only_write, 3, PTE_RW, 0, ACC_WRITE, F(NPF_PRESENT | NPF_WRITE))		\
	X(pdpte_supervisor_read, 3, PTE_US, 0, ACC_READ, F(NPF_PRESENT))			\
	X(pdpte_nx_fetch,	3, 0, PTE_NX, ACC_FETCH, F(NPF_PRESENT | NPF_FETCH))

enum {
#define X(id, ...) NPT_##id,
	NPT_ROWS(X)
#undef X
};

static const struct npt_row npt_rows[] = {
#define X(id, level, clear, set, access, info) [NPT_##id] = { level, clear, set, access, info },
	NPT_ROWS(X)
#undef X
};

static u64 maxphyaddr_bit(void)
{
	return BIT(cpuid(0x80000008).eax & 0xff);
}

static void rearm(struct vcpu *v, const struct npt_row *r)
{
	u64 *e = npt_test_entry(r->level, 0);

	*e = (v->scn_state[ST_FULL] & ~r->clear) | v->scn_state[ST_SET];
	v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;	/* rights taken away: no stale entry */
}

static void npt_row_setup(struct vcpu *v, const struct npt_row *r)
{
	u64 *pte = npt_test_entry(1, 0);

	v->scn_state[ST_ROW] = (u64)r;
	if (r->set == PTE_NX) {
		if (!(cpuid(0x80000001).edx & BIT(20)))
			scenario_skip("needs no-execute pages (CPUID Fn8000_0001_EDX[20] NX)");
		/* The NX bit is reserved unless EFER.NXE: set in L1 (the nested walk's) and L2. */
		wrmsr(MSR_IA32_EFER, rdmsr(MSR_IA32_EFER) | EFER_NXE);
		l2_vmcb.save.efer |= EFER_NXE;
	}
	if (r->set == RSVD && maxphyaddr_bit() > BIT(51))
		scenario_skip("needs MAXPHYADDR < 52 for a reserved address bit (CPUID Fn8000_0008_EAX[7:0] = 52)");
	npt_map_test_page(T);
	((u8 *)(*pte & PTE_ADDR))[0] = 0xc3;	/* RET, for the fetches */
	v->scn_state[ST_FULL] = *npt_test_entry(r->level, 0);
	v->scn_state[ST_SET] = r->set == RSVD ? maxphyaddr_bit() : r->set;	/* no CPUID in the window */
	v->ctx->arg[0] = T;
	v->ctx->arg[1] = r->access;
}

static enum exit_action npt_row_on_exit(struct vcpu *v, u64 code)
{
	const struct npt_row *r = (const struct npt_row *)v->scn_state[ST_ROW];
	const struct vmcb_control *c = &l2_vmcb.control;

	if (code == SVM_EXIT_VMMCALL && v->gpr[RAX] == HC_NOP) {
		rearm(v, r);
		return EXIT_DEFAULT;
	}
	if (code != SVM_EXIT_NPF)
		return EXIT_DEFAULT;
	icpt_info(v, (c->exit_info1 & NPF_INFO_MASK) | (c->exit_info2 != T ? NPF_GPA_WRONG : 0), r->info,
		  NPF_INFO_MASK | NPF_GPA_WRONG);
	*npt_test_entry(r->level, 0) = v->scn_state[ST_FULL];
	v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;
	return EXIT_RESUME;
}

static void npt_row_check(struct vcpu *v)
{
	const struct npt_row *r = (const struct npt_row *)v->scn_state[ST_ROW];

	if (r->set == PTE_NX)
		wrmsr(MSR_IA32_EFER, rdmsr(MSR_IA32_EFER) & ~EFER_NXE);
	if (r->info)
		icpt_info_check(v, "nested page fault EXITINFO1 (bit 63 here: EXITINFO2 not T)");
}

#define X(id, level, clear, set, access, info)						\
	static void setup_##id(struct vcpu *v)						\
	{										\
		npt_row_setup(v, &npt_rows[NPT_##id]);					\
	}										\
	const struct scenario scn_npt_##id = {						\
		.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),				\
		.setup = setup_##id,							\
		.l2 = l2_npt_access,							\
		.expect = { { XK_HYPERCALL, 1 }, { XK_NESTED_PF, (info) ? 1 : 0 } },	\
		.check = npt_row_check,							\
		.on_exit = npt_row_on_exit,						\
		.max_iters = 8,								\
	};
NPT_ROWS(X)
#undef X

/*
 * npt/guest-walk-fault: L2's top-level page table (a copy of L1's PML4) lives at T + 4K,
 * which L1 unmaps after each hypercall: L2's next instruction fetch faults on the guest
 * page-table access (EXITINFO1 bit 33, not 32; not present; user), at that page.
 */
#define T_PML4	(T + PAGE_SIZE)

static void walk_setup(struct vcpu *v)
{
	memcpy(guest_pml4, (const void *)(read_cr3() & PTE_ADDR), PAGE_SIZE);
	v->scn_state[ST_FULL] = (u64)guest_pml4 | PTE_FULL;
	*npt_test_entry(1, 1) = v->scn_state[ST_FULL];
	l2_vmcb.save.cr3 = T_PML4 | (read_cr3() & ~PTE_ADDR);
	v->ctx->arg[0] = (u64)&alias_target;
	v->ctx->arg[1] = ACC_READ;
}

static enum exit_action walk_on_exit(struct vcpu *v, u64 code)
{
	const struct vmcb_control *c = &l2_vmcb.control;
	u64 mask = NPF_PRESENT | NPF_USER | NPF_RSVD | NPF_FINAL_GPA | NPF_GUEST_WALK | NPF_GPA_WRONG;

	if (code == SVM_EXIT_VMMCALL && v->gpr[RAX] == HC_NOP) {
		*npt_test_entry(1, 1) = 0;
		v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;
		return EXIT_DEFAULT;
	}
	if (code != SVM_EXIT_NPF)
		return EXIT_DEFAULT;
	icpt_info(v, (c->exit_info1 & mask) | ((c->exit_info2 & PTE_ADDR) != T_PML4 ? NPF_GPA_WRONG : 0),
		  NPF_USER | NPF_GUEST_WALK, mask);
	*npt_test_entry(1, 1) = v->scn_state[ST_FULL];
	return EXIT_RESUME;
}

static void walk_check(struct vcpu *v)
{
	icpt_info_check(v, "nested page fault on the guest walk: EXITINFO1 P, U, RSV, bits 32/33 (bit 63 here: "
			   "EXITINFO2 not in the table's page)");
}

const struct scenario scn_npt_guest_walk_fault = {
	.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup = walk_setup,
	.l2 = l2_npt_access,
	.expect = { { XK_HYPERCALL, 1 }, { XK_NESTED_PF, 1 } },
	.check = walk_check,
	.on_exit = walk_on_exit,
	.max_iters = 8,
};

/*
 * npt/accessed-dirty: L2 reads T on even iterations, writes it on odd ones; at each
 * hypercall L1 finds the nested PTE's A set and D set only after a write (APM "Nested
 * Paging": A/D bits of the nested tables as in legacy paging), then clears both.
 */
static void ad_setup(struct vcpu *v)
{
	npt_map_test_page(T);
	v->ctx->arg[0] = T;
	v->ctx->arg[1] = ACC_ALTERNATE;
}

static void ad_record(struct vcpu *v, u64 prev_iter)
{
	u64 *pte = npt_test_entry(1, 0);

	icpt_info(v, *pte & (PTE_A | PTE_D), PTE_A | (prev_iter & 1 ? PTE_D : 0), PTE_A | PTE_D);
	*pte &= ~(PTE_A | PTE_D);
}

static enum exit_action ad_on_exit(struct vcpu *v, u64 code)
{
	if (code != SVM_EXIT_VMMCALL || v->gpr[RAX] != HC_NOP)
		return EXIT_DEFAULT;
	if (v->scn_state[ST_PREV])
		ad_record(v, v->scn_state[ST_PREV] - 1);
	else
		*npt_test_entry(1, 0) &= ~(PTE_A | PTE_D);
	v->scn_state[ST_PREV] = v->gpr[RBX] + 1;
	v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;	/* the next access sets them again */
	return EXIT_DEFAULT;
}

static void ad_check(struct vcpu *v)
{
	ad_record(v, v->scn_state[ST_PREV] - 1);	/* the last access */
	icpt_info_check(v, "nested PTE A/D after a read (A) and a write (A, D)");
}

const struct scenario scn_npt_accessed_dirty = {
	.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup = ad_setup,
	.l2 = l2_npt_access,
	.expect = { { XK_HYPERCALL, 1 } },
	.check = ad_check,
	.on_exit = ad_on_exit,
	.max_iters = 8,
};

/* npt/2m-page, npt/1g-page: T through one large nested page onto L1's own memory. */
static void large_setup(struct vcpu *v, int level, u64 size)
{
	u64 pa = (u64)&alias_target, base = pa & ~(size - 1);

	*npt_test_entry(level, 0) = base | PTE_FULL | PTE_PS;
	v->ctx->arg[0] = T + (pa - base);
	v->ctx->arg[1] = pa;
}

static void large_2m_setup(struct vcpu *v)
{
	large_setup(v, 2, 1ull << 21);
}

static void large_1g_setup(struct vcpu *v)
{
	if (!(cpuid(0x80000001).edx & BIT(26)))
		scenario_skip("needs 1-Gbyte pages (CPUID Fn8000_0001_EDX[26] Page1GB)");
	large_setup(v, 3, 1ull << 30);
}

const struct scenario scn_npt_2m_page = {
	.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup = large_2m_setup,
	.l2 = l2_npt_alias,
	.max_iters = 8,
};

const struct scenario scn_npt_1g_page = {
	.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup = large_1g_setup,
	.l2 = l2_npt_alias,
	.max_iters = 8,
};

/* npt/ncr3-pwt-pcd: nCR3 with PWT and PCD set still names the nested PML4 (APM "Nested
 * Paging": nCR3 has the format of CR3); one nested page fault per new page, as ept/violation. */
static void ncr3_setup(struct vcpu *v)
{
	l2_vmcb.control.n_cr3 |= PTE_PWT | PTE_PCD;
	v->ctx->arg[0] = T;
}

const struct scenario scn_npt_ncr3_pwt_pcd = {
	.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup = ncr3_setup,
	.l2 = l2_ept_touch,
	.expect = { { XK_NESTED_PF, 1 } },
	.max_iters = 16,
};

/*
 * npt/tlb-*: L2 reads T (its translation now cached), L1 remaps T to the other of two
 * pages and makes the next VMRUN flush: TLB_CONTROL 1 (everything), 3 (this ASID), or a
 * fresh ASID (its clean bit cleared) with TLB_CONTROL 0. L2 must read the new page.
 */
enum { TLB_ALL, TLB_ASID, TLB_NEW_ASID };

static void tlb_map(struct vcpu *v, u8 *page)
{
	*npt_test_entry(1, 0) = (u64)page | PTE_FULL;
	v->ctx->arg[1] = *(u64 *)page;
}

static void tlb_setup(struct vcpu *v, int how)
{
	u32 need = v->ctx->iters + 2;	/* fresh ASIDs inside the window only */

	if (how == TLB_ASID && !svm_has(SVM_FEAT_FLUSH_BY_ASID))
		scenario_skip("needs flush by ASID (CPUID Fn8000_000A_EDX[6])");
	if (how == TLB_NEW_ASID && svm_caps.asids < need)
		scenario_skip("needs %u ASIDs (CPUID Fn8000_000A_EBX = %u)", need, svm_caps.asids);
	*(u64 *)page_a = 0xaaaa0000aaaa0000ull;
	*(u64 *)page_b = 0xbbbb0000bbbb0000ull;
	v->scn_state[ST_ROW] = how;
	v->scn_state[ST_ASID] = l2_vmcb.control.asid;
	tlb_map(v, page_a);
	v->ctx->arg[0] = T;
}

static enum exit_action tlb_on_exit(struct vcpu *v, u64 code)
{
	bool on_a = (*npt_test_entry(1, 0) & PTE_ADDR) == (u64)page_a;

	if (code != SVM_EXIT_VMMCALL || v->gpr[RAX] != HC_NOP)
		return EXIT_DEFAULT;
	tlb_map(v, on_a ? page_b : page_a);
	switch (v->scn_state[ST_ROW]) {
	case TLB_ALL:
		v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;
		break;
	case TLB_ASID:
		v->tlb_control_next = TLB_CONTROL_FLUSH_ASID;
		break;
	case TLB_NEW_ASID:
		if (!v->window_open) {		/* warm-up: as TLB_ALL, the ASIDs are few */
			v->tlb_control_next = TLB_CONTROL_FLUSH_ALL;
			break;
		}
		l2_vmcb.control.asid = (u32)++v->scn_state[ST_ASID];
		v->clean_clear |= VMCB_CLEAN_ASID;
		break;
	}
	return EXIT_DEFAULT;
}

/* A fresh ASID per measured iteration: few iterations, CPUs offer as few as 8 ASIDs. */
#define TLB_SCENARIO(id, how)								\
	static void tlb_##id##_setup(struct vcpu *v)					\
	{										\
		tlb_setup(v, how);							\
	}										\
	const struct scenario scn_npt_##id = {						\
		.needs = NEEDS(SVM) | NEEDS(NESTED_PAGING),				\
		.setup = tlb_##id##_setup,						\
		.l2 = l2_npt_tlb,							\
		.expect = { { XK_HYPERCALL, 1 } },					\
		.on_exit = tlb_on_exit,							\
		.max_iters = (how) == TLB_NEW_ASID ? 4 : 8,				\
	};
TLB_SCENARIO(tlb_flush_all, TLB_ALL)
TLB_SCENARIO(tlb_flush_asid, TLB_ASID)
TLB_SCENARIO(asid_switch, TLB_NEW_ASID)
