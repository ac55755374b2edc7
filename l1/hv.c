// SPDX-License-Identifier: GPL-2.0-only
/* Which back end L1 runs on: VMX on a CPU that has it, else SVM, else none. */
#include "l1/hv.h"
#include "x86/processor.h"
#include "x86/svm.h"
#include "lib/printf.h"

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

const char *hv_missing(enum hv_cap cap, char *buf, size_t size)
{
	s8 f = hv->cap_source[cap];
	char what[80];

	if (f == HV_CAP_ALWAYS || (f >= 0 && hv->has(f)))
		return NULL;
	if (f == HV_CAP_OTHER_ARCH) {
		nl_snprintf(buf, size, "needs %s: %s only, this CPU runs the %s back end", hv_cap_desc[cap],
			    hv->other_arch, hv->arch);
	} else {
		hv->describe(f, what, sizeof(what));
		nl_snprintf(buf, size, "needs %s", what);
	}
	return buf;
}
