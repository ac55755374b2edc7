// SPDX-License-Identifier: GPL-2.0-only
#include "l0/kvm/migrate_plan.h"

bool migrate_plan_parse(const char *text, struct migrate_plan *p)
{
	return guest_migrate_parse(&p->g, text);
}

bool migrate_plan_due(struct migrate_plan *p)
{
	return guest_migrate_due(&p->g);
}

uint64_t migrate_plan_kick_us(struct migrate_plan *p)
{
	return p->g.kind == GUEST_MIGRATE_RANDOM ? 1 + guest_migrate_draw(&p->g) % MIGRATE_KICK_MAX_US : 0;
}
