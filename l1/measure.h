/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * L1's side of the measurements: the known-answer delay on the exit path, L1-level
 * round trips timed by L1 itself, net samples and the raw `samples` records.
 */
#ifndef L1_MEASURE_H
#define L1_MEASURE_H

#include "l2/l2.h"

/*
 * Exactly n more instructions than n == 0: JRCXZ, then LOOP n times, one instruction
 * each. On Bochs (one TSC tick per instruction) every exit then costs n more cycles.
 */
static inline void measure_delay(u64 n)
{
	asm volatile("jrcxz 2f\n1:\tloop 1b\n2:" : "+c"(n) : : "memory");
}

/*
 * Times c->iters calls of op(i) in L1 after c->warmup untimed ones; sets c->tsc_overhead.
 * The timed calls are the window: NESTLAB_CTL_PORT edges around them, as for L2 scenarios.
 */
void measure_l1(struct l2_ctx *c, void (*op)(u32 i));
/*
 * A window edge: L1 tells its L0 on NESTLAB_CTL_PORT, and with edge pausing on it also
 * stops the VM through pvpanic, before the opening write and after the closing one.
 */
void measure_edge_pause(bool on);
void measure_window_edge(bool open);
/* samples[i] -= overhead, floored at 0. */
void measure_net(u64 *samples, u32 n, u64 overhead);
/* `samples` records: the n samples in run order, comma lists that fit one record each. */
void measure_samples_records(const char *name, const u64 *samples, u32 n);

#endif
