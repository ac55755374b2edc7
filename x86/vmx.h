/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VMX definitions: control bits (one table), capability MSRs (one table) and instruction
 * wrappers. __vmfoo() returns the outcome (VMX_OK, VMFAIL_INVALID, or the VM-instruction
 * error number for VMfailValid); vmfoo() checks it and aborts the scenario, naming the
 * instruction, the field and both values. Facts: Intel SDM vol. 3, "VM-Execution Control
 * Fields", "VM-Exit Control Fields", "VM-Entry Control Fields", "VMX Capability Reporting
 * Facility", "VMX Instruction Reference".
 */
#ifndef X86_VMX_H
#define X86_VMX_H

#include "lib/types.h"
#include "x86/vmcs_fields.h"
#include "x86/vmx_exit_reasons.h"

/* X(control word, NAME, bit, "description as the SDM names it") */
#define VMX_CONTROLS(X)								\
	X(PIN, EXTERNAL_INTERRUPT_EXITING, 0, "external-interrupt exiting")	\
	X(PIN, NMI_EXITING, 3, "NMI exiting")					\
	X(PIN, VIRTUAL_NMIS, 5, "virtual NMIs")					\
	X(PIN, PREEMPTION_TIMER, 6, "activate VMX-preemption timer")		\
	X(PIN, POSTED_INTERRUPTS, 7, "process posted interrupts")		\
	X(PROC, INTERRUPT_WINDOW_EXITING, 2, "interrupt-window exiting")	\
	X(PROC, TSC_OFFSETTING, 3, "use TSC offsetting")			\
	X(PROC, HLT_EXITING, 7, "HLT exiting")					\
	X(PROC, INVLPG_EXITING, 9, "INVLPG exiting")				\
	X(PROC, MWAIT_EXITING, 10, "MWAIT exiting")				\
	X(PROC, RDPMC_EXITING, 11, "RDPMC exiting")				\
	X(PROC, RDTSC_EXITING, 12, "RDTSC exiting")				\
	X(PROC, CR3_LOAD_EXITING, 15, "CR3-load exiting")			\
	X(PROC, CR3_STORE_EXITING, 16, "CR3-store exiting")			\
	X(PROC, CR8_LOAD_EXITING, 19, "CR8-load exiting")			\
	X(PROC, CR8_STORE_EXITING, 20, "CR8-store exiting")			\
	X(PROC, TPR_SHADOW, 21, "use TPR shadow")				\
	X(PROC, NMI_WINDOW_EXITING, 22, "NMI-window exiting")			\
	X(PROC, MOV_DR_EXITING, 23, "MOV-DR exiting")				\
	X(PROC, UNCONDITIONAL_IO_EXITING, 24, "unconditional I/O exiting")	\
	X(PROC, IO_BITMAPS, 25, "use I/O bitmaps")				\
	X(PROC, MONITOR_TRAP_FLAG, 27, "monitor trap flag")			\
	X(PROC, MSR_BITMAPS, 28, "use MSR bitmaps")				\
	X(PROC, MONITOR_EXITING, 29, "MONITOR exiting")			\
	X(PROC, PAUSE_EXITING, 30, "PAUSE exiting")				\
	X(PROC, SECONDARY_CONTROLS, 31, "activate secondary controls")		\
	X(PROC2, VIRTUALIZE_APIC_ACCESSES, 0, "virtualize APIC accesses")	\
	X(PROC2, EPT, 1, "enable EPT")						\
	X(PROC2, DESC_TABLE_EXITING, 2, "descriptor-table exiting")		\
	X(PROC2, RDTSCP, 3, "enable RDTSCP")					\
	X(PROC2, VIRTUALIZE_X2APIC_MODE, 4, "virtualize x2APIC mode")		\
	X(PROC2, VPID, 5, "enable VPID")					\
	X(PROC2, WBINVD_EXITING, 6, "WBINVD exiting")				\
	X(PROC2, UNRESTRICTED_GUEST, 7, "unrestricted guest")			\
	X(PROC2, APIC_REGISTER_VIRTUALIZATION, 8, "APIC-register virtualization") \
	X(PROC2, VIRTUAL_INTERRUPT_DELIVERY, 9, "virtual-interrupt delivery")	\
	X(PROC2, PAUSE_LOOP_EXITING, 10, "PAUSE-loop exiting")			\
	X(PROC2, RDRAND_EXITING, 11, "RDRAND exiting")				\
	X(PROC2, INVPCID, 12, "enable INVPCID")					\
	X(PROC2, VMFUNC, 13, "enable VM functions")				\
	X(PROC2, VMCS_SHADOWING, 14, "VMCS shadowing")				\
	X(PROC2, RDSEED_EXITING, 16, "RDSEED exiting")				\
	X(PROC2, PML, 17, "enable PML")						\
	X(PROC2, EPT_VIOLATION_VE, 18, "EPT-violation #VE")			\
	X(PROC2, XSAVES, 20, "enable XSAVES/XRSTORS")				\
	X(PROC2, TSC_SCALING, 25, "use TSC scaling")				\
	X(EXIT, HOST_ADDR_SPACE_SIZE, 9, "host address-space size")		\
	X(EXIT, ACK_INTERRUPT_ON_EXIT, 15, "acknowledge interrupt on exit")	\
	X(EXIT, SAVE_PAT, 18, "save IA32_PAT")					\
	X(EXIT, LOAD_PAT, 19, "load IA32_PAT")					\
	X(EXIT, SAVE_EFER, 20, "save IA32_EFER")				\
	X(EXIT, LOAD_EFER, 21, "load IA32_EFER")				\
	X(EXIT, SAVE_PREEMPTION_TIMER, 22, "save VMX-preemption timer value")	\
	X(ENTRY, LOAD_DEBUG_CONTROLS, 2, "load debug controls")		\
	X(ENTRY, IA32E_MODE_GUEST, 9, "IA-32e mode guest")			\
	X(ENTRY, LOAD_PAT, 14, "load IA32_PAT")					\
	X(ENTRY, LOAD_EFER, 15, "load IA32_EFER")

