// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event injection and virtual interrupts, APM vol. 2 "Event Injection", "Virtual
 * Interrupt Control", "Interrupt and LINT1 Intercepts" (VINTR), "IRET Intercept" and
 * "Event Delivery" / EXITINTINFO: at each of L2's HC_NOP exits L1 injects one event or
 * raises one virtual interrupt; L2's own handlers count what arrives.
 */
#include "l1/scenario.h"
#include "l1/svm/svm_l1.h"

#define GP_ERROR_CODE	0x1238		/* an error code L2's #GP handler must receive */

/* v->scn_state */
enum { ST_EVENT, ST_INJECTED, ST_INTINFO_BAD, ST_INTINFO };
#define ST_INTERCEPT ST_INTINFO	/* virq/vintr: intercept bits L1 sets at HC_NOP */

static u32 all_events(const struct vcpu *v)
{
	return v->ctx->warmup + v->ctx->iters;
}

/* At HC_NOP: EVENTINJ = scn_state[ST_EVENT], with next RIP for a software interrupt. */
static enum exit_action inject_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_control *c = &l2_vmcb.control;

	if (code != SVM_EXIT_VMMCALL || l2_vmcb.save.rax != HC_NOP)
		return EXIT_DEFAULT;
	svm_skip_instruction(v);
	c->event_inj = v->scn_state[ST_EVENT];
	/* "Event Injection": an injected INTn returns to NEXT_RIP where the CPU has it. */
	c->next_rip = l2_vmcb.save.rip;
	v->scn_state[ST_INJECTED]++;
	return EXIT_RESUME;
}

static void event_check(struct vcpu *v, int result, const char *what)
{
	check(v->ctx->result[result] == all_events(v), "%s L2 received: %llu (want %u)", what,
	      (unsigned long long)v->ctx->result[result], all_events(v));
}

static void intr_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_INTR) | L2_VEC_INJECT;
}

static void intr_check(struct vcpu *v) { event_check(v, 1, "injected interrupts (vector 0x50)"); }

static void nmi_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_NMI) | 2;
}

static void nmi_check(struct vcpu *v) { event_check(v, 0, "injected NMIs"); }

/* L2 handles the injected #GP: its intercept bit is clear. */
static void gp_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_EXCEPTION) | EVENT_EV | 13 |
				 EVENT_ERROR_CODE(GP_ERROR_CODE);
	l2_vmcb.control.intercept_exceptions &= ~BIT(13);
}

static void gp_check(struct vcpu *v)
{
	u64 r = v->ctx->result[3];

	check((u32)r == all_events(v), "injected #GPs L2 received: %u (want %u)", (u32)r, all_events(v));
	check(r >> 32 == GP_ERROR_CODE, "error code pushed: %#llx (want %#x)", (unsigned long long)(r >> 32),
	      GP_ERROR_CODE);
}

static void soft_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_SOFT_INT) | L2_VEC_SOFT;
}

static void soft_check(struct vcpu *v) { event_check(v, 2, "injected software interrupts (vector 0x51)"); }

#define SVMEVENT_INJECT(id, setup_fn, check_fn)						\
	const struct scenario scn_svmevent_##id = {					\
		.needs		= NEEDS(SVM),						\
		.setup		= setup_fn,						\
		.l2		= l2_event_nop,						\
		.expect		= { { XK_HYPERCALL, 1 } },				\
		.check		= check_fn,						\
		.on_exit	= inject_on_exit,					\
		.max_iters	= 8,							\
	}

SVMEVENT_INJECT(inject_intr, intr_setup, intr_check);
SVMEVENT_INJECT(inject_nmi, nmi_setup, nmi_check);
SVMEVENT_INJECT(inject_exc_errcode, gp_setup, gp_check);
SVMEVENT_INJECT(inject_softint, soft_setup, soft_check);

/* IRET intercept: L1 injects an NMI and intercepts the IRET of L2's NMI handler once. */
static enum exit_action iret_on_exit(struct vcpu *v, u64 code)
{
	if (code == SVM_EXIT_IRET) {		/* before the IRET runs: L1 lets it run */
		l2_vmcb.control.intercept3 &= ~INTERCEPT_IRET;
		return EXIT_RESUME;
	}
	if (code == SVM_EXIT_VMMCALL && l2_vmcb.save.rax == HC_NOP)
		l2_vmcb.control.intercept3 |= INTERCEPT_IRET;
	return inject_on_exit(v, code);
}

