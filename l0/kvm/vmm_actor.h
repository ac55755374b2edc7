/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The VMM as an actor (x86/vmm_actor.h): the actions a guest asks for on VMM_ACTOR_PORT,
 * and migration into a fresh VM and vCPU, which the migration-torture mode
 * (--migrate, l0/kvm/migrate_plan.h) also uses at the points it picks.
 */
#ifndef L0_KVM_VMM_ACTOR_H
#define L0_KVM_VMM_ACTOR_H

#include <stdint.h>

#include "l0/kvm/kvm_vm.h"
#include "l0/kvm/vcpu_state.h"

struct vmm_actor {
	struct vcpu_state before, after;
	uint32_t seq;			/* actions done */
	uint32_t migrations;		/* migrations done, asked for or not */
	uint64_t copied_pages;		/* guest pages the migrations copied */
	uint64_t ns;			/* time the migrations took, in all */
	bool ready;			/* the MSR list is taken */
};

int vmm_actor_init(struct vmm_actor *x, const struct kvm_vm *vm);
void vmm_actor_free(struct vmm_actor *x);
/*
 * KVM_RUN with immediate_exit: completes the I/O or MMIO the last exit left pending, so
 * the vCPU's state is consistent (api.rst, "KVM_RUN"); runs no further guest instruction.
 */
int vmm_complete_exit(struct kvm_vm *vm);
/* Serves the request at guest-physical gpa (the OUT already completed). */
void vmm_actor_request(struct vmm_actor *x, struct kvm_vm *vm, uint64_t gpa);
/*
 * Migrates vm into a fresh VM and vCPU: every piece of vCPU state, memory, the in-kernel
 * irqchip and the clock; *vm is the new one afterwards. 0, or -errno with the piece that
 * failed in *piece. The state read back on the new vCPU is in x->after, the differences
 * in *differs.
 */
int vmm_migrate(struct vmm_actor *x, struct kvm_vm *vm, enum vmm_piece *piece, uint32_t *differs);
/* "regs sregs": the names of the pieces in a differs mask (static buffer). */
const char *vmm_pieces_text(uint32_t mask);

#endif
