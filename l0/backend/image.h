/* SPDX-License-Identifier: GPL-2.0-only */
/* The L1 image the runner boots. */
#ifndef L0_IMAGE_H
#define L0_IMAGE_H

#include <stddef.h>

/*
 * Finds the image's Multiboot header ("Multiboot Specification 0.6.96",
 * "OS image format": magic, flags and checksum summing to 0 in the first 8 KiB,
 * 32-bit aligned; Multiboot2: in the first 32 KiB, 64-bit aligned).
 * 0 with *version 1 or 2; -ENOEXEC when neither is there; -errno of open/read.
 */
int image_multiboot(const char *path, int *version);
/* A PE32+ x86-64 EFI application? 0, -ENOEXEC, or -errno of open/read. */
int image_efi_app(const char *path);
/* <dir of the nestlab binary>/../REL into out: a file of the build nestlab belongs to. */
int image_in_build(const char *rel, char *out, size_t size);
/* The default image, <dir of the nestlab binary>/../l1/l1.elf, into out. */
int image_default(char *out, size_t size);

#endif
