// SPDX-License-Identifier: GPL-2.0-only
/*
 * Posted interrupts (SDM vol. 3, "Posted-Interrupt Processing"): L1 sets the vector in
 * the descriptor's PIR, sets ON and sends the notification vector to its own APIC. The
 * interrupt stays pending while L1 runs with interrupts off; once L2 runs, the CPU
 * recognizes the notification vector, moves PIR into the virtual IRR and delivers the
 * vector to L2 without a VM exit.
 */
#include "l1/vmx/vmx_l1.h"
#include "x86/apic.h"
#include "lib/string.h"

struct posted_intr_desc {
	u64 pir[4];		/* bits 255:0, one per vector */
	u64 control;		/* bit 0 (256) ON, bit 1 (257) SN, 23:16 NV, 63:32 NDST */
	u64 reserved[3];
} __attribute__((aligned(64)));
_Static_assert(sizeof(struct posted_intr_desc) == 64, "posted-interrupt descriptor is 64 bytes");

#define PID_ON			BIT(0)
#define APIC_DELIVERY_FIXED	0

static struct posted_intr_desc pid;

void posted_interrupt_setup(struct vcpu *v)
{
	memset(&pid, 0, sizeof(pid));
	pid.control = (u64)POSTED_INTR_NV << 16;
	v->ctl[CTL_PIN] |= PIN_POSTED_INTERRUPTS;
	v->ctl[CTL_EXIT] |= EXIT_ACK_INTERRUPT_ON_EXIT;	/* required with posted interrupts */
	/* L1's own APIC must be software-enabled to send itself the notification. */
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_SVR, APIC_SVR_ENABLE | 0xff);
	vmwrite(VMCS_POSTED_INTR_NV, POSTED_INTR_NV);
	vmwrite(VMCS_POSTED_INTR_DESC_ADDR, (u64)&pid);
}

void posted_interrupt_send(struct vcpu *v, u8 vector)
{
	(void)v;
	__atomic_or_fetch(&pid.pir[vector / 64], BIT(vector % 64), __ATOMIC_SEQ_CST);
	__atomic_or_fetch(&pid.control, PID_ON, __ATOMIC_SEQ_CST);
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_ICR_LO,
			APIC_ICR_SHORTHAND_SELF | APIC_DELIVERY_FIXED | POSTED_INTR_NV);
}
