// SPDX-License-Identifier: GPL-2.0-only
/*
 * One L2 binary for both back ends: VMCALL (0F 01 C1) and VMMCALL (0F 01 D9) differ in
 * their last byte only, so L1 patches that byte at every site once, before any L2 runs.
 */
#include "l2/l2.h"
#include "x86/processor.h"

#define CR0_WP		BIT(16)
#define VMCALL_MODRM	0xc1
#define VMMCALL_MODRM	0xd9

extern u8 *const __start_hypercall_sites[], *const __stop_hypercall_sites[];

u32 l2_hypercalls_use_vmmcall(void)
{
	u64 cr0 = read_cr0();
	u32 n = 0;

	write_cr0(cr0 & ~CR0_WP);	/* the code may be mapped read-only (UEFI) */
	for (u8 *const *site = __start_hypercall_sites; site < __stop_hypercall_sites; site++, n++)
		if ((*site)[0] == 0x0f && (*site)[1] == 0x01 && (*site)[2] == VMCALL_MODRM)
			(*site)[2] = VMMCALL_MODRM;
	write_cr0(cr0);
	(void)cpuid(0);			/* serializing: no stale decoded VMCALL */
	return n;
}
