// SPDX-License-Identifier: GPL-2.0-only
/* Which back end L1 runs on: VMX on a CPU that has it, else SVM, else none. */
#include "l1/hv.h"
#include "x86/processor.h"
#include "x86/svm.h"

const struct hv_ops *hv;

const char *const hv_cap_desc[HV_CAP_COUNT] = {
#define X(name, desc) [CAP_##name] = desc,
	HV_CAPS(X)
#undef X
};

const struct hv_ops *hv_select(void)
{
	if (cpuid(1).ecx & CPUID_1_ECX_VMX)
		hv = &vmx_ops;
	else if (cpuid(0x80000000).eax >= 0x80000001 && (cpuid(0x80000001).ecx & CPUID_80000001_ECX_SVM))
		hv = &svm_ops;
	else
		hv = NULL;
	return hv;
}
