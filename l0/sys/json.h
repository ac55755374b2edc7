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

/* The value at key; NULL when o is NULL or has no such key (or the value is null). */
json_object *json_get(json_object *o, const char *key);
/* The value at key when it is a JSON string, else NULL. */
const char *json_str(json_object *o, const char *key);
/* The value at key as text (a number as JSON writes it); "" when absent or null. */
const char *json_text(json_object *o, const char *key);
/* A non-negative integer at key into *out; false (out untouched) otherwise. */
bool json_u64(json_object *o, const char *key, u64 *out);
/* A run directory (its results.json) or a results.json; NULL when unreadable. */
json_object *json_load_results(const char *path);

#endif
