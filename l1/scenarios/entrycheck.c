// SPDX-License-Identifier: GPL-2.0-only
/*
 * entrycheck/: the VM-entry checks, one table row per SDM rule (issue 13, family 5).
 * L2 runs once to its first HCA_ARM; L1 then breaks one rule in the VMCS and resumes.
 * SDM vol. 3, "VM Entries": the checks on controls fail with VMfailValid(7) ("Checks on
 * VM-Execution/VM-Exit/VM-Entry Control Fields"), on host state with VMfailValid(8)
 * ("Checks on Host Control Registers, MSRs, and SSP", "Checks on Host Segment and
 * Descriptor-Table Registers"), on guest state with a VM exit of reason 33, bit 31 set,
 * qualification 0, or 4 for the VMCS link pointer ("Checks on the Guest State Area",
 * "VM-Entry Failures During or After Loading Guest State"). The bit a "reserved" row
 * sets is the lowest one the TRUE capability MSR reports as fixed.
 * The registry names each row: SCENARIO(entrycheck_<id>, "entrycheck/<id>", rule).
 */
#include "l1/scenarios/vmx_a.h"
#include "x86/desc.h"
#include "x86/processor.h"

#define FAIL_CTL	"VMfailValid(7: VM entry with invalid control field(s))"
#define FAIL_HOST	"VMfailValid(8: VM entry with invalid host-state field(s))"
#define FAIL_GUEST	"VM entry failed: INVALID_GUEST_STATE, exit qualification 0 default"
#define FAIL_LINK	"VM entry failed: INVALID_GUEST_STATE, exit qualification 4 invalid VMCS link pointer"

/* How a row writes a field: set, OR, AND NOT a value; the lowest reserved-to-0 bit of
 * control word `value` set (RSVD1) or required-1 bit cleared (REQ0); an address in a
 * zeroed page of L1 plus `value` (PAGE); 2^MAXPHYADDR - value (PHYS_TOP); one more CR3
 * target than IA32_VMX_MISC[24:16] allows (CR3_MAX). */
enum ec_op { W_NONE, W_SET, W_OR, W_CLR, W_RSVD1, W_REQ0, W_PAGE, W_PHYS_TOP, W_CR3_MAX };

struct ec_write {
	u32 field;
	enum ec_op op;
	u64 value;
};

#define EC_WRITES 5
struct ec_row {
	const struct scenario *scn;
	u64 needs;			/* BIT(FEAT_...) each */
	struct ec_write w[EC_WRITES];
};

#define F(x)		BIT(FEAT_##x)
#define W(f, op, v)	{ VMCS_##f, W_##op, (v) }
#define NONCANON	0x0000800000000000ULL
#define CR0_PE_BIT	BIT(0)
#define CR4_PAE_BIT	BIT(5)
#define RFLAGS_VM	BIT(17)

