/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The actor's DELAYED action (x86/vmm_actor.h): the VMM lets the vCPU run for a while
 * itself, so that it can act while L2 sits halted in the kernel (no exit reaches user space
 * then), and migrates and queues an event at that point.
 */
#ifndef L0_KVM_VMM_DELAYED_H
#define L0_KVM_VMM_DELAYED_H

#include "l0/kvm/vmm_actor.h"

/* 0, or -errno with the failing piece in *piece (-EPROTO: an exit to user space while the
 * VMM ran the vCPU itself, which it cannot serve). x->before and x->after as the action
 * says. */
int vmm_delayed(struct vmm_actor *x, struct kvm_vm *vm, const struct vmm_actor_req *r, enum vmm_piece *piece);

#endif
