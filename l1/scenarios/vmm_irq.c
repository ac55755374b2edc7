// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/ [G]: what the NMI, interrupt and halt scenarios of both architectures share.
 * The VMM's side (api.rst): KVM_NMI and KVM_SIGNAL_MSI queue the event on the vCPU, which
 * is in guest mode (L2); L1 intercepts it, so KVM must synthesize the nested exit L1 asked
 * for, as the CPU would for a physical NMI or interrupt. With DELAYED the VMM migrates
 * between queueing and delivery (the event must come across: KVM_GET_VCPU_EVENTS
 * nmi.pending, the LAPIC's IRR), or while L2 sits halted (KVM_GET_MP_STATE
 * KVM_MP_STATE_HALTED, in guest mode), and queues the wake-up after.
 */
#include "l1/scenarios/vmm_irq.h"
#include "x86/apic.h"
#include "x86/processor.h"

void vmm_irq_setup(struct vcpu *v, u32 action, u64 a0, u64 a1, u64 a2, u32 mode)
{
	vmm_setup(v, action, 0, mode);
	vmm_req.action = action;
	vmm_req.arg[0] = a0;
	vmm_req.arg[1] = a1;
	vmm_req.arg[2] = a2;
}

void vmm_irq_apic_on(void)
{
	if (rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_X2APIC_ENABLE)
		scenario_skip("needs the local APIC in xAPIC mode (IA32_APIC_BASE bit 10 clear)");
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_SVR, APIC_SVR_ENABLE | 0xff);
}

void vmm_irq_eoi(void)
{
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_EOI, 0);
}

void vmm_irq_count(struct vcpu *v, u32 bad)
{
	if (!bad) {
		v->scn_state[VMM_ST_OK]++;
		return;
	}
	v->scn_state[VMM_ST_BAD]++;
	v->scn_state[VMM_ST_LAST] = bad;
}

u32 vmm_irq_request_bad(struct vcpu *v)
{
	const struct vmm_actor_view *b = &vmm_req.before, *a = &vmm_req.after;
	u32 bad = 0;

	if (v->ctx->arg[3] == L2_VMM2_HALT &&
	    (b->mp_state != VMM_MP_HALTED || !(b->nested_flags & VMM_NESTED_GUEST_MODE)))
		bad |= VMM_BAD_HALTED;
	/* An NMI queued before the migration reads back pending on the new vCPU. */
	if (vmm_req.action == VMM_ACT_DELAYED && (vmm_req.arg[1] & VMM_DLY_NMI) &&
	    (vmm_req.arg[2] & VMM_DLY_QUEUE_FIRST) && !a->nmi_pending)
		bad |= VMM_BAD_PENDING;
	return bad;
}

void vmm_irq_check(struct vcpu *v)
{
	u32 asked = v->ctx->warmup + v->ctx->iters;

	vmm_check_requests(v, true);
	check(!v->scn_state[VMM_ST_BAD] && v->scn_state[VMM_ST_OK] == asked,
	      "one exit as the manual says per request: %llu right, %llu not (want %u, 0; last: bit 0 "
	      "information, 1 RIP, 2 activity state, 3 L2 not seen halted, 4 NMI not pending: %#llx); "
	      "mp_state %u, nested flags %#x",
	      (unsigned long long)v->scn_state[VMM_ST_OK], (unsigned long long)v->scn_state[VMM_ST_BAD], asked,
	      (unsigned long long)v->scn_state[VMM_ST_LAST], vmm_req.before.mp_state, vmm_req.before.nested_flags);
}