enum vmx_ctl_word { CTL_PIN, CTL_PROC, CTL_PROC2, CTL_EXIT, CTL_ENTRY, CTL_WORDS };

/* Control bit values: PIN_POSTED_INTERRUPTS, PROC2_EPT, ... */
enum {
#define X(word, name, bit, desc) word##_##name = 1u << (bit),
	VMX_CONTROLS(X)
#undef X
};

/* Feature ids, one per control bit, for scenario needs (a u64 mask of BIT(FEAT_...)). */
enum vmx_feature {
#define X(word, name, bit, desc) FEAT_##word##_##name,
	VMX_CONTROLS(X)
#undef X
	FEAT_COUNT
};
_Static_assert(FEAT_COUNT <= 64, "feature ids fit a u64 mask");

struct vmx_feature_info {
	enum vmx_ctl_word word;
	u8 bit;
	const char *name;	/* as in the table: "VMCS_SHADOWING"; records print it lower case */
	const char *desc;	/* SDM wording: "VMCS shadowing" */
};
extern const struct vmx_feature_info vmx_features[FEAT_COUNT];
const char *vmx_ctl_word_name(enum vmx_ctl_word w);	/* "pin-based", "secondary", ... */

/* X(NAME, index): SDM "VMX Capability Reporting Facility". */
#define VMX_CAP_MSRS(X)							\
	X(IA32_VMX_BASIC, 0x480) X(IA32_VMX_PINBASED_CTLS, 0x481)	\
	X(IA32_VMX_PROCBASED_CTLS, 0x482) X(IA32_VMX_EXIT_CTLS, 0x483)	\
	X(IA32_VMX_ENTRY_CTLS, 0x484) X(IA32_VMX_MISC, 0x485)		\
	X(IA32_VMX_CR0_FIXED0, 0x486) X(IA32_VMX_CR0_FIXED1, 0x487)	\
	X(IA32_VMX_CR4_FIXED0, 0x488) X(IA32_VMX_CR4_FIXED1, 0x489)	\
	X(IA32_VMX_VMCS_ENUM, 0x48a) X(IA32_VMX_PROCBASED_CTLS2, 0x48b)	\
	X(IA32_VMX_EPT_VPID_CAP, 0x48c)					\
	X(IA32_VMX_TRUE_PINBASED_CTLS, 0x48d)				\
	X(IA32_VMX_TRUE_PROCBASED_CTLS, 0x48e)				\
	X(IA32_VMX_TRUE_EXIT_CTLS, 0x48f)				\
	X(IA32_VMX_TRUE_ENTRY_CTLS, 0x490) X(IA32_VMX_VMFUNC, 0x491)

enum vmx_cap_msr {
#define X(name, idx) CAP_##name,
	VMX_CAP_MSRS(X)
#undef X
	CAP_COUNT
};
extern const struct vmx_cap_msr_info { const char *name; u32 index; } vmx_cap_msrs[CAP_COUNT];

#define VMX_BASIC_TRUE_CTLS		BIT(55)
#define EPT_CAP_WALK_4			BIT(6)
#define EPT_CAP_WB			BIT(14)
#define EPT_CAP_2M_PAGES		BIT(16)
#define EPT_CAP_INVEPT			BIT(20)
#define EPT_CAP_INVEPT_SINGLE		BIT(25)
#define EPT_CAP_INVEPT_ALL		BIT(26)
#define VPID_CAP_INVVPID		BIT(32)
#define VPID_CAP_INVVPID_ALL		BIT(42)
/* [B] issue 13 families 6-10: more IA32_VMX_EPT_VPID_CAP bits, IA32_VMX_MISC */
#define EPT_CAP_EXEC_ONLY		BIT(0)
#define EPT_CAP_1G_PAGES		BIT(17)
#define EPT_CAP_AD			BIT(21)
#define VPID_CAP_INVVPID_ADDR		BIT(40)
#define VPID_CAP_INVVPID_SINGLE		BIT(41)
#define VPID_CAP_INVVPID_SINGLE_GLOBALS	BIT(43)
#define VMX_MISC_CR3_TARGETS(m)		(((m) >> 16) & 0x1ff)
#define SHADOW_VMCS_INDICATOR		BIT(31)

