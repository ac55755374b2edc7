// SPDX-License-Identifier: GPL-2.0-only
/*
 * event/: delivery of events to L2 (issue 13, family 1). SDM vol. 3: "Interrupt-Window
 * Exiting and Virtual-Interrupt Delivery", "NMI-Window Exiting", "Virtual NMIs",
 * "Event Injection" and "Vectored-Event Injection", "Information for VM Exits During
 * Event Delivery" (IDT-vectoring information), "Guest Non-Register State"
 * (interruptibility and activity state), "Acknowledge interrupt on exit" (VM-exit
 * controls), "Information for VM Exits Due to Vectored Events". Each scenario's exit
 * hook counts what broke a rule in v->scn_state[1]; its check wants 0.
 */
#include "l1/scenarios/vmx_a.h"
#include "x86/apic.h"
#include "x86/desc.h"
#include "x86/processor.h"

/* scn_state: [0] where the next exit must land, [1] rule breaks, [2] a counter,
 * [4] interruption information to inject, [5] its error code, [6] software event. */
#define ST_AT		0
#define ST_BAD		1
#define ST_COUNT	2
#define ST_INFO		4
#define ST_ERROR	5
#define ST_SOFT		6

static void bad_unless(struct vcpu *v, bool ok)
{
	v->scn_state[ST_BAD] += !ok;
}

static void check_clean(struct vcpu *v)
{
	check(v->scn_state[ST_BAD] == 0, "exits breaking the rule: %llu (want 0)",
	      (unsigned long long)v->scn_state[ST_BAD]);
}

/* Interrupt window: HCA_ARM sets interrupt-window exiting; the exit must come exactly
 * where RBX said (before any instruction when IF=1 and nothing blocks). */
static enum exit_action iw_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		v->scn_state[ST_AT] = v->gpr[RBX];
		skip_and_unblock(v);
		ctl_set(VMCS_PROC_BASED_CTLS, PROC_INTERRUPT_WINDOW_EXITING);
		return EXIT_RESUME;
	}
	if (code == EXIT_INTERRUPT_WINDOW) {
		bad_unless(v, vmread(VMCS_GUEST_RIP) == v->scn_state[ST_AT]);
		ctl_clear(VMCS_PROC_BASED_CTLS, PROC_INTERRUPT_WINDOW_EXITING);
		return EXIT_RESUME;
	}
	return EXIT_DEFAULT;
}

const struct scenario scn_event_intr_window = {
	.needs = NEEDS(VMX), .l2 = l2_ev_arm, .on_exit = iw_exit, .check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_INTERRUPT_WINDOW), 1 } },
};

const struct scenario scn_event_intr_window_sti = {
	.needs = NEEDS(VMX), .l2 = l2_ev_intr_window_sti, .on_exit = iw_exit, .check = check_clean,
	.max_iters = 16, .expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_INTERRUPT_WINDOW), 1 } },
};

/*
 * STI / MOV SS shadow: CPUID exits inside it, the exit saves the blocking (scn_state[3]
 * names the bit), L1 leaves it in the field, and the entry must honour it: one
 * instruction runs before the interrupt window opens (RDI: where).
 */
static enum exit_action shadow_exit(struct vcpu *v, u64 code)
{
	if (code == EXIT_CPUID) {
		bad_unless(v, (vmread(VMCS_GUEST_INTERRUPTIBILITY) & 3) == v->scn_state[3]);
		v->scn_state[ST_AT] = v->gpr[RDI];
		ctl_set(VMCS_PROC_BASED_CTLS, PROC_INTERRUPT_WINDOW_EXITING);
		return emulate_cpuid(v);
	}
	return iw_exit(v, code);
}

static void sti_setup(struct vcpu *v)   { v->scn_state[3] = INTR_BLOCK_STI; }
static void movss_setup(struct vcpu *v) { v->scn_state[3] = INTR_BLOCK_MOV_SS; }

