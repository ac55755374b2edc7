// SPDX-License-Identifier: GPL-2.0-only
/*
 * APIC virtualization (SDM vol. 3, "APIC Virtualization and Virtual Interrupts"): TPR
 * shadow, the APIC-access page, APIC-register virtualization, virtual-interrupt delivery,
 * x2APIC virtualization. The virtual-APIC page is the state every check reads.
 */
#include "l1/scenario.h"
#include "l1/vmx/vmx_l1.h"
#include "x86/apic.h"
#include "x86/processor.h"

/* The APIC-access page reaches L2's APIC base through EPT (l1/vmx/ept.c). */
#define APIC_BASIC	(NEEDS(TPR_SHADOW) | NEEDS(APIC_ACCESSES) | NEEDS(NESTED_PAGING))
#define APIC_VID	(NEEDS(EXTERNAL_INTERRUPT_EXITS) | NEEDS(TPR_SHADOW) | \
			 NEEDS(APIC_REGISTERS) | \
			 NEEDS(VIRTUAL_INTERRUPTS))

/* Without virtual-interrupt delivery, VM entry needs VTPR[7:4] >= TPR threshold. */
static void tpr_shadow(struct vcpu *v, u32 threshold)
{
	v->ctl[CTL_PROC] |= PROC_TPR_SHADOW;
	v->ctl[CTL_PROC] &= ~(PROC_CR8_LOAD_EXITING | PROC_CR8_STORE_EXITING);
	v->tpr_threshold = threshold;
	*vapic_reg(APIC_TPR) = threshold << 4;
}

/* apic/tpr-cr8: CR8 values 3..15 never drop below threshold 2. */
static void tpr_cr8_setup(struct vcpu *v)
{
	tpr_shadow(v, 2);
	v->ctx->arg[0] = 3;
	v->ctx->arg[1] = 15;
}

static void tpr_cr8_check(struct vcpu *v)
{
	u32 vtpr = *vapic_reg(APIC_TPR);

	check(v->ctx->result[0] == v->ctx->result[1], "CR8 reads back L2's last write %llu (want %llu)",
	      (unsigned long long)v->ctx->result[0], (unsigned long long)v->ctx->result[1]);
	check(vtpr == v->ctx->result[1] << 4, "virtual-APIC TPR %#x (want %#llx)",
	      vtpr, (unsigned long long)v->ctx->result[1] << 4);
}

const struct scenario scn_apic_tpr_cr8 = {
	.needs	= NEEDS(TPR_SHADOW),
	.setup	= tpr_cr8_setup,
	.l2	= l2_tpr_cr8,
	.check	= tpr_cr8_check,
};

/* apic/tpr-below-threshold: CR8 = 1 under threshold 4 exits every time. */
static void tpr_threshold_setup(struct vcpu *v)
{
	tpr_shadow(v, 4);
	v->ctx->arg[0] = 1;
	v->ctx->arg[1] = 1;
}

static void tpr_threshold_check(struct vcpu *v)
{
	check(v->vtpr_seen == 0x10, "VTPR at the exit %#x (want 0x10)", v->vtpr_seen);
	check(v->ctx->result[0] == 4, "CR8 after L1 raised VTPR: %llu (want 4)",
	      (unsigned long long)v->ctx->result[0]);
}

const struct scenario scn_apic_tpr_threshold = {
	.needs	= NEEDS(TPR_SHADOW),
	.setup	= tpr_threshold_setup,
	.l2	= l2_tpr_cr8,
	.expect	= { { XK_TPR_BELOW_THRESHOLD, 1 } },
	.check	= tpr_threshold_check,
};

/* apic/tpr-mmio: TPR writes through the APIC-access page are virtualized. */
static void tpr_mmio_setup(struct vcpu *v)
{
	tpr_shadow(v, 2);
	v->ctl[CTL_PROC2] |= PROC2_VIRTUALIZE_APIC_ACCESSES;
	v->ctx->arg[0] = 0x50;
}

static void tpr_mmio_check(struct vcpu *v)
{
	u32 vtpr = *vapic_reg(APIC_TPR);

	check(vtpr == v->ctx->result[1], "virtual-APIC TPR %#x (want %#llx)", vtpr,
	      (unsigned long long)v->ctx->result[1]);
	check(v->ctx->result[2] == v->ctx->result[1] >> 4, "CR8 %llu is TPR[7:4] (want %llu)",
	      (unsigned long long)v->ctx->result[2], (unsigned long long)v->ctx->result[1] >> 4);
}

const struct scenario scn_apic_tpr_mmio = {
	.needs	= APIC_BASIC,
	.setup	= tpr_mmio_setup,
	.l2	= l2_tpr_mmio,
	.check	= tpr_mmio_check,
};

/* apic/reg-read and apic/access-exit: APIC ID read with and without register virtualization. */
#define VIRTUAL_APIC_ID 0x07000000u

static void reg_read_common(struct vcpu *v)
{
	tpr_shadow(v, 0);
	v->ctl[CTL_PROC2] |= PROC2_VIRTUALIZE_APIC_ACCESSES;
	*vapic_reg(APIC_ID) = VIRTUAL_APIC_ID;
	v->ctx->arg[0] = APIC_ID;
}

static void reg_read_setup(struct vcpu *v)
{
	reg_read_common(v);
	v->ctl[CTL_PROC2] |= PROC2_APIC_REGISTER_VIRTUALIZATION;
}

