// SPDX-License-Identifier: GPL-2.0-only
/*
 * VM-exit dispatch. Handlers run inside the measurement window: they print nothing and
 * touch only the vcpu. Return EXIT_RESUME to re-enter L2, EXIT_DONE to end the scenario.
 * Exit qualifications: SDM vol. 3, "Exit Qualification for ..." tables.
 */
#include "l1/vmx/vmx_l1.h"
#include "l1/vmx/exit_emulate.h"
#include "l1/scenario.h"
#include "l1/qemu_migrate.h"

void vmx_skip_instruction(struct vcpu *v)
{
	(void)v;	/* RIP lives in the current VMCS */
	vmwrite(VMCS_GUEST_RIP, vmread(VMCS_GUEST_RIP) + vmread(VMCS_EXIT_INSTRUCTION_LEN));
}

/* SDM "Exit Qualification for I/O Instructions". */
#define IO_QUAL_SIZE(q)		(((q) & 7) + 1)
#define IO_QUAL_IN		BIT(3)
#define IO_QUAL_STRING		BIT(4)
#define IO_QUAL_PORT(q)		((u16)((q) >> 16))

static enum exit_action handle_io(struct vcpu *v)
{
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);

	return emulate_io(v, IO_QUAL_PORT(q), IO_QUAL_SIZE(q), q & IO_QUAL_IN, q & IO_QUAL_STRING);
}

#define EPT_QUAL_WRITE	BIT(1)	/* SDM "Exit Qualification for EPT Violations" */

static enum exit_action handle_hlt(struct vcpu *v)
{
	vmx_skip_instruction(v);
	return EXIT_RESUME;
}

static enum exit_action handle_exception(struct vcpu *v)
{
	u32 info = (u32)vmread(VMCS_EXIT_INTR_INFO);

	return vcpu_error(v, "L2 exception vector %u error %#llx at RIP %#llx", info & 0xff,
			  (unsigned long long)vmread(VMCS_EXIT_INTR_ERROR_CODE),
			  (unsigned long long)vmread(VMCS_GUEST_RIP));
}

static enum exit_action handle_ept_violation(struct vcpu *v)
{
	v->last_gpa = vmread(VMCS_GUEST_PHYSICAL_ADDRESS);
	v->last_qual = vmread(VMCS_EXIT_QUALIFICATION);
	v->last_write = v->last_qual & EPT_QUAL_WRITE;
	if (!ept_map_test_page(v->last_gpa))
		return vcpu_error(v, "EPT violation outside the test region: GPA %#llx qualification %#llx",
				  (unsigned long long)v->last_gpa, (unsigned long long)v->last_qual);
	return EXIT_RESUME;	/* fault-like: L2 retries the access */
}

static enum exit_action (*const exit_handlers[EXIT_REASON_COUNT])(struct vcpu *) = {
	[EXIT_EXCEPTION_NMI]		= handle_exception,
	[EXIT_CPUID]			= emulate_cpuid,
	[EXIT_HLT]			= handle_hlt,
	[EXIT_VMCALL]			= emulate_hypercall,
	[EXIT_VMREAD]			= vmx_handle_vmread,
	[EXIT_VMWRITE]			= vmx_handle_vmwrite,
	[EXIT_IO_INSTRUCTION]		= handle_io,
	[EXIT_MSR_READ]			= emulate_rdmsr,
	[EXIT_MSR_WRITE]		= emulate_wrmsr,
	[EXIT_TPR_BELOW_THRESHOLD]	= vmx_handle_tpr_below_threshold,
	[EXIT_APIC_ACCESS]		= vmx_handle_apic_access,
	[EXIT_EPT_VIOLATION]		= handle_ept_violation,
	[EXIT_APIC_WRITE]		= vmx_handle_apic_write,
};

static enum exit_action entry_failed(struct vcpu *v, u32 reason)
{
	static const char *const qual_names[] = {
		[0] = "default", [2] = "PDPTE loading", [3] = "NMI injection",
		[4] = "invalid VMCS link pointer",
	};
	u64 qual = vmread(VMCS_EXIT_QUALIFICATION);
	const char *q = qual < ARRAY_SIZE(qual_names) && qual_names[qual] ? qual_names[qual] : "";

	if ((reason & 0xffff) == EXIT_MSR_LOADING)
		return vcpu_error(v, "VM entry failed: MSR_LOADING at entry %llu", (unsigned long long)qual);
	return vcpu_error(v, "VM entry failed: %s, exit qualification %llu %s",
			  vmx_exit_reason_name(reason & 0xffff), (unsigned long long)qual, q);
}

enum exit_action vmx_handle_exit(struct vcpu *v)
{
	u32 reason = (u32)vmread(VMCS_EXIT_REASON);
	u16 basic = reason & 0xffff;

	if (!(reason & EXIT_REASON_FAILED_VMENTRY) && basic < EXIT_REASON_COUNT)
		vcpu_count_exit(v, basic);
	qemu_migrate_point(v->ctx);	/* qemu-kvm's --migrate: between L2's exit and the next entry */
	if (v->scn->on_exit) {
		enum exit_action a = v->scn->on_exit(v, reason);

		if (a != EXIT_DEFAULT)
			return a;
	}
	if (reason & EXIT_REASON_FAILED_VMENTRY)
		return entry_failed(v, reason);
	if (basic >= EXIT_REASON_COUNT || !exit_handlers[basic])
		return vcpu_error(v, "unexpected exit %s (%u), qualification %#llx, RIP %#llx",
				  vmx_exit_reason_name(basic), basic,
				  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION),
				  (unsigned long long)vmread(VMCS_GUEST_RIP));
	return exit_handlers[basic](v);
}
