// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/ [G]: a migration or round trip inside an interrupt shadow.
 *
 * L1 asks, between the exit of an instruction L2 ran in the shadow of STI or MOV SS and
 * L1's next VM entry. VMX: SDM vol. 3 "Guest Non-Register State" (interruptibility state:
 * bit 0 blocking by STI, bit 1 blocking by MOV SS), "Saving Non-Register State in the
 * VMCS" (the exit saves it), "Checks on Guest Non-Register State" and "Interrupt-Window
 * Exiting": entered with the blocking, one instruction runs before an interrupt window
 * opens. SVM: APM vol. 2 "Interrupt Shadows" and the VMCB's INTERRUPT_SHADOW (offset 0x68
 * bit 0): saved by #VMEXIT; the VINTR that L1 then arms (V_IRQ) is counted and where it
 * comes reported (shadow_check says why it is not checked). The VMM carries the state
 * (api.rst: vmcs12 in KVM_GET_NESTED_STATE's data; the VMCB is L1's memory): the
 * blocking L1 reads after the request is the one it read before, and (VMX) L2's
 * interrupt window still opens one instruction late (RDI: where, l2_ev_sti_shadow).
 *
 * L2 asks from inside the shadow: STI; OUT to the actor port. The OUT is the instruction
 * in STI's shadow, and the VMM acts only once it completed it (api.rst, KVM_RUN: state
 * is consistent after re-entry): "STI" ends the shadow with that instruction, so the VMM
 * must read no shadow (KVM_GET_VCPU_EVENTS interrupt.shadow 0) and RIP past the OUT,
 * before and after the migration.
 */
#include "l1/scenarios/vmm.h"
#include "l1/scenarios/vmx_a.h"
#include "l1/svm/svm_l1.h"
#include "lib/string.h"
#include "l1/console.h"

/* scn_state beyond vmm.h's [0..3]: [4] blocking before / after the request differed,
 * [5] blocking not as the shadow wants, [6] window exits at the wrong RIP, [7] window
 * exits, [8] the blocking bits wanted, [9] the action, [10] the last bad blocking, [11]
 * where the window must open, [12] the last wrong window's RIP less that. */
enum { ST_DIFF = 4, ST_WRONG, ST_WINDOW_RIP, ST_WINDOWS, ST_WANT, ST_ACTION, ST_SEEN, ST_AT, ST_RIP_OFF };

static u64 shadow_state(void)
{
	if (hv == &vmx_ops)
		return vmread(VMCS_GUEST_INTERRUPTIBILITY) & (INTR_BLOCK_STI | INTR_BLOCK_MOV_SS);
	return l2_vmcb.control.interrupt_shadow & INT_STATE_SHADOW;
}

/* Sets up the window exit: VMX interrupt-window exiting, SVM V_IRQ with the VINTR intercept. */
static void window_arm(struct vcpu *v, bool on)
{
	if (hv == &vmx_ops) {
		if (on)
			ctl_set(VMCS_PROC_BASED_CTLS, PROC_INTERRUPT_WINDOW_EXITING);
		else
			ctl_clear(VMCS_PROC_BASED_CTLS, PROC_INTERRUPT_WINDOW_EXITING);
		return;
	}
	if (on) {
		l2_vmcb.control.v_intr |= V_INTR_IRQ | V_INTR_PRIO(0xf) | V_INTR_VECTOR(L2_VEC_VIRQ);
		l2_vmcb.control.intercept3 |= INTERCEPT_VINTR;
	} else {
		l2_vmcb.control.v_intr &= ~V_INTR_IRQ;
		l2_vmcb.control.intercept3 &= ~INTERCEPT_VINTR;
	}
	/* APM "VMCB Clean Bits": bit 0 the intercepts, bit 3 the virtual-interrupt controls */
	v->clean_clear |= BIT(0) | BIT(3);
}

static u64 guest_rip(void)
{
	return hv == &vmx_ops ? vmread(VMCS_GUEST_RIP) : l2_vmcb.save.rip;
}

static enum exit_action shadow_exit(struct vcpu *v, u64 code)
{
	u64 before, after;

