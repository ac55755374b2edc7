// SPDX-License-Identifier: GPL-2.0-only
#include "x86/vmx.h"
#include "lib/printf.h"

#define X(name, enc, w) _Static_assert((((enc) >> 13) & 3) == (w), #name ": width bits 14:13");
VMCS_FIELDS(X)
#undef X
#define X(name, enc, w) _Static_assert(((enc) & 1) == 0, #name ": full-field encodings are even");
VMCS_FIELDS(X)
#undef X

const struct vmcs_field_info vmcs_field_table[] = {
#define X(name, enc, w) { (enc), #name },
	VMCS_FIELDS(X)
#undef X
};
const size_t vmcs_field_count = ARRAY_SIZE(vmcs_field_table);

const struct vmx_cap_msr_info vmx_cap_msrs[CAP_COUNT] = {
#define X(name, idx) { #name, (idx) },
	VMX_CAP_MSRS(X)
#undef X
};

/* Indexed by feature id, generated from the one control table. */
const struct vmx_feature_info vmx_features[FEAT_COUNT] = {
#define X(word, name, bit, desc) [FEAT_##word##_##name] = { CTL_##word, (bit), #name, desc },
	VMX_CONTROLS(X)
#undef X
};

const char *vmx_ctl_word_name(enum vmx_ctl_word w)
{
	static const char *const names[CTL_WORDS] = {
		[CTL_PIN] = "pin-based", [CTL_PROC] = "primary processor-based",
		[CTL_PROC2] = "secondary processor-based", [CTL_EXIT] = "VM-exit",
		[CTL_ENTRY] = "VM-entry",
	};

	return w < CTL_WORDS ? names[w] : "<unknown>";
}

const char *vmcs_field_name(u32 encoding)
{
	for (size_t i = 0; i < vmcs_field_count; i++)
		if (vmcs_field_table[i].enc == encoding)
			return vmcs_field_table[i].name;
	return "<unknown>";
}

const char *vmx_exit_reason_name(u32 basic)
{
	switch (basic) {
#define X(name, n) case n: return #name;
	VMX_EXIT_REASONS(X)
#undef X
	}
	return "<unknown>";
}

const char *vmx_insn_error_name(u32 number)
{
	switch (number) {
#define X(n, text) case n: return text;
	VMX_INSN_ERRORS(X)
#undef X
	}
	return "<unknown>";
}

const char *vmx_outcome_name(int outcome, char *buf, size_t size)
{
	if (outcome == VMX_OK)
		return "OK";
	if (outcome == VMFAIL_INVALID)
		return "VMfailInvalid";
	nl_snprintf(buf, size, "VMfailValid(%d: %s)", outcome, vmx_insn_error_name((u32)outcome));
	return buf;
}

int vmx_read_insn_error(void)
{
	u64 v = 0;
	bool cf, zf;

	asm volatile("vmread %3, %2"
		     : "=@ccc"(cf), "=@ccz"(zf), "=rm"(v)
		     : "r"((u64)VMCS_VM_INSTRUCTION_ERROR) : "cc");
	if (cf || zf)
		return 0x7fffffff;	/* no current VMCS to read the error from */
	return (int)v;
}
