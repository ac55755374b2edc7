// SPDX-License-Identifier: GPL-2.0-only
/*
 * L1-level round trips: L1 itself runs the instruction and times it, no L2. On an
 * emulator L1 is on bare metal and nothing exits; under KVM each one is an L1->L0
 * exit (CPUID always; VMREAD unless the L0 shadows the field, SDM "VMCS Shadowing"),
 * which the L0 back end counts.
 */
#include "l1/scenario.h"
#include "x86/processor.h"

static void op_cpuid(u32 i)
{
	(void)i;
	(void)cpuid(0);
}

const struct scenario scn_l1_cpuid = {
	.l1_op	= op_cpuid,
};

/* KVM shadows GUEST_RIP for its L1 when enable_shadow_vmcs=1. */
static void op_vmread(u32 i)
{
	(void)i;
	(void)vmread(VMCS_GUEST_RIP);
}

const struct scenario scn_l1_vmread = {
	.needs	= NEEDS(VMX),
	.l1_op	= op_vmread,
};
