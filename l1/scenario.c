// SPDX-License-Identifier: GPL-2.0-only
/* Runs one scenario: configure, enter L2 until it is done, check, report outside the window. */
#include "l1/scenario.h"
#include "l1/qemu_migrate.h"
#include "l1/console.h"
#include "l1/measure.h"
#include "x86/power.h"
#include "x86/serial.h"
#include "x86/setjmp.h"
#include "x86/trap.h"
#include "lib/printf.h"
#include "lib/report.h"
#include "lib/scenario_records.h"
#include "lib/stats.h"
#include "lib/string.h"

static struct vcpu vcpu;
static struct l2_ctx ctx;
static u64 samples[RUNOPT_ITERS_MAX];
static struct jmp_buf abort_jmp;
static bool in_scenario;
static u32 exit_delay;		/* run_options.delay of the running scenario */

void scenario_fatal(const char *fmt, ...)
{
	va_list ap;

	if (!vcpu.error[0]) {
		va_start(ap, fmt);
		nl_vsnprintf(vcpu.error, sizeof(vcpu.error), fmt, ap);
		va_end(ap);
	}
	vcpu.done = true;
	if (in_scenario)
		nl_longjmp(&abort_jmp, 1);
	console_printf("FAIL: %s: %s\n", hv ? hv->name : "l1", vcpu.error);
	power_off();
}

void scenario_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nl_vsnprintf(vcpu.skip, sizeof(vcpu.skip), fmt, ap);
	va_end(ap);
	vcpu.done = true;
	if (in_scenario)
		nl_longjmp(&abort_jmp, 1);
	scenario_fatal("scenario_skip outside a scenario: %s", vcpu.skip);
}

static const char *missing_need(const struct scenario *s, char *buf, size_t size)
{
	if (!hv) {
		nl_snprintf(buf, size, "needs VMX (CPUID.1:ECX[5]) or SVM (CPUID.80000001h:ECX[2]): this CPU has neither");
		return buf;
	}
	for (int c = 0; c < HV_CAP_COUNT; c++) {
		const char *why = (s->needs & BIT(c)) ? hv_missing(c, buf, size) : NULL;

		if (why)
			return why;
	}
	return NULL;
}

static void run_l2(struct vcpu *v)
{
	while (!v->done) {
		hv->run_once(v);
		measure_delay(exit_delay);	/* known-answer slowdown, 0: none */
	}
}

/* A fatal error of the back end anywhere below lands back here (scenario_fatal). */
static void run_guarded(const struct scenario *s, struct vcpu *v)
{
	if (nl_setjmp(&abort_jmp) == 0) {
		in_scenario = true;
		hv->load_fresh(v);
		if (s->l1_op) {		/* L1-level round trip: no L2, no exits of L1's own */
			measure_l1(&ctx, s->l1_op);
			v->done = true;
			in_scenario = false;
			return;
		}
		hv->setup_defaults(v);
		if (s->setup)
			s->setup(v);
		qemu_migrate_setup();	/* qemu-kvm --migrate random: L2 asks QEMU itself */
		if (!v->error[0] && hv->commit)
			hv->commit(v);
		if (!v->error[0]) {
			hv->set_entry(v, &ctx, s->l2);
			run_l2(v);
		}
	}
	in_scenario = false;
}

static bool contains(const char *s, const char *part)
{
	size_t n = strlen(part);

	for (; *s; s++)
		if (!strncmp(s, part, n))
			return true;
	return !*part;
}

/* The counter slot of an expectation: an exit kind, or this architecture's own code. */
static int expect_slot(const struct expect *e)
{
	if (e->kind & XK_NATIVE)
		return hv->native_slot(e->kind & ~XK_NATIVE);
	return hv->exit_slot(e->kind);
}

static const char *expect_name(const struct expect *e, char *buf, size_t size)
{
	if (!(e->kind & XK_NATIVE))
		return exit_kind_name(e->kind);
	nl_snprintf(buf, size, "native %#x", e->kind & ~XK_NATIVE);
	return buf;
}

static bool expected(const struct scenario *s, int slot)
{
	for (int i = 0; i < MAX_EXPECT && s->expect[i].per_iter; i++)
		if (expect_slot(&s->expect[i]) == slot)
			return true;
	return false;
}

