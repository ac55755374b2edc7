// SPDX-License-Identifier: GPL-2.0-only
/*
 * msrarea/: the MSR-load and MSR-store areas and the EFER/PAT controls (issue 13,
 * family 4). SDM vol. 3: "VM-Entry Controls for MSRs", "VM-Exit Controls for MSRs",
 * "Loading MSRs" (entry; a bad entry fails the VM entry with exit reason 34 and the
 * entry's index, from 1, as exit qualification), "Saving MSRs" and "Loading Host MSRs"
 * (exit), "Miscellaneous Data" (IA32_VMX_MISC[27:25]: recommended maximum count
 * 512 * (N + 1)), "Saving Control Registers, Debug Registers, and MSRs" and "Loading
 * Host Control Registers, Debug Registers, MSRs" (save/load IA32_EFER and IA32_PAT).
 * scn_state[1] counts exits that break the rule; the check wants 0.
 */
#include "l1/scenarios/vmx_a.h"
#include "x86/processor.h"

#define MSR_IA32_TSC		0x00000010
#define MSR_SMM_MONITOR_CTL	0x0000009b
#define MSR_KERNEL_GS_BASE	0xc0000102
#define AREA_MAX		4096	/* 512 * 8: the largest count IA32_VMX_MISC can give */
#define HOST_KGS		0x7e5a00000000ULL
#define MAX_BASE		0x7e5b00000000ULL

struct msr_entry {
	u32 index;
	u32 reserved;
	u64 value;
};
_Static_assert(sizeof(struct msr_entry) == 16, "SDM: 128-bit entries");

static struct msr_entry load_area[AREA_MAX] __attribute__((aligned(16)));
static struct msr_entry store_area[2] __attribute__((aligned(16)));
static struct msr_entry host_area[2] __attribute__((aligned(16)));

static void bad_unless(struct vcpu *v, bool ok)
{
	v->scn_state[1] += !ok;
}

static void check_clean(struct vcpu *v)
{
	check(v->scn_state[1] == 0, "exits breaking the rule: %llu (want 0)", (unsigned long long)v->scn_state[1]);
}

static void l2_uses(struct vcpu *v, u32 msr, u32 mode)
{
	hv->msr_pass(msr, true, true);
	v->ctx->arg[0] = msr;
	v->ctx->arg[2] = mode;
}

/* entry-load: each HCA_ARM's RBX is loaded into IA32_KERNEL_GS_BASE by the entry. */
static void entry_load_setup(struct vcpu *v)
{
	l2_uses(v, MSR_KERNEL_GS_BASE, MSR_AREA_READ);
	vmwrite(VMCS_ENTRY_MSR_LOAD_ADDR, (u64)load_area);
}

/* max-count: the recommended maximum of entries, the last one wins. */
static u32 max_count(void)
{
	return 512 * (((vmx_misc() >> 25) & 7) + 1);
}

static void max_count_setup(struct vcpu *v)
{
	u32 n = max_count();

	entry_load_setup(v);
	for (u32 i = 0; i < n; i++)
		load_area[i] = (struct msr_entry){ MSR_KERNEL_GS_BASE, 0, MAX_BASE + i };
	v->ctx->arg[1] = MAX_BASE + n - 1;
}

static enum exit_action entry_load_exit(struct vcpu *v, u64 code)
{
	bool max = v->scn->setup == max_count_setup;

	if (code & EXIT_REASON_FAILED_VMENTRY)
		return EXIT_DEFAULT;
	vmwrite(VMCS_ENTRY_MSR_LOAD_COUNT, 0);	/* only the entry after HCA_ARM loads */
	if (!is_hca(v, code, HCA_ARM))
		return EXIT_DEFAULT;
	if (!max)
		load_area[0] = (struct msr_entry){ MSR_KERNEL_GS_BASE, 0, v->gpr[RBX] };
	vmwrite(VMCS_ENTRY_MSR_LOAD_COUNT, max ? max_count() : 1);
	skip_and_unblock(v);
	return EXIT_RESUME;
}

