// SPDX-License-Identifier: GPL-2.0-only
/*
 * icpt/: one SVM instruction intercept per scenario (APM vol. 2, "Instruction
 * Intercepts", "Intercepts During IDT Interrupt Delivery"... and appendix C "SVM Intercept
 * Exit Codes"). L1 sets one intercept bit, L2 runs the instruction once per iteration
 * (l2/svm_insns.h), L1 sees exactly that exit at that RIP, checks EXITINFO1 where the APM
 * defines it ("Decode Assists", when CPUID Fn8000_000A_EDX[7] offers them), emulates the
 * instruction as far as L2 needs, and moves L2 past it.
 */
#include "l1/scenarios/svm_icpt.h"
#include "l1/svm/svm_l1.h"
#include "l2/svm_insns.h"
#include "x86/processor.h"
#include "lib/string.h"

/* EXITINFO1 under decode assists (APM "Decode Assists"). */
enum icpt_info {
	INFO_NONE,
	INFO_CR,	/* MOV CRx: bit 63 set (a MOV, not LMSW/CLTS), bits 3:0 the GPR (RBX: 3) */
	INFO_DR,	/* MOV DRx: bits 3:0 the GPR */
	INFO_VECTOR,	/* INTn: bits 7:0 the vector */
	INFO_ADDR,	/* INVLPG: the linear address */
};

struct icpt_row {
	u8 insn;		/* enum svm_insn */
	u8 word;		/* intercept word of the VMCB: 0 CR, 1 DR, 3, 4 */
	u32 bits;		/* set in that word */
	u16 code;		/* the exit */
	u8 info;		/* enum icpt_info */
	u64 arg1, arg2;		/* L2's RAX, RCX (arg1 0: a scratch buffer) */
	const char *bytes;	/* the intercepted instruction */
	u8 len;
	void (*extra)(struct vcpu *v);
};

#define CR0_AM		BIT(18)
#define CR4_OSXSAVE	BIT(18)
#define INVLPG_ADDR	0x123456789000ull
#define INTN_VECTOR	0x80

static void need_monitor(struct vcpu *v)
{
	(void)v;
	if (!(cpuid(1).ecx & BIT(3)))
		scenario_skip("needs MONITOR/MWAIT (CPUID Fn0000_0001_ECX[3])");
}

static void need_xsave(struct vcpu *v)
{
	(void)v;
	if (!(cpuid(1).ecx & BIT(26)))
		scenario_skip("needs XSAVE (CPUID Fn0000_0001_ECX[26])");
	l2_vmcb.save.cr4 |= CR4_OSXSAVE;	/* XGETBV/XSETBV #UD without it */
}

static void need_rdtscp(struct vcpu *v)
{
	(void)v;
	if (!(cpuid(0x80000001).edx & BIT(27)))
		scenario_skip("needs RDTSCP (CPUID Fn8000_0001_EDX[27])");
}

/* Both CR0 write intercepts: the general one wins (APM "CR0 Selective Write Intercept"). */
static void cr0_both(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.intercept_cr |= INTERCEPT_CR_WRITE(0);
}

/*
 * X(id, insn, word, bits, exit code, exits per iteration, info, arg1, arg2, extra, bytes).
 * RDTSC: 3 per iteration, L2's timing reads the TSC twice around each.
 */
