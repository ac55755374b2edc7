// SPDX-License-Identifier: GPL-2.0-only
/*
 * After ExitBootServices the firmware's page tables, stack and descriptor tables are
 * still live but belong to memory L1 now owns. L1 does not rely on them: it installs the
 * same 4 GiB identity map as l1/boot/boot.asm (2 MiB pages, the top GiB uncached), because
 * L2's own tables (l2/pf.c) copy L1's PML4[0] -> PDPT -> PD layout, which OVMF does not
 * promise (it may map with 1 GiB pages, mark pages read-only or not-present). Then it moves
 * to its own stack and enters l1_start(), which loads its GDT, IDT and TSS.
 * OVMF also leaves its local APIC timer running, which SeaBIOS does not: under a KVM L0 it
 * showed as one PREEMPTION_TIMER exit in many scenarios' windows (the VMX lab). It is stopped.
 * CR0, CR4 and EFER get the values l1/boot/boot.asm leaves (OVMF sets CR4.DE, MCE, OSFXSR,
 * OSXMMEXCPT, CR0.MP and EFER.NXE): L1 and L2 inherit them, and an L0 may handle exits
 * differently for them, so both builds measure the same machine state.
 */
#include "l1/main.h"
#include "x86/apic.h"
#include "l1/boot/efi/handover.h"
#include "x86/power.h"
#include "x86/processor.h"
#include "lib/printf.h"
#include "x86/serial.h"

#define PTE_P		BIT(0)
#define PTE_W		BIT(1)
#define PTE_PCD		BIT(4)
#define PTE_PS		BIT(7)
#define CR0_PE		BIT(0)
#define CR0_ET		BIT(4)
#define CR0_WP		BIT(16)
#define CR0_PG		BIT(31)
#define CR4_PAE		BIT(5)
#define CR4_LA57	BIT(12)
#define UNCACHED_FROM	3ULL	/* GiB: APIC, IOAPIC, PCI MMIO */
#define APIC_BASE_X2APIC	BIT(10)		/* IA32_APIC_BASE: x2APIC mode */
#define APIC_BASE_ENABLE	BIT(11)		/* IA32_APIC_BASE: APIC global enable */
#define APIC_BASE_ADDR		0x000ffffffffff000ULL
#define APIC_TIMER_INITIAL	0x380
#define CPUID1_ECX_TSC_DEADLINE	BIT(24)
#define MSR_IA32_TSC_DEADLINE	0x6e0

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

/* SDM "APIC Timer": an initial count of 0 stops one-shot and periodic mode, a deadline of 0
 * disarms TSC-deadline mode; the LVT entry is masked too. The APIC stays enabled (Bochs
 * cannot re-enable one: ../shared/emulators.md). */
static void apic_timer_stop(void)
{
	u64 base = rdmsr(MSR_IA32_APIC_BASE);

	if (!(base & APIC_BASE_ENABLE))
		return;
	if (cpuid(1).ecx & CPUID1_ECX_TSC_DEADLINE)
		wrmsr(MSR_IA32_TSC_DEADLINE, 0);
	if (base & APIC_BASE_X2APIC) {
		wrmsr(x2apic_msr(APIC_LVT_TIMER), APIC_LVT_MASKED);
		wrmsr(x2apic_msr(APIC_TIMER_INITIAL), 0);
	} else {
		apic_mmio_write(base & APIC_BASE_ADDR, APIC_LVT_TIMER, APIC_LVT_MASKED);
		apic_mmio_write(base & APIC_BASE_ADDR, APIC_TIMER_INITIAL, 0);
	}
}

void efi_handover(const char *cmdline)
{
	asm volatile("cli");
	if (read_cr4() & CR4_LA57)	/* 5-level paging cannot be left in long mode */
		efi_fatal("the firmware runs with 5-level paging: L1 builds 4-level tables", read_cr4());
	identity_map_4g();
	write_cr3((u64)pml4);
	write_cr4(CR4_PAE);
	write_cr0(CR0_PG | CR0_WP | CR0_NE | CR0_ET | CR0_PE);	/* NE: VMX requires it */
	wrmsr(MSR_IA32_EFER, EFER_LME | (rdmsr(MSR_IA32_EFER) & EFER_LMA));	/* LMA: status */
	apic_timer_stop();	/* through L1's map: the APIC page is uncached there */
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
