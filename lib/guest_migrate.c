// SPDX-License-Identifier: GPL-2.0-only
#include "lib/guest_migrate.h"
#include "lib/string.h"

/* Decimal digits only, at least one, no overflow; at least min. */
static bool parse_u64(const char *s, u64 min, u64 *out)
{
	u64 v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		u64 d = (u64)(*s - '0');

		if (*s < '0' || *s > '9' || v > (~0ull - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v < min)
		return false;
	*out = v;
	return true;
}

bool guest_migrate_parse(struct guest_migrate *p, const char *text)
{
	u64 seed;

	memset(p, 0, sizeof(*p));
	if (!text || !*text)
		return true;
	if (!strcmp(text, "every-exit")) {
		p->kind = GUEST_MIGRATE_EVERY;
		p->every = 1;
	} else if (!strncmp(text, "every=", 6) && parse_u64(text + 6, 1, &p->every)) {
		p->kind = GUEST_MIGRATE_EVERY;
	} else if (!strncmp(text, "at=", 3) && parse_u64(text + 3, 1, &p->every)) {
		p->kind = GUEST_MIGRATE_AT;
	} else if (!strncmp(text, "random:", 7) && parse_u64(text + 7, 0, &seed)) {
		p->kind = GUEST_MIGRATE_RANDOM;
		p->state = seed ? seed : 0x9e3779b97f4a7c15ull;	/* xorshift needs a non-zero state */
	} else {
		memset(p, 0, sizeof(*p));
		return false;
	}
	return true;
}

u64 guest_migrate_draw(struct guest_migrate *p)
{
	u64 x = p->state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	p->state = x;
	return (x * 0x2545f4914f6cdd1dull) >> 32;
}

bool guest_migrate_due(struct guest_migrate *p)
{
	bool due = false;

	if (p->kind == GUEST_MIGRATE_NONE)
		return false;
	p->exits++;
	if (p->kind == GUEST_MIGRATE_EVERY)
		due = p->exits % p->every == 0;
	else if (p->kind == GUEST_MIGRATE_AT)
		due = p->exits == p->every;
	else
		due = guest_migrate_draw(p) < (1ull << 32) / GUEST_MIGRATE_ONE_IN;
	p->asked += due;
	return due;
}
