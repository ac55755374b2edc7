// SPDX-License-Identifier: GPL-2.0-only
#include "s390x/smp.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "lib/string.h"

#define TOD_SECOND (4096ull * 1000 * 1000)

struct cpu_state cpu1_state;
u8 cpu1_lowcore[LC_SIZE] __attribute__((aligned(LC_SIZE)));
volatile u32 cpu1_done, cpu1_resumed;
void (*volatile cpu1_fn)(void);
extern char cpu1_entry[], cpu1_load_state[], cpu1_wait_addr[];

void cpu1_main(void);

void cpu1_main(void)
{
	void (*fn)(void) = cpu1_fn;

	cpu1_fn = NULL;
	if (fn)
		fn();
	cpu1_done++;
	for (;;) {
		sigp(CPU1_ADDR, SIGP_STOP, 0, NULL);
		cpu1_resumed++;
	}
}

int smp_sigp(u16 addr, u8 order, u64 param, u32 *status)
{
	int cc;

	for (int i = 0; i < 100000; i++) {
		cc = sigp(addr, order, param, status);
		if (cc != SIGP_CC_BUSY)
			break;
	}
	return cc;
}

bool smp_wait_change(volatile u32 *v, u32 old)
{
	u64 t0 = stckf();

	while (*v == old)
		if (stckf() - t0 > TOD_SECOND)
			return false;
	return true;
}

bool smp_cpu1_stopped(void)
{
	u32 status = 0;

	return smp_sigp(CPU1_ADDR, SIGP_SENSE, 0, &status) == SIGP_CC_STATUS_STORED &&
	       (status & SIGP_STATUS_STOPPED);
}

bool smp_stop_cpu1(void)
{
	u64 t0 = stckf();

	smp_sigp(CPU1_ADDR, SIGP_STOP, 0, NULL);
	while (!smp_cpu1_stopped())
		if (stckf() - t0 > TOD_SECOND)
			return false;
	return true;
}

/*
 * QEMU 7.2 TCG: a SIGP restart of a CPU that stopped with the wait bit in its
 * PSW loads the restart new PSW but leaves the vCPU halted, so it never runs.
 * An initial CPU reset clears that PSW first (and nothing a restart keeps).
 */
static void clear_wait_psw(void)
{
	static struct store_status ss;

	if (smp_sigp(CPU1_ADDR, SIGP_STORE_STATUS_AT_ADDRESS, (unsigned long)&ss, NULL) == SIGP_CC_ACCEPTED &&
	    (ss.psw.mask & PSW_MASK_WAIT))
		smp_sigp(CPU1_ADDR, SIGP_INITIAL_CPU_RESET, 0, NULL);
}

bool smp_restart_at(void *entry)
{
	volatile struct psw *restart = (volatile struct psw *)(cpu1_lowcore + LC_RESTART_NEW_PSW);

	if (!smp_stop_cpu1())
		return false;
	clear_wait_psw();
	/* CPU 1's own new PSWs, the same handlers as CPU 0's. */
	interrupt_install((unsigned long)cpu1_lowcore);
	restart->mask = PSW_MASK_64;
	restart->addr = (u64)(unsigned long)entry;
	if (smp_sigp(CPU1_ADDR, SIGP_SET_PREFIX, (unsigned long)cpu1_lowcore, NULL) != SIGP_CC_ACCEPTED)
		return false;
	return smp_sigp(CPU1_ADDR, SIGP_RESTART, 0, NULL) == SIGP_CC_ACCEPTED;
}

bool smp_run(void (*fn)(void))
{
	cpu1_fn = fn;
	return smp_restart_at(cpu1_entry);
}

bool smp_park_cpu1_loaded(void)
{
	volatile struct psw *wait = (volatile struct psw *)(cpu1_lowcore + LC_WAIT_PSW);
	struct cpu_state *s = &cpu1_state;
	u32 status;

	memset(s, 0, sizeof(*s));
	s->cr0 = 0xe0 | CR0_AFP;
	s->cr2 = 0x0000000012340000ull;
	s->cr8 = 0x0000000000005678ull;
	s->cr10 = 0x0000000000100000ull;
	s->cr11 = 0x0000000000200000ull;
	s->cr14 = 0;
	s->fpc = 0x00000001;			/* BFP rounding: toward 0 */
	s->cpu_timer = 0x7fff000000000000ull;
	s->clock_comp = 0xfedcba9876543200ull;	/* bits 56-63 are not stored */
	s->todpr = 0x1234;
	for (int i = 0; i < 16; i++) {
		s->fprs[i] = 0x4000000000000000ull | (u64)(i + 1) << 40;
		s->ars[i] = 0xa0a00000u | (u32)i;
		s->gprs[i] = 0x0101010101010101ull * (u64)(i + 1);
	}
	volatile u8 *loaded = cpu1_lowcore + LC_LOADED;
	u64 t0;

	wait->mask = PSW_MASK_64 | PSW_MASK_WAIT;
	wait->addr = (u64)(unsigned long)cpu1_wait_addr;
	*loaded = 0;
	if (!smp_restart_at(cpu1_load_state))
		return false;
	for (t0 = stckf(); !*loaded; )
		if (stckf() - t0 > TOD_SECOND)
			return false;
	/* The flag comes one instruction before the wait PSW is loaded. */
	for (t0 = stckf(); stckf() - t0 < TOD_SECOND / 1000;)
		;
	status = 0;
	return smp_sigp(CPU1_ADDR, SIGP_SENSE, 0, &status) == SIGP_CC_ACCEPTED;
}
