// SPDX-License-Identifier: GPL-2.0-only
/*
 * l0/backend/qemu_migrate.c's parsers: query-migrate's replies (QEMU docs/interop/qmp-spec,
 * qapi/migration.json: MigrationInfo), the log's lines, and the incoming QEMU's argv.
 */
#include <errno.h>
#include <string.h>

#include <json-c/json.h>

#include "l0/backend/qemu_migrate.h"
#include "lib/test.h"

/* qmp.o's qmp_edge_stats, which no test here calls, adds to a statistics set: not linked. */
void l0_stat_add(struct l0_stat_set *s, const char *name, uint64_t v)
{
	(void)s, (void)name, (void)v;
}

static int status_of(const char *json, char *err, size_t size)
{
	struct json_object *o = json_tokener_parse(json);
	int st = qemu_migrate_status(o, err, size);

	json_object_put(o);
	return st;
}

static void test_status(void)
{
	char err[QEMU_MIGRATE_ERROR_MAX] = "";

	CHECK(status_of("{\"return\": {\"status\": \"completed\", \"total-time\": 70}}", err, sizeof(err)) == 1,
	      "completed");
	CHECK(status_of("{\"return\": {\"status\": \"active\"}}", err, sizeof(err)) == 0, "active: still going");
	CHECK(status_of("{\"return\": {\"status\": \"device\"}}", err, sizeof(err)) == 0, "device: still going");
	CHECK(status_of("{\"return\": {}}", err, sizeof(err)) == 0, "no status yet: still going");
	CHECK(status_of("{\"return\": {\"status\": \"failed\", \"error-desc\": \"State blocked by\\nnon-migratable "
			"device\"}}", err, sizeof(err)) == -1 &&
	      !strcmp(err, "State blocked by non-migratable device"), "failed: QEMU's error-desc, one line (%s)", err);
	CHECK(status_of("{\"return\": {\"status\": \"cancelled\"}}", err, sizeof(err)) == -1 &&
	      !strcmp(err, "cancelled"), "cancelled: a failure (%s)", err);
	CHECK(status_of("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Nested virtualization does not "
			"support live migration yet\"}}", err, sizeof(err)) == -1 &&
	      !strcmp(err, "Nested virtualization does not support live migration yet"),
	      "an error reply: its desc (%s)", err);
	CHECK(status_of("{\"event\": \"STOP\"}", err, sizeof(err)) == -2, "an event: not a reply");
	CHECK(qemu_migrate_status(NULL, err, sizeof(err)) == -2, "nothing: not a reply");
}

static void test_log(void)
{
	struct qemu_migration list[4];
	size_t n = 0;

	CHECK(qemu_migrate_log_line("out 1 edge 3 asked 3 serial 4096 us 72762 status completed", list, &n, 4) && n == 1 &&
	      list[0].k == 1 && list[0].edge == 3 && list[0].asked_edge == 3 && list[0].serial == 4096 && list[0].out_us == 72762 &&
	      list[0].out_done && !list[0].has_in, "out line");
	CHECK(qemu_migrate_log_line("in 1 us 26702 total_us 297533 status completed state guest-panicked", list, &n,
				    4) && n == 1 && list[0].has_in && list[0].in_done && list[0].in_us == 26702 &&
	      list[0].total_us == 297533, "in line joins out line 1");
	CHECK(qemu_migrate_log_line("out 2 edge 5 asked 4 serial 9000 us 10 status refused error Nested virtualization "
				    "does not support live migration yet", list, &n, 4) && n == 2 && !list[1].out_done && list[1].asked_edge == 4 &&
	      !strcmp(list[1].error, "Nested virtualization does not support live migration yet") &&
	      !strcmp(list[1].status, "refused"), "refused out line: the error to the end (%s)", list[1].error);
	CHECK(qemu_migrate_log_line("in 3 us 0 total_us 0 status lost error qemu-system-x86_64: load of migration "
				    "failed: Invalid argument", list, &n, 4) && n == 3 && list[2].has_in &&
	      !list[2].in_done && strstr(list[2].error, "load of migration failed"), "lost in line");
	CHECK(!qemu_migrate_log_line("edge 1 vcpu exits 5", list, &n, 4) && n == 3, "not a log line");
	CHECK(qemu_migrate_log_line("out 4 edge 0 asked 0 serial 0 us 1 status completed", list, &n, 4) && n == 4,
	      "fourth fits");
	CHECK(!qemu_migrate_log_line("out 5 edge 0 asked 0 serial 0 us 1 status completed", list, &n, 4) && n == 4,
	      "fifth: list full");
}

static void test_argv(void)
{
	char *argv[] = { "qemu", "-m", "64", "-serial", "file:" QEMU_MIGRATE_SERIAL, "-S", NULL };
	const char *out[16];

	CHECK(!qemu_migrate_argv(argv, out, 16), "argv fits");
	CHECK(!strcmp(out[0], "qemu") && !strcmp(out[3], "-chardev") &&
	      strstr(out[4], "path=" QEMU_MIGRATE_SERIAL) && strstr(out[4], "append=on") &&
	      !strcmp(out[5], "-serial") && !strcmp(out[6], "chardev:nlcom1") && !strcmp(out[7], "-S") &&
	      !strcmp(out[8], "-incoming") && !strcmp(out[9], "defer") && !out[10],
	      "the serial appends, -incoming defer at the end");
	CHECK(qemu_migrate_argv(argv, out, 8) == -E2BIG, "too small: -E2BIG");
}

int main(void)
{
	test_status();
	test_log();
	test_argv();
	return test_done();
}
