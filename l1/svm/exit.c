// SPDX-License-Identifier: GPL-2.0-only
/*
 * #VMEXIT dispatch by exit code (APM vol. 2, appendix C). Handlers run inside the
 * measurement window: they print nothing and touch only the vcpu and the VMCB.
 */
#include "l1/svm/svm_l1.h"
#include "l1/scenario.h"
#include "l1/qemu_migrate.h"
#include "lib/string.h"

/*
 * Without next-RIP save (QEMU's TCG has none) L1 finds the next RIP itself: the exit
 * code says which instruction exited, and L1 checks its bytes at L2's RIP (L2 runs in
 * L1's address space) so that a prefix L1 does not expect cannot go unnoticed.
 */
static const struct { u64 code; u8 len, bytes[3]; } exit_insns[] = {
	{ SVM_EXIT_CPUID, 2, { 0x0f, 0xa2 } },
	{ SVM_EXIT_VMMCALL, 3, { 0x0f, 0x01, 0xd9 } },
	{ SVM_EXIT_HLT, 1, { 0xf4 } },
	{ SVM_EXIT_MSR, 2, { 0x0f, 0x30 } },		/* WRMSR */
	{ SVM_EXIT_MSR, 2, { 0x0f, 0x32 } },		/* RDMSR */
	{ SVM_EXIT_VMLOAD, 3, { 0x0f, 0x01, 0xda } },
	{ SVM_EXIT_VMSAVE, 3, { 0x0f, 0x01, 0xdb } },
	{ SVM_EXIT_STGI, 3, { 0x0f, 0x01, 0xdc } },
	{ SVM_EXIT_CLGI, 3, { 0x0f, 0x01, 0xdd } },
};

static u64 decoded_next_rip(u64 code, u64 rip)
{
	const u8 *p = (const u8 *)rip;

	for (size_t i = 0; i < ARRAY_SIZE(exit_insns); i++)
		if (exit_insns[i].code == code && !memcmp(p, exit_insns[i].bytes, exit_insns[i].len))
			return rip + exit_insns[i].len;
	scenario_fatal("cannot find the length of the instruction behind exit %s at L2 RIP %#llx (%02x %02x %02x)",
		       svm_exit_name(code), (unsigned long long)rip, p[0], p[1], p[2]);
}

void svm_skip_instruction(struct vcpu *v)
{
	struct vmcb_control *c = &l2_vmcb.control;
	u64 rip = l2_vmcb.save.rip;

	if (c->exit_code == SVM_EXIT_IOIO) {
		l2_vmcb.save.rip = c->exit_info2;	/* IOIO always reports the next RIP */
	} else if (svm_has(SVM_FEAT_NRIPS)) {
		if (v->check_nrip) {
			v->nrip_checked++;
			v->nrip_mismatches += c->next_rip != decoded_next_rip(c->exit_code, rip);
		}
		l2_vmcb.save.rip = c->next_rip;
	} else {
		l2_vmcb.save.rip = decoded_next_rip(c->exit_code, rip);
	}
}

static enum exit_action handle_hlt(struct vcpu *v)
{
	svm_skip_instruction(v);
	return EXIT_RESUME;
}

static enum exit_action handle_ioio(struct vcpu *v)
{
	u64 i = l2_vmcb.control.exit_info1;

	return emulate_io(v, IOIO_PORT(i), IOIO_SIZE(i), i & IOIO_IN, i & IOIO_STRING);
}

static enum exit_action handle_msr(struct vcpu *v)
{
	return l2_vmcb.control.exit_info1 == MSR_EXIT_WRITE ? emulate_wrmsr(v) : emulate_rdmsr(v);
}

/* EXITINFO1 is a #PF error code, EXITINFO2 the guest-physical address. */
static enum exit_action handle_npf(struct vcpu *v)
{
	v->last_gpa = l2_vmcb.control.exit_info2;
	v->last_qual = l2_vmcb.control.exit_info1;
	v->last_write = v->last_qual & NPF_WRITE;
	if (!npt_map_test_page(v->last_gpa))
		return vcpu_error(v, "nested page fault outside the test region: GPA %#llx error code %#llx",
				  (unsigned long long)v->last_gpa, (unsigned long long)v->last_qual);
	return EXIT_RESUME;	/* L2 retries the access */
}

/* CLGI/STGI intercepted: L1 keeps L2's GIF itself. */
static enum exit_action handle_gif(struct vcpu *v)
{
	v->vgif = l2_vmcb.control.exit_code == SVM_EXIT_STGI;
	svm_skip_instruction(v);
	return EXIT_RESUME;
}

