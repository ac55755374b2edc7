/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading results documents (json-c): NULL-safe look-ups, so that a chain such as
 * json_text(json_get(doc, "environment"), "backend") needs no checks in between.
 */
#ifndef L0_JSON_H
#define L0_JSON_H

#include <stdbool.h>
#include <json-c/json.h>

#include "lib/types.h"
#include "l0/sys/diag.h"

/* The value at key; NULL when o is NULL or has no such key (or the value is null). */
json_object *json_get(json_object *o, const char *key);
/* The value at key when it is a JSON string, else NULL. */
const char *json_str(json_object *o, const char *key);
/* The value at key as text (a number as JSON writes it); "" when absent or null. */
const char *json_text(json_object *o, const char *key);
/* A non-negative integer at key into *out; false (out untouched) otherwise. */
bool json_u64(json_object *o, const char *key, u64 *out);
/* True when array is a JSON array of non-negative integers only. */
bool json_all_u64(json_object *array);

/* The largest results document a reader takes (--raw runs keep every sample), and its depth. */
#define JSON_DOC_MAX	(256u << 20)
#define JSON_DEPTH_MAX	64
/* len bytes of text as one JSON value (nothing after it, no NUL); NULL when it is not one. */
json_object *json_parse_doc(const char *text, size_t len);
/*
 * A run directory (its results.json) or a results.json: a regular file of at most
 * JSON_DOC_MAX bytes holding one JSON object. NULL with why (one line naming the fix) else.
 */
json_object *json_load_results(const char *path, struct diag *why);

#endif
