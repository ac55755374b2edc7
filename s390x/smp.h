/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU 1 (QEMU -smp 2): stopped after IPL. smp_run() gives it its own prefix
 * area and restarts it into a C function; when that returns, CPU 1 stops
 * itself, and a SIGP start makes it count cpu1_resumed and stop again.
 */
#ifndef S390X_SMP_H
#define S390X_SMP_H

#include "s390x/lowcore.h"

#define CPU1_ADDR 1

/* Register values CPU 1 loads before its disabled wait (start.S cpu1_load_state). */
struct cpu_state {
	u64 cr0, cr2, cr8, cr10, cr11, cr14;
	u32 fpc, pad;
	u64 cpu_timer, clock_comp, todpr;
	u64 fprs[16];
	u32 ars[16];
	u64 gprs[16];
};
_Static_assert(__builtin_offsetof(struct cpu_state, fprs) == 80, "cpu_state: start.S offsets");
_Static_assert(__builtin_offsetof(struct cpu_state, ars) == 208, "cpu_state: start.S offsets");
_Static_assert(__builtin_offsetof(struct cpu_state, gprs) == 272, "cpu_state: start.S offsets");

extern struct cpu_state cpu1_state;
extern u8 cpu1_lowcore[LC_SIZE];
extern volatile u32 cpu1_done, cpu1_resumed;
extern void (*volatile cpu1_fn)(void);

/* SIGP with a bounded retry while the order is busy (cc 2). */
int smp_sigp(u16 addr, u8 order, u64 param, u32 *status);
/* Stops CPU 1 and waits until SIGP sense says stopped; false on timeout. */
bool smp_stop_cpu1(void);
/* Sets CPU 1's prefix and restarts it at fn (C) or at entry (assembly); true when accepted. */
bool smp_run(void (*fn)(void));
bool smp_restart_at(void *entry);
/* Waits until *v != old or about a second of TOD time passed; true when it changed. */
bool smp_wait_change(volatile u32 *v, u32 old);
/* Fills cpu1_state with distinctive values and parks CPU 1 in a disabled wait with them. */
bool smp_park_cpu1_loaded(void);
bool smp_cpu1_stopped(void);

#endif