static void reg_read_check(struct vcpu *v)
{
	check(v->ctx->result[0] == VIRTUAL_APIC_ID, "APIC ID %#llx from the virtual-APIC page (want %#x)",
	      (unsigned long long)v->ctx->result[0], VIRTUAL_APIC_ID);
}

static void access_exit_check(struct vcpu *v)
{
	reg_read_check(v);
	check(v->last_apic_offset == APIC_ID, "APIC-access exit qualification offset %#x (want %#x)",
	      v->last_apic_offset, APIC_ID);
}

const struct scenario scn_apic_reg_read = {
	.needs	= APIC_BASIC | NEEDS(APIC_REGISTERS),
	.setup	= reg_read_setup,
	.l2	= l2_apic_read,
	.check	= reg_read_check,
};

const struct scenario scn_apic_access_exit = {
	.needs	= APIC_BASIC,
	.setup	= reg_read_common,
	.l2	= l2_apic_read,
	.expect	= { { XK_APIC_ACCESS, 1 } },
	.check	= access_exit_check,
};

/* apic/write-exit: an LVT write is stored in the virtual-APIC page, then exits (trap-like). */
static void write_exit_setup(struct vcpu *v)
{
	reg_read_setup(v);
	v->ctx->arg[0] = APIC_LVT_TIMER;
	v->ctx->arg[1] = APIC_LVT_MASKED | 0x20;
}

static void write_exit_check(struct vcpu *v)
{
	check(v->last_apic_offset == APIC_LVT_TIMER, "APIC-write exit offset %#x (want %#x)",
	      v->last_apic_offset, APIC_LVT_TIMER);
	check(v->last_apic_value == v->ctx->result[1], "virtual LVT timer %#x (want %#llx)",
	      v->last_apic_value, (unsigned long long)v->ctx->result[1]);
}

const struct scenario scn_apic_write_exit = {
	.needs	= APIC_BASIC | NEEDS(APIC_REGISTERS),
	.setup	= write_exit_setup,
	.l2	= l2_apic_write,
	.expect	= { { XK_APIC_WRITE, 1 } },
	.check	= write_exit_check,
};

/* Self-IPIs delivered by virtual-interrupt delivery, EOIs virtualized: no exit at all. */
static void vid_setup(struct vcpu *v)
{
	tpr_shadow(v, 0);
	v->ctl[CTL_PIN] |= PIN_EXTERNAL_INTERRUPT_EXITING;
	v->ctl[CTL_PROC2] |= PROC2_APIC_REGISTER_VIRTUALIZATION | PROC2_VIRTUAL_INTERRUPT_DELIVERY;
}

static void self_ipi_xapic_setup(struct vcpu *v)
{
	vid_setup(v);
	v->ctl[CTL_PROC2] |= PROC2_VIRTUALIZE_APIC_ACCESSES;
}

static void self_ipi_x2apic_setup(struct vcpu *v)
{
	vid_setup(v);
	v->ctl[CTL_PROC2] |= PROC2_VIRTUALIZE_X2APIC_MODE;
	msr_bitmap_pass(MSR_X2APIC_SELF_IPI, false, true);
	msr_bitmap_pass(MSR_X2APIC_EOI, false, true);
}

static void self_ipi_check(struct vcpu *v, u8 vector)
{
	u32 want = v->ctx->warmup + v->ctx->iters;
	u32 isr = *vapic_reg(apic_vector_reg(APIC_ISR, vector));
	u32 irr = *vapic_reg(apic_vector_reg(APIC_IRR, vector));
	u32 bit = 1u << (vector % 32);

	check(v->ctx->irqs == want, "L2 took %u interrupts (want %u)", v->ctx->irqs, want);
	check(!(isr & bit) && !(irr & bit), "vector %#x clear in VISR and VIRR after EOI", vector);
}

static void posted_setup(struct vcpu *v)
{
	self_ipi_xapic_setup(v);
	posted_interrupt_setup(v);
}

static void self_ipi_xapic_check(struct vcpu *v)  { self_ipi_check(v, L2_VEC_XAPIC); }
static void self_ipi_x2apic_check(struct vcpu *v) { self_ipi_check(v, L2_VEC_X2APIC); }

const struct scenario scn_apic_self_ipi = {
	.needs	= APIC_VID | NEEDS(APIC_ACCESSES) | NEEDS(NESTED_PAGING),
	.setup	= self_ipi_xapic_setup,
	.l2	= l2_self_ipi_xapic,
	.check	= self_ipi_xapic_check,
};

const struct scenario scn_apic_x2apic_self_ipi = {
	.needs	= APIC_VID | NEEDS(X2APIC_VIRT),
	.setup	= self_ipi_x2apic_setup,
	.l2	= l2_self_ipi_x2apic,
	.check	= self_ipi_x2apic_check,
};

const struct scenario scn_apic_posted = {
	.needs	= APIC_VID | NEEDS(APIC_ACCESSES) | NEEDS(NESTED_PAGING) |
		  NEEDS(POSTED_INTERRUPTS) |
		  NEEDS(ACK_INTERRUPT_ON_EXIT),
	.setup	= posted_setup,
	.l2	= l2_posted_interrupt,
	.expect	= { { XK_HYPERCALL, 1 } },	/* the request to post; the delivery itself: none */
	.check	= self_ipi_xapic_check,
};
