/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * UEFI boot of L1 on QEMU (--boot efi): OVMF, the PE image check, the job's EFI system
 * partition. The back ends that run QEMU call these; the others refuse --boot efi.
 */
#ifndef L0_EFI_H
#define L0_EFI_H

#include <limits.h>
#include <stddef.h>

#include "l0/backend/backend.h"

/* OVMF: one image for -bios (vars ""), or CODE plus a VARS template for two pflash drives. */
struct efi_firmware {
	char code[PATH_MAX];
	char vars[PATH_MAX];
};

/* QEMU arguments of one job's UEFI boot (efi_boot_prepare fills them). */
struct efi_boot {
	char *arg[8];
	size_t n;
};

/*
 * $NESTLAB_OVMF (FILE, or CODE,VARS) or the first OVMF found where distributions install
 * it. 0, or -ENOENT with why naming the fix. The result stays for efi_firmware_path().
 */
int efi_firmware_find(struct efi_firmware *fw, struct diag *why);
/* What efi_firmware_find() found last ("CODE" or "CODE + VARS"), or NULL. */
const char *efi_firmware_path(void);
/* The default EFI image, <dir of the nestlab binary>/../efi/BOOTX64.EFI, into out. */
int efi_image_default(char *out, size_t size);
/*
 * Writes the job's ESP, j->dir/esp/EFI/BOOT/BOOTX64.EFI with a startup.nsh that runs it with
 * cmdline (for a UEFI shell, by hand), and a fresh VARS copy when the firmware is split;
 * fills b with QEMU's firmware arguments and -kernel, through which OVMF loads the image and
 * passes -append (the caller adds it) as its load options. Paths in b are relative to j->dir,
 * where QEMU must run. 0 or -errno with why.
 */
int efi_boot_prepare(struct job *j, const struct efi_firmware *fw, const char *cmdline, struct efi_boot *b,
		     struct diag *why);
void efi_boot_free(struct efi_boot *b);
/*
 * QEMU's boot arguments for a job, from argv[*n] on (room for 12), NULL-terminated: under
 * --boot efi the firmware and the EFI image (efi_boot_prepare), else -kernel with the
 * multiboot image; then -append cmdline. Creates j->dir. 0 or -errno with why.
 */
int qemu_boot_args(struct job *j, const struct efi_firmware *fw, char *cmdline, struct efi_boot *b,
		   char **argv, size_t *n, struct diag *why);

#endif
