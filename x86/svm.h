/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AMD SVM: CPUID bits, MSRs, the VMCB layout and the intercept bits. AMD APM vol. 2,
 * chapter 15 "Secure Virtual Machine" and appendix B "Layout of VMCB".
 */
#ifndef X86_SVM_H
#define X86_SVM_H

#include "lib/types.h"
#include "x86/svm_exit_codes.h"

#define CPUID_80000001_ECX_SVM		BIT(2)
#define CPUID_SVM_FEATURES		0x8000000a	/* EAX revision, EBX ASIDs, EDX features */

/* CPUID Fn8000_000A_EDX, X(NAME, bit, description). */
#define SVM_CPUID_FEATURES(X)						\
	X(NP, 0, "nested paging")					\
	X(LBRV, 1, "LBR virtualization")				\
	X(SVML, 2, "SVM lock")						\
	X(NRIPS, 3, "next-RIP save")					\
	X(TSC_RATE, 4, "TSC rate MSR")					\
	X(VMCB_CLEAN, 5, "VMCB clean bits")				\
	X(FLUSH_BY_ASID, 6, "flush by ASID")				\
	X(DECODE_ASSISTS, 7, "decode assists")				\
	X(PAUSE_FILTER, 10, "pause intercept filter")			\
	X(PAUSE_THRESHOLD, 12, "pause filter threshold")		\
	X(AVIC, 13, "AVIC")						\
	X(V_VMSAVE_VMLOAD, 15, "virtual VMSAVE/VMLOAD")			\
	X(VGIF, 16, "virtual GIF")					\
	X(VNMI, 25, "virtual NMI")

enum svm_cpuid_feature {
#define X(name, bit, desc) SVM_FEAT_##name = (bit),
	SVM_CPUID_FEATURES(X)
#undef X
};

#define MSR_VM_CR			0xc0010114
#define MSR_VM_HSAVE_PA			0xc0010117
#define MSR_TSC_RATIO			0xc0000104	/* CPUID Fn8000_000A_EDX[4] */
#define TSC_RATIO_ONE			BIT(32)		/* 8.32 fixed point */
#define MSR_DEBUGCTL			0x000001d9
#define VM_CR_SVMDIS			BIT(4)
#define EFER_SVME			BIT(12)

/* VMCB control area intercept words (offsets 0x00-0x14). */
#define INTERCEPT_CR_READ(n)		BIT(n)		/* word 0 */
#define INTERCEPT_CR_WRITE(n)		BIT(16 + (n))
#define INTERCEPT_DR_READ(n)		BIT(n)		/* word 1 */
#define INTERCEPT_DR_WRITE(n)		BIT(16 + (n))
/* Word 3 (offset 0x0c). */
#define INTERCEPT_INTR			BIT(0)
#define INTERCEPT_NMI			BIT(1)
#define INTERCEPT_CR0_SEL_WRITE		BIT(5)		/* CR0 writes beyond TS, MP */
#define INTERCEPT_IDTR_READ		BIT(6)
#define INTERCEPT_GDTR_READ		BIT(7)
#define INTERCEPT_LDTR_READ		BIT(8)
#define INTERCEPT_TR_READ		BIT(9)
#define INTERCEPT_IDTR_WRITE		BIT(10)
#define INTERCEPT_GDTR_WRITE		BIT(11)
#define INTERCEPT_LDTR_WRITE		BIT(12)
#define INTERCEPT_TR_WRITE		BIT(13)
#define INTERCEPT_RDTSC			BIT(14)
#define INTERCEPT_RDPMC			BIT(15)
#define INTERCEPT_PUSHF			BIT(16)
#define INTERCEPT_POPF			BIT(17)
#define INTERCEPT_INTN			BIT(21)
#define INTERCEPT_INVD			BIT(22)
#define INTERCEPT_PAUSE			BIT(23)
#define INTERCEPT_INVLPG		BIT(25)
#define INTERCEPT_INVLPGA		BIT(26)
#define INTERCEPT_CPUID			BIT(18)
#define INTERCEPT_HLT			BIT(24)
#define INTERCEPT_IOIO_PROT		BIT(27)
#define INTERCEPT_MSR_PROT		BIT(28)
#define INTERCEPT_SHUTDOWN		BIT(31)
/* Word 4 (offset 0x10). */
#define INTERCEPT_VMRUN			BIT(0)
#define INTERCEPT_VMMCALL		BIT(1)
#define INTERCEPT_VMLOAD		BIT(2)
#define INTERCEPT_VMSAVE		BIT(3)
#define INTERCEPT_STGI			BIT(4)
#define INTERCEPT_CLGI			BIT(5)
#define INTERCEPT_RDTSCP		BIT(7)
#define INTERCEPT_ICEBP			BIT(8)
#define INTERCEPT_WBINVD		BIT(9)
#define INTERCEPT_MONITOR		BIT(10)
#define INTERCEPT_MWAIT			BIT(11)		/* unconditionally */
#define INTERCEPT_XSETBV		BIT(13)

