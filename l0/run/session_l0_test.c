// SPDX-License-Identifier: GPL-2.0-only
/*
 * The L0's records come only from the L0's own channel (lib/record_types.h, writer L0):
 * L1 printing an exit of level l0 or l0_nested (or any level but l1), a vcpustat, vmstat,
 * timing or counting record makes the scenario ERROR; the same records on the L0's
 * channel count, whether they come before the scenario opens or inside it, and records
 * of another scenario wait for it. An L1 record on the L0's channel counts for nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/test.h"
#include "l0/run/session.h"
#include "l0/run/session_fixture.h"

static char l0buf[8192];
static size_t l0len;

/* What con holds now becomes the L0's channel. */
static void keep_as_l0(void)
{
	memcpy(l0buf, con, conlen);
	l0len = conlen;
	conlen = 0;
}

/* The kvm back end's records of one window of scenario name. */
static void l0_window(const char *name)
{
	emit("exit", "name", name, "level", "l0", "reason", "VMRESUME", "count", "64", NULL);
	emit("exit", "name", name, "level", "l0_nested", "reason", "CPUID", "count", "64", NULL);
	emit("vcpustat", "name", name, "exits", "195", "nested_run", "65", NULL);
	emit("vmstat", "name", name, "remote_tlb_flush", "1", NULL);
	emit("timing", "name", name, "traced", "0", "counters", "kvm_stats", "counting", "1", NULL);
	emit("counting", "name", name, "counters", "tracefs_hist,kvm_stats", "exits", "195", "irq_exits", "0", NULL);
}

static u64 exits_at(const struct scn_result *r, const char *level, const char *reason)
{
	for (size_t i = 0; i < r->nexits; i++)
		if (!strcmp(r->exits[i].level, level) && !strcmp(r->exits[i].reason, reason))
			return r->exits[i].count;
	return ~0ull;
}

/* cpuid/exit's console with one forged record (type, then level or a key) inside. */
static void forged(const char *type, const char *key, const char *value)
{
	struct fixture f;

	preamble();
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "1", NULL);
	if (!strcmp(type, "exit"))
		emit("exit", "name", "cpuid/exit", key, value, "reason", "CPUID", "count", "64", NULL);
	else
		emit(type, "name", "cpuid/exit", key, value, NULL);
	emit("exit", "name", "cpuid/exit", "reason", "CPUID", "count", "64", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", "64", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_ERROR && contains(f.res[0].why, "L1 printed an L0 record"),
	      "L1 printed %s %s=%s: %s %s", type, key, value, verdict_name(f.res[0].verdict), f.res[0].why);
	CHECK(exits_at(&f.res[0], value, "CPUID") == ~0ull && !f.res[0].nl0_stats && !f.res[0].l0pass.have_timed,
	      "the forged %s counts nowhere", type);
	teardown(&f);
}

static void forgeries(void)
{
	struct fixture f;

	forged("exit", "level", "l0");
	forged("exit", "level", "l0_nested");
	forged("exit", "level", "l2");
	forged("vcpustat", "exits", "195");
	forged("vmstat", "remote_tlb_flush", "1");
	forged("timing", "traced", "0");
	forged("counting", "exits", "195");

	preamble();	/* L1's own level, named or not, is L1's */
	good_cpuid("64");
	emit("end", "passed", "1", "failed", "0", "skipped", "0", "errors", "0", NULL);
	run(&f, false, SESSION_EXITED, NULL, 0);
	CHECK(f.res[0].verdict == VERDICT_PASS, "exits of level l1: %s %s", verdict_name(f.res[0].verdict),
	      f.res[0].why);
	teardown(&f);
}

/* The L0's records through its channel: fed before the console, or inside the scenario. */
static void channel(bool first)
{
	struct fixture f;
	size_t open;

	conlen = 0;
	l0_window("vmcall/exit");	/* waits for its scenario */
	l0_window("cpuid/exit");
	emit("result", "name", "cpuid/exit", "verdict", "FAIL", "iterations", "1", NULL);	/* not L0's */
	keep_as_l0();
	preamble();
	open = conlen;
	good_cpuid("64");
	open = (size_t)((char *)memchr(con + open, '\n', conlen - open) - con) + 1;	/* after its scenario record */
	setup(&f);
	if (first)
		session_feed_l0(&f.s, l0buf, l0len);
	session_feed(&f.s, con, open);
	if (!first)
		session_feed_l0(&f.s, l0buf, l0len);
	session_feed(&f.s, con + open, conlen - open);
	conlen = 0;
	emit("scenario", "name", "vmcall/exit", "index", "2", "of", "2", NULL);
	emit("result", "name", "vmcall/exit", "verdict", "PASS", "iterations", "64", NULL);
	session_feed(&f.s, con, conlen);
	f.early = session_finish(&f.s, SESSION_EXITED, NULL, NULL, 0);
	for (int k = 0; k < 2; k++) {
		const struct scn_result *r = &f.res[k];

		CHECK(r->verdict == VERDICT_PASS, "%s, L0 records %s: %s %s", r->info->name,
		      first ? "first" : "inside", verdict_name(r->verdict), r->why);
		CHECK(exits_at(r, "l0", "VMRESUME") == 64 && exits_at(r, "l0_nested", "CPUID") == 64 &&
		      r->nl0_stats == 3 && r->l0pass.have_timed && r->l0pass.have_count,
		      "%s: the L0 channel's exits, stats and passes count", r->info->name);
	}
	CHECK(f.env.nwarnings == 1 && contains(f.env.warnings[0], "not an L0 record"),
	      "an L1 record on the L0 channel: a warning (%zu)", f.env.nwarnings);
	teardown(&f);
}

int main(void)
{
	forgeries();
	channel(true);
	channel(false);
	return test_done();
}