#define ICPT_ROWS(X)												\
	X(cr0_read, CR0_READ, 0, INTERCEPT_CR_READ(0), CR0_READ, 1, INFO_CR, 0, 0, NULL, "\x0f\x20\xc3")	\
	X(cr3_read, CR3_READ, 0, INTERCEPT_CR_READ(3), CR3_READ, 1, INFO_CR, 0, 0, NULL, "\x0f\x20\xdb")	\
	X(cr4_read, CR4_READ, 0, INTERCEPT_CR_READ(4), CR4_READ, 1, INFO_CR, 0, 0, NULL, "\x0f\x20\xe3")	\
	X(cr8_read, CR8_READ, 0, INTERCEPT_CR_READ(8), CR8_READ, 1, INFO_CR, 0, 0, NULL, "\x44\x0f\x20\xc3")	\
	X(cr0_write, CR0_WRITE, 0, INTERCEPT_CR_WRITE(0), CR0_WRITE, 1, INFO_CR, 0, 0, NULL, "\x0f\x22\xc3")	\
	X(cr3_write, CR3_WRITE, 0, INTERCEPT_CR_WRITE(3), CR3_WRITE, 1, INFO_CR, 0, 0, NULL, "\x0f\x22\xdb")	\
	X(cr4_write, CR4_WRITE, 0, INTERCEPT_CR_WRITE(4), CR4_WRITE, 1, INFO_CR, 0, 0, NULL, "\x0f\x22\xe3")	\
	X(cr8_write, CR8_WRITE, 0, INTERCEPT_CR_WRITE(8), CR8_WRITE, 1, INFO_CR, 0, 0, NULL, "\x44\x0f\x22\xc3") \
	X(cr0_sel_write, CR0_AM_FLIP, 3, INTERCEPT_CR0_SEL_WRITE, CR0_SEL_WRITE, 1, INFO_CR, 0, 0, NULL,	\
	  "\x0f\x22\xc3")											\
	X(cr0_sel_ts_only, CR0_TS_FLIP, 3, INTERCEPT_CR0_SEL_WRITE, CR0_SEL_WRITE, 0, INFO_NONE, 0, 0, NULL, "") \
	X(cr0_sel_priority, CR0_AM_FLIP, 3, INTERCEPT_CR0_SEL_WRITE, CR0_WRITE, 1, INFO_CR, 0, 0, cr0_both,	\
	  "\x0f\x22\xc3")											\
	X(dr0_read, DR0_READ, 1, INTERCEPT_DR_READ(0), DR0_READ, 1, INFO_DR, 0, 0, NULL, "\x0f\x21\xc3")	\
	X(dr7_read, DR7_READ, 1, INTERCEPT_DR_READ(7), DR7_READ, 1, INFO_DR, 0, 0, NULL, "\x0f\x21\xfb")	\
	X(dr0_write, DR0_WRITE, 1, INTERCEPT_DR_WRITE(0), DR0_WRITE, 1, INFO_DR, 0, 0, NULL, "\x0f\x23\xc3")	\
	X(dr7_write, DR7_WRITE, 1, INTERCEPT_DR_WRITE(7), DR7_WRITE, 1, INFO_DR, 0, 0, NULL, "\x0f\x23\xfb")	\
	X(swint, INTN, 3, INTERCEPT_INTN, SWINT, 1, INFO_VECTOR, 0, 0, NULL, "\xcd\x80")			\
	X(invlpg, INVLPG, 3, INTERCEPT_INVLPG, INVLPG, 1, INFO_ADDR, INVLPG_ADDR, 0, NULL, "\x0f\x01\x38")	\
	X(invlpga, INVLPGA, 3, INTERCEPT_INVLPGA, INVLPGA, 1, INFO_NONE, 0, 1, NULL, "\x0f\x01\xdf")		\
	X(pause, PAUSE, 3, INTERCEPT_PAUSE, PAUSE, 1, INFO_NONE, 0, 0, NULL, "\xf3\x90")			\
	X(rdtsc, RDTSC, 3, INTERCEPT_RDTSC, RDTSC, 3, INFO_NONE, 0, 0, NULL, "\x0f\x31")			\
	X(rdtscp, RDTSCP, 4, INTERCEPT_RDTSCP, RDTSCP, 1, INFO_NONE, 0, 0, need_rdtscp, "\x0f\x01\xf9")	\
	X(rdpmc, RDPMC, 3, INTERCEPT_RDPMC, RDPMC, 1, INFO_NONE, 0, 0, NULL, "\x0f\x33")			\
	X(monitor, MONITOR, 4, INTERCEPT_MONITOR, MONITOR, 1, INFO_NONE, 0, 0, need_monitor, "\x0f\x01\xc8")	\
	X(mwait, MWAIT, 4, INTERCEPT_MWAIT, MWAIT, 1, INFO_NONE, 0, 0, need_monitor, "\x0f\x01\xc9")		\
	X(xsetbv, XSETBV, 4, INTERCEPT_XSETBV, XSETBV, 1, INFO_NONE, 0, 0, need_xsave, "\x0f\x01\xd1")		\
	X(icebp, ICEBP, 4, INTERCEPT_ICEBP, ICEBP, 1, INFO_NONE, 0, 0, NULL, "\xf1")				\
	X(wbinvd, WBINVD, 4, INTERCEPT_WBINVD, WBINVD, 1, INFO_NONE, 0, 0, NULL, "\x0f\x09")			\
	X(invd, INVD, 3, INTERCEPT_INVD, INVD, 1, INFO_NONE, 0, 0, NULL, "\x0f\x08")				\
	X(pushf, PUSHF, 3, INTERCEPT_PUSHF, PUSHF, 1, INFO_NONE, 0, 0, NULL, "\x9c")				\
	X(popf, POPF, 3, INTERCEPT_POPF, POPF, 1, INFO_NONE, 0, 0, NULL, "\x9d")				\
	X(sidt, SIDT, 3, INTERCEPT_IDTR_READ, IDTR_READ, 1, INFO_NONE, 0, 0, NULL, "\x0f\x01\x08")		\
	X(sgdt, SGDT, 3, INTERCEPT_GDTR_READ, GDTR_READ, 1, INFO_NONE, 0, 0, NULL, "\x0f\x01\x00")		\
	X(sldt, SLDT, 3, INTERCEPT_LDTR_READ, LDTR_READ, 1, INFO_NONE, 0, 0, NULL, "\x0f\x00\xc3")		\
	X(str, STR, 3, INTERCEPT_TR_READ, TR_READ, 1, INFO_NONE, 0, 0, NULL, "\x0f\x00\xcb")			\
	X(lidt, LIDT, 3, INTERCEPT_IDTR_WRITE, IDTR_WRITE, 1, INFO_NONE, 0, 0, NULL, "\x0f\x01\x18")		\
	X(lgdt, LGDT, 3, INTERCEPT_GDTR_WRITE, GDTR_WRITE, 1, INFO_NONE, 0, 0, NULL, "\x0f\x01\x10")		\
	X(lldt, LLDT, 3, INTERCEPT_LDTR_WRITE, LDTR_WRITE, 1, INFO_NONE, 0, 0, NULL, "\x0f\x00\xd3")		\
	X(ltr, LTR, 3, INTERCEPT_TR_WRITE, TR_WRITE, 1, INFO_NONE, 0, 0, NULL, "\x0f\x00\xdb")