/*
 * VMSAVE/VMLOAD intercepted: L1 moves the state these instructions cover (APM "VMSAVE",
 * "VMLOAD") between L2's VMCB, which holds L2's current values since the VMSAVE after
 * #VMEXIT, and the page L2 named in RAX.
 */
static void copy_vmload_state(struct vmcb_save *to, const struct vmcb_save *from)
{
	to->fs = from->fs;
	to->gs = from->gs;
	to->tr = from->tr;
	to->ldtr = from->ldtr;
	to->kernel_gs_base = from->kernel_gs_base;
	to->star = from->star;
	to->lstar = from->lstar;
	to->cstar = from->cstar;
	to->sfmask = from->sfmask;
	to->sysenter_cs = from->sysenter_cs;
	to->sysenter_esp = from->sysenter_esp;
	to->sysenter_eip = from->sysenter_eip;
}

static enum exit_action handle_vmsave_vmload(struct vcpu *v)
{
	u64 pa = l2_vmcb.save.rax;
	struct vmcb *page = (struct vmcb *)pa;

	if (pa & (PAGE_SIZE - 1))
		return vcpu_error(v, "L2 VMSAVE/VMLOAD with an unaligned VMCB %#llx", (unsigned long long)pa);
	if (l2_vmcb.control.exit_code == SVM_EXIT_VMSAVE)
		copy_vmload_state(&page->save, &l2_vmcb.save);
	else
		copy_vmload_state(&l2_vmcb.save, &page->save);
	svm_skip_instruction(v);
	return EXIT_RESUME;
}

static enum exit_action handle_exception(struct vcpu *v)
{
	return vcpu_error(v, "L2 exception vector %llu error %#llx at RIP %#llx",
			  (unsigned long long)(l2_vmcb.control.exit_code - SVM_EXIT_EXCP0),
			  (unsigned long long)l2_vmcb.control.exit_info1, (unsigned long long)l2_vmcb.save.rip);
}

static enum exit_action handle_shutdown(struct vcpu *v)
{
	return vcpu_error(v, "L2 shut down (triple fault) at RIP %#llx", (unsigned long long)l2_vmcb.save.rip);
}

static enum exit_action (*const exit_handlers[SVM_EXIT_CODE_COUNT])(struct vcpu *) = {
	[SVM_EXIT_EXCP0 ... SVM_EXIT_EXCP31]	= handle_exception,
	[SVM_EXIT_CPUID]			= emulate_cpuid,
	[SVM_EXIT_HLT]				= handle_hlt,
	[SVM_EXIT_IOIO]				= handle_ioio,
	[SVM_EXIT_MSR]				= handle_msr,
	[SVM_EXIT_SHUTDOWN]			= handle_shutdown,
	[SVM_EXIT_VMMCALL]			= emulate_hypercall,
	[SVM_EXIT_VMLOAD]			= handle_vmsave_vmload,
	[SVM_EXIT_VMSAVE]			= handle_vmsave_vmload,
	[SVM_EXIT_STGI]				= handle_gif,
	[SVM_EXIT_CLGI]				= handle_gif,
	[SVM_EXIT_NPF]				= handle_npf,
};

static enum exit_action entry_failed(struct vcpu *v)
{
	return vcpu_error(v, "VMRUN failed: VMEXIT_INVALID (the VMCB's guest state is invalid)");
}

static enum exit_action unexpected_exit(struct vcpu *v, u64 code)
{
	const struct vmcb_control *c = &l2_vmcb.control;

	return vcpu_error(v, "unexpected exit %s (%#llx), info1 %#llx info2 %#llx, RIP %#llx", svm_exit_name(code),
			  (unsigned long long)code, (unsigned long long)c->exit_info1,
			  (unsigned long long)c->exit_info2, (unsigned long long)l2_vmcb.save.rip);
}

enum exit_action svm_handle_exit(struct vcpu *v)
{
	u64 code = l2_vmcb.control.exit_code;

	if (code != SVM_EXIT_INVALID)
		vcpu_count_exit(v, svm_exit_slot(code));
	qemu_migrate_point(v->ctx);	/* qemu-kvm's --migrate: between L2's #VMEXIT and the next VMRUN */
	if (v->scn->on_exit) {
		enum exit_action a = v->scn->on_exit(v, code);

		if (a != EXIT_DEFAULT)
			return a;
	}
	if (code == SVM_EXIT_INVALID)
		return entry_failed(v);
	if (code >= SVM_EXIT_CODE_COUNT || !exit_handlers[code])
		return unexpected_exit(v, code);
	return exit_handlers[code](v);
}
