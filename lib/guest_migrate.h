/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where L1 asks the VMM for a migration (qemu-kvm: QEMU's own migration, docs/migration-qemu.md).
 * The runner passes `nestlab run --migrate PLAN` on to L1 as qmigrate=PLAN, with the forms
 * of l0/kvm/migrate_plan.h, counted over the exits L1 takes from L2 (every one, from the
 * first scenario on, in the window or not):
 *   every-exit    at each L2->L1 exit
 *   every=N       at every N-th (N from 1)
 *   random:SEED   at each with probability 1/GUEST_MIGRATE_ONE_IN (xorshift64*, SEED);
 *                 under qemu-kvm asked by L2 itself, in guest mode (l1/qemu_migrate.h)
 * Freestanding: L1 and the host's unit test build it.
 */
#ifndef LIB_GUEST_MIGRATE_H
#define LIB_GUEST_MIGRATE_H

#include "lib/types.h"

#define GUEST_MIGRATE_ONE_IN 8

enum guest_migrate_kind { GUEST_MIGRATE_NONE, GUEST_MIGRATE_EVERY, GUEST_MIGRATE_RANDOM };

struct guest_migrate {
	enum guest_migrate_kind kind;
	u64 every;		/* EVERY: N (every-exit: 1) */
	u64 state;		/* RANDOM: the generator, from SEED */
	u64 exits;		/* points seen */
	u64 asked;		/* migrations asked for */
};

/* Parses PLAN into p; false (p: no migration) when it is none of the forms. NULL: none. */
bool guest_migrate_parse(struct guest_migrate *p, const char *text);
/* One more point: migrate here? */
bool guest_migrate_due(struct guest_migrate *p);

#endif
