// SPDX-License-Identifier: GPL-2.0-only
/* Exits every VMM sees: CPUID and VMCALL (unconditional), HLT (HLT exiting). */
#include "l1/scenario.h"
#include "x86/processor.h"

static void cpuid_check(struct vcpu *v)
{
	u32 want = cpuid(0).ebx;

	check(v->ctx->result[0] == want, "L2 read CPUID.0:EBX %#llx as emulated by L1 (want %#x)",
	      (unsigned long long)v->ctx->result[0], want);
}

const struct scenario scn_cpuid_exit = {
	.name	= "cpuid/exit",
	.l2	= l2_cpuid,
	.expect	= { { EXIT_CPUID, 1 } },
	.check	= cpuid_check,
};

const struct scenario scn_vmcall_exit = {
	.name	= "vmcall/exit",
	.l2	= l2_vmcall,
	.expect	= { { EXIT_VMCALL, 1 } },
};

static void hlt_setup(struct vcpu *v)
{
	v->ctl[CTL_PROC] |= PROC_HLT_EXITING;
}

const struct scenario scn_hlt_exit = {
	.name	= "hlt/exit",
	.needs	= NEEDS(PROC_HLT_EXITING),
	.setup	= hlt_setup,
	.l2	= l2_hlt,
	.expect	= { { EXIT_HLT, 1 } },
};
