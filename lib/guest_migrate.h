/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `nestlab run --migrate PLAN`: the one grammar of a migration plan, and where it falls
 * among a sequence of points. Two users count different points:
 * - nestlab's own VMM (l0/kvm/migrate_plan.h): the exits it sees (each return of KVM_RUN);
 * - L1 under qemu-kvm (QEMU's own migration, docs/migration-qemu.md), which gets the plan
 *   as qmigrate=PLAN: the exits it takes from L2 (every one, from the first scenario on,
 *   in the window or not).
 *   every-exit    at each point
 *   every=N       at every N-th (N from 1)
 *   at=N          at the N-th only (N from 1): the smallest reproducer of a difference
 *                 another plan found at "point N" (nestlab's VMM; refused under qemu-kvm)
 *   random:SEED   at each with probability 1/GUEST_MIGRATE_ONE_IN (xorshift64*, SEED);
 *                 under qemu-kvm asked by L2 itself, in guest mode (l1/qemu_migrate.h)
 * Freestanding: L1, the runner and the host's unit tests build it.
 */
#ifndef LIB_GUEST_MIGRATE_H
#define LIB_GUEST_MIGRATE_H

#include "lib/types.h"

#define GUEST_MIGRATE_ONE_IN 8

enum guest_migrate_kind { GUEST_MIGRATE_NONE, GUEST_MIGRATE_EVERY, GUEST_MIGRATE_AT, GUEST_MIGRATE_RANDOM };

struct guest_migrate {
	enum guest_migrate_kind kind;
	u64 every;		/* EVERY: N (every-exit: 1); AT: N */
	u64 state;		/* RANDOM: the generator, from SEED */
	u64 exits;		/* points seen */
	u64 asked;		/* migrations asked for */
};

/* Parses PLAN into p; false (p: no migration) when it is none of the forms. NULL, "": none. */
bool guest_migrate_parse(struct guest_migrate *p, const char *text);
/* One more point: migrate here? */
bool guest_migrate_due(struct guest_migrate *p);
/* The generator's next 32 random bits (xorshift64*; RANDOM plans). */
u64 guest_migrate_draw(struct guest_migrate *p);

#endif
