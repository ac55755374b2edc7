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
#include "l0/image.h"

#define MB1_MAGIC 0x1badb002u
#define MB1_SEARCH 8192
#define MB2_MAGIC 0xe85250d6u
#define MB2_SEARCH 32768

static u32 word(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

int image_multiboot(const char *path, int *version)
{
	static u8 buf[MB2_SEARCH];
	int fd = open(path, O_RDONLY | O_CLOEXEC), e = 0;
	ssize_t n;
	size_t i;

	if (fd < 0)
		return -errno;
	n = pread(fd, buf, sizeof(buf), 0);
	if (n < 0)
		e = -errno;
	close(fd);
	if (e)
		return e;
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
