// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>

#include "l0/regress/doc.h"
#include "l0/sys/json.h"

/* What a field must be when it is there: a JSON type, null allowed or not. */
struct field {
	const char *key;
	json_type type;
	bool null_ok;
};

static const struct field root_fields[] = {
	{ "run_id", json_type_string, true }, { "environment", json_type_object, false },
	{ "options", json_type_object, false }, { "warnings", json_type_array, false },
	{ "interrupted", json_type_boolean, false }, { "merged_from", json_type_array, false },
	{ "summary", json_type_object, false },
};
static const struct field env_fields[] = {
	{ "backend", json_type_string, false }, { "arch", json_type_string, true }, { "l0", json_type_string, true },
	{ "cpu_model", json_type_string, true }, { "git_revision", json_type_string, true },
	{ "nestlab_version", json_type_string, true },
};
static const struct field scn_fields[] = {
	{ "name", json_type_string, false }, { "verdict", json_type_string, false },
	{ "iterations", json_type_int, true }, { "exits", json_type_object, false },
	{ "l0_stats", json_type_object, false }, { "latency", json_type_object, true },
	{ "log", json_type_string, true }, { "why", json_type_string, true },
};
static const struct field lat_fields[] = {
	{ "unit", json_type_string, false }, { "n", json_type_int, false }, { "median", json_type_int, false },
	{ "p99", json_type_int, false }, { "stddev", json_type_int, false },
	{ "histogram_log2", json_type_object, true }, { "samples", json_type_array, false },
};

static int check_fields(json_object *o, const struct field *f, size_t n, const char *where, struct diag *why)
{
	for (size_t i = 0; i < n; i++) {
		json_object *v;

		if (!json_object_object_get_ex(o, f[i].key, &v) || (!v && f[i].null_ok) ||
		    json_object_is_type(v, f[i].type))
			continue;
		return diag_set(why, -EINVAL, "%s\"%s\" is %s, not %s", where, f[i].key,
				v ? json_type_to_name(json_object_get_type(v)) : "null", json_type_to_name(f[i].type));
	}
	return 0;
}

/* exits and l0_stats: {"level": {"REASON": count}} with counts >= 0. */
static int check_counts(json_object *counts, const char *where, struct diag *why)
{
	if (!json_object_is_type(counts, json_type_object))
		return 0;	/* absent; a present one of another type check_fields refused */
	json_object_object_foreach(counts, level, reasons) {
		if (!json_object_is_type(reasons, json_type_object))
			return diag_set(why, -EINVAL, "%s\"%s\" is not an object of counts", where, level);
		json_object_object_foreach(reasons, reason, count)
			if (!json_object_is_type(count, json_type_int) || json_object_get_int64(count) < 0)
				return diag_set(why, -EINVAL, "%s%s count %s is not a whole number", where, level, reason);
	}
	return 0;
}

static int check_scenario(json_object *s, size_t i, struct diag *why)
{
	json_object *lat = json_get(s, "latency"), *h = json_get(lat, "histogram_log2"), *samples;
	char where[64];
	int e;

	snprintf(where, sizeof(where), "scenario %zu: ", i);
	if (!json_object_is_type(s, json_type_object))
		return diag_set(why, -EINVAL, "scenario %zu is not an object", i);
	if (!json_str(s, "name") || !json_str(s, "verdict"))
		return diag_set(why, -EINVAL, "%sno \"name\" and \"verdict\" strings", where);
	e = check_fields(s, scn_fields, sizeof(scn_fields) / sizeof(scn_fields[0]), where, why);
	if (!e)
		e = check_counts(json_get(s, "exits"), where, why);
	if (!e)
		e = check_counts(json_get(s, "l0_stats"), where, why);
	if (e || !lat)
		return e;
	e = check_fields(lat, lat_fields, sizeof(lat_fields) / sizeof(lat_fields[0]), where, why);
	if (!e && (samples = json_get(lat, "samples")) && !json_all_u64(samples))
		e = diag_set(why, -EINVAL, "%slatency samples are not whole numbers", where);
	if (e || !json_object_is_type(h, json_type_object))
		return e;
	json_object_object_foreach(h, bucket, count)
		if (!e && (!json_object_is_type(count, json_type_int) || json_object_get_int64(count) < 0))
			e = diag_set(why, -EINVAL, "%shistogram bucket %s is not a whole number", where, bucket);
	return e;
}

int results_doc_check(json_object *doc, struct diag *why)
{
	json_object *scns = json_get(doc, "scenarios"), *warn = json_get(doc, "warnings");
	size_t i;
	int e;

	if (!json_object_is_type(doc, json_type_object) || !json_object_is_type(scns, json_type_array))
		return diag_set(why, -EINVAL, "no \"scenarios\" array");
	e = check_fields(doc, root_fields, sizeof(root_fields) / sizeof(root_fields[0]), "", why);
	if (!e)
		e = check_fields(json_get(doc, "environment"), env_fields, sizeof(env_fields) / sizeof(env_fields[0]),
				 "environment: ", why);
	for (i = 0; !e && i < json_object_array_length(scns); i++)
		e = check_scenario(json_object_array_get_idx(scns, i), i, why);
	for (i = 0; !e && warn && i < json_object_array_length(warn); i++)
		if (!json_object_is_type(json_object_array_get_idx(warn, i), json_type_string))
			e = diag_set(why, -EINVAL, "warning %zu is not a string", i);
	return e;
}

json_object *results_doc_load(const char *path, struct diag *why)
{
	json_object *doc = json_load_results(path, why);
	struct diag bad;

	if (doc && results_doc_check(doc, &bad)) {
		diag_set(why, -EINVAL, "'%s' is not a nestlab results document: %s: name a results.json nestlab wrote",
			 path, bad.msg);
		json_object_put(doc);
		doc = NULL;
	}
	return doc;
}
