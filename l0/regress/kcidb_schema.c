// SPDX-License-Identifier: GPL-2.0-only
/*
 * What KCIDB's I/O schema 5.3 requires of a report (kcidb.h), checked without a JSON
 * Schema library: per object kind, the properties the schema defines (kcidb_io
 * schema/v05_03.py, "additionalProperties": False), each one's JSON type and, for ids,
 * origins, architectures, statuses and paths, the pattern or words the schema gives; the
 * required ones; no null anywhere ("no properties can be null"). Also that every build's
 * checkout_id and every test's build_id names an object of the report (the schema calls a
 * report complete only then).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "l0/regress/kcidb.h"

enum kind { T_STR, T_BOOL, T_NUM, T_INT, T_OBJ, T_ARR };
enum pattern { P_NONE, P_ID, P_ORIGIN, P_ARCH, P_STATUS, P_PATH, P_EXCERPT };

struct prop {
	const char *name;
	enum kind kind;
	enum pattern pattern;
	bool required;
};

#define END { NULL, T_STR, P_NONE, false }
static const struct prop checkout_props[] = {
	{ "_timestamp", T_STR, P_NONE, false }, { "id", T_STR, P_ID, true }, { "origin", T_STR, P_ORIGIN, true },
	{ "tree_name", T_STR, P_NONE, false }, { "git_repository_url", T_STR, P_NONE, false },
	{ "git_commit_hash", T_STR, P_NONE, false }, { "git_commit_name", T_STR, P_NONE, false },
	{ "git_commit_tags", T_ARR, P_NONE, false }, { "git_commit_message", T_STR, P_NONE, false },
	{ "git_repository_branch", T_STR, P_NONE, false }, { "git_repository_branch_tip", T_BOOL, P_NONE, false },
	{ "patchset_files", T_ARR, P_NONE, false }, { "patchset_hash", T_STR, P_NONE, false },
	{ "message_id", T_STR, P_NONE, false }, { "comment", T_STR, P_NONE, false },
	{ "start_time", T_STR, P_NONE, false }, { "origin_builds_finish_time", T_STR, P_NONE, false },
	{ "origin_tests_finish_time", T_STR, P_NONE, false }, { "log_url", T_STR, P_NONE, false },
	{ "log_excerpt", T_STR, P_EXCERPT, false }, { "valid", T_BOOL, P_NONE, false },
	{ "misc", T_OBJ, P_NONE, false }, END,
};
static const struct prop build_props[] = {
	{ "_timestamp", T_STR, P_NONE, false }, { "checkout_id", T_STR, P_ID, true }, { "id", T_STR, P_ID, true },
	{ "origin", T_STR, P_ORIGIN, true }, { "comment", T_STR, P_NONE, false },
	{ "start_time", T_STR, P_NONE, false }, { "duration", T_NUM, P_NONE, false },
	{ "architecture", T_STR, P_ARCH, false }, { "command", T_STR, P_NONE, false },
	{ "compiler", T_STR, P_NONE, false }, { "input_files", T_ARR, P_NONE, false },
	{ "output_files", T_ARR, P_NONE, false }, { "config_name", T_STR, P_NONE, false },
	{ "config_url", T_STR, P_NONE, false }, { "log_url", T_STR, P_NONE, false },
	{ "log_excerpt", T_STR, P_EXCERPT, false }, { "status", T_STR, P_STATUS, false },
	{ "misc", T_OBJ, P_NONE, false }, END,
};
static const struct prop test_props[] = {
	{ "_timestamp", T_STR, P_NONE, false }, { "build_id", T_STR, P_ID, true }, { "id", T_STR, P_ID, true },
	{ "origin", T_STR, P_ORIGIN, true }, { "environment", T_OBJ, P_NONE, false },
	{ "path", T_STR, P_PATH, false }, { "comment", T_STR, P_NONE, false }, { "log_url", T_STR, P_NONE, false },
	{ "log_excerpt", T_STR, P_EXCERPT, false }, { "status", T_STR, P_STATUS, false },
	{ "number", T_OBJ, P_NONE, false }, { "start_time", T_STR, P_NONE, false },
	{ "duration", T_NUM, P_NONE, false }, { "input_files", T_ARR, P_NONE, false },
	{ "output_files", T_ARR, P_NONE, false }, { "misc", T_OBJ, P_NONE, false }, END,
};
static const struct prop environment_props[] = {
	{ "compatible", T_ARR, P_NONE, false }, { "comment", T_STR, P_NONE, false },
	{ "misc", T_OBJ, P_NONE, false }, END,
};
static const struct prop number_props[] = {
	{ "value", T_NUM, P_NONE, true }, { "unit", T_STR, P_NONE, false }, { "prefix", T_STR, P_NONE, false }, END,
};
static const struct prop version_props[] = {
	{ "major", T_INT, P_NONE, true }, { "minor", T_INT, P_NONE, false }, END,
};
static const struct prop report_props[] = {
	{ "version", T_OBJ, P_NONE, true }, { "checkouts", T_ARR, P_NONE, false }, { "builds", T_ARR, P_NONE, false },
	{ "tests", T_ARR, P_NONE, false }, { "issues", T_ARR, P_NONE, false }, { "incidents", T_ARR, P_NONE, false },
	END,
};

static int breach(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static bool all_of(const char *s, const char *set)
{
	return s[strspn(s, set)] == 0;
}

#define ORIGIN_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_"
#define PATH_CHARS ORIGIN_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZ-"

static bool pattern_ok(enum pattern p, const char *s)
{
	static const char *const statuses[] = { "FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP" };
	size_t n = strcspn(s, ":"), part;

	switch (p) {
	case P_ID:		/* ^[a-z0-9_]+:.*$ */
		return n && s[n] == ':' && strspn(s, ORIGIN_CHARS) == n;
	case P_ORIGIN:		/* ^[a-z0-9_]+$ */
		return *s && all_of(s, ORIGIN_CHARS);
	case P_ARCH:		/* ^[a-z0-9_]*$ */
		return all_of(s, ORIGIN_CHARS);
	case P_STATUS:
		for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
			if (!strcmp(s, statuses[i]))
				return true;
		return false;
	case P_PATH:		/* dot-separated non-empty parts; "" the root */
		for (; *s; s += part + (s[part] == '.')) {
			part = strspn(s, PATH_CHARS);
			if (!part || (s[part] && s[part] != '.') || (s[part] == '.' && !s[part + 1]))
				return false;
		}
		return true;
	case P_EXCERPT:
		return strlen(s) <= 16384;
	default:
		return true;
	}
}

