// SPDX-License-Identifier: GPL-2.0-only
/* L2 side of svmtsc/: TSC reads, and probes of what L1 changed in the VMCB. */
#include "l2/l2.h"
#include "x86/processor.h"

static inline u64 rdtscp_value(void)
{
	u32 lo, hi, aux;

	asm volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	return lo | (u64)hi << 32;
}

/* arg0 0: RDTSC, 1: RDTSCP; result0 the last value, result1 the first. */
static void op_tsc(struct l2_ctx *c, u32 i)
{
	u64 t = c->arg[0] ? rdtscp_value() : rdtsc_serialized();

	if (i == 0)
		c->result[1] = t;
	c->result[0] = t;
}

void l2_tsc_read(struct l2_ctx *c)
{
	l2_measure(c, op_tsc);
}

enum { PROBE_WBINVD, PROBE_TSC, PROBE_CR0_TS, PROBE_CR2, PROBE_DR6, PROBE_IDT_LIMIT, PROBE_ES, PROBE_NPT };	/* svmtsc.c */

/* A hypercall (L1 changes a VMCB field, clears its clean bit, puts the value due in
 * arg1), then L2 looks at the field's effect. */
static void op_probe(struct l2_ctx *c, u32 i)
{
	struct { u16 limit; u64 base; } __attribute__((packed)) idtr;
	u64 v = 0, want;

	l2_hypercall(HC_NOP, i, 0);
	want = c->arg[1];
	switch (c->arg[0]) {
	case PROBE_WBINVD:	/* the first exits, L1 then drops the intercept */
		asm volatile("wbinvd; wbinvd" ::: "memory");
		return;
	case PROBE_TSC:
		v = rdtsc_serialized();
		if (v - want >= (1ull << 48))
			l2_hypercall(HC_FAIL, 0x50, v);
		return;
	case PROBE_CR0_TS:
		v = read_cr0() & 8;
		break;
	case PROBE_CR2:
		v = read_cr2();
		break;
	case PROBE_DR6:
		asm volatile("mov %%dr6, %0" : "=r"(v));
		v &= 0xf;
		break;
	case PROBE_ES:
		asm volatile("mov %%es, %0" : "=r"(v));
		v &= 0xffff;
		break;
	case PROBE_NPT:		/* the first qword of what arg2 (a GPA) maps to now */
		v = *(volatile u64 *)c->arg[2];
		break;
	case PROBE_IDT_LIMIT:
		asm volatile("sidt %0" : "=m"(idtr));
		v = idtr.limit;
		break;
	}
	if (v != want)
		l2_hypercall(HC_FAIL, 0x51, v);
}

void l2_clean_probe(struct l2_ctx *c)
{
	l2_measure(c, op_probe);
}
