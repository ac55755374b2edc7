// SPDX-License-Identifier: GPL-2.0-only
/*
 * Negative tests of VM entry: a broken VMCS must fail the way the SDM says
 * ("Checks on Guest Segment Registers"/"Checks on Guest RIP and RFLAGS": reserved RFLAGS
 * bit 1 must be 1, else the entry fails with exit reason 33 | bit 31; "Checks on Host
 * Control Registers and MSRs": host CR4 must satisfy the VMX fixed bits, else
 * VMfailValid(8)), and L1 must decode it.
 */
#include "l1/scenario.h"
#include "x86/processor.h"

static void bad_guest_setup(struct vcpu *v)
{
	(void)v;
	vmwrite(VMCS_GUEST_RFLAGS, 0);	/* Expect: VM entry fails, INVALID_GUEST_STATE */
}

static void bad_host_setup(struct vcpu *v)
{
	(void)v;
	vmwrite(VMCS_HOST_CR4, read_cr4() & ~CR4_VMXE);	/* Expect: VMfailValid(8) */
}

const struct scenario scn_entry_bad_guest = {
	.needs		= NEEDS(VMX),
	.setup		= bad_guest_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VM entry failed: INVALID_GUEST_STATE, exit qualification 0",
};

const struct scenario scn_entry_bad_host = {
	.needs		= NEEDS(VMX),
	.setup		= bad_host_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VMLAUNCH failed: VMfailValid(8: VM entry with invalid host-state field(s))",
};