	if (code == (hv == &vmx_ops ? (u64)EXIT_INTERRUPT_WINDOW : (u64)SVM_EXIT_VINTR)) {
		v->scn_state[ST_WINDOWS]++;
		if (guest_rip() != v->scn_state[ST_AT]) {
			v->scn_state[ST_WINDOW_RIP]++;
			v->scn_state[ST_RIP_OFF] = guest_rip() - v->scn_state[ST_AT];
		}
		window_arm(v, false);
		return EXIT_RESUME;
	}
	if (code != (hv == &vmx_ops ? (u64)EXIT_CPUID : (u64)SVM_EXIT_CPUID))
		return EXIT_DEFAULT;
	before = shadow_state();
	v->scn_state[ST_AT] = v->gpr[RDI];
	emulate_cpuid(v);		/* RIP past CPUID; the blocking stays as saved */
	if (v->scn_state[ST_ACTION])
		vmm_l1_ask(v, (u32)v->scn_state[ST_ACTION]);
	after = shadow_state();
	v->scn_state[ST_DIFF] += before != after;
	if (after != v->scn_state[ST_WANT]) {
		v->scn_state[ST_WRONG]++;
		v->scn_state[ST_SEEN] = after;
	}
	window_arm(v, true);
	return EXIT_RESUME;
}

static void shadow_setup(struct vcpu *v, u32 action, u64 want)
{
	if (action)
		vmm_setup(v, 0, 0, 0);
	else
		memset(&vmm_req, 0, sizeof(vmm_req));
	v->scn_state[ST_ACTION] = action;
	v->scn_state[ST_WANT] = hv == &vmx_ops ? want : INT_STATE_SHADOW;
}

static void sti_migrate_setup(struct vcpu *v)   { shadow_setup(v, VMM_ACT_MIGRATE, INTR_BLOCK_STI); }
static void sti_roundtrip_setup(struct vcpu *v) { shadow_setup(v, VMM_ACT_ROUNDTRIP, INTR_BLOCK_STI); }
static void movss_migrate_setup(struct vcpu *v) { shadow_setup(v, VMM_ACT_MIGRATE, INTR_BLOCK_MOV_SS); }
/* The control: the same without any request (no VMM needed: it runs on the emulators). */
static void sti_control_setup(struct vcpu *v)   { shadow_setup(v, 0, INTR_BLOCK_STI); }

static void shadow_check(struct vcpu *v)
{
	u32 all = v->ctx->warmup + v->ctx->iters;

	if (v->scn_state[ST_ACTION])
		vmm_check_requests(v, false);
	check(!v->scn_state[ST_DIFF], "the blocking read the same after the request: %llu times it did not",
	      (unsigned long long)v->scn_state[ST_DIFF]);
	check(!v->scn_state[ST_WRONG], "the exit saved the shadow's blocking %#llx: %llu times not (last %#llx)",
	      (unsigned long long)v->scn_state[ST_WANT], (unsigned long long)v->scn_state[ST_WRONG],
	      (unsigned long long)v->scn_state[ST_SEEN]);
	if (hv == &vmx_ops) {
		check(v->scn_state[ST_WINDOWS] == all && !v->scn_state[ST_WINDOW_RIP],
		      "the interrupt window opened one instruction after the entry: %llu windows (want %u), %llu at "
		      "another RIP (the last: %lld bytes from it)", (unsigned long long)v->scn_state[ST_WINDOWS], all,
		      (unsigned long long)v->scn_state[ST_WINDOW_RIP], (long long)v->scn_state[ST_RIP_OFF]);
		return;
	}
	/*
	 * SVM: one VINTR per entry. Where it comes is reported, not checked: whether a
	 * VINTR intercept waits out the INTERRUPT_SHADOW VMRUN loaded is not a rule found
	 * in the APM's text here, and QEMU TCG, Bochs and KVM on QEMU TCG all take it at
	 * the first instruction, control (no request) included (docs/validation-actor2.md).
	 */
	check(v->scn_state[ST_WINDOWS] == all, "one VINTR per entry: %llu (want %u)",
	      (unsigned long long)v->scn_state[ST_WINDOWS], all);
	console_printf("INFO: svm: VINTR after the entry in the shadow: %llu of %llu not one instruction late "
		       "(the last %lld bytes from there)\n", (unsigned long long)v->scn_state[ST_WINDOW_RIP],
		       (unsigned long long)v->scn_state[ST_WINDOWS], (long long)v->scn_state[ST_RIP_OFF]);
}

#define SHADOW_SCENARIO(id, arch, window, workload, setup_fn)			\
	const struct scenario scn_##id = {					\
		.needs	= NEEDS(arch),						\
		.setup	= setup_fn,						\
		.l2	= workload,						\
		.expect	= { { XK_CPUID, 1 }, { NATIVE_EXIT(window), 1 } },	\
		.check	= shadow_check,						\
		.on_exit = shadow_exit,						\
		.max_iters = VMM_ITERS,						\
	}

