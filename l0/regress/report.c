// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab report RUN [BASE]: gnuplot plots into RUN/plots/, each as SVG and PNG:
 * - <family>-<name>.svg/.png: the latency histogram of a scenario: linear bins of
 *   the raw samples when the run kept them (--raw), else its log2 histogram;
 * - compare.svg/.png (with BASE): the median change of every scenario in percent
 *   with its confidence interval (nestlab compare's numbers) and the threshold.
 * The data files and plots.gp stay beside the plots: `gnuplot plots.gp` redraws them.
 */
#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "l0/regress/commands.h"
#include "l0/regress/compare.h"
#include "l0/regress/doc.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/file.h"
#include "l0/sys/json.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

#define BINS 40
#define GNUPLOT_TIMEOUT_MS 120000

static int fail(const char *fmt, const char *a)
{
	fputs("nestlab report: ", stderr);
	fprintf(stderr, fmt, a);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

/*
 * Text from a results file as one gnuplot string: single quotes, where gnuplot
 * substitutes nothing (no `command`, no @macro, no backslash escapes) and '' is a quote;
 * control bytes (a newline would end the command) become '?'. Malloc'd.
 */
static char *gp_quote(const char *fmt, ...)
{
	va_list ap;
	char *text, *q, *o;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = xstrdup("");
	va_end(ap);
	o = q = xrealloc(NULL, 2 * strlen(text) + 3);
	*o++ = '\'';
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\'')
			*o++ = '\'';
		*o++ = *p < 0x20 || *p == 0x7f ? '?' : (char)*p;
	}
	*o++ = '\'';
	*o = '\0';
	free(text);
	return q;
}

/* A data file's quoted column: no quote or control byte may end it early. */
static char *dat_text(const char *s)
{
	char *t = xstrdup(s);

	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"')
			*p = '?';
	return t;
}

/* "apic/tpr-cr8" -> "apic-tpr-cr8": a file name. */
static char *slug(const char *name)
{
	char *s = xstrdup(name);

	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			*p = '-';
	return s;
}

/* Both terminals for one plot: the commands in body are drawn twice. */
static void both(FILE *gp, const char *base, const char *size, const char *body)
{
	fprintf(gp, "set terminal svg size %s dynamic font 'sans,11'\nset output '%s.svg'\n%s", size, base, body);
	fprintf(gp, "set terminal pngcairo size %s font 'sans,10'\nset output '%s.png'\n%s", size, base, body);
	fputs("unset output\n", gp);
}

