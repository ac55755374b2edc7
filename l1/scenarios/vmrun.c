// SPDX-License-Identifier: GPL-2.0-only
/*
 * VMRUN's consistency checks, one scenario per rule: AMD APM vol. 2, "Canonicalization
 * and Consistency Checks" (in "VMRUN"), and for EVENTINJ "Event Injection". Each row
 * breaks one field of a valid VMCB; the VMRUN must end at once in #VMEXIT with exit code
 * VMEXIT_INVALID (-1) without running a guest instruction. L1 then rebuilds the VMCB and
 * L2 runs its VMMCALL loop, so each scenario also counts the exits of a VMCB that passes.
 */
#include "l1/scenario.h"
#include "l1/console.h"
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"

/* Control-register and EFER bits the rules name (APM "System Resources"). */
#define CR0_PE		BIT(0)
#define CR0_NW		BIT(29)
#define CR0_CD		BIT(30)
#define CR0_PG		BIT(31)
#define CR4_PAE		BIT(5)
#define CR4_RSVD15	BIT(15)		/* reserved, MBZ */
#define EFER_RSVD63	BIT(63)		/* reserved, MBZ */
#define SEG_ATTR_D	BIT(10)		/* D/B in the VMCB attribute word; L is bit 9 */
#define CPUID_ADDR_SIZES 0x80000008	/* EAX[7:0]: physical-address width */

/* The first table page that lies at or above the physical-address width. */
static u64 beyond_pa(void)
{
	u32 width = cpuid(CPUID_ADDR_SIZES).eax & 0xff;

	return (1ULL << width) - PAGE_SIZE;
}

/*
 * X(id, rule as the APM words it, what breaks it): c is the control area, g the guest
 * save area of the otherwise valid L2 VMCB (L2 is in 64-bit mode: EFER.LME, CR0.PG,
 * CR4.PAE, CS.L set).
 */
#define VMRUN_CHECKS(X)									\
	X(efer_svme,     "EFER.SVME is zero", g->efer &= ~EFER_SVME)			\
	X(cr0_cd_nw,     "CR0.CD is zero and CR0.NW is set", g->cr0 = (g->cr0 & ~CR0_CD) | CR0_NW) \
	X(cr0_upper,     "CR0[63:32] are not zero", g->cr0 |= BIT(32))			\
	X(cr3_mbz,       "any MBZ bit of CR3 is set (bit 62)", g->cr3 |= BIT(62))	\
	X(cr4_mbz,       "any MBZ bit of CR4 is set (bit 15)", g->cr4 |= CR4_RSVD15)	\
	X(cr4_upper,     "any MBZ bit of CR4 is set (bit 32)", g->cr4 |= BIT(32))	\
	X(dr6_upper,     "DR6[63:32] are not zero", g->dr6 |= BIT(32))			\
	X(dr7_upper,     "DR7[63:32] are not zero", g->dr7 |= BIT(32))			\
	X(efer_mbz,      "any MBZ bit of EFER is set (bit 63)", g->efer |= EFER_RSVD63)	\
	X(lme_pg_no_pae, "EFER.LME and CR0.PG are both set and CR4.PAE is zero", g->cr4 &= ~CR4_PAE) \
	X(lme_pg_no_pe,  "EFER.LME and CR0.PG are both non-zero and CR0.PE is zero", g->cr0 &= ~CR0_PE) \
	X(lme_cs_l_d,    "EFER.LME, CR0.PG, CR4.PAE, CS.L and CS.D are all non-zero", g->cs.attrib |= SEG_ATTR_D) \
	X(asid_zero,     "ASID is equal to zero", c->asid = 0)				\
	X(no_vmrun_intercept, "the VMRUN intercept bit is clear", c->intercept4 &= ~INTERCEPT_VMRUN) \
	X(msrpm_beyond_pa, "the MSR intercept table extends to a physical address >= the maximum", \
	  c->msrpm_base_pa = beyond_pa())						\
	X(iopm_beyond_pa, "the IOIO intercept table extends to a physical address >= the maximum", \
	  c->iopm_base_pa = beyond_pa())						\
	X(evtinj_type1,  "illegal event injection: reserved TYPE 1", c->event_inj = EVENT_VALID | EVENT_TYPE(1) | 0x20) \
	X(evtinj_type7,  "illegal event injection: reserved TYPE 7", c->event_inj = EVENT_VALID | EVENT_TYPE(7) | 0x20) \
	X(evtinj_exc_nmi, "illegal event injection: TYPE 3 (exception) with vector 2 (NMI)",	\
	  c->event_inj = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_EXCEPTION) | 2)		\
	X(evtinj_exc_32, "illegal event injection: TYPE 3 (exception) with vector 32, not an exception", \
	  c->event_inj = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_EXCEPTION) | 32)		\
	X(evtinj_br_64,  "illegal event injection: #BR (vector 5), impossible in 64-bit mode",	\
	  c->event_inj = EVENT_VALID | EVENT_TYPE(EVENT_TYPE_EXCEPTION) | 5)

