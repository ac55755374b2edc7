/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exits a scenario expects, named by what causes them, not by an architecture: each
 * back end maps a kind to its own exit (VMX basic exit reason, SVM exit code) or has none.
 *   X(ID, "what causes it")
 * Printed by name (exit_kind_name), never as a number.
 */
#ifndef LIB_EXIT_KINDS_H
#define LIB_EXIT_KINDS_H

#include "lib/types.h"

#define EXIT_KINDS(X)								\
	X(CPUID,		"CPUID")					\
	X(HYPERCALL,		"hypercall (VMCALL, VMMCALL)")			\
	X(HLT,			"HLT")						\
	X(IO,			"port I/O")					\
	X(MSR_READ,		"RDMSR")					\
	X(MSR_WRITE,		"WRMSR")					\
	X(NESTED_PF,		"nested page fault (EPT violation, NPF)")	\
	X(VMREAD,		"VMREAD")					\
	X(VMWRITE,		"VMWRITE")					\
	X(TPR_BELOW_THRESHOLD,	"TPR below threshold")				\
	X(APIC_ACCESS,		"APIC access")					\
	X(APIC_WRITE,		"APIC write")					\
	X(VMLOAD,		"VMLOAD")					\
	X(VMSAVE,		"VMSAVE")					\
	X(CLGI,			"CLGI")						\
	X(STGI,			"STGI")

enum exit_kind {
#define X(id, desc) XK_##id,
	EXIT_KINDS(X)
#undef X
	XK_COUNT
};

/* "CPUID", "NESTED_PF"; "<unknown>" out of range. */
const char *exit_kind_name(enum exit_kind k);
const char *exit_kind_desc(enum exit_kind k);

#endif
