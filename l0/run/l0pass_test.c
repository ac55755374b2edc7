// SPDX-License-Identifier: GPL-2.0-only
/*
 * The two passes' records (timing, counting) and their tie: the timing pass's exits stat
 * against the counting pass's, host-interrupt exits taken out; malformed records refused.
 * Prints "N passed, N failed".
 */
#include <string.h>

#include "l0/run/l0pass.h"
#include "l0/run/record.h"
#include "lib/record.h"
#include "lib/test.h"

static struct record_parsed parsed;

/* The record's line, parsed into `parsed`. */
static const struct record_parsed *rec(struct record *r)
{
	const char *line = record_end(r);

	CHECK(record_parse(line, strlen(line) - 1, &parsed) == RECORD_OK, "record parses: %s", line);
	return &parsed;
}

static const struct record_parsed *timed(const char *traced, const char *counting, const char *counters)
{
	struct record r;

	record_begin(&r, "timing");
	record_str(&r, "name", "cpuid/exit");
	record_str(&r, "traced", traced);
	record_str(&r, "counters", counters);
	record_str(&r, "counting", counting);
	return rec(&r);
}

static const struct record_parsed *count(u64 exits, u64 irq)
{
	struct record r;

	record_begin(&r, "counting");
	record_str(&r, "name", "cpuid/exit");
	record_str(&r, "counters", "tracefs_hist,kvm_stats");
	record_u64(&r, "exits", exits);
	record_u64(&r, "irq_exits", irq);
	return rec(&r);
}

static void words_add(const char *w, void *arg)
{
	strcat(arg, w);
	strcat(arg, "|");
}

int main(void)
{
	struct l0pass p;
	char why[256] = "", words[128] = "";

	memset(&p, 0, sizeof(p));
	CHECK(l0pass_tie(&p, 195, 0, why, sizeof(why)), "no timing record (an emulator, an old L0): nothing to tie");
	CHECK(!l0pass_take(&p, timed("0", "1", "kvm_stats")), "timing taken");
	CHECK(p.have_timed && !p.traced && p.counting && !strcmp(p.timed_counters, "kvm_stats"),
	      "timing: untraced, a counting pass, counters kvm_stats");
	CHECK(l0pass_take(&p, timed("0", "1", "kvm_stats")) != NULL, "a second timing is refused");
	CHECK(!l0pass_tie(&p, 195, 0, why, sizeof(why)) && strstr(why, "no counting"),
	      "a counting pass that never reached the window: %s", why);
	CHECK(!l0pass_take(&p, count(195, 0)), "counting taken");
	CHECK(l0pass_take(&p, count(195, 0)) != NULL, "a second counting is refused");
	CHECK(l0pass_tie(&p, 195, 0, why, sizeof(why)), "equal exits: tied");
	CHECK(!l0pass_tie(&p, 196, 0, why, sizeof(why)) &&
	      strstr(why, "exits stat differs between the timing pass (196) and the counting pass (195)"),
	      "one exit more in the timing pass: %s", why);
	CHECK(l0pass_tie(&p, 197, 2, why, sizeof(why)), "two more exits that were host interrupts: tied");

	memset(&p, 0, sizeof(p));
	l0pass_take(&p, timed("0", "0", "kvm_stats"));
	CHECK(l0pass_tie(&p, 195, 0, why, sizeof(why)), "--count-pass off: nothing to tie");
	memset(&p, 0, sizeof(p));
	CHECK(l0pass_take(&p, timed("2", "1", "kvm_stats")) != NULL, "traced=2 is refused");
	memset(&p, 0, sizeof(p));
	CHECK(l0pass_take(&p, timed("0", "1", "KVM stats")) != NULL, "counters with a capital and a blank refused");

	l0pass_words("tracefs_hist,kvm_stats", words_add, words);
	CHECK(!strcmp(words, "tracefs_hist|kvm_stats|"), "counter words: %s", words);
	return test_done();
}
