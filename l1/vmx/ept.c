// SPDX-License-Identifier: GPL-2.0-only
/* EPT: SDM vol. 3, "EPT Translation Mechanism" and "EPT Paging-Structure Entries". */
#include "l1/vmx/vmx_l1.h"
#include "l1/vmx/caps.h"
#include "lib/string.h"
#include "x86/apic.h"

#define EPT_R		BIT(0)
#define EPT_W		BIT(1)
#define EPT_X		BIT(2)
#define EPT_RWX		(EPT_R | EPT_W | EPT_X)
#define EPT_MT_UC	(0ULL << 3)	/* leaf memory type, bits 5:3 */
#define EPT_MT_WB	(6ULL << 3)
#define EPT_LEAF_2M	BIT(7)
#define EPTP_WB		6ULL		/* EPTP bits 2:0: paging-structure memory type */
#define EPTP_WALK_4	(3ULL << 3)	/* EPTP bits 5:3: walk length minus 1 */

static u64 ept_pml4[512] __attribute__((aligned(4096)));
static u64 ept_pdpt[512] __attribute__((aligned(4096)));
static u64 ept_pd[4][512] __attribute__((aligned(4096)));
static u64 ept_test_pt[512] __attribute__((aligned(4096)));
static u64 ept_apic_pt[512] __attribute__((aligned(4096)));
/*
 * The APIC-access page is a page of L1's RAM that EPT maps at L2's APIC base. Pointing
 * it at L1's own APIC MMIO would do on bare metal, but a nested L0 (KVM) needs a page
 * that is memory to map for L2, or it silently leaves APIC accesses unvirtualized.
 */
static u8 apic_access_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 ept_backing[PAGE_SIZE] __attribute__((aligned(4096)));
static u64 eptp;

u64 ept_init(void)
{
	memset(ept_pml4, 0, sizeof(ept_pml4));
	memset(ept_pdpt, 0, sizeof(ept_pdpt));
	ept_pml4[0] = (u64)ept_pdpt | EPT_RWX;
	for (u64 g = 0; g < 4; g++) {
		ept_pdpt[g] = (u64)ept_pd[g] | EPT_RWX;
		for (u64 i = 0; i < 512; i++) {
			u64 pa = (g << 30) | (i << 21);

			ept_pd[g][i] = pa | EPT_RWX | EPT_LEAF_2M | (pa >= NESTED_UC_FROM ? EPT_MT_UC : EPT_MT_WB);
		}
	}
	ept_pd[EPT_TEST_REGION >> 30][(EPT_TEST_REGION >> 21) & 511] = (u64)ept_test_pt | EPT_RWX;
	for (u64 i = 0; i < 512; i++)
		ept_apic_pt[i] = (APIC_DEFAULT_BASE + i * PAGE_SIZE) | EPT_RWX | EPT_MT_UC;
	ept_apic_pt[0] = (u64)apic_access_page | EPT_RWX | EPT_MT_WB;
	ept_pd[APIC_DEFAULT_BASE >> 30][(APIC_DEFAULT_BASE >> 21) & 511] = (u64)ept_apic_pt | EPT_RWX;
	ept_reset_test_region();
	eptp = (u64)ept_pml4 | EPTP_WB | EPTP_WALK_4;
	return eptp;
}

u64 ept_apic_access_page(void)
{
	return (u64)apic_access_page;
}

void ept_reset_test_region(void)
{
	memset(ept_test_pt, 0, sizeof(ept_test_pt));
}

/* Maps one test page to the shared backing page. Not-present entries are never
 * cached (SDM "Caching Translation Information"), so no invalidation is needed. */
bool ept_map_test_page(u64 gpa)
{
	if (gpa < EPT_TEST_REGION || gpa >= EPT_TEST_REGION + EPT_TEST_PAGES * PAGE_SIZE)
		return false;
	ept_test_pt[(gpa - EPT_TEST_REGION) / PAGE_SIZE] = (u64)ept_backing | EPT_RWX | EPT_MT_WB;
	return true;
}

void ept_flush(void)
{
	u64 cap = vmx_caps.msr[CAP_IA32_VMX_EPT_VPID_CAP];

	if ((cap & EPT_CAP_INVEPT) && (cap & EPT_CAP_INVEPT_ALL))
		__invept(INVEPT_ALL_CONTEXT, eptp);
	if ((cap & VPID_CAP_INVVPID) && (cap & VPID_CAP_INVVPID_ALL))
		__invvpid(INVVPID_ALL_CONTEXT, 0, 0);
}
