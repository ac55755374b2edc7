// SPDX-License-Identifier: GPL-2.0-only
/*
 * icpt/msrpm-*, icpt/iopm-*: the SVM permission maps bit by bit. L1 clears the whole map
 * and sets only the bit under test, so that an implementation reading the wrong bit lets
 * the access through (a #GP of a missing MSR, EXCP13, or an I/O access without exit: the
 * counts show it).
 *
 * MSRPM (APM "MSR Intercepts"): 2 bits per MSR, read at bit 2n, write at 2n+1; MSRs
 * 0000_0000h-0000_1FFFh from byte 0, C000_0000h-C000_1FFFh from byte 800h,
 * C001_0000h-C001_1FFFh from byte 1000h; an MSR outside those ranges always exits.
 * IOPM (APM "I/O Intercepts"): one bit per port, 12 Kbytes; a 2- or 4-byte access exits
 * when the bit of any port it touches is set, the bits past port FFFFh included.
 */
#include "l1/scenarios/svm_icpt.h"
#include "l1/svm/svm_l1.h"
#include "l2/svm_insns.h"
#include "lib/string.h"

#define MSRPM_BYTES	(2 * PAGE_SIZE)
#define IOPM_BYTES	(3 * PAGE_SIZE)
enum { RD = 1, WR = 2 };

struct msr_row {
	u32 msr;
	u8 bits;	/* RD, WR: the map bits set */
	u8 insn;	/* enum svm_insn: RDMSR, WRMSR, RDMSR_WRMSR */
	u8 want;	/* RD, WR: the accesses that exit */
};

/* X(id, MSR, bits set, instruction, accesses that exit) */
#define MSR_ROWS(X)											\
	X(msrpm_0_read,		0x00000000, RD, RDMSR, RD)						\
	X(msrpm_0_write,	0x00000000, WR, WRMSR, WR)						\
	X(msrpm_1fff_read,	0x00001fff, RD, RDMSR, RD)						\
	X(msrpm_1fff_write,	0x00001fff, WR, WRMSR, WR)						\
	X(msrpm_c0000000_read,	0xc0000000, RD, RDMSR, RD)						\
	X(msrpm_c0000000_write,	0xc0000000, WR, WRMSR, WR)						\
	X(msrpm_c0001fff_read,	0xc0001fff, RD, RDMSR, RD)						\
	X(msrpm_c0001fff_write,	0xc0001fff, WR, WRMSR, WR)						\
	X(msrpm_c0010000_read,	0xc0010000, RD, RDMSR, RD)						\
	X(msrpm_c0010000_write,	0xc0010000, WR, WRMSR, WR)						\
	X(msrpm_c0011fff_read,	0xc0011fff, RD, RDMSR, RD)						\
	X(msrpm_c0011fff_write,	0xc0011fff, WR, WRMSR, WR)						\
	X(msrpm_outside_2000,	0x00002000, 0, RDMSR, RD)						\
	X(msrpm_outside_c0002000, 0xc0002000, 0, RDMSR, RD)						\
	X(msrpm_outside_c0012000, 0xc0012000, 0, WRMSR, WR)						\
	X(msrpm_outside_40000000, 0x40000000, 0, RDMSR, RD)						\
	/* A real MSR L2 may change (SYSENTER_CS, KERNEL_GS_BASE: VMLOAD state): one bit only */	\
	X(msrpm_read_bit_only,	0x00000174, RD, RDMSR_WRMSR, RD)					\
	X(msrpm_write_bit_only,	0x00000174, WR, RDMSR_WRMSR, WR)					\
	X(msrpm_c0000102_read_only, 0xc0000102, RD, RDMSR_WRMSR, RD)					\
	X(msrpm_c0000102_write_only, 0xc0000102, WR, RDMSR_WRMSR, WR)

enum {
#define X(id, ...) MSR_##id,
	MSR_ROWS(X)
#undef X
};

static const struct msr_row msr_rows[] = {
#define X(id, msr, bits, insn, want) [MSR_##id] = { msr, bits, SI_##insn, want },
	MSR_ROWS(X)
#undef X
};

static void msrpm_set(u8 *pm, u32 msr, u8 bits)
{
	u32 base = msr >= 0xc0010000 ? 0x1000 : msr >= 0xc0000000 ? 0x800 : 0;
	u32 bit = (msr & 0x1fff) * 2;

	if (bits & RD)
		pm[base + bit / 8] |= 1u << (bit % 8);
	if (bits & WR)
		pm[base + (bit + 1) / 8] |= 1u << ((bit + 1) % 8);
}

static void msr_setup(struct vcpu *v, const struct msr_row *r)
{
	u8 *pm = (u8 *)l2_vmcb.control.msrpm_base_pa;

	v->scn_state[ST_ROW] = (u64)r;
	memset(pm, 0, MSRPM_BYTES);
	if (r->bits)
		msrpm_set(pm, r->msr, r->bits);
	v->ctx->arg[0] = r->insn;
	v->ctx->arg[1] = 1;		/* EAX of a WRMSR */
	v->ctx->arg[2] = r->msr;	/* ECX */
}

/* EXITINFO1 0 for RDMSR, 1 for WRMSR; ECX the MSR. */
static enum exit_action msr_on_exit(struct vcpu *v, u64 code)
{
	const struct msr_row *r = (const struct msr_row *)v->scn_state[ST_ROW];
	bool write = l2_vmcb.control.exit_info1 == MSR_EXIT_WRITE;

