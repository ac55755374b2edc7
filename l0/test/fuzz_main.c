// SPDX-License-Identifier: GPL-2.0-only
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/test.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"
#include "l0/test/fuzz_main.h"

#define SEED_MAX (1u << 20)

static unsigned long long state = 0x9e3779b97f4a7c15ull;

static size_t below(size_t n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return n ? (size_t)(state % n) : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fuzz_main(const char *corpus_dir, unsigned mutations)
{
	char **seed = NULL, **names = NULL, *buf;
	size_t *len = NULL, n = 0, nnames = 0, cap, i;
	DIR *d = opendir(corpus_dir);
	struct dirent *e;

	CHECK(d, "seed corpus %s: run from the source tree", corpus_dir);
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			APPEND(names, nnames, xasprintf("%s/%s", corpus_dir, e->d_name));
	if (d)
		closedir(d);
	qsort(names, nnames, sizeof(*names), by_name);	/* the same order on every machine */
	for (i = 0; i < nnames; i++) {
		char *text;
		size_t l;

		if (file_read(names[i], SEED_MAX, &text, &l))
			continue;
		LLVMFuzzerTestOneInput((const uint8_t *)text, l);
		CHECK(1, "seed %s", names[i]);
		seed = xrealloc(seed, (n + 1) * sizeof(*seed));
		len = xrealloc(len, (n + 1) * sizeof(*len));
		seed[n] = text;
		len[n++] = l;
		free(names[i]);
	}
	free(names);
	CHECK(n > 0, "seed corpus %s is empty", corpus_dir);
	for (unsigned m = 0; n && m < mutations; m++) {
		size_t k = below(n), l = len[k], edits = 1 + below(8);

		cap = l + len[(k + 1) % n] + 64;
		buf = xrealloc(NULL, cap);
		memcpy(buf, seed[k], l);
		while (edits--) {
			size_t pos = below(l + 1);

			switch (below(4)) {
			case 0:		/* a byte changed */
				if (l)
					buf[below(l)] ^= (char)(1 + below(255));
				break;
			case 1:		/* a byte inserted */
				if (l + 1 < cap) {
					memmove(buf + pos + 1, buf + pos, l - pos);
					buf[pos] = (char)below(256);
					l++;
				}
				break;
			case 2:		/* cut here */
				l = pos;
				break;
			default: {	/* the tail of another seed spliced in */
				size_t o = below(n), from = below(len[o] + 1), take = len[o] - from;

				if (pos + take > cap - 1)
					take = cap - 1 - pos;
				memcpy(buf + pos, seed[o] + from, take);
				l = pos + take;
			}
			}
		}
		LLVMFuzzerTestOneInput((const uint8_t *)buf, l);
		free(buf);
	}
	CHECK(1, "%u mutations", mutations);
	for (i = 0; i < n; i++)
		free(seed[i]);
	free(seed);
	free(len);
	return test_done();
}
