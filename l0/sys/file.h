/* SPDX-License-Identifier: GPL-2.0-only */
/* Files of a run directory: 0 or -errno. */
#ifndef L0_FILE_H
#define L0_FILE_H

#include <stddef.h>

int file_mkdirs(const char *path);		/* mkdir -p */
int file_write(const char *path, const char *data, size_t len);
/* Temp file in the same directory, fsync, rename, fsync of the directory. */
int file_write_atomic(const char *path, const char *data, size_t len);
int file_copy(const char *src, const char *dst);
/* At most max bytes of path into a malloc'd, NUL-terminated buffer. */
int file_read(const char *path, size_t max, char **out, size_t *len);
/* path -> target, replacing what was there in one rename. */
int file_symlink_atomic(const char *target, const char *path);

#endif