/* X(id, needs, expected failure, writes...) */
#define ENTRY_CHECKS(X)								\
	/* VM-execution, VM-exit, VM-entry controls: VMfailValid(7) */		\
	X(pin_reserved1, 0, FAIL_CTL, W(PIN_BASED_CTLS, RSVD1, CTL_PIN))	\
	X(pin_required0, 0, FAIL_CTL, W(PIN_BASED_CTLS, REQ0, CTL_PIN))	\
	X(proc_required0, 0, FAIL_CTL, W(PROC_BASED_CTLS, REQ0, CTL_PROC))	\
	X(proc2_reserved1, 0, FAIL_CTL, W(SECONDARY_PROC_BASED_CTLS, RSVD1, CTL_PROC2)) \
	X(exit_required0, 0, FAIL_CTL, W(EXIT_CTLS, REQ0, CTL_EXIT))		\
	X(entry_reserved1, 0, FAIL_CTL, W(ENTRY_CTLS, RSVD1, CTL_ENTRY))	\
	X(cr3_target_count, 0, FAIL_CTL, W(CR3_TARGET_COUNT, CR3_MAX, 0))	\
	X(nmi_window_no_vnmi, F(PROC_NMI_WINDOW_EXITING), FAIL_CTL,		\
	  W(PROC_BASED_CTLS, OR, PROC_NMI_WINDOW_EXITING))			\
	X(vnmi_no_nmi_exiting, F(PIN_VIRTUAL_NMIS), FAIL_CTL,			\
	  W(PIN_BASED_CTLS, OR, PIN_VIRTUAL_NMIS))				\
	X(io_bitmap_unaligned, 0, FAIL_CTL, W(IO_BITMAP_A, OR, 0x800))		\
	X(msr_bitmap_unaligned, 0, FAIL_CTL, W(MSR_BITMAP, OR, 0x10))		\
	X(inject_reserved, 0, FAIL_CTL,						\
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_HW_EXCEPTION, VEC_UD) | BIT(20))) \
	X(inject_type_reserved, 0, FAIL_CTL, W(ENTRY_INTR_INFO, SET, INTR_INFO(1, 0x30))) \
	X(inject_nmi_vector, 0, FAIL_CTL, W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_NMI, 3))) \
	X(inject_error_unwanted, 0, FAIL_CTL,					\
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_HW_EXCEPTION, VEC_UD) | INTR_INFO_ERROR)) \
	X(inject_error_missing, 0, FAIL_CTL,					\
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_HW_EXCEPTION, VEC_GP)))	\
	X(inject_error_high, 0, FAIL_CTL, W(ENTRY_EXCEPTION_ERROR_CODE, SET, 0x10000), \
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_HW_EXCEPTION, VEC_GP) | INTR_INFO_ERROR)) \
	X(inject_length, 0, FAIL_CTL, W(ENTRY_INSTRUCTION_LEN, SET, 16),	\
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_SOFT_INT, L2_VEC_SOFTINT)))	\
	X(entry_msr_unaligned, 0, FAIL_CTL, W(ENTRY_MSR_LOAD_ADDR, PAGE, 8),	\
	  W(ENTRY_MSR_LOAD_COUNT, SET, 1))					\
	X(entry_msr_beyond, 0, FAIL_CTL, W(ENTRY_MSR_LOAD_ADDR, PHYS_TOP, 16),	\
	  W(ENTRY_MSR_LOAD_COUNT, SET, 2))					\
	X(exit_store_unaligned, 0, FAIL_CTL, W(EXIT_MSR_STORE_ADDR, PAGE, 4),	\
	  W(EXIT_MSR_STORE_COUNT, SET, 1))					\
	X(eptp_memtype, F(PROC2_EPT), FAIL_CTL, W(EPT_POINTER, CLR, 7), W(EPT_POINTER, OR, 2)) \
	X(eptp_walk_length, F(PROC2_EPT), FAIL_CTL, W(EPT_POINTER, CLR, 0x38), W(EPT_POINTER, OR, 0x08)) \
	X(eptp_reserved, F(PROC2_EPT), FAIL_CTL, W(EPT_POINTER, OR, 0x800))	\
	X(pml_unaligned, F(PROC2_EPT) | F(PROC2_PML), FAIL_CTL, W(PML_ADDRESS, PAGE, 0x800), \
	  W(PML_INDEX, SET, 511), W(SECONDARY_PROC_BASED_CTLS, OR, PROC2_PML)) \
	X(vpid_zero, F(PROC2_VPID), FAIL_CTL, W(VPID, SET, 0),			\
	  W(SECONDARY_PROC_BASED_CTLS, OR, PROC2_VPID))				\
	X(vapic_unaligned, F(PROC_TPR_SHADOW), FAIL_CTL, W(VIRTUAL_APIC_PAGE_ADDR, PAGE, 0x100), \
	  W(TPR_THRESHOLD, SET, 0), W(PROC_BASED_CTLS, OR, PROC_TPR_SHADOW))	\
	X(vid_no_extint_exiting, F(PROC_TPR_SHADOW) | F(PROC2_VIRTUAL_INTERRUPT_DELIVERY), FAIL_CTL, \
	  W(VIRTUAL_APIC_PAGE_ADDR, PAGE, 0), W(TPR_THRESHOLD, SET, 0),		\
	  W(PROC_BASED_CTLS, OR, PROC_TPR_SHADOW),				\
	  W(SECONDARY_PROC_BASED_CTLS, OR, PROC2_VIRTUAL_INTERRUPT_DELIVERY))	\
	X(x2apic_and_apic_access, F(PROC_TPR_SHADOW) | F(PROC2_VIRTUALIZE_X2APIC_MODE) |	\
	  F(PROC2_VIRTUALIZE_APIC_ACCESSES), FAIL_CTL,				\
	  W(VIRTUAL_APIC_PAGE_ADDR, PAGE, 0), W(APIC_ACCESS_ADDR, PAGE, 0),	\
	  W(PROC_BASED_CTLS, OR, PROC_TPR_SHADOW),				\
	  W(SECONDARY_PROC_BASED_CTLS, OR,					\
	    PROC2_VIRTUALIZE_X2APIC_MODE | PROC2_VIRTUALIZE_APIC_ACCESSES))	\
	X(posted_no_vid, F(PIN_POSTED_INTERRUPTS), FAIL_CTL,			\
	  W(PIN_BASED_CTLS, OR, PIN_POSTED_INTERRUPTS | PIN_EXTERNAL_INTERRUPT_EXITING)) \
	X(unrestricted_no_ept, F(PROC2_UNRESTRICTED_GUEST), FAIL_CTL,		\
	  W(SECONDARY_PROC_BASED_CTLS, CLR, PROC2_EPT),				\
	  W(SECONDARY_PROC_BASED_CTLS, OR, PROC2_UNRESTRICTED_GUEST))		\
	X(ptimer_save_no_timer, F(EXIT_SAVE_PREEMPTION_TIMER), FAIL_CTL,	\
	  W(EXIT_CTLS, OR, EXIT_SAVE_PREEMPTION_TIMER))				\
	/* host state: VMfailValid(8) */					\
	X(host_cr0_fixed, 0, FAIL_HOST, W(HOST_CR0, CLR, CR0_NE))		\
	X(host_cr4_pae, 0, FAIL_HOST, W(HOST_CR4, CLR, CR4_PAE_BIT))		\
	X(host_cs_null, 0, FAIL_HOST, W(HOST_CS_SELECTOR, SET, 0))		\
	X(host_tr_null, 0, FAIL_HOST, W(HOST_TR_SELECTOR, SET, 0))		\
	X(host_ss_rpl, 0, FAIL_HOST, W(HOST_SS_SELECTOR, SET, SEL_DATA | 1))	\
	X(host_ds_ti, 0, FAIL_HOST, W(HOST_DS_SELECTOR, SET, SEL_DATA | 4))	\
	X(host_fs_base_noncanonical, 0, FAIL_HOST, W(HOST_FS_BASE, SET, NONCANON)) \
	X(host_sysenter_esp_noncanonical, 0, FAIL_HOST, W(HOST_SYSENTER_ESP, SET, NONCANON)) \
	X(host_efer_reserved, 0, FAIL_HOST, W(HOST_IA32_EFER, OR, BIT(2)))	\
	X(host_pat_invalid, F(EXIT_LOAD_PAT), FAIL_HOST, W(HOST_IA32_PAT, SET, 2), \
	  W(EXIT_CTLS, OR, EXIT_LOAD_PAT))					\
	/* guest state: exit reason 33, qualification 0 (4: link pointer) */	\
	X(guest_cr0_fixed, 0, FAIL_GUEST, W(GUEST_CR0, CLR, CR0_NE))		\
	X(guest_cr4_fixed, 0, FAIL_GUEST, W(GUEST_CR4, CLR, CR4_VMXE))		\
	X(guest_cr4_pae, 0, FAIL_GUEST, W(GUEST_CR4, CLR, CR4_PAE_BIT))	\
	X(guest_rflags_reserved, 0, FAIL_GUEST, W(GUEST_RFLAGS, OR, BIT(15)))	\
	X(guest_rflags_vm, 0, FAIL_GUEST, W(GUEST_RFLAGS, OR, RFLAGS_VM))	\
	X(guest_sti_if0, 0, FAIL_GUEST, W(GUEST_RFLAGS, CLR, RFLAGS_IF),	\
	  W(GUEST_INTERRUPTIBILITY, SET, INTR_BLOCK_STI))			\
	X(guest_sti_and_movss, 0, FAIL_GUEST, W(GUEST_RFLAGS, OR, RFLAGS_IF),	\
	  W(GUEST_INTERRUPTIBILITY, SET, INTR_BLOCK_STI | INTR_BLOCK_MOV_SS))	\
	X(guest_interruptibility_reserved, 0, FAIL_GUEST, W(GUEST_INTERRUPTIBILITY, SET, BIT(5))) \
	X(guest_activity_reserved, 0, FAIL_GUEST, W(GUEST_ACTIVITY_STATE, SET, 4)) \
	/* the preemption timer ends an L2 wrongly entered in HLT, instead of a hang */	\
	X(guest_hlt_in_sti_shadow, F(PIN_PREEMPTION_TIMER), FAIL_GUEST, W(GUEST_RFLAGS, OR, RFLAGS_IF), \
	  W(GUEST_INTERRUPTIBILITY, SET, INTR_BLOCK_STI), W(GUEST_ACTIVITY_STATE, SET, ACTIVITY_HLT), \
	  W(PREEMPTION_TIMER_VALUE, SET, 0x100000), W(PIN_BASED_CTLS, OR, PIN_PREEMPTION_TIMER)) \
	X(guest_extint_if0, 0, FAIL_GUEST, W(GUEST_RFLAGS, CLR, RFLAGS_IF),	\
	  W(ENTRY_INTR_INFO, SET, INTR_INFO(INTR_EXTERNAL, L2_VEC_EXTINT)))	\
	X(guest_pending_bs, 0, FAIL_GUEST, W(GUEST_RFLAGS, OR, RFLAGS_TF | RFLAGS_IF), \
	  W(GUEST_INTERRUPTIBILITY, SET, INTR_BLOCK_STI), W(GUEST_PENDING_DBG_EXCEPTIONS, SET, 0), \
	  W(GUEST_IA32_DEBUGCTL, SET, 0))					\
	X(guest_pending_reserved, 0, FAIL_GUEST, W(GUEST_PENDING_DBG_EXCEPTIONS, SET, BIT(4))) \
	X(guest_cs_unusable, 0, FAIL_GUEST, W(GUEST_CS_AR, SET, 0x10000))	\
	X(guest_cs_data_type, 0, FAIL_GUEST, W(GUEST_CS_AR, SET, 0xa093))	\
	X(guest_tr_type, 0, FAIL_GUEST, W(GUEST_TR_AR, SET, 0x0083))		\
	X(guest_tr_ti, 0, FAIL_GUEST, W(GUEST_TR_SELECTOR, SET, SEL_TSS | 4))	\
	X(guest_ss_rpl, 0, FAIL_GUEST, W(GUEST_SS_SELECTOR, SET, SEL_DATA | 3))	\
	X(guest_ds_not_present, 0, FAIL_GUEST, W(GUEST_DS_AR, SET, 0xc013))	\
	X(guest_gdtr_limit, 0, FAIL_GUEST, W(GUEST_GDTR_LIMIT, SET, 0x10000))	\
	X(guest_rip_noncanonical, 0, FAIL_GUEST, W(GUEST_RIP, SET, NONCANON))	\
	X(guest_efer_lma, 0, FAIL_GUEST, W(GUEST_IA32_EFER, CLR, EFER_LMA))	\
	X(guest_dr7_high, F(ENTRY_LOAD_DEBUG_CONTROLS), FAIL_GUEST,		\
	  W(ENTRY_CTLS, OR, ENTRY_LOAD_DEBUG_CONTROLS), W(GUEST_DR7, SET, BIT(32) | 0x400)) \
	X(guest_debugctl_reserved, F(ENTRY_LOAD_DEBUG_CONTROLS), FAIL_GUEST,	\
	  W(ENTRY_CTLS, OR, ENTRY_LOAD_DEBUG_CONTROLS), W(GUEST_IA32_DEBUGCTL, SET, BIT(63))) \
	X(guest_pat_invalid, F(ENTRY_LOAD_PAT), FAIL_GUEST, W(GUEST_IA32_PAT, SET, 2), \
	  W(ENTRY_CTLS, OR, ENTRY_LOAD_PAT))					\
	X(guest_sysenter_eip_noncanonical, 0, FAIL_GUEST, W(GUEST_SYSENTER_EIP, SET, NONCANON)) \
	X(guest_link_pointer, 0, FAIL_LINK, W(VMCS_LINK_POINTER, PAGE, 0))

