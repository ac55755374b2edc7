// SPDX-License-Identifier: GPL-2.0-only
#include "l1/vmx/caps.h"
#include "l1/console.h"
#include "x86/processor.h"
#include "lib/scenario_records.h"
#include "lib/printf.h"
#include "lib/record.h"
#include "lib/report.h"
#include "lib/string.h"

struct vmx_caps vmx_caps;

static void cap_read(enum vmx_cap_msr c)
{
	vmx_caps.msr[c] = rdmsr(vmx_cap_msrs[c].index);
	vmx_caps.present[c] = true;
}

static void ctl_from(enum vmx_ctl_word w, enum vmx_cap_msr c)
{
	vmx_caps.allowed0[w] = (u32)vmx_caps.msr[c];
	vmx_caps.allowed1[w] = (u32)(vmx_caps.msr[c] >> 32);
}

void vmx_caps_read(void)
{
	bool true_ctls;

	for (int c = CAP_IA32_VMX_BASIC; c <= CAP_IA32_VMX_VMCS_ENUM; c++)
		cap_read(c);
	true_ctls = vmx_caps.msr[CAP_IA32_VMX_BASIC] & VMX_BASIC_TRUE_CTLS;
	if (true_ctls)
		for (int c = CAP_IA32_VMX_TRUE_PINBASED_CTLS; c <= CAP_IA32_VMX_TRUE_ENTRY_CTLS; c++)
			cap_read(c);
	ctl_from(CTL_PIN, true_ctls ? CAP_IA32_VMX_TRUE_PINBASED_CTLS : CAP_IA32_VMX_PINBASED_CTLS);
	ctl_from(CTL_PROC, true_ctls ? CAP_IA32_VMX_TRUE_PROCBASED_CTLS : CAP_IA32_VMX_PROCBASED_CTLS);
	ctl_from(CTL_EXIT, true_ctls ? CAP_IA32_VMX_TRUE_EXIT_CTLS : CAP_IA32_VMX_EXIT_CTLS);
	ctl_from(CTL_ENTRY, true_ctls ? CAP_IA32_VMX_TRUE_ENTRY_CTLS : CAP_IA32_VMX_ENTRY_CTLS);
	if (vmx_caps.allowed1[CTL_PROC] & PROC_SECONDARY_CONTROLS) {
		cap_read(CAP_IA32_VMX_PROCBASED_CTLS2);
		ctl_from(CTL_PROC2, CAP_IA32_VMX_PROCBASED_CTLS2);
	}
	if (vmx_caps.allowed1[CTL_PROC2] & (PROC2_EPT | PROC2_VPID))
		cap_read(CAP_IA32_VMX_EPT_VPID_CAP);
	if (vmx_caps.allowed1[CTL_PROC2] & PROC2_VMFUNC)
		cap_read(CAP_IA32_VMX_VMFUNC);
}

bool vmx_has(int feature)
{
	const struct vmx_feature_info *fi = &vmx_features[feature];

	return vmx_caps.allowed1[fi->word] & (1u << fi->bit);
}

u32 vmx_caps_adjust(enum vmx_ctl_word w, u32 want, u32 *out)
{
	*out = (want | vmx_caps.allowed0[w]) & vmx_caps.allowed1[w];
	return want & ~vmx_caps.allowed1[w];
}