SHADOW_SCENARIO(vmm_vmx_sti_shadow_migrate, VMX, EXIT_INTERRUPT_WINDOW, l2_ev_sti_shadow, sti_migrate_setup);
SHADOW_SCENARIO(vmm_vmx_sti_shadow_roundtrip, VMX, EXIT_INTERRUPT_WINDOW, l2_ev_sti_shadow, sti_roundtrip_setup);
SHADOW_SCENARIO(vmm_vmx_movss_shadow_migrate, VMX, EXIT_INTERRUPT_WINDOW, l2_ev_movss_shadow, movss_migrate_setup);
SHADOW_SCENARIO(vmm_svm_sti_shadow_migrate, SVM, SVM_EXIT_VINTR, l2_ev_sti_shadow, sti_migrate_setup);
SHADOW_SCENARIO(vmm_svm_sti_shadow_roundtrip, SVM, SVM_EXIT_VINTR, l2_ev_sti_shadow, sti_roundtrip_setup);
SHADOW_SCENARIO(vmm_svm_sti_shadow_control, SVM, SVM_EXIT_VINTR, l2_ev_sti_shadow, sti_control_setup);
SHADOW_SCENARIO(vmm_vmx_sti_shadow_control, VMX, EXIT_INTERRUPT_WINDOW, l2_ev_sti_shadow, sti_control_setup);
SHADOW_SCENARIO(vmm_svm_movss_shadow_migrate, SVM, SVM_EXIT_VINTR, l2_ev_movss_shadow, movss_migrate_setup);

/* L2 asks from inside STI's shadow (both architectures). */
static void sti_out_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, L2_VMM2_STI_OUT);
	vmm_req.action = VMM_ACT_MIGRATE;
}

static void sti_out_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(vmm_req.seq >= v->ctx->iters, "the VMM answered every request: %u (want at least %u)", vmm_req.seq,
	      v->ctx->iters);
}

const struct scenario scn_vmm_sti_out_shadow = {
	.setup	= sti_out_setup,
	.l2	= l2_vmm_event,
	.check	= sti_out_check,
	.max_iters = VMM_ITERS,
};

/*
 * L2 asks from inside STI's shadow with L1's interrupt window armed (at L2's HC_NOP just
 * before: VMX interrupt-window exiting, SVM V_IRQ with the VINTR intercept) while L2 had
 * IF = 0: the window opens only once the OUT, the instruction in the shadow, completed
 * ("STI"; SDM "Interrupt-Window Exiting"): one window exit per request, at the RIP past
 * the OUT, after the VMM migrated L2 there. That the window control comes across in
 * guest mode is api.rst's KVM_GET/SET_NESTED_STATE (vmcs12, the VMCB's int_ctl).
 */
static enum exit_action out_window_exit(struct vcpu *v, u64 code)
{
	bool vmx = hv == &vmx_ops;

	if (code == (vmx ? (u64)EXIT_VMCALL : (u64)SVM_EXIT_VMMCALL) && v->gpr[RAX] == HC_NOP) {
		hv->skip_instruction(v);
		window_arm(v, true);
		return EXIT_RESUME;
	}
	if (code != (vmx ? (u64)EXIT_INTERRUPT_WINDOW : (u64)SVM_EXIT_VINTR))
		return EXIT_DEFAULT;
	v->scn_state[ST_WINDOWS]++;
	if (guest_rip() != v->ctx->result[1]) {
		v->scn_state[ST_WINDOW_RIP]++;
		v->scn_state[ST_RIP_OFF] = guest_rip() - v->ctx->result[1];
	}
	window_arm(v, false);
	return EXIT_RESUME;
}

static void out_window_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, L2_VMM2_NOP_STI_OUT);
	vmm_req.action = VMM_ACT_MIGRATE;
}

static void out_window_check(struct vcpu *v)
{
	u32 all = v->ctx->warmup + v->ctx->iters;

	sti_out_check(v);
	check(v->scn_state[ST_WINDOWS] == all && !v->scn_state[ST_WINDOW_RIP],
	      "one window exit per request, past the OUT: %llu (want %u), %llu elsewhere (the last %lld bytes "
	      "from there)", (unsigned long long)v->scn_state[ST_WINDOWS], all,
	      (unsigned long long)v->scn_state[ST_WINDOW_RIP], (long long)v->scn_state[ST_RIP_OFF]);
}

#define OUT_WINDOW_SCENARIO(id, arch, window)					\
	const struct scenario scn_##id = {					\
		.needs	= NEEDS(arch),						\
		.setup	= out_window_setup,					\
		.l2	= l2_vmm_event,						\
		.expect	= { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(window), 1 } },	\
		.check	= out_window_check,					\
		.on_exit = out_window_exit,					\
		.max_iters = VMM_ITERS,						\
	}

OUT_WINDOW_SCENARIO(vmm_vmx_sti_out_window, VMX, EXIT_INTERRUPT_WINDOW);
OUT_WINDOW_SCENARIO(vmm_svm_sti_out_window, SVM, SVM_EXIT_VINTR);
