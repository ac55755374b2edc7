// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "l0/kvm/migrate_plan.h"

static bool number(const char *s, uint64_t min, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v < min)
		return false;
	*out = v;
	return true;
}

bool migrate_plan_parse(const char *text, struct migrate_plan *p)
{
	memset(p, 0, sizeof(*p));
	if (!text || !*text)
		return true;
	if (!strcmp(text, "every-exit")) {
		p->kind = MIGRATE_EVERY;
		p->every = 1;
		return true;
	}
	if (!strncmp(text, "every=", 6) && number(text + 6, 1, &p->every)) {
		p->kind = MIGRATE_EVERY;
		return true;
	}
	if (!strncmp(text, "at=", 3) && number(text + 3, 1, &p->every)) {
		p->kind = MIGRATE_AT;
		return true;
	}
	if (!strncmp(text, "random:", 7) && number(text + 7, 0, &p->seed)) {
		p->kind = MIGRATE_RANDOM;
		p->state = p->seed ? p->seed : 0x9e3779b97f4a7c15ull;	/* xorshift needs a non-zero state */
		return true;
	}
	memset(p, 0, sizeof(*p));
	return false;
}

/* xorshift64*: 32 random bits. */
static uint64_t draw(struct migrate_plan *p)
{
	uint64_t x = p->state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	p->state = x;
	return (x * 0x2545f4914f6cdd1dull) >> 32;
}

bool migrate_plan_due(struct migrate_plan *p)
{
	p->exits++;
	switch (p->kind) {
	case MIGRATE_EVERY:
		return p->exits % p->every == 0;
	case MIGRATE_AT:
		return p->exits == p->every;
	case MIGRATE_RANDOM:
		return draw(p) < (1ull << 32) / MIGRATE_RANDOM_ONE_IN;
	default:
		return false;
	}
}

uint64_t migrate_plan_kick_us(struct migrate_plan *p)
{
	return p->kind == MIGRATE_RANDOM ? 1 + draw(p) % MIGRATE_KICK_MAX_US : 0;
}
