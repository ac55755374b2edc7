// SPDX-License-Identifier: GPL-2.0-only
/* The VMX back end of L1 (l1/hv.h): what the scenarios need, mapped onto VMX. */
#include "l1/hv.h"
#include "l1/vcpu.h"
#include "l1/vmx/caps.h"
#include "l1/vmx/vmx_l1.h"
#include "x86/processor.h"

__attribute__((noreturn)) void vmx_fatal(const char *insn, u32 field, u64 value, int outcome)
{
	char buf[96];

	scenario_fatal("%s %s=%#llx: %s", insn, field ? vmcs_field_name(field) : "-",
		       (unsigned long long)value, vmx_outcome_name(outcome, buf, sizeof(buf)));
}

/* Basic exit reason + 1 of each exit kind; 0: VMX has no such exit. */
static const u8 kind_reason[XK_COUNT] = {
	[XK_CPUID] = EXIT_CPUID + 1, [XK_HYPERCALL] = EXIT_VMCALL + 1, [XK_HLT] = EXIT_HLT + 1,
	[XK_IO] = EXIT_IO_INSTRUCTION + 1, [XK_MSR_READ] = EXIT_MSR_READ + 1,
	[XK_MSR_WRITE] = EXIT_MSR_WRITE + 1, [XK_NESTED_PF] = EXIT_EPT_VIOLATION + 1,
	[XK_VMREAD] = EXIT_VMREAD + 1, [XK_VMWRITE] = EXIT_VMWRITE + 1,
	[XK_TPR_BELOW_THRESHOLD] = EXIT_TPR_BELOW_THRESHOLD + 1,
	[XK_APIC_ACCESS] = EXIT_APIC_ACCESS + 1, [XK_APIC_WRITE] = EXIT_APIC_WRITE + 1,
};

static int vmx_exit_slot(enum exit_kind k)
{
	return k < XK_COUNT ? (int)kind_reason[k] - 1 : -1;
}

static int vmx_native_slot(u32 code)
{
	return code < EXIT_REASON_COUNT ? (int)code : -1;
}

static const char *vmx_slot_name(u32 slot)
{
	return vmx_exit_reason_name(slot);
}

static enum exit_action vmx_run_once(struct vcpu *v)
{
	char buf[96];
	int r = vmx_enter(v);

	if (r) {
		int outcome = r == 1 ? VMFAIL_INVALID : vmx_read_insn_error();

		return vcpu_error(v, "%s failed: %s", v->launched ? "VMRESUME" : "VMLAUNCH",
				  vmx_outcome_name(outcome, buf, sizeof(buf)));
	}
	v->launched = 1;
	return vmx_handle_exit(v);
}

static void vmx_dump(struct vcpu *v)
{
	if (v->launched == 0)
		vmcs_dump();
}

static void vmx_intercept_hlt(struct vcpu *v)
{
	v->ctl[CTL_PROC] |= PROC_HLT_EXITING;
}

static void vmx_exception_intercepts(struct vcpu *v, u32 vectors)
{
	(void)v;
	vmwrite(VMCS_EXCEPTION_BITMAP, vectors);
}

static u64 vmx_guest_msr(struct vcpu *v, u32 msr)
{
	(void)v;
	switch (msr) {
	case MSR_IA32_SYSENTER_CS:
		return vmread(VMCS_GUEST_SYSENTER_CS);
	case MSR_IA32_SYSENTER_ESP:
		return vmread(VMCS_GUEST_SYSENTER_ESP);
	case MSR_IA32_SYSENTER_EIP:
		return vmread(VMCS_GUEST_SYSENTER_EIP);
	}
	return ~0ULL;
}

static u64 vmx_guest_cr3(struct vcpu *v)
{
	(void)v;
	return vmread(VMCS_GUEST_CR3);
}

const struct hv_ops vmx_ops = {
	.name			= "vmx",
	.on			= vmx_on,
	.caps_report		= vmx_caps_report,
	.cap_source		= vmx_cap_feature,
	.has			= vmx_has,
	.describe		= vmx_describe,
	.arch			= "VMX",
	.other_arch		= "AMD SVM",
	.exit_slot		= vmx_exit_slot,
	.native_slot		= vmx_native_slot,
	.slot_name		= vmx_slot_name,
	.load_fresh		= vmcs_load_fresh,
	.setup_defaults		= vmcs_setup_defaults,
	.commit			= vmcs_commit_controls,
	.set_entry		= vmcs_set_l2_entry,
	.run_once		= vmx_run_once,
	.dump			= vmx_dump,
	.intercept_hlt		= vmx_intercept_hlt,
	.io_pass		= io_bitmap_pass,
	.msr_pass		= msr_bitmap_pass,
	.exception_intercepts	= vmx_exception_intercepts,
	.guest_msr		= vmx_guest_msr,
	.guest_cr3		= vmx_guest_cr3,
	.skip_instruction	= vmx_skip_instruction,
	.post_interrupt		= posted_interrupt_send,
};
