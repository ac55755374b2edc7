// SPDX-License-Identifier: GPL-2.0-only
#include "l2/own_tables.h"
#include "x86/paging.h"
#include "lib/string.h"

u64 own_tables_build(struct own_tables *t, u64 l1_cr3)
{
	const u64 *l1_pml4 = (const u64 *)(l1_cr3 & PTE_ADDR);
	const u64 *l1_pdpt = (const u64 *)(l1_pml4[0] & PTE_ADDR);
	const u64 *l1_pd2 = (const u64 *)(l1_pdpt[2] & PTE_ADDR);

	memset(t->pt, 0, sizeof(t->pt));
	memcpy(t->pd, l1_pd2, sizeof(t->pd));
	t->pd[0] = (u64)t->pt | PTE_P | PTE_W;
	memcpy(t->pdpt, l1_pdpt, sizeof(t->pdpt));
	t->pdpt[2] = (u64)t->pd | PTE_P | PTE_W;
	memset(t->pml4, 0, sizeof(t->pml4));
	t->pml4[0] = (u64)t->pdpt | PTE_P | PTE_W;
	return (u64)t->pml4;
}
