// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdbool.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "lib/verdict.h"
#include "l0/sys/file.h"
#include "l0/sys/json.h"
#include "l0/regress/junit.h"

/* XML text and attribute values; control bytes other than tab and newline are dropped. */
static void xml(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c == '\n')
			fputs("&#10;", f);
		else if (c >= 0x20 || c == '\t')
			fputc(c, f);
	}
}

static void attr(FILE *f, const char *name, const char *value)
{
	fprintf(f, " %s=\"", name);
	xml(f, value);
	fputc('"', f);
}

static void testcase(FILE *f, json_object *s)
{
	const char *name = json_text(s, "name"), *verdict = json_text(s, "verdict"), *why = json_text(s, "why");
	const char *slash = strchr(name, '/');
	json_object *checks = json_get(s, "checks"), *lat = json_get(s, "latency");
	json_object *attribution = json_get(s, "attribution");
	enum verdict v = verdict_find(verdict);
	char cls[96];

	snprintf(cls, sizeof(cls), "nestlab.%.*s", slash ? (int)(slash - name) : (int)strlen(name), name);
	fputs("    <testcase", f);
	attr(f, "classname", cls);
	attr(f, "name", name);
	fputs(">\n", f);
	if (attribution) {	/* a lab's FAIL re-run bare (l0/run/attribute.h) */
		fputs("      <properties><property name=\"attribution\"", f);
		attr(f, "value", json_text(attribution, "label"));
		fputs("/></properties>\n", f);
	}
	if (v == VERDICT_SKIP) {
		fputs("      <skipped", f);
		attr(f, "message", why);
		fputs("/>\n", f);
	} else if (v != VERDICT_PASS) {
		bool fail = v == VERDICT_FAIL;

		fprintf(f, "      <%s", fail ? "failure" : "error");
		attr(f, "type", verdict);
		attr(f, "message", why[0] ? why : verdict);
		fputs(">", f);
		if (attribution) {
			xml(f, "attribution: ");
			xml(f, json_text(attribution, "label"));
			xml(f, "\n");
		}
		for (size_t i = 0; checks && i < json_object_array_length(checks); i++) {
			json_object *c = json_object_array_get_idx(checks, i);

			if (verdict_find(json_text(c, "status")) == VERDICT_FAIL) {
				xml(f, "FAIL: ");
				xml(f, json_text(c, "what"));
				xml(f, "\n");
			}
		}
		fprintf(f, "</%s>\n", fail ? "failure" : "error");
	}
	if (lat) {
		fputs("      <system-out>median ", f);
		xml(f, json_text(lat, "median"));
		fputs(" p99 ", f);
		xml(f, json_text(lat, "p99"));
		fputc(' ', f);
		xml(f, json_text(lat, "unit"));
		fputs(", log ", f);
		xml(f, json_text(s, "log"));
		fputs("</system-out>\n", f);
	}
	fputs("    </testcase>\n", f);
}

static unsigned count_of(json_object *sum, const char *key)
{
	return (unsigned)json_object_get_int(json_get(sum, key));
}

void junit_print(FILE *f, json_object *root)
{
	json_object *env = json_get(root, "environment"), *sum = json_get(root, "summary"), *scns = json_get(root, "scenarios");
	static const char *const props[] = { "backend", "l0", "cpu_model", "git_revision", "host" };
	unsigned tests = count_of(sum, "total"), failures = count_of(sum, "failed"),
		 errors = count_of(sum, "errors") + count_of(sum, "crashed") + count_of(sum, "timeouts"),
		 skipped = count_of(sum, "skipped");
	char nums[128];

	snprintf(nums, sizeof(nums), " tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\"", tests,
		 failures, errors, skipped);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", f);
	attr(f, "name", "nestlab");
	fprintf(f, "%s", nums);
	attr(f, "time", json_text(root, "duration_s"));
	fputs(">\n  <testsuite", f);
	attr(f, "name", json_text(root, "run_id"));
	fprintf(f, "%s", nums);
	attr(f, "time", json_text(root, "duration_s"));
	attr(f, "timestamp", json_text(root, "started"));
	fputs(">\n    <properties>\n", f);
	for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
		fputs("      <property", f);
		attr(f, "name", props[i]);
		attr(f, "value", json_text(env, props[i]));
		fputs("/>\n", f);
	}
	fputs("    </properties>\n", f);
	for (size_t i = 0; scns && i < json_object_array_length(scns); i++)
		testcase(f, json_object_array_get_idx(scns, i));
	fputs("  </testsuite>\n</testsuites>\n", f);
}

int junit_write(json_object *root, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int e;

	if (!f)
		return -ENOMEM;
	junit_print(f, root);
	if (fclose(f)) {
		free(text);
		return -ENOMEM;
	}
	e = file_write_atomic(path, text, len);
	free(text);
	return e;
}

