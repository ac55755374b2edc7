// SPDX-License-Identifier: GPL-2.0-only
/*
 * bug/: reproducers of nested-SVM fixes of KVM (issue 15). Each scenario checks the
 * behaviour the AMD APM (vol. 2, ch. 15) gives, at the path the fix changed; its registry
 * line and docs/bug-catalogue.md name the upstream commit, the Debian kernel versions
 * whose changelog lists it, and the verdicts expected and measured before and after.
 * unsafe/ (opt-in, never in the default suite): on an unfixed kernel the reproducer
 * writes host memory.
 */
#include "l1/scenario.h"
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"
#include "x86/trap.h"

#define SEL_CR0_EM	BIT(2)		/* CR0.EM: LMSW may change it */
#define INTERCEPT_SELECTIVE_CR0	BIT(5)	/* vector 3: CR0 writes changing bits other than TS, MP */
#define ATTR_DB		BIT(10)		/* VMCB segment attrib: D/B (bits 11:8 = G, D/B, L, AVL) */
#define SAVE_MARK	0x6b6bULL

/*
 * INVLPGA with EFER.SVME=0. APM vol. 3 "INVLPGA": #UD if EFER.SVME is 0. KVM intercepts
 * INVLPGA (it runs L1 with EFER.SVME forced on in the hardware VMCB), so before
 * "KVM: SVM: Inject #UD for INVLPGA if EFER.SVME=0" it flushed and skipped it instead.
 * L1 clears EFER.SVME, runs INVLPGA under a #UD fixup, sets EFER.SVME again.
 */
asm(".pushsection .text\n"
    "bug_invlpga:\n\t"
    "mov %rdi, %rax\n\t"
    "mov %esi, %ecx\n"
    "bug_invlpga_insn:\n\t"
    "invlpga %rax, %ecx\n"
    "bug_invlpga_after:\n\t"
    "ret\n"
    ".popsection");
void bug_invlpga(u64 va, u32 asid);
extern const char bug_invlpga_insn[], bug_invlpga_after[];

static void invlpga_setup(struct vcpu *v)
{
	u64 efer = rdmsr(MSR_IA32_EFER);

	wrmsr(MSR_IA32_EFER, efer & ~EFER_SVME);
	trap_expect(6, (u64)bug_invlpga_insn, (u64)bug_invlpga_after);
	bug_invlpga((u64)&v->scn_state[1], 1);
	v->scn_state[0] = trap_expect_end();
	wrmsr(MSR_IA32_EFER, efer);
}

static void invlpga_check(struct vcpu *v)
{
	check(v->scn_state[0], "INVLPGA with EFER.SVME=0 raised #UD (APM vol. 3 \"INVLPGA\"): it did not");
}

const struct scenario scn_bug_svm_invlpga_svme0 = {
	.needs		= NEEDS(SVM),
	.setup		= invlpga_setup,
	.l2		= l2_cpuid,
	.expect		= { { XK_CPUID, 1 } },
	.check		= invlpga_check,
	.max_iters	= 8,
};

/*
 * nCR3 beyond MAXPHYADDR with nested paging on. APM "Canonicalization and Consistency
 * Checks" (VMRUN): any MBZ bit of CR3 set is illegal; nCR3 has CR3's format ("Nested
 * Paging", 15.25) and KVM checks it since "KVM: nSVM: Add missing consistency check for
 * nCR3 validity": VMRUN must #VMEXIT(INVALID). KVM walks L1's nested tables itself (the
 * hardware never sees nCR3), so before the fix the VMRUN went ahead.
 */
static void ncr3_setup(struct vcpu *v)
{
	u32 maxphy = cpuid(0x80000008).eax & 0xff;

	(void)v;
	if (!(l2_vmcb.control.np_control & NP_ENABLE))
		scenario_skip("needs nested paging in L1 (CPUID Fn8000_000A EDX bit 0)");
	if (maxphy >= 52)
		scenario_skip("needs MAXPHYADDR < 52 (CPUID Fn8000_0008 EAX[7:0] = %u)", maxphy);
	l2_vmcb.control.n_cr3 |= 1ull << maxphy;
}

const struct scenario scn_bug_nsvm_ncr3_maxphyaddr = {
	.needs		= NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup		= ncr3_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VMRUN failed: VMEXIT_INVALID",
};

/*
 * EFER.LME, CR0.PG, CR4.PAE, CS.L and CS.D all set: APM "Canonicalization and Consistency
 * Checks" lists it as illegal guest state, VMRUN #VMEXITs with VMEXIT_INVALID. "KVM:
 * nSVM: Add missing consistency check for EFER, CR0, CR4, and CS" adds it to KVM's own
 * checks (before it, KVM relied on the CPU checking vmcb02).
 */
static void cs_long_db_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.save.cs.attrib |= ATTR_DB;	/* L is set: L2 is 64-bit, LME, PG, PAE set */
}

const struct scenario scn_bug_nsvm_cs_long_db = {
	.needs		= NEEDS(SVM),
	.setup		= cs_long_db_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VMRUN failed: VMEXIT_INVALID",
};

