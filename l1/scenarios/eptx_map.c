// SPDX-License-Identifier: GPL-2.0-only
#include "l1/scenarios/eptx_map.h"
#include "lib/string.h"

#define EPTP_WB_WALK4	(6ULL | (3ULL << 3))	/* EPTP bits 2:0 WB, 5:3 walk length - 1 */

static u64 pml4[512] __attribute__((aligned(4096)));
static u64 pdpt[512] __attribute__((aligned(4096)));
static u64 pd[4][512] __attribute__((aligned(4096)));
static u64 pt[512] __attribute__((aligned(4096)));
static u8 pages[2][PAGE_SIZE] __attribute__((aligned(4096)));
static u64 eptp;

u64 eptx_build(struct vcpu *v, bool ad, bool dirty)
{
	(void)v;
	memset(pml4, 0, sizeof(pml4));
	memset(pdpt, 0, sizeof(pdpt));
	pml4[0] = (u64)pdpt | EPT_RWX;
	for (u64 g = 0; g < 4; g++) {
		pdpt[g] = (u64)pd[g] | EPT_RWX;
		for (u64 i = 0; i < 512; i++) {
			u64 pa = (g << 30) | (i << 21);

			pd[g][i] = pa | EPT_RWX | EPT_LEAF | (pa >= NESTED_UC_FROM ? EPT_MT(0) : EPT_MT_WB) |
				   (dirty ? EPT_A | EPT_D : 0);
		}
	}
	for (u64 i = 0; i < 512; i++)
		pt[i] = (u64)pages[0] | EPT_RWX | EPT_MT_WB;
	pd[EPTX_GPA >> 30][(EPTX_GPA >> 21) & 511] = (u64)pt | EPT_RWX;
	for (int n = 0; n < 2; n++) {
		memset(pages[n], 0, PAGE_SIZE);
		pages[n][0] = 0xc3;	/* RET */
		*(u64 *)(pages[n] + L2_EPTX_MARK_OFF) = EPTX_MARK(n);
	}
	eptp = (u64)pml4 | EPTP_WB_WALK4 | (ad ? EPTP_AD : 0);
	vmwrite(VMCS_EPT_POINTER, eptp);
	eptx_invept(v);
	return eptp;
}

u64 *eptx_entry(u64 gpa, int level)
{
	switch (level) {
	case 1:
		return &pt[(gpa >> 12) & 511];
	case 2:
		return &pd[(gpa >> 30) & 3][(gpa >> 21) & 511];
	case 3:
		return &pdpt[(gpa >> 30) & 511];
	default:
		return &pml4[(gpa >> 39) & 511];
	}
}

u64 eptx_page(int n)
{
	return (u64)pages[n];
}

void eptx_invept(struct vcpu *v)
{
	u64 cap = vmxb_ept_cap();
	int r;

	if (!(cap & EPT_CAP_INVEPT))
		return;
	r = __invept((cap & EPT_CAP_INVEPT_SINGLE) ? INVEPT_SINGLE_CONTEXT : INVEPT_ALL_CONTEXT, eptp);
	if (r != VMX_OK)
		vmxb_bad(v, 0xe0000000ULL | (u32)r);
}
