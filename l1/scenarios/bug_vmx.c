// SPDX-License-Identifier: GPL-2.0-only
/*
 * bug/: reproducers of nested-VMX fixes of KVM (issue 15); see l1/scenarios/bug_svm.c and
 * docs/bug-catalogue.md. Intel SDM vol. 3C, "Checks on Guest Control Registers, Debug
 * Registers, and MSRs": a VM entry with such guest state fails with exit reason 33
 * (invalid guest state) and bit 31 set.
 */
#include "l1/scenario.h"
#include "x86/processor.h"

#define DEBUGCTL_RESERVED_63	BIT(63)	/* IA32_DEBUGCTL bits 63:16 are reserved */
#define CR4_PAE			BIT(5)

/*
 * "If the 'load debug controls' VM-entry control is 1, bits reserved in the IA32_DEBUGCTL
 * MSR must be 0 in the field for that register": "KVM: nVMX: Check
 * vmcs12->guest_ia32_debugctl on nested VM-Enter" (before it KVM loaded the value).
 */
static void debugctl_setup(struct vcpu *v)
{
	v->ctl[CTL_ENTRY] |= ENTRY_LOAD_DEBUG_CONTROLS;
	vmwrite(VMCS_GUEST_IA32_DEBUGCTL, DEBUGCTL_RESERVED_63);
}

const struct scenario scn_bug_nvmx_debugctl_rsvd = {
	.needs		= NEEDS(VMX),
	.setup		= debugctl_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VM entry failed: INVALID_GUEST_STATE",
};

/*
 * unsafe/ (opt-in): "If the 'IA-32e mode guest' VM-entry control is 1, bit 31 in the CR0
 * field (CR0.PG) and bit 5 in the CR4 field (CR4.PAE) must each be 1." CVE-2023-30456,
 * "KVM: nVMX: add missing consistency checks for CR0 and CR4": before it KVM entered L2
 * in long mode without PAE, and with ept=0 its shadow MMU walked out of bounds (host).
 */
static void ia32e_pae_setup(struct vcpu *v)
{
	(void)v;
	vmwrite(VMCS_GUEST_CR4, read_cr4() & ~CR4_PAE);
}

const struct scenario scn_unsafe_nvmx_ia32e_no_pae = {
	.needs		= NEEDS(VMX),
	.setup		= ia32e_pae_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VM entry failed: INVALID_GUEST_STATE",
};
