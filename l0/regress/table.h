/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_TABLE_H
#define L0_TABLE_H

#include <stdio.h>

#include "l0/sys/diag.h"

/*
 * nestlab table RESULTS: a Markdown table of one run (results.json or its directory):
 * per scenario the verdict, the exits at each level and the round-trip cycles (median,
 * p99). Returns 0, or -EINVAL with why when the file is not a results document.
 */
int table_print(FILE *out, const char *path, struct diag *why);
/* The same of a document results_doc_check() passed; -EINVAL when it has no environment. */
struct json_object;
int table_print_doc(FILE *out, struct json_object *root);

#endif