const struct scenario scn_event_sti_shadow = {
	.needs = NEEDS(VMX), .setup = sti_setup, .l2 = l2_ev_sti_shadow, .on_exit = shadow_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_CPUID, 1 }, { NATIVE_EXIT(EXIT_INTERRUPT_WINDOW), 1 } },
};

const struct scenario scn_event_movss_shadow = {
	.needs = NEEDS(VMX), .setup = movss_setup, .l2 = l2_ev_movss_shadow, .on_exit = shadow_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_CPUID, 1 }, { NATIVE_EXIT(EXIT_INTERRUPT_WINDOW), 1 } },
};

/* NMI window: L1 enters with virtual-NMI blocking; L2's IRET lifts it; the exit comes
 * at the IRET's target, not before. */
static void vnmi_setup(struct vcpu *v)
{
	need_ctl(FEAT_PIN_VIRTUAL_NMIS);
	v->ctl[CTL_PIN] |= PIN_NMI_EXITING | PIN_VIRTUAL_NMIS;
}

static void nmi_window_setup(struct vcpu *v)
{
	need_ctl(FEAT_PROC_NMI_WINDOW_EXITING);
	vnmi_setup(v);
}

static enum exit_action nmi_window_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		v->scn_state[ST_AT] = v->gpr[RBX];
		skip_and_unblock(v);
		vmwrite(VMCS_GUEST_INTERRUPTIBILITY, vmread(VMCS_GUEST_INTERRUPTIBILITY) | INTR_BLOCK_NMI);
		ctl_set(VMCS_PROC_BASED_CTLS, PROC_NMI_WINDOW_EXITING);
		return EXIT_RESUME;
	}
	if (code == EXIT_NMI_WINDOW) {
		bad_unless(v, vmread(VMCS_GUEST_RIP) == v->scn_state[ST_AT]);
		ctl_clear(VMCS_PROC_BASED_CTLS, PROC_NMI_WINDOW_EXITING);
		return EXIT_RESUME;
	}
	return EXIT_DEFAULT;
}

const struct scenario scn_event_nmi_window = {
	.needs = NEEDS(VMX), .setup = nmi_window_setup, .l2 = l2_ev_nmi_window, .on_exit = nmi_window_exit,
	.check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_NMI_WINDOW), 1 } },
};

/*
 * Injection: HCA_ARM injects scn_state[ST_INFO]. A hardware event resumes after the
 * VMCALL; a software one re-executes nothing: RIP stays at the VMCALL and the entry's
 * instruction length (the VMCALL's) makes the pushed RIP the one after it. L2's handler
 * checks vector, error code and RIP. HCA_CHECK (NMI only): blocking by NMI must be set
 * inside the handler (RBX 0) and clear after its IRET (RBX 1).
 */
static void inject(u32 info, u32 error)
{
	vmwrite(VMCS_ENTRY_INTR_INFO, info);
	if (info & INTR_INFO_ERROR)
		vmwrite(VMCS_ENTRY_EXCEPTION_ERROR_CODE, error);
}

static enum exit_action inject_exit(struct vcpu *v, u64 code)
{
	if (is_hca(v, code, HCA_ARM)) {
		if (v->scn_state[ST_SOFT])
			vmwrite(VMCS_ENTRY_INSTRUCTION_LEN, vmread(VMCS_EXIT_INSTRUCTION_LEN));
		else
			skip_and_unblock(v);
		inject((u32)v->scn_state[ST_INFO], (u32)v->scn_state[ST_ERROR]);
		return EXIT_RESUME;
	}
	if (is_hca(v, code, HCA_CHECK)) {
		bool blocked = vmread(VMCS_GUEST_INTERRUPTIBILITY) & INTR_BLOCK_NMI;

		bad_unless(v, blocked == !v->gpr[RBX]);
		v->scn_state[ST_COUNT]++;
		vmx_skip_instruction(v);
		return EXIT_RESUME;
	}
	return EXIT_DEFAULT;
}

