// SPDX-License-Identifier: GPL-2.0-only
/* A results.json as a KCIDB 5.3 report (kcidb.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/kmod.h"
#include "l0/regress/kcidb.h"
#include "l0/sys/file.h"
#include "l0/sys/json.h"
#include "l0/sys/util.h"

#define EXCERPT_MAX 16384	/* the schema's maxLength of log_excerpt */

static void add(json_object *o, const char *key, json_object *v)
{
	if (v)	/* KCIDB allows no null: an absent value is left out */
		json_object_object_add(o, key, v);
}

static json_object *str(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

static json_object *copy(json_object *o)
{
	json_object *c = NULL;

	return o && !json_object_deep_copy(o, &c, NULL) ? c : NULL;
}

/* "nestlab:" + text, or + the first 16 hex digits of text's sha256 (hash true). */
static char *id_of(const char *a, const char *b, bool hash_b)
{
	char hex[65];

	if (!hash_b)
		return b ? xasprintf("%s:%s:%s", KCIDB_ORIGIN, a, b) : xasprintf("%s:%s", KCIDB_ORIGIN, a);
	kmod_sha256(b, strlen(b), hex);
	return xasprintf("%s:%s:%.16s", KCIDB_ORIGIN, a, hex);
}

/* PASS, FAIL, SKIP as they are; a test that did not complete ERROR; one never run MISS. */
static const char *status_of(const char *verdict)
{
	static const char *const same[] = { "PASS", "FAIL", "SKIP" }, *const error[] = { "ERROR", "CRASH", "TIMEOUT" };

	for (size_t i = 0; i < 3; i++) {
		if (!strcmp(verdict, same[i]))
			return same[i];
		if (!strcmp(verdict, error[i]))
			return "ERROR";
	}
	return "MISS";
}

/* The kernel under test: "Linux X" of the L0 line (the labs), else the host's (kvm back
 * ends), else the L0 itself (an emulator: no kernel under test). */
static char *release_of(json_object *env)
{
	const char *l0 = json_text(env, "l0"), *be = json_text(env, "backend"), *p = strstr(l0, "Linux ");

	if (p)
		return xstrndup(p + 6, strcspn(p + 6, ", "));
	p = json_text(env, "host");
	if ((!strcmp(be, "kvm") || !strcmp(be, "qemu-kvm")) && !strncmp(p, "Linux ", 6))
		return xstrndup(p + 6, strcspn(p + 6, " "));
	return xstrndup(l0, strcspn(l0, ","));
}

static json_object *checkout(json_object *env, const char *release, char **id)
{
	json_object *c = json_object_new_object(), *in = json_get(env, "l0_inputs");
	json_object *src = json_get(json_get(in, "kvm_modules"), "source"), *misc = json_object_new_object();
	const char *patches = src ? json_object_to_json_string_ext(src, JSON_C_TO_STRING_PLAIN) : NULL;
	char *comment = xasprintf("Linux %s%s", release, src ? ", KVM modules from patched source" : "");

	*id = id_of(release, patches, patches != NULL);	/* patched sources: a checkout of their own */
	add(c, "id", str(*id));
	add(c, "origin", str(KCIDB_ORIGIN));
	add(c, "comment", str(comment));
	add(c, "valid", json_object_new_boolean(true));
	add(misc, "kernel_release", str(release));
	add(misc, "package", str(json_text(in, "package")));
	add(misc, "kvm_modules_source", copy(src));
	add(c, "misc", misc);
	free(comment);
	return c;
}

static json_object *build(json_object *env, const char *release, const char *checkout_id, char **id)
{
	json_object *b = json_object_new_object(), *in = json_get(env, "l0_inputs"), *own = json_get(in, "lab_kernel");
	const char *ident = in ? json_object_to_json_string_ext(in, JSON_C_TO_STRING_PLAIN) : json_text(env, "l0");

	*id = id_of(release, ident, true);	/* the kernel, its modules and the lab's inputs */
	add(b, "id", str(*id));
	add(b, "origin", str(KCIDB_ORIGIN));
	add(b, "checkout_id", str(checkout_id));
	add(b, "architecture", str(!strcmp(json_text(env, "arch"), "s390x") ? "s390x" : "x86_64"));
	add(b, "comment", str(own ? json_text(own, "version") : json_text(in, "package")));
	add(b, "config_name", str(own ? "lab-kernel" : json_get(in, "package") ? "debian" : NULL));
	add(b, "status", str("PASS"));	/* it booted: the lab ran on it */
	add(b, "misc", copy(in));
	return b;
}

static json_object *environment(json_object *env, json_object *options)
{
	json_object *e = json_object_new_object(), *misc = json_object_new_object();
	static const char *const keys[] = { "backend", "cpu_model", "l0_params", "host", "git_revision",
					    "nestlab_version", "boot" };

	add(e, "comment", str(json_text(env, "l0")));
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		add(misc, keys[i], str(json_text(env, keys[i])));
	add(misc, "iters", copy(json_get(options, "iters")));
	add(e, "misc", misc);
	return e;
}

/* "nestlab.pf.cr3-across-exit": dots between the parts, nothing but [A-Za-z0-9_-] in them. */
static char *path_of(const char *name)
{
	char *p = xasprintf("nestlab.%s", name);

	for (char *c = p + 8; *c; c++)
		if (*c == '/')
			*c = '.';
		else if (!(*c == '-' || *c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			   (*c >= '0' && *c <= '9')))
			*c = '_';
	return p;
}

static json_object *test(json_object *root, json_object *s, const char *build_id)
{
	json_object *t = json_object_new_object(), *misc = json_object_new_object(), *lat = json_get(s, "latency");
	json_object *checks = json_get(s, "checks");
	const char *name = json_text(s, "name");
	char *id = id_of(json_text(root, "run_id"), name, false), *path = path_of(name), *excerpt = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&excerpt, &len);

	add(t, "id", str(id));
	add(t, "origin", str(KCIDB_ORIGIN));
	add(t, "build_id", str(build_id));
	add(t, "path", str(path));
	add(t, "status", str(status_of(json_text(s, "verdict"))));
	add(t, "comment", str(json_text(s, "why")));
	add(t, "start_time", str(json_text(root, "started")));
	add(t, "environment", environment(json_get(root, "environment"), json_get(root, "options")));
	for (size_t i = 0; f && checks && i < json_object_array_length(checks); i++) {
		json_object *c = json_object_array_get_idx(checks, i);

		if (!strcmp(json_text(c, "status"), "FAIL"))
			fprintf(f, "FAIL: %s\n", json_text(c, "what"));
	}
	if (f && !fclose(f) && len) {
		if (len > EXCERPT_MAX)
			excerpt[EXCERPT_MAX] = 0;
		add(t, "log_excerpt", str(excerpt));
	}
	if (lat && json_get(lat, "median")) {	/* the cost of one exit round trip */
		json_object *n = json_object_new_object();

		add(n, "value", json_object_new_double((double)json_object_get_int64(json_get(lat, "median"))));
		add(n, "unit", str(json_text(lat, "unit")));
		add(t, "number", n);
	}
	add(misc, "verdict", str(json_text(s, "verdict")));
	add(misc, "iterations", copy(json_get(s, "iterations")));
	add(misc, "exits", copy(json_get(s, "exits")));
	add(misc, "attribution", copy(json_get(s, "attribution")));
	add(misc, "run_id", str(json_text(root, "run_id")));
	add(t, "misc", misc);
	free(excerpt);
	free(id);
	free(path);
	return t;
}

