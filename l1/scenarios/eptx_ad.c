// SPDX-License-Identifier: GPL-2.0-only
/*
 * eptx/ad-*, eptx/pml-*: accessed and dirty flags for EPT and page-modification logging.
 * SDM vol. 3, "Accessed and Dirty Flags for EPT": with EPTP bit 6 set (offered by
 * IA32_VMX_EPT_VPID_CAP bit 21) an access sets the accessed flag (bit 8) of each EPT entry
 * used and a write sets the leaf's dirty flag (bit 9); with bit 6 clear the processor
 * sets neither. "Page-Modification Logging": before setting a dirty flag from 0 to 1 the
 * processor logs the guest-physical page at the PML index and decrements it; an index
 * out of range (after 0 it is FFFFH) is a PML-full exit (reason 62) before the access.
 * L2 touches test pages, then makes a VMCALL at which L1 checks the flags / the log and
 * clears them for the next iteration. The log holds 4-KiB-aligned addresses: "bits 11:0
 * of the value written are always 0". Failures print the index in bits 63:48, the entry
 * below.
 */
#include "l1/scenarios/eptx_map.h"
#include "lib/string.h"

#define PML_ENTRIES	512
#define PML_FULL_INDEX	0xffff
enum { S_AD_WANT = 1, S_CHECKED, S_FULLS };

static u64 pml_log[PML_ENTRIES] __attribute__((aligned(4096)));

static void clear_test_flags(struct vcpu *v, int pages)
{
	for (int p = 0; p < pages; p++)
		*eptx_entry(EPTX_GPA + p * PAGE_SIZE, 1) &= ~(EPT_A | EPT_D);
	eptx_invept(v);
}

/* ad-read, ad-write, ad-off: the leaf's A and D as the access left them. */
static enum exit_action ad_on_exit(struct vcpu *v, u64 code)
{
	u64 leaf = *eptx_entry(EPTX_GPA, 1), pde = *eptx_entry(EPTX_GPA, 2);
	u64 want = v->scn_state[S_AD_WANT];

	if ((code & 0xffff) != EXIT_VMCALL || v->gpr[RAX] != HC_NOP)
		return EXIT_DEFAULT;
	if ((leaf & (EPT_A | EPT_D)) != want || (pde & EPT_A) != (want & EPT_A))
		vmxb_bad(v, leaf);
	v->scn_state[S_CHECKED]++;
	clear_test_flags(v, 1);
	*eptx_entry(EPTX_GPA, 2) &= ~EPT_A;
	return EXIT_DEFAULT;
}

static void ad_setup(struct vcpu *v, bool ad, enum l2_eptx_access access, u64 want)
{
	if (ad)
		vmxb_need_ept_cap(EPT_CAP_AD, "accessed and dirty flags for EPT (bit 21)");
	eptx_build(v, ad, false);
	v->scn_state[S_AD_WANT] = want;
	v->ctx->arg[0] = EPTX_GPA;
	v->ctx->arg[1] = access;
	v->ctx->arg[2] = 1;
	v->ctx->arg[3] = EPTX_MARK(0);
}

static void ad_read_setup(struct vcpu *v)  { ad_setup(v, true, L2_EPTX_READ, EPT_A); }
static void ad_write_setup(struct vcpu *v) { ad_setup(v, true, L2_EPTX_WRITE, EPT_A | EPT_D); }
static void ad_off_setup(struct vcpu *v)   { ad_setup(v, false, L2_EPTX_WRITE, 0); }

static void ad_check(struct vcpu *v)
{
	u64 want = v->ctx->warmup + v->ctx->iters;

	check(v->scn_state[S_CHECKED] == want, "flags checked at %llu VMCALLs (want %llu)",
	      (unsigned long long)v->scn_state[S_CHECKED], (unsigned long long)want);
	vmxb_check_none_bad(v, "EPT leaf flags after the access");
	vmxb_check_l2_clean(v, "marks read through EPT");
}

#define AD_SCENARIO(id, fn)							\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX) | NEEDS(NESTED_PAGING), .setup = fn,	\
		.l2 = l2_eptx, .expect = { { XK_HYPERCALL, 1 } }, .check = ad_check, \
		.on_exit = ad_on_exit, .max_iters = 16,				\
	};