/* exit-store: the exit stores L2's IA32_KERNEL_GS_BASE (RBX) and IA32_TSC, which is
 * between L2's last RDTSC (RBX) and L1's first. exit-load: the exit loads L1's value. */
static void store_setup(struct vcpu *v, u32 msr, u32 mode)
{
	l2_uses(v, msr, mode);
	store_area[0] = (struct msr_entry){ msr, 0, 0 };
	vmwrite(VMCS_EXIT_MSR_STORE_ADDR, (u64)store_area);
	vmwrite(VMCS_EXIT_MSR_STORE_COUNT, 1);
}

static void exit_store_setup(struct vcpu *v) { store_setup(v, MSR_KERNEL_GS_BASE, MSR_AREA_WRITE); }
static void tsc_store_setup(struct vcpu *v)  { store_setup(v, MSR_IA32_TSC, MSR_AREA_TSC); }

static void exit_load_setup(struct vcpu *v)
{
	l2_uses(v, MSR_KERNEL_GS_BASE, MSR_AREA_WRITE);
	host_area[0] = (struct msr_entry){ MSR_KERNEL_GS_BASE, 0, HOST_KGS };
	vmwrite(VMCS_EXIT_MSR_LOAD_ADDR, (u64)host_area);
	vmwrite(VMCS_EXIT_MSR_LOAD_COUNT, 1);
}

static enum exit_action exit_area_exit(struct vcpu *v, u64 code)
{
	u64 now = rdtsc_serialized();

	if (!is_hca(v, code, HCA_ARM))
		return EXIT_DEFAULT;
	if (v->scn->setup == exit_store_setup)
		bad_unless(v, store_area[0].value == v->gpr[RBX]);
	else if (v->scn->setup == tsc_store_setup) {
		bool ok = store_area[0].value >= v->gpr[RBX] && store_area[0].value <= now;

		if (!ok && !v->scn_state[1]) {	/* the first one that breaks it, for the report */
			v->scn_state[2] = v->gpr[RBX];
			v->scn_state[3] = store_area[0].value;
			v->scn_state[4] = now;
		}
		bad_unless(v, ok);
	}
	else
		bad_unless(v, rdmsr(MSR_KERNEL_GS_BASE) == HOST_KGS);
	skip_and_unblock(v);
	return EXIT_RESUME;
}

/* efer: L2 flips EFER.SCE; the exit saves its EFER and loads L1's. */
static void efer_setup(struct vcpu *v)
{
	l2_uses(v, MSR_IA32_EFER, MSR_AREA_FLIP);
}

/* pat: L2 reads the PAT the entry loaded, writes another, the exit saves it and loads
 * L1's; the next entry loads the saved one back. */
#define GUEST_PAT0	0x0006060606060606ULL	/* all WB: valid */

static void pat_setup(struct vcpu *v)
{
	need_ctl(FEAT_EXIT_SAVE_PAT);
	need_ctl(FEAT_EXIT_LOAD_PAT);
	need_ctl(FEAT_ENTRY_LOAD_PAT);
	v->ctl[CTL_EXIT] |= EXIT_SAVE_PAT | EXIT_LOAD_PAT;
	v->ctl[CTL_ENTRY] |= ENTRY_LOAD_PAT;
	vmwrite(VMCS_HOST_IA32_PAT, rdmsr(MSR_IA32_PAT));
	vmwrite(VMCS_GUEST_IA32_PAT, GUEST_PAT0);
	hv->msr_pass(MSR_IA32_PAT, true, true);
	v->ctx->arg[0] = GUEST_PAT0;
}

static enum exit_action save_load_exit(struct vcpu *v, u64 code)
{
	bool pat = v->scn->setup == pat_setup;

	if (!is_hca(v, code, HCA_ARM))
		return EXIT_DEFAULT;
	bad_unless(v, vmread(pat ? VMCS_GUEST_IA32_PAT : VMCS_GUEST_IA32_EFER) == v->gpr[RBX]);
	bad_unless(v, pat ? rdmsr(MSR_IA32_PAT) == vmread(VMCS_HOST_IA32_PAT)
			  : rdmsr(MSR_IA32_EFER) == vmread(VMCS_HOST_IA32_EFER));
	skip_and_unblock(v);
	return EXIT_RESUME;
}

