// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nested page tables: ordinary long-mode page tables walked for guest-physical addresses
 * (APM vol. 2, "Nested Paging"). The walk counts as a user access, so every level has U/S.
 */
#include "x86/paging.h"
#include "l1/svm/svm_l1.h"
#include "lib/string.h"

#define PTE_TABLE	(PTE_P | PTE_RW | PTE_US)

static u64 npt_pml4[512] __attribute__((aligned(4096)));
static u64 npt_pdpt[512] __attribute__((aligned(4096)));
static u64 npt_pd[4][512] __attribute__((aligned(4096)));
static u64 npt_test_pt[512] __attribute__((aligned(4096)));
static u8 npt_backing[PAGE_SIZE] __attribute__((aligned(4096)));

u64 npt_init(void)
{
	memset(npt_pml4, 0, sizeof(npt_pml4));
	memset(npt_pdpt, 0, sizeof(npt_pdpt));
	npt_pml4[0] = (u64)npt_pdpt | PTE_TABLE;
	for (u64 g = 0; g < 4; g++) {
		npt_pdpt[g] = (u64)npt_pd[g] | PTE_TABLE;
		for (u64 i = 0; i < 512; i++) {
			u64 pa = (g << 30) | (i << 21);

			npt_pd[g][i] = pa | PTE_TABLE | PTE_PS | (pa >= NESTED_UC_FROM ? PTE_PCD | PTE_PWT : 0);
		}
	}
	npt_pd[NESTED_TEST_REGION >> 30][(NESTED_TEST_REGION >> 21) & 511] = (u64)npt_test_pt | PTE_TABLE;
	npt_reset_test_region();
	return (u64)npt_pml4;
}

/* The next VMRUN flushes the guest TLB (TLB_CONTROL): L1 does that for every scenario.
 * The test region's PDE and PDPTE come back too, where a scenario changed them (npt/). */
void npt_reset_test_region(void)
{
	u64 g = NESTED_TEST_REGION >> 30;

	memset(npt_test_pt, 0, sizeof(npt_test_pt));
	npt_pdpt[g] = (u64)npt_pd[g] | PTE_TABLE;
	npt_pd[g][(NESTED_TEST_REGION >> 21) & 511] = (u64)npt_test_pt | PTE_TABLE;
}

u64 *npt_test_entry(int level, u32 page)
{
	u64 g = NESTED_TEST_REGION >> 30;

	if (level == 3)
		return &npt_pdpt[g];
	if (level == 2)
		return &npt_pd[g][(NESTED_TEST_REGION >> 21) & 511];
	return &npt_test_pt[page % NESTED_TEST_PAGES];
}

/* Not-present entries are not cached: mapping one needs no flush. */
bool npt_map_test_page(u64 gpa)
{
	if (gpa < NESTED_TEST_REGION || gpa >= NESTED_TEST_REGION + NESTED_TEST_PAGES * PAGE_SIZE)
		return false;
	npt_test_pt[(gpa - NESTED_TEST_REGION) / PAGE_SIZE] = (u64)npt_backing | PTE_TABLE;
	return true;
}
