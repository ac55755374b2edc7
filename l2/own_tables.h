/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page tables of L2's own: L1's identity map (copied), except the first 2 MiB of 1 GiB
 * slot 2 (0x80000000), which go through a page table L2 fills itself (all not present at
 * first). Workloads that switch CR3 to them (pf/, tlb/) exit to L1 only on L1's tables
 * or, on purpose, on these.
 */
#ifndef L2_OWN_TABLES_H
#define L2_OWN_TABLES_H

#include "lib/types.h"

#define OWN_TABLES_REGION	0x80000000UL	/* what pt[] maps, 512 pages */

struct own_tables {
	u64 pml4[512], pdpt[512], pd[512], pt[512];
} __attribute__((aligned(4096)));

/* Builds t from the tables at l1_cr3; returns the CR3 value of t. */
u64 own_tables_build(struct own_tables *t, u64 l1_cr3);

#endif