static u8 zero_page[PAGE_SIZE] __attribute__((aligned(4096)));

static void ec_setup(struct vcpu *v);
static enum exit_action ec_exit(struct vcpu *v, u64 code);

#define X(id, need, fail, ...)						\
	const struct scenario scn_entrycheck_##id = {			\
		.needs = NEEDS(VMX), .setup = ec_setup, .l2 = l2_ev_arm, \
		.on_exit = ec_exit, .max_iters = 8, .expect_error = fail, \
	};
ENTRY_CHECKS(X)
#undef X

static const struct ec_row rows[] = {
#define X(id, need, fail, ...) { &scn_entrycheck_##id, need, { __VA_ARGS__ } },
	ENTRY_CHECKS(X)
#undef X
};

static const struct ec_row *row_of(const struct scenario *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++)
		if (rows[i].scn == s)
			return &rows[i];
	scenario_fatal("entrycheck: no table row for this scenario");
}

/* The lowest bit the capability MSR fixes: RSVD1 a bit not allowed to be 1, REQ0 one
 * required to be 1; SKIP when the CPU fixes none. */
static u32 fixed_bit(enum ec_op op, u32 word)
{
	u32 fixed = op == W_RSVD1 ? ~vmx_caps.allowed1[word] : vmx_caps.allowed0[word];

	if (!fixed)
		scenario_skip("needs a %s control fixed to %d in its capability MSR", vmx_ctl_word_name(word),
			      op == W_RSVD1 ? 0 : 1);
	return fixed & -fixed;
}

