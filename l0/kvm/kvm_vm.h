/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The runner's own small VMM on /dev/kvm (as the kernel's KVM selftests build theirs):
 * one VM with one vCPU, flat guest memory from 0, the in-kernel irqchip, CPUID as KVM
 * supports it (VMX or SVM included when the module offers nesting), and L1 loaded as a
 * multiboot loader would: 32-bit protected mode, paging off, EAX = 0x2badb002,
 * EBX = the multiboot information.
 */
#ifndef L0_KVM_VM_H
#define L0_KVM_VM_H

#include <linux/kvm.h>
#include <stddef.h>
#include <stdint.h>

#include "l0/sys/diag.h"

struct kvm_vm {
	int kvm, vm, vcpu;
	struct kvm_run *run;
	size_t run_size;
	uint8_t *mem;
	size_t mem_size;
};

/* Can /dev/kvm run L1 here? 0, or -errno with why naming the fix. */
int kvm_probe(struct diag *why);
/* "kvm_intel nested=Y ept=Y ..." from /sys/module: malloc'd, or NULL. */
char *kvm_module_params(void);
/* 0, or -errno with why naming the fix. */
int kvm_vm_create(struct kvm_vm *v, size_t mem_size, struct diag *why);
int kvm_vm_load_multiboot(struct kvm_vm *v, const char *elf, const char *cmdline, struct diag *why);
void kvm_vm_destroy(struct kvm_vm *v);

#endif
