// SPDX-License-Identifier: GPL-2.0-only
/* APIC accesses from L2: CR8, the APIC MMIO page, x2APIC MSRs, self-IPIs. */
#include "l2/l2.h"
#include "x86/apic.h"
#include "x86/processor.h"

/*
 * MMIO accessors with fixed encodings (mov (%rdx),%eax = 8b 02; mov %eax,(%rdx) = 89 02):
 * L1 emulates APIC-access exits by decoding exactly these two instructions.
 */
static inline u32 l2_mmio_read32(u64 addr)
{
	u32 v;

	asm volatile(".byte 0x8b, 0x02" : "=a"(v) : "d"(addr) : "memory");
	return v;
}

static inline void l2_mmio_write32(u64 addr, u32 v)
{
	asm volatile(".byte 0x89, 0x02" : : "a"(v), "d"(addr) : "memory");
}

static void op_tpr_cr8(struct l2_ctx *c, u32 i)
{
	u64 span = c->arg[1] - c->arg[0] + 1;
	u64 v = c->arg[0] + i % span;

	write_cr8(v);
	c->result[0] = read_cr8();
	c->result[1] = v;
}

void l2_tpr_cr8(struct l2_ctx *c)
{
	l2_measure(c, op_tpr_cr8);
}

static void op_tpr_mmio(struct l2_ctx *c, u32 i)
{
	u32 v = (u32)c->arg[0] | (i & 0xf);

	l2_mmio_write32(APIC_DEFAULT_BASE + APIC_TPR, v);
	c->result[0] = l2_mmio_read32(APIC_DEFAULT_BASE + APIC_TPR);
	c->result[1] = v;
	if (c->result[0] != v)
		l2_hypercall(HC_FAIL, 6, c->result[0]);
}

void l2_tpr_mmio(struct l2_ctx *c)
{
	l2_measure(c, op_tpr_mmio);
	c->result[2] = read_cr8();	/* CR8 is TPR[7:4]: the same virtual TPR */
}

static void op_apic_read(struct l2_ctx *c, u32 i)
{
	(void)i;
	c->result[0] = l2_mmio_read32(APIC_DEFAULT_BASE + c->arg[0]);
}

void l2_apic_read(struct l2_ctx *c)
{
	l2_measure(c, op_apic_read);
}

static void op_apic_write(struct l2_ctx *c, u32 i)
{
	u32 v = (u32)c->arg[1] + (i & 0x3f);

	l2_mmio_write32(APIC_DEFAULT_BASE + c->arg[0], v);
	c->result[1] = v;
}

void l2_apic_write(struct l2_ctx *c)
{
	l2_measure(c, op_apic_write);
}

/* The interrupt must be taken before the next instruction boundary after the
 * virtualized write; allow a few instructions of slack, then report the miss. */
static void wait_for_irq(struct l2_ctx *c, u32 before)
{
	for (int spin = 0; spin < 16; spin++) {
		if (c->irqs != before)
			return;
		cpu_relax();
	}
	l2_hypercall(HC_FAIL, 7, c->irqs);
}

/* STI's one-instruction interrupt shadow ends at the NOP. */
static void measure_with_interrupts(struct l2_ctx *c, l2_op op)
{
	asm volatile("sti; nop");
	l2_measure(c, op);
	asm volatile("cli");
}

static void op_self_ipi_xapic(struct l2_ctx *c, u32 i)
{
	u32 before = c->irqs;

	(void)i;
	l2_mmio_write32(APIC_DEFAULT_BASE + APIC_ICR_LO, APIC_ICR_SHORTHAND_SELF | L2_VEC_XAPIC);
	wait_for_irq(c, before);
}

void l2_self_ipi_xapic(struct l2_ctx *c)
{
	measure_with_interrupts(c, op_self_ipi_xapic);
}

static void op_self_ipi_x2apic(struct l2_ctx *c, u32 i)
{
	u32 before = c->irqs;

	(void)i;
	wrmsr(MSR_X2APIC_SELF_IPI, L2_VEC_X2APIC);
	wait_for_irq(c, before);
}

void l2_self_ipi_x2apic(struct l2_ctx *c)
{
	measure_with_interrupts(c, op_self_ipi_x2apic);
}

static void op_posted(struct l2_ctx *c, u32 i)
{
	u32 before = c->irqs;

	(void)i;
	l2_hypercall(HC_POST, L2_VEC_XAPIC, 0);
	wait_for_irq(c, before);
}

void l2_posted_interrupt(struct l2_ctx *c)
{
	measure_with_interrupts(c, op_posted);
}

/* Interrupt handlers, installed in the L2 IDT by l2/idt.c. */
struct l2_ctx *l2_irq_ctx;

struct interrupt_frame;

__attribute__((interrupt)) void l2_irq_xapic(struct interrupt_frame *f)
{
	(void)f;
	l2_irq_ctx->irqs++;
	l2_mmio_write32(APIC_DEFAULT_BASE + APIC_EOI, 0);
}

__attribute__((interrupt)) void l2_irq_x2apic(struct interrupt_frame *f)
{
	(void)f;
	l2_irq_ctx->irqs++;
	wrmsr(MSR_X2APIC_EOI, 0);
}
