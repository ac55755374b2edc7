// SPDX-License-Identifier: GPL-2.0-only
/*
 * State saved on #VMEXIT (APM vol. 2, "#VMEXIT": the guest's CR0, CR2, CR3, CR4, EFER,
 * RFLAGS, RIP, RSP, RAX, DR6, DR7, CPL and ES, CS, SS, DS go to the VMCB): at each
 * VMMCALL(HC_NOP, probe) L1 compares the VMCB with what L2 wrote down it left in place.
 * And the interrupt shadow (APM "Interrupt Shadows"): INTERRUPT_SHADOW in the VMCB says
 * whether the intercepted instruction ran in the shadow of STI or MOV SS.
 */
#include "l1/scenario.h"
#include "l1/console.h"
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"

/* v->scn_state */
enum { ST_PROBES, ST_MISMATCHES, ST_FIELD, ST_VMCB, ST_L2, ST_SHADOWED, ST_PLAIN, ST_SHADOW_WRONG };

#define PROBE_FIELDS(X)							\
	X(rip, g->rip) X(rsp, g->rsp) X(rflags, g->rflags) X(rax, g->rax)	\
	X(cr0, g->cr0) X(cr2, g->cr2) X(cr3, g->cr3) X(cr4, g->cr4)		\
	X(efer, g->efer) X(dr6, g->dr6) X(dr7, g->dr7) X(cs, g->cs.selector)	\
	X(ss, g->ss.selector) X(ds, g->ds.selector) X(es, g->es.selector)	\
	X(cpl, g->cpl)

enum probe_field {
	PF_NONE,
#define X(name, vmcb) PF_##name,
	PROBE_FIELDS(X)
#undef X
};

static const char *const probe_field_names[] = {
	[PF_NONE] = "none",
#define X(name, vmcb) [PF_##name] = #name,
	PROBE_FIELDS(X)
#undef X
};

/* What L2 left: its probe, and RAX (HC_NOP) and CPL 0, which it does not write down. */
static u64 l2_value(const struct l2_probe *p, enum probe_field f)
{
	switch (f) {
	case PF_rip: return p->rip;
	case PF_rsp: return p->rsp;
	case PF_rflags: return p->rflags;
	case PF_rax: return HC_NOP;
	case PF_cr0: return p->cr0;
	case PF_cr2: return p->cr2;
	case PF_cr3: return p->cr3;
	case PF_cr4: return p->cr4;
	case PF_efer: return p->efer;
	case PF_dr6: return p->dr6;
	case PF_dr7: return p->dr7;
	case PF_cs: return p->cs;
	case PF_ss: return p->ss;
	case PF_ds: return p->ds;
	case PF_es: return p->es;
	case PF_cpl: case PF_NONE: break;
	}
	return 0;
}

static void compare(struct vcpu *v, enum probe_field f, u64 vmcb, u64 l2)
{
	if (vmcb == l2)
		return;
	if (!v->scn_state[ST_MISMATCHES]++) {
		v->scn_state[ST_FIELD] = f;
		v->scn_state[ST_VMCB] = vmcb;
		v->scn_state[ST_L2] = l2;
	}
}

static enum exit_action probe_on_exit(struct vcpu *v, u64 code)
{
	const struct vmcb_save *g = &l2_vmcb.save;
	const struct l2_probe *p = (const struct l2_probe *)v->gpr[RBX];

	if (code != SVM_EXIT_VMMCALL || g->rax != HC_NOP || !p)
		return EXIT_DEFAULT;
	v->scn_state[ST_PROBES]++;
#define X(name, vmcb) compare(v, PF_##name, (vmcb), l2_value(p, PF_##name));
	PROBE_FIELDS(X)
#undef X
	return EXIT_DEFAULT;
}

static void probe_check(struct vcpu *v)
{
	u32 want = v->ctx->warmup + v->ctx->iters;

	check(v->scn_state[ST_PROBES] == want, "VMCBs compared with L2's probe: %llu (want %u)",
	      (unsigned long long)v->scn_state[ST_PROBES], want);
	check(!v->scn_state[ST_MISMATCHES], "#VMEXIT saved L2's state: %llu mismatches, first %s: VMCB %#llx, L2 left %#llx",
	      (unsigned long long)v->scn_state[ST_MISMATCHES], probe_field_names[v->scn_state[ST_FIELD]],
	      (unsigned long long)v->scn_state[ST_VMCB], (unsigned long long)v->scn_state[ST_L2]);
}

