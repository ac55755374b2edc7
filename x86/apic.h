/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local APIC register offsets (xAPIC MMIO page; x2APIC MSR = 0x800 + offset / 16) and
 * access helpers. SDM vol. 3, "Local APIC Register Address Map". The same offsets index
 * the virtual-APIC page (SDM "Virtual-APIC Page").
 */
#ifndef X86_APIC_H
#define X86_APIC_H

#include "lib/types.h"

#define APIC_DEFAULT_BASE	0xfee00000UL
#define APIC_ID			0x020
#define APIC_VERSION		0x030
#define APIC_TPR		0x080
#define APIC_PPR		0x0a0
#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_ISR		0x100
#define APIC_IRR		0x200
#define APIC_ESR		0x280
#define APIC_ICR_LO		0x300
#define APIC_ICR_HI		0x310
#define APIC_LVT_TIMER		0x320

#define APIC_SVR_ENABLE		BIT(8)
#define APIC_ICR_SHORTHAND_SELF	(1u << 18)	/* destination shorthand 01b */
#define APIC_LVT_MASKED		BIT(16)

static inline u32 apic_mmio_read(u64 base, u32 reg)
{
	return *(volatile u32 *)(base + reg);
}

static inline void apic_mmio_write(u64 base, u32 reg, u32 val)
{
	*(volatile u32 *)(base + reg) = val;
}

static inline u32 x2apic_msr(u32 reg)
{
	return 0x800 + reg / 16;
}

/* Bit `vector` of a 256-bit APIC register array (IRR, ISR, TMR): 8 words 16 bytes apart. */
static inline u32 apic_vector_reg(u32 base_reg, u8 vector)
{
	return base_reg + (vector / 32) * 16;
}

#endif