static void check_exits(const struct scenario *s, struct vcpu *v, u32 iters, u32 bias)
{
	bool others = false;

	for (int i = 0; i < MAX_EXPECT && s->expect[i].per_iter; i++) {
		int slot = expect_slot(&s->expect[i]);
		u32 want = s->expect[i].per_iter * iters + bias;
		char buf[24];

		if (slot < 0) {
			check(false, "exit kind %s has no %s exit", expect_name(&s->expect[i], buf, sizeof(buf)), hv->name);
			continue;
		}
		check(v->exits[slot] == want, "exits %s: %u (want %u)", hv->slot_name(slot), v->exits[slot], want);
	}
	for (int r = 0; r < HV_EXIT_SLOTS; r++) {
		if (v->exits[r] && !expected(s, r)) {
			check(false, "exits %s: %u (want 0)", hv->slot_name(r), v->exits[r]);
			others = true;
		}
	}
	if (!others)
		check(bias == 0, "no other exits%s", bias ? " (want a broken expectation)" : "");
}

static void measurement_records(const char *name, struct vcpu *v, u32 iters, bool raw)
{
	struct record r;

	for (int i = 0; i < HV_EXIT_SLOTS; i++) {
		if (!v->exits[i])
			continue;
		record_begin(&r, "exit");
		record_str(&r, "name", name);
		record_str(&r, "level", "l1");
		record_str(&r, "reason", hv->slot_name(i));
		record_u64(&r, "count", v->exits[i]);
		record_emit(&r);
	}
	/* Net of the timing overhead; stats_compute() sorts, so raw samples go first. */
	measure_net(samples, iters, ctx.tsc_overhead);
	if (raw)
		measure_samples_records(name, samples, iters);
	record_latency(name, "cycles", samples, iters, ctx.warmup, &ctx.tsc_overhead);
}

/* The window and its checks, once the needs are met. */
static enum verdict run_window(const struct scenario_entry *e, u32 iters, const struct run_options *o)
{
	const struct scenario *s = e->scn;
	struct vcpu *v = &vcpu;

	if (s->special) {
		serial_flush();	/* a deliberate crash must not eat the scenario record */
		s->special();
	}
	memset(v, 0, sizeof(*v));
	memset(&ctx, 0, sizeof(ctx));
	memset(samples, 0, sizeof(samples));
	v->scn = s;
	v->ctx = &ctx;
	exit_delay = o->delay;
	ctx.iters = iters;
	ctx.warmup = o->warmup;
	ctx.samples = samples;
	run_guarded(s, v);

	if (v->skip[0]) {
		report_skip("%s", v->skip);
		return scenario_result(VERDICT_SKIP, 0, v->skip);
	}
	if (s->expect_error) {
		check(contains(v->error, s->expect_error), "VM entry failure decoded: \"%s\" (want \"%s\")",
		      v->error, s->expect_error);
		return scenario_result(scenario_failed() ? VERDICT_FAIL : VERDICT_PASS, 0, v->error);
	}
	if (v->error[0]) {
		report_fail("ERROR: %s", v->error);
		hv->dump(v);
		return scenario_result(VERDICT_ERROR, iters, v->error);
	}
	check_exits(s, v, iters, scenario_broken(o) ? 1 : 0);
	if (s->check)
		s->check(v);
	measurement_records(e->name, v, iters, o->raw);
	return scenario_result(scenario_failed() ? VERDICT_FAIL : VERDICT_PASS, iters, NULL);
}

enum verdict scenario_run(const struct scenario_entry *e, const struct run_options *o)
{
	const struct scenario *s = e->scn;
	u32 iters = run_options_iters(o, s->max_iters ? s->max_iters : RUNOPT_ITERS_MAX);
	enum verdict verdict;
	char why[128];
	const char *missing;

	trap_context = e->name;
	missing = missing_need(s, why, sizeof(why));
	if (missing) {
		report_skip("%s", missing);
		verdict = scenario_result(VERDICT_SKIP, 0, missing);
	} else {
		verdict = run_window(e, iters, o);
	}
	trap_context = NULL;
	return verdict;
}
