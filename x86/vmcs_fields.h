/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one table of VMCS fields: X(name, encoding, width). Encodings from the Intel SDM,
 * appendix "Field Encoding in VMCS". Width is encoding bits 14:13 (SDM "VMREAD, VMWRITE,
 * and Encodings of VMCS Fields"); x86/vmx.c checks each entry at compile time and a host
 * test checks that encodings and names are unique. Adding a field is one line here.
 */
#ifndef X86_VMCS_FIELDS_H
#define X86_VMCS_FIELDS_H

#define VMCS_FIELDS(X)							\
	/* 16-bit control */						\
	X(VPID,				0x0000, W16)			\
	X(POSTED_INTR_NV,		0x0002, W16)			\
	/* 16-bit guest state */					\
	X(GUEST_ES_SELECTOR,		0x0800, W16)			\
	X(GUEST_CS_SELECTOR,		0x0802, W16)			\
	X(GUEST_SS_SELECTOR,		0x0804, W16)			\
	X(GUEST_DS_SELECTOR,		0x0806, W16)			\
	X(GUEST_FS_SELECTOR,		0x0808, W16)			\
	X(GUEST_GS_SELECTOR,		0x080a, W16)			\
	X(GUEST_LDTR_SELECTOR,		0x080c, W16)			\
	X(GUEST_TR_SELECTOR,		0x080e, W16)			\
	X(GUEST_INTR_STATUS,		0x0810, W16)			\
	/* 16-bit host state */						\
	X(HOST_ES_SELECTOR,		0x0c00, W16)			\
	X(HOST_CS_SELECTOR,		0x0c02, W16)			\
	X(HOST_SS_SELECTOR,		0x0c04, W16)			\
	X(HOST_DS_SELECTOR,		0x0c06, W16)			\
	X(HOST_FS_SELECTOR,		0x0c08, W16)			\
	X(HOST_GS_SELECTOR,		0x0c0a, W16)			\
	X(HOST_TR_SELECTOR,		0x0c0c, W16)			\
	/* 64-bit control */						\
	X(IO_BITMAP_A,			0x2000, W64)			\
	X(IO_BITMAP_B,			0x2002, W64)			\
	X(MSR_BITMAP,			0x2004, W64)			\
	X(EXIT_MSR_STORE_ADDR,		0x2006, W64)			\
	X(EXIT_MSR_LOAD_ADDR,		0x2008, W64)			\
	X(ENTRY_MSR_LOAD_ADDR,		0x200a, W64)			\
	X(TSC_OFFSET,			0x2010, W64)			\
	X(VIRTUAL_APIC_PAGE_ADDR,	0x2012, W64)			\
	X(APIC_ACCESS_ADDR,		0x2014, W64)			\
	X(POSTED_INTR_DESC_ADDR,	0x2016, W64)			\
	X(EPT_POINTER,			0x201a, W64)			\
	X(EOI_EXIT_BITMAP0,		0x201c, W64)			\
	X(EOI_EXIT_BITMAP1,		0x201e, W64)			\
	X(EOI_EXIT_BITMAP2,		0x2020, W64)			\
	X(EOI_EXIT_BITMAP3,		0x2022, W64)			\
	X(VMREAD_BITMAP,		0x2026, W64)			\
	X(VMWRITE_BITMAP,		0x2028, W64)			\
	/* 64-bit read-only data */					\
	X(GUEST_PHYSICAL_ADDRESS,	0x2400, W64)			\
	/* 64-bit guest state */					\
	X(VMCS_LINK_POINTER,		0x2800, W64)			\
	X(GUEST_IA32_DEBUGCTL,		0x2802, W64)			\
	X(GUEST_IA32_PAT,		0x2804, W64)			\
	X(GUEST_IA32_EFER,		0x2806, W64)			\
	/* 64-bit host state */						\
	X(HOST_IA32_PAT,		0x2c00, W64)			\
	X(HOST_IA32_EFER,		0x2c02, W64)			\
	/* 32-bit control */						\
	X(PIN_BASED_CTLS,		0x4000, W32)			\
	X(PROC_BASED_CTLS,		0x4002, W32)			\
	X(EXCEPTION_BITMAP,		0x4004, W32)			\
	X(PF_ERROR_CODE_MASK,		0x4006, W32)			\
	X(PF_ERROR_CODE_MATCH,		0x4008, W32)			\
	X(CR3_TARGET_COUNT,		0x400a, W32)			\
	X(EXIT_CTLS,			0x400c, W32)			\
	X(EXIT_MSR_STORE_COUNT,		0x400e, W32)			\
	X(EXIT_MSR_LOAD_COUNT,		0x4010, W32)			\
	X(ENTRY_CTLS,			0x4012, W32)			\
	X(ENTRY_MSR_LOAD_COUNT,		0x4014, W32)			\
	X(ENTRY_INTR_INFO,		0x4016, W32)			\
	X(ENTRY_EXCEPTION_ERROR_CODE,	0x4018, W32)			\
	X(ENTRY_INSTRUCTION_LEN,	0x401a, W32)			\
	X(TPR_THRESHOLD,		0x401c, W32)			\
	X(SECONDARY_PROC_BASED_CTLS,	0x401e, W32)			\
	/* 32-bit read-only data */					\
	X(VM_INSTRUCTION_ERROR,		0x4400, W32)			\
	X(EXIT_REASON,			0x4402, W32)			\
	X(EXIT_INTR_INFO,		0x4404, W32)			\
	X(EXIT_INTR_ERROR_CODE,		0x4406, W32)			\
	X(IDT_VECTORING_INFO,		0x4408, W32)			\
	X(IDT_VECTORING_ERROR_CODE,	0x440a, W32)			\
	X(EXIT_INSTRUCTION_LEN,		0x440c, W32)			\
	X(VMX_INSTRUCTION_INFO,		0x440e, W32)			\
	/* 32-bit guest state */					\
	X(GUEST_ES_LIMIT,		0x4800, W32)			\
	X(GUEST_CS_LIMIT,		0x4802, W32)			\
	X(GUEST_SS_LIMIT,		0x4804, W32)			\
	X(GUEST_DS_LIMIT,		0x4806, W32)			\
	X(GUEST_FS_LIMIT,		0x4808, W32)			\
	X(GUEST_GS_LIMIT,		0x480a, W32)			\
	X(GUEST_LDTR_LIMIT,		0x480c, W32)			\
	X(GUEST_TR_LIMIT,		0x480e, W32)			\
	X(GUEST_GDTR_LIMIT,		0x4810, W32)			\
	X(GUEST_IDTR_LIMIT,		0x4812, W32)			\
	X(GUEST_ES_AR,			0x4814, W32)			\
	X(GUEST_CS_AR,			0x4816, W32)			\
	X(GUEST_SS_AR,			0x4818, W32)			\
	X(GUEST_DS_AR,			0x481a, W32)			\
	X(GUEST_FS_AR,			0x481c, W32)			\
	X(GUEST_GS_AR,			0x481e, W32)			\
	X(GUEST_LDTR_AR,		0x4820, W32)			\
	X(GUEST_TR_AR,			0x4822, W32)			\
	X(GUEST_INTERRUPTIBILITY,	0x4824, W32)			\
	X(GUEST_ACTIVITY_STATE,		0x4826, W32)			\
	X(GUEST_SYSENTER_CS,		0x482a, W32)			\
	X(PREEMPTION_TIMER_VALUE,	0x482e, W32)			\
	/* 32-bit host state */						\
	X(HOST_SYSENTER_CS,		0x4c00, W32)			\
	/* natural-width control */					\
	X(CR0_GUEST_HOST_MASK,		0x6000, WNAT)			\
	X(CR4_GUEST_HOST_MASK,		0x6002, WNAT)			\
	X(CR0_READ_SHADOW,		0x6004, WNAT)			\
	X(CR4_READ_SHADOW,		0x6006, WNAT)			\
	/* natural-width read-only data */				\
	X(EXIT_QUALIFICATION,		0x6400, WNAT)			\
	X(GUEST_LINEAR_ADDRESS,		0x640a, WNAT)			\
	/* natural-width guest state */					\
	X(GUEST_CR0,			0x6800, WNAT)			\
	X(GUEST_CR3,			0x6802, WNAT)			\
	X(GUEST_CR4,			0x6804, WNAT)			\
	X(GUEST_ES_BASE,		0x6806, WNAT)			\
	X(GUEST_CS_BASE,		0x6808, WNAT)			\
	X(GUEST_SS_BASE,		0x680a, WNAT)			\
	X(GUEST_DS_BASE,		0x680c, WNAT)			\
	X(GUEST_FS_BASE,		0x680e, WNAT)			\
	X(GUEST_GS_BASE,		0x6810, WNAT)			\
	X(GUEST_LDTR_BASE,		0x6812, WNAT)			\
	X(GUEST_TR_BASE,		0x6814, WNAT)			\
	X(GUEST_GDTR_BASE,		0x6816, WNAT)			\
	X(GUEST_IDTR_BASE,		0x6818, WNAT)			\
	X(GUEST_DR7,			0x681a, WNAT)			\
	X(GUEST_RSP,			0x681c, WNAT)			\
	X(GUEST_RIP,			0x681e, WNAT)			\
	X(GUEST_RFLAGS,			0x6820, WNAT)			\
	X(GUEST_PENDING_DBG_EXCEPTIONS,	0x6822, WNAT)			\
	X(GUEST_SYSENTER_ESP,		0x6824, WNAT)			\
	X(GUEST_SYSENTER_EIP,		0x6826, WNAT)			\
	/* natural-width host state */					\
	X(HOST_CR0,			0x6c00, WNAT)			\
	X(HOST_CR3,			0x6c02, WNAT)			\
	X(HOST_CR4,			0x6c04, WNAT)			\
	X(HOST_FS_BASE,			0x6c06, WNAT)			\
	X(HOST_GS_BASE,			0x6c08, WNAT)			\
	X(HOST_TR_BASE,			0x6c0a, WNAT)			\
	X(HOST_GDTR_BASE,		0x6c0c, WNAT)			\
	X(HOST_IDTR_BASE,		0x6c0e, WNAT)			\
	X(HOST_SYSENTER_ESP,		0x6c10, WNAT)			\
	X(HOST_SYSENTER_EIP,		0x6c12, WNAT)			\
	X(HOST_RSP,			0x6c14, WNAT)			\
	X(HOST_RIP,			0x6c16, WNAT)

enum vmcs_width { W16 = 0, W64 = 1, W32 = 2, WNAT = 3 };	/* encoding bits 14:13 */

enum vmcs_field {
#define X(name, enc, w) VMCS_##name = (enc),
	VMCS_FIELDS(X)
#undef X
};

#endif
