/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pieces of the actor's DELAYED action (x86/vmm_actor.h) that need no migration: the
 * VMM lets the vCPU run for a while itself, so that it can act while L2 sits halted in
 * the kernel (no exit reaches user space then), and queues an event.
 */
#ifndef L0_KVM_VMM_DELAYED_H
#define L0_KVM_VMM_DELAYED_H

#include <stdint.h>

#include "l0/kvm/kvm_vm.h"
#include "x86/vmm_actor.h"

/* KVM_RUN until us microseconds have passed; 0, or -errno (-EPROTO: an exit to user space
 * meanwhile, which the VMM cannot serve here), *piece VMM_PIECE_MP_STATE. */
int vmm_run_for(struct kvm_vm *vm, uint64_t us, enum vmm_piece *piece);
/* DELAYED's arg1: a fixed interrupt (KVM_SIGNAL_MSI), an NMI (KVM_NMI) or nothing. */
int vmm_queue_event(struct kvm_vm *vm, uint64_t event, enum vmm_piece *piece);

#endif
