/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/guest_cmdline.c: every word the runner writes, the limits of lib/run_options.h
 * (clamped, never wrapped), words it must ignore, and every guest key of the table.
 */
#include <stdio.h>
#include <string.h>

#include "lib/guest_cmdline.h"
#include "lib/test.h"

static struct guest_cmdline c;

static bool text_is(const char *got, const char *want)
{
	return got == want || (got && want && !strcmp(got, want));
}

static bool same(const struct run_options *a, const struct run_options *b)
{
	return a->iters == b->iters && a->warmup == b->warmup && a->delay == b->delay &&
	       a->raw == b->raw && text_is(a->edge_pause, b->edge_pause) &&
	       text_is(a->break_name, b->break_name) && a->coverage == b->coverage &&
	       text_is(a->qemu_migrate, b->qemu_migrate);
}

static void test_defaults(void)
{
	const struct run_options want = { .iters = 0, .warmup = DEFAULT_WARMUP };

	guest_cmdline_parse(&c, NULL, GUEST_CMDLINE_MAX);
	CHECK(!c.run && !c.text[0] && same(&c.opt, &want), "NULL: the defaults");
	guest_cmdline_parse(&c, "  ", GUEST_CMDLINE_MAX);
	CHECK(!c.run && same(&c.opt, &want), "blanks: the defaults");
	CHECK(!strcmp(c.text, "  "), "blanks kept in text");
}

static void test_every_word(void)
{
	const char *line = "run=cpuid/exit,hlt/exit iters=100 warmup=3 delay=7 raw=1 pause=pvpanic "
			   "break=hlt/exit";
	const struct run_options want = { .iters = 100, .warmup = 3, .delay = 7, .raw = true,
					  .edge_pause = "pvpanic", .break_name = "hlt/exit" };

	guest_cmdline_parse(&c, line, GUEST_CMDLINE_MAX);
	CHECK(same(&c.opt, &want), "every word: iters %u warmup %u delay %u raw %d pause %s break %s",
		   c.opt.iters, c.opt.warmup, c.opt.delay, c.opt.raw, c.opt.edge_pause, c.opt.break_name);
	CHECK(text_is(c.run, "cpuid/exit,hlt/exit"), "run= list: %s", c.run);
	CHECK(!strcmp(c.text, line), "text as received: %s", c.text);
}

static void expect_uint(const char *line, u32 got_field_offset, u32 want)
{
	u32 got;

	guest_cmdline_parse(&c, line, GUEST_CMDLINE_MAX);
	memcpy(&got, (const char *)&c.opt + got_field_offset, sizeof(got));
	CHECK(got == want, "%s: %u (want %u)", line, got, want);
}

#define UINT_AT(member) offsetof(struct run_options, member)

static void test_limits(void)
{
	expect_uint("iters=5000", UINT_AT(iters), RUNOPT_ITERS_MAX);
	expect_uint("iters=1024", UINT_AT(iters), 1024);
	expect_uint("iters=1025", UINT_AT(iters), 1024);
	expect_uint("iters=0", UINT_AT(iters), RUNOPT_ITERS_MIN);
	expect_uint("iters=99999999999999999999", UINT_AT(iters), RUNOPT_ITERS_MAX);
	expect_uint("warmup=65", UINT_AT(warmup), RUNOPT_WARMUP_MAX);
	expect_uint("warmup=0", UINT_AT(warmup), 0);
	expect_uint("delay=4294967296", UINT_AT(delay), RUNOPT_INJECT_DELAY_MAX);
	expect_uint("delay=1000001", UINT_AT(delay), 1000000);
}

static void test_ignored(void)
{
	static const char *const lines[] = {
		"iters=", "iters=abc", "iters=12x", "iters=-1", "raw=0", "raw=yes", "raw",
		"pause=other", "pause=", "break=", "itersx=5", "ITERS=5", "nonsense=1",
	};
	const struct run_options want = { .iters = 0, .warmup = DEFAULT_WARMUP };

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		guest_cmdline_parse(&c, lines[i], GUEST_CMDLINE_MAX);
		CHECK(same(&c.opt, &want) && !c.run, "%s: ignored", lines[i]);
	}
}

