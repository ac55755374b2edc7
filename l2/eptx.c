// SPDX-License-Identifier: GPL-2.0-only
/*
 * eptx/: L2 reads, writes or executes (arg1) arg2 consecutive pages from guest-physical
 * arg0, then makes a VMCALL, at which L1 restores its EPT entries for the next
 * iteration. A read also compares the quadword at L2_EPTX_MARK_OFF with arg3 (the page
 * L1 mapped there); result3 counts mismatches. Each page holds RET at offset 0.
 */
#include "l2/l2.h"

#include "x86/paging.h"

static void op_eptx(struct l2_ctx *c, u32 i)
{
	(void)i;
	for (u64 p = 0; p < (c->arg[2] ? c->arg[2] : 1); p++) {
		u8 *page = (u8 *)(c->arg[0] + p * PAGE_SIZE);

		switch (c->arg[1]) {
		case L2_EPTX_READ:
			if (*(volatile u64 *)(page + L2_EPTX_MARK_OFF) != c->arg[3])
				c->result[3]++;
			break;
		case L2_EPTX_WRITE:
			*(volatile u64 *)(page + L2_EPTX_WRITE_OFF) = i;
			break;
		case L2_EPTX_EXEC:
			((void (*)(void))page)();
			break;
		}
	}
	l2_hypercall(HC_NOP, 0, 0);
}

void l2_eptx(struct l2_ctx *c)
{
	c->result[3] = 0;
	l2_measure(c, op_eptx);
}