/*
 * ASID 0 (APM "Canonicalization and Consistency Checks": "ASID is equal to zero" is
 * illegal): KVM checks it itself, the CPU never sees L1's ASID. The exit code must be
 * VMEXIT_INVALID, -1 in all 64 bits (APM appendix "SVM Intercept Exit Codes"): "KVM:
 * nSVM: Set exit_code_hi to -1 when synthesizing SVM_EXIT_ERR". A 0xffffffff with the
 * high half 0 decodes as an unexpected exit, not as the failed VMRUN.
 */
static void asid0_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.asid = 0;
}

const struct scenario scn_bug_nsvm_err_exit_code = {
	.needs		= NEEDS(SVM),
	.setup		= asid0_setup,
	.l2		= l2_cpuid,
	.expect_error	= "VMRUN failed: VMEXIT_INVALID",
};

/*
 * An exception exit KVM synthesizes (KVM intercepts #UD itself, then reflects it to L1,
 * which intercepts it too): its exit code is EXCP6 (0x46) in all 64 bits. L1 poisons the
 * VMCB's EXITCODE with all ones before each VMRUN, so a high half left alone shows.
 * "KVM: nSVM: Clear exit_code_hi in VMCB when synthesizing nested VM-Exits".
 */
#define EXIT_UD	(SVM_EXIT_EXCP0 + 6)

static void exc_code_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.exit_code = ~0ull;
}

static enum exit_action exc_code_exit(struct vcpu *v, u64 code)
{
	if ((u32)code != EXIT_UD)
		return EXIT_DEFAULT;
	if (code >> 32)
		v->scn_state[0]++;
	l2_vmcb.save.rip += 2;		/* UD2 */
	l2_vmcb.control.exit_code = ~0ull;
	return EXIT_RESUME;
}

static void exc_code_check(struct vcpu *v)
{
	check(v->scn_state[0] == 0, "#UD exits with EXITCODE[63:32] not 0: %llu (want 0)",
	      (unsigned long long)v->scn_state[0]);
}

const struct scenario scn_bug_nsvm_exc_exit_code = {
	.needs		= NEEDS(SVM),
	.setup		= exc_code_setup,
	.l2		= l2_ud2,
	.expect		= { { NATIVE_EXIT(EXIT_UD), 1 } },
	.check		= exc_code_check,
	.on_exit	= exc_code_exit,
	.max_iters	= 16,
};

/*
 * LMSW that changes CR0.EM with the selective CR0 write intercept: APM "CR0 Selective
 * Write Intercept": writes (LMSW included) that change any bit but CR0.TS and CR0.MP
 * exit with CR0_SEL_WRITE (0x65). L1 skips the LMSW (EM stays 0), so every iteration
 * exits. "KVM: nSVM: Propagate SVM_EXIT_CR0_SEL_WRITE correctly for LMSW": the path KVM
 * emulates when it intercepts CR0 writes itself (L0 with npt=0, no decode assists).
 */
static void lmsw_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.intercept3 |= INTERCEPT_SELECTIVE_CR0;
}

static enum exit_action lmsw_exit(struct vcpu *v, u64 code)
{
	(void)v;
	if (code != SVM_EXIT_CR0_SEL_WRITE)
		return EXIT_DEFAULT;
	l2_vmcb.save.rip += 3;		/* LMSW %ax: 0f 01 f0 */
	return EXIT_RESUME;
}

const struct scenario scn_bug_nsvm_lmsw_sel_cr0 = {
	.needs		= NEEDS(SVM),
	.setup		= lmsw_setup,
	.l2		= l2_lmsw_em,
	.expect		= { { NATIVE_EXIT(SVM_EXIT_CR0_SEL_WRITE), 1 } },
	.on_exit	= lmsw_exit,
	.max_iters	= 16,
};

/*
 * unsafe/ (opt-in): VMSAVE in L2, neither intercepted nor virtualized. APM "VMSAVE":
 * rAX is a system-physical address; for L1 under KVM that is an L1 physical address, so
 * the state lands in L2's page (identity-mapped). Before "KVM: nSVM: always intercept
 * VMLOAD/VMSAVE when nested (CVE-2021-3656)" the CPU ran it on the host's physical
 * address: a write into host memory.
 */
static void vmsave_raw_setup(struct vcpu *v)
{
	(void)v;
	l2_vmcb.save.sysenter_cs = SAVE_MARK;
	l2_vmcb.control.intercept4 &= ~(INTERCEPT_VMSAVE | INTERCEPT_VMLOAD);
	l2_vmcb.control.virt_ext &= ~(u64)VIRT_VMLOAD_VMSAVE_ENABLE;
}

static void vmsave_raw_check(struct vcpu *v)
{
	check(v->ctx->result[0] == SAVE_MARK, "L2's VMSAVE stored its SYSENTER_CS %#llx in its page (want %#llx)",
	      (unsigned long long)v->ctx->result[0], SAVE_MARK);
}

const struct scenario scn_unsafe_nsvm_vmsave_raw = {
	.needs		= NEEDS(SVM),
	.setup		= vmsave_raw_setup,
	.l2		= l2_vmsave_vmload,
	.check		= vmsave_raw_check,
	.max_iters	= 8,
};