/* A valid value of each guest key must change the options: no key without a member. */
static void test_every_key(void)
{
	const struct run_options dflt = { .iters = 0, .warmup = DEFAULT_WARMUP };
	unsigned keys = 0;

	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *o = &run_option_table[id];
		char line[128], word[32] = "x";

		if (!o->guest_key)
			continue;
		keys++;
		if (o->type == RUNOPT_UINT)
			snprintf(word, sizeof(word), "%u", o->max ? o->max : 1);
		else if (o->type == RUNOPT_FLAG)
			snprintf(word, sizeof(word), "1");
		else if (o->type == RUNOPT_CHOICE)
			snprintf(word, sizeof(word), "%.*s", (int)strcspn(o->arg, "|"), o->arg);
		snprintf(line, sizeof(line), "%s=%s", o->guest_key, word);
		guest_cmdline_parse(&c, line, GUEST_CMDLINE_MAX);
		CHECK(!same(&c.opt, &dflt), "guest key %s (%s) recognised", o->guest_key, line);
	}
	CHECK(keys >= 6, "%u guest keys in the table (want at least iters warmup delay raw pause break)", keys);
}

static void test_cut(void)
{
	static char big[GUEST_CMDLINE_MAX + 100];

	guest_cmdline_parse(&c, "iters=7 warmup=5", 7);
	CHECK(c.opt.iters == 7 && c.opt.warmup == DEFAULT_WARMUP && !strcmp(c.text, "iters=7"),
		   "max 7: only \"iters=7\" read (%s)", c.text);
	memset(big, 'a', sizeof(big) - 1);
	guest_cmdline_parse(&c, big, sizeof(big));
	CHECK(strlen(c.text) == GUEST_CMDLINE_MAX - 1, "long line cut to %u bytes (%zu)",
		   GUEST_CMDLINE_MAX - 1, strlen(c.text));
}

static void test_names(void)
{
	const char *rest = "cpuid/exit,a-very-long-name,,x";
	char buf[8];

	rest = guest_cmdline_next_name(rest, buf, sizeof(buf));
	CHECK(rest && !strcmp(buf, "cpuid/e"), "first name cut to fit: %s", buf);
	rest = guest_cmdline_next_name(rest, buf, sizeof(buf));
	CHECK(rest && !strcmp(buf, "a-very-"), "second name: %s", buf);
	rest = guest_cmdline_next_name(rest, buf, sizeof(buf));
	CHECK(rest && !strcmp(buf, ""), "empty name: %s", buf);
	rest = guest_cmdline_next_name(rest, buf, sizeof(buf));
	CHECK(rest && !strcmp(buf, "x"), "last name: %s", buf);
	CHECK(!guest_cmdline_next_name(rest, buf, sizeof(buf)), "end of the list");
	CHECK(!guest_cmdline_next_name(NULL, buf, sizeof(buf)), "no list");
}

static void test_iters(void)
{
	struct run_options o = { .iters = 0 };

	CHECK(run_options_iters(&o, RUNOPT_ITERS_MAX) == DEFAULT_ITERS, "not given: DEFAULT_ITERS");
	CHECK(run_options_iters(&o, 16) == 16, "not given, scenario max 16: 16");
	o.iters = 100;
	CHECK(run_options_iters(&o, 16) == 16, "100, scenario max 16: 16");
	CHECK(run_options_iters(&o, RUNOPT_ITERS_MAX) == 100, "100: 100");
}

int main(void)
{
	test_defaults();
	test_every_word();
	test_limits();
	test_ignored();
	test_every_key();
	test_cut();
	test_names();
	test_iters();
	return test_done();
}
