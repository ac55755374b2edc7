// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the results readers over arbitrary bytes: parsed and checked as every
 * reader loads a document (l0/regress/doc.c), then, when it passes, the table and the
 * comparison with itself and with a fixed document, as table and compare make them. A
 * finding is a crash or a sanitizer report. Built two ways:
 *   make fuzz             clang -fsanitize=fuzzer,address,undefined: LLVMFuzzerTestOneInput
 *   readers_fuzz_test     host cc: the seed corpus l0/test/corpus/readers/ and 20000
 *                         deterministic mutations of it (l0/test/fuzz_main.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/regress/compare.h"
#include "l0/regress/doc.h"
#include "l0/regress/table.h"
#include "l0/sys/json.h"
#include "l0/test/fuzz_main.h"

static const char fixed[] =
	"{\"schema_version\": 1, \"run_id\": \"base\", \"environment\": {\"backend\": \"bochs\", "
	"\"cpu_model\": \"corei7_haswell_4770\"}, \"scenarios\": [{\"name\": \"cpuid/exit\", "
	"\"verdict\": \"PASS\", \"iterations\": 64, \"exits\": {\"l1\": {\"CPUID\": 64}}, "
	"\"latency\": {\"unit\": \"cycles\", \"n\": 3, \"median\": 5, \"p99\": 6, \"stddev\": 1, "
	"\"samples\": [4, 5, 6]}}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cmp_opts o = { .threshold = 2.0, .boot = { .resamples = 20, .confidence = 95, .seed = 1 } };
	json_object *doc = json_parse_doc((const char *)data, size), *base;
	static FILE *null;
	struct cmp_result r;
	struct diag why;

	if (!null)
		null = fopen("/dev/null", "w");
	if (!doc || !json_object_is_type(doc, json_type_object) || results_doc_check(doc, &why)) {
		json_object_put(doc);
		return 0;
	}
	base = json_parse_doc(fixed, strlen(fixed));
	table_print_doc(null, doc);
	if (compare_docs(doc, doc, &o, &r) >= 0)
		compare_print(null, &r, &o);
	compare_free(&r);
	if (compare_docs(base, doc, &o, &r) >= 0)
		compare_print(null, &r, &o);
	compare_free(&r);
	json_object_put(base);
	json_object_put(doc);
	return 0;
}

#ifndef FUZZ_LIBFUZZER
int main(void)
{
	return fuzz_main("l0/test/corpus/readers", 20000);
}
#endif
