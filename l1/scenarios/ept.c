// SPDX-License-Identifier: GPL-2.0-only
/*
 * Paging: EPT violations (L2 writes one new page per iteration in a region L1 left
 * unmapped; L1 maps each page on its violation and L2 retries the write), and L2's own
 * demand paging.
 */
#include "l1/scenario.h"
#include "l1/nested_paging.h"

static void ept_setup(struct vcpu *v)
{
	v->ctx->arg[0] = NESTED_TEST_REGION;
}

static void ept_check(struct vcpu *v)
{
	u64 want = NESTED_TEST_REGION + (u64)(v->ctx->warmup + v->ctx->iters - 1) * PAGE_SIZE;

	check(v->last_gpa == want, "last violation at GPA %#llx (want %#llx)",
	      (unsigned long long)v->last_gpa, (unsigned long long)want);
	check(v->last_write, "exit information %#llx says write access", (unsigned long long)v->last_qual);
}

const struct scenario scn_ept_violation = {
	.needs	= NEEDS(NESTED_PAGING),
	.setup	= ept_setup,
	.l2	= l2_ept_touch,
	.expect	= { { XK_NESTED_PF, 1 } },
	.check	= ept_check,
	.max_iters = NESTED_TEST_PAGES - 64,	/* warm-up pages come out of the same region */
};

/* pf/demand-paging: L2's own page faults stay in L2 (#PF not intercepted). */
#define EXC_PF 14

static void pf_setup(struct vcpu *v)
{
	hv->exception_intercepts(v, 0xffffffff & ~BIT(EXC_PF));
}

static void pf_check(struct vcpu *v)
{
	u64 want = v->ctx->warmup + v->ctx->iters;

	check(v->ctx->result[0] == want, "L2 took %llu page faults (want %llu)",
	      (unsigned long long)v->ctx->result[0], (unsigned long long)want);
	check(v->ctx->result[3] == 0, "L2 read back every page it wrote (%llu lost)",
	      (unsigned long long)v->ctx->result[3]);
}

static void cr3_check(struct vcpu *v)
{
	check(v->cr3_mismatches == 0, "guest CR3 saved at %u of %u exits is not L2's page tables (want 0)",
	      v->cr3_mismatches, v->ctx->warmup + v->ctx->iters);
	check(v->ctx->result[3] == 0, "L2 still on its own page tables after each exit (%llu lost writes)",
	      (unsigned long long)v->ctx->result[3]);
}

const struct scenario scn_pf_cr3_across_exit = {
	.setup	= pf_setup,
	.l2	= l2_cr3_across_exit,
	.expect	= { { XK_HYPERCALL, 1 } },
	.check	= cr3_check,
};

const struct scenario scn_pf_demand_paging = {
	.setup	= pf_setup,
	.l2	= l2_demand_paging,
	.check	= pf_check,
	.max_iters = L2_PF_MAX_PAGES - 64,
};
