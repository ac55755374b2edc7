/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * qemu-kvm's --migrate random:SEED, L2's side (l1/qemu_migrate.h): when L1 has asked,
 * L2 writes QEMU's pvpanic port itself, which L1 passes through, so that QEMU stops and
 * migrates the vCPU with L2 running (KVM_STATE_NESTED_GUEST_MODE).
 */
#ifndef L2_QEMU_MIGRATE_H
#define L2_QEMU_MIGRATE_H

#include "l2/l2.h"
#include "x86/io.h"
#include "x86/ports.h"

static inline void l2_migrate_point(struct l2_ctx *c)
{
	if (!c->qmigrate)
		return;
	c->qmigrate = 0;
	outb(PVPANIC_PORT, PVPANIC_CRASH_LOADED);	/* the next pause is a migration point */
	outb(PVPANIC_PORT, PVPANIC_PANICKED);		/* QEMU stops the VM here, in L2 */
}

#endif
