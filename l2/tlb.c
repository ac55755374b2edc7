// SPDX-License-Identifier: GPL-2.0-only
/*
 * tlb/: L2 reads a test page (the translation is now cached), a translation changes
 * (arg0 = 0: L2 rewrites its own PTE, without INVLPG; else L1 remaps the guest-physical
 * page arg0 in EPT), something invalidates it (arg1: a VMCALL, at which L1 invalidates
 * as the scenario says; L2's INVLPG; L2's MOV to CR3), and L2 reads again. After the
 * invalidation the SDM guarantees the new translation ("Caching Translation Information",
 * "Invalidating Cached Translation Information" in vol. 3): L2 counts every read that
 * still gives the old page in result3. Before the invalidation nothing is guaranteed, so
 * that read is not checked. The mark is the quadword at L2_EPTX_MARK_OFF of each page.
 */
#include "x86/paging.h"
#include "l2/l2.h"
#include "l2/own_tables.h"
#include "x86/processor.h"
#include "lib/string.h"


static struct own_tables own;
static u64 page_a[512] __attribute__((aligned(4096)));
static u64 page_b[512] __attribute__((aligned(4096)));
static u64 l1_cr3;

/* L1's tables, except that 1 GiB slot 2's first 2 MiB go through our own PT. */
static void build_tables(void)
{
	own_tables_build(&own, l1_cr3);
	own.pt[0] = (u64)page_a | PTE_P | PTE_W;
	page_a[L2_EPTX_MARK_OFF / 8] = L2_TLB_MARK_A;
	page_b[L2_EPTX_MARK_OFF / 8] = L2_TLB_MARK_B;
}

static void own_tables(struct l2_ctx *c)
{
	if (!c->arg[0])
		write_cr3((u64)own.pml4);
}

static void l1_tables(struct l2_ctx *c)
{
	if (!c->arg[0])
		write_cr3(l1_cr3);
}

static void op_tlb(struct l2_ctx *c, u32 i)
{
	u64 page = c->arg[0] ? c->arg[0] : L2_TLB_VA;
	volatile u64 *va = (volatile u64 *)(page + L2_EPTX_MARK_OFF);
	u64 before = *va, after;

	(void)i;
	if (!c->arg[0])		/* swap the PTE between the two pages */
		own.pt[0] = ((own.pt[0] & PTE_ADDR) == (u64)page_a ? (u64)page_b : (u64)page_a) | PTE_P | PTE_W;
	switch (c->arg[1]) {
	case L2_TLB_HYPERCALL:
		l2_hypercall(HC_NOP, 0, 0);
		break;
	case L2_TLB_INVLPG:
		asm volatile("invlpg (%0)" : : "r"(page) : "memory");
		break;
	case L2_TLB_CR3:
		write_cr3(read_cr3());
		break;
	}
	after = *va;
	if (after == before || (after != L2_TLB_MARK_A && after != L2_TLB_MARK_B))
		c->result[3]++;
}

void l2_tlb(struct l2_ctx *c)
{
	l1_cr3 = read_cr3();
	build_tables();
	c->result[3] = 0;
	c->enter = own_tables;
	c->leave = l1_tables;
	l2_measure(c, op_tlb);
}
