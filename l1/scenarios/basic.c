// SPDX-License-Identifier: GPL-2.0-only
/* Exits every VMM sees: CPUID and the hypercall (VMCALL, VMMCALL), HLT (when intercepted). */
#include "l1/scenario.h"
#include "x86/processor.h"

static void cpuid_check(struct vcpu *v)
{
	u32 want = cpuid(0).ebx;

	check(v->ctx->result[0] == want, "L2 read CPUID.0:EBX %#llx as emulated by L1 (want %#x)",
	      (unsigned long long)v->ctx->result[0], want);
}

const struct scenario scn_cpuid_exit = {
	.l2	= l2_cpuid,
	.expect	= { { XK_CPUID, 1 } },
	.check	= cpuid_check,
};

const struct scenario scn_vmcall_exit = {
	.l2	= l2_vmcall,
	.expect	= { { XK_HYPERCALL, 1 } },
};

static void hlt_setup(struct vcpu *v)
{
	hv->intercept_hlt(v);
}

const struct scenario scn_hlt_exit = {
	.needs	= NEEDS(HLT_EXITING),
	.setup	= hlt_setup,
	.l2	= l2_hlt,
	.expect	= { { XK_HLT, 1 } },
};
