/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SVM #VMEXIT codes, X(name, code), names as in the AMD APM vol. 2, appendix C
 * "SVM Intercept Exit Codes" (VMEXIT_ dropped). These names appear in records and
 * results.json. Counters are indexed by slot: codes below SVM_SLOT_HIGH are their own
 * slot; the codes from 0x400 (nested page fault, AVIC, VMGEXIT) follow them.
 */
#ifndef X86_SVM_EXIT_CODES_H
#define X86_SVM_EXIT_CODES_H

#include "lib/types.h"

#define SVM_EXIT_CODES(X)							\
	X(CR0_READ, 0x00) X(CR3_READ, 0x03) X(CR4_READ, 0x04) X(CR8_READ, 0x08)	\
	X(CR0_WRITE, 0x10) X(CR3_WRITE, 0x13) X(CR4_WRITE, 0x14)		\
	X(CR8_WRITE, 0x18) X(DR0_READ, 0x20) X(DR6_READ, 0x26)		\
	X(DR7_READ, 0x27) X(DR0_WRITE, 0x30) X(DR6_WRITE, 0x36) X(DR7_WRITE, 0x37)	\
	X(EXCP0, 0x40) X(EXCP1, 0x41) X(EXCP2, 0x42) X(EXCP3, 0x43)		\
	X(EXCP4, 0x44) X(EXCP5, 0x45) X(EXCP6, 0x46) X(EXCP7, 0x47)		\
	X(EXCP8, 0x48) X(EXCP9, 0x49) X(EXCP10, 0x4a) X(EXCP11, 0x4b)		\
	X(EXCP12, 0x4c) X(EXCP13, 0x4d) X(EXCP14, 0x4e) X(EXCP15, 0x4f)		\
	X(EXCP16, 0x50) X(EXCP17, 0x51) X(EXCP18, 0x52) X(EXCP19, 0x53)		\
	X(EXCP20, 0x54) X(EXCP21, 0x55) X(EXCP22, 0x56) X(EXCP23, 0x57)		\
	X(EXCP24, 0x58) X(EXCP25, 0x59) X(EXCP26, 0x5a) X(EXCP27, 0x5b)		\
	X(EXCP28, 0x5c) X(EXCP29, 0x5d) X(EXCP30, 0x5e) X(EXCP31, 0x5f)		\
	X(INTR, 0x60) X(NMI, 0x61) X(SMI, 0x62) X(INIT, 0x63) X(VINTR, 0x64)	\
	X(CR0_SEL_WRITE, 0x65) X(IDTR_READ, 0x66) X(GDTR_READ, 0x67)		\
	X(LDTR_READ, 0x68) X(TR_READ, 0x69) X(IDTR_WRITE, 0x6a)			\
	X(GDTR_WRITE, 0x6b) X(LDTR_WRITE, 0x6c) X(TR_WRITE, 0x6d)		\
	X(RDTSC, 0x6e) X(RDPMC, 0x6f) X(PUSHF, 0x70) X(POPF, 0x71)		\
	X(CPUID, 0x72) X(RSM, 0x73) X(IRET, 0x74) X(SWINT, 0x75) X(INVD, 0x76)	\
	X(PAUSE, 0x77) X(HLT, 0x78) X(INVLPG, 0x79) X(INVLPGA, 0x7a)		\
	X(IOIO, 0x7b) X(MSR, 0x7c) X(TASK_SWITCH, 0x7d) X(FERR_FREEZE, 0x7e)	\
	X(SHUTDOWN, 0x7f) X(VMRUN, 0x80) X(VMMCALL, 0x81) X(VMLOAD, 0x82)	\
	X(VMSAVE, 0x83) X(STGI, 0x84) X(CLGI, 0x85) X(SKINIT, 0x86)		\
	X(RDTSCP, 0x87) X(ICEBP, 0x88) X(WBINVD, 0x89) X(MONITOR, 0x8a)		\
	X(MWAIT, 0x8b) X(MWAIT_CONDITIONAL, 0x8c) X(XSETBV, 0x8d)		\
	X(RDPRU, 0x8e) X(EFER_WRITE_TRAP, 0x8f) X(INVLPGB, 0xa0)		\
	X(INVLPGB_ILLEGAL, 0xa1) X(INVPCID, 0xa2) X(MCOMMIT, 0xa3)		\
	X(TLBSYNC, 0xa4) X(NPF, 0x400) X(AVIC_INCOMPLETE_IPI, 0x401)		\
	X(AVIC_NOACCEL, 0x402) X(VMGEXIT, 0x403)

enum svm_exit_code {
#define X(name, code) SVM_EXIT_##name = (code),
	SVM_EXIT_CODES(X)
#undef X
};

/*
 * The table's extent, as union sizes (each the largest member): all codes, the codes
 * below NPF, and the codes from NPF on. Every count below comes from these.
 */
union svm_exit_code_span {
#define X(name, code) char all_##name[(code) + 1];
	SVM_EXIT_CODES(X)
#undef X
};
union svm_exit_low_span {
#define X(name, code) char low_##name[(code) < SVM_EXIT_NPF ? (code) + 1 : 1];
	SVM_EXIT_CODES(X)
#undef X
};
union svm_exit_high_span {
#define X(name, code) char high_##name[(code) >= SVM_EXIT_NPF ? (code) - SVM_EXIT_NPF + 1 : 1];
	SVM_EXIT_CODES(X)
#undef X
};

enum {
	SVM_EXIT_CODE_COUNT = sizeof(union svm_exit_code_span),	/* codes 0 .. COUNT-1 */
	/* First slot of the codes from NPF: the low codes' range rounded up to 16, so that
	 * a code the table does not name yet (0xa5 ...) still has a counter of its own. */
	SVM_SLOT_HIGH = (sizeof(union svm_exit_low_span) + 15) & ~15ul,
	SVM_SLOT_COUNT = SVM_SLOT_HIGH + sizeof(union svm_exit_high_span),
};

#define SVM_EXIT_INVALID	(~0ull)		/* VMRUN found invalid guest state */

/* Counter slot of an exit code, or -1 for a code outside the table's ranges. */
static inline int svm_exit_slot(u64 code)
{
	if (code < SVM_SLOT_HIGH)
		return (int)code;
	if (code >= SVM_EXIT_NPF && code < SVM_EXIT_CODE_COUNT)
		return (int)(SVM_SLOT_HIGH + code - SVM_EXIT_NPF);
	return -1;
}

static inline u64 svm_slot_code(u32 slot)
{
	return slot < SVM_SLOT_HIGH ? slot : SVM_EXIT_NPF + slot - SVM_SLOT_HIGH;
}

/* APM name of an exit code, "<unknown>" for others. */
static inline const char *svm_exit_name(u64 code)
{
	switch (code) {
#define X(name, c) case c: return #name;
	SVM_EXIT_CODES(X)
#undef X
	}
	return "<unknown>";
}

#endif
