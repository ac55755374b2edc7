// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the whole session: console bytes -> session (three scenarios, the input
 * fed in two pieces) -> results.json -> parsed back and checked as the readers check it
 * (l0/regress/doc.c). Findings: a crash, a sanitizer report, or a results document that
 * nestlab's own readers would refuse. Built two ways:
 *   make fuzz              clang -fsanitize=fuzzer,address,undefined: LLVMFuzzerTestOneInput
 *   session_fuzz_test      host cc: the seed corpus l0/test/corpus/session/ and 10000
 *                          deterministic mutations of it (l0/test/fuzz_main.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/backend.h"
#include "l0/regress/doc.h"
#include "l0/run/results.h"
#include "l0/run/run.h"
#include "l0/run/session.h"
#include "l0/sys/json.h"
#include "l0/test/fuzz_main.h"

#define SCENARIOS 3

static const struct backend fuzz_backend = { .name = "fuzz" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[SCENARIOS] = { "cpuid/exit", "vmcall/exit", "hlt/exit" };
	static const struct run_opts o = { .be = &fuzz_backend, .model = "haswell", .jobs = 1,
					   .timeout_s = 1, .results = "results", .image = "l1.elf" };
	struct scn_result scn[SCENARIOS], *ptr[SCENARIOS];
	struct run r = { .o = &o, .scn = scn, .n = SCENARIOS };
	struct session s;
	json_object *doc, *back;
	struct diag why;
	const char *text;
	size_t i;

	memset(scn, 0, sizeof(scn));
	for (i = 0; i < SCENARIOS; i++) {
		scn[i].info = scenario_find(names[i]);
		scn[i].job = -1;
		ptr[i] = &scn[i];
	}
	session_init(&s, ptr, SCENARIOS, 0, &r.env, NULL, NULL);
	session_feed(&s, (const char *)data, size / 2);
	session_feed(&s, (const char *)data + size / 2, size - size / 2);
	session_finish(&s, size & 1 ? SESSION_EXITED : SESSION_TIMEOUT, NULL, NULL, 0);
	for (i = 0; i < SCENARIOS; i++)	/* as the runner ends a job */
		if (scn[i].verdict == VERDICT_NONE)
			scn_result_set(&scn[i], VERDICT_ERROR, "not run: fuzz");
	doc = results_json(&r);
	text = json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	back = json_parse_doc(text, strlen(text));
	if (!back || results_doc_check(back, &why)) {
		fprintf(stderr, "session_fuzz: results.json does not read back: %s\n%s\n",
			back ? why.msg : "not JSON", text);
		abort();
	}
	json_object_put(back);
	json_object_put(doc);
	session_free(&s);
	for (i = 0; i < SCENARIOS; i++)
		scn_result_free(&scn[i]);
	run_env_free(&r.env);
	return 0;
}

#ifndef FUZZ_LIBFUZZER
int main(void)
{
	return fuzz_main("l0/test/corpus/session", 10000);
}
#endif