enum {
#define X(id, ...) ICPT_##id,
	ICPT_ROWS(X)
#undef X
};

static const struct icpt_row rows[] = {
#define X(id, insn, word, bits, code, n, info, a1, a2, extra, bytes)			\
	[ICPT_##id] = { SI_##insn, word, bits, SVM_EXIT_##code, info, a1, a2, bytes,	\
			sizeof(bytes) - 1, extra },
	ICPT_ROWS(X)
#undef X
};

enum exit_action icpt_skip(struct vcpu *v, const char *bytes, u32 len)
{
	u64 rip = l2_vmcb.save.rip;

	if (memcmp((const void *)rip, bytes, len))
		return vcpu_error(v, "exit %s at L2 RIP %#llx: not the instruction L2 was to run there",
				  svm_exit_name(l2_vmcb.control.exit_code), (unsigned long long)rip);
	l2_vmcb.save.rip = rip + len;
	return EXIT_RESUME;
}

void icpt_info(struct vcpu *v, u64 info, u64 want, u64 mask)
{
	v->scn_state[ST_SEEN]++;
	v->scn_state[ST_WANT] = want;
	if ((info & mask) != want) {
		v->scn_state[ST_BAD]++;
		v->scn_state[ST_LAST] = info;
	}
}

void icpt_info_check(struct vcpu *v, const char *what)
{
	check(v->scn_state[ST_BAD] == 0, "%s at %llu of %llu exits (want %#llx, last wrong %#llx)", what,
	      (unsigned long long)(v->scn_state[ST_SEEN] - v->scn_state[ST_BAD]),
	      (unsigned long long)v->scn_state[ST_SEEN], (unsigned long long)v->scn_state[ST_WANT],
	      (unsigned long long)v->scn_state[ST_LAST]);
}

