// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/: what is VMX's own. The helpers that read VMX state for the family, and three
 * scenarios on state only VMX has:
 *   vmx-shadow-dirty     L2 VMWRITEs to the shadow VMCS (no exit, SDM "VMCS Shadowing"),
 *                        then asks for a migration, then VMREADs: the value must come
 *                        across (KVM carries the shadow vmcs12 in KVM_GET_NESTED_STATE).
 *   vmx-preemption-timer the VMX-preemption timer armed and far off (SDM "VMX-Preemption
 *                        Timer"): L2 migrates each iteration; the timer's deadline must
 *                        come across (api.rst: KVM_STATE_VMX_PREEMPTION_TIMER_DEADLINE) and
 *                        it must not fire.
 *   vmx-entry-failure    a VM entry that fails on guest state (SDM "Checks on Guest RIP and
 *                        RFLAGS": reserved bit 1 clear) loads the exit reason with bit 31
 *                        set (SDM "VM-Entry Failures During or After Loading Guest State");
 *                        L1 asks for a migration right then: the exit reason and
 *                        qualification must read the same afterwards.
 */
#include "l1/scenarios/vmm.h"
#include "l1/vmx/exit_emulate.h"
#include "l1/vmx/vmx_l1.h"
#include "x86/processor.h"

/* SDM "Information for VM Exits Due to Vectored Events": VM-exit interruption information. */
#define INTR_INFO_VECTOR(i)	((i) & 0xff)
#define INTR_INFO_ERROR_VALID	BIT(11)
#define INTR_INFO_VALID		BIT(31)
#define SHADOW_BASE		0x5000ULL
#define TIMER_FAR		0xffffffffULL	/* the largest 32-bit value: never reached here */
#define MSR_VMX_TRUE_PINBASED	0x48d		/* allowed-1 settings in bits 63:32 */

u64 vmm_vmx_control_block(void)
{
	u64 pa = 0;

	asm volatile("vmptrst %0" : "=m"(pa) : : "memory");
	return pa;
}

bool vmm_vmx_exception_exit(u64 code, struct vmm_exception *e)
{
	u32 info;

	if ((code & 0xffff) != EXIT_EXCEPTION_NMI || (code & EXIT_REASON_FAILED_VMENTRY))
		return false;
	info = (u32)vmread(VMCS_EXIT_INTR_INFO);
	if (!(info & INTR_INFO_VALID))
		return false;
	e->vector = INTR_INFO_VECTOR(info);
	e->has_error = info & INTR_INFO_ERROR_VALID;
	e->error = e->has_error ? (u32)vmread(VMCS_EXIT_INTR_ERROR_CODE) : 0;
	e->address = vmread(VMCS_EXIT_QUALIFICATION);
	e->rip = vmread(VMCS_GUEST_RIP);
	return true;
}

static void shadow_dirty_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, VMM_ALL_PIECES | L2_VMM_IN_GUEST_MODE);
	v->ctl[CTL_PROC2] |= PROC2_VMCS_SHADOWING;
	shadow_vmcs_write(v, EMULATED_FIELD, 0);
	v->ctx->arg[1] = EMULATED_FIELD;
	v->ctx->arg[2] = SHADOW_BASE;
}

static void shadow_dirty_check(struct vcpu *v)
{
	u64 got = shadow_vmcs_read(v, EMULATED_FIELD), want = SHADOW_BASE + v->ctx->warmup + v->ctx->iters - 1;

	vmm_check_requests(v, true);
	check(got == want, "the shadow VMCS holds L2's last VMWRITE after the migrations: %#llx (want %#llx)",
	      (unsigned long long)got, (unsigned long long)want);
}

const struct scenario scn_vmm_vmx_shadow_dirty = {
	.needs	= NEEDS(VMCS_SHADOWING),
	.setup	= shadow_dirty_setup,
	.l2	= l2_vmm_shadow_migrate,
	.check	= shadow_dirty_check,
	.max_iters = VMM_ITERS,
};

static void timer_setup(struct vcpu *v)
{
	if (!(rdmsr(MSR_VMX_TRUE_PINBASED) >> 32 & PIN_PREEMPTION_TIMER))
		scenario_skip("needs the VMX-preemption timer (IA32_VMX_TRUE_PINBASED_CTLS bit 38)");
	vmm_setup(v, VMM_ACT_MIGRATE, 0, VMM_ALL_PIECES | L2_VMM_CPUID_AFTER | L2_VMM_IN_GUEST_MODE);
	v->ctl[CTL_PIN] |= PIN_PREEMPTION_TIMER;
	vmwrite(VMCS_PREEMPTION_TIMER_VALUE, TIMER_FAR);
}

static void timer_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(vmm_req.before.vmx_flags & VMM_NESTED_VMX_PREEMPTION_TIMER,
	      "KVM_GET_NESTED_STATE carries the preemption timer's deadline (vmx flags %#x)",
	      vmm_req.before.vmx_flags);
	check(vmm_req.after.preemption_deadline == vmm_req.before.preemption_deadline,
	      "the deadline came across: %#llx (want %#llx)", (unsigned long long)vmm_req.after.preemption_deadline,
	      (unsigned long long)vmm_req.before.preemption_deadline);
}

const struct scenario scn_vmm_vmx_preemption_timer = {
	.needs	= NEEDS(VMX),
	.setup	= timer_setup,
	.l2	= l2_vmm_ask,
	.expect	= { { XK_CPUID, 1 } },
	.check	= timer_check,
	.max_iters = VMM_ITERS,
};

static void entry_failure_setup(struct vcpu *v)
{
	vmm_setup(v, 0, 0, 0);
	vmwrite(VMCS_GUEST_RFLAGS, 0);	/* Expect: VM entry fails, INVALID_GUEST_STATE */
}

/* Migrates, then leaves the failure to the back end, which reads it from the VMCS again. */
static enum exit_action entry_failure_exit(struct vcpu *v, u64 code)
{
	u64 reason, qual;

	if (!(code & EXIT_REASON_FAILED_VMENTRY))
		return EXIT_DEFAULT;
	if (!vmm_l1_ask(v, VMM_ACT_MIGRATE))
		return vcpu_error(v, "the migration after the failed VM entry failed: %#llx",
				  (unsigned long long)v->scn_state[3]);
	reason = vmread(VMCS_EXIT_REASON);
	qual = vmread(VMCS_EXIT_QUALIFICATION);
	if (reason != code)
		return vcpu_error(v, "exit reason after the migration %#llx (before %#llx)",
				  (unsigned long long)reason, (unsigned long long)code);
	(void)qual;
	return EXIT_DEFAULT;
}

const struct scenario scn_vmm_vmx_entry_failure = {
	.needs		= NEEDS(VMX),
	.setup		= entry_failure_setup,
	.l2		= l2_cpuid,
	.on_exit	= entry_failure_exit,
	.expect_error	= "VM entry failed: INVALID_GUEST_STATE, exit qualification 0",
};
