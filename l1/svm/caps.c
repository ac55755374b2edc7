// SPDX-License-Identifier: GPL-2.0-only
/* SVM features from CPUID Fn8000_000A, and what the scenarios need mapped onto them. */
#include "l1/svm/svm_l1.h"
#include "l1/console.h"
#include "x86/processor.h"
#include "lib/printf.h"
#include "lib/record.h"
#include "lib/scenario_records.h"

struct svm_caps svm_caps;

static const struct { const char *name, *desc; u8 bit; } features[] = {
#define X(name, bit, desc) { #name, desc, bit },
	SVM_CPUID_FEATURES(X)
#undef X
};

void svm_caps_read(void)
{
	struct cpuid_regs r = cpuid(CPUID_SVM_FEATURES);

	svm_caps.revision = r.eax & 0xff;
	svm_caps.asids = r.ebx;
	svm_caps.features = r.edx;
}

bool svm_has(int feature)
{
	return svm_caps.features & (1u << feature);
}

void svm_caps_report(void)
{
	struct record r;
	char where[40];

	record_begin(&r, "svm");
	record_u64(&r, "revision", svm_caps.revision);
	record_u64(&r, "asids", svm_caps.asids);
	record_hex(&r, "features", svm_caps.features);
	record_emit(&r);
	console_printf("INFO: svm: revision %u, %u ASIDs, CPUID Fn8000_000A_EDX = %#010x\n",
		       svm_caps.revision, svm_caps.asids, svm_caps.features);
	for (size_t i = 0; i < ARRAY_SIZE(features); i++) {
		bool on = svm_has(features[i].bit);

		nl_snprintf(where, sizeof(where), "CPUID Fn8000_000A_EDX[%u]", features[i].bit);
		record_feature("", features[i].name, on, where);
		console_printf("INFO: svm: feature %-24s %-3s (%s)\n", features[i].desc, on ? "yes" : "no", where);
	}
}

#define ALWAYS	HV_CAP_ALWAYS
#define NEVER	HV_CAP_OTHER_ARCH

const s8 svm_cap_feature[HV_CAP_COUNT] = {
	[CAP_HLT_EXITING]		= ALWAYS,
	[CAP_IO_BITMAPS]		= ALWAYS,
	[CAP_MSR_BITMAPS]		= ALWAYS,
	[CAP_NESTED_PAGING]		= SVM_FEAT_NP,
	[CAP_VMX]			= NEVER,
	[CAP_SVM]			= ALWAYS,
	[CAP_VMCS_SHADOWING]		= NEVER,
	[CAP_TPR_SHADOW]		= NEVER,
	[CAP_APIC_ACCESSES]		= NEVER,
	[CAP_APIC_REGISTERS]		= NEVER,
	[CAP_VIRTUAL_INTERRUPTS]	= NEVER,
	[CAP_X2APIC_VIRT]		= NEVER,
	[CAP_EXTERNAL_INTERRUPT_EXITS]	= NEVER,
	[CAP_POSTED_INTERRUPTS]		= NEVER,
	[CAP_ACK_INTERRUPT_ON_EXIT]	= NEVER,
	[CAP_NRIP_SAVE]			= SVM_FEAT_NRIPS,
	[CAP_VGIF]			= SVM_FEAT_VGIF,
	[CAP_VIRTUAL_VMLOAD]		= SVM_FEAT_V_VMSAVE_VMLOAD,
	[CAP_AVIC]			= SVM_FEAT_AVIC,
};

void svm_describe(int f, char *buf, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(features); i++)
		if (features[i].bit == f)
			nl_snprintf(buf, size, "%s (CPUID Fn8000_000A_EDX[%d])", features[i].desc, f);
}
