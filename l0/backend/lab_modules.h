/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --kvm-modules DIR in the labs: KVM's modules from DIR instead of the lab
 * kernel's own (scripts/kvm-modules builds them). irqbypass.ko, kvm.ko and the vendor's
 * kvm-intel.ko or kvm-amd.ko; irqbypass.ko and the other vendor's may be missing.
 */
#ifndef L0_BACKEND_LAB_MODULES_H
#define L0_BACKEND_LAB_MODULES_H

#include <stdbool.h>
#include <json-c/json.h>

#include "l0/backend/lab_kernel.h"
#include "l0/sys/diag.h"

/* Each module DIR has is one of kernel kver's (its vermagic's release), before a boot. */
int lab_modules_check(const char *dir, bool svm, const char *kver, struct diag *why);
/* results.json's environment.l0_inputs.kvm_modules: "packaged" (dir NULL), or dir, each
 * module's sha256 and the lines of scripts/kvm-modules' SOURCE. */
json_object *lab_modules_json(const char *dir);
/* DIR's modules as out_dir/kvm.cpio: /kvm-modules/ in the lab (scripts/lab-init). */
int lab_modules_cpio(const char *dir, const char *out_dir, struct diag *why);
/* --lab-kernel's: each non-NULL ko (lab_ko_names' order) is one of kver's; packed as above. */
int lab_modules_check_files(char *const ko[LAB_KO_COUNT], const char *kver, struct diag *why);
int lab_modules_cpio_files(char *const ko[LAB_KO_COUNT], const char *out_dir, struct diag *why);

#endif
