// SPDX-License-Identifier: GPL-2.0-only
/* --migrate's plans (l0/kvm/migrate_plan.h): what parses, and where each one migrates. */
#include "lib/test.h"
#include "l0/kvm/migrate_plan.h"

/* The points (1-based) among the first n at which plan p migrates, as a bit mask. */
static uint64_t due_mask(const char *text, unsigned n)
{
	struct migrate_plan p;
	uint64_t mask = 0;

	if (!migrate_plan_parse(text, &p))
		return ~0ull;
	for (unsigned i = 1; i <= n; i++)
		if (migrate_plan_due(&p))
			mask |= 1ull << (i - 1);
	return mask;
}

static void test_parse(void)
{
	static const char *const good[] = { "every-exit", "every=1", "every=200", "at=1", "at=43", "random:0",
					    "random:7", "" };
	static const char *const bad[] = { "every", "every=", "every=0", "every=-1", "every=+2", "at=", "at=0",
					   "at=x", "at=4 ", "random", "random:", "random:-1", "everyexit", "at" };
	struct migrate_plan p;

	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK(migrate_plan_parse(good[i], &p), "'%s' parses", good[i]);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!migrate_plan_parse(bad[i], &p) && p.g.kind == GUEST_MIGRATE_NONE, "'%s' is refused", bad[i]);
	CHECK(migrate_plan_parse(NULL, &p) && p.g.kind == GUEST_MIGRATE_NONE, "no plan: none");
}

static void test_points(void)
{
	CHECK(due_mask("every-exit", 10) == 0x3ff, "every-exit: each point");
	CHECK(due_mask("every=3", 10) == 0x124, "every=3: points 3, 6, 9");
	CHECK(due_mask("at=43", 60) == 1ull << 42, "at=43: point 43 only");
	CHECK(due_mask("at=1", 60) == 1, "at=1: the first point only");
	CHECK(due_mask("", 60) == 0, "no plan: no point");
	CHECK(due_mask("random:5", 64) == due_mask("random:5", 64), "random: the seed repeats the draws");
}

int main(void)
{
	test_parse();
	test_points();
	return test_done();
}
