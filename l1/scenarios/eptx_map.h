/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A second EPT of L1's, for the scenarios that change EPT entries (eptx/, tlb/): built
 * afresh by each, so that nothing they change outlives them. Identity map of the low
 * 4 GiB (2 MiB pages, WB below NESTED_UC_FROM, UC above) except the first 2 MiB of the
 * test region, whose 4 KiB pages all map backing page 0. Backing page n holds RET at
 * offset 0 and EPTX_MARK(n) at L2_EPTX_MARK_OFF. SDM vol. 3, "EPT Translation Mechanism".
 */
#ifndef L1_SCENARIOS_EPTX_MAP_H
#define L1_SCENARIOS_EPTX_MAP_H

#include "l1/scenarios/vmxb.h"

#define EPT_R		BIT(0)
#define EPT_W		BIT(1)
#define EPT_X		BIT(2)
#define EPT_RWX		(EPT_R | EPT_W | EPT_X)
#define EPT_MT(t)	((u64)(t) << 3)		/* leaf memory type, bits 5:3 */
#define EPT_MT_WB	EPT_MT(6)
#define EPT_LEAF	BIT(7)			/* in a PDE or PDPTE: 2 MiB or 1 GiB page */
#define EPT_A		BIT(8)			/* with EPTP bit 6 */
#define EPT_D		BIT(9)
#define EPTP_AD		BIT(6)
#define EPT_ADDR(e)	((e) & 0x000ffffffffff000ULL)

#define EPTX_GPA	NESTED_TEST_REGION	/* through the 4 KiB table */
#define EPTX_GPA_2M	(NESTED_TEST_REGION + 0x200000)	/* a 2 MiB leaf, when a row asks */
#define EPTX_MARK(n)	((n) ? L2_TLB_MARK_B : L2_TLB_MARK_A)

/* Builds the map and makes it L2's EPT (PROC2_EPT must be on): returns the EPTP. ad:
 * accessed and dirty flags on; dirty: every 2 MiB leaf starts accessed and dirty. */
u64 eptx_build(struct vcpu *v, bool ad, bool dirty);
/* The entry of the given level (1 PTE .. 4 PML4E) that maps gpa. */
u64 *eptx_entry(u64 gpa, int level);
u64 eptx_page(int n);		/* host-physical address of backing page n (0, 1) */
/* INVEPT of the map: single-context where offered, else all-context. */
void eptx_invept(struct vcpu *v);

#endif