/* L2's probe reads EFER itself (MSRPM read bit clear). */
static void probe_setup(struct vcpu *v)
{
	(void)v;
	hv->msr_pass(MSR_IA32_EFER, true, false);
}

#define SVMSTATE(id, workload, setup_fn, check_fn)					\
	const struct scenario scn_svmstate_##id = {					\
		.needs		= NEEDS(SVM),						\
		.setup		= setup_fn,						\
		.l2		= workload,						\
		.expect		= { { XK_HYPERCALL, 1 } },				\
		.check		= check_fn,						\
		.on_exit	= probe_on_exit,					\
		.max_iters	= 8,							\
	}

SVMSTATE(plain, l2_state_plain, probe_setup, probe_check);
SVMSTATE(cr0_cr4, l2_state_cr0_cr4, probe_setup, probe_check);
SVMSTATE(dr6_dr7, l2_state_dr, probe_setup, probe_check);
SVMSTATE(segs, l2_state_segs, probe_setup, probe_check);

/* L2 writes EFER itself (MSRPM bits clear). */
static void cr3_efer_setup(struct vcpu *v)
{
	(void)v;
	hv->msr_pass(MSR_IA32_EFER, true, true);
}

SVMSTATE(cr3_efer, l2_state_cr3_efer, cr3_efer_setup, probe_check);

/* L2 takes its own #PF (the intercept bit clear): CR2 is its fault's address at the exit. */
static void cr2_setup(struct vcpu *v)
{
	probe_setup(v);
	l2_vmcb.control.intercept_exceptions &= ~BIT(14);
}

static void cr2_check(struct vcpu *v)
{
	u32 want = v->ctx->warmup + v->ctx->iters;

	probe_check(v);
	check(v->ctx->result[0] == want, "#PFs L2 handled itself: %llu (want %u)",
	      (unsigned long long)v->ctx->result[0], want);
}

SVMSTATE(cr2_own_pf, l2_state_cr2, cr2_setup, cr2_check);

/* CPUID(L2_CPUID_SHADOW) ran in a shadow, CPUID(0) in none. */
static enum exit_action shadow_on_exit(struct vcpu *v, u64 code)
{
	bool shadow = l2_vmcb.control.interrupt_shadow & INT_STATE_SHADOW;
	bool want;

	if (code != SVM_EXIT_CPUID || !v->window_open)
		return EXIT_DEFAULT;
	want = (u32)v->gpr[RAX] == L2_CPUID_SHADOW;
	v->scn_state[want ? ST_SHADOWED : ST_PLAIN]++;
	v->scn_state[ST_SHADOW_WRONG] += shadow != want;
	return EXIT_DEFAULT;
}

static void shadow_check(struct vcpu *v)
{
	check(v->scn_state[ST_SHADOWED] == v->ctx->iters, "CPUID exits in the shadow: %llu (want %u)",
	      (unsigned long long)v->scn_state[ST_SHADOWED], v->ctx->iters);
	check(!v->scn_state[ST_SHADOW_WRONG], "INTERRUPT_SHADOW wrong at %llu of %llu CPUID exits",
	      (unsigned long long)v->scn_state[ST_SHADOW_WRONG],
	      (unsigned long long)(v->scn_state[ST_SHADOWED] + v->scn_state[ST_PLAIN]));
}

const struct scenario scn_svmstate_shadow_sti = {
	.needs		= NEEDS(SVM),
	.l2		= l2_shadow_sti,
	.expect		= { { XK_CPUID, 2 } },
	.check		= shadow_check,
	.on_exit	= shadow_on_exit,
	.max_iters	= 8,
};

const struct scenario scn_svmstate_shadow_movss = {
	.needs		= NEEDS(SVM),
	.l2		= l2_shadow_movss,
	.expect		= { { XK_CPUID, 2 } },
	.check		= shadow_check,
	.on_exit	= shadow_on_exit,
	.max_iters	= 8,
};
