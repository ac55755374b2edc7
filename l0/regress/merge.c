// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab merge OUT RUN...: one results.json in OUT from runs of disjoint scenario
 * sets (the shards of --shard I/N): scenarios in registry order, the summary counted
 * again, logs as absolute paths into the source runs, merged_from naming the runs.
 * The runs must share the backend and CPU model; a scenario in two runs is an error.
 */
#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/verdict.h"
#include "l0/regress/commands.h"
#include "l0/regress/compare.h"
#include "l0/regress/doc.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/file.h"
#include "l0/sys/json.h"
#include "l0/run/scenario.h"
#include "l0/sys/util.h"

static int fail(const char *fmt, const char *a, const char *b)
{
	fputs("nestlab merge: ", stderr);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

/* The run directory a results document lives in (absolute). */
static char *run_dir(const char *path)
{
	char abs[PATH_MAX], *slash;
	struct stat st;

	if (!realpath(path, abs))
		return xstrdup(path);
	if (!stat(abs, &st) && !S_ISDIR(st.st_mode) && (slash = strrchr(abs, '/')))
		*slash = '\0';
	return xstrdup(abs);
}

static size_t order_of(json_object *s)
{
	const struct scenario_info *i = scenario_find(json_text(s, "name"));

	return i ? (size_t)(i - scenario_table) : scenario_count;
}

static int by_registry(const void *a, const void *b)
{
	size_t x = order_of(*(json_object *const *)a), y = order_of(*(json_object *const *)b);

	return x < y ? -1 : x > y;
}

static void count(json_object *sum, const char *verdict)
{
	json_object *c = json_get(sum, verdict_key(verdict_find(verdict)));

	json_object_set_int(c, json_object_get_int(c) + 1);
	c = json_get(sum, "total");
	json_object_set_int(c, json_object_get_int(c) + 1);
}

static json_object *new_summary(void)
{
	json_object *sum = json_object_new_object();

	json_object_object_add(sum, "total", json_object_new_int(0));
#define X(key) json_object_object_add(sum, #key, json_object_new_int(0));
	VERDICT_TOTALS(X)
#undef X
	return sum;
}

int cmd_merge(int argc, char **argv)
{
	json_object *out = NULL, *scns = json_object_new_array(), *warn = json_object_new_array();
	json_object *from = json_object_new_array(), *sum = new_summary(), *first = NULL;
	json_object **all = NULL;
	size_t nall = 0, i;
	double duration = 0;
	bool interrupted = false;
	char *path, *text;
	int rc = 0, e;

	if (argc < 3)
		return fail("usage: nestlab merge OUT RUN... (run directories or results.json)%s%s", "", "");
	for (int k = 2; k < argc && !rc; k++) {
		struct diag why;
		json_object *doc = results_doc_load(argv[k], &why), *list = json_get(doc, "scenarios");
		char *dir;

		if (!doc) {
			rc = fail("%s%s", why.msg, "");
			break;
		}
		if (!first) {
			first = json_object_get(doc);
		} else if (strcmp(json_text(json_get(doc, "environment"), "backend"),
				  json_text(json_get(first, "environment"), "backend")) ||
			   strcmp(json_text(json_get(doc, "environment"), "cpu_model"),
				  json_text(json_get(first, "environment"), "cpu_model"))) {
			rc = fail("%s: another backend or CPU model than %s", argv[k], argv[2]);
		}
		dir = run_dir(argv[k]);
		for (i = 0; !rc && i < json_object_array_length(list); i++) {
			json_object *s = json_object_array_get_idx(list, i), *log = json_get(s, "log");

			for (size_t j = 0; j < nall; j++)
				if (!strcmp(json_text(all[j], "name"), json_text(s, "name")))
					rc = fail("scenario %s is in two of the runs (%s among them)",
						  json_text(s, "name"), argv[k]);
			if (log && json_object_is_type(log, json_type_string)) {
				char *abs = xasprintf("%s/%s", dir, json_object_get_string(log));

				json_object_object_add(s, "log", json_object_new_string(abs));
				free(abs);
			}
			APPEND(all, nall, json_object_get(s));
		}
		for (i = 0; (list = json_get(doc, "warnings")) && i < json_object_array_length(list); i++) {
			char *w = xasprintf("%s: %s", json_text(doc, "run_id"),
					    json_object_get_string(json_object_array_get_idx(list, i)));

			json_object_array_add(warn, json_object_new_string(w));
			free(w);
		}
		json_object_array_add(from, json_object_new_string(json_text(doc, "run_id")));
		duration += json_object_get_double(json_get(doc, "duration_s"));
		interrupted |= json_object_get_boolean(json_get(doc, "interrupted"));
		free(dir);
		json_object_put(doc);
	}
	if (!rc) {
		qsort(all, nall, sizeof(*all), by_registry);
		for (i = 0; i < nall; i++) {
			count(sum, json_text(all[i], "verdict"));
			json_object_array_add(scns, json_object_get(all[i]));
		}
		out = json_object_new_object();
		json_object_object_add(out, "schema_version", json_object_new_int(1));
		json_object_object_add(out, "run_id", json_object_new_string(argv[1]));
		json_object_object_add(out, "started", json_object_get(json_get(first, "started")));
		json_object_object_add(out, "duration_s", json_object_new_double(duration));
		json_object_object_add(out, "environment", json_object_get(json_get(first, "environment")));
		json_object_object_add(out, "options", json_object_get(json_get(first, "options")));
		if (json_get(out, "options"))
			json_object_object_del(json_get(out, "options"), "shard");
		json_object_object_add(out, "merged_from", json_object_get(from));
		json_object_object_add(out, "scenarios", json_object_get(scns));
		json_object_object_add(out, "summary", json_object_get(sum));
		json_object_object_add(out, "interrupted", json_object_new_boolean(interrupted));
		json_object_object_add(out, "warnings", json_object_get(warn));
		e = file_mkdirs(argv[1]);
		path = xasprintf("%s/results.json", argv[1]);
		text = xasprintf("%s\n", json_object_to_json_string_ext(out, JSON_C_TO_STRING_PRETTY |
				 JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE));
		if (!e)
			e = file_write_atomic(path, text, strlen(text));
		if (e)
			rc = fail("cannot write %s: %s", path, strerror(-e));
		else
			printf("merged %zu scenarios from %d runs: %s\n", nall, argc - 2, path);
		free(path);
		free(text);
		json_object_put(out);
	}
	for (i = 0; i < nall; i++)
		json_object_put(all[i]);
	free(all);
	json_object_put(first);
	json_object_put(scns);
	json_object_put(warn);
	json_object_put(from);
	json_object_put(sum);
	return rc;
}