json_object *kcidb_from_results(json_object *results)
{
	json_object *doc = json_object_new_object(), *v = json_object_new_object();
	json_object *checkouts = json_object_new_array(), *builds = json_object_new_array();
	json_object *tests = json_object_new_array(), *env = json_get(results, "environment");
	json_object *scns = json_get(results, "scenarios");
	char *release = release_of(env), *checkout_id, *build_id;

	add(v, "major", json_object_new_int(KCIDB_MAJOR));
	add(v, "minor", json_object_new_int(KCIDB_MINOR));
	add(doc, "version", v);
	json_object_array_add(checkouts, checkout(env, release, &checkout_id));
	json_object_array_add(builds, build(env, release, checkout_id, &build_id));
	for (size_t i = 0; scns && i < json_object_array_length(scns); i++)
		json_object_array_add(tests, test(results, json_object_array_get_idx(scns, i), build_id));
	add(doc, "checkouts", checkouts);
	add(doc, "builds", builds);
	add(doc, "tests", tests);
	free(release);
	free(checkout_id);
	free(build_id);
	return doc;
}

int kcidb_write(json_object *results, const char *path)
{
	json_object *doc = kcidb_from_results(results);
	const char *text = json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
							  JSON_C_TO_STRING_NOSLASHESCAPE);
	char *line = xasprintf("%s\n", text);
	int e = file_write_atomic(path, line, strlen(line));

	free(line);
	json_object_put(doc);
	return e;
}
