/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --migrate PLAN: where the kvm back end migrates L1 into a fresh VM and vCPU
 * (l0/kvm/vmm_actor.h). The points are the exits the VMM sees: each return of KVM_RUN to
 * user space (port I/O, MMIO, a signal).
 *   every-exit    at every one
 *   every=N       at every N-th (N from 1)
 *   at=N          at the N-th only, once per pass (N from 1): the smallest reproducer of a
 *                 difference another plan found at "point N"
 *   random:SEED   at each one with probability 1/MIGRATE_RANDOM_ONE_IN, drawn from SEED
 *                 (xorshift64*); and a timer kicks the vCPU out of KVM_RUN after a random
 *                 1 to MIGRATE_KICK_MAX_US microseconds each time, so that points fall
 *                 while L2 runs too. SEED reproduces the draws; where the kicks land
 *                 depends on timing as well.
 */
#ifndef L0_KVM_MIGRATE_PLAN_H
#define L0_KVM_MIGRATE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#define MIGRATE_RANDOM_ONE_IN 8
#define MIGRATE_KICK_MAX_US 20000

enum migrate_kind { MIGRATE_NONE, MIGRATE_EVERY, MIGRATE_AT, MIGRATE_RANDOM };

struct migrate_plan {
	enum migrate_kind kind;
	uint64_t every;		/* MIGRATE_EVERY: N (every-exit: 1); MIGRATE_AT: N */
	uint64_t seed, state;	/* MIGRATE_RANDOM */
	uint64_t exits;		/* points seen so far */
};

/* Parses PLAN; false when it is none of the four forms. NULL or "": no migration. */
bool migrate_plan_parse(const char *text, struct migrate_plan *p);
/* At the next point: migrate here? */
bool migrate_plan_due(struct migrate_plan *p);
/* random: microseconds to the next kick (0: the plan kicks nothing). */
uint64_t migrate_plan_kick_us(struct migrate_plan *p);

#endif
