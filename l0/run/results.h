/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * results/<run-id>/: results.json (docs/results-schema.md, built with json-c),
 * summary.txt, the jobs' logs; results/latest points at the newest run.
 */
#ifndef L0_RESULTS_H
#define L0_RESULTS_H

#include <time.h>

#include "l0/run/run.h"

#define RESULTS_SCHEMA_VERSION 1
#define NESTLAB_VERSION "0.1"

struct json_object;

/* <root>/<UTC date-time>-<backend>-<4 hex digits>, created; id and dir malloc'd. */
int results_create_dir(const char *root, const char *backend, time_t t, char **id, char **dir);
struct json_object *results_json(const struct run *r);
/* results.json, summary.txt and <root>/latest; 0 or -errno with why. */
int results_write(const struct run *r, struct diag *why);

#endif