/* X(id, interruption type, vector, error code or L2_NO_ERROR, virtual NMIs) */
#define INJECTIONS(X)							\
	X(extint, INTR_EXTERNAL, L2_VEC_EXTINT, L2_NO_ERROR, false)	\
	X(nmi, INTR_NMI, 2, L2_NO_ERROR, false)				\
	X(vnmi, INTR_NMI, 2, L2_NO_ERROR, true)				\
	X(gp, INTR_HW_EXCEPTION, VEC_GP, 0x0ab8, false)			\
	X(ud, INTR_HW_EXCEPTION, VEC_UD, L2_NO_ERROR, false)		\
	X(softint, INTR_SOFT_INT, L2_VEC_SOFTINT, L2_NO_ERROR, false)	\
	X(bp, INTR_SOFT_EXCEPTION, VEC_BP, L2_NO_ERROR, false)

static void inject_setup(struct vcpu *v, u32 type, u8 vector, u64 error)
{
	v->scn_state[ST_INFO] = INTR_INFO(type, vector) | (error != L2_NO_ERROR ? INTR_INFO_ERROR : 0);
	v->scn_state[ST_ERROR] = error;
	v->scn_state[ST_SOFT] = type == INTR_SOFT_INT || type == INTR_SOFT_EXCEPTION;
	v->ctx->arg[0] = vector;
	v->ctx->arg[1] = error;
	v->ctx->arg[2] = type == INTR_EXTERNAL;
}

#define X(id, type, vector, error, vnmi)				\
	static void inject_setup_##id(struct vcpu *v)			\
	{								\
		if (vnmi)						\
			vnmi_setup(v);					\
		inject_setup(v, type, vector, error);			\
	}
INJECTIONS(X)
#undef X

static void nmi_check(struct vcpu *v)
{
	check_clean(v);
	check(v->scn_state[ST_COUNT] == 2ULL * (v->ctx->warmup + v->ctx->iters),
	      "NMI blocking sampled %llu times (want 2 per iteration)", (unsigned long long)v->scn_state[ST_COUNT]);
}

#define INJECT_SCENARIO(id, hcs)					\
	const struct scenario scn_event_inject_##id = {			\
		.needs = NEEDS(VMX), .setup = inject_setup_##id, .l2 = l2_ev_inject, \
		.on_exit = inject_exit, .max_iters = 16,		\
		.check = (hcs) > 1 ? nmi_check : check_clean,		\
		.expect = { { XK_HYPERCALL, hcs } },			\
	};
INJECT_SCENARIO(extint, 1)
INJECT_SCENARIO(nmi, 3)
INJECT_SCENARIO(vnmi, 3)
INJECT_SCENARIO(gp, 1)
INJECT_SCENARIO(ud, 1)
INJECT_SCENARIO(softint, 1)
INJECT_SCENARIO(bp, 1)

/*
 * IDT-vectoring: the EPT violation on L2's stack interrupts the delivery of the event;
 * the exit reports it in the IDT-vectoring fields, and L1 maps the page and re-injects
 * exactly that event (with the VM-exit instruction length for INT n).
 */
static enum exit_action vectoring_exit(struct vcpu *v, u64 code)
{
	u32 info, want = (u32)v->scn_state[ST_INFO];

