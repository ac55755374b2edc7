/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 4-level paging entries (Intel SDM vol. 3 "Paging", "4-Level Paging": the formats of
 * PML4, PDPT, PD and PT entries; AMD APM vol. 2 "Page Translation and Protection"): one
 * set of bit names for L1's tables, L2's own and the nested page tables (NPT uses the
 * same format).
 */
#ifndef X86_PAGING_H
#define X86_PAGING_H

#include "lib/types.h"

#define PAGE_SIZE	4096
#define PTE_P		BIT(0)		/* present */
#define PTE_W		BIT(1)		/* read/write */
#define PTE_RW		PTE_W
#define PTE_US		BIT(2)		/* user/supervisor */
#define PTE_PWT		BIT(3)
#define PTE_PCD		BIT(4)
#define PTE_A		BIT(5)		/* accessed */
#define PTE_D		BIT(6)		/* dirty (a page) */
#define PTE_PS		BIT(7)		/* a 2 MiB or 1 GiB page (PDE, PDPTE) */
#define PTE_NX		BIT(63)		/* execute-disable */
#define PTE_ADDR	0x000ffffffffff000ULL	/* the next table's or the page's address */

#endif
