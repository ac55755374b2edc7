// SPDX-License-Identifier: GPL-2.0-only
#include <unistd.h>

#include "l0/kvm/exit_codes.h"
#include "x86/svm_exit_codes.h"
#include "x86/vmx.h"

_Static_assert(SVM_SLOT_COUNT <= TRACE_REASONS, "SVM exit slots fit the counters");

enum exit_isa exit_isa_host(void)
{
	return access("/sys/module/kvm_amd", F_OK) ? EXIT_ISA_VMX : EXIT_ISA_SVM;
}

int exit_slot(enum exit_isa isa, uint64_t code)
{
	if (isa == EXIT_ISA_SVM)
		return svm_exit_slot((uint32_t)code);	/* KVM traces the code's low 32 bits */
	return (code & 0xffff) < TRACE_REASONS ? (int)(code & 0xffff) : -1;
}

const char *exit_slot_name(enum exit_isa isa, int slot)
{
	if (slot < 0 || slot >= TRACE_REASONS)
		return "<unknown>";
	if (isa == EXIT_ISA_SVM)
		return svm_exit_name(svm_slot_code((uint32_t)slot));
	return vmx_exit_reason_name((uint32_t)slot);
}
