// SPDX-License-Identifier: GPL-2.0-only
/*
 * --kcidb: a lab run's results document as a KCIDB 5.3 report, held against what the
 * schema requires (kcidb_validate), and breaches of it found.
 */
#include <string.h>

#include "l0/regress/kcidb.h"
#include "l0/sys/json.h"
#include "lib/test.h"

static const char results[] =
	"{ \"schema_version\": 1, \"run_id\": \"20261207-185232-lab-vmx-ab12\", \"started\": \"2026-12-07T18:52:32Z\","
	"  \"environment\": { \"backend\": \"lab-vmx\", \"arch\": \"x86\","
	"    \"l0\": \"lab-vmx: Linux 6.1.0-57-cloud-amd64, kvm_intel, in bochs 2.7\", \"l0_params\": \"kvm_intel ept=N\","
	"    \"l0_inputs\": { \"package\": \"linux-image-6.1.0-57-cloud-amd64-unsigned_6.1.192-3_amd64.deb\","
	"      \"kvm_modules\": { \"dir\": \"/m\", \"source\": [ \"patch 0001-fix.patch\" ] } },"
	"    \"cpu_model\": \"corei7_haswell_4770\", \"host\": \"Linux 6.1.0 x86_64\", \"git_revision\": null },"
	"  \"options\": { \"iters\": null },"
	"  \"scenarios\": ["
	"    { \"name\": \"pf/cr3-across-exit\", \"verdict\": \"FAIL\", \"why\": \"guest CR3 stale\", \"iterations\": 448,"
	"      \"exits\": { \"l1\": { \"CR3_LOAD\": 448 } }, \"latency\": { \"unit\": \"cycles\", \"median\": 31493 },"
	"      \"checks\": [ { \"status\": \"FAIL\", \"what\": \"guest CR3 saved at 264 of 264 exits\" } ],"
	"      \"attribution\": { \"label\": \"L0\", \"bare\": [ { \"l0\": \"bochs haswell\", \"verdict\": \"PASS\" } ] } },"
	"    { \"name\": \"cpuid/exit\", \"verdict\": \"PASS\", \"iterations\": 256, \"checks\": [] },"
	"    { \"name\": \"apic/x2apic+odd\", \"verdict\": \"TIMEOUT\", \"checks\": [] },"
	"    { \"name\": \"ept/none\", \"verdict\": \"NOTRUN\", \"checks\": [] } ] }";

static json_object *at(json_object *doc, const char *list, size_t i)
{
	return json_object_array_get_idx(json_get(doc, list), i);
}

/* doc after edit breaks the schema with a message holding want. */
static void breaks(json_object *doc, const char *want, const char *what)
{
	char why[512] = "";

	CHECK(kcidb_validate(doc, why, sizeof(why)) && strstr(why, want), "%s: '%s'", what, why);
}

int main(void)
{
	json_object *in = json_parse_doc(results, strlen(results)), *doc, *t;
	char why[512] = "";

	CHECK(in != NULL, "the fixture parses");
	doc = kcidb_from_results(in);
	CHECK(!kcidb_validate(doc, why, sizeof(why)), "the report meets the schema: %s", why);
	CHECK(json_object_get_int(json_get(json_get(doc, "version"), "major")) == 5, "version 5");
	CHECK(json_object_array_length(json_get(doc, "tests")) == 4, "a test per scenario");
	t = at(doc, "tests", 0);
	CHECK(!strcmp(json_text(t, "status"), "FAIL") && !strcmp(json_text(t, "path"), "nestlab.pf.cr3-across-exit"),
	      "FAIL, path");
	CHECK(!strcmp(json_text(json_get(json_get(t, "misc"), "attribution"), "label"), "L0"), "attribution in misc");
	CHECK(!strcmp(json_text(t, "build_id"), json_text(at(doc, "builds", 0), "id")), "test -> build");
	CHECK(!strcmp(json_text(at(doc, "builds", 0), "checkout_id"), json_text(at(doc, "checkouts", 0), "id")),
	      "build -> checkout");
	CHECK(!strncmp(json_text(at(doc, "checkouts", 0), "id"), "nestlab:6.1.0-57-cloud-amd64:", 29),
	      "the checkout names the kernel and its patches: %s", json_text(at(doc, "checkouts", 0), "id"));
	CHECK(!strcmp(json_text(json_get(t, "environment"), "comment"),
		      "lab-vmx: Linux 6.1.0-57-cloud-amd64, kvm_intel, in bochs 2.7"), "the lab as environment");
	CHECK(!strcmp(json_text(at(doc, "tests", 2), "status"), "ERROR") &&
	      !strcmp(json_text(at(doc, "tests", 2), "path"), "nestlab.apic.x2apic_odd") &&
	      !strcmp(json_text(at(doc, "tests", 3), "status"), "MISS"), "TIMEOUT ERROR, NOTRUN MISS, path chars");
	CHECK(json_get(json_get(t, "number"), "value") != NULL, "the median as number");

	json_object_object_del(at(doc, "tests", 1), "origin");
	breaks(doc, "tests[1]: required 'origin' missing", "a test without origin");
	json_object_object_add(at(doc, "tests", 1), "origin", json_object_new_string("Nest lab"));
	breaks(doc, "'origin' = 'Nest lab' does not match", "an origin outside [a-z0-9_]");
	json_object_object_add(at(doc, "tests", 1), "origin", json_object_new_string("nestlab"));
	json_object_object_add(at(doc, "tests", 1), "status", json_object_new_string("NOTRUN"));
	breaks(doc, "'status' = 'NOTRUN'", "a status the schema has not");
	json_object_object_add(at(doc, "tests", 1), "status", json_object_new_string("PASS"));
	json_object_object_add(at(doc, "tests", 1), "comment", NULL);
	breaks(doc, "null", "a null");
	json_object_object_del(at(doc, "tests", 1), "comment");
	json_object_object_add(at(doc, "tests", 1), "build_id", json_object_new_string("nestlab:nothing"));
	breaks(doc, "names no object", "a test of no build");
	json_object_object_add(at(doc, "tests", 1), "build_id", json_object_new_string("no-colon"));
	breaks(doc, "'build_id' = 'no-colon'", "an id without origin:");
	json_object_object_add(at(doc, "tests", 1), "build_id", json_object_new_string(json_text(t, "build_id")));
	json_object_object_add(at(doc, "tests", 1), "verdict", json_object_new_string("PASS"));
	breaks(doc, "property 'verdict' the schema does not define", "a property of nestlab's own");
	json_object_object_del(at(doc, "tests", 1), "verdict");
	json_object_object_add(json_get(doc, "version"), "major", json_object_new_int(4));
	breaks(doc, "major is not 5", "another major version");
	json_object_object_add(json_get(doc, "version"), "major", json_object_new_int(5));
	CHECK(!kcidb_validate(doc, why, sizeof(why)), "mended, it meets the schema again: %s", why);
	json_object_put(doc);
	json_object_put(in);
	return test_done();
}