/* Outcomes of VMX instructions: SDM "Conventions" in the VMX instruction reference. */
#define VMX_OK		0
#define VMFAIL_INVALID	(-1)	/* VMfailValid(n) is n, the VM-instruction error number */

const char *vmcs_field_name(u32 encoding);		/* "<unknown>" if not in the table */
const char *vmx_exit_reason_name(u32 basic_reason);	/* "<unknown>" ... */
const char *vmx_insn_error_name(u32 number);
/* "OK", "VMfailInvalid", "VMfailValid(7: VM entry with invalid control field(s))" */
const char *vmx_outcome_name(int outcome, char *buf, size_t size);

extern const struct vmcs_field_info { u16 enc; const char *name; } vmcs_field_table[];
extern const size_t vmcs_field_count;

/* Called by the plain wrappers on failure; provided by L1 (ends the scenario as ERROR). */
__attribute__((noreturn)) void vmx_fatal(const char *insn, u32 field, u64 value, int outcome);

static inline int vmx_outcome(bool cf, bool zf);

#define VMX_INSN_OUT(insn, ...)						\
	({								\
		bool cf_, zf_;						\
		asm volatile(insn "\n\t"				\
			     : "=@ccc"(cf_), "=@ccz"(zf_)		\
			     : __VA_ARGS__ : "cc", "memory");		\
		vmx_outcome(cf_, zf_);					\
	})

int vmx_read_insn_error(void);

static inline int vmx_outcome(bool cf, bool zf)
{
	if (cf)
		return VMFAIL_INVALID;
	if (zf)
		return vmx_read_insn_error();
	return VMX_OK;
}

static inline int __vmxon(u64 pa)	{ return VMX_INSN_OUT("vmxon %2", "m"(pa)); }
static inline int __vmclear(u64 pa)	{ return VMX_INSN_OUT("vmclear %2", "m"(pa)); }
static inline int __vmptrld(u64 pa)	{ return VMX_INSN_OUT("vmptrld %2", "m"(pa)); }
static inline int __vmxoff(void)	{ return VMX_INSN_OUT("vmxoff", "i"(0)); }

static inline int __vmwrite(u32 field, u64 value)
{
	return VMX_INSN_OUT("vmwrite %3, %2", "r"((u64)field), "rm"(value));
}

static inline int __vmread(u32 field, u64 *value)
{
	bool cf, zf;
	u64 v = 0;

	asm volatile("vmread %3, %2"
		     : "=@ccc"(cf), "=@ccz"(zf), "=rm"(v)
		     : "r"((u64)field) : "cc", "memory");
	*value = v;
	return vmx_outcome(cf, zf);
}

struct invept_desc { u64 eptp, reserved; };
struct invvpid_desc { u64 vpid, gla; };

static inline int __invept(u64 type, u64 eptp)
{
	struct invept_desc d = { eptp, 0 };

	return VMX_INSN_OUT("invept %2, %3", "m"(d), "r"(type));
}

static inline int __invvpid(u64 type, u16 vpid, u64 gla)
{
	struct invvpid_desc d = { vpid, gla };

	return VMX_INSN_OUT("invvpid %2, %3", "m"(d), "r"(type));
}

static inline void vmwrite(u32 field, u64 value)
{
	int r = __vmwrite(field, value);

	if (r != VMX_OK)
		vmx_fatal("vmwrite", field, value, r);
}

static inline u64 vmread(u32 field)
{
	u64 v;
	int r = __vmread(field, &v);

	if (r != VMX_OK)
		vmx_fatal("vmread", field, 0, r);
	return v;
}

static inline void vmclear(u64 pa)
{
	int r = __vmclear(pa);

	if (r != VMX_OK)
		vmx_fatal("vmclear", 0, pa, r);
}

static inline void vmptrld(u64 pa)
{
	int r = __vmptrld(pa);

	if (r != VMX_OK)
		vmx_fatal("vmptrld", 0, pa, r);
}

#define INVEPT_SINGLE_CONTEXT	1
#define INVEPT_ALL_CONTEXT	2
#define INVVPID_ALL_CONTEXT	2
#define INVVPID_ADDRESS		0
#define INVVPID_SINGLE_CONTEXT	1
#define INVVPID_SINGLE_GLOBALS	3

#endif
