/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * qemu-kvm's --migrate: at the points of the plan (qmigrate= on L1's command line,
 * lib/guest_migrate.h), counted over L1's exits from L2, L1 asks QEMU for a migration
 * between taking the exit and its next VM entry. It writes pvpanic "crash loaded" then
 * "panicked" (x86/ports.h): QEMU, with -action panic=pause, stops the VM; the runner's QMP
 * monitor migrates it to a file and a new QEMU takes it in (l0/backend/qemu_migrate.h).
 * random:SEED asks asynchronously instead: "crash loaded" twice, and L1 goes on (back into
 * L2); the monitor stops the VM with QMP `stop` wherever the vCPU is by then, mostly in L2,
 * so that QEMU migrates a vCPU in guest mode (KVM_GET_NESTED_STATE with L2 running).
 */
#ifndef L1_QEMU_MIGRATE_H
#define L1_QEMU_MIGRATE_H

/* The plan from the command line (NULL: none); a plan it cannot read: a console warning. */
void qemu_migrate_init(const char *plan);
/* An exit from L2, counted: a point of the plan? Then the migration, now. */
void qemu_migrate_point(void);

#endif
