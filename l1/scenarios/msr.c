// SPDX-License-Identifier: GPL-2.0-only
/* RDMSR/WRMSR through the MSR bitmap (VMX) or permission map (SVM). SYSENTER_CS/ESP are
 * guest state (the VMCS; the VMCB through VMLOAD/VMSAVE): L2's writes never reach L1's. */
#include "l1/scenario.h"
#include "l1/emulated.h"
#include "x86/processor.h"

#define EMULATED_VALUE	0x5a5a5a5aULL
#define WRITE_BASE	0x1000ULL

static void rdmsr_setup(struct vcpu *v)
{
	v->ctx->arg[0] = EMULATED_MSR;
	v->vmsr_value = EMULATED_VALUE;
}

static void rdmsr_check(struct vcpu *v)
{
	check(v->ctx->result[0] == EMULATED_VALUE, "L2 read L1's emulated value %#llx (want %#llx)",
	      (unsigned long long)v->ctx->result[0], EMULATED_VALUE);
}

const struct scenario scn_msr_rdmsr_exit = {
	.needs	= NEEDS(MSR_BITMAPS),
	.setup	= rdmsr_setup,
	.l2	= l2_rdmsr,
	.expect	= { { XK_MSR_READ, 1 } },
	.check	= rdmsr_check,
};

static void wrmsr_setup(struct vcpu *v)
{
	v->ctx->arg[0] = EMULATED_MSR;
	v->ctx->arg[1] = WRITE_BASE;
}

static void wrmsr_check(struct vcpu *v)
{
	u64 guest = hv->guest_msr(v, MSR_IA32_SYSENTER_CS);

	check(v->vmsr_value == v->ctx->result[1], "L1 saw L2's last write %#llx (want %#llx)",
	      (unsigned long long)v->vmsr_value, (unsigned long long)v->ctx->result[1]);
	check(guest == 0, "guest SYSENTER_CS untouched: %#llx (want 0)", (unsigned long long)guest);
}

const struct scenario scn_msr_wrmsr_exit = {
	.needs	= NEEDS(MSR_BITMAPS),
	.setup	= wrmsr_setup,
	.l2	= l2_wrmsr,
	.expect	= { { XK_MSR_WRITE, 1 } },
	.check	= wrmsr_check,
};

static void passthrough_setup(struct vcpu *v)
{
	v->ctx->arg[0] = MSR_IA32_SYSENTER_ESP;
	v->ctx->arg[1] = WRITE_BASE;
	hv->msr_pass(MSR_IA32_SYSENTER_ESP, true, true);
}

static void passthrough_check(struct vcpu *v)
{
	u64 guest = hv->guest_msr(v, MSR_IA32_SYSENTER_ESP);

	check(guest == v->ctx->result[1], "guest SYSENTER_ESP holds L2's last write: %#llx (want %#llx)",
	      (unsigned long long)guest, (unsigned long long)v->ctx->result[1]);
}

const struct scenario scn_msr_passthrough = {
	.needs	= NEEDS(MSR_BITMAPS),
	.setup	= passthrough_setup,
	.l2	= l2_msr_rw,
	.check	= passthrough_check,
};
