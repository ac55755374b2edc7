/* SPDX-License-Identifier: GPL-2.0-only */
/* lib/guest_migrate.c: the three plan forms, what they refuse, and where they fall. */
#include <string.h>

#include "lib/guest_migrate.h"
#include "lib/test.h"

static struct guest_migrate p;

static void test_forms(void)
{
	CHECK(guest_migrate_parse(&p, NULL) && p.kind == GUEST_MIGRATE_NONE, "NULL: no migration");
	CHECK(guest_migrate_parse(&p, "every-exit") && p.kind == GUEST_MIGRATE_EVERY && p.every == 1,
	      "every-exit: every 1");
	CHECK(guest_migrate_parse(&p, "every=7") && p.kind == GUEST_MIGRATE_EVERY && p.every == 7, "every=7");
	CHECK(guest_migrate_parse(&p, "random:0") && p.kind == GUEST_MIGRATE_RANDOM && p.state, "random:0: a state");
	CHECK(guest_migrate_parse(&p, "random:42") && p.state == 42, "random:42");
	CHECK(guest_migrate_parse(&p, "every=18446744073709551615") && p.every == ~0ull, "every=2^64-1");
	CHECK(guest_migrate_parse(&p, "at=43") && p.kind == GUEST_MIGRATE_AT && p.every == 43, "at=43");
	CHECK(guest_migrate_parse(&p, "") && p.kind == GUEST_MIGRATE_NONE, "'': none");
}

static void test_refused(void)
{
	static const char *const bad[] = { "every", "every=", "at", "at=", "at=0", "at=4 ", "every=0", "every=-1", "every=+2", "every=3x",
					   "every=18446744073709551616", "random:", "random:x", "sometimes",
					   "every-exits" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		p.kind = GUEST_MIGRATE_EVERY;
		CHECK(!guest_migrate_parse(&p, bad[i]) && p.kind == GUEST_MIGRATE_NONE, "'%s' refused", bad[i]);
	}
}

static void test_points(void)
{
	struct guest_migrate a, b;
	unsigned due = 0, same = 0;

	guest_migrate_parse(&p, "every=3");
	for (int i = 1; i <= 9; i++)
		CHECK(guest_migrate_due(&p) == (i % 3 == 0), "every=3: point %d", i);
	CHECK(p.exits == 9 && p.asked == 3, "every=3: 9 points, 3 asked (%llu, %llu)",
	      (unsigned long long)p.exits, (unsigned long long)p.asked);
	guest_migrate_parse(&p, "at=2");
	for (int i = 1; i <= 5; i++)
		CHECK(guest_migrate_due(&p) == (i == 2), "at=2: point %d", i);
	guest_migrate_parse(&p, NULL);
	CHECK(!guest_migrate_due(&p) && !p.exits, "none: never, nothing counted");
	guest_migrate_parse(&a, "random:7");
	guest_migrate_parse(&b, "random:7");
	for (int i = 0; i < 4096; i++) {
		bool x = guest_migrate_due(&a);

		same += x == guest_migrate_due(&b);
		due += x;
	}
	CHECK(same == 4096, "random:7 twice: the same points");
	CHECK(due > 4096 / GUEST_MIGRATE_ONE_IN / 2 && due < 4096 / GUEST_MIGRATE_ONE_IN * 2,
	      "random:7: %u of 4096 near 1/%d", due, GUEST_MIGRATE_ONE_IN);
}

int main(void)
{
	test_forms();
	test_refused();
	test_points();
	return test_done();
}
