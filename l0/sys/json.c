// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "l0/sys/file.h"
#include "l0/sys/json.h"

json_object *json_get(json_object *o, const char *key)
{
	json_object *v;

	return o && json_object_object_get_ex(o, key, &v) ? v : NULL;
}

const char *json_str(json_object *o, const char *key)
{
	json_object *v = json_get(o, key);

	return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

const char *json_text(json_object *o, const char *key)
{
	json_object *v = json_get(o, key);

	return v && !json_object_is_type(v, json_type_null) ? json_object_get_string(v) : "";
}

bool json_u64(json_object *o, const char *key, u64 *out)
{
	json_object *v = json_get(o, key);

	if (!v || !json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
		return false;
	*out = json_object_get_uint64(v);
	return true;
}

bool json_all_u64(json_object *array)
{
	size_t i, n = json_object_is_type(array, json_type_array) ? json_object_array_length(array) : 0;

	for (i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(array, i);

		if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
			return false;
	}
	return json_object_is_type(array, json_type_array);
}

json_object *json_parse_doc(const char *text, size_t len)
{
	json_tokener *tok = json_tokener_new_ex(JSON_DEPTH_MAX);
	json_object *o = NULL;

	if (!tok)
		return NULL;
	/* The whole text or nothing: trailing bytes or an embedded NUL make it no document. */
	if (len <= INT_MAX && !memchr(text, '\0', len)) {
		size_t end;

		o = json_tokener_parse_ex(tok, text, (int)len);
		end = json_tokener_get_error(tok) == json_tokener_success ? json_tokener_get_parse_end(tok) : 0;
		while (end && end < len && strchr(" \t\r\n", text[end]))	/* text need not end in NUL */
			end++;
		if (end != len) {
			json_object_put(o);
			o = NULL;
		}
	}
	json_tokener_free(tok);
	return o;
}

json_object *json_load_results(const char *path, struct diag *why)
{
	char file[PATH_MAX], *text = NULL;
	json_object *o = NULL;
	struct stat st;
	size_t len;
	int e;

	if (!*path) {
		diag_set(why, -EINVAL, "an empty path: name a run directory or its results.json");
		return NULL;
	}
	snprintf(file, sizeof(file), "%s", path);
	if (!stat(path, &st) && S_ISDIR(st.st_mode))
		snprintf(file, sizeof(file), "%s/results.json", path);
	if (stat(file, &st)) {
		diag_set(why, -errno, "cannot read '%s': %s: name a run directory or its results.json", file,
			 strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > JSON_DOC_MAX) {
		diag_set(why, -EFBIG, "'%s' is %s: name a results.json of at most %u MiB", file,
			 S_ISREG(st.st_mode) ? "too large" : "not a regular file", JSON_DOC_MAX >> 20);
		return NULL;
	}
	e = file_read(file, JSON_DOC_MAX, &text, &len);
	if (e)
		diag_set(why, e, "cannot read '%s': %s: name a run directory or its results.json", file, strerror(-e));
	else if (!(o = json_parse_doc(text, len)) || !json_object_is_type(o, json_type_object))
		diag_set(why, -EINVAL, "'%s' is not JSON of a results document: name a results.json nestlab wrote",
			 file);
	if (o && !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		o = NULL;
	}
	free(text);
	return o;
}
