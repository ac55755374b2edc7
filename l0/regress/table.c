// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <string.h>

#include "l0/regress/doc.h"
#include "l0/regress/table.h"
#include "l0/sys/json.h"

static void print_exits(FILE *out, struct json_object *exits, const char *level)
{
	struct json_object *l;
	int n = 0;

	if (!json_object_object_get_ex(exits, level, &l) || !json_object_is_type(l, json_type_object)) {
		fputs(" - |", out);
		return;
	}
	json_object_object_foreach(l, reason, count) {
		fprintf(out, "%s %s %lld", n++ ? "," : "", reason, (long long)json_object_get_int64(count));
	}
	fputs(n ? " |" : " 0 |", out);
}

/* What a latency sample counts, from the run's back end and L0. */
static const char *cycle_unit(struct json_object *env)
{
	const char *be = json_text(env, "backend"), *l0 = json_text(env, "l0");

	if (!strcmp(be, "bochs"))
		return "emulated instructions (Bochs: one TSC tick each)";
	if (!strncmp(be, "lab-vmx", 7))
		return "emulated instructions (the lab runs in Bochs: one TSC tick each)";
	if (!strncmp(be, "lab-svm", 7) && strstr(l0, "icount"))
		return "emulated instructions (the lab runs in QEMU TCG -icount shift=0: one TSC tick each)";
	if (!strcmp(be, "qemu-tcg") && strstr(l0, "icount"))
		return "emulated instructions (QEMU -icount shift=0: one TSC tick each)";
	if (!strcmp(json_text(env, "arch"), "s390x"))
		return "ns of the TOD clock (s390x: the latency unit is ns)";
	return "TSC cycles";
}

int table_print(FILE *out, const char *path, struct diag *why)
{
	struct json_object *root = results_doc_load(path, why);
	int e;

	if (!root)
		return -EINVAL;
	e = table_print_doc(out, root);
	json_object_put(root);
	return e ? diag_set(why, e, "'%s' has no environment: name a results.json nestlab wrote", path) : 0;
}

int table_print_doc(FILE *out, struct json_object *root)
{
	struct json_object *env, *scns;

	if (!json_object_object_get_ex(root, "scenarios", &scns) ||
	    !json_object_object_get_ex(root, "environment", &env) || !env)
		return -EINVAL;
	fprintf(out, "Run `%s`: %s, CPU model %s, nestlab %s (git %s). Cycles are %s.\n\n",
		json_text(root, "run_id"), json_text(env, "l0"), json_text(env, "cpu_model"), json_text(env, "nestlab_version"),
		json_text(env, "git_revision"), cycle_unit(env));
	fputs("| scenario | verdict | L2→L1 exits | L1→L0 exits | L2 exits taken by L0 | median cycles | p99 cycles |\n", out);
	fputs("|---|---|---|---|---|---:|---:|\n", out);
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		struct json_object *s = json_object_array_get_idx(scns, i), *exits = NULL, *lat;

		json_object_object_get_ex(s, "exits", &exits);
		fprintf(out, "| `%s` | %s |", json_text(s, "name"), json_text(s, "verdict"));
		print_exits(out, exits, "l1");
		print_exits(out, exits, "l0");
		print_exits(out, exits, "l0_nested");
		if (json_object_object_get_ex(s, "latency", &lat) && lat)
			fprintf(out, " %s | %s |\n", json_text(lat, "median"), json_text(lat, "p99"));
		else
			fputs(" - | - |\n", out);
	}
	return 0;
}
