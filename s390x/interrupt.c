// SPDX-License-Identifier: GPL-2.0-only
#include "s390x/interrupt.h"
#include "lib/console.h"
#include "s390x/lowcore.h"
#include "s390x/processor.h"
#include "s390x/sclp.h"
#include "lib/scenario_records.h"
#include "lib/record.h"

extern char int_restart[], int_external[], int_svc[], int_program[], int_mcheck[], int_io[];

struct ext_seen ext_seen[2];
const char *crash_context;
static volatile bool pgm_expecting;
static volatile u16 pgm_code;

/* External-interruption codes ("External Interruption", PoP chapter 6). */
#define EXT_EMERGENCY_SIGNAL	0x1201
#define EXT_EXTERNAL_CALL	0x1202
#define EXT_SERVICE_SIGNAL	0x2401

void interrupt_install(unsigned long lc)
{
	static const struct { unsigned off; char *entry; } psws[] = {
		{ LC_EXT_NEW_PSW, int_external }, { LC_SVC_NEW_PSW, int_svc },
		{ LC_PGM_NEW_PSW, int_program },  { LC_MCCK_NEW_PSW, int_mcheck },
		{ LC_IO_NEW_PSW, int_io },        { LC_RESTART_NEW_PSW, int_restart },
	};

	/* New PSWs: 64-bit addressing, every interruption disabled. */
	for (unsigned i = 0; i < ARRAY_SIZE(psws); i++) {
		volatile struct psw *p = (volatile struct psw *)(lc + psws[i].off);

		p->mask = PSW_MASK_64;
		p->addr = (u64)(unsigned long)psws[i].entry;
	}
}

void wait_for_external(u64 cr0_mask)
{
	struct psw wait = { PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_WAIT, 0 };
	u64 cr0 = stctg0();

	lctlg0(cr0 | cr0_mask);
	asm volatile("larl %%r1,0f\n"
		     "stg %%r1,%[addr]\n"
		     "lpswe %[psw]\n"
		     "0:"
		     : [addr] "=Q"(wait.addr)
		     : [psw] "Q"(wait)
		     : "r1", "memory", "cc");
	lctlg0(cr0);
}

void pgm_expect(void)
{
	pgm_code = 0;
	pgm_expecting = true;
}

u16 pgm_expect_end(void)
{
	pgm_expecting = false;
	return pgm_code;
}

__attribute__((noreturn)) void s390x_halt(void)
{
	u16 me = stap();

	sigp(me ^ 1, SIGP_STOP, 0, NULL);
	/* Stopping the last operating CPU is a shutdown to QEMU. */
	for (;;)
		sigp(me, SIGP_STOP, 0, NULL);
}

/* Disabled wait that is not QEMU's "special" 0xfff: a guest panic, QEMU exits. */
static __attribute__((noreturn)) void disabled_wait(u64 addr)
{
	struct psw w = { PSW_MASK_64 | PSW_MASK_WAIT, addr };

	sigp(stap() ^ 1, SIGP_STOP, 0, NULL);
	for (;;)
		asm volatile("lpswe %0" : : "Q"(w) : "memory");
}

__attribute__((noreturn)) void s390x_crash(const char *class, u16 code, u64 mask, u64 addr, u64 tea)
{
	struct record r;

	record_begin(&r, "crash");
	record_u64(&r, "vector", code);
	record_hex(&r, "error", mask);
	record_hex(&r, "rip", addr);
	record_hex(&r, "cr2", tea);
	record_str(&r, "class", class);
	if (crash_context)
		record_str(&r, "name", crash_context);
	record_emit(&r);
	console_printf("FAIL: s390x: %s interruption code 0x%04x, old PSW %016llx %016llx\n", class,
		       code, (unsigned long long)mask, (unsigned long long)addr);
	disabled_wait(0xdead);
}

static void external(volatile struct psw *old)
{
	u16 code = *LC_PTR(u16, LC_EXT_INT_CODE);
	u16 src = *LC_PTR(u16, LC_EXT_CPU_ADDR);
	u16 me = stap();

	if (code == EXT_SERVICE_SIGNAL) {
		sclp_service_signal();
	} else if ((code == EXT_EMERGENCY_SIGNAL || code == EXT_EXTERNAL_CALL) && me < 2) {
		ext_seen[me].code = code;
		ext_seen[me].cpu_addr = src;
		ext_seen[me].count++;
	} else {
		s390x_crash("external", code, old->mask, old->addr, 0);
	}
	/* Woken from wait_for_external: go on after the wait, disabled again. */
	if (old->mask & PSW_MASK_WAIT)
		old->mask &= ~(PSW_MASK_WAIT | PSW_MASK_EXT | PSW_MASK_IO);
}

void s390x_interrupt(int class, const u64 *gprs);

void s390x_interrupt(int class, const u64 *gprs)
{
	static const char *const names[] = { "restart", "external", "svc", "program", "machine-check", "io" };
	static const unsigned old_off[] = { LC_RESTART_OLD_PSW, LC_EXT_OLD_PSW, LC_SVC_OLD_PSW,
					    LC_PGM_OLD_PSW, LC_MCCK_OLD_PSW, LC_IO_OLD_PSW };
	volatile struct psw *old = (volatile struct psw *)(unsigned long)old_off[class];
	u16 code = 0;

	(void)gprs;
	if (class == INT_EXTERNAL)
		return external(old);
	if (class == INT_PROGRAM) {
		code = *LC_PTR(u16, LC_PGM_CODE);
		if (pgm_expecting) {
			pgm_expecting = false;
			pgm_code = code;
			return;
		}
		s390x_crash(names[class], code, old->mask, old->addr, *LC_PTR(u64, LC_TRANS_EXC));
	}
	if (class == INT_SVC)
		code = *LC_PTR(u16, LC_SVC_CODE);
	s390x_crash(names[class], code, old->mask, old->addr, 0);
}
