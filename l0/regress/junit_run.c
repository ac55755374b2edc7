// SPDX-License-Identifier: GPL-2.0-only
/* --junit FILE at the end of nestlab run (apart from junit.c, which needs no run). */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "l0/regress/junit.h"
#include "l0/run/results.h"

int junit_write_run(const struct run *r)
{
	json_object *root = results_json(r);
	int e = junit_write(root, r->o->junit);

	json_object_put(root);
	if (e)
		fprintf(stderr, "nestlab: cannot write %s: %s: pass another --junit FILE\n", r->o->junit,
			strerror(-e));
	return e ? 2 : 0;
}