static void ec_setup(struct vcpu *v)
{
	const struct ec_row *r = row_of(v->scn);

	(void)v;
	for (int f = 0; f < FEAT_COUNT; f++)
		if (r->needs & BIT(f))
			need_ctl(f);
	for (int i = 0; i < EC_WRITES; i++)	/* SKIP now, not at the entry */
		if (r->w[i].op == W_RSVD1 || r->w[i].op == W_REQ0)
			fixed_bit(r->w[i].op, (u32)r->w[i].value);
}

static u64 written(const struct ec_write *w)
{
	u64 cur = w->op == W_SET || w->op == W_PAGE ? 0 : vmread(w->field);

	switch (w->op) {
	case W_SET:	 return w->value;
	case W_OR:	 return cur | w->value;
	case W_CLR:	 return cur & ~w->value;
	case W_RSVD1:	 return cur | fixed_bit(w->op, (u32)w->value);
	case W_REQ0:	 return cur & ~(u64)fixed_bit(w->op, (u32)w->value);
	case W_PAGE:	 return (u64)zero_page + w->value;
	case W_PHYS_TOP: return BIT(cpuid(0x80000008).eax & 0xff) - w->value;
	case W_CR3_MAX:	 return ((vmx_misc() >> 16) & 0x1ff) + 1;
	case W_NONE:	 break;
	}
	return cur;
}

/* The first HCA_ARM breaks the rule; the VMRESUME after it must fail as the row says. */
static enum exit_action ec_exit(struct vcpu *v, u64 code)
{
	const struct ec_row *r = row_of(v->scn);

	if (!is_hca(v, code, HCA_ARM))
		return EXIT_DEFAULT;
	skip_and_unblock(v);
	for (int i = 0; i < EC_WRITES && r->w[i].op != W_NONE; i++)
		vmwrite(r->w[i].field, written(&r->w[i]));
	return EXIT_RESUME;
}
