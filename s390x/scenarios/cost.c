// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exit-cost probes: instructions that KVM intercepts (DIAGNOSE X'44' and
 * X'9C', SIGP sense, STSI, STFLE), each timed alone between two STORE CLOCK
 * FAST ("TOD Clock": bit 51 is one microsecond), reported in ns as a
 * distribution. Every iteration's result is checked too. Under TCG this is
 * QEMU's emulation cost, not an interception.
 */
#include "s390x/scenario.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "s390x/smp.h"

#define STFLE_DWORDS 4
#define FACILITY_STFLE 7	/* "Facility Indications": STORE FACILITY LIST EXTENDED */

static u64 samples[RUNOPT_ITERS_MAX];
static u8 sysib[4096] __attribute__((aligned(4096)));
static u64 facilities[STFLE_DWORDS];

enum probe { P_DIAG44, P_DIAG9C, P_SIGP_SENSE, P_STSI, P_STFLE };

/* One timed execution; *ok says the result was the architected one. */
static u64 timed(enum probe p, bool *ok)
{
	u64 t0, t1;
	u32 status = 0;
	unsigned needed = 0;
	int cc = 0;

	t0 = stckf();
	switch (p) {
	case P_DIAG44:
		diag44();
		break;
	case P_DIAG9C:
		diag9c(CPU1_ADDR);
		break;
	case P_SIGP_SENSE:
		cc = sigp(CPU1_ADDR, SIGP_SENSE, 0, &status);
		break;
	case P_STSI:
		cc = stsi(sysib, 1, 1, 1, NULL);
		break;
	case P_STFLE:
		cc = stfle(facilities, STFLE_DWORDS, &needed);
		break;
	}
	t1 = stckf();
	switch (p) {
	case P_SIGP_SENSE:
		*ok = cc == SIGP_CC_STATUS_STORED && status == SIGP_STATUS_STOPPED;
		break;
	case P_STFLE:
		*ok = cc == 0 && needed < STFLE_DWORDS && (facilities[0] & BIT(63 - FACILITY_STFLE));
		break;
	default:
		*ok = cc == 0;
	}
	return tod_to_ns(t1 - t0);
}

static void measure(enum probe p, const char *insn, const char *want, const struct run_options *o)
{
	u32 good = 0;
	bool ok;
	u16 code;

	/* Is it there at all? A program interruption here is a SKIP that names it. */
	pgm_expect();
	timed(p, &ok);
	code = pgm_expect_end();
	if (code) {
		scenario_skip("%s: program interruption code 0x%04x%s", insn, code,
			      code == 0x0006 ? " (specification): QEMU TCG does not implement it" : "");
		return;
	}
	for (u32 i = 0; i < o->warmup; i++)
		timed(p, &ok);
	for (u32 i = 0; i < o->iters; i++) {
		samples[i] = timed(p, &ok);
		good += ok;
	}
	check(good == o->iters, "%s: %u of %u iterations %s", insn, good, o->iters, want);
	scenario_latency(samples, o->iters, o->warmup);
}

static void cost_diag44(const struct run_options *o)
{
	measure(P_DIAG44, "DIAGNOSE X'44'", "completed", o);
}

static void cost_diag9c(const struct run_options *o)
{
	smp_stop_cpu1();
	measure(P_DIAG9C, "DIAGNOSE X'9C'", "completed", o);
}

static void cost_sigp_sense(const struct run_options *o)
{
	smp_stop_cpu1();
	measure(P_SIGP_SENSE, "SIGP sense CPU 1", "gave cc 1 status 0x40 (stopped)", o);
}

static void cost_stsi(const struct run_options *o)
{
	measure(P_STSI, "STSI 1.1.1", "gave cc 0", o);
}

static void cost_stfle(const struct run_options *o)
{
	measure(P_STFLE, "STFLE", "gave cc 0 with facility 7 (STFLE) set", o);
}

const struct scenario scn_cost_diag44 = { .run = cost_diag44, .measures = true };
const struct scenario scn_cost_diag9c = { .run = cost_diag9c, .measures = true };
const struct scenario scn_cost_sigp_sense = { .run = cost_sigp_sense, .measures = true };
const struct scenario scn_cost_stsi = { .run = cost_stsi, .measures = true };
const struct scenario scn_cost_stfle = { .run = cost_stfle, .measures = true };
