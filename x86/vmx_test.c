// SPDX-License-Identifier: GPL-2.0-only
/* Host test of the VMX tables: unique encodings and names, widths, names by lookup. */
#include <string.h>
#include "lib/test.h"
#include "x86/vmx.h"

static void test_vmcs_fields(void)
{
	for (size_t i = 0; i < vmcs_field_count; i++) {
		const struct vmcs_field_info *a = &vmcs_field_table[i];

		for (size_t j = i + 1; j < vmcs_field_count; j++) {
			const struct vmcs_field_info *b = &vmcs_field_table[j];

			CHECK(a->enc != b->enc, "VMCS encoding %#x used by %s and %s", a->enc, a->name, b->name);
			CHECK(strcmp(a->name, b->name), "VMCS name %s twice", a->name);
		}
		CHECK(!strcmp(vmcs_field_name(a->enc), a->name), "lookup of %#x gives %s", a->enc, a->name);
		/* Bit 12 is reserved in every encoding; bits 11:10 name the type. */
		CHECK(!(a->enc & 0x1000), "%s: reserved bit 12 set", a->name);
	}
	CHECK(!strcmp(vmcs_field_name(0x7ffe), "<unknown>"), "unknown field gives <unknown>");
	CHECK(!strcmp(vmcs_field_name(VMCS_GUEST_RIP), "GUEST_RIP"), "GUEST_RIP is 0x681e");
	CHECK(VMCS_EXIT_REASON == 0x4402, "EXIT_REASON is 0x4402");
}

static void test_exit_reasons(void)
{
	static const struct { unsigned n; const char *name; } sdm[] = {
		{ 0, "EXCEPTION_NMI" }, { 10, "CPUID" }, { 12, "HLT" }, { 18, "VMCALL" },
		{ 23, "VMREAD" }, { 25, "VMWRITE" }, { 30, "IO_INSTRUCTION" }, { 31, "MSR_READ" },
		{ 32, "MSR_WRITE" }, { 33, "INVALID_GUEST_STATE" }, { 43, "TPR_BELOW_THRESHOLD" },
		{ 44, "APIC_ACCESS" }, { 48, "EPT_VIOLATION" }, { 49, "EPT_MISCONFIG" },
		{ 56, "APIC_WRITE" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(sdm); i++)
		CHECK(!strcmp(vmx_exit_reason_name(sdm[i].n), sdm[i].name), "exit reason %u is %s (got %s)",
			   sdm[i].n, sdm[i].name, vmx_exit_reason_name(sdm[i].n));
	CHECK(!strcmp(vmx_exit_reason_name(42), "<unknown>"), "reason 42 is reserved");
	CHECK(EXIT_REASON_COUNT == EXIT_XRSTORS + 1, "the count is the last reason + 1: %d", EXIT_REASON_COUNT);
	for (unsigned a = 0; a < EXIT_REASON_COUNT; a++)
		for (unsigned b = a + 1; b < EXIT_REASON_COUNT; b++)
			if (strcmp(vmx_exit_reason_name(a), "<unknown>"))
				CHECK(strcmp(vmx_exit_reason_name(a), vmx_exit_reason_name(b)),
					   "exit reasons %u and %u share a name", a, b);
}

static void test_outcomes(void)
{
	char buf[96];

	CHECK(!strcmp(vmx_outcome_name(VMX_OK, buf, sizeof(buf)), "OK"), "OK");
	CHECK(!strcmp(vmx_outcome_name(VMFAIL_INVALID, buf, sizeof(buf)), "VMfailInvalid"), "VMfailInvalid");
	CHECK(!strcmp(vmx_outcome_name(7, buf, sizeof(buf)),
			   "VMfailValid(7: VM entry with invalid control field(s))"), "VMfailValid(7): %s", buf);
	CHECK(!strcmp(vmx_insn_error_name(12), "VMREAD/VMWRITE from/to unsupported VMCS component"),
		   "error 12");
}

static void test_controls(void)
{
	for (int a = 0; a < FEAT_COUNT; a++)
		for (int b = a + 1; b < FEAT_COUNT; b++)
			CHECK(vmx_features[a].word != vmx_features[b].word ||
				   vmx_features[a].bit != vmx_features[b].bit,
				   "controls %s and %s share a bit", vmx_features[a].name, vmx_features[b].name);
	CHECK(PROC2_VMCS_SHADOWING == 1u << 14, "VMCS shadowing is secondary bit 14");
	CHECK(PIN_POSTED_INTERRUPTS == 1u << 7, "posted interrupts is pin-based bit 7");
	CHECK(PROC_TPR_SHADOW == 1u << 21, "TPR shadow is primary bit 21");
	CHECK(vmx_cap_msrs[CAP_IA32_VMX_PROCBASED_CTLS2].index == 0x48b, "PROCBASED_CTLS2 is 0x48b");
}

int main(void)
{
	test_vmcs_fields();
	test_exit_reasons();
	test_outcomes();
	test_controls();
	return test_done();
}