enum vmrun_check {
#define X(id, rule, breakit) VMRUN_##id,
	VMRUN_CHECKS(X)
#undef X
};

static const char *const vmrun_rules[] = {
#define X(id, rule, breakit) [VMRUN_##id] = rule,
	VMRUN_CHECKS(X)
#undef X
};

/* v->scn_state: what the first VMRUN came back with. */
enum { ST_ROW, ST_INVALID, ST_FIRST_CODE, ST_INFO1, ST_EVENTINJ, ST_INTINFO, ST_REPAIRED };

static enum exit_action vmrun_on_exit(struct vcpu *v, u64 code)
{
	struct vmcb_control *c = &l2_vmcb.control;

	if (v->scn_state[ST_REPAIRED])
		return EXIT_DEFAULT;		/* the valid VMCB's exits: the back end's */
	v->scn_state[ST_FIRST_CODE] = code;
	v->scn_state[ST_INFO1] = c->exit_info1;
	v->scn_state[ST_EVENTINJ] = c->event_inj;
	v->scn_state[ST_INTINFO] = c->exit_int_info;
	/* A failed VMRUN whatever the upper half of EXITCODE says; the check judges that. */
	if ((u32)code != (u32)SVM_EXIT_INVALID) {	/* the broken VMCB ran L2: stop there */
		v->done = true;
		return EXIT_DONE;
	}
	v->scn_state[ST_INVALID]++;
	v->scn_state[ST_REPAIRED] = 1;
	/* #VMEXIT may have written guest state back: rebuild the whole VMCB. */
	hv->load_fresh(v);
	hv->setup_defaults(v);
	hv->set_entry(v, v->ctx, v->scn->l2);
	return EXIT_RESUME;
}

static void vmrun_check(struct vcpu *v)
{
	const char *rule = vmrun_rules[v->scn_state[ST_ROW]];
	u64 code = v->scn_state[ST_FIRST_CODE];

	check(v->scn_state[ST_INVALID] == 1, "%s: VMRUN fails at once: %s (%#llx) (want VMEXIT_INVALID)", rule,
	      v->scn_state[ST_INVALID] ? "VMEXIT_INVALID" : svm_exit_name(code), (unsigned long long)code);
	/* Appendix C "SVM Intercept Exit Codes": VMEXIT_INVALID is -1 in the 64-bit EXITCODE. */
	if (v->scn_state[ST_INVALID])
		check(code == SVM_EXIT_INVALID, "EXITCODE %#llx (want -1 in all 64 bits)", (unsigned long long)code);
	/* Observed, not judged: the APM does not say what becomes of these on VMEXIT_INVALID.
	 * Only where L1 injected: every line costs lab time. */
	if (v->scn_state[ST_ROW] >= VMRUN_evtinj_type1)
			console_printf("INFO: svm: %s: after the failed VMRUN EXITINFO1 %#llx EVENTINJ %#llx (V=%u) EXITINTINFO %#llx\n",
			       rule, (unsigned long long)v->scn_state[ST_INFO1],
			       (unsigned long long)v->scn_state[ST_EVENTINJ],
			       (unsigned)!!(v->scn_state[ST_EVENTINJ] & EVENT_VALID),
			       (unsigned long long)v->scn_state[ST_INTINFO]);
}

/* One scenario per row: setup breaks the field, on_exit repairs the VMCB. */
#define X(id, rule, breakit)								\
	static void vmrun_setup_##id(struct vcpu *v)					\
	{										\
		struct vmcb_control *c = &l2_vmcb.control;				\
		struct vmcb_save *g = &l2_vmcb.save;					\
											\
		(void)c;								\
		(void)g;								\
		v->scn_state[ST_ROW] = VMRUN_##id;					\
		breakit;								\
	}										\
	const struct scenario scn_vmrun_##id = {					\
		.needs		= NEEDS(SVM),						\
		.setup		= vmrun_setup_##id,					\
		.l2		= l2_vmcall,						\
		.expect		= { { XK_HYPERCALL, 1 } },				\
		.check		= vmrun_check,						\
		.on_exit	= vmrun_on_exit,					\
		.max_iters	= 8,							\
	};
VMRUN_CHECKS(X)
#undef X
