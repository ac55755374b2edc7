// SPDX-License-Identifier: GPL-2.0-only
/*
 * After ExitBootServices the firmware's page tables, stack and descriptor tables are
 * still live but belong to memory L1 now owns. L1 does not rely on them: it installs the
 * same 4 GiB identity map as x86/boot.asm (2 MiB pages, the top GiB uncached), because
 * L2's own tables (l2/pf.c) copy L1's PML4[0] -> PDPT -> PD layout, which OVMF does not
 * promise (it may map with 1 GiB pages, mark pages read-only or not-present). Then it moves
 * to its own stack and enters l1_start(), which loads its GDT, IDT and TSS.
 */
#include "l1/main.h"
#include "x86/efi/handover.h"
#include "x86/power.h"
#include "x86/processor.h"
#include "lib/printf.h"
#include "x86/serial.h"

#define PTE_P		BIT(0)
#define PTE_W		BIT(1)
#define PTE_PCD		BIT(4)
#define PTE_PS		BIT(7)
#define CR0_NE		BIT(5)
#define UNCACHED_FROM	3ULL	/* GiB: APIC, IOAPIC, PCI MMIO */

static u64 pml4[512] __attribute__((aligned(4096)));
static u64 pdpt[512] __attribute__((aligned(4096)));
static u64 pd[4][512] __attribute__((aligned(4096)));
static u8 stack[16384] __attribute__((aligned(16)));

static void identity_map_4g(void)
{
	for (u64 g = 0; g < 4; g++) {
		pdpt[g] = (u64)pd[g] | PTE_P | PTE_W;
		for (u64 i = 0; i < 512; i++)
			pd[g][i] = (g << 30 | i << 21) | PTE_P | PTE_W | PTE_PS | (g >= UNCACHED_FROM ? PTE_PCD : 0);
	}
	pml4[0] = (u64)pdpt | PTE_P | PTE_W;
}

void efi_handover(const char *cmdline)
{
	asm volatile("cli");
	identity_map_4g();
	write_cr0(read_cr0() | CR0_NE);		/* VMX requires it (IA32_VMX_CR0_FIXED0) */
	write_cr3((u64)pml4);
	/* The firmware's last console output may not end a line: keep the begin record whole. */
	serial_init();
	serial_puts("\r\n");
	asm volatile("mov %0, %%rsp\n\t"
		     "xor %%ebp, %%ebp\n\t"
		     "call *%1"
		     : : "r"(stack + sizeof(stack)), "r"(l1_start), "D"(cmdline), "S"("efi")
		     : "memory");
	__builtin_unreachable();
}

void efi_fatal(const char *why, unsigned long long status)
{
	char line[160];

	serial_init();
	nl_snprintf(line, sizeof(line), "\r\nCRASH: nestlab L1 (efi): %s (status %#llx)\n", why, status);
	serial_puts(line);
	power_off();
}
