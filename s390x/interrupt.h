/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interruption handling ("Interruptions", PoP chapter 6). Every class has a
 * new PSW; anything not expected is reported with its old PSW and code as a
 * crash record, and the run ends.
 */
#ifndef S390X_INTERRUPT_H
#define S390X_INTERRUPT_H

#include "lib/types.h"

enum int_class { INT_RESTART, INT_EXTERNAL, INT_SVC, INT_PROGRAM, INT_MCHECK, INT_IO };

/* Installs the new PSWs in the lowcore at lc (0: this CPU's, when prefix is 0). */
void interrupt_install(unsigned long lc);
/* Enabled wait for one external interruption of the CR0 subclass(es) in mask. */
void wait_for_external(u64 cr0_mask);

/* What the last expected external interruption on each CPU was. */
struct ext_seen {
	volatile u16 code, cpu_addr;
	volatile u32 count;
};
extern struct ext_seen ext_seen[2];

/*
 * A program interruption the caller expects: the next one is recorded and
 * execution goes on after the instruction (suppressing exceptions leave the
 * old PSW there). Returns the code, 0 when none came.
 */
void pgm_expect(void);
u16 pgm_expect_end(void);

/* Ends the run: CPU 1 stopped, then CPU 0 stops itself (QEMU exits). */
__attribute__((noreturn)) void s390x_halt(void);
/* Crash record, then a disabled wait that QEMU reports as a guest panic. */
__attribute__((noreturn)) void s390x_crash(const char *class, u16 code, u64 mask, u64 addr, u64 tea);
extern const char *crash_context;	/* the scenario running, for the crash record */

#endif
