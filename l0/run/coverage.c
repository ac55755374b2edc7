// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/run/coverage.h"
#include "l0/run/run.h"
#include "l0/sys/file.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"
#include "lib/coverage.h"
#include "lib/crc32.h"

#define LCOV_TIMEOUT_MS (10 * 60 * 1000)

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

	if (!strcmp(r->type, "covfile")) {
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
	if (!strcmp(r->type, "covdata")) {
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

int coverage_totals(const char *lcov_info, struct cov_totals *t)
{
	FILE *f = fopen(lcov_info, "r");
	char line[4096];
	unsigned long long v;

	memset(t, 0, sizeof(*t));
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "LF:%llu", &v) == 1)
			t->lf += v;
		else if (sscanf(line, "LH:%llu", &v) == 1)
			t->lh += v;
		else if (sscanf(line, "FNF:%llu", &v) == 1)
			t->fnf += v;
		else if (sscanf(line, "FNH:%llu", &v) == 1)
			t->fnh += v;
	}
	fclose(f);
	return 0;
}

static double pct(u64 hit, u64 found)
{
	return found ? 100.0 * hit / found : 0;
}

int coverage_report(const struct run *r)
{
	char *dir = xasprintf("%s/coverage", r->dir), *log = xasprintf("%s/lcov.log", dir);
	char *all = xasprintf("%s/all.info", dir), *info = xasprintf("%s/lcov.info", dir);
	char *html = xasprintf("%s/html", dir);
	char *add[2 + 2 * 64 + 3];
	char *jobinfo[64] = { 0 };
	size_t i, nadd = 0, njobs = 0;
	unsigned files = 0;
	struct cov_totals t;
	int e = file_mkdirs(dir);

	for (i = 0; !e && i < r->njobs && njobs < 64; i++) {
		char *gcda = xasprintf("%s/gcda", r->jobs[i]->dir);
		char *argv[] = { "lcov", "--quiet", "--capture", "--directory", gcda,
				 "--output-file", NULL, NULL };

		if (access(gcda, R_OK) == 0) {
			jobinfo[njobs] = xasprintf("%s/job-%d.info", dir, r->jobs[i]->k);
			argv[6] = jobinfo[njobs];
			e = proc_run(argv, NULL, log, LCOV_TIMEOUT_MS);
			if (e == -ENOENT)
				fprintf(stderr, "nestlab: coverage: lcov is not installed (apt-get install lcov); "
					"the .gcda files are under %s/job-*/gcda\n", r->dir);
			else if (e)
				fprintf(stderr, "nestlab: coverage: lcov --capture failed: see %s\n", log);
			else
				njobs++;
		}
		free(gcda);
	}
	for (i = 0; i < r->njobs; i++)
		files += r->jobs[i]->cov_files;
	if (!e && !njobs) {
		fprintf(stderr, "nestlab: coverage: L1 sent no counters: build it with make COVERAGE=1 "
			"and run build/cov/l0/nestlab (or --image build/cov/l1/l1.elf)\n");
		e = -ENODATA;
	}
	if (!e) {
		add[nadd++] = "lcov";
		add[nadd++] = "--quiet";
		for (i = 0; i < njobs; i++) {
			add[nadd++] = "--add-tracefile";
			add[nadd++] = jobinfo[i];
		}
		add[nadd++] = "--output-file";
		add[nadd++] = all;
		add[nadd] = NULL;
		e = proc_run(add, NULL, log, LCOV_TIMEOUT_MS);
	}
	if (!e) {
		/* The project's own files: not the compiler's headers. */
		char *argv[] = { "lcov", "--quiet", "--remove", all, "/usr/*", "--output-file", info, NULL };

		e = proc_run(argv, NULL, log, LCOV_TIMEOUT_MS);
	}
	if (!e) {
		char *argv[] = { "genhtml", "--quiet", "--output-directory", html, info, NULL };

		e = proc_run(argv, NULL, log, LCOV_TIMEOUT_MS);
		if (e)
			fprintf(stderr, "nestlab: coverage: genhtml failed: see %s\n", log);
	} else if (njobs) {
		fprintf(stderr, "nestlab: coverage: lcov failed: see %s\n", log);
	}
	if (!e && !coverage_totals(info, &t))
		printf("coverage: %s (%u .gcda files; lines %.1f%% of %llu, functions %.1f%% of %llu)\n",
		       info, files, pct(t.lh, t.lf), (unsigned long long)t.lf, pct(t.fnh, t.fnf),
		       (unsigned long long)t.fnf);
	for (i = 0; i < njobs; i++)
		free(jobinfo[i]);
	free(dir);
	free(log);
	free(all);
	free(info);
	free(html);
	return e;
}
