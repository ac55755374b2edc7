// SPDX-License-Identifier: GPL-2.0-only
/*
 * record_flood NAME BYTES: about BYTES of valid exit records of scenario NAME on stdout,
 * each with a reason of its own (a guest flooding its console; l0/test/fake-bochs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/record.h"

int main(int argc, char **argv)
{
	unsigned long long bytes, n = 0, done = 0;
	char reason[32];

	if (argc != 3 || !(bytes = strtoull(argv[2], NULL, 10))) {
		fputs("usage: record_flood NAME BYTES\n", stderr);
		return 2;
	}
	while (done < bytes) {
		struct record r;
		const char *line;

		snprintf(reason, sizeof(reason), "R%llu", n);
		record_begin(&r, "exit");
		record_str(&r, "name", argv[1]);
		record_str(&r, "level", "l1");
		record_str(&r, "reason", reason);
		record_u64(&r, "count", n++);
		line = record_end(&r);
		if (fputs(line, stdout) == EOF)
			return 1;
		done += strlen(line);
	}
	return 0;
}
