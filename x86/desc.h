/* SPDX-License-Identifier: GPL-2.0-only */
/* GDT, TSS and IDT of L1 (64-bit). Selectors are fixed: L2 and VMCS host state use them too. */
#ifndef X86_DESC_H
#define X86_DESC_H

#include "lib/types.h"

#define SEL_CODE64	0x08
#define SEL_DATA	0x10
#define SEL_TSS		0x18

struct tss64 {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __attribute__((packed));
_Static_assert(sizeof(struct tss64) == 104, "64-bit TSS is 104 bytes");

struct idt_entry {
	u16 offset_lo;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_hi;
	u32 reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct idt_entry) == 16, "64-bit IDT gate is 16 bytes");

struct desc_ptr {
	u16 limit;
	u64 base;
} __attribute__((packed));

extern u64 gdt[];
extern struct tss64 tss;
extern struct idt_entry l1_idt[];

void desc_init(void);
/* ist: 0 = current stack, n = TSS IST n (L1 uses 1 so a bad RSP still reports). */
void idt_set_gate(struct idt_entry *idt, unsigned vector, void *handler, u8 ist);
u64 gdt_base(void);
u16 gdt_limit(void);
u64 idt_base(void);
u16 idt_limit(void);

static inline void lidt(const struct desc_ptr *p)
{
	asm volatile("lidt %0" : : "m"(*p));
}

#endif