static void tsc_check(struct vcpu *v)
{
	check_clean(v);
	if (v->scn_state[1])
		check(false, "first bad store: L2 read TSC %#llx, the exit stored %#llx, L1 read %#llx",
		      (unsigned long long)v->scn_state[2], (unsigned long long)v->scn_state[3],
		      (unsigned long long)v->scn_state[4]);
}

#define AREA_SCENARIO(id, setup_fn, l2_fn, hook)			\
	const struct scenario scn_msrarea_##id = {			\
		.needs = NEEDS(VMX), .setup = setup_fn, .l2 = l2_fn, .on_exit = hook, \
		.check = setup_fn == tsc_store_setup ? tsc_check : check_clean, \
		.max_iters = 16, .expect = { { XK_HYPERCALL, 1 } },	\
	};
AREA_SCENARIO(entry_load, entry_load_setup, l2_msr_area, entry_load_exit)
AREA_SCENARIO(max_count, max_count_setup, l2_msr_area, entry_load_exit)
AREA_SCENARIO(exit_store, exit_store_setup, l2_msr_area, exit_area_exit)
AREA_SCENARIO(tsc_store, tsc_store_setup, l2_msr_area, exit_area_exit)
AREA_SCENARIO(exit_load, exit_load_setup, l2_msr_area, exit_area_exit)
AREA_SCENARIO(efer, efer_setup, l2_msr_area, save_load_exit)
AREA_SCENARIO(pat, pat_setup, l2_pat_round_trip, save_load_exit)

/*
 * A bad entry at index n (from 1) after n - 1 good ones: the entry fails with exit
 * reason 34 and qualification n. X(id, n, MSR index, reserved bits 63:32 of the entry's
 * first quadword). SDM "Loading MSRs": not IA32_FS_BASE/GS_BASE, not an x2APIC MSR
 * (index bits 31:8 = 8), not IA32_SMM_MONITOR_CTL, reserved bits 0.
 */
#define BAD_ENTRIES(X)							\
	X(bad_fs_base, 1, MSR_IA32_FS_BASE, 0)				\
	X(bad_reserved, 2, MSR_KERNEL_GS_BASE, 1)			\
	X(bad_x2apic, 3, MSR_X2APIC_TPR, 0)				\
	X(bad_smm_monitor, 2, MSR_SMM_MONITOR_CTL, 0)

static enum exit_action bad_entry_exit(struct vcpu *v, u64 code)
{
	u32 n = (u32)v->scn_state[2];

	if (!is_hca(v, code, HCA_ARM))
		return EXIT_DEFAULT;
	for (u32 i = 0; i + 1 < n; i++)
		load_area[i] = (struct msr_entry){ MSR_KERNEL_GS_BASE, 0, 0 };
	load_area[n - 1] = (struct msr_entry){ (u32)v->scn_state[3], (u32)v->scn_state[4], 0 };
	vmwrite(VMCS_ENTRY_MSR_LOAD_ADDR, (u64)load_area);
	vmwrite(VMCS_ENTRY_MSR_LOAD_COUNT, n);
	skip_and_unblock(v);
	return EXIT_RESUME;
}

#define X(id, n, msr, rsvd)						\
	static void id##_setup(struct vcpu *v)				\
	{								\
		v->scn_state[2] = n;					\
		v->scn_state[3] = msr;					\
		v->scn_state[4] = rsvd;					\
	}								\
	const struct scenario scn_msrarea_##id = {			\
		.needs = NEEDS(VMX), .setup = id##_setup, .l2 = l2_ev_arm, \
		.on_exit = bad_entry_exit, .max_iters = 16,		\
		.expect_error = "VM entry failed: MSR_LOADING at entry " #n, \
	};
BAD_ENTRIES(X)
#undef X
