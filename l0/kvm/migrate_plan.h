/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --migrate PLAN: where the kvm back end migrates L1 into a fresh VM and vCPU
 * (l0/kvm/vmm_actor.h). The points are the exits the VMM sees: each return of KVM_RUN to
 * user space (port I/O, MMIO, a signal).
 The plans and where they fall are lib/guest_migrate.h's (one grammar for the VMM and
 * for L1 under qemu-kvm); at=N migrates once per pass. The VMM adds the kicks: with
 * random:SEED a timer kicks the vCPU out of KVM_RUN after a random 1 to
 * MIGRATE_KICK_MAX_US microseconds each time, so that points fall while L2 runs too.
 * SEED reproduces the draws; where the kicks land depends on timing as well.
 */
#ifndef L0_KVM_MIGRATE_PLAN_H
#define L0_KVM_MIGRATE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/guest_migrate.h"

#define MIGRATE_KICK_MAX_US 20000

struct migrate_plan {
	struct guest_migrate g;	/* kind, N, the generator, the points seen (g.exits) */
};

/* Parses PLAN; false when it is none of the forms. NULL or "": no migration. */
bool migrate_plan_parse(const char *text, struct migrate_plan *p);
/* At the next point: migrate here? */
bool migrate_plan_due(struct migrate_plan *p);
/* random: microseconds to the next kick (0: the plan kicks nothing). */
uint64_t migrate_plan_kick_us(struct migrate_plan *p);

#endif
