// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/types.h"
#include "l0/backend/image.h"

#define MB1_MAGIC 0x1badb002u
#define MB1_SEARCH 8192
#define MB2_MAGIC 0xe85250d6u
#define MB2_SEARCH 32768

static u32 word(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u16 half(const u8 *p)
{
	return p[0] | p[1] << 8;
}

/* The first size bytes of path (fewer if it is shorter) into buf; their count or -errno. */
static ssize_t read_head(const char *path, u8 *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = pread(fd, buf, size, 0);
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

int image_multiboot(const char *path, int *version)
{
	static u8 buf[MB2_SEARCH];
	ssize_t n = read_head(path, buf, sizeof(buf));
	size_t i;

	if (n < 0)
		return (int)n;
	for (i = 0; i + 12 <= (size_t)n && i < MB1_SEARCH; i += 4) {
		if (word(buf + i) == MB1_MAGIC && MB1_MAGIC + word(buf + i + 4) + word(buf + i + 8) == 0) {
			*version = 1;
			return 0;
		}
	}
	for (i = 0; i + 16 <= (size_t)n; i += 8) {
		if (word(buf + i) == MB2_MAGIC &&
		    MB2_MAGIC + word(buf + i + 4) + word(buf + i + 8) + word(buf + i + 12) == 0) {
			*version = 2;
			return 0;
		}
	}
	return -ENOEXEC;
}

/* PE/COFF: "MZ", e_lfanew at 0x3c, "PE\0\0", COFF Machine, then the optional header's
 * Magic (0x20b: PE32+) and Subsystem (10: EFI application) at offsets 0 and 68. */
int image_efi_app(const char *path)
{
	static u8 buf[4096];
	ssize_t n = read_head(path, buf, sizeof(buf));
	u32 pe;

	if (n < 0)
		return (int)n;
	if (n < 0x40 || buf[0] != 'M' || buf[1] != 'Z')
		return -ENOEXEC;
	pe = word(buf + 0x3c);
	if ((u64)pe + 24 + 70 > (u64)n || memcmp(buf + pe, "PE\0\0", 4))
		return -ENOEXEC;
	if (half(buf + pe + 4) != 0x8664 || half(buf + pe + 24) != 0x20b || half(buf + pe + 24 + 68) != 10)
		return -ENOEXEC;
	return 0;
}

int image_in_build(const char *rel, char *out, size_t size)
{
	char exe[PATH_MAX], up[PATH_MAX + 8], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n < 0)
		return -errno;
	exe[n] = '\0';
	snprintf(up, sizeof(up), "%s/..", dirname(exe));
	if (!realpath(up, build))
		return -errno;
	if ((size_t)snprintf(out, size, "%s/%s", build, rel) >= size)
		return -ENAMETOOLONG;
	return 0;
}

int image_default(char *out, size_t size)
{
	return image_in_build("l1/l1.elf", out, size);
}
