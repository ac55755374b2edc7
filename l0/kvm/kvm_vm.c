// SPDX-License-Identifier: GPL-2.0-only
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "l0/sys/file.h"
#include "l0/kvm/kvm_vm.h"

#define MB_BOOTLOADER_MAGIC	0x2badb002
#define MB_INFO_MEMORY		(1u << 0)
#define MB_INFO_CMDLINE		(1u << 2)
#define MBI_ADDR		0x8000
#define CMDLINE_ADDR		0x8100
#define CMDLINE_MAX		0x700
#define TSS_ADDR		0xfffbd000	/* three pages KVM needs below 4 GiB, outside RAM */
#define IDENTITY_MAP_ADDR	0xfffbc000
#define CPUID_ENTRIES		256
#define CPUID_1_ECX_VMX		(1u << 5)
#define CPUID_80000001_ECX_SVM	(1u << 2)

/* KVM's vendor modules, whose parameters are the L0's settings. */
static const char *const vendor_modules[] = { "kvm_intel", "kvm_amd" };

struct multiboot_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
};

static struct kvm_cpuid2 *supported_cpuid(int kvm)
{
	struct kvm_cpuid2 *c = calloc(1, sizeof(*c) + CPUID_ENTRIES * sizeof(c->entries[0]));

	if (!c)
		return NULL;
	c->nent = CPUID_ENTRIES;
	if (ioctl(kvm, KVM_GET_SUPPORTED_CPUID, c) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

static const struct kvm_cpuid_entry2 *cpuid_find(const struct kvm_cpuid2 *c, uint32_t fn)
{
	for (uint32_t i = 0; i < c->nent; i++)
		if (c->entries[i].function == fn)
			return &c->entries[i];
	return NULL;
}

static int read_param(const char *module, const char *name, char *out, size_t size)
{
	char path[160], *text = NULL, *nl;
	size_t len;
	int e;

	snprintf(path, sizeof(path), "/sys/module/%s/parameters/%s", module, name);
	e = file_read(path, size - 1, &text, &len);
	if (e)
		return e;
	snprintf(out, size, "%s", text);
	free(text);
	if ((nl = strchr(out, '\n')))
		*nl = 0;
	return 0;
}

int kvm_probe(struct diag *why)
{
	const struct kvm_cpuid_entry2 *e1, *e8;
	struct kvm_cpuid2 *c;
	char nested[8] = "";
	int kvm, vm;
	bool vmx, svm;

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		return diag_set(why, -ENODEV, "/dev/kvm: %s: load kvm_intel (or kvm_amd) with nested=1, "
				"or use --backend bochs", strerror(errno));
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) {
		diag_set(why, 0, "/dev/kvm speaks another API version: use --backend bochs");
		close(kvm);
		return -ENODEV;
	}
	c = supported_cpuid(kvm);
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	close(kvm);
	if (vm < 0 || !c) {
		diag_set(why, 0, "/dev/kvm cannot create an ordinary VM here: use --backend bochs");
		free(c);
		if (vm >= 0)
			close(vm);
		return -ENODEV;
	}
	close(vm);
	e1 = cpuid_find(c, 1);
	e8 = cpuid_find(c, 0x80000001);
	vmx = e1 && (e1->ecx & CPUID_1_ECX_VMX);
	svm = e8 && (e8->ecx & CPUID_80000001_ECX_SVM);
	free(c);
	if (vmx || svm)
		return 0;
	for (size_t m = 0; m < sizeof(vendor_modules) / sizeof(vendor_modules[0]); m++)
		if (!read_param(vendor_modules[m], "nested", nested, sizeof(nested)) && nested[0] != 'Y' &&
		    nested[0] != '1') {
			return diag_set(why, -ENOTSUP, "%s has nested=%s: reload it with nested=1 "
					"(modprobe -r %s; modprobe %s nested=1)", vendor_modules[m], nested,
					vendor_modules[m], vendor_modules[m]);
		}
	return diag_set(why, -ENOTSUP, "/dev/kvm offers neither VMX nor SVM to guests: load kvm_intel or kvm_amd with "
		 "nested=1 (modprobe kvm_intel nested=1) on a CPU with VMX or SVM");
}

char *kvm_module_params(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return NULL;
	for (size_t m = 0; m < sizeof(vendor_modules) / sizeof(vendor_modules[0]); m++) {
		char dir[96];
		struct dirent *d;
		DIR *dp;

		snprintf(dir, sizeof(dir), "/sys/module/%s/parameters", vendor_modules[m]);
		dp = opendir(dir);
		if (!dp)
			continue;
		fputs(vendor_modules[m], f);
		/* readdir order is stable for sysfs; good enough for a record of settings. */
		while ((d = readdir(dp))) {
			char val[64];

			if (d->d_name[0] == '.' || read_param(vendor_modules[m], d->d_name, val, sizeof(val)))
				continue;
			fprintf(f, " %s=%s", d->d_name, val);
		}
		closedir(dp);
	}
	if (fclose(f) || !len) {
		free(out);
		return NULL;
	}
	return out;
}

int kvm_vm_create(struct kvm_vm *v, size_t mem_size, struct diag *why)
{
	struct kvm_userspace_memory_region region;
	struct kvm_cpuid2 *c;
	uint64_t identity = IDENTITY_MAP_ADDR;
	int mmap_size;

	memset(v, 0, sizeof(*v));
	v->vm = v->vcpu = -1;
	v->kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (v->kvm < 0)
		goto fail;
	v->vm = ioctl(v->kvm, KVM_CREATE_VM, 0);
	if (v->vm < 0 || ioctl(v->vm, KVM_SET_TSS_ADDR, TSS_ADDR) < 0 ||
	    ioctl(v->vm, KVM_SET_IDENTITY_MAP_ADDR, &identity) < 0 ||
	    ioctl(v->vm, KVM_CREATE_IRQCHIP, 0) < 0)
		goto fail;
	/* Pending and injected exceptions apart, the payload (CR2, DR6) not yet delivered: so
	 * that L1 can still intercept a pending one after a migration (api.rst,
	 * "KVM_CAP_EXCEPTION_PAYLOAD"); as QEMU does. Older kernels: without. */
	ioctl(v->vm, KVM_ENABLE_CAP, &(struct kvm_enable_cap){ .cap = KVM_CAP_EXCEPTION_PAYLOAD, .args[0] = 1 });
	v->mem = mmap(NULL, mem_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (v->mem == MAP_FAILED) {
		v->mem = NULL;
		goto fail;
	}
	v->mem_size = mem_size;
	region = (struct kvm_userspace_memory_region){
		.slot = 0, .guest_phys_addr = 0, .memory_size = mem_size, .userspace_addr = (uintptr_t)v->mem,
	};
	if (ioctl(v->vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		goto fail;
	v->vcpu = ioctl(v->vm, KVM_CREATE_VCPU, 0);
	mmap_size = ioctl(v->kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (v->vcpu < 0 || mmap_size <= 0)
		goto fail;
	v->run = mmap(NULL, mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, v->vcpu, 0);
	if (v->run == MAP_FAILED) {
		v->run = NULL;
		goto fail;
	}
	v->run_size = mmap_size;
	c = supported_cpuid(v->kvm);
	if (!c || ioctl(v->vcpu, KVM_SET_CPUID2, c) < 0) {
		free(c);
		goto fail;
	}
	free(c);
	return 0;
fail:
	diag_set(why, 0, "creating the KVM VM failed: %s: check /dev/kvm (nestlab run --backend bochs works without it)",
		 strerror(errno));
	kvm_vm_destroy(v);
	return -EIO;
}

/* Flat 32-bit protected mode, as the multiboot specification hands over a kernel. */
static int set_boot_state(struct kvm_vm *v, uint32_t entry)
{
	struct kvm_segment code = {
		.base = 0, .limit = 0xffffffff, .selector = 0x08, .type = 11, .present = 1,
		.dpl = 0, .db = 1, .s = 1, .l = 0, .g = 1,
	};
	struct kvm_segment data = code;
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	if (ioctl(v->vcpu, KVM_GET_SREGS, &sregs) < 0)
		return -errno;
	data.type = 3;
	data.selector = 0x10;
	sregs.cs = code;
	sregs.ds = sregs.es = sregs.fs = sregs.gs = sregs.ss = data;
	sregs.cr0 = 0x11;	/* PE, ET */
	sregs.cr4 = 0;
	sregs.efer = 0;
	if (ioctl(v->vcpu, KVM_SET_SREGS, &sregs) < 0)
		return -errno;
	memset(&regs, 0, sizeof(regs));
	regs.rip = entry;
	regs.rax = MB_BOOTLOADER_MAGIC;
	regs.rbx = MBI_ADDR;
	regs.rflags = 2;
	return ioctl(v->vcpu, KVM_SET_REGS, &regs) < 0 ? -errno : 0;
}

int kvm_vm_load_multiboot(struct kvm_vm *v, const char *elf, const char *cmdline, struct diag *why)
{
	struct multiboot_info *mbi = (void *)(v->mem + MBI_ADDR);
	const Elf32_Ehdr *eh;
	char *img = NULL;
	size_t len = 0;
	int e;

	e = file_read(elf, 64 << 20, &img, &len);
	if (e)
		return diag_set(why, e, "cannot read %s: %s: build it with make or pass --image", elf, strerror(-e));
	eh = (const void *)img;
	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_machine != EM_386 || eh->e_phoff > len || eh->e_phnum > (len - eh->e_phoff) / sizeof(Elf32_Phdr))
		goto bad;
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = (const void *)(img + eh->e_phoff + i * sizeof(Elf32_Phdr));

		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_filesz > ph->p_memsz || ph->p_offset > len || ph->p_filesz > len - ph->p_offset ||
		    ph->p_paddr < 0x100000 || ph->p_memsz > v->mem_size || ph->p_paddr > v->mem_size - ph->p_memsz)
			goto bad;
		memcpy(v->mem + ph->p_paddr, img + ph->p_offset, ph->p_filesz);
		memset(v->mem + ph->p_paddr + ph->p_filesz, 0, ph->p_memsz - ph->p_filesz);
	}
	*mbi = (struct multiboot_info){
		.flags = MB_INFO_MEMORY | MB_INFO_CMDLINE,
		.mem_lower = 639,
		.mem_upper = (uint32_t)((v->mem_size >> 10) - 1024),
		.cmdline = CMDLINE_ADDR,
	};
	snprintf((char *)v->mem + CMDLINE_ADDR, CMDLINE_MAX, "%s", cmdline);
	e = set_boot_state(v, eh->e_entry);
	free(img);
	if (e)
		return diag_set(why, e, "setting up the vCPU failed: %s", strerror(-e));
	return 0;
bad:
	free(img);
	return diag_set(why, -ENOEXEC, "%s is not a 32-bit multiboot ELF that fits in guest memory: rebuild with make", elf);
}

void kvm_vm_destroy(struct kvm_vm *v)
{
	if (v->run)
		munmap(v->run, v->run_size);
	if (v->mem)
		munmap(v->mem, v->mem_size);
	if (v->vcpu >= 0)
		close(v->vcpu);
	if (v->vm >= 0)
		close(v->vm);
	if (v->kvm >= 0)
		close(v->kvm);
	memset(v, 0, sizeof(*v));
	v->kvm = v->vm = v->vcpu = -1;
}
