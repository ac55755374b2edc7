// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vmm/ family's L2 side: L2 asks nestlab's VMM (x86/vmm_actor.h) to act on its vCPU
 * while it runs, on the actor port L1 passes through, then looks at what it finds.
 * arg0 = the request block (L1's, identity-mapped), arg1 = the action, arg2 = its value,
 * arg3 = L2_VMM_* flags. Trouble: the block's guest[] words (L2_VMM_T_*, L2_VMM_FAIL_*).
 */
#include "l2/l2.h"
#include "x86/processor.h"
#include "x86/vmm_actor_guest.h"

#define RFLAGS_ARITH	0x8d5ULL	/* CF PF AF ZF SF OF */
#define RFLAGS_PWT_CR3	0x8ULL		/* CR3.PWT: harmless to set with an identity map */

static volatile struct vmm_actor_req *req(struct l2_ctx *c)
{
	return (volatile struct vmm_actor_req *)c->arg[0];
}

/*
 * Trouble goes into the block's guest[] words (L2_VMM_T_*), which L1 checks after the
 * window: a hypercall here would be an exit of its own.
 */
static void trouble(volatile struct vmm_actor_req *r, u64 id, u64 value)
{
	if (!r->guest[L2_VMM_T_COUNT]++) {
		r->guest[L2_VMM_T_ID] = id;
		r->guest[L2_VMM_T_VALUE] = value;
	}
}

/* The answer: done, without the pieces flags say must read back the same. */
static void answered(struct l2_ctx *c, volatile struct vmm_actor_req *r)
{
	u32 must = (u32)(c->arg[3] & L2_VMM_SAME_MASK);

	if (r->status != VMM_ST_DONE)
		trouble(r, L2_VMM_FAIL_STATUS, r->status | r->failed_piece << 8 | (u64)r->error << 16);
	if (r->differs & must) {
		r->guest[L2_VMM_T_DIFFERS] |= r->differs & must;
		trouble(r, L2_VMM_FAIL_DIFFERS, (r->differs & must) | (u64)(r->nested_diff_at & 0xffff) << 16 |
			(u64)r->msr_diff << 32);
	}
	if ((c->arg[3] & L2_VMM_IN_GUEST_MODE) && !(r->before.nested_flags & VMM_NESTED_GUEST_MODE))
		trouble(r, L2_VMM_FAIL_NOT_L2, r->before.nested_flags);
}

static void op_ask(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);

	r->action = (u32)c->arg[1];
	r->arg[0] = c->arg[2];
	vmm_actor_ask(r);
	answered(c, r);
	c->result[0] = r->seq;
	(void)i;
	if (c->arg[3] & L2_VMM_CPUID_AFTER) {
		struct cpuid_regs x = cpuid(0);

		c->result[1] = x.ebx;
	}
}

void l2_vmm_ask(struct l2_ctx *c)
{
	l2_measure(c, op_ask);
}

/* The VMM sets CR2 while L2 runs; L2 reads it back (MOV from CR2 does not exit). */
static void op_set_cr2(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);
	u64 want = c->arg[2] + (u64)i * 0x1000, got;

	r->action = VMM_ACT_SET_CR2;
	r->arg[0] = want;
	vmm_actor_ask(r);
	answered(c, r);
	got = read_cr2();
	if (got != want)
		trouble(r, L2_VMM_FAIL_VALUE, got);
	c->result[0] = got;
}

void l2_vmm_set_cr2(struct l2_ctx *c)
{
	l2_measure(c, op_set_cr2);
}

/* The VMM replaces RFLAGS at the OUT: the arithmetic flags L2 sees right after are its. */
static void op_set_rflags(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);
	u64 want = (read_rflags() & ~RFLAGS_ARITH) | ((i & 1) ? RFLAGS_ARITH : 0), got;

	r->action = VMM_ACT_SET_RFLAGS;
	r->arg[0] = want;
	r->status = ~0u;
	asm volatile("outl %1, %2\n\tpushfq\n\tpopq %0"
		     : "=r"(got) : "a"((u32)(u64)r), "Nd"((u16)VMM_ACTOR_PORT) : "memory", "cc");
	answered(c, r);
	if ((got & RFLAGS_ARITH) != (want & RFLAGS_ARITH))
		trouble(r, L2_VMM_FAIL_VALUE, got);
	c->result[0] = got;
}

void l2_vmm_set_rflags(struct l2_ctx *c)
{
	l2_measure(c, op_set_rflags);
}

