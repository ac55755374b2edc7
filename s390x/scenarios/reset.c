// SPDX-License-Identifier: GPL-2.0-only
/*
 * CPU resets (PoP chapter 4, "Resets": "CPU Reset", "Initial CPU Reset",
 * "Clear Reset", and the figure "Summary of Reset Actions"). CPU 1 first
 * loads distinctive values into every register and parks in a disabled wait;
 * after the reset CPU 0 reads them back with SIGP store status at address.
 *  - CPU reset: the CPU stops; registers, PSW and prefix unchanged.
 *  - Initial CPU reset: also PSW, prefix, CPU timer, clock comparator, TOD
 *    programmable register and FPC zero; CRs to their initial values
 *    (CR0 0xe0, CR14 0xc2000000, the rest 0: "Control Registers", initial
 *    values); GPRs, ARs and FPRs unchanged.
 *  - Clear reset (DIAGNOSE X'308' subcode 0): initial CPU reset plus GPRs,
 *    ARs and FPRs zero, on every CPU; CPU 0 goes on at the PSW at absolute 0.
 */
#include "s390x/scenario.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "s390x/sclp.h"
#include "s390x/smp.h"
#include "lib/string.h"

#define CR0_INITIAL	0xe0ull
#define CR14_INITIAL	0xc2000000ull

static struct store_status ss;
extern char cpu1_wait_addr[];
int clear_reset(void);

static bool check_sense_stopped(const char *after)
{
	u32 status = 0;
	int cc = smp_sigp(CPU1_ADDR, SIGP_SENSE, 0, &status);

	return check(cc == SIGP_CC_STATUS_STORED && status == SIGP_STATUS_STOPPED,
		     "after %s: SIGP sense CPU 1: cc %d status 0x%x (want cc 1, 0x%x: stopped)", after, cc,
		     status, SIGP_STATUS_STOPPED);
}

static bool store_status(void)
{
	int cc;

	memset(&ss, 0xee, sizeof(ss));
	cc = smp_sigp(CPU1_ADDR, SIGP_STORE_STATUS_AT_ADDRESS, (unsigned long)&ss, NULL);
	return check(cc == SIGP_CC_ACCEPTED, "SIGP store status at address: cc %d (want 0)", cc);
}

/* One check for a register file: the first register that differs names it. */
static void check_regs64(const char *what, const u64 *got, const u64 *want, int n)
{
	int i;

	for (i = 0; i < n && got[i] == want[i]; i++)
		;
	if (i == n)
		check(true, "%s: all %d as wanted (0: %#llx)", what, n, (unsigned long long)want[0]);
	else
		check(false, "%s %d: %#llx (want %#llx)", what, i, (unsigned long long)got[i],
		      (unsigned long long)want[i]);
}

static void check_regs32(const char *what, const u32 *got, const u32 *want, int n)
{
	u64 g[16], w[16];

	for (int i = 0; i < n; i++) {
		g[i] = got[i];
		w[i] = want[i];
	}
	check_regs64(what, g, w, n);
}

static void check_u64(const char *what, u64 got, u64 want)
{
	check(got == want, "%s: %#llx (want %#llx)", what, (unsigned long long)got, (unsigned long long)want);
}

/* The registers that no reset short of clear reset touches. */
static void check_kept_registers(void)
{
	check_regs64("GPR", ss.gprs, cpu1_state.gprs, 16);
	check_regs32("AR", ss.ars, cpu1_state.ars, 16);
	check_regs64("FPR", ss.fprs, cpu1_state.fprs, 16);
}

static bool park(void)
{
	return check(smp_park_cpu1_loaded(), "CPU 1 loaded its registers and waits (SIGP sense cc 0)");
}