static void intercept_set(u8 word, u32 bits)
{
	struct vmcb_control *c = &l2_vmcb.control;

	if (word == 0)
		c->intercept_cr |= bits;
	else if (word == 1)
		c->intercept_dr |= bits;
	else if (word == 3)
		c->intercept3 |= bits;
	else
		c->intercept4 |= bits;
}

static void icpt_setup(struct vcpu *v, const struct icpt_row *r)
{
	v->scn_state[ST_ROW] = (u64)r;
	intercept_set(r->word, r->bits);
	v->ctx->arg[0] = r->insn;
	v->ctx->arg[1] = r->arg1;
	v->ctx->arg[2] = r->arg2;
	if (r->extra)
		r->extra(v);
}

/* What L2 needs of an instruction L1 did not let it run. */
static void emulate(struct vcpu *v, u64 code)
{
	struct vmcb_save *g = &l2_vmcb.save;
	u64 tsc = rdtsc_serialized();

	switch (code) {
	case SVM_EXIT_RDTSCP:
		v->gpr[RCX] = 0;
		/* fall through */
	case SVM_EXIT_RDTSC:
		v->gpr[RAX] = (u32)tsc;
		v->gpr[RDX] = tsc >> 32;
		break;
	case SVM_EXIT_RDPMC:
		v->gpr[RAX] = v->gpr[RDX] = 0;
		break;
	case SVM_EXIT_CR0_READ:
		v->gpr[RBX] = g->cr0;
		break;
	case SVM_EXIT_CR3_READ:
		v->gpr[RBX] = g->cr3;
		break;
	case SVM_EXIT_CR4_READ:
		v->gpr[RBX] = g->cr4;
		break;
	case SVM_EXIT_DR7_READ:
		v->gpr[RBX] = g->dr7;
		break;
	case SVM_EXIT_CR8_READ:
	case SVM_EXIT_DR0_READ:
	case SVM_EXIT_LDTR_READ:
		v->gpr[RBX] = 0;
		break;
	case SVM_EXIT_TR_READ:
		v->gpr[RBX] = g->tr.selector;
		break;
	case SVM_EXIT_PUSHF:
		g->rsp -= 8;
		*(u64 *)g->rsp = g->rflags;
		break;
	case SVM_EXIT_POPF:	/* the arithmetic flags and DF, as L2 pushed them */
		g->rflags = (g->rflags & ~0xcd5ull) | (*(u64 *)g->rsp & 0xcd5);
		g->rsp += 8;
		break;
	}
}

static void info_check(struct vcpu *v, const struct icpt_row *r)
{
	u64 info = l2_vmcb.control.exit_info1;

	if (!svm_has(SVM_FEAT_DECODE_ASSISTS))
		return;
	switch (r->info) {
	case INFO_CR:
		icpt_info(v, info, BIT(63) | RBX, BIT(63) | 0xf);
		break;
	case INFO_DR:
		icpt_info(v, info, RBX, 0xf);
		break;
	case INFO_VECTOR:
		icpt_info(v, info, INTN_VECTOR, 0xff);
		break;
	case INFO_ADDR:
		icpt_info(v, info, r->arg1, ~0ull);
		break;
	}
}

static enum exit_action icpt_on_exit(struct vcpu *v, u64 code)
{
	const struct icpt_row *r = (const struct icpt_row *)v->scn_state[ST_ROW];

