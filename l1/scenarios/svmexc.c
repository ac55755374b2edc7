// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions of L2, APM vol. 2 "Exception Intercepts": a set bit of the exception
 * intercept bitmap turns that vector into #VMEXIT(EXCPn) with the error code in
 * EXITINFO1 (and for #PF the faulting address in EXITINFO2); a clear bit leaves the
 * exception to L2's IDT. "Shutdown Intercept": a triple fault of L2 is #VMEXIT(SHUTDOWN).
 */
#include "l1/scenario.h"
#include "l1/svm/svm_l1.h"

#define RFLAGS_TF	BIT(8)
#define PF_ERR_WRITE	BIT(1)

/* The instruction behind each intercepted exception (l2/svmexc.c), which L1 skips. */
static const struct { u8 vector, len, bytes[3]; } fault_insns[] = {
	{ 0, 3, { 0x48, 0xf7, 0xf1 } },		/* div %rcx */
	{ 6, 2, { 0x0f, 0x0b } },		/* ud2 */
	{ 13, 2, { 0x8a, 0x02 } },		/* mov (%rdx), %al */
	{ 3, 1, { 0xcc } },			/* int3: RIP at the INT3, not past it */
	{ 14, 3, { 0xc6, 0x02, 0x5a } },	/* movb $0x5a, (%rdx) */
};

/* v->scn_state */
enum { ST_BAD_RIP, ST_BAD_INFO, ST_INFO1, ST_INFO2, ST_SEEN };

static bool at_insn(u8 vector, u64 rip, u8 *len)
{
	const u8 *p = (const u8 *)rip;

	for (size_t i = 0; i < ARRAY_SIZE(fault_insns); i++) {
		if (fault_insns[i].vector != vector)
			continue;
		for (u8 b = 0; b < fault_insns[i].len; b++)
			if (p[b] != fault_insns[i].bytes[b])
				return false;
		*len = fault_insns[i].len;
		return true;
	}
	return false;
}

/* EXITINFO1 (and 2) each vector must report: #GP(0) on a non-canonical address; #PF a
 * write to a not-present page at RDX. */
static bool info_ok(struct vcpu *v, u8 vector)
{
	const struct vmcb_control *c = &l2_vmcb.control;

	switch (vector) {
	case 13:
		return c->exit_info1 == 0;
	case 14:
		return c->exit_info1 == PF_ERR_WRITE && c->exit_info2 == v->gpr[RDX];
	}
	return true;
}

static enum exit_action exc_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_save *g = &l2_vmcb.save;
	u8 vector = (u8)(code - SVM_EXIT_EXCP0), len = 0;

	if (code < SVM_EXIT_EXCP0 || code > SVM_EXIT_EXCP31)
		return EXIT_DEFAULT;
	v->scn_state[ST_SEEN]++;
	if (vector == 1) {			/* a trap: RIP is past the stepped NOP (RBX) */
		v->scn_state[ST_BAD_RIP] += g->rip != v->gpr[RBX];
		g->rflags &= ~RFLAGS_TF;
		return EXIT_RESUME;
	}
	if (!info_ok(v, vector) && !v->scn_state[ST_BAD_INFO]++) {
		v->scn_state[ST_INFO1] = l2_vmcb.control.exit_info1;
		v->scn_state[ST_INFO2] = l2_vmcb.control.exit_info2;
	}
	if (!at_insn(vector, g->rip, &len)) {
		v->scn_state[ST_BAD_RIP]++;
		v->done = true;			/* L1 cannot know where to resume */
		return EXIT_DONE;
	}
	g->rip += len;
	return EXIT_RESUME;
}

static void exc_check(struct vcpu *v)
{
	check(!v->scn_state[ST_BAD_RIP], "exits with RIP not at the faulting instruction: %llu (want 0)",
	      (unsigned long long)v->scn_state[ST_BAD_RIP]);
	check(!v->scn_state[ST_BAD_INFO], "exits with wrong EXITINFO: %llu (want 0), first EXITINFO1 %#llx EXITINFO2 %#llx",
	      (unsigned long long)v->scn_state[ST_BAD_INFO], (unsigned long long)v->scn_state[ST_INFO1],
	      (unsigned long long)v->scn_state[ST_INFO2]);
}

/* Only the exception's own bit: every other vector stays L2's. */
#define SVMEXC(id, op, vector)								\
	static void svmexc_setup_##id(struct vcpu *v)					\
	{										\
		v->ctx->arg[0] = (op);							\
		l2_vmcb.control.intercept_exceptions = BIT(vector);			\
	}										\
	const struct scenario scn_svmexc_##id = {					\
		.needs		= NEEDS(SVM),						\
		.setup		= svmexc_setup_##id,					\
		.l2		= l2_exc_op,						\
		.expect		= { { NATIVE_EXIT(SVM_EXIT_EXCP0 + (vector)), 1 } },	\
		.check		= exc_check,						\
		.on_exit	= exc_on_exit,						\
		.max_iters	= 8,							\
	}

SVMEXC(de, L2_EXC_DE, 0);
SVMEXC(ud, L2_EXC_UD, 6);
SVMEXC(gp, L2_EXC_GP, 13);
SVMEXC(bp, L2_EXC_BP, 3);
SVMEXC(pf, L2_EXC_PF, 14);
SVMEXC(db, L2_EXC_DB, 1);

/* #UD's bit clear, #GP's set: the #UD goes to L2's handler, the #GP to L1. */
static void bitmap_check(struct vcpu *v)
{
	u32 want = v->ctx->warmup + v->ctx->iters;

	exc_check(v);
	check(v->ctx->result[0] == want, "#UDs L2 handled itself: %llu (want %u)",
	      (unsigned long long)v->ctx->result[0], want);
}

static void bitmap_setup(struct vcpu *v)
{
	v->ctx->arg[0] = L2_EXC_UD_GP;
	l2_vmcb.control.intercept_exceptions = BIT(13);
}

const struct scenario scn_svmexc_bitmap_per_vector = {
	.needs		= NEEDS(SVM),
	.setup		= bitmap_setup,
	.l2		= l2_exc_op,
	.expect		= { { NATIVE_EXIT(SVM_EXIT_EXCP13), 1 } },
	.check		= bitmap_check,
	.on_exit	= exc_on_exit,
	.max_iters	= 8,
};

/* After SHUTDOWN the VMCB's guest state is undefined: the scenario ends there. */
static enum exit_action shutdown_on_exit(struct vcpu *v, u64 code)
{
	if (code != SVM_EXIT_SHUTDOWN)
		return EXIT_DEFAULT;
	v->done = true;
	return EXIT_DONE;
}

static void shutdown_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.intercept_exceptions = 0;
}

const struct scenario scn_svmexc_triple_fault = {
	.needs		= NEEDS(SVM),
	.setup		= shutdown_setup,
	.l2		= l2_triple_fault,
	.expect		= { { NATIVE_EXIT(SVM_EXIT_SHUTDOWN), 1 } },
	.on_exit	= shutdown_on_exit,
	.max_iters	= 1,
};