static void reset_cpu(const struct run_options *o)
{
	int cc;

	(void)o;
	if (!park())
		return;
	cc = smp_sigp(CPU1_ADDR, SIGP_CPU_RESET, 0, NULL);
	check(cc == SIGP_CC_ACCEPTED, "SIGP CPU reset: cc %d (want 0)", cc);
	check_sense_stopped("CPU reset");
	if (!store_status())
		return;
	check_u64("PSW mask", ss.psw.mask, PSW_MASK_64 | PSW_MASK_WAIT);
	check_u64("PSW address", ss.psw.addr, (unsigned long)cpu1_wait_addr);
	check_u64("prefix", ss.prefix, (unsigned long)cpu1_lowcore);
	check_u64("CR0", ss.crs[0], cpu1_state.cr0);
	check_u64("CR2", ss.crs[2], cpu1_state.cr2);
	check_u64("CR8", ss.crs[8], cpu1_state.cr8);
	check_u64("CR10", ss.crs[10], cpu1_state.cr10);
	check_u64("CR11", ss.crs[11], cpu1_state.cr11);
	check_u64("CR14", ss.crs[14], cpu1_state.cr14);
	check_u64("FPC", ss.fpc, cpu1_state.fpc);
	check_u64("TOD programmable register", ss.todpr, cpu1_state.todpr);
	check_u64("clock comparator bits 0-55", ss.clock_comp, cpu1_state.clock_comp >> 8);
	check(ss.cpu_timer != 0, "CPU timer kept: %#llx (want not 0)", (unsigned long long)ss.cpu_timer);
	check_kept_registers();
}

/* After initial CPU reset and clear reset alike. */
static void check_initial_values(void)
{
	u64 crs[16] = { 0 };

	crs[0] = CR0_INITIAL;
	crs[14] = CR14_INITIAL;
	check_u64("PSW mask", ss.psw.mask, 0);
	check_u64("PSW address", ss.psw.addr, 0);
	check_u64("prefix", ss.prefix, 0);
	check_regs64("CR", ss.crs, crs, 16);
	check_u64("FPC", ss.fpc, 0);
	check_u64("TOD programmable register", ss.todpr, 0);
	check_u64("clock comparator", ss.clock_comp, 0);
	check_u64("CPU timer", ss.cpu_timer, 0);
}

static void reset_initial(const struct run_options *o)
{
	int cc;

	(void)o;
	if (!park())
		return;
	cc = smp_sigp(CPU1_ADDR, SIGP_INITIAL_CPU_RESET, 0, NULL);
	check(cc == SIGP_CC_ACCEPTED, "SIGP initial CPU reset: cc %d (want 0)", cc);
	check_sense_stopped("initial CPU reset");
	if (!store_status())
		return;
	check_initial_values();
	check_kept_registers();
}

static void reset_clear(const struct run_options *o)
{
	u64 zero[16] = { 0 }, crs[16] = { 0 };
	u32 zero32[16] = { 0 };
	int resumed;

	(void)o;
	if (!park())
		return;
	resumed = clear_reset();
	/* The reset cleared CR0 and the SCLP's event masks: the console first. */
	interrupt_install(0);
	sclp_init();
	if (!check(resumed == 1, "DIAGNOSE X'308' subcode 0: CPU 0 resumed at the PSW at absolute 0"))
		return;
	crs[0] = CR0_INITIAL;
	crs[14] = CR14_INITIAL;
	check_regs64("CPU 0 GPR", (const u64 *)LC_SCRATCH_GPRS, zero, 16);
	check_regs32("CPU 0 AR", (const u32 *)LC_SCRATCH_ARS, zero32, 16);
	check_regs64("CPU 0 CR", (const u64 *)LC_SCRATCH_CRS, crs, 16);
	check_u64("CPU 0 prefix", *LC_PTR(u32, LC_SCRATCH_PREFIX), 0);
	/* EPSW: the IPL PSW's short format gone, 31-bit addressing, CC 0. */
	check_u64("CPU 0 PSW mask bits 0-31", *LC_PTR(u32, LC_SCRATCH_PSWMASK), 0);
	check_u64("CPU 0 PSW mask bits 32-63", *LC_PTR(u32, LC_SCRATCH_PSWMASK + 4), 0x80000000u);
	check_sense_stopped("clear reset");
	if (!store_status())
		return;
	check_initial_values();
	check_regs64("CPU 1 GPR", ss.gprs, zero, 16);
	check_regs32("CPU 1 AR", ss.ars, zero32, 16);
	check_regs64("CPU 1 FPR", ss.fprs, zero, 16);
}

const struct scenario scn_reset_cpu = { .run = reset_cpu };
const struct scenario scn_reset_initial = { .run = reset_initial };
const struct scenario scn_reset_clear = { .run = reset_clear };
