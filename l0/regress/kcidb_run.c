// SPDX-License-Identifier: GPL-2.0-only
/* --kcidb FILE at the end of nestlab run (apart from kcidb.c, which needs no run). */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "l0/regress/kcidb.h"
#include "l0/run/results.h"

int kcidb_write_run(const struct run *r)
{
	json_object *root = results_json(r);
	int e = kcidb_write(root, r->o->kcidb);

	json_object_put(root);
	if (e)
		fprintf(stderr, "nestlab: cannot write %s: %s: pass another --kcidb FILE\n", r->o->kcidb,
			strerror(-e));
	return e ? 2 : 0;
}