/* TLB_CONTROL (offset 0x5c). 3 and 7 need CPUID Fn8000_000A_EDX[6] FlushByAsid. */
#define TLB_CONTROL_NOTHING		0
#define TLB_CONTROL_FLUSH_ALL		1
#define TLB_CONTROL_FLUSH_ASID		3
#define TLB_CONTROL_FLUSH_ASID_LOCAL	7	/* this ASID's non-global entries */

/* VMCB clean bits (offset 0xc0), APM "VMCB Clean Bits": a clear bit makes VMRUN reload the area. */
#define VMCB_CLEAN_I			BIT(0)	/* intercepts, TSC offset, pause filter */
#define VMCB_CLEAN_IOPM			BIT(1)
#define VMCB_CLEAN_ASID			BIT(2)
#define VMCB_CLEAN_NP			BIT(4)	/* NP enable, nCR3, guest PAT */
#define VMCB_CLEAN_CRX			BIT(5)	/* CR0, CR3, CR4, EFER */
#define VMCB_CLEAN_DRX			BIT(6)	/* DR6, DR7 */
#define VMCB_CLEAN_DT			BIT(7)	/* GDTR, IDTR */
#define VMCB_CLEAN_SEG			BIT(8)	/* CS, DS, SS, ES, CPL */
#define VMCB_CLEAN_CR2			BIT(9)

/* Offset 0x60: virtual interrupt control. */
#define V_INTR_VGIF			BIT(9)		/* the virtual GIF's value */
#define V_INTR_VGIF_ENABLE		BIT(25)
/* Offset 0x90. */
#define NP_ENABLE			BIT(0)
/* Offset 0xb8. */
#define LBR_VIRTUALIZATION_ENABLE	BIT(0)
#define VIRT_VMLOAD_VMSAVE_ENABLE	BIT(1)

/* EVENTINJ / EXITINTINFO (offsets 0xa8, 0x88). */
#define EVENT_VALID			BIT(31)

/* IOIO intercept EXITINFO1 (APM "IOIO Intercepts"); EXITINFO2 is the next RIP. */
#define IOIO_IN				BIT(0)
#define IOIO_STRING			BIT(2)
#define IOIO_SZ_SHIFT			4	/* bits 6:4: 8-, 16-, 32-bit */
#define IOIO_SIZE(i)			(((i) >> 4) & 7)	/* one-hot: 1, 2, 4 bytes */
#define IOIO_PORT(i)			((u16)((i) >> 16))
/* MSR intercept EXITINFO1. */
#define MSR_EXIT_WRITE			1
/* Nested page fault EXITINFO1: the #PF error code bits, and where the fault was
 * (APM "Nested versus Guest Page Faults, Fault Ordering"). */
#define NPF_PRESENT			BIT(0)
#define NPF_WRITE			BIT(1)
#define NPF_USER			BIT(2)
#define NPF_RSVD			BIT(3)
#define NPF_FETCH			BIT(4)
#define NPF_FINAL_GPA			BIT(32)	/* translating the final guest address */
#define NPF_GUEST_WALK			BIT(33)	/* translating a guest page table */

struct vmcb_seg {
	u16 selector;
	u16 attrib;	/* type, S, DPL, P, then AVL, L, D/B, G in bits 11:8 */
	u32 limit;
	u64 base;
} __attribute__((packed));

