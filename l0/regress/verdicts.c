// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "l0/regress/doc.h"
#include "l0/regress/verdicts.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/json.h"

static json_object *find(json_object *doc, const char *name)
{
	json_object *scns = json_get(doc, "scenarios");

	for (size_t i = 0; scns && i < json_object_array_length(scns); i++) {
		json_object *s = json_object_array_get_idx(scns, i);

		if (!strcmp(json_text(s, "name"), name))
			return s;
	}
	return NULL;
}

static const char *verdict_of(json_object *doc, const char *name)
{
	json_object *s = find(doc, name);

	return s ? json_text(s, "verdict") : "-";
}

static bool selected(const char *name, const char *const *prefixes, int n)
{
	for (int i = 0; i < n; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return n == 0;
}

static size_t family_len(const char *name)
{
	const char *slash = strchr(name, '/');

	return slash ? (size_t)(slash - name) : strlen(name);
}

/* Table cells hold no '|' and no newline. */
static void cell(FILE *out, const char *text)
{
	for (; *text; text++)
		fputs(*text == '|' ? "\\|" : *text == '\n' ? " " : (char[]){ *text, 0 }, out);
}

const char *verdicts_command(json_object *doc, const char *scenario, char *buf, size_t size)
{
	json_object *env = json_get(doc, "environment"), *opt = json_get(doc, "options");
	json_object *params = json_get(opt, "l0_param");
	size_t n = (size_t)snprintf(buf, size, "build/l0/nestlab run --backend %s", json_text(env, "backend"));

	if (*json_text(opt, "model") && n < size)
		n += (size_t)snprintf(buf + n, size - n, " --model %s", json_text(opt, "model"));
	if (!strcmp(json_text(opt, "boot"), "efi") && n < size)
		n += (size_t)snprintf(buf + n, size - n, " --boot efi");
	if (json_object_is_type(params, json_type_array))
		for (size_t i = 0; i < json_object_array_length(params) && n < size; i++)
			n += (size_t)snprintf(buf + n, size - n, " --l0-param %s",
					      json_object_get_string(json_object_array_get_idx(params, i)));
	else if (json_object_is_type(params, json_type_string) && n < size)
		n += (size_t)snprintf(buf + n, size - n, " --l0-param %s", json_object_get_string(params));
	if (n < size)
		snprintf(buf + n, size - n, " %s", scenario);
	return buf;
}

static bool passes(const char *v)
{
	return !strcmp(v, "PASS");
}

static bool fails(const char *v)
{
	return strcmp(v, "PASS") && strcmp(v, "SKIP") && strcmp(v, "-");
}

static bool disagree(const struct verdicts_run *runs, int nruns, const char *name)
{
	bool pass = false, fail = false;

	for (int r = 0; r < nruns; r++) {
		const char *v = verdict_of(runs[r].doc, name);

		pass |= passes(v);
		fail |= fails(v);
	}
	return pass && fail;
}

static void header(FILE *out, const struct verdicts_run *runs, int nruns, const char *family, size_t len)
{
	fprintf(out, "\n#### %.*s/\n\n| scenario | what it checks |", (int)len, family);
	for (int r = 0; r < nruns; r++) {
		fputc(' ', out);
		cell(out, runs[r].label);
		fputs(" |", out);
	}
	fputs("\n|---|---|", out);
	for (int r = 0; r < nruns; r++)
		fputs("---|", out);
	fputc('\n', out);
}

static void tables(FILE *out, const struct verdicts_run *runs, int nruns, const char *const *prefixes, int np)
{
	json_object *scns = json_get(runs[0].doc, "scenarios");
	const char *family = "";
	size_t flen = 0;

	for (size_t i = 0; scns && i < json_object_array_length(scns); i++) {
		json_object *s = json_object_array_get_idx(scns, i);
		const char *name = json_text(s, "name");

		if (!selected(name, prefixes, np))
			continue;
		if (family_len(name) != flen || strncmp(name, family, flen)) {
			family = name;
			flen = family_len(name);
			header(out, runs, nruns, family, flen);
		}
		fprintf(out, "| `%s` | ", name);
		cell(out, json_text(s, "description"));
		fputs(" |", out);
		for (int r = 0; r < nruns; r++) {
			const char *v = verdict_of(runs[r].doc, name);

			fprintf(out, " %s%s%s |", fails(v) ? "**" : "", v, fails(v) ? "**" : "");
		}
		fputc('\n', out);
	}
}

static void failing_checks(FILE *out, json_object *s)
{
	json_object *checks = json_get(s, "checks");
	int shown = 0;

	if (*json_text(s, "why")) {
		fputs("    - ", out);
		cell(out, json_text(s, "why"));
		fputc('\n', out);
		shown++;
	}
	for (size_t i = 0; checks && i < json_object_array_length(checks) && shown < 3; i++) {
		json_object *c = json_object_array_get_idx(checks, i);

		if (!strcmp(json_text(c, "status"), "FAIL")) {
			fputs("    - ", out);
			cell(out, json_text(c, "what"));
			fputc('\n', out);
			shown++;
		}
	}
}

static void disagreements(FILE *out, const struct verdicts_run *runs, int nruns, const char *const *prefixes,
			  int np)
{
	json_object *scns = json_get(runs[0].doc, "scenarios");
	int n = 0;

	fputs("\n#### Where the verdicts differ\n\n", out);
	for (size_t i = 0; scns && i < json_object_array_length(scns); i++) {
		const char *name = json_text(json_object_array_get_idx(scns, i), "name");
		char cmd[512];

		if (!selected(name, prefixes, np) || !disagree(runs, nruns, name))
			continue;
		n++;
		fprintf(out, "- `%s`:", name);
		for (int r = 0; r < nruns; r++)
			fprintf(out, "%s %s %s", r ? "," : "", runs[r].label, verdict_of(runs[r].doc, name));
		fputc('\n', out);
		for (int r = 0; r < nruns; r++) {
			json_object *s = find(runs[r].doc, name);

			if (!s || !fails(json_text(s, "verdict")))
				continue;
			fprintf(out, "  - %s: `%s`\n", runs[r].label,
				verdicts_command(runs[r].doc, name, cmd, sizeof(cmd)));
			failing_checks(out, s);
		}
	}
	if (!n)
		fputs("None: every scenario has the same verdict everywhere it ran (SKIP aside).\n", out);
}

void verdicts_print(FILE *out, const struct verdicts_run *runs, int nruns, const char *const *prefixes, int np)
{
	if (nruns < 1)
		return;
	tables(out, runs, nruns, prefixes, np);
	disagreements(out, runs, nruns, prefixes, np);
}

int verdicts_main(int argc, char **argv)
{
	struct verdicts_run runs[VERDICTS_RUNS_MAX];
	const char *prefixes[32];
	int nruns = 0, np = 0, rc = 0;
	struct diag why;

	for (int i = 1; i < argc; i++) {
		char *eq = strrchr(argv[i], '=');	/* labels may hold "ept=0" */

		if (!strcmp(argv[i], "--only") && i + 1 < argc && np < 32) {
			prefixes[np++] = argv[++i];
			continue;
		}
		if (!eq || eq == argv[i] || nruns == VERDICTS_RUNS_MAX) {
			fprintf(stderr, "nestlab: verdicts takes [--only PREFIX]... LABEL=RUN... (at most %d runs): "
					"'%s' is not LABEL=RUN\n", VERDICTS_RUNS_MAX, argv[i]);
			rc = EXIT_USAGE;
			goto out;
		}
		*eq = 0;
		runs[nruns].label = argv[i];
		runs[nruns].doc = results_doc_load(eq + 1, &why);
		if (!runs[nruns].doc) {
			fprintf(stderr, "nestlab: %s\n", why.msg);
			rc = EXIT_USAGE;
			goto out;
		}
		nruns++;
	}
	if (!nruns) {
		fputs("nestlab: verdicts needs at least one LABEL=RUN (a run directory or results.json)\n", stderr);
		rc = EXIT_USAGE;
		goto out;
	}
	verdicts_print(stdout, runs, nruns, prefixes, np);
out:
	for (int r = 0; r < nruns; r++)
		json_object_put(runs[r].doc);
	return rc;
}