const struct scenario scn_svmevent_iret_intercept = {
	.needs		= NEEDS(SVM),
	.setup		= nmi_setup,
	.l2		= l2_event_nop,
	.expect		= { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(SVM_EXIT_IRET), 1 } },
	.check		= nmi_check,
	.on_exit	= iret_on_exit,
	.max_iters	= 8,
};

/* V_IRQ at each HC_NOP: L2 takes vector 0x52 at its STI; NOP. */
static enum exit_action virq_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_control *c = &l2_vmcb.control;

	if (code == SVM_EXIT_VINTR) {		/* L2 can take it: L1 withdraws it */
		c->v_intr &= ~V_INTR_IRQ;
		c->intercept3 &= ~INTERCEPT_VINTR;
		return EXIT_RESUME;
	}
	if (code != SVM_EXIT_VMMCALL || l2_vmcb.save.rax != HC_NOP)
		return EXIT_DEFAULT;
	c->v_intr = (c->v_intr & ~(V_INTR_VECTOR(0xff) | V_INTR_PRIO(0xf))) | v->scn_state[ST_EVENT];
	c->intercept3 |= v->scn_state[ST_INTERCEPT];	/* the VINTR intercept, where asked */
	svm_skip_instruction(v);
	return EXIT_RESUME;
}

static void virq_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = V_INTR_IRQ | V_INTR_PRIO(0xf) | V_INTR_VECTOR(L2_VEC_VIRQ);
}

static void virq_check(struct vcpu *v) { event_check(v, 0, "virtual interrupts (V_IRQ, vector 0x52)"); }

const struct scenario scn_svmevent_virq = {
	.needs		= NEEDS(SVM),
	.setup		= virq_setup,
	.l2		= l2_event_sti,
	.expect		= { { XK_HYPERCALL, 1 } },
	.check		= virq_check,
	.on_exit	= virq_on_exit,
	.max_iters	= 8,
};

static void vintr_setup(struct vcpu *v)
{
	virq_setup(v);
	v->scn_state[ST_INTERCEPT] = INTERCEPT_VINTR;
}

static void vintr_check(struct vcpu *v)
{
	check(v->ctx->result[0] == 0, "virtual interrupts L2 took though L1 withdrew each at VINTR: %llu (want 0)",
	      (unsigned long long)v->ctx->result[0]);
}

const struct scenario scn_svmevent_vintr_intercept = {
	.needs		= NEEDS(SVM),
	.setup		= vintr_setup,
	.l2		= l2_event_sti,
	.expect		= { { XK_HYPERCALL, 1 }, { NATIVE_EXIT(SVM_EXIT_VINTR), 1 } },
	.check		= vintr_check,
	.on_exit	= virq_on_exit,
	.max_iters	= 8,
};

/*
 * V_INTR_MASKING: L2's CR8 reads V_TPR (3); a V_IRQ of priority 2 is held back while
 * V_TPR is 3 and taken once L1 lowers V_TPR to 0 (at L2's second HC_NOP, RBX = 2).
 */
static void vtpr_setup(struct vcpu *v)
{
	v->scn_state[ST_EVENT] = V_INTR_IRQ | V_INTR_PRIO(2) | V_INTR_VECTOR(L2_VEC_VIRQ);
	l2_vmcb.control.v_intr |= V_INTR_MASKING;
}

static enum exit_action vtpr_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_control *c = &l2_vmcb.control;

	if (code != SVM_EXIT_VMMCALL || l2_vmcb.save.rax != HC_NOP)
		return EXIT_DEFAULT;
	c->v_intr &= ~V_INTR_TPR(0xff);
	if (v->gpr[RBX] == 2) {
		svm_skip_instruction(v);
		return EXIT_RESUME;
	}
	c->v_intr |= V_INTR_TPR(3);
	return virq_on_exit(v, code);
}

