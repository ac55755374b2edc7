// SPDX-License-Identifier: GPL-2.0-only
#include "x86/desc.h"
#include "x86/trap.h"
#include "lib/string.h"

#define GDT_ENTRIES 5	/* null, code, data, TSS (two slots) */

u64 gdt[GDT_ENTRIES] __attribute__((aligned(16))) = {
	0,
	0x00af9a000000ffffULL,	/* 64-bit code, DPL 0 */
	0x00cf92000000ffffULL,	/* data, DPL 0 */
};
struct tss64 tss __attribute__((aligned(16)));
struct idt_entry l1_idt[256] __attribute__((aligned(16)));
static u8 ist_stack[8192] __attribute__((aligned(16)));

/* 64-bit TSS descriptor: SDM "TSS Descriptor in 64-bit mode" (type 9 = available). */
static void gdt_set_tss(void)
{
	u64 base = (u64)&tss, limit = sizeof(tss) - 1;

	gdt[SEL_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			   (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
			   (((base >> 24) & 0xff) << 56);
	gdt[SEL_TSS / 8 + 1] = base >> 32;
}

void idt_set_gate(struct idt_entry *idt, unsigned vector, void *handler, u8 ist)
{
	u64 a = (u64)handler;

	idt[vector] = (struct idt_entry){
		.offset_lo = a & 0xffff,
		.selector = SEL_CODE64,
		.ist = ist,
		.type_attr = 0x8e,	/* present, DPL 0, 64-bit interrupt gate */
		.offset_mid = (a >> 16) & 0xffff,
		.offset_hi = a >> 32,
	};
}

u64 gdt_base(void) { return (u64)gdt; }
u16 gdt_limit(void) { return sizeof(gdt) - 1; }
u64 idt_base(void) { return (u64)l1_idt; }
u16 idt_limit(void) { return sizeof(l1_idt) - 1; }

void desc_init(void)
{
	struct desc_ptr g = { gdt_limit(), gdt_base() };
	struct desc_ptr i = { idt_limit(), idt_base() };

	tss.ist[0] = (u64)ist_stack + sizeof(ist_stack);
	tss.iomap_base = sizeof(tss);
	gdt_set_tss();
	asm volatile("lgdt %0\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movw %w2, %%ax\n\t"
		     "movw %%ax, %%ds\n\t"
		     "movw %%ax, %%es\n\t"
		     "movw %%ax, %%ss\n\t"
		     "movw %%ax, %%fs\n\t"
		     "movw %%ax, %%gs\n\t"
		     "ltr %w3"
		     : : "m"(g), "i"(SEL_CODE64), "r"(SEL_DATA), "r"(SEL_TSS) : "rax", "memory");
	trap_install(l1_idt);
	lidt(&i);
}
