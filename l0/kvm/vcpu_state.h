/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every piece of a vCPU's state a VMM carries across a migration (the pieces of
 * x86/vmm_actor.h), read and written with KVM's ioctls in the order
 * Documentation/virt/kvm/api.rst and QEMU's kvm_arch_put_registers() use: special
 * registers first (KVM_SET_NESTED_STATE checks EFER.SVME and CR4 against them), then the
 * nested state, then registers, XSAVE, XCRs, MSRs, LAPIC (then IA32_TSC_DEADLINE, which
 * KVM only takes with LVTT in TSC-deadline mode), events, MP state and debug registers.
 */
#ifndef L0_KVM_VCPU_STATE_H
#define L0_KVM_VCPU_STATE_H

#include <linux/kvm.h>
#include <stdbool.h>
#include <stdint.h>

#include "x86/vmm_actor.h"

#define VCPU_STATE_MSRS_MAX 256

struct vcpu_msrs {
	struct kvm_msrs hdr;
	struct kvm_msr_entry e[VCPU_STATE_MSRS_MAX];
};

struct vcpu_state {
	struct kvm_regs regs;
	struct kvm_sregs sregs;
	struct kvm_xsave xsave;
	struct kvm_xcrs xcrs;
	struct kvm_lapic_state lapic;
	struct kvm_vcpu_events events;
	struct kvm_mp_state mp;
	struct kvm_debugregs dregs;
	struct vcpu_msrs msrs;
	struct kvm_nested_state *nested;	/* nested_size bytes, NULL without the capability */
	uint32_t nested_size;
	bool has_xcrs;
	/* L1's TSC offset (vcpu.rst, KVM_VCPU_TSC_CTRL / KVM_VCPU_TSC_OFFSET), where KVM has it */
	bool has_tsc_offset;
	uint64_t tsc_offset;
};

/* The MSRs KVM saves (KVM_GET_MSR_INDEX_LIST) that this vCPU reads back: kept in s. */
int vcpu_state_msr_list(int kvm, int vcpu, struct vcpu_state *s);
/* Allocates s->nested from KVM_CAP_NESTED_STATE's size; 0 or -errno. */
int vcpu_state_init(int kvm, struct vcpu_state *s);
void vcpu_state_free(struct vcpu_state *s);
/* Reads every piece (the MSR list s holds); 0, or -errno with *piece the failing one. */
int vcpu_state_get(int vcpu, struct vcpu_state *s, enum vmm_piece *piece);
/* Writes every piece in migration order; 0, or -errno with *piece the failing one.
 * same_vcpu: s was read from this vCPU, whose TSC is not to be set back. On another vCPU
 * the TSC goes across as its offset where KVM has the attribute (KVM_VCPU_TSC_OFFSET after
 * the MSRs, IA32_TSC left out: a host write of IA32_TSC is subject to kvm_synchronize_tsc()'s
 * one-second heuristic), else as IA32_TSC. */
int vcpu_state_set(int vcpu, const struct vcpu_state *s, bool same_vcpu, enum vmm_piece *piece);
/* BIT(VMM_PIECE_*) of the pieces that differ, leaving out what time moves on its own (the
 * TSC, the APIC timer's current count); the first differing MSR and nested byte. */
uint32_t vcpu_state_diff(const struct vcpu_state *a, const struct vcpu_state *b, uint32_t *msr,
			 uint32_t *nested_at);
/* The summary a guest reads. */
void vcpu_state_view(const struct vcpu_state *s, struct vmm_actor_view *v);

#endif
