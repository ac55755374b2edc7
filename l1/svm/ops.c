// SPDX-License-Identifier: GPL-2.0-only
/* The SVM back end of L1 (l1/hv.h): what the scenarios need, mapped onto SVM. */
#include "l1/hv.h"
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"

/* Exit code + 1 of each exit kind; 0: SVM has no such exit. */
static const u16 kind_code[XK_COUNT] = {
	[XK_CPUID] = SVM_EXIT_CPUID + 1, [XK_HYPERCALL] = SVM_EXIT_VMMCALL + 1,
	[XK_HLT] = SVM_EXIT_HLT + 1, [XK_IO] = SVM_EXIT_IOIO + 1, [XK_MSR_READ] = SVM_EXIT_MSR + 1,
	[XK_MSR_WRITE] = SVM_EXIT_MSR + 1, [XK_NESTED_PF] = SVM_EXIT_NPF + 1,
	[XK_VMLOAD] = SVM_EXIT_VMLOAD + 1, [XK_VMSAVE] = SVM_EXIT_VMSAVE + 1,
	[XK_CLGI] = SVM_EXIT_CLGI + 1, [XK_STGI] = SVM_EXIT_STGI + 1,
};

static int svm_native_slot(u32 code)
{
	return svm_exit_slot(code);
}

static int svm_exit_slot_of(enum exit_kind k)
{
	return k < XK_COUNT && kind_code[k] ? svm_exit_slot(kind_code[k] - 1u) : -1;
}

static const char *svm_slot_name(u32 slot)
{
	return svm_exit_name(svm_slot_code(slot));
}

static enum exit_action svm_run_once(struct vcpu *v)
{
	struct vmcb_control *c = &l2_vmcb.control;

	/* A new scenario's first VMRUN: the test region's old translations must go. */
	c->tlb_control = v->launched ? v->tlb_control_next : TLB_CONTROL_FLUSH_ALL;
	/* Once L2 runs, L1 changes only what VMRUN always loads (RIP, RAX) and the state of
	 * VMLOAD/VMSAVE: every area the clean bits track stays as the first VMRUN loaded it,
	 * unless a scenario's exit hook changed one (clean_clear). */
	c->clean = v->launched && svm_has(SVM_FEAT_VMCB_CLEAN) ? CLEAN_ALL & ~v->clean_clear : 0;
	v->tlb_control_next = TLB_CONTROL_NOTHING;
	v->clean_clear = 0;
	l2_vmcb.save.rax = v->gpr[RAX];
	svm_enter(v, (u64)&l2_vmcb, svm_host_state_pa());
	v->gpr[RAX] = l2_vmcb.save.rax;
	v->launched = 1;
	return svm_handle_exit(v);
}

static void svm_intercept_hlt(struct vcpu *v)
{
	(void)v;
	l2_vmcb.control.intercept3 |= INTERCEPT_HLT;
}

static void svm_exception_intercepts(struct vcpu *v, u32 vectors)
{
	(void)v;
	l2_vmcb.control.intercept_exceptions = vectors;
}

static u64 svm_guest_msr(struct vcpu *v, u32 msr)
{
	(void)v;
	switch (msr) {
	case MSR_IA32_SYSENTER_CS:
		return l2_vmcb.save.sysenter_cs;
	case MSR_IA32_SYSENTER_ESP:
		return l2_vmcb.save.sysenter_esp;
	case MSR_IA32_SYSENTER_EIP:
		return l2_vmcb.save.sysenter_eip;
	}
	return ~0ULL;
}

static u64 svm_guest_cr3(struct vcpu *v)
{
	(void)v;
	return l2_vmcb.save.cr3;
}

const struct hv_ops svm_ops = {
	.name			= "svm",
	.on			= svm_on,
	.caps_report		= svm_caps_report,
	.cap_source		= svm_cap_feature,
	.has			= svm_has,
	.describe		= svm_describe,
	.arch			= "SVM",
	.other_arch		= "Intel VMX",
	.exit_slot		= svm_exit_slot_of,
	.native_slot		= svm_native_slot,
	.slot_name		= svm_slot_name,
	.load_fresh		= vmcb_load_fresh,
	.setup_defaults		= vmcb_setup_defaults,
	.set_entry		= vmcb_set_l2_entry,
	.run_once		= svm_run_once,
	.dump			= vmcb_dump,
	.intercept_hlt		= svm_intercept_hlt,
	.io_pass		= iopm_pass,
	.msr_pass		= msrpm_pass,
	.exception_intercepts	= svm_exception_intercepts,
	.guest_msr		= svm_guest_msr,
	.guest_cr3		= svm_guest_cr3,
	.skip_instruction	= svm_skip_instruction,
};
