// SPDX-License-Identifier: GPL-2.0-only
/* nestlab run --coverage: the sink that turns L1's coverage records into .gcda files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/run/cov_sink.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"
#include "lib/coverage.h"
#include "lib/crc32.h"
#include "lib/record_types.h"

struct cov_sink {
	char *dir;
	bool open;		/* a covfile came; its covend not yet */
	u64 n;
	char *path;		/* as L1 named it */
	unsigned char *buf;
	size_t len;
	unsigned files;
};

struct cov_sink *cov_sink_new(const char *dir)
{
	struct cov_sink *c = xrealloc(NULL, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->dir = xstrdup(dir);
	return c;
}

static void drop(struct cov_sink *c)
{
	free(c->path);
	free(c->buf);
	c->path = NULL;
	c->buf = NULL;
	c->len = 0;
	c->open = false;
}

/* An absolute path of a .gcda with no "." or ".." component: L1's output is untrusted. */
static bool path_ok(const char *p)
{
	size_t n = strlen(p);

	if (p[0] != '/' || n < 6 || strcmp(p + n - 5, ".gcda") || strstr(p, "/../") ||
	    strstr(p, "/./") || strstr(p, "//"))
		return false;
	for (; *p; p++)
		if (*p < '!' || *p > '~')
			return false;
	return true;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* d= (lib/coverage.h) appended to c->buf; false if malformed or over the file limit. */
static bool decode(struct cov_sink *c, const char *d)
{
	while (*d) {
		bool zeros = *d == 'z';
		int hi, lo;
		size_t k;

		d += zeros;
		if ((hi = hexval(d[0])) < 0 || (lo = hexval(d[1])) < 0)
			return false;
		d += 2;
		k = zeros ? (size_t)(hi << 4 | lo) : 1;
		if (!k || c->len + k > COVERAGE_FILE_MAX)
			return false;
		c->buf = xrealloc(c->buf, c->len + k);
		memset(c->buf + c->len, zeros ? 0 : hi << 4 | lo, k);
		c->len += k;
	}
	return true;
}

/* The finished file into the job's gcda/ tree, with the build's .gcno beside it. */
static const char *store(struct cov_sink *c)
{
	char *out = xasprintf("%s/gcda%s", c->dir, c->path), *slash = strrchr(out, '/');
	char *gcno = xasprintf("%.*s.gcno", (int)(strlen(c->path) - 5), c->path);
	char *gcno_out = xasprintf("%.*s.gcno", (int)(strlen(out) - 5), out);
	const char *err = NULL;

	*slash = '\0';
	if (file_mkdirs(out))
		err = "cannot create the gcda directory";
	*slash = '/';
	if (!err && file_write(out, (const char *)c->buf, c->len))
		err = "cannot write a .gcda file";
	if (!err && access(gcno, R_OK) == 0 && file_copy(gcno, gcno_out))
		err = "cannot copy a .gcno file";
	if (!err)
		c->files++;
	free(out);
	free(gcno);
	free(gcno_out);
	return err;
}

const char *cov_sink_record(struct cov_sink *c, const struct record_parsed *r)
{
	const char *path, *d, *err = NULL;
	u64 n, off, len, crc;

	if (record_type_find(r->type) == RECORD_COVFILE) {
		path = record_get(r, "path");
		drop(c);
		if (record_get_u64(r, "n", &n) || !path || !path_ok(path))
			return "covfile without n or with a path that is not an absolute .gcda";
		c->n = n;
		c->path = xstrdup(path);
		c->open = true;
		return NULL;
	}
	if (!c->open || record_get_u64(r, "n", &n) || n != c->n) {
		drop(c);
		return "coverage record of no open file";
	}
	if (record_type_find(r->type) == RECORD_COVDATA) {
		d = record_get(r, "d");
		if (record_get_u64(r, "off", &off) || off != c->len || !d || !decode(c, d)) {
			drop(c);
			return "covdata out of order or malformed";
		}
		return NULL;
	}
	if (record_get_u64(r, "len", &len) || record_get_u64(r, "crc", &crc) || len != c->len ||
	    crc != crc32(c->buf, c->len))
		err = "covend: length or CRC does not match the data";
	else
		err = store(c);
	drop(c);
	return err;
}

unsigned cov_sink_files(const struct cov_sink *c)
{
	return c ? c->files : 0;
}

void cov_sink_free(struct cov_sink *c)
{
	if (!c)
		return;
	drop(c);
	free(c->dir);
	free(c);
}
