// SPDX-License-Identifier: GPL-2.0-only
/* EPT violations: L2 writes one new page per iteration in a region L1 left unmapped;
 * L1 maps each page on its violation and L2 retries the write. */
#include "l1/scenario.h"
#include "l1/vmx/vmx_l1.h"

#define EPT_QUAL_WRITE	BIT(1)	/* SDM "Exit Qualification for EPT Violations" */

static void ept_setup(struct vcpu *v)
{
	v->ctx->arg[0] = EPT_TEST_REGION;
}

static void ept_check(struct vcpu *v)
{
	u64 want = EPT_TEST_REGION + (u64)(v->ctx->warmup + v->ctx->iters - 1) * PAGE_SIZE;

	check(v->last_gpa == want, "last violation at GPA %#llx (want %#llx)",
	      (unsigned long long)v->last_gpa, (unsigned long long)want);
	check(v->last_qual & EPT_QUAL_WRITE, "exit qualification %#llx says write access",
	      (unsigned long long)v->last_qual);
}

const struct scenario scn_ept_violation = {
	.name	= "ept/violation",
	.needs	= NEEDS(PROC2_EPT),
	.setup	= ept_setup,
	.l2	= l2_ept_touch,
	.expect	= { { EXIT_EPT_VIOLATION, 1 } },
	.check	= ept_check,
	.max_iters = EPT_TEST_PAGES - 64,	/* warm-up pages come out of the same region */
};