struct vmcb_control {
	u32 intercept_cr;		/* 0x000 */
	u32 intercept_dr;		/* 0x004 */
	u32 intercept_exceptions;	/* 0x008 */
	u32 intercept3;			/* 0x00c */
	u32 intercept4;			/* 0x010 */
	u32 intercept5;			/* 0x014 */
	u8 reserved1[0x03c - 0x018];
	u16 pause_filter_threshold;	/* 0x03c */
	u16 pause_filter_count;		/* 0x03e */
	u64 iopm_base_pa;		/* 0x040 */
	u64 msrpm_base_pa;		/* 0x048 */
	u64 tsc_offset;			/* 0x050 */
	u32 asid;			/* 0x058 */
	u8 tlb_control;			/* 0x05c */
	u8 reserved2[3];
	u64 v_intr;			/* 0x060 */
	u64 interrupt_shadow;		/* 0x068 */
	u64 exit_code;			/* 0x070 */
	u64 exit_info1;			/* 0x078 */
	u64 exit_info2;			/* 0x080 */
	u64 exit_int_info;		/* 0x088 */
	u64 np_control;			/* 0x090 */
	u64 avic_apic_bar;		/* 0x098 */
	u64 ghcb_pa;			/* 0x0a0 */
	u64 event_inj;			/* 0x0a8 */
	u64 n_cr3;			/* 0x0b0 */
	u64 virt_ext;			/* 0x0b8: LBR virtualization, virtual VMLOAD/VMSAVE */
	u32 clean;			/* 0x0c0 */
	u32 reserved3;
	u64 next_rip;			/* 0x0c8 */
	u8 insn_len;			/* 0x0d0 */
	u8 insn_bytes[15];		/* 0x0d1 */
	u8 reserved4[0x400 - 0x0e0];
} __attribute__((packed));

struct vmcb_save {
	struct vmcb_seg es, cs, ss, ds, fs, gs, gdtr, ldtr, idtr, tr;	/* 0x400 */
	u8 reserved1[0x4cb - 0x4a0];
	u8 cpl;				/* 0x4cb */
	u32 reserved2;
	u64 efer;			/* 0x4d0 */
	u8 reserved3[0x548 - 0x4d8];
	u64 cr4;			/* 0x548 */
	u64 cr3;			/* 0x550 */
	u64 cr0;			/* 0x558 */
	u64 dr7;			/* 0x560 */
	u64 dr6;			/* 0x568 */
	u64 rflags;			/* 0x570 */
	u64 rip;			/* 0x578 */
	u8 reserved4[0x5d8 - 0x580];
	u64 rsp;			/* 0x5d8 */
	u64 s_cet, ssp, isst_addr;	/* 0x5e0 */
	u64 rax;			/* 0x5f8 */
	u64 star, lstar, cstar, sfmask;	/* 0x600 */
	u64 kernel_gs_base;		/* 0x620 */
	u64 sysenter_cs;		/* 0x628 */
	u64 sysenter_esp;		/* 0x630 */
	u64 sysenter_eip;		/* 0x638 */
	u64 cr2;			/* 0x640 */
	u8 reserved5[0x668 - 0x648];
	u64 g_pat;			/* 0x668 */
	u64 dbgctl;			/* 0x670 */
} __attribute__((packed));

struct vmcb {
	struct vmcb_control control;
	struct vmcb_save save;
	u8 reserved[4096 - 0x678];
} __attribute__((packed));

_Static_assert(__builtin_offsetof(struct vmcb, control.asid) == 0x058, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, control.next_rip) == 0x0c8, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.cpl) == 0x4cb, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.efer) == 0x4d0, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.cr4) == 0x548, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.rip) == 0x578, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.rsp) == 0x5d8, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.rax) == 0x5f8, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.sysenter_cs) == 0x628, "VMCB layout");
_Static_assert(__builtin_offsetof(struct vmcb, save.g_pat) == 0x668, "VMCB layout");
_Static_assert(sizeof(struct vmcb) == 4096, "VMCB layout");

/* Segment attributes (APM "Segment State in the VMCB"). */
#define SVM_ATTR_CODE64			0x0a9b	/* P, S, type 11, L, G */
#define SVM_ATTR_DATA			0x0c93	/* P, S, type 3, D/B, G */
#define SVM_ATTR_TSS_BUSY		0x008b	/* P, type 11 */

static inline void svm_clgi(void) { asm volatile("clgi" ::: "memory"); }
static inline void svm_stgi(void) { asm volatile("stgi" ::: "memory"); }
static inline void svm_vmsave(u64 pa) { asm volatile("vmsave %%rax" : : "a"(pa) : "memory"); }
static inline void svm_vmload(u64 pa) { asm volatile("vmload %%rax" : : "a"(pa) : "memory"); }

#endif
