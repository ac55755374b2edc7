// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "l0/regress/samples.h"
#include "l0/sys/util.h"

/* "163,170,..." into out; the number of values, or -1 when malformed. */
static int parse_list(const char *v, u64 *out, size_t max)
{
	size_t n = 0;

	while (*v) {
		u64 x = 0;
		size_t digits = 0;

		for (; *v >= '0' && *v <= '9'; v++, digits++) {
			if (x > (UINT64_MAX - (u64)(*v - '0')) / 10)
				return -1;
			x = x * 10 + (u64)(*v - '0');
		}
		if (!digits || n == max || (*v && *v != ',') || (*v == ',' && !v[1]))
			return -1;
		out[n++] = x;
		if (*v)
			v++;
	}
	return (int)n;
}

const char *samples_take(u64 **samples, size_t *n, size_t *n_of, bool after_summary,
			 const struct record_parsed *r)
{
	u64 first, count, of, vals[SAMPLES_MAX];
	const char *v = record_get(r, "v");
	int got;

	if (after_summary)
		return "samples record after the latency record";
	if (record_get_u64(r, "first", &first) || record_get_u64(r, "count", &count) ||
	    record_get_u64(r, "of", &of) || !v)
		return "samples record without first, count, of and v";
	if (of == 0 || of > SAMPLES_MAX || count == 0 || count > of || first != *n ||
	    first + count > of || (*n && of != *n_of))
		return "samples record out of order or out of range";
	got = parse_list(v, vals, SAMPLES_MAX);
	if (got < 0 || (u64)got != count)
		return "samples record with a malformed list";
	*samples = xrealloc(*samples, (*n + count) * sizeof(**samples));
	memcpy(*samples + *n, vals, count * sizeof(*vals));
	*n += count;
	*n_of = of;
	return NULL;
}
