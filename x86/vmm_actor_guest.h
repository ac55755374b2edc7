/* SPDX-License-Identifier: GPL-2.0-only */
/* The guest's side of the VMM actor port (x86/vmm_actor.h), for L1 and L2 alike. */
#ifndef X86_VMM_ACTOR_GUEST_H
#define X86_VMM_ACTOR_GUEST_H

#include "x86/io.h"
#include "x86/vmm_actor.h"

/* Does the VMM own the port? Elsewhere the read gives all ones. */
static inline bool vmm_actor_present(void)
{
	return inl(VMM_ACTOR_PORT) == VMM_ACTOR_MAGIC;
}

/* Asks for r's action; the VMM has answered in *r when this returns. */
static inline void vmm_actor_ask(volatile struct vmm_actor_req *r)
{
	r->status = ~0u;
	asm volatile("outl %0, %1" : : "a"((u32)(u64)r), "Nd"((u16)VMM_ACTOR_PORT) : "memory");
}

#endif
