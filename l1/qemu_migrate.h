/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * qemu-kvm's --migrate: at the points of the plan (qmigrate= on L1's command line,
 * lib/guest_migrate.h), counted over L1's exits from L2, L1 asks QEMU for a migration
 * between taking the exit and its next VM entry. It writes pvpanic "crash loaded" then
 * "panicked" (x86/ports.h): QEMU, with -action panic=pause, stops the VM; the runner's QMP
 * monitor migrates it to a file and a new QEMU takes it in (l0/backend/qemu_migrate.h).
 * random:SEED has L2 ask instead (l2/qemu_migrate.h): at a point L1 sets ctx->qmigrate, and
 * L2 writes the same two values itself at the start of its next iteration of l2_measure;
 * L1 passes port 0x505 through, so QEMU stops and migrates the vCPU in guest mode
 * (KVM_GET_NESTED_STATE with L2 running). A scenario whose L2 does not loop in
 * l2_measure leaves the ask unanswered: no migration there.
 */
#ifndef L1_QEMU_MIGRATE_H
#define L1_QEMU_MIGRATE_H

/* The plan from the command line (NULL: none); a plan it cannot read: a console warning. */
void qemu_migrate_init(const char *plan);
struct l2_ctx;
/* A scenario's L1 setup done: random: pass the pvpanic port through to L2. */
void qemu_migrate_setup(void);
/* An exit from L2, counted: a point of the plan? Then the migration, now (random: L2's, next). */
void qemu_migrate_point(struct l2_ctx *c);

#endif