	if (code != EXIT_EPT_VIOLATION)
		return EXIT_DEFAULT;
	info = (u32)vmread(VMCS_IDT_VECTORING_INFO);
	bad_unless(v, info == want);
	if (INTR_INFO_TYPE(want) == INTR_SOFT_INT)
		bad_unless(v, vmread(VMCS_EXIT_INSTRUCTION_LEN) == 2);
	if (want & INTR_INFO_ERROR)
		bad_unless(v, vmread(VMCS_IDT_VECTORING_ERROR_CODE) == v->scn_state[ST_ERROR]);
	if (!ept_map_test_page(vmread(VMCS_GUEST_PHYSICAL_ADDRESS)))
		return vcpu_error(v, "EPT violation outside the test region: GPA %#llx",
				  (unsigned long long)vmread(VMCS_GUEST_PHYSICAL_ADDRESS));
	if (info & INTR_INFO_VALID) {
		vmwrite(VMCS_ENTRY_INSTRUCTION_LEN, vmread(VMCS_EXIT_INSTRUCTION_LEN));
		inject(info & ~INTR_INFO_NMI_UNBLOCK, (u32)vmread(VMCS_IDT_VECTORING_ERROR_CODE));
	}
	return EXIT_RESUME;
}

static void vectoring_setup(struct vcpu *v, u32 kind, u32 type, u8 vector, u64 error)
{
	hv->exception_intercepts(v, (u32)~(BIT(VEC_UD) | BIT(VEC_GP)));
	v->scn_state[ST_INFO] = INTR_INFO(type, vector) | (error != L2_NO_ERROR ? INTR_INFO_ERROR : 0);
	v->scn_state[ST_ERROR] = error;
	v->ctx->arg[0] = kind;
	v->ctx->arg[1] = error;
	v->ctx->arg[3] = kind ? 2 : 0;	/* UD2 and MOV DS are 2 bytes: the handler skips them */
}

static void vect_softint_setup(struct vcpu *v) { vectoring_setup(v, 0, INTR_SOFT_INT, L2_VEC_INTN, L2_NO_ERROR); }
static void vect_ud_setup(struct vcpu *v)      { vectoring_setup(v, 1, INTR_HW_EXCEPTION, VEC_UD, L2_NO_ERROR); }
static void vect_gp_setup(struct vcpu *v)      { vectoring_setup(v, 2, INTR_HW_EXCEPTION, VEC_GP, 0x1238); }

#define VECTORING_SCENARIO(id)						\
	const struct scenario scn_event_vectoring_##id = {		\
		.needs = NEEDS(VMX) | NEEDS(NESTED_PAGING), .setup = vect_##id##_setup, \
		.l2 = l2_ev_idt_vectoring, .on_exit = vectoring_exit, .check = check_clean, \
		.max_iters = 16, .expect = { { XK_NESTED_PF, 1 } },	\
	};
VECTORING_SCENARIO(softint)
VECTORING_SCENARIO(ud)
VECTORING_SCENARIO(gp)

/*
 * External interrupts of L1 while L2 runs, with external-interrupt exiting: HCA_ARM
 * sends L1 a self-IPI. With "acknowledge interrupt on exit" the exit carries the vector
 * (and L1 EOIs and reflects it to L2); without, the exit information is invalid and the
 * interrupt stays pending until L1 itself takes it.
 */
#define L1_VEC_NOACK	0x54
static volatile u32 l1_noack_taken;

struct interrupt_frame;
__attribute__((interrupt)) static void l1_noack_handler(struct interrupt_frame *f)
{
	(void)f;
	l1_noack_taken++;
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_EOI, 0);
}

static void self_ipi(u8 vector)
{
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_ICR_LO, APIC_ICR_SHORTHAND_SELF | vector);
}

static void extint_setup(struct vcpu *v, bool ack)
{
	apic_mmio_write(APIC_DEFAULT_BASE, APIC_SVR, APIC_SVR_ENABLE | 0xff);
	v->ctl[CTL_PIN] |= PIN_EXTERNAL_INTERRUPT_EXITING;
	if (ack)
		v->ctl[CTL_EXIT] |= EXIT_ACK_INTERRUPT_ON_EXIT;
	v->scn_state[3] = ack;
	inject_setup(v, INTR_EXTERNAL, L2_VEC_SELFIPI, L2_NO_ERROR);
	l1_noack_taken = 0;
	idt_set_gate(l1_idt, L1_VEC_NOACK, (void *)l1_noack_handler, 0);
}