AD_SCENARIO(eptx_ad_read, ad_read_setup)
AD_SCENARIO(eptx_ad_write, ad_write_setup)
AD_SCENARIO(eptx_ad_off, ad_off_setup)

/*
 * pml-log: index 511, one write per iteration: at the VMCALL the index is 510 and entry
 * 511 holds the page. pml-full: index 0, two pages per iteration: the first is logged at
 * 0 (index FFFFH), the second is a PML-full exit; L1 sets the index to 511, the write is
 * retried and logged there.
 */
static enum exit_action pml_on_exit(struct vcpu *v, u64 code)
{
	bool full = v->ctx->arg[2] == 2;
	u64 idx = vmread(VMCS_PML_INDEX), last = EPTX_GPA + (full ? PAGE_SIZE : 0);

	switch (code & 0xffff) {
	case EXIT_PML_FULL:
		if (!full || idx != PML_FULL_INDEX || pml_log[0] != EPTX_GPA)
			vmxb_bad(v, idx << 48 | pml_log[0]);
		v->scn_state[S_FULLS]++;
		vmwrite(VMCS_PML_INDEX, PML_ENTRIES - 1);
		return EXIT_RESUME;
	case EXIT_VMCALL:
		if (v->gpr[RAX] != HC_NOP)
			return EXIT_DEFAULT;
		if (idx != PML_ENTRIES - 2 || pml_log[PML_ENTRIES - 1] != last)
			vmxb_bad(v, idx << 48 | pml_log[PML_ENTRIES - 1]);
		v->scn_state[S_CHECKED]++;
		memset(pml_log, 0, sizeof(pml_log));
		clear_test_flags(v, 2);
		vmwrite(VMCS_PML_INDEX, full ? 0 : PML_ENTRIES - 1);
		return EXIT_DEFAULT;
	}
	return EXIT_DEFAULT;
}

static void pml_setup(struct vcpu *v, int pages)
{
	vmxb_need_ctl(FEAT_PROC2_PML);
	vmxb_need_ept_cap(EPT_CAP_AD, "accessed and dirty flags for EPT (bit 21)");
	v->ctl[CTL_PROC2] |= PROC2_PML;
	eptx_build(v, true, true);	/* only the test pages are ever logged */
	memset(pml_log, 0, sizeof(pml_log));
	vmwrite(VMCS_PML_ADDRESS, (u64)pml_log);
	vmwrite(VMCS_PML_INDEX, pages == 2 ? 0 : PML_ENTRIES - 1);
	v->ctx->arg[0] = EPTX_GPA;
	v->ctx->arg[1] = L2_EPTX_WRITE;
	v->ctx->arg[2] = pages;
}

static void pml_log_setup(struct vcpu *v)  { pml_setup(v, 1); }
static void pml_full_setup(struct vcpu *v) { pml_setup(v, 2); }

static void pml_check(struct vcpu *v)
{
	u64 want = v->ctx->warmup + v->ctx->iters;

	check(v->scn_state[S_CHECKED] == want, "log checked at %llu VMCALLs (want %llu)",
	      (unsigned long long)v->scn_state[S_CHECKED], (unsigned long long)want);
	if (v->ctx->arg[2] == 2)
		check(v->scn_state[S_FULLS] == want, "PML-full exits %llu (want %llu)",
		      (unsigned long long)v->scn_state[S_FULLS], (unsigned long long)want);
	vmxb_check_none_bad(v, "PML index and log");
}

const struct scenario scn_eptx_pml_log = {
	.needs = NEEDS(VMX) | NEEDS(NESTED_PAGING), .setup = pml_log_setup, .l2 = l2_eptx,
	.expect = { { XK_HYPERCALL, 1 } }, .check = pml_check, .on_exit = pml_on_exit, .max_iters = 16,
};

const struct scenario scn_eptx_pml_full = {
	.needs = NEEDS(VMX) | NEEDS(NESTED_PAGING), .setup = pml_full_setup, .l2 = l2_eptx,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_PML_FULL), 1 } }, .check = pml_check,
	.on_exit = pml_on_exit, .max_iters = 16,
};
