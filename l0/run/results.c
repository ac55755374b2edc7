// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "l0/backend/efi.h"
#include "l0/sys/file.h"
#include "l0/sys/json.h"
#include "l0/run/output.h"
#include "l0/sys/proc.h"
#include "l0/run/results.h"
#include "l0/sys/util.h"

int results_create_dir(const char *root, const char *backend, time_t t, char **id, char **dir)
{
	char stamp[32];
	struct tm tm;
	unsigned short rnd;
	int e = file_mkdirs(root), tries;

	if (e)
		return e;
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", gmtime_r(&t, &tm));
	for (tries = 0; tries < 16; tries++) {
		if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
			rnd = (unsigned short)(rand() ^ tries);
		*id = xasprintf("%s-%s-%04x", stamp, backend, rnd);
		*dir = xasprintf("%s/%s", root, *id);
		if (!mkdir(*dir, 0755))
			return 0;
		e = -errno;
		free(*id);
		free(*dir);
		if (e != -EEXIST)
			return e;
	}
	return -EEXIST;
}

/* "abc1234", "abc1234-dirty" or "unknown" */
static char *git_revision(const char *srcdir)
{
	char rev[128], status[256];
	size_t n;

	if (!srcdir || proc_capture((char *[]){ "git", "-C", (char *)srcdir, "rev-parse", "--short", "HEAD", NULL },
				    rev, sizeof(rev), 5000))
		return xstrdup("unknown");
	n = strspn(rev, "0123456789abcdef");
	if (!n)
		return xstrdup("unknown");
	rev[n] = '\0';
	if (proc_capture((char *[]){ "git", "-C", (char *)srcdir, "status", "--porcelain",
				     "--untracked-files=no", NULL }, status, sizeof(status), 5000) || status[0])
		return xasprintf("%s-dirty", rev);
	return xstrdup(rev);
}

static json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static json_object *jnum(u64 v)
{
	return json_object_new_uint64(v);
}

static void add(json_object *o, const char *key, json_object *v)
{
	json_object_object_add(o, key, v);
}

/* "none": no L0 below L1 to instrument; "traced" when any scenario was timed traced. */
static const char *timing_kind(const struct run *r)
{
	if (r->o->be->emulator)
		return "none";
	for (size_t i = 0; i < r->n; i++)
		if (r->scn[i].l0pass.have_timed && r->scn[i].l0pass.traced)
			return "traced";
	return "untraced";
}

static json_object *environment(const struct run *r)
{
	json_object *env = json_object_new_object(), *feat = json_object_new_object();
	json_object *msrs = json_object_new_object();
	struct utsname u;
	char *rev = git_revision(r->o->srcdir);
	size_t i;

	add(env, "backend", jstr(r->o->be->name));
	add(env, "arch", jstr(r->o->be->arch ? r->o->be->arch : "x86"));
	add(env, "l0", jstr(r->l0_version));
	if (r->l0_params)
		add(env, "l0_params", jstr(r->l0_params));
	if (r->l0_inputs) {	/* our own file (lab-build's), but read as any input is */
		json_object *in = json_parse_doc(r->l0_inputs, strlen(r->l0_inputs));

		if (json_object_is_type(in, json_type_object))
			add(env, "l0_inputs", in);
		else
			json_object_put(in);
	}
	add(env, "cpu_model", jstr(r->o->be->cpu_model ? r->o->be->cpu_model(r->o) : NULL));
	add(env, "boot", jstr(r->o->boot_efi ? "efi" : "bios"));	/* --boot */
	add(env, "l0_timing", jstr(timing_kind(r)));
	if (r->o->boot_efi)
		add(env, "firmware", jstr(efi_firmware_path()));
	if (r->env.l1_boot)
		add(env, "l1_boot", jstr(r->env.l1_boot));	/* L1's begin record */
	if (r->env.cpu_vendor)
		add(env, "cpu_vendor", jstr(r->env.cpu_vendor));
	if (r->env.cpu_brand)
		add(env, "cpu_brand", jstr(r->env.cpu_brand));
	for (i = 0; i < r->env.nfeatures; i++)
		add(feat, r->env.features[i].name, json_object_new_boolean(r->env.features[i].value[0] == '1'));
	add(env, "vmx_features", feat);
	for (i = 0; i < r->env.nmsrs; i++)
		add(msrs, r->env.msrs[i].name, jstr(r->env.msrs[i].value));
	add(env, "vmx_msrs", msrs);
	add(env, "git_revision", jstr(rev));
	free(rev);
	if (!uname(&u)) {
		char *h = xasprintf("%s %s %s", u.sysname, u.release, u.machine);	/* no host name */

		add(env, "host", jstr(h));
		free(h);
	}
	add(env, "nestlab_version", jstr(NESTLAB_VERSION));
	return env;
}

