/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmm/ [G]: NMIs and interrupts the VMM queues while L1 intercepts them, and L2 halted
 * while the VMM migrates it (vmm_irq_vmx.c, vmm_irq_svm.c, vmm_irq.c). What they share.
 */
#ifndef L1_SCENARIOS_VMM_IRQ_H
#define L1_SCENARIOS_VMM_IRQ_H

#include "l1/scenarios/vmm.h"

#define VMM_IRQ_VECTOR	0x5b		/* the fixed interrupt the VMM sends L1's APIC 0 */
#define VMM_HALT_US	20000		/* DELAYED: how long L2 sits halted before the VMM acts */

/* v->scn_state beyond vmm.h's [0..3]: exits as the manual says, the others, the last
 * other's what-broke bits, L1's own takes of the held event, NMI (not an interrupt). */
enum { VMM_ST_OK = 4, VMM_ST_BAD, VMM_ST_LAST, VMM_ST_TAKEN, VMM_ST_NMI };
/* VMM_ST_LAST bits */
#define VMM_BAD_INFO	BIT(0)		/* interruption information / exit code */
#define VMM_BAD_RIP	BIT(1)		/* L2's RIP saved by the exit */
#define VMM_BAD_ACTIVITY BIT(2)		/* VMX activity state (halted L2) */
#define VMM_BAD_HALTED	BIT(3)		/* the VMM did not see L2 halted in guest mode */
#define VMM_BAD_PENDING	BIT(4)		/* the queued NMI did not read back pending */

/* L1 fills the request (action, arg0..2) and L2's mode (L2_VMM2_*). */
void vmm_irq_setup(struct vcpu *v, u32 action, u64 a0, u64 a1, u64 a2, u32 mode);
/* The xAPIC L1 EOIs through, software-enabled: a fixed interrupt needs it (SDM "Local APIC
 * State After It Has Been Software Disabled"). SKIP in x2APIC mode. */
void vmm_irq_apic_on(void);
void vmm_irq_eoi(void);
/* One exit: what broke (VMM_BAD_*), 0 when it is as the manual says; counts it. */
void vmm_irq_count(struct vcpu *v, u32 bad);
/* What broke about the request itself at this exit: halted L2 seen, NMI pending. */
u32 vmm_irq_request_bad(struct vcpu *v);
void vmm_irq_check(struct vcpu *v);

#endif
