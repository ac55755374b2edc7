// SPDX-License-Identifier: GPL-2.0-only
/*
 * L2 workloads of the ptimer/ and msrarea/ families (issue 13): L2 waits for the
 * VMX-preemption timer, or reads and writes the MSRs that L1's MSR-load/store areas and
 * the EFER/PAT controls move across VM entries and exits (SDM "VMX-Preemption Timer",
 * "Loading MSRs", "Saving MSRs", "Loading Host Control Registers, Debug Registers, MSRs").
 */
#include "l2/l2.h"
#include "x86/processor.h"

#define SPIN_LIMIT	100000000ULL

static void want(u64 id, u64 seen, u64 wanted)
{
	if (seen != wanted)
		l2_hypercall(HC_FAIL, id, seen);
}

/* L1 arms the timer and writes result0 = 1 when it expired. */
static void op_spin(struct l2_ctx *c, u32 i)
{
	volatile u64 *fired = &c->result[0];
	u64 n = 0;

	(void)i;
	*fired = 0;
	l2_hypercall(HCA_ARM, 0, 0);
	while (!*fired)
		if (++n == SPIN_LIMIT)
			l2_hypercall(HC_FAIL, 0x1341, n);	/* the timer never fired */
}

void l2_ptimer_spin(struct l2_ctx *c)
{
	l2_measure(c, op_spin);
}

/* HLT with IF=0: only the timer (or an NMI) ends it. RBX: the address after HLT. */
static void op_hlt(struct l2_ctx *c, u32 i)
{
	u64 nr = HCA_ARM;

	(void)c;
	(void)i;
	asm volatile("lea 1f(%%rip), %%rbx; vmcall; hlt; 1:" : "+a"(nr) : : "rbx", "rcx", "rdx", "memory");
}

void l2_ptimer_hlt(struct l2_ctx *c)
{
	l2_measure(c, op_hlt);
}

static void op_msr_area(struct l2_ctx *c, u32 i)
{
	u32 msr = (u32)c->arg[0];
	u64 v = 0x7e5700000000ULL + (u64)i * 0x1000;

	switch (c->arg[2]) {
	case MSR_AREA_READ:	/* L1 loads RBX into the MSR on the next VM entry */
		l2_hypercall(HCA_ARM, v, 0);
		want(0x1351, rdmsr(msr), c->arg[1] ? c->arg[1] : v);
		break;
	case MSR_AREA_WRITE:	/* L1 checks what the VM exit stored or loaded */
		wrmsr(msr, v);
		l2_hypercall(HCA_ARM, v, 0);
		break;
	case MSR_AREA_TSC:	/* the stored TSC is at least what L2 read before the exit */
		l2_hypercall(HCA_ARM, rdtsc_serialized(), 0);
		break;
	case MSR_AREA_FLIP:	/* EFER.SCE toggled: L1 compares the saved guest EFER */
		v = rdmsr(msr) ^ 1;
		wrmsr(msr, v);
		l2_hypercall(HCA_ARM, v, 0);
		break;
	}
}

void l2_msr_area(struct l2_ctx *c)
{
	l2_measure(c, op_msr_area);
}

/* Memory types 6,4,7,0 / 6,1,7,0: every byte a valid type (SDM "IA32_PAT MSR"). */
static u64 pat_variant(u32 i)
{
	return i & 1 ? 0x0007040600070406ULL : 0x0007010600070106ULL;
}

static void op_pat(struct l2_ctx *c, u32 i)
{
	u64 p = rdmsr(MSR_IA32_PAT), n = pat_variant(i);

	want(0x1361, p, c->arg[0]);	/* what the last exit saved, the entry loaded */
	wrmsr(MSR_IA32_PAT, n);
	l2_hypercall(HCA_ARM, n, 0);
	c->arg[0] = n;
}

void l2_pat_round_trip(struct l2_ctx *c)
{
	l2_measure(c, op_pat);
}
