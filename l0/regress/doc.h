/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A results document as the readers (table, compare, merge, report) take it: read with
 * a size cap, and every field any of them uses checked for its type first (docs/results-
 * schema.md), so that no reader meets a null backend, "exits":{"l1":5} or "scenarios":5.
 */
#ifndef L0_REGRESS_DOC_H
#define L0_REGRESS_DOC_H

#include <json-c/json.h>

#include "l0/sys/diag.h"

/* 0, or -EINVAL with why naming the first field of the wrong type. */
int results_doc_check(json_object *doc, struct diag *why);
/* json_load_results() and results_doc_check(): the document, or NULL with why. */
json_object *results_doc_load(const char *path, struct diag *why);

#endif
