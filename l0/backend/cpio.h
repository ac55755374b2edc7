/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_CPIO_H
#define L0_CPIO_H

/*
 * Writes a one-file initramfs: a newc cpio archive (the "new ASCII" format the kernel
 * unpacks, Documentation/driver-api/early-userspace/buffer-format.rst) holding src as
 * name, mode 0644. 0 or -errno.
 */
int cpio_write_file(const char *archive, const char *name, const char *src);
/* The same with n entries: names[i] holds srcs[i], or is a directory (0755) where it is NULL. */
int cpio_write_files(const char *archive, const char *const names[], const char *const srcs[], size_t n);

#endif
