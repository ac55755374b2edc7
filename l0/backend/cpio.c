// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/cpio.h"
#include "l0/sys/file.h"

#define CPIO_MAX (256u << 20)

/* Header: "070701" and 13 fields of 8 hex digits; name and data padded to 4 bytes. */
static void entry(FILE *f, const char *name, unsigned mode, const char *data, size_t size)
{
	size_t namesize = strlen(name) + 1;
	static const char zeros[4];

	fprintf(f, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
		0u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u, namesize, 0u);
	fwrite(name, 1, namesize, f);
	fwrite(zeros, 1, (4 - (110 + namesize) % 4) % 4, f);
	fwrite(data, 1, size, f);
	fwrite(zeros, 1, (4 - size % 4) % 4, f);
}

int cpio_write_files(const char *archive, const char *const names[], const char *const srcs[], size_t n)
{
	FILE *f = fopen(archive, "wbe");
	int e = f ? 0 : -errno;

	for (size_t i = 0; !e && i < n; i++) {
		char *data = NULL;
		size_t len = 0;

		if (srcs[i] && (e = file_read(srcs[i], CPIO_MAX, &data, &len)))
			break;
		entry(f, names[i], srcs[i] ? 0100644 : 040755, srcs[i] ? data : "", len);
		free(data);
	}
	if (!f)
		return e;
	entry(f, "TRAILER!!!", 0, "", 0);
	if (!e && ferror(f))
		e = -EIO;
	if (fclose(f) && !e)
		e = -errno;
	return e;
}

int cpio_write_file(const char *archive, const char *name, const char *src)
{
	return cpio_write_files(archive, &name, &src, 1);
}
