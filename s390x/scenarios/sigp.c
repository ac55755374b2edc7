// SPDX-License-Identifier: GPL-2.0-only
/*
 * SIGNAL PROCESSOR orders between CPU 0 and CPU 1 (PoP chapter 4, "Signal-
 * Processor Orders" and "Conditions Determining Response"): the condition
 * code and, for cc 1, the exact status word each order must give.
 */
#include "s390x/scenario.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "s390x/smp.h"

#define CPU_ABSENT 2	/* QEMU -smp 2: CPU addresses 0 and 1 */

static volatile u32 seen_addr, seen_prefix, ready, spin, spins;

static void check_sigp(const char *what, int cc, u32 status, int want_cc, u32 want_status)
{
	if (want_cc == SIGP_CC_STATUS_STORED)
		check(cc == want_cc && status == want_status, "%s: cc %d status 0x%x (want cc 1, 0x%x)", what,
		      cc, cc == 1 ? status : 0, want_status);
	else
		check(cc == want_cc, "%s: cc %d (want %d)", what, cc, want_cc);
}

static void sense(const char *what, u16 addr, int want_cc, u32 want_status)
{
	u32 status = 0;
	int cc = smp_sigp(addr, SIGP_SENSE, 0, &status);

	check_sigp(what, cc, status, want_cc, want_status);
}

static void order(const char *what, u16 addr, u8 o, u64 param, int want_cc, u32 want_status)
{
	u32 status = 0;
	int cc = smp_sigp(addr, o, param, &status);

	check_sigp(what, cc, status, want_cc, want_status);
}

static void cpu1_whoami(void)
{
	seen_addr = stap();
	seen_prefix = stpx();
}

static void cpu1_spin(void)
{
	ready = 1;
	while (spin)
		spins++;
}

static bool run_spinning(void)
{
	ready = 0;
	spin = 1;
	return smp_run(cpu1_spin) && smp_wait_change(&ready, 0);
}

static void wait_stopped(const char *what)
{
	u64 t0 = stckf();

	while (!smp_cpu1_stopped() && stckf() - t0 < 4096ull * 1000 * 1000)
		;
	sense(what, CPU1_ADDR, SIGP_CC_STATUS_STORED, SIGP_STATUS_STOPPED);
}

static void sigp_sense(const struct run_options *o)
{
	(void)o;
	smp_stop_cpu1();
	sense("sense CPU 1, stopped", CPU1_ADDR, SIGP_CC_STATUS_STORED, SIGP_STATUS_STOPPED);
	sense("sense CPU 0, operating", 0, SIGP_CC_ACCEPTED, 0);
	sense("sense CPU 2, not configured", CPU_ABSENT, SIGP_CC_NOT_OPERATIONAL, 0);
	order("order 0x00 (unassigned) to CPU 1", CPU1_ADDR, 0x00, 0, SIGP_CC_STATUS_STORED,
	      SIGP_STATUS_INVALID_ORDER);
}

static void sigp_restart_stop(const struct run_options *o)
{
	u32 done = cpu1_done, resumed;

	(void)o;
	seen_addr = seen_prefix = 0xffffffffu;
	check(smp_run(cpu1_whoami), "restart CPU 1 (after set prefix): cc 0");
	check(smp_wait_change(&cpu1_done, done), "CPU 1 ran the restart new PSW's code");
	check(seen_addr == CPU1_ADDR && seen_prefix == (unsigned long)cpu1_lowcore,
	      "CPU 1: STAP %u, STPX %#x (want 1, %#lx)", seen_addr, seen_prefix, (unsigned long)cpu1_lowcore);
	wait_stopped("CPU 1 stopped itself; sense");
	if (!check(run_spinning(), "CPU 1 restarted into a counting loop"))
		return;
	sense("sense CPU 1, operating", CPU1_ADDR, SIGP_CC_ACCEPTED, 0);
	order("start CPU 1, operating (no effect)", CPU1_ADDR, SIGP_START, 0, SIGP_CC_ACCEPTED, 0);
	order("stop CPU 1, operating", CPU1_ADDR, SIGP_STOP, 0, SIGP_CC_ACCEPTED, 0);
	wait_stopped("after stop; sense");
	resumed = spins;
	for (u64 t0 = stckf(); stckf() - t0 < 4096ull * 10000;)
		;
	check(spins == resumed, "CPU 1 stopped: its loop counter stays at %u for 10 ms", resumed);
	order("start CPU 1, stopped", CPU1_ADDR, SIGP_START, 0, SIGP_CC_ACCEPTED, 0);
	check(smp_wait_change(&spins, resumed), "CPU 1 went on counting after start");
	sense("sense CPU 1 after start", CPU1_ADDR, SIGP_CC_ACCEPTED, 0);
	order("stop CPU 1 again", CPU1_ADDR, SIGP_STOP, 0, SIGP_CC_ACCEPTED, 0);
	wait_stopped("after the second stop; sense");
	spin = 0;
}