	/* An exception at the instruction instead of its intercept: counted, L2 moves on. */
	if (code >= SVM_EXIT_EXCP0 && code <= SVM_EXIT_EXCP31 && r->len &&
	    !memcmp((const void *)l2_vmcb.save.rip, r->bytes, r->len))
		return icpt_skip(v, r->bytes, r->len);
	if (code != r->code || !r->len)		/* len 0: the row wants no such exit */
		return EXIT_DEFAULT;
	info_check(v, r);
	emulate(v, code);
	return icpt_skip(v, r->bytes, r->len);
}

static void icpt_check(struct vcpu *v)
{
	const struct icpt_row *r = (const struct icpt_row *)v->scn_state[ST_ROW];

	if (r->info == INFO_NONE)
		return;
	if (!svm_has(SVM_FEAT_DECODE_ASSISTS)) {
		check(true, "EXITINFO1 not checked: no decode assists (CPUID Fn8000_000A_EDX[7])");
		return;
	}
	icpt_info_check(v, "EXITINFO1 as \"Decode Assists\" defines it");
}

#define X(id, insn, word, bits, code, n, ...)						\
	static void setup_##id(struct vcpu *v)						\
	{										\
		icpt_setup(v, &rows[ICPT_##id]);					\
	}										\
	const struct scenario scn_icpt_##id = {						\
		.needs = NEEDS(SVM),							\
		.setup = setup_##id,							\
		.l2 = l2_svm_insn,							\
		.expect = { { NATIVE_EXIT(SVM_EXIT_##code), n } },			\
		.check = icpt_check,							\
		.on_exit = icpt_on_exit,						\
		.max_iters = 16,							\
	};
ICPT_ROWS(X)
#undef X

/*
 * PAUSE intercept filtering (APM "Pause Intercept Filtering", CPUID Fn8000_000A_EDX[10]):
 * VMRUN loads the filter count into a counter that each PAUSE decrements; the PAUSE that
 * takes it to zero exits. L2 makes a hypercall (a fresh VMRUN, a fresh counter), then
 * 6 PAUSEs: with a count of 4 exactly one of them exits (the 4th or the 5th, either way
 * the remaining ones cannot reach 4 again), with a count of 8 none does.
 */
#define PAUSE_BURST 6

static enum exit_action pause_on_exit(struct vcpu *v, u64 code)
{
	(void)v;
	if (code != SVM_EXIT_PAUSE)
		return EXIT_DEFAULT;
	return icpt_skip(v, "\xf3\x90", 2);
}

static void pause_filter_setup(struct vcpu *v, u16 count)
{
	if (!svm_has(SVM_FEAT_PAUSE_FILTER))
		scenario_skip("needs the pause intercept filter (CPUID Fn8000_000A_EDX[10])");
	l2_vmcb.control.intercept3 |= INTERCEPT_PAUSE;
	l2_vmcb.control.pause_filter_count = count;
	l2_vmcb.control.pause_filter_threshold = 0;
	v->ctx->arg[1] = PAUSE_BURST;
}

static void pause_filter_exit_setup(struct vcpu *v)
{
	pause_filter_setup(v, 4);
}

static void pause_filter_below_setup(struct vcpu *v)
{
	pause_filter_setup(v, 8);
}

const struct scenario scn_icpt_pause_filter = {
	.needs = NEEDS(SVM),
	.setup = pause_filter_exit_setup,
	.l2 = l2_pause_burst,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(SVM_EXIT_PAUSE), 1 } },
	.on_exit = pause_on_exit,
	.max_iters = 16,
};

const struct scenario scn_icpt_pause_filter_below = {
	.needs = NEEDS(SVM),
	.setup = pause_filter_below_setup,
	.l2 = l2_pause_burst,
	.expect = { { XK_HYPERCALL, 1 } },
	.on_exit = pause_on_exit,
	.max_iters = 16,
};
