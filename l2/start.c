// SPDX-License-Identifier: GPL-2.0-only
#include "l2/l2.h"
#include "l2/qemu_migrate.h"
#include "x86/processor.h"


void l2_start(struct l2_ctx *c, l2_workload fn)
{
	l2_irq_ctx = c;
	fn(c);
	l2_hypercall(HC_DONE, 0, 0);
	for (;;)
		l2_hypercall(HC_FAIL, 0xdead, 0);	/* L1 resumed a finished L2 */
}

void l2_measure(struct l2_ctx *c, l2_op op)
{
	u32 i;

	c->tsc_overhead = rdtsc_overhead();
	if (c->enter)
		c->enter(c);
	for (i = 0; i < c->warmup; i++) {
		l2_migrate_point(c);
		op(c, i);
	}
	if (c->leave)
		c->leave(c);
	l2_hypercall(HC_WINDOW_OPEN, 0, 0);
	if (c->enter)
		c->enter(c);
	for (i = 0; i < c->iters; i++) {
		u64 t0;

		l2_migrate_point(c);	/* qemu-kvm --migrate random: outside the timed region */
		t0 = rdtsc_serialized();

		op(c, c->warmup + i);
		c->samples[i] = rdtsc_serialized() - t0;
	}
	if (c->leave)
		c->leave(c);
	l2_hypercall(HC_WINDOW_CLOSE, 0, 0);
}