static void sigp_set_prefix(const struct run_options *o)
{
	(void)o;
	smp_stop_cpu1();
	order("set prefix CPU 1, stopped", CPU1_ADDR, SIGP_SET_PREFIX, (unsigned long)cpu1_lowcore,
	      SIGP_CC_ACCEPTED, 0);
	/* Beyond QEMU's 128 MiB of storage. */
	order("set prefix 0x7fffe000 (no storage there)", CPU1_ADDR, SIGP_SET_PREFIX, 0x7fffe000u,
	      SIGP_CC_STATUS_STORED, SIGP_STATUS_INVALID_PARAMETER);
	if (!check(run_spinning(), "CPU 1 restarted into a loop"))
		return;
	order("set prefix CPU 1, operating", CPU1_ADDR, SIGP_SET_PREFIX, (unsigned long)cpu1_lowcore,
	      SIGP_CC_STATUS_STORED, SIGP_STATUS_INCORRECT_STATE);
	spin = 0;
	smp_stop_cpu1();
}

static void cpu1_wait_call(void)
{
	ready = 1;
	wait_for_external(CR0_EXTERNAL_CALL);
}

static void cpu1_wait_emergency(void)
{
	ready = 1;
	wait_for_external(CR0_EMERGENCY_SIGNAL);
}

static void sigp_external_call(const struct run_options *o)
{
	u32 count = ext_seen[1].count;

	(void)o;
	smp_stop_cpu1();
	order("external call to CPU 1, stopped", CPU1_ADDR, SIGP_EXTERNAL_CALL, 0, SIGP_CC_ACCEPTED, 0);
	sense("sense CPU 1 with the call pending", CPU1_ADDR, SIGP_CC_STATUS_STORED,
	      SIGP_STATUS_EXT_CALL_PENDING | SIGP_STATUS_STOPPED);
	order("second external call while one is pending", CPU1_ADDR, SIGP_EXTERNAL_CALL, 0,
	      SIGP_CC_STATUS_STORED, SIGP_STATUS_EXT_CALL_PENDING);
	ready = 0;
	check(smp_run(cpu1_wait_call), "restart CPU 1 into an enabled wait");
	if (!check(smp_wait_change(&ext_seen[1].count, count), "CPU 1 took one external interruption"))
		return;
	check(ext_seen[1].code == 0x1202 && ext_seen[1].cpu_addr == 0,
	      "interruption code 0x%04x from CPU %u (want 0x1202, external call, from CPU 0)",
	      ext_seen[1].code, ext_seen[1].cpu_addr);
	wait_stopped("after the call; sense");
}

static void sigp_emergency(const struct run_options *o)
{
	u32 count = ext_seen[1].count;

	(void)o;
	ready = 0;
	check(smp_run(cpu1_wait_emergency) && smp_wait_change(&ready, 0), "CPU 1 in an enabled wait");
	order("emergency signal to CPU 1", CPU1_ADDR, SIGP_EMERGENCY_SIGNAL, 0, SIGP_CC_ACCEPTED, 0);
	if (!check(smp_wait_change(&ext_seen[1].count, count), "CPU 1 took one external interruption"))
		return;
	check(ext_seen[1].code == 0x1201 && ext_seen[1].cpu_addr == 0,
	      "interruption code 0x%04x from CPU %u (want 0x1201, emergency signal, from CPU 0)",
	      ext_seen[1].code, ext_seen[1].cpu_addr);
	wait_stopped("after the signal; sense");
}

static struct store_status ss;

static void sigp_store_status(const struct run_options *o)
{
	(void)o;
	if (!check(smp_park_cpu1_loaded(), "CPU 1 loaded its registers and waits"))
		return;
	order("store status at address, CPU 1 operating", CPU1_ADDR, SIGP_STORE_STATUS_AT_ADDRESS,
	      (unsigned long)&ss, SIGP_CC_STATUS_STORED, SIGP_STATUS_INCORRECT_STATE);
	order("stop CPU 1 in its disabled wait", CPU1_ADDR, SIGP_STOP, 0, SIGP_CC_ACCEPTED, 0);
	wait_stopped("after stop; sense");
	order("store status at address, CPU 1 stopped", CPU1_ADDR, SIGP_STORE_STATUS_AT_ADDRESS,
	      (unsigned long)&ss, SIGP_CC_ACCEPTED, 0);
	check(ss.prefix == (unsigned long)cpu1_lowcore && ss.gprs[7] == cpu1_state.gprs[7] &&
	      ss.psw.mask == (PSW_MASK_64 | PSW_MASK_WAIT),
	      "stored prefix %#x, GPR 7 %#llx, PSW mask %#llx (want %#lx, %#llx, %#llx)", ss.prefix,
	      (unsigned long long)ss.gprs[7], (unsigned long long)ss.psw.mask, (unsigned long)cpu1_lowcore,
	      (unsigned long long)cpu1_state.gprs[7], (unsigned long long)(PSW_MASK_64 | PSW_MASK_WAIT));
}

const struct scenario scn_sigp_sense = { .run = sigp_sense };
const struct scenario scn_sigp_restart_stop = { .run = sigp_restart_stop };
const struct scenario scn_sigp_set_prefix = { .run = sigp_set_prefix };
const struct scenario scn_sigp_external_call = { .run = sigp_external_call };
const struct scenario scn_sigp_emergency = { .run = sigp_emergency };
const struct scenario scn_sigp_store_status = { .run = sigp_store_status };