	if (code == SVM_EXIT_EXCP13)	/* the access went through to a missing MSR */
		return icpt_skip(v, ((const u8 *)l2_vmcb.save.rip)[1] == 0x30 ? "\x0f\x30" : "\x0f\x32", 2);
	if (code != SVM_EXIT_MSR)
		return EXIT_DEFAULT;
	icpt_info(v, l2_vmcb.control.exit_info1 | (v->gpr[RCX] & 0xffffffffull) << 32,
		  (r->want == WR ? 1 : 0) | (u64)r->msr << 32, ~0ull);
	if (!write)
		v->gpr[RAX] = v->gpr[RDX] = 0;
	return icpt_skip(v, write ? "\x0f\x30" : "\x0f\x32", 2);
}

static void msr_check(struct vcpu *v)
{
	icpt_info_check(v, "EXITINFO1 (0 read, 1 write) and ECX, as (ECX << 32 | EXITINFO1),");
}

#define X(id, msr, bits, insn, want)							\
	static void setup_##id(struct vcpu *v)						\
	{										\
		msr_setup(v, &msr_rows[MSR_##id]);					\
	}										\
	const struct scenario scn_icpt_##id = {						\
		.needs = NEEDS(SVM),							\
		.setup = setup_##id,							\
		.l2 = l2_svm_insn,							\
		.expect = { { NATIVE_EXIT(SVM_EXIT_MSR), 1 } },				\
		.check = msr_check,							\
		.on_exit = msr_on_exit,							\
		.max_iters = 8,								\
	};
MSR_ROWS(X)
#undef X

struct io_row {
	u32 bit;	/* the one IOPM bit set: a port, or past FFFFh */
	u16 port;
	u8 size;	/* 1, 2, 4 */
	u8 exits;	/* per access */
};

#define IO_PORT	0x0230		/* nothing decodes it on the PC platforms used here */

/* X(id, bit set, port, size, exits) */
#define IO_ROWS(X)									\
	X(iopm_byte,		IO_PORT, IO_PORT, 1, 1)					\
	X(iopm_byte_neighbour,	IO_PORT + 1, IO_PORT, 1, 0)				\
	X(iopm_word_high_bit,	IO_PORT + 1, IO_PORT, 2, 1)				\
	X(iopm_dword_last_bit,	IO_PORT + 3, IO_PORT, 4, 1)				\
	X(iopm_dword_middle_bit, IO_PORT + 2, IO_PORT, 4, 1)				\
	X(iopm_last_port,	0xffff, 0xffff, 1, 1)					\
	X(iopm_word_wrap,	0x10000, 0xffff, 2, 1)					\
	X(iopm_dword_wrap,	0x10002, 0xffff, 4, 1)

enum {
#define X(id, ...) IO_##id,
	IO_ROWS(X)
#undef X
};

static const struct io_row io_rows[] = {
#define X(id, bit, port, size, exits) [IO_##id] = { bit, port, size, exits },
	IO_ROWS(X)
#undef X
};

static void io_setup(struct vcpu *v, const struct io_row *r)
{
	u8 *pm = (u8 *)l2_vmcb.control.iopm_base_pa;

	v->scn_state[ST_ROW] = (u64)r;
	memset(pm, 0, IOPM_BYTES);
	pm[r->bit / 8] |= 1u << (r->bit % 8);
	v->ctx->arg[0] = r->size == 1 ? SI_IN8 : r->size == 2 ? SI_IN16 : SI_IN32;
	v->ctx->arg[3] = r->port;	/* DX */
}

/* EXITINFO1 (APM "IOIO Intercepts"): port in 31:16, SZ32/16/8 in 6:4, TYPE (IN) in 0. */
static enum exit_action io_on_exit(struct vcpu *v, u64 code)
{
	const struct io_row *r = (const struct io_row *)v->scn_state[ST_ROW];
	u64 mask = 0xffff0000ull | 7 << IOIO_SZ_SHIFT | IOIO_STRING | IOIO_IN;
	u64 want = (u64)r->port << 16 | (u64)r->size << IOIO_SZ_SHIFT | IOIO_IN;
	u32 len = r->size == 2 ? 2 : 1;		/* EC, 66 ED, ED */

	if (code != SVM_EXIT_IOIO)
		return EXIT_DEFAULT;
	/* EXITINFO2 is the next RIP: check it in the same record, as its offset from RIP. */
	icpt_info(v, (l2_vmcb.control.exit_info1 & mask) | (l2_vmcb.control.exit_info2 - l2_vmcb.save.rip) << 32,
		  want | (u64)len << 32, ~0ull);
	v->gpr[RAX] |= 0xffffffffull >> (32 - 8 * r->size);
	return icpt_skip(v, r->size == 1 ? "\xec" : r->size == 2 ? "\x66\xed" : "\xed", len);
}

static void io_check(struct vcpu *v)
{
	icpt_info_check(v, "EXITINFO1 port, size, IN; EXITINFO2 - RIP = length, as (length << 32 | EXITINFO1),");
}

#define X(id, bit, port, size, exits)							\
	static void setup_##id(struct vcpu *v)						\
	{										\
		io_setup(v, &io_rows[IO_##id]);						\
	}										\
	const struct scenario scn_icpt_##id = {						\
		.needs = NEEDS(SVM),							\
		.setup = setup_##id,							\
		.l2 = l2_svm_insn,							\
		.expect = { { NATIVE_EXIT(SVM_EXIT_IOIO), exits } },			\
		.check = io_check,							\
		.on_exit = io_on_exit,							\
		.max_iters = 8,								\
	};
IO_ROWS(X)
#undef X
