/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --lab-kernel PATH: the labs boot your kernel instead of the packaged one.
 * PATH is either
 *   a kernel build tree: TREE/arch/x86/boot/bzImage and TREE/.config, or
 *   a bzImage file: its configuration beside it (.config, config or config-RELEASE).
 * KVM's modules (those the configuration says =m), searched in this order from ROOT
 * (TREE, or the bzImage's directory):
 *   ROOT/arch/x86/kvm/kvm.ko ...          an in-tree `make modules`
 *   ROOT/lib/modules/RELEASE/kernel/...   `make modules_install INSTALL_MOD_PATH=ROOT`
 *   ROOT/../lib/modules/RELEASE/kernel/... a bzImage in an installed root's /boot (a .deb)
 *   ROOT/kvm.ko ...                       flat, beside the bzImage
 * or from --kvm-modules DIR when it is given. Built in (CONFIG_KVM_INTEL=y): no module;
 * the module parameters go on the kernel command line (kvm_intel.nested=1).
 * The release is the first word of the bzImage header's kernel_version string (the x86
 * boot protocol, Documentation/arch/x86/boot.rst: offset 0x20E holds the string's offset
 * less 0x200; 0x202 holds "HdrS").
 */
#ifndef L0_BACKEND_LAB_KERNEL_H
#define L0_BACKEND_LAB_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <json-c/json.h>

#include "l0/sys/diag.h"

/* The modules a lab loads, in load order: lab_modules.c's table has the same order. */
#define LAB_KO_COUNT 4
extern const char *const lab_ko_names[LAB_KO_COUNT];	/* "irqbypass.ko", "kvm.ko", ... */

struct lab_kernel {
	char *bzimage, *config;		/* absolute paths */
	char *version;			/* the header's kernel_version string */
	char *release;			/* its first word: 6.1.0-57-cloud-amd64 */
	char *tree_release;		/* a tree's include/config/kernel.release, or NULL */
	char sha256[65];		/* the bzImage's */
	char cfg[LAB_KO_COUNT];		/* 'y', 'm' or 'n' per module's CONFIG_ option */
	char *ko[LAB_KO_COUNT];		/* each =m module's path; NULL: built in or not needed */
};

/*
 * Resolves path (absolute) for the VMX lab (svm false) or the SVM one. 0; -ENOPKG when
 * the configuration has no KVM for that vendor (CONFIG_KVM or CONFIG_KVM_INTEL/AMD unset);
 * another -errno when a file is missing or unreadable. why: the one line. find_modules
 * false: the modules come from elsewhere (--kvm-modules), k->ko stays NULL.
 */
int lab_kernel_open(const char *path, bool svm, bool find_modules, struct lab_kernel *k, struct diag *why);
void lab_kernel_free(struct lab_kernel *k);
/* True when the vendor's KVM is built into the kernel (=y): no module to load. */
bool lab_kernel_builtin(const struct lab_kernel *k, bool svm);
/* results.json's environment.l0_inputs.lab_kernel. */
json_object *lab_kernel_json(const struct lab_kernel *k, bool svm);

/* The pieces, for the unit test. */
/* The header's kernel_version string of a bzImage (len bytes), malloc'd, or NULL. */
char *lab_kernel_header_version(const char *img, size_t len);
/* CONFIG_<name>'s value in a .config's text: 'y', 'm', or 'n' (unset, or anything else). */
char lab_kernel_config(const char *text, const char *name);

#endif
