// SPDX-License-Identifier: GPL-2.0-only
/* Entering VMX operation: SDM vol. 3, "Enabling and Entering VMX Operation". */
#include "l1/vmx/vmx_l1.h"
#include "l1/vmx/caps.h"
#include "x86/processor.h"
#include "lib/printf.h"
#include "lib/string.h"

static u8 vmxon_region[4096] __attribute__((aligned(4096)));

u32 vmx_vmcs_revision_id(void)
{
	return (u32)vmx_caps.msr[CAP_IA32_VMX_BASIC] & 0x7fffffff;	/* bits 30:0 */
}

int vmx_on(char *why, size_t size)
{
	u64 fc, cr0, cr4;
	int r;
	char buf[96];

	if (!(cpuid(1).ecx & CPUID_1_ECX_VMX)) {
		nl_snprintf(why, size, "CPUID.1:ECX.VMX[bit 5] is 0: this CPU has no VMX");
		return -1;
	}
	fc = rdmsr(MSR_IA32_FEATURE_CONTROL);
	if (!(fc & FEATURE_CONTROL_LOCKED)) {
		fc |= FEATURE_CONTROL_LOCKED | FEATURE_CONTROL_VMX_OUTSIDE_SMX;
		wrmsr(MSR_IA32_FEATURE_CONTROL, fc);
	} else if (!(fc & FEATURE_CONTROL_VMX_OUTSIDE_SMX)) {
		nl_snprintf(why, size, "IA32_FEATURE_CONTROL is locked with VMX outside SMX off (firmware)");
		return -1;
	}
	vmx_caps_read();
	/* CR0/CR4 bits fixed in VMX operation: SDM "VMX-Fixed Bits in CR0/CR4". */
	cr0 = (read_cr0() | vmx_caps.msr[CAP_IA32_VMX_CR0_FIXED0]) & vmx_caps.msr[CAP_IA32_VMX_CR0_FIXED1];
	cr4 = (read_cr4() | CR4_VMXE | vmx_caps.msr[CAP_IA32_VMX_CR4_FIXED0]) &
	      vmx_caps.msr[CAP_IA32_VMX_CR4_FIXED1];
	write_cr0(cr0);
	write_cr4(cr4);
	memset(vmxon_region, 0, sizeof(vmxon_region));
	*(u32 *)vmxon_region = vmx_vmcs_revision_id();
	r = __vmxon((u64)vmxon_region);
	if (r != VMX_OK) {
		nl_snprintf(why, size, "VMXON failed: %s", vmx_outcome_name(r, buf, sizeof(buf)));
		return -1;
	}
	return 0;
}
