// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>

#include "l0/regress/shard.h"

bool shard_parse(const char *s, unsigned *i, unsigned *n)
{
	char *end;
	unsigned long a, b;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	a = strtoul(s, &end, 10);
	if (errno || *end != '/' || end[1] < '0' || end[1] > '9')
		return false;
	b = strtoul(end + 1, &end, 10);
	if (errno || *end || a < 1 || b < 1 || a > b || b > 1024)
		return false;
	*i = a;
	*n = b;
	return true;
}

size_t shard_select(const struct scenario_info **sel, size_t count, unsigned i, unsigned n)
{
	size_t k, kept = 0;

	for (k = 0; k < count; k++)
		if (k % n == i - 1)
			sel[kept++] = sel[k];
	return kept;
}