void vmx_caps_report(void)
{
	u64 ept = vmx_caps.msr[CAP_IA32_VMX_EPT_VPID_CAP];
	char where[48];
	struct record r;

	for (int c = 0; c < CAP_COUNT; c++) {
		if (!vmx_caps.present[c])
			continue;
		record_begin(&r, "msr");
		record_str(&r, "name", vmx_cap_msrs[c].name);
		record_hex(&r, "index", vmx_cap_msrs[c].index);
		record_hex(&r, "value", vmx_caps.msr[c]);
		record_emit(&r);
		console_printf("INFO: vmx: %-30s %#05x = %#018llx\n", vmx_cap_msrs[c].name,
			       vmx_cap_msrs[c].index, (unsigned long long)vmx_caps.msr[c]);
	}
	for (int f = 0; f < FEAT_COUNT; f++) {
		const struct vmx_feature_info *fi = &vmx_features[f];
		bool on = vmx_has(f);

		nl_snprintf(where, sizeof(where), "%s bit %u", vmx_ctl_word_name(fi->word), fi->bit);
		/* Exit and entry controls share names (LOAD_EFER): keep the records apart. */
		record_feature(fi->word == CTL_EXIT ? "exit_" : fi->word == CTL_ENTRY ? "entry_" : "", fi->name, on,
			       where);
		console_printf("INFO: vmx: feature %-32s %-3s (%s)\n", fi->desc, on ? "yes" : "no", where);
	}
	record_feature("", "ept_wb_4level", (ept & EPT_CAP_WB) && (ept & EPT_CAP_WALK_4), "IA32_VMX_EPT_VPID_CAP bits 6, 14");
	record_feature("", "ept_2m_pages", ept & EPT_CAP_2M_PAGES, "IA32_VMX_EPT_VPID_CAP bit 16");
	record_feature("", "invept_all", (ept & EPT_CAP_INVEPT) && (ept & EPT_CAP_INVEPT_ALL), "IA32_VMX_EPT_VPID_CAP bits 20, 26");
	record_feature("", "invvpid_all", (ept & VPID_CAP_INVVPID) && (ept & VPID_CAP_INVVPID_ALL), "IA32_VMX_EPT_VPID_CAP bits 32, 42");
}

#define ALWAYS	HV_CAP_ALWAYS
#define NEVER	HV_CAP_OTHER_ARCH

/* The control bit that provides each capability. */
const s8 vmx_cap_feature[HV_CAP_COUNT] = {
	[CAP_HLT_EXITING]		= FEAT_PROC_HLT_EXITING,
	[CAP_IO_BITMAPS]		= FEAT_PROC_IO_BITMAPS,
	[CAP_MSR_BITMAPS]		= FEAT_PROC_MSR_BITMAPS,
	[CAP_NESTED_PAGING]		= FEAT_PROC2_EPT,
	[CAP_VMX]			= ALWAYS,
	[CAP_SVM]			= NEVER,
	[CAP_VMCS_SHADOWING]		= FEAT_PROC2_VMCS_SHADOWING,
	[CAP_TPR_SHADOW]		= FEAT_PROC_TPR_SHADOW,
	[CAP_APIC_ACCESSES]		= FEAT_PROC2_VIRTUALIZE_APIC_ACCESSES,
	[CAP_APIC_REGISTERS]		= FEAT_PROC2_APIC_REGISTER_VIRTUALIZATION,
	[CAP_VIRTUAL_INTERRUPTS]	= FEAT_PROC2_VIRTUAL_INTERRUPT_DELIVERY,
	[CAP_X2APIC_VIRT]		= FEAT_PROC2_VIRTUALIZE_X2APIC_MODE,
	[CAP_EXTERNAL_INTERRUPT_EXITS]	= FEAT_PIN_EXTERNAL_INTERRUPT_EXITING,
	[CAP_POSTED_INTERRUPTS]		= FEAT_PIN_POSTED_INTERRUPTS,
	[CAP_ACK_INTERRUPT_ON_EXIT]	= FEAT_EXIT_ACK_INTERRUPT_ON_EXIT,
	[CAP_NRIP_SAVE]			= NEVER,
	[CAP_VGIF]			= NEVER,
	[CAP_VIRTUAL_VMLOAD]		= NEVER,
	[CAP_AVIC]			= NEVER,
};

void vmx_describe(int f, char *buf, size_t size)
{
	nl_snprintf(buf, size, "%s (%s bit %u)", vmx_features[f].desc, vmx_ctl_word_name(vmx_features[f].word),
		    vmx_features[f].bit);
}