static bool kind_ok(json_object *v, enum kind k)
{
	switch (k) {
	case T_STR:
		return json_object_is_type(v, json_type_string);
	case T_BOOL:
		return json_object_is_type(v, json_type_boolean);
	case T_NUM:
		return json_object_is_type(v, json_type_double) || json_object_is_type(v, json_type_int);
	case T_INT:
		return json_object_is_type(v, json_type_int);
	case T_OBJ:
		return json_object_is_type(v, json_type_object);
	default:
		return json_object_is_type(v, json_type_array);
	}
}

static int no_null(json_object *v, const char *where, char *why, size_t size)
{
	if (!v)
		return breach(why, size, "%s: null (KCIDB allows no null property)", where);
	if (json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val) {
			(void)key;
			if (no_null(val, where, why, size))
				return -EINVAL;
		}
	} else if (json_object_is_type(v, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(v); i++)
			if (no_null(json_object_array_get_idx(v, i), where, why, size))
				return -EINVAL;
	}
	return 0;
}

static int object_ok(json_object *o, const struct prop *props, const char *where, char *why, size_t size)
{
	json_object *v;

	if (!json_object_is_type(o, json_type_object))
		return breach(why, size, "%s: not an object", where);
	json_object_object_foreach(o, key, val) {
		const struct prop *p = props;

		(void)val;
		while (p->name && strcmp(p->name, key))
			p++;
		if (!p->name)
			return breach(why, size, "%s: property '%s' the schema does not define", where, key);
	}
	for (const struct prop *p = props; p->name; p++) {
		if (!json_object_object_get_ex(o, p->name, &v)) {
			if (p->required)
				return breach(why, size, "%s: required '%s' missing", where, p->name);
			continue;
		}
		if (!v || !kind_ok(v, p->kind))
			return breach(why, size, "%s: '%s' has the wrong type", where, p->name);
		if (p->kind == T_STR && !pattern_ok(p->pattern, json_object_get_string(v)))
			return breach(why, size, "%s: '%s' = '%s' does not match the schema's pattern", where, p->name,
				      json_object_get_string(v));
	}
	return 0;
}

/* Every item of doc[key] against props; ids into seen (a JSON object used as a set). */
static int list_ok(json_object *doc, const char *key, const struct prop *props, json_object *seen,
		   json_object *parents, const char *parent_key, char *why, size_t size)
{
	json_object *list = NULL, *item, *v;
	char where[64];
	int e;

	json_object_object_get_ex(doc, key, &list);
	for (size_t i = 0; list && i < json_object_array_length(list); i++) {
		item = json_object_array_get_idx(list, i);
		snprintf(where, sizeof(where), "%s[%zu]", key, i);
		e = object_ok(item, props, where, why, size);
		if (e)
			return e;
		if (item && json_object_object_get_ex(item, "environment", &v) &&
		    (e = object_ok(v, environment_props, where, why, size)))
			return e;
		if (item && json_object_object_get_ex(item, "number", &v) &&
		    (e = object_ok(v, number_props, where, why, size)))
			return e;
		json_object_object_get_ex(item, "id", &v);
		json_object_object_add(seen, json_object_get_string(v), json_object_new_boolean(true));
		if (parent_key && json_object_object_get_ex(item, parent_key, &v) &&
		    !json_object_object_get_ex(parents, json_object_get_string(v), NULL))
			return breach(why, size, "%s: %s '%s' names no object of the report", where, parent_key,
				      json_object_get_string(v));
	}
	return 0;
}

int kcidb_validate(json_object *doc, char *why, size_t size)
{
	json_object *v, *checkouts = json_object_new_object(), *builds = json_object_new_object();
	json_object *tests = json_object_new_object();
	int e = no_null(doc, "report", why, size);

	if (!e)
		e = object_ok(doc, report_props, "report", why, size);
	if (!e && json_object_object_get_ex(doc, "version", &v)) {
		json_object *major = NULL, *minor = NULL;

		e = object_ok(v, version_props, "version", why, size);
		json_object_object_get_ex(v, "major", &major);
		json_object_object_get_ex(v, "minor", &minor);
		if (!e && json_object_get_int(major) != KCIDB_MAJOR)
			e = breach(why, size, "version: major is not %d", KCIDB_MAJOR);
		if (!e && minor && (json_object_get_int(minor) < 0 || json_object_get_int(minor) > KCIDB_MINOR))
			e = breach(why, size, "version: minor is not 0 to %d", KCIDB_MINOR);
	}
	if (!e)
		e = list_ok(doc, "checkouts", checkout_props, checkouts, NULL, NULL, why, size);
	if (!e)
		e = list_ok(doc, "builds", build_props, builds, checkouts, "checkout_id", why, size);
	if (!e)
		e = list_ok(doc, "tests", test_props, tests, builds, "build_id", why, size);
	json_object_put(checkouts);
	json_object_put(builds);
	json_object_put(tests);
	return e;
}
