// SPDX-License-Identifier: GPL-2.0-only
/*
 * tsc/: what RDTSC and RDTSCP return in L2 (SDM vol. 3, "Time-Stamp Counter Offset and
 * Multiplier"; "RDTSC", "RDTSCP" in vol. 2): with "use TSC offsetting" the TSC plus the
 * offset, with "use TSC scaling" as well the TSC times the multiplier (a 16.48 fixed-point
 * number) plus the offset; with "RDTSC exiting" RDTSC exits (reason 16) and, with "enable
 * RDTSCP", RDTSCP exits (reason 51); RDTSCP's ECX is IA32_TSC_AUX. L2 hands each value to
 * L1 in a VMCALL, and L1 holds it against its own TSC: between L1's reading at the
 * previous exit (before it resumed L2) and its reading at this one.
 */
#include "l1/scenarios/vmxb.h"
#include "x86/processor.h"

#define MSR_IA32_TSC_AUX	0xc0000103
#define TSC_AUX_VALUE		0x00c0ffeeULL
#define TSC_MULT_ONE		(1ULL << 48)
enum { S_PREV = 1, S_OFFSET, S_MULT, S_AUX, S_SEEN, ROW_STATE = 13 };

struct tsc_row {
	enum l2_tsc_op op;
	u32 proc, proc2;
	s64 offset;		/* 0x8000...: minus half of L1's TSC at setup */
	u64 mult;		/* integer factor, 0: no scaling */
};
#define NEG_HALF	((s64)0x8000000000000000ULL)

static u64 rdtsc_l1(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return lo | ((u64)hi << 32);
}

/* What L2 must read at L1's TSC t. */
static u64 l2_tsc_at(struct vcpu *v, u64 t)
{
	return t * (v->scn_state[S_MULT] ? v->scn_state[S_MULT] : 1) + v->scn_state[S_OFFSET];
}

static enum exit_action tsc_on_exit(struct vcpu *v, u64 code)
{
	u64 now = rdtsc_l1(), val;

	switch (code & 0xffff) {
	case EXIT_VMCALL:
		if (v->gpr[RAX] != HC_NOP)
			break;
		val = v->gpr[RBX];
		if (val < l2_tsc_at(v, v->scn_state[S_PREV]) || val > l2_tsc_at(v, now))
			vmxb_bad(v, val);
		if (((const struct tsc_row *)v->scn_state[ROW_STATE])->op == L2_TSC_RDTSCP &&
		    v->gpr[RCX] != v->scn_state[S_AUX])
			vmxb_bad(v, v->gpr[RCX]);
		v->scn_state[S_SEEN]++;
		break;
	case EXIT_RDTSCP:	/* emulated as the CPU would: TSC + offset, ECX = TSC_AUX */
		v->gpr[RCX] = v->scn_state[S_AUX];
		/* fall through */
	case EXIT_RDTSC:
		val = l2_tsc_at(v, now);
		v->gpr[RAX] = (u32)val;
		v->gpr[RDX] = val >> 32;
		vmx_skip_instruction(v);
		v->scn_state[S_PREV] = now;	/* what L2 got: the next value is no older */
		return EXIT_RESUME;
	}
	v->scn_state[S_PREV] = rdtsc_l1();
	return EXIT_DEFAULT;	/* the back end's handler follows */
}

static void tsc_setup(struct vcpu *v, const struct tsc_row *r)
{
	struct cpuid_regs ext = cpuid(0x80000001);
	s64 off = r->offset == NEG_HALF ? -(s64)(rdtsc_l1() / 2) : r->offset;

	v->scn_state[ROW_STATE] = (u64)r;
	if (r->proc & PROC_RDTSC_EXITING)
		vmxb_need_ctl(FEAT_PROC_RDTSC_EXITING);
	if (r->proc & PROC_TSC_OFFSETTING)
		vmxb_need_ctl(FEAT_PROC_TSC_OFFSETTING);
	if (r->proc2 & PROC2_RDTSCP) {
		if (!(ext.edx & BIT(27)))
			scenario_skip("needs RDTSCP (CPUID.80000001H:EDX[27])");
		vmxb_need_ctl(FEAT_PROC2_RDTSCP);
	}
	if (r->proc2 & PROC2_TSC_SCALING)
		vmxb_need_ctl(FEAT_PROC2_TSC_SCALING);
	v->ctl[CTL_PROC] |= r->proc;
	v->ctl[CTL_PROC2] |= r->proc2;
	v->scn_state[S_OFFSET] = (r->proc & PROC_TSC_OFFSETTING) ? (u64)off : 0;
	v->scn_state[S_MULT] = r->mult;
	v->scn_state[S_AUX] = TSC_AUX_VALUE;
	v->scn_state[S_PREV] = rdtsc_l1();
	vmwrite(VMCS_TSC_OFFSET, (u64)off);
	if (r->mult)
		vmwrite(VMCS_TSC_MULTIPLIER, r->mult * TSC_MULT_ONE);
	if (r->proc2 & PROC2_RDTSCP)
		wrmsr(MSR_IA32_TSC_AUX, TSC_AUX_VALUE);
	if (r->op == L2_TSC_AUX)
		msr_bitmap_pass(MSR_IA32_TSC_AUX, true, true);
	v->ctx->arg[0] = r->op;
	v->ctx->arg[1] = TSC_AUX_VALUE;
}

