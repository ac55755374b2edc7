/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/guest.c over a registry of its own: the default suite leaves debug/ out, a run= list
 * runs in its order with unknown names as ERROR, verdicts and the `end` record add up, and
 * break= names the running scenario only.
 */
#include <stdio.h>
#include <string.h>

#include "lib/console.h"
#include "lib/guest.h"
#include "lib/report.h"
#include "lib/selection.h"
#include "lib/test.h"

struct scenario {
	enum verdict want;
};

static const struct scenario scn_pass = { VERDICT_PASS }, scn_fail = { VERDICT_FAIL },
			     scn_skip = { VERDICT_SKIP }, scn_debug = { VERDICT_ERROR };

const struct scenario_entry scenario_registry[] = {
	SCENARIO_ENTRY(pass, "a/pass", "passes")
	SCENARIO_ENTRY(fail, "a/fail", "a check fails")
	SCENARIO_ENTRY(skip, "b/skip", "skips")
	SCENARIO_ENTRY(debug, "debug/error", "not in the default suite")
};
const u32 scenario_count = ARRAY_SIZE(scenario_registry);

static char out[8192];
static unsigned broken;

void console_puts(const char *s)
{
	strncat(out, s, sizeof(out) - strlen(out) - 1);
}

enum verdict scenario_run(const struct scenario_entry *e, const struct run_options *o)
{
	broken += scenario_broken(o);
	check(e->scn->want != VERDICT_FAIL, "%s checks", scenario_name());
	if (e->scn->want == VERDICT_FAIL)
		return scenario_result(scenario_failed() ? VERDICT_FAIL : VERDICT_PASS, 5, NULL);
	return scenario_result(scenario_failed() ? VERDICT_FAIL : e->scn->want, 5, NULL);
}

/* The `end` record's fields, without its CRC. */
static bool end_is(const char *want)
{
	const char *end = strstr(out, "@nl1 end ");

	return end && !strncmp(end, want, strlen(want));
}

static void run(const char *line)
{
	static struct guest_cmdline c;

	out[0] = 0;
	report_reset();
	guest_cmdline_parse(&c, line, GUEST_CMDLINE_MAX);
	guest_run_selected(c.run, &c.opt);
	guest_end();
}

int main(void)
{
	report_set_output(console_puts);
	CHECK(scenario_find("b/skip") == &scenario_registry[2], "find b/skip");
	CHECK(!scenario_find("b/ski"), "no prefix match");

	run("");
	CHECK(!strstr(out, "debug/error"), "default suite: no debug/");
	CHECK(strstr(out, "@nl1 scenario name=a/pass index=1 of=3 ") != NULL, "default suite: 1 of 3");
	CHECK(end_is("@nl1 end passed=1 failed=1 skipped=1 errors=0 "), "default suite: end record");
	CHECK(!scenario_name(), "no scenario between scenarios");

	run("run=debug/error,nope,a/pass break=a/pass");
	CHECK(strstr(out, "@nl1 result name=nope verdict=ERROR iterations=0 why=unknown%20scenario") != NULL,
		   "unknown name: ERROR result");
	CHECK(strstr(out, "FAIL: unknown scenario nope\n") != NULL, "unknown name: FAIL line");
	CHECK(strstr(out, "@nl1 scenario name=a/pass index=3 of=3 ") != NULL, "run= list: 3 of 3");
	CHECK(end_is("@nl1 end passed=2 failed=1 skipped=1 errors=2 "), "run= list: end record, totals of both runs");
	CHECK(broken == 1, "break=a/pass breaks a/pass only (%u)", broken);
	CHECK(strstr(out, "PASS: a/pass: a/pass checks\n") != NULL, "check line under the prefix");

	guest_tally(VERDICT_ERROR);
	out[0] = 0;
	guest_end();
	CHECK(end_is("@nl1 end passed=2 failed=1 skipped=1 errors=3 "), "tally adds up");
	if (test_failed)
		printf("%s", out);	/* the last run's lines */
	{
		u8 bits[SELECTION_BITMAP_BYTES] = { 0 };
		char line[SELECTION_TEXT_MAX + 8] = "run=";
		u32 fp = selection_fingerprint(scenario_registry, sizeof(scenario_registry[0]), scenario_count);

		selection_set(bits, 2);
		selection_set(bits, 0);
		selection_encode(line + 4, sizeof(line) - 4, fp, bits, scenario_count);
		run(line);
		CHECK(strstr(out, "@nl1 scenario name=a/pass index=1 of=2 ") != NULL &&
		      strstr(out, "@nl1 scenario name=b/skip index=2 of=2 ") != NULL && !strstr(out, "a/fail"),
		      "run=@FP:BITMAP: the selected two, in registry order: %s", out);
		selection_encode(line + 4, sizeof(line) - 4, fp ^ 1, bits, scenario_count);
		run(line);
		CHECK(strstr(out, "verdict=ERROR") && strstr(out, "another%20registry") && !strstr(out, "a/pass"),
		      "another registry's selection: ERROR, nothing run: %s", out);
		run("run=@12345678:zz");
		CHECK(strstr(out, "malformed%20selection") != NULL, "malformed selection: ERROR");
	}
	return test_done();
}
