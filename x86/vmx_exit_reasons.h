/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Basic VM-exit reasons, X(name, number), names as in the Intel SDM appendix
 * "VMX Basic Exit Reasons". These names appear in records and results.json.
 */
#ifndef X86_VMX_EXIT_REASONS_H
#define X86_VMX_EXIT_REASONS_H

#define VMX_EXIT_REASONS(X)						\
	X(EXCEPTION_NMI, 0) X(EXTERNAL_INTERRUPT, 1) X(TRIPLE_FAULT, 2)	\
	X(INIT_SIGNAL, 3) X(SIPI, 4) X(IO_SMI, 5) X(OTHER_SMI, 6)	\
	X(INTERRUPT_WINDOW, 7) X(NMI_WINDOW, 8) X(TASK_SWITCH, 9)	\
	X(CPUID, 10) X(GETSEC, 11) X(HLT, 12) X(INVD, 13) X(INVLPG, 14)	\
	X(RDPMC, 15) X(RDTSC, 16) X(RSM, 17) X(VMCALL, 18)		\
	X(VMCLEAR, 19) X(VMLAUNCH, 20) X(VMPTRLD, 21) X(VMPTRST, 22)	\
	X(VMREAD, 23) X(VMRESUME, 24) X(VMWRITE, 25) X(VMXOFF, 26)	\
	X(VMXON, 27) X(CR_ACCESS, 28) X(DR_ACCESS, 29)			\
	X(IO_INSTRUCTION, 30) X(MSR_READ, 31) X(MSR_WRITE, 32)		\
	X(INVALID_GUEST_STATE, 33) X(MSR_LOADING, 34) X(MWAIT, 36)	\
	X(MONITOR_TRAP_FLAG, 37) X(MONITOR, 39) X(PAUSE, 40)		\
	X(MCE_DURING_ENTRY, 41) X(TPR_BELOW_THRESHOLD, 43)		\
	X(APIC_ACCESS, 44) X(VIRTUALIZED_EOI, 45) X(GDTR_IDTR, 46)	\
	X(LDTR_TR, 47) X(EPT_VIOLATION, 48) X(EPT_MISCONFIG, 49)	\
	X(INVEPT, 50) X(RDTSCP, 51) X(PREEMPTION_TIMER, 52)		\
	X(INVVPID, 53) X(WBINVD, 54) X(XSETBV, 55) X(APIC_WRITE, 56)	\
	X(RDRAND, 57) X(INVPCID, 58) X(VMFUNC, 59) X(ENCLS, 60)		\
	X(RDSEED, 61) X(PML_FULL, 62) X(XSAVES, 63) X(XRSTORS, 64)

/* Its size is the largest reason + 1: the count is the table's, never typed. */
union vmx_exit_reason_span {
#define X(name, n) char reason_##name[(n) + 1];
	VMX_EXIT_REASONS(X)
#undef X
};

enum vmx_exit_reason {
#define X(name, n) EXIT_##name = (n),
	VMX_EXIT_REASONS(X)
#undef X
	EXIT_REASON_COUNT = sizeof(union vmx_exit_reason_span),	/* basic reasons 0 .. COUNT-1 */
};

#define EXIT_REASON_FAILED_VMENTRY	(1u << 31)

/* VM-instruction error numbers: SDM "VM-Instruction Error Numbers". */
#define VMX_INSN_ERRORS(X)						\
	X(1, "VMCALL executed in VMX root operation")			\
	X(2, "VMCLEAR with invalid physical address")			\
	X(3, "VMCLEAR with VMXON pointer")				\
	X(4, "VMLAUNCH with non-clear VMCS")				\
	X(5, "VMRESUME with non-launched VMCS")				\
	X(6, "VMRESUME after VMXOFF")					\
	X(7, "VM entry with invalid control field(s)")			\
	X(8, "VM entry with invalid host-state field(s)")		\
	X(9, "VMPTRLD with invalid physical address")			\
	X(10, "VMPTRLD with VMXON pointer")				\
	X(11, "VMPTRLD with incorrect VMCS revision identifier")	\
	X(12, "VMREAD/VMWRITE from/to unsupported VMCS component")	\
	X(13, "VMWRITE to read-only VMCS component")			\
	X(15, "VMXON executed in VMX root operation")			\
	X(16, "VM entry with invalid executive-VMCS pointer")		\
	X(17, "VM entry with non-launched executive VMCS")		\
	X(18, "VM entry with executive-VMCS pointer not VMXON pointer")	\
	X(19, "VMCALL with non-clear VMCS")				\
	X(20, "VMCALL with invalid VM-exit control fields")		\
	X(22, "VMCALL with incorrect MSEG revision identifier")		\
	X(23, "VMXOFF under dual-monitor treatment of SMIs and SMM")	\
	X(24, "VMCALL with invalid SMM-monitor features")		\
	X(25, "VM entry with invalid VM-execution control fields in executive VMCS") \
	X(26, "VM entry with events blocked by MOV SS")			\
	X(28, "Invalid operand to INVEPT/INVVPID")

#endif
