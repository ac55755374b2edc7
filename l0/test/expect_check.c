// SPDX-License-Identifier: GPL-2.0-only
/*
 * expect_check RESULTS.json EXPECT: compares a run's results.json with an expectation
 * file (scripts/bochs-suite.expect): every listed scenario present with that verdict and
 * exactly those L2->L1 exit counts, no other reason, no unlisted scenario. A token
 * REASON=N is an exact L2->L1 count; LEVEL:REASON=N or LEVEL:REASON>=N checks another
 * level (l0, l0_nested), which may hold reasons not listed. Independent of
 * L1's own checks: it tests what reached the results file. Prints PASS/FAIL per scenario
 * and "N passed, N failed".
 * expect_check --write RESULTS.json prints the expectation a run meets (verdicts and L2->L1
 * counts): to hold one run to another's results (scripts/check-efi: EFI against BIOS boot).
 */
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/sys/exit_status.h"
#include "lib/test.h"

static void verdict_line(int ok, const char *name, const char *why)
{
	TEST_VERDICT(ok, "expect: %s%s%s", name, why[0] ? ": " : "", why);
}

static struct json_object *find_scenario(struct json_object *scns, const char *name)
{
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		struct json_object *s = json_object_array_get_idx(scns, i), *n;

		if (json_object_object_get_ex(s, "name", &n) && !strcmp(json_object_get_string(n), name))
			return s;
	}
	return NULL;
}

static void check_line(struct json_object *scns, char *line, char *seen, size_t seen_size)
{
	char *name = strtok(line, " \t\n"), *verdict = strtok(NULL, " \t\n"), *tok;
	struct json_object *s, *v, *exits = NULL, *l1 = NULL;
	char why[512] = "";
	size_t listed = 0;

	if (!name || name[0] == '#')
		return;
	strncat(seen, name, seen_size - strlen(seen) - 2);
	strcat(seen, "\n");
	s = find_scenario(scns, name);
	if (!s) {
		verdict_line(0, name, "missing from results");
		return;
	}
	json_object_object_get_ex(s, "verdict", &v);
	if (!verdict || !v || strcmp(json_object_get_string(v), verdict))
		snprintf(why, sizeof(why), "verdict %s (want %s)", v ? json_object_get_string(v) : "none",
			 verdict ? verdict : "?");
	if (json_object_object_get_ex(s, "exits", &exits))
		json_object_object_get_ex(exits, "l1", &l1);
	while (!why[0] && (tok = strtok(NULL, " \t\n"))) {
		char *eq = strchr(tok, '='), *colon = strchr(tok, ':');
		const char *level = "l1", *reason = tok;
		struct json_object *c, *lv = NULL;
		bool at_least;
		long want, got;

		if (!eq || eq == tok) {
			snprintf(why, sizeof(why), "bad expectation %s", tok);
			break;
		}
		at_least = eq[-1] == '>';
		eq[at_least ? -1 : 0] = 0;
		want = strtol(eq + 1, NULL, 10);
		if (colon && colon < eq) {	/* level:REASON, e.g. l0:VMRESUME>=64 */
			*colon = 0;
			level = tok;
			reason = colon + 1;
		}
		if (exits)
			json_object_object_get_ex(exits, level, &lv);
		got = lv && json_object_object_get_ex(lv, reason, &c) ? json_object_get_int64(c) : 0;
		if (at_least ? got < want : got != want)
			snprintf(why, sizeof(why), "exits %s %s: %ld (want %s%ld)", level, reason, got,
				 at_least ? "at least " : "", want);
		if (!strcmp(level, "l1"))
			listed++;
	}
	if (!why[0] && l1 && json_object_object_length(l1) != (int)listed)
		snprintf(why, sizeof(why), "%d exit reasons in results, %zu expected: %s",
			 json_object_object_length(l1), listed, json_object_to_json_string(l1));
	verdict_line(!why[0], name, why);
}

static void write_expect(struct json_object *scns)
{
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		struct json_object *s = json_object_array_get_idx(scns, i), *n, *v, *exits, *l1 = NULL;

		json_object_object_get_ex(s, "name", &n);
		json_object_object_get_ex(s, "verdict", &v);
		printf("%-27s %-5s", n ? json_object_get_string(n) : "?", v ? json_object_get_string(v) : "?");
		if (json_object_object_get_ex(s, "exits", &exits))
			json_object_object_get_ex(exits, "l1", &l1);
		if (l1) {
			json_object_object_foreach(l1, reason, count)
				printf(" %s=%lld", reason, (long long)json_object_get_int64(count));
		}
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	struct json_object *root, *scns;
	static char line[1024], seen[65536] = "\n";	/* "\nname\n" for each listed name */
	bool write = argc == 3 && !strcmp(argv[1], "--write");
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: expect_check RESULTS.json EXPECT | expect_check --write RESULTS.json\n");
		return EXIT_USAGE;
	}
	root = json_object_from_file(argv[write ? 2 : 1]);
	if (!root || !json_object_object_get_ex(root, "scenarios", &scns) ||
	    !json_object_is_type(scns, json_type_array)) {
		fprintf(stderr, "expect_check: %s: not a results file\n", argv[write ? 2 : 1]);
		return EXIT_USAGE;
	}
	if (write) {
		write_expect(scns);
		json_object_put(root);
		return 0;
	}
	f = fopen(argv[2], "r");
	if (!f) {
		perror(argv[2]);
		return EXIT_USAGE;
	}
	while (fgets(line, sizeof(line), f))
		check_line(scns, line, seen, sizeof(seen));
	fclose(f);
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		struct json_object *n;
		char key[300];

		json_object_object_get_ex(json_object_array_get_idx(scns, i), "name", &n);
		snprintf(key, sizeof(key), "\n%s\n", n ? json_object_get_string(n) : "?");
		if (!strstr(seen, key))
			verdict_line(0, n ? json_object_get_string(n) : "?", "in results but not expected");
	}
	json_object_put(root);
	return test_done();
}