/*
 * The VMM sets CR3 (L2's own tables, PWT set) while L2 runs; L2 reads it back, then L1
 * compares the guest CR3 in its VMCS/VMCB at the next exit (HC_CHECK_CR3); the VMM puts
 * the old value back.
 */
static void op_set_cr3(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);
	u64 old = read_cr3(), want = old ^ RFLAGS_PWT_CR3, got;

	(void)i;
	r->action = VMM_ACT_SET_CR3;
	r->arg[0] = want;
	vmm_actor_ask(r);
	answered(c, r);
	got = read_cr3();
	if (got != want)
		trouble(r, L2_VMM_FAIL_VALUE, got);
	c->result[2] = want;
	l2_hypercall(HC_CHECK_CR3, 0, 0);
	r->action = VMM_ACT_SET_CR3;
	r->arg[0] = old;
	vmm_actor_ask(r);
	answered(c, r);
	if (read_cr3() != old)
		trouble(r, L2_VMM_FAIL_VALUE, read_cr3());
}

void l2_vmm_set_cr3(struct l2_ctx *c)
{
	l2_measure(c, op_set_cr3);
}

/*
 * The VMM queues exception arg2 (error code arg1 of the block's own, payload result[3]):
 * L1 intercepts it, KVM must turn it into a nested exit, L1 resumes L2 after the OUT.
 * L2 sets CR2 first: a #PF that exits to L1 leaves it alone.
 */
static void op_exception(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);
	u64 mark = 0x5a5a0000ULL + (u64)i * 0x1000;

	write_cr2(mark);
	r->action = VMM_ACT_EXCEPTION;
	r->arg[0] = c->arg[2];
	vmm_actor_ask(r);
	answered(c, r);
	if (read_cr2() != mark)
		trouble(r, L2_VMM_FAIL_CR2, read_cr2());
	c->result[0] = r->seq;
}

void l2_vmm_exception(struct l2_ctx *c)
{
	l2_measure(c, op_exception);
}

/*
 * VMX: VMWRITE to the shadow VMCS (no exit), a migration, VMREAD: the shadow VMCS must
 * come across with what L2 wrote (arg1 = field, arg2 = base value).
 */
static void op_shadow_migrate(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);
	u64 want = c->arg[2] + i, got;
	bool cf, zf;

	asm volatile("vmwrite %3, %2" : "=@ccc"(cf), "=@ccz"(zf) : "r"(c->arg[1]), "r"(want) : "cc", "memory");
	if (cf || zf)
		trouble(r, L2_VMM_FAIL_VALUE, cf ? 1 : 2);
	r->action = VMM_ACT_MIGRATE;
	vmm_actor_ask(r);
	answered(c, r);
	asm volatile("vmread %3, %2" : "=@ccc"(cf), "=@ccz"(zf), "=r"(got) : "r"(c->arg[1]) : "cc");
	if (cf || zf || got != want)
		trouble(r, L2_VMM_FAIL_VALUE, got);
	c->result[0] = got;
}

void l2_vmm_shadow_migrate(struct l2_ctx *c)
{
	l2_measure(c, op_shadow_migrate);
}

/* SVM with vGIF: CLGI (no exit), a migration, CPUID (L1 looks at V_GIF), STGI. */
static void op_vgif_migrate(struct l2_ctx *c, u32 i)
{
	volatile struct vmm_actor_req *r = req(c);

	(void)i;
	asm volatile("clgi" ::: "memory");
	r->action = VMM_ACT_MIGRATE;
	vmm_actor_ask(r);
	answered(c, r);
	(void)cpuid(0);
	asm volatile("stgi" ::: "memory");
}

void l2_vmm_vgif_migrate(struct l2_ctx *c)
{
	l2_measure(c, op_vgif_migrate);
}

/* L1 answers CPUID with arg2 .. arg2 + 3 (the L1-side scenarios): L2 checks them. */
static void op_cpuid_marked(struct l2_ctx *c, u32 i)
{
	struct cpuid_regs x = cpuid(0);

	(void)i;
	if (x.eax != (u32)c->arg[2] || x.ebx != (u32)c->arg[2] + 1 || x.ecx != (u32)c->arg[2] + 2 ||
	    x.edx != (u32)c->arg[2] + 3)
		trouble(req(c), L2_VMM_FAIL_VALUE, x.eax);
}

void l2_vmm_cpuid_marked(struct l2_ctx *c)
{
	l2_measure(c, op_cpuid_marked);
}