/* Linear bins of the raw samples: "center count" lines. */
static void write_bins(FILE *d, json_object *samples, u64 *width, u64 *lo_out, u64 *hi_out)
{
	size_t n = json_object_array_length(samples), i;
	u64 lo = UINT64_MAX, hi = 0, count[BINS] = { 0 };

	for (i = 0; i < n; i++) {
		u64 v = json_object_get_uint64(json_object_array_get_idx(samples, i));

		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	*width = (hi - lo) / BINS + 1;
	*lo_out = lo;
	*hi_out = hi;
	for (i = 0; i < n; i++)
		count[(json_object_get_uint64(json_object_array_get_idx(samples, i)) - lo) / *width]++;
	for (i = 0; i < BINS; i++)
		if (count[i])
			fprintf(d, "%llu %llu\n", (unsigned long long)(lo + i * *width),
				(unsigned long long)count[i]);
}

/* One scenario's histogram: its data file and its plot commands; false when it has no latency. */
static bool histogram(FILE *gp, const char *dir, json_object *s, const char *l0)
{
	json_object *lat = json_get(s, "latency"), *samples = json_get(lat, "samples"), *h = json_get(lat, "histogram_log2");
	const char *unit = json_text(lat, "unit"), *median = json_text(lat, "median");
	char *name, *dat, *body, *title, *xlabel;
	u64 width = 1, lo = 0, hi = 0;
	FILE *d;

	if (!json_object_is_type(samples, json_type_array) || !json_all_u64(samples))
		samples = NULL;
	if (!json_object_is_type(h, json_type_object))
		h = NULL;
	if (!json_object_is_type(lat, json_type_object) || (!samples && !h) || !json_str(s, "name"))
		return false;
	name = slug(json_str(s, "name"));
	dat = xasprintf("%s/%s.dat", dir, name);
	if (!(d = fopen(dat, "w"))) {
		free(name);
		free(dat);
		return false;
	}
	if (samples && json_object_array_length(samples)) {
		write_bins(d, samples, &width, &lo, &hi);
		title = gp_quote("%s: %zu round trips, median %s %s (%s)", json_str(s, "name"),
				 json_object_array_length(samples), median, unit, l0);
		xlabel = gp_quote("%s (net of the timing overhead)", unit);
		body = xasprintf("set title %s noenhanced\n"
				 "set xlabel %s\nset ylabel 'samples'\n"
				 "set boxwidth %llu\nset style fill solid 0.6\nset xtics auto\nset yrange [0:*]\n"
				 "set xrange [%g:%g]\nplot '%s.dat' using ($1+%g):2 with boxes lc rgb '#3060a0' notitle\n",
				 title, xlabel, (unsigned long long)width,
				 (double)lo - 3.0 * width, (double)hi + 4.0 * width, name, width / 2.0);
	} else {
		json_object_object_foreach(h, k, v) {
			unsigned b;

			if (uint_parse(k, 0, 63, &b) && json_object_is_type(v, json_type_int))
				fprintf(d, "%u %d\n", b, json_object_get_int(v));
		}
		title = gp_quote("%s: median %s %s, log2 buckets (%s; run with --raw for samples)",
				 json_str(s, "name"), median, unit, l0);
		xlabel = gp_quote("floor(log2(%s))", unit);
		body = xasprintf("set title %s noenhanced\n"
				 "set xlabel %s\nset ylabel 'samples'\nset boxwidth 0.8\n"
				 "set style fill solid 0.6\nset xtics 1\nset yrange [0:*]\nset xrange [*:*]\n"
				 "plot '%s.dat' using 1:2 with boxes lc rgb '#3060a0' notitle\n",
				 title, xlabel, name);
	}
	fclose(d);
	both(gp, name, "800,450", body);
	free(title);
	free(xlabel);
	free(body);
	free(name);
	free(dat);
	return true;
}

/* compare.dat: "index name rel lo hi" per scenario with a latency on both sides. */
static bool comparison(FILE *gp, const char *dir, const char *base_path, json_object *run, int *rc)
{
	struct cmp_opts o = { .threshold = 2.0, .boot = { .resamples = 2000, .confidence = 95, .seed = 1 } };
	struct diag why;
	json_object *base = results_doc_load(base_path, &why);
	char *dat = xasprintf("%s/compare.dat", dir), *body;
	struct cmp_result r;
	size_t i, rows = 0;
	FILE *d;

	if (!base) {
		*rc = fail("%s", why.msg);
		free(dat);
		return false;
	}
	if (compare_docs(base, run, &o, &r) < 0) {
		fprintf(stderr, "nestlab report: no comparison chart: not comparable: %s\n", r.why.msg);
		*rc = EXIT_INCOMPARABLE;
	} else if ((d = fopen(dat, "w"))) {
		for (i = 0; i < r.n; i++) {
			const struct change *m = &r.s[i].median;

			char *label = dat_text(r.s[i].name);

			if (r.s[i].latency && m->have)
				fprintf(d, "%zu \"%s\" %.4f %.4f %.4f\n", rows++, label, m->rel,
					m->have_ci ? m->rel_lo : m->rel, m->have_ci ? m->rel_hi : m->rel);
			free(label);
		}
		fclose(d);
	}
	if (rows) {
		char *title = gp_quote("median change, NEW %s vs BASE %s (95%% CI, threshold +-%.0f%%)",
				       json_text(run, "run_id"), json_text(base, "run_id"), o.threshold);

		body = xasprintf("set title %s noenhanced\n"
				 "set ylabel 'change of the median, %%'\nset xlabel ''\nset xtics rotate by -60 font ',8'\n"
				 "set boxwidth 0.7\nset style fill solid 0.5\nset grid ytics\nset yrange [*:*]\n"
				 "set xrange [-1:%zu]\n"
				 "plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \\\n"
				 "     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \\\n"
				 "     %.2f with lines dt 2 lc rgb 'red' title 'threshold', -%.2f with lines dt 2 lc rgb 'red' notitle\n",
				 title, rows, o.threshold, o.threshold);
		both(gp, "compare", "1100,550", body);
		free(title);
		free(body);
	}
	compare_free(&r);
	json_object_put(base);
	free(dat);
	return rows > 0;
}

int cmd_report(int argc, char **argv)
{
	json_object *run, *scns, *env;
	struct diag why;
	char dir_abs[PATH_MAX], *dir, *gp_path, *log, gnuplot[PATH_MAX];
	struct stat st;
	size_t i, plots = 0;
	int rc = 0, e;
	FILE *gp;

	if (argc < 2 || argc > 3)
		return fail("usage: nestlab report RUN [BASE] (run directories or results.json)%s", "");
	if (proc_find("gnuplot", gnuplot, sizeof(gnuplot)))
		return fail("gnuplot not found: apt-get install gnuplot-nox%s", "");
	run = results_doc_load(argv[1], &why);
	if (!run)
		return fail("%s", why.msg);
	scns = json_get(run, "scenarios");
	if (!realpath(argv[1], dir_abs) || stat(dir_abs, &st))
		return json_object_put(run), fail("cannot resolve '%s'", argv[1]);
	if (!S_ISDIR(st.st_mode) && strrchr(dir_abs, '/'))
		*strrchr(dir_abs, '/') = '\0';
	dir = xasprintf("%s/plots", dir_abs);
	gp_path = xasprintf("%s/plots.gp", dir);
	e = file_mkdirs(dir);
	if (e || !(gp = fopen(gp_path, "w"))) {
		rc = fail("cannot write into %s: pass a run directory you can write", dir);
		goto out;
	}
	env = json_get(run, "environment");
	fprintf(gp, "# nestlab report: gnuplot plots.gp in this directory redraws the plots\n");
	for (i = 0; i < json_object_array_length(scns); i++)
		plots += histogram(gp, dir, json_object_array_get_idx(scns, i), json_text(env, "l0"));
	if (argc == 3)
		plots += comparison(gp, dir, argv[2], run, &rc);
	fclose(gp);
	log = xasprintf("%s/gnuplot.log", dir);
	e = proc_run((char *[]){ gnuplot, "plots.gp", NULL }, dir, log, GNUPLOT_TIMEOUT_MS);
	if (e) {
		rc = fail("gnuplot failed: see %s", log);
	} else {
		printf("report: %zu plots (SVG and PNG) in %s\n", plots, dir);
		if (argc == 3 && rc != EXIT_INCOMPARABLE)
			printf("comparison: %s/compare.svg\n", dir);
	}
	free(log);
out:
	free(dir);
	free(gp_path);
	json_object_put(run);
	return rc;
}
