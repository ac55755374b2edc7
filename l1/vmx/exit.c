// SPDX-License-Identifier: GPL-2.0-only
/*
 * VM-exit dispatch. Handlers run inside the measurement window: they print nothing and
 * touch only the vcpu. Return EXIT_RESUME to re-enter L2, EXIT_DONE to end the scenario.
 * Exit qualifications: SDM vol. 3, "Exit Qualification for ..." tables.
 */
#include "l1/vmx/vmx_l1.h"
#include "l1/vmx/exit_emulate.h"
#include "x86/io.h"
#include "x86/ports.h"
#include "x86/processor.h"
#include "lib/printf.h"

enum exit_action vcpu_error(struct vcpu *v, const char *fmt, ...)
{
	va_list ap;

	if (!v->error[0]) {
		va_start(ap, fmt);
		nl_vsnprintf(v->error, sizeof(v->error), fmt, ap);
		va_end(ap);
	}
	v->done = true;
	return EXIT_DONE;
}

void vcpu_skip_instruction(struct vcpu *v)
{
	(void)v;	/* RIP lives in the current VMCS */
	vmwrite(VMCS_GUEST_RIP, vmread(VMCS_GUEST_RIP) + vmread(VMCS_EXIT_INSTRUCTION_LEN));
}

static enum exit_action handle_cpuid(struct vcpu *v)
{
	struct cpuid_regs r = cpuid_count((u32)v->gpr[RAX], (u32)v->gpr[RCX]);

	v->gpr[RAX] = r.eax;
	v->gpr[RBX] = r.ebx;
	v->gpr[RCX] = r.ecx;
	v->gpr[RDX] = r.edx;
	vcpu_skip_instruction(v);
	return EXIT_RESUME;
}

static enum exit_action handle_vmcall(struct vcpu *v)
{
	vcpu_skip_instruction(v);
	switch (v->gpr[RAX]) {
	case HC_NOP:
		return EXIT_RESUME;
	case HC_WINDOW_OPEN:
		for (int i = 0; i < EXIT_REASON_COUNT; i++)
			v->exits[i] = 0;
		outl(NESTLAB_CTL_PORT, NESTLAB_CTL_OPEN);	/* an L0 reads its counters now */
		v->window_open = true;
		return EXIT_RESUME;
	case HC_WINDOW_CLOSE:
		outl(NESTLAB_CTL_PORT, NESTLAB_CTL_CLOSE);
		v->window_open = false;
		v->exits[EXIT_VMCALL]--;	/* counted on the way in; not part of the workload */
		return EXIT_RESUME;
	case HC_DONE:
		v->done = true;
		return EXIT_DONE;
	case HC_CHECK_CR3:
		v->cr3_mismatches += vmread(VMCS_GUEST_CR3) != v->ctx->result[2];
		return EXIT_RESUME;
	case HC_POST:
		posted_interrupt_send(v, (u8)v->gpr[RBX]);
		return EXIT_RESUME;
	case HC_FAIL:
		return vcpu_error(v, "L2 check %llu failed: saw %#llx",
				  (unsigned long long)v->gpr[RBX], (unsigned long long)v->gpr[RCX]);
	}
	return vcpu_error(v, "unknown hypercall %#llx", (unsigned long long)v->gpr[RAX]);
}

static enum exit_action handle_hlt(struct vcpu *v)
{
	vcpu_skip_instruction(v);
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
	if (!ept_map_test_page(v->last_gpa))
		return vcpu_error(v, "EPT violation outside the test region: GPA %#llx qualification %#llx",
				  (unsigned long long)v->last_gpa, (unsigned long long)v->last_qual);
	return EXIT_RESUME;	/* fault-like: L2 retries the access */
}

static enum exit_action (*const exit_handlers[EXIT_REASON_COUNT])(struct vcpu *) = {
	[EXIT_EXCEPTION_NMI]		= handle_exception,
	[EXIT_CPUID]			= handle_cpuid,
	[EXIT_HLT]			= handle_hlt,
	[EXIT_VMCALL]			= handle_vmcall,
	[EXIT_VMREAD]			= handle_vmread,
	[EXIT_VMWRITE]			= handle_vmwrite,
	[EXIT_IO_INSTRUCTION]		= handle_io,
	[EXIT_MSR_READ]			= handle_rdmsr,
	[EXIT_MSR_WRITE]		= handle_wrmsr,
	[EXIT_TPR_BELOW_THRESHOLD]	= handle_tpr_below_threshold,
	[EXIT_APIC_ACCESS]		= handle_apic_access,
	[EXIT_EPT_VIOLATION]		= handle_ept_violation,
	[EXIT_APIC_WRITE]		= handle_apic_write,
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

	if (reason & EXIT_REASON_FAILED_VMENTRY)
		return entry_failed(v, reason);
	if (basic < EXIT_REASON_COUNT && v->window_open)
		v->exits[basic]++;	/* counts are the product: count before acting */
	if (basic >= EXIT_REASON_COUNT || !exit_handlers[basic])
		return vcpu_error(v, "unexpected exit %s (%u), qualification %#llx, RIP %#llx",
				  vmx_exit_reason_name(basic), basic,
				  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION),
				  (unsigned long long)vmread(VMCS_GUEST_RIP));
	return exit_handlers[basic](v);
}
