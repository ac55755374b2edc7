// SPDX-License-Identifier: GPL-2.0-only
/*
 * L2 side of the SVM intercept family (icpt/): one instruction of l2/svm_insns.h per
 * iteration, chosen by arg0; and the PAUSE-filter workload (a hypercall, then PAUSEs).
 */
#include "l2/l2.h"
#include "l2/svm_insns.h"

static u8 scratch[16] __attribute__((aligned(16)));

#define X(name, text)									\
	static void op_##name(struct l2_ctx *c, u32 i)					\
	{										\
		u64 a = c->arg[1] ? c->arg[1] : (u64)scratch, cx = c->arg[2], d = c->arg[3], b = 0; \
											\
		(void)i;								\
		asm volatile(text : "+a"(a), "+c"(cx), "+d"(d), "+b"(b) : : "memory", "cc"); \
		c->result[0] = a;							\
		c->result[1] = b;							\
	}
SVM_INSNS(X)
#undef X

static const l2_op ops[SI_COUNT] = {
#define X(name, text) [SI_##name] = op_##name,
	SVM_INSNS(X)
#undef X
};

void l2_svm_insn(struct l2_ctx *c)
{
	if (c->arg[0] >= SI_COUNT)
		l2_hypercall(HC_FAIL, 0x1c, c->arg[0]);
	else
		l2_measure(c, ops[c->arg[0]]);
}

/* A hypercall (its VMRUN reloads the pause filter counter), then arg1 PAUSEs. */
static void op_pause_burst(struct l2_ctx *c, u32 i)
{
	l2_hypercall(HC_NOP, i, 0);
	for (u64 n = 0; n < c->arg[1]; n++)
		asm volatile("pause" ::: "memory");
}

void l2_pause_burst(struct l2_ctx *c)
{
	l2_measure(c, op_pause_burst);
}