static json_object *options(const struct run *r)
{
	json_object *o = json_object_new_object();

	add(o, "jobs", jnum(r->o->jobs));
	add(o, "timeout_s", jnum(r->o->timeout_s));
	add(o, "iters", r->o->iters ? jnum(r->o->iters) : NULL);
	add(o, "warmup", r->o->warmup_set ? jnum(r->o->warmup) : NULL);
	add(o, "inject_delay", jnum(r->o->inject_delay));
	add(o, "raw", json_object_new_boolean(r->o->raw));
	if (r->o->shard_n) {
		char *shard = xasprintf("%u/%u", r->o->shard_i, r->o->shard_n);

		add(o, "shard", jstr(shard));
		free(shard);
	}
	add(o, "break", jstr(r->o->break_name));
	add(o, "l0_param", jstr(r->o->l0_params));	/* --l0-param: the set this run used */
	if (!strncmp(r->o->be->name, "lab-", 4))
		add(o, "attribute", jstr(r->o->attribute_off ? "off" : "on"));
	add(o, "model", jstr(r->o->model));
	add(o, "boot", jstr(r->o->boot_efi ? "efi" : "bios"));
	add(o, "image", jstr(r->o->image));
	return o;
}

static json_object *latency(const struct latency *l)
{
	json_object *o = json_object_new_object(), *h = json_object_new_object();
	char k[16];
	unsigned i;

	add(o, "unit", jstr(l->unit));
	add(o, "n", jnum(l->n));
	add(o, "warmup", jnum(l->warmup));
	add(o, "overhead", l->have_overhead ? jnum(l->overhead) : NULL);
	add(o, "min", jnum(l->min));
	add(o, "median", jnum(l->median));
	add(o, "p90", jnum(l->p90));
	add(o, "p99", jnum(l->p99));
	add(o, "max", jnum(l->max));
	add(o, "mean", jnum(l->mean));
	add(o, "stddev", jnum(l->stddev));
	for (i = 0; i < LATENCY_BUCKETS; i++) {
		if (!l->hist[i])
			continue;
		snprintf(k, sizeof(k), "%u", i);
		add(h, k, jnum(l->hist[i]));
	}
	add(o, "histogram_log2", l->have_hist ? h : (json_object_put(h), NULL));
	if (l->nsamples) {
		json_object *a = json_object_new_array_ext((int)l->nsamples);

		for (i = 0; i < l->nsamples; i++)
			json_object_array_add(a, jnum(l->samples[i]));
		add(o, "samples", a);
	}
	return o;
}

static void add_word(const char *word, void *arr)
{
	json_object_array_add(arr, jstr(word));
}

static json_object *words(const char *list)
{
	json_object *a = json_object_new_array();

	l0pass_words(list, add_word, a);
	return a;
}

/* How L0 was instrumented while the scenario was timed, and its counting pass (if any). */
static json_object *l0_timing(const struct l0pass *p)
{
	json_object *o = json_object_new_object();

	add(o, "traced", json_object_new_boolean(p->traced));
	add(o, "counters", words(p->timed_counters));
	if (p->have_count) {
		json_object *c = json_object_new_object();

		add(c, "counters", words(p->count_counters));
		add(c, "exits", jnum(p->count_exits));
		add(c, "irq_exits", jnum(p->count_irq_exits));
		add(o, "counting_pass", c);
	} else {
		add(o, "counting_pass", NULL);
	}
	return o;
}

/* L0 events in the timed window that can disturb a sample: KVM's vCPU stats. */
static json_object *l0_events(const struct scn_result *s)
{
	static const char *const names[] = { "irq_exits", "l1d_flush" };
	json_object *o = json_object_new_object();

	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		u64 v = 0;

		for (size_t i = 0; i < s->nl0_stats; i++)
			if (!strcmp(s->l0_stats[i].level, "vcpu") && !strcmp(s->l0_stats[i].reason, names[k]))
				v = s->l0_stats[i].count;
		add(o, names[k], jnum(v));
	}
	return o;
}

