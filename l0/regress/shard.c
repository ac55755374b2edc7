// SPDX-License-Identifier: GPL-2.0-only
#include "lib/run_options.h"
#include "l0/regress/shard.h"
#include "l0/sys/util.h"

bool shard_parse(const char *s, unsigned *i, unsigned *n)
{
	unsigned a, b;
	const char *end = uint_scan(s, RUNOPT_SHARD_MIN, RUNOPT_SHARD_MAX, &a);

	if (!end || *end != '/' || !uint_parse(end + 1, RUNOPT_SHARD_MIN, RUNOPT_SHARD_MAX, &b) || a > b)
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
