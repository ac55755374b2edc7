// SPDX-License-Identifier: GPL-2.0-only
/*
 * tsc/: L2 reads the TSC with RDTSC or RDTSCP and hands L1 what it read in a VMCALL
 * (RBX = TSC, RCX = the RDTSCP's ECX), and L1 holds it against its own TSC (SDM "Time-
 * Stamp Counter Offset and Multiplier", "RDTSC", "RDTSCP"). L2_TSC_AUX: L2 writes
 * IA32_TSC_AUX (arg1 + i) and checks that RDTSCP returns it, without a VMCALL.
 */
#include "l2/l2.h"
#include "x86/processor.h"

#define MSR_IA32_TSC_AUX_L2 0xc0000103

static u64 rdtscp(u32 *aux)
{
	u32 lo, hi;

	asm volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(*aux) : : "memory");
	return lo | ((u64)hi << 32);
}

static void op_tsc(struct l2_ctx *c, u32 i)
{
	u32 aux = 0, lo, hi;
	u64 t;

	switch (c->arg[0]) {
	case L2_TSC_RDTSC:
		asm volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
		l2_hypercall(HC_NOP, lo | ((u64)hi << 32), 0);
		break;
	case L2_TSC_RDTSCP:
		t = rdtscp(&aux);
		l2_hypercall(HC_NOP, t, aux);
		break;
	case L2_TSC_AUX:
		wrmsr(MSR_IA32_TSC_AUX_L2, c->arg[1] + i);
		rdtscp(&aux);
		if (aux != (u32)(c->arg[1] + i))
			c->result[3]++;
		break;
	}
}

void l2_tsc(struct l2_ctx *c)
{
	c->result[3] = 0;
	l2_measure(c, op_tsc);
}