static json_object *scenario(const struct scn_result *s)
{
	json_object *o = json_object_new_object(), *exits = json_object_new_object();
	json_object *checks = json_object_new_array();
	size_t i;

	add(o, "name", jstr(s->info->name));
	add(o, "description", jstr(s->info->desc));
	add(o, "verdict", jstr(verdict_name(s->verdict)));
	add(o, "iterations", s->have_iterations ? jnum(s->iterations) : NULL);
	if (s->why)
		add(o, "why", jstr(s->why));
	for (i = 0; i < s->nexits; i++) {
		json_object *level;

		if (!json_object_object_get_ex(exits, s->exits[i].level, &level)) {
			level = json_object_new_object();
			add(exits, s->exits[i].level, level);
		}
		add(level, s->exits[i].reason, jnum(s->exits[i].count));
	}
	add(o, "exits", exits);
	if (s->nl0_stats) {
		json_object *stats = json_object_new_object();

		for (i = 0; i < s->nl0_stats; i++) {
			json_object *level;

			if (!json_object_object_get_ex(stats, s->l0_stats[i].level, &level)) {
				level = json_object_new_object();
				add(stats, s->l0_stats[i].level, level);
			}
			add(level, s->l0_stats[i].reason, jnum(s->l0_stats[i].count));
		}
		add(o, "l0_stats", stats);
	}
	if (s->l0pass.have_timed)
		add(o, "l0_timing", l0_timing(&s->l0pass));
	if (s->lat.have) {
		json_object *l = latency(&s->lat);

		if (s->l0pass.have_timed)
			add(l, "l0_events", l0_events(s));
		add(o, "latency", l);
	}
	for (i = 0; i < s->nchecks; i++) {
		json_object *c = json_object_new_object();

		add(c, "status", jstr(s->checks[i].status));
		add(c, "what", jstr(s->checks[i].what));
		json_object_array_add(checks, c);
	}
	add(o, "checks", checks);
	if (s->nnotes) {
		json_object *notes = json_object_new_array();

		for (i = 0; i < s->nnotes; i++)
			json_object_array_add(notes, jstr(s->notes[i]));
		add(o, "notes", notes);
	}
	if (s->attribution) {	/* a lab's FAIL re-run bare (l0/run/attribute.h) */
		json_object *a = json_object_new_object(), *bare = json_object_new_array();

		add(a, "label", jstr(s->attribution));
		for (i = 0; i < s->nbare; i++) {
			json_object *b = json_object_new_object();

			add(b, "l0", jstr(s->bare[i].l0));
			add(b, "verdict", jstr(verdict_name(s->bare[i].verdict)));	/* NOTRUN: it could not */
			add(b, "results", jstr(s->bare[i].results));
			json_object_array_add(bare, b);
		}
		add(a, "bare", bare);
		add(o, "attribution", a);
	}
	add(o, "job", s->job >= 0 ? json_object_new_int(s->job) : NULL);
	add(o, "runs", jnum(s->runs));
	if (s->job >= 0) {
		char *log = xasprintf("job-%d/serial.log", s->job);

		add(o, "log", jstr(log));
		free(log);
	} else {
		add(o, "log", NULL);
	}
	return o;
}

json_object *results_json(const struct run *r)
{
	json_object *root = json_object_new_object(), *scns = json_object_new_array();
	json_object *sum = json_object_new_object(), *warn = json_object_new_array();
	struct summary s;
	char when[32], dur[32];
	struct tm tm;
	size_t i;

	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&r->started, &tm));
	snprintf(dur, sizeof(dur), "%.3f", r->duration_s);
	add(root, "schema_version", json_object_new_int(RESULTS_SCHEMA_VERSION));
	add(root, "run_id", jstr(r->id));
	add(root, "started", jstr(when));
	add(root, "duration_s", json_object_new_double_s(r->duration_s, dur));
	add(root, "environment", environment(r));
	add(root, "options", options(r));
	for (i = 0; i < r->n; i++)
		json_object_array_add(scns, scenario(&r->scn[i]));
	add(root, "scenarios", scns);
	summary_count(r, &s);
	add(sum, "total", jnum(s.total));
#define X(key) add(sum, #key, jnum(s.key));
	VERDICT_TOTALS(X)
#undef X
	add(root, "summary", sum);
	add(root, "interrupted", json_object_new_boolean(r->interrupted));
	for (i = 0; i < r->env.nwarnings; i++)
		json_object_array_add(warn, jstr(r->env.warnings[i]));
	add(root, "warnings", warn);
	return root;
}

static char *summary_text(const struct run *r, const char *json_path)
{
	char *text = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&text, &len);
	struct summary s;

	if (!f)
		return NULL;
	for (i = 0; i < r->n; i++)
		output_scenario(f, &r->scn[i], false);
	summary_count(r, &s);
	output_summary_line(f, &s);
	fprintf(f, "results: %s\n", json_path);
	for (i = 0; i < r->env.nwarnings; i++)
		fprintf(f, "warning: %s\n", r->env.warnings[i]);
	if (fclose(f)) {
		free(text);
		return NULL;
	}
	return text;
}

int results_write(const struct run *r, struct diag *why)
{
	json_object *root = results_json(r);
	const char *json = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
							  JSON_C_TO_STRING_SPACED |
							  JSON_C_TO_STRING_NOSLASHESCAPE);
	char *path = xasprintf("%s/results.json", r->dir);
	char *text = xasprintf("%s\n", json);
	char *sum_path = xasprintf("%s/summary.txt", r->dir), *sum = summary_text(r, path);
	char *latest = xasprintf("%s/latest", r->o->results);
	int e;

	json_object_put(root);
	e = file_write_atomic(path, text, strlen(text));
	if (e) {
		diag_set(why, e, "cannot write %s: %s: free disk space or pass another --results DIR",
			 path, strerror(-e));
		goto out;
	}
	e = sum ? file_write_atomic(sum_path, sum, strlen(sum)) : -ENOMEM;
	if (e) {
		diag_set(why, e, "cannot write %s: %s: free disk space", sum_path, strerror(-e));
		goto out;
	}
	e = file_symlink_atomic(r->id, latest);
	if (e)
		diag_set(why, e, "cannot point %s at %s: %s: remove %s", latest, r->id, strerror(-e), latest);
out:
	free(path);
	free(text);
	free(sum_path);
	free(sum);
	free(latest);
	return e;
}