static void vtpr_check(struct vcpu *v)
{
	virq_check(v);
	check(v->ctx->result[1] == 0, "virtual interrupts taken while V_TPR was above their priority: %llu (want 0)",
	      (unsigned long long)v->ctx->result[1]);
	check(v->ctx->result[2] == 0, "CR8 reads that were not V_TPR (3): %llu (want 0)",
	      (unsigned long long)v->ctx->result[2]);
}

const struct scenario scn_svmevent_vtpr = {
	.needs		= NEEDS(SVM),
	.setup		= vtpr_setup,
	.l2		= l2_event_vtpr,
	.expect		= { { XK_HYPERCALL, 2 } },
	.check		= vtpr_check,
	.on_exit	= vtpr_on_exit,
	.max_iters	= 8,
};

/*
 * An interrupt L1 injects meets a stack page the nested page tables do not map: NPF,
 * with the interrupt in EXITINTINFO ("Event Delivery"... "EXITINTINFO"). L1 maps the
 * page and injects EXITINTINFO again; L2 then takes the interrupt once.
 */
static enum exit_action reinject_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_control *c = &l2_vmcb.control;
	u64 want = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_INTR) | L2_VEC_INJECT;

	if (code == SVM_EXIT_NPF) {
		v->scn_state[ST_INTINFO_BAD] += (c->exit_int_info & 0xffffffffULL) != want;
		v->scn_state[ST_INTINFO] = c->exit_int_info;
		c->event_inj = c->exit_int_info;
		return EXIT_DEFAULT;		/* the back end maps the page */
	}
	if (code == SVM_EXIT_VMMCALL && l2_vmcb.save.rax == HC_NOP && v->gpr[RBX] == 1) {
		svm_skip_instruction(v);
		c->event_inj = want;
		return EXIT_RESUME;
	}
	return EXIT_DEFAULT;
}

static void reinject_setup(struct vcpu *v)
{
	v->ctx->arg[0] = NESTED_TEST_REGION;
}

static void reinject_check(struct vcpu *v)
{
	event_check(v, 1, "interrupts (vector 0x50), injected again after the NPF");
	check(!v->scn_state[ST_INTINFO_BAD], "EXITINTINFO at the NPF: %#llx at %llu NPFs (want %#llx)",
	      (unsigned long long)v->scn_state[ST_INTINFO], (unsigned long long)v->scn_state[ST_INTINFO_BAD],
	      (unsigned long long)(EVENT_VALID | EVENT_TYPE(EVENT_TYPE_INTR) | L2_VEC_INJECT));
}

const struct scenario scn_svmevent_exitintinfo_npf = {
	.needs		= NEEDS(SVM) | NEEDS(NESTED_PAGING),
	.setup		= reinject_setup,
	.l2		= l2_event_stack,
	.expect		= { { XK_HYPERCALL, 1 }, { XK_NESTED_PF, 1 } },
	.check		= reinject_check,
	.on_exit	= reinject_on_exit,
	.max_iters	= 8,
};

/*
 * Virtual NMI ("NMI Virtualization", CPUID Fn8000_000A_EDX[25]): with V_NMI_ENABLE, a
 * V_NMI L1 sets at each HC_NOP is taken by L2's NMI handler without EVENTINJ.
 */
static enum exit_action vnmi_on_exit(struct vcpu *v, u64 code)
{
	if (code != SVM_EXIT_VMMCALL || l2_vmcb.save.rax != HC_NOP)
		return EXIT_DEFAULT;
	l2_vmcb.control.v_intr |= V_INTR_VNMI;
	svm_skip_instruction(v);
	return EXIT_RESUME;
}

static void vnmi_setup(struct vcpu *v)
{
	(void)v;
	if (!svm_has(SVM_FEAT_VNMI))
		scenario_skip("needs virtual NMI (CPUID Fn8000_000A_EDX[25])");
	l2_vmcb.control.v_intr |= V_INTR_VNMI_ENABLE;
}

const struct scenario scn_svmevent_vnmi = {
	.needs		= NEEDS(SVM),
	.setup		= vnmi_setup,
	.l2		= l2_event_nop,
	.expect		= { { XK_HYPERCALL, 1 } },
	.check		= nmi_check,
	.on_exit	= vnmi_on_exit,
	.max_iters	= 8,
};
