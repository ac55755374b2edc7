// SPDX-License-Identifier: GPL-2.0-only
/* Enabling SVM: APM vol. 2, "Enabling SVM" and "VMRUN" (the host save area). */
#include "l1/svm/svm_l1.h"
#include "x86/processor.h"
#include "x86/trap.h"
#include "lib/printf.h"

static u8 hsave_area[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 host_state[PAGE_SIZE] __attribute__((aligned(4096)));

u64 svm_host_state_pa(void)
{
	return (u64)host_state;
}

int svm_on(char *why, size_t size)
{
	u64 vm_cr;

	/* Bochs 2.7's SVM models have no VM_CR (#GP): nothing there can disable SVM. */
	if (rdmsr_safe(MSR_VM_CR, &vm_cr) && (vm_cr & VM_CR_SVMDIS)) {
		nl_snprintf(why, size, "VM_CR.SVMDIS[bit 4] is 1: SVM is disabled (firmware setting)");
		return -1;
	}
	svm_caps_read();
	wrmsr(MSR_IA32_EFER, rdmsr(MSR_IA32_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, (u64)hsave_area);
	/* L1's FS, GS, TR, LDTR, KernelGSBase, STAR..., SYSENTER_*: VMRUN does not switch
	 * them, so L1 keeps a copy and VMLOADs it after every exit. */
	svm_vmsave((u64)host_state);
	return 0;
}