static void tsc_check(struct vcpu *v)
{
	const struct tsc_row *r = (const struct tsc_row *)v->scn_state[ROW_STATE];
	u64 want = r->op == L2_TSC_AUX ? 0 : v->ctx->warmup + v->ctx->iters;

	check(v->scn_state[S_SEEN] == want, "L1 checked %llu values (want %llu)",
	      (unsigned long long)v->scn_state[S_SEEN], (unsigned long long)want);
	vmxb_check_none_bad(v, "L2's TSC (and TSC_AUX) against L1's");
	vmxb_check_l2_clean(v, "RDTSCP's ECX after L2's write of IA32_TSC_AUX");
	if (r->op == L2_TSC_AUX)
		check(rdmsr(MSR_IA32_TSC_AUX) == (u32)(TSC_AUX_VALUE + v->ctx->warmup + v->ctx->iters - 1),
		      "L1's IA32_TSC_AUX is L2's last write (the MSR is not switched)");
}

#define OFF	PROC_TSC_OFFSETTING
#define EXITS	PROC_RDTSC_EXITING
#define P2_RDTSCP PROC2_RDTSCP
/* X(id, op, primary, secondary, offset, multiplier, exits: RDTSC, RDTSCP, VMCALL) */
#define TSC_ROWS(X)								\
	X(tsc_offset, RDTSC, OFF, 0, 1LL << 40, 0, 0, 0, 1)			\
	X(tsc_offset_negative, RDTSC, OFF, 0, NEG_HALF, 0, 0, 0, 1)		\
	X(tsc_offset_rdtscp, RDTSCP, OFF, P2_RDTSCP, 1LL << 40, 0, 0, 0, 1)	\
	X(tsc_rdtsc_exiting, RDTSC, OFF | EXITS, 0, 1LL << 40, 0, 3, 0, 1)	\
	X(tsc_rdtscp_exiting, RDTSCP, OFF | EXITS, P2_RDTSCP, 1LL << 40, 0, 2, 1, 1) \
	X(tsc_aux, AUX, 0, P2_RDTSCP, 0, 0, 0, 0, 0)				\
	X(tsc_scaling, RDTSC, OFF, PROC2_TSC_SCALING, 1LL << 40, 2, 0, 0, 1)

#define X(id, op_, p, p2, off, mult_, n_rdtsc, n_rdtscp, n_vmcall)		\
	static const struct tsc_row row_##id = {				\
		.op = L2_TSC_##op_, .proc = p, .proc2 = p2, .offset = off, .mult = mult_, \
	};									\
	static void setup_##id(struct vcpu *v) { tsc_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX), .setup = setup_##id, .l2 = l2_tsc,		\
		.check = tsc_check, .on_exit = tsc_on_exit, .max_iters = 16,	\
		.expect = TSC_EXPECT(n_rdtsc, n_rdtscp, n_vmcall),		\
	};
/* Only the non-zero counts, in order: an expectation list ends at the first zero. */
#define TSC_EXPECT(a, b, c)							\
	{ { (a) ? NATIVE_EXIT(EXIT_RDTSC) : (b) ? NATIVE_EXIT(EXIT_RDTSCP) : XK_HYPERCALL, \
	    (a) ? (a) : (b) ? (b) : (c) },					\
	  { (a) && (b) ? NATIVE_EXIT(EXIT_RDTSCP) : XK_HYPERCALL, (a) && (b) ? (b) : (a) ? (c) : 0 }, \
	  { XK_HYPERCALL, (a) && (b) ? (c) : 0 } }
TSC_ROWS(X)
#undef X
