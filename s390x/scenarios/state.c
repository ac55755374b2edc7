// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSW and register state across an instruction that a hypervisor intercepts
 * (under KVM: the kvm_arch_put_registers path when QEMU handles the exit).
 * All 16 GPRs and ARs get distinctive values, SET PROGRAM MASK sets CC 2 and
 * program mask 0xa; one instruction runs; EXTRACT PSW and the stores that
 * follow must see exactly the same state (the instruction's own result apart:
 * SIGP sets CC 0). CC and program mask are read with INSERT PROGRAM MASK, the
 * other mask bits with EXTRACT PSW: QEMU 7.2's TCG EPSW returns a stale CC
 * (the PSW's CC bits are only brought up to date when an interruption
 * stores the PSW), so EPSW's bits 18-19 are not compared. PoP: "DIAGNOSE", "SIGNAL PROCESSOR", "EXTRACT PSW",
 * "SET PROGRAM MASK".
 */
#include "s390x/scenario.h"
#include "lib/string.h"

struct preserve {
	u64 saved[10];		/* caller's r6-r15 */
	u64 gpr_in[16];
	u32 ar_in[16];
	u64 pm;			/* bits 34-35 CC, 36-39 program mask (SPM operand) */
	u64 gpr_out[16];
	u32 ar_out[16];
	u32 psw_out[2];		/* EXTRACT PSW: mask bits 0-31, 32-63 */
	u32 ipm;		/* INSERT PROGRAM MASK: CC and program mask in bits 2-7 */
};
_Static_assert(__builtin_offsetof(struct preserve, gpr_in) == 80, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, ar_in) == 208, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, pm) == 272, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, gpr_out) == 280, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, ar_out) == 408, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, psw_out) == 472, "start.S PRESERVE offsets");
_Static_assert(__builtin_offsetof(struct preserve, ipm) == 480, "start.S PRESERVE offsets");

void preserve_diag44(struct preserve *p);
void preserve_sigp_sense(struct preserve *p);

#define PROGRAM_MASK	0xa	/* fixed-point overflow, HFP exponent underflow */
#define CC_IN		2

static struct preserve pv;

static void run_one(void (*probe)(struct preserve *), const char *insn, unsigned cc_out)
{
	/* EA and BA: 64-bit addressing; bits 18-19 CC, 20-23 program mask. */
	u32 want_hi = (PROGRAM_MASK << 8) | 1, want_lo = 0x80000000u, want_ipm = cc_out << 4 | PROGRAM_MASK;
	int i;

	memset(&pv, 0, sizeof(pv));
	for (i = 0; i < 16; i++) {
		pv.gpr_in[i] = 0x5a00000000000000ull | (u64)i << 48 | 0xdead0000ull | (u64)i << 8;
		pv.ar_in[i] = 0xac000000u | (u32)i << 16 | 0x5a5a;
	}
	/* SIGP's R3: CPU address 0 in bits 48-63; R1 (GPR 4) gets status on cc 1 only. */
	pv.gpr_in[3] &= ~0xffffull;
	pv.pm = (u64)(CC_IN << 4 | PROGRAM_MASK) << 24;
	probe(&pv);
	for (i = 0; i < 16 && pv.gpr_out[i] == pv.gpr_in[i]; i++)
		;
	if (i == 16)
		check(true, "%s: GPRs 0-15 unchanged", insn);
	else
		check(false, "%s: GPR %d: %#llx (want %#llx)", insn, i,
		      (unsigned long long)pv.gpr_out[i], (unsigned long long)pv.gpr_in[i]);
	for (i = 0; i < 16 && pv.ar_out[i] == pv.ar_in[i]; i++)
		;
	if (i == 16)
		check(true, "%s: ARs 0-15 unchanged", insn);
	else
		check(false, "%s: AR %d: %#x (want %#x)", insn, i, pv.ar_out[i], pv.ar_in[i]);
	check((pv.psw_out[0] & ~0x3000u) == want_hi && pv.psw_out[1] == want_lo,
	      "%s: EPSW mask but CC %08x %08x (want %08x %08x: program mask 0x%x, 64-bit)", insn,
	      pv.psw_out[0] & ~0x3000u, pv.psw_out[1], want_hi, want_lo, PROGRAM_MASK);
	check(((pv.ipm >> 24) & 0x3f) == want_ipm, "%s: IPM CC %u program mask 0x%x (want CC %u, 0x%x)", insn,
	      (pv.ipm >> 28) & 3, (pv.ipm >> 24) & 0xf, cc_out, PROGRAM_MASK);
}

static void state_diag44(const struct run_options *o)
{
	(void)o;
	run_one(preserve_diag44, "DIAGNOSE X'44'", CC_IN);	/* sets no CC */
}

static void state_sigp_sense(const struct run_options *o)
{
	(void)o;
	run_one(preserve_sigp_sense, "SIGP sense CPU 0", 0);	/* operating: cc 0 */
}

const struct scenario scn_state_diag44 = { .run = state_diag44 };
const struct scenario scn_state_sigp_sense = { .run = state_sigp_sense };