static void ack_setup(struct vcpu *v)   { extint_setup(v, true); }
static void noack_setup(struct vcpu *v) { extint_setup(v, false); }

static enum exit_action extint_exit(struct vcpu *v, u64 code)
{
	bool ack = v->scn_state[3];

	if (is_hca(v, code, HCA_ARM)) {
		skip_and_unblock(v);
		self_ipi(ack ? L2_VEC_SELFIPI : L1_VEC_NOACK);
		return EXIT_RESUME;
	}
	if (code != EXIT_EXTERNAL_INTERRUPT)
		return EXIT_DEFAULT;
	v->scn_state[ST_COUNT]++;
	if (ack) {
		bad_unless(v, vmread(VMCS_EXIT_INTR_INFO) == INTR_INFO(INTR_EXTERNAL, L2_VEC_SELFIPI));
		apic_mmio_write(APIC_DEFAULT_BASE, APIC_EOI, 0);
		inject(INTR_INFO(INTR_EXTERNAL, L2_VEC_SELFIPI), 0);
	} else {
		bad_unless(v, !(vmread(VMCS_EXIT_INTR_INFO) & INTR_INFO_VALID));
		asm volatile("sti; nop; cli" ::: "memory");	/* L1 takes it now */
	}
	return EXIT_RESUME;
}

static void noack_check(struct vcpu *v)
{
	check_clean(v);
	check(l1_noack_taken == v->scn_state[ST_COUNT], "L1 took %u of its %llu interrupts after the exits",
	      l1_noack_taken, (unsigned long long)v->scn_state[ST_COUNT]);
}

const struct scenario scn_event_ack_on_exit = {
	.needs = NEEDS(VMX) | NEEDS(EXTERNAL_INTERRUPT_EXITS) | NEEDS(ACK_INTERRUPT_ON_EXIT),
	.setup = ack_setup, .l2 = l2_ev_inject, .on_exit = extint_exit, .check = check_clean, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_EXTERNAL_INTERRUPT), 1 } },
};

const struct scenario scn_event_extint_noack = {
	.needs = NEEDS(VMX) | NEEDS(EXTERNAL_INTERRUPT_EXITS),
	.setup = noack_setup, .l2 = l2_ev_arm, .on_exit = extint_exit, .check = noack_check, .max_iters = 16,
	.expect = { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(EXIT_EXTERNAL_INTERRUPT), 1 } },
};

/*
 * HLT activity state with a pending event: L1 completes L2's HLT by entering it in the
 * HLT state with an external interrupt to inject; the injection wakes L2 (activity is
 * active after the entry), and the handler returns to the instruction after HLT.
 */
static void hlt_setup(struct vcpu *v)
{
	if (!(vmx_misc() & BIT(6)))
		scenario_skip("needs the HLT activity state (IA32_VMX_MISC bit 6)");
	hv->intercept_hlt(v);
	inject_setup(v, INTR_EXTERNAL, L2_VEC_EXTINT, L2_NO_ERROR);
}

static enum exit_action hlt_exit(struct vcpu *v, u64 code)
{
	if (code != EXIT_HLT)
		return EXIT_DEFAULT;
	bad_unless(v, vmread(VMCS_GUEST_ACTIVITY_STATE) == ACTIVITY_ACTIVE);
	vmx_skip_instruction(v);
	bad_unless(v, vmread(VMCS_GUEST_RIP) == v->gpr[RBX]);
	vmwrite(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT);
	inject(INTR_INFO(INTR_EXTERNAL, L2_VEC_EXTINT), 0);
	return EXIT_RESUME;
}

const struct scenario scn_event_hlt_inject = {
	.needs = NEEDS(VMX) | NEEDS(HLT_EXITING), .setup = hlt_setup, .l2 = l2_ev_hlt, .on_exit = hlt_exit,
	.check = check_clean, .max_iters = 16, .expect = { { XK_HLT, 1 } },
};
