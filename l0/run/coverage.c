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

#define LCOV_TIMEOUT_MS (10 * 60 * 1000)

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
