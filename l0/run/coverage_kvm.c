// SPDX-License-Identifier: GPL-2.0-only
/*
 * KVM's own coverage in the lab (docs/coverage.md): a lab kernel built by
 * scripts/kvm-gcov-kernel has gcov for arch/x86/kvm, and the lab's init sends the .gcda
 * files of /sys/kernel/debug/gcov after the run as a base64 tar on "@lab gcov" lines, which
 * the lab back end keeps in job-N/lab.log. Here they become <run>/coverage-kvm/job-N/...,
 * with the kernel tree's .gcno files beside them, then all.info (every file, kernel
 * headers included), lcov.info (arch/x86/kvm and virt/kvm only) and html/ of the latter.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/run/coverage.h"
#include "l0/run/run.h"
#include "l0/sys/file.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

#define GCOV_PREFIX "@lab gcov "
#define LAB_LOG_MAX (64u << 20)
#define TOOL_TIMEOUT_MS (10 * 60 * 1000)

static int b64(char ch)
{
	const char *set = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(set, ch) : NULL;

	return p ? (int)(p - set) : -1;
}

/* The "@lab gcov" lines of text, decoded, into out (malloc'd); its length, 0 when none. */
static size_t gcov_lines(const char *text, size_t len, unsigned char **out)
{
	const char *l, *end = text + len, *next;
	size_t n = 0, cap = 0;
	unsigned acc = 0, bits = 0;

	*out = NULL;
	for (l = text; l < end; l = next + 1) {
		next = memchr(l, '\n', end - l);
		if (!next)
			next = end;
		if ((size_t)(next - l) < strlen(GCOV_PREFIX) || memcmp(l, GCOV_PREFIX, strlen(GCOV_PREFIX)))
			continue;
		for (const char *p = l + strlen(GCOV_PREFIX); p < next; p++) {
			int v = b64(*p);

			if (v < 0)
				continue;	/* '=' padding, '\r' */
			acc = (acc << 6 | v) & 0xffffff;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				if (n == cap)
					*out = xrealloc(*out, cap = cap ? 2 * cap : 65536);
				(*out)[n++] = (unsigned char)(acc >> bits);
			}
		}
	}
	return n;
}

/* nftw has no argument: the tree being walked. */
static size_t walk_root_len;

/* For each .gcda under the extracted tree, the kernel tree's .gcno at the same absolute path. */
static int add_gcno(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	size_t n = strlen(path);

	(void)st, (void)ftw;
	if (flag == FTW_F && n > 5 && !strcmp(path + n - 5, ".gcda")) {
		char *gcno = xasprintf("%.*s.gcno", (int)(n - walk_root_len - 5), path + walk_root_len);
		char *dst = xasprintf("%.*s.gcno", (int)(n - 5), path);

		if (access(gcno, R_OK) == 0)
			file_copy(gcno, dst);
		free(gcno);
		free(dst);
	}
	return 0;
}

/* One job's data into dir/job-K/; 0, -ENODATA when it has none. */
static int unpack(const struct job *j, const char *dir, const char *log, char **tree)
{
	char *lab_log = xasprintf("%s/lab.log", j->dir), *text = NULL;
	char *tgz = xasprintf("%s/job-%d.tar.gz", dir, j->k);
	unsigned char *data = NULL;
	size_t len = 0, n = 0;
	int e = file_read(lab_log, LAB_LOG_MAX, &text, &len);

	*tree = xasprintf("%s/job-%d", dir, j->k);
	if (!e)
		n = gcov_lines(text, len, &data);
	if (!e && !n)
		e = -ENODATA;
	if (!e)
		e = file_write(tgz, (const char *)data, n);
	if (!e)
		e = file_mkdirs(*tree);
	if (!e) {
		char *argv[] = { "tar", "-xzf", tgz, "-C", *tree, NULL };

		e = proc_run(argv, NULL, log, TOOL_TIMEOUT_MS);
	}
	if (!e) {
		walk_root_len = strlen(*tree);
		e = nftw(*tree, add_gcno, 16, FTW_PHYS) ? -errno : 0;
	}
	free(lab_log);
	free(text);
	free(tgz);
	free(data);
	return e;
}

int coverage_kvm_report(const struct run *r)
{
	char *dir = xasprintf("%s/coverage-kvm", r->dir), *log = xasprintf("%s/lcov.log", dir);
	char *info = xasprintf("%s/lcov.info", dir), *html = xasprintf("%s/html", dir);
	char *all = xasprintf("%s/all.info", dir);
	char *add[4 + 2 * 64], *infos[64] = { 0 };
	size_t i, nadd = 0, n = 0;
	struct cov_totals t;
	int e = 0;

	for (i = 0; i < r->njobs && n < 64; i++) {
		char *tree = NULL;

		if (!e && access(dir, F_OK))
			e = file_mkdirs(dir);
		if (!e && !unpack(r->jobs[i], dir, log, &tree)) {
			char *argv[] = { "lcov", "--quiet", "--capture", "--directory", tree,
					 "--output-file", NULL, NULL };

			infos[n] = xasprintf("%s.info", tree);
			argv[6] = infos[n];
			e = proc_run(argv, NULL, log, TOOL_TIMEOUT_MS);
			if (e)
				fprintf(stderr, "nestlab: coverage-kvm: lcov --capture failed: see %s\n", log);
			else
				n++;
		}
		free(tree);
	}
	if (!n) {
		e = -ENODATA;	/* a lab kernel without gcov: nothing to say */
		goto out;
	}
	add[nadd++] = "lcov";
	add[nadd++] = "--quiet";
	for (i = 0; i < n; i++) {
		add[nadd++] = "--add-tracefile";
		add[nadd++] = infos[i];
	}
	add[nadd++] = "--output-file";
	add[nadd++] = all;
	add[nadd] = NULL;
	e = proc_run(add, NULL, log, TOOL_TIMEOUT_MS);
	if (!e) {
		/* KVM's own files, not the kernel headers its inline functions come from. */
		char *argv[] = { "lcov", "--quiet", "--extract", all, "*/arch/x86/kvm/*", "*/virt/kvm/*",
				 "--output-file", info, NULL };

		e = proc_run(argv, NULL, log, TOOL_TIMEOUT_MS);
	}
	if (!e) {
		char *argv[] = { "genhtml", "--quiet", "--output-directory", html, info, NULL };

		e = proc_run(argv, NULL, log, TOOL_TIMEOUT_MS);
	}
	if (e)
		fprintf(stderr, "nestlab: coverage-kvm: lcov or genhtml failed: see %s\n", log);
	else if (!coverage_totals(info, &t))
		printf("coverage-kvm: %s (KVM: lines %.1f%% of %llu, functions %.1f%% of %llu)\n", info,
		       t.lf ? 100.0 * t.lh / t.lf : 0, (unsigned long long)t.lf,
		       t.fnf ? 100.0 * t.fnh / t.fnf : 0, (unsigned long long)t.fnf);
out:
	for (i = 0; i < n; i++)
		free(infos[i]);
	free(dir);
	free(log);
	free(info);
	free(all);
	free(html);
	return e;
}
