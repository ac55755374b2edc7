// SPDX-License-Identifier: GPL-2.0-only
/*
 * A page-fault-heavy L2, as a guest OS demand-paging its memory: L2 runs on its own page
 * tables, touches one new page per iteration in a region it left not present, and its own
 * #PF handler maps the page (L1 does not intercept #PF). Under L0 with EPT, none of this
 * leaves L2; with shadow paging (ept=0), L0 sees the faults and the page-table writes.
 */
#include "x86/paging.h"
#include "l2/l2.h"
#include "l2/own_tables.h"
#include "x86/desc.h"
#include "x86/processor.h"
#include "lib/string.h"

#define PF_REGION	OWN_TABLES_REGION	/* its first 2 MiB become 4 KiB pages */
#define PF_PAGES	512

static struct own_tables own;
static u8 backing[PF_PAGES * PAGE_SIZE] __attribute__((aligned(4096)));

struct interrupt_frame;

/* Vector 14 of the L2 IDT (l2/idt.c). */
__attribute__((interrupt)) void l2_pf_handler(struct interrupt_frame *f, unsigned long error)
{
	u64 va = read_cr2();

	(void)f;
	(void)error;
	if (va < PF_REGION || va >= PF_REGION + PF_PAGES * PAGE_SIZE)
		l2_hypercall(HC_FAIL, 8, va);
	own.pt[(va - PF_REGION) / PAGE_SIZE] = ((u64)backing + (va - PF_REGION)) | PTE_P | PTE_W;
	l2_irq_ctx->result[0]++;	/* page faults taken */
}

/* L1's tables for everything else; slot 2's first 2 MiB through our own PT. */
static u64 build_tables(void)
{
	u64 old = read_cr3();

	own_tables_build(&own, old);
	return old;
}

/* A miss is counted, not reported by a hypercall: see l2_cr3_across_exit. */
static void op_touch(struct l2_ctx *c, u32 i)
{
	volatile u64 *p = (volatile u64 *)(PF_REGION + (u64)i * PAGE_SIZE);

	*p = i;
	if (*p != i)
		c->result[3]++;
}

static u64 l1_cr3;

static void own_tables(struct l2_ctx *c)
{
	(void)c;
	write_cr3((u64)own.pml4);
}

static void l1_tables(struct l2_ctx *c)
{
	(void)c;
	write_cr3(l1_cr3);
}

/* Faults only on L2's own tables, hypercalls only on L1's: no exit to L1 on our CR3. */
void l2_demand_paging(struct l2_ctx *c)
{
	l1_cr3 = build_tables();
	c->result[0] = c->result[3] = 0;
	c->enter = own_tables;
	c->leave = l1_tables;
	l2_measure(c, op_touch);
}

static void op_vmcall(struct l2_ctx *c, u32 i)
{
	(void)i;
	l2_hypercall(HC_CHECK_CR3, 0, 0);
	op_touch(c, 0);	/* through our own tables, after the exit */
}

/*
 * Exits to L1 while on L2's own page tables: every VM exit saves guest CR3 in the VMCS
 * (SDM "Saving Control Registers, Debug Registers, and MSRs"), so L1 must see our CR3 at
 * each VMCALL, and our tables must still be in use when L1 resumes us.
 */
void l2_cr3_across_exit(struct l2_ctx *c)
{
	l1_cr3 = build_tables();
	c->result[0] = c->result[3] = 0;
	c->result[2] = (u64)own.pml4;
	c->enter = own_tables;
	c->leave = l1_tables;
	l2_measure(c, op_vmcall);
}
