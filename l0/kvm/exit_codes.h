/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exit reasons as the host's KVM reports them (kvm:kvm_exit, kvm:kvm_nested_vmexit): VMX
 * basic exit reasons on kvm_intel, SVM #VMEXIT codes on kvm_amd. Counters are arrays of
 * TRACE_REASONS slots; records name a slot as the SDM (x86/vmx_exit_reasons.h) or the APM
 * (x86/svm_exit_codes.h) spells it.
 */
#ifndef L0_EXIT_CODES_H
#define L0_EXIT_CODES_H

#include <stdint.h>

#define TRACE_REASONS 256	/* counter slots: VMX basic exit reasons, SVM exit codes */

enum exit_isa { EXIT_ISA_VMX, EXIT_ISA_SVM };

/* The host KVM's ISA: SVM when kvm_amd is loaded, else VMX. */
enum exit_isa exit_isa_host(void);
/* Counter slot (below TRACE_REASONS) of an exit code as KVM reports it, or -1. */
int exit_slot(enum exit_isa isa, uint64_t code);
/* The slot's SDM or APM name; "<unknown>" for a slot no table names. */
const char *exit_slot_name(enum exit_isa isa, int slot);

#endif
