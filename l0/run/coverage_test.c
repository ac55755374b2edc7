// SPDX-License-Identifier: GPL-2.0-only
/* The --coverage sink: a file sent as lib/coverage.c sends it is written byte for byte;
 * out-of-order pieces, a wrong CRC or length, and unsafe paths are refused. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/run/cov_sink.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"
#include "lib/crc32.h"
#include "lib/test.h"

static char dir[] = "/tmp/nestlab-coverage-test-XXXXXX";

/* One record through the encoder and the parser into the sink. */
static const char *feed(struct cov_sink *c, const char *type, const char *k1, const char *v1,
			const char *k2, const char *v2, const char *k3, const char *v3)
{
	struct record r;
	struct record_parsed p;
	const char *line;

	record_begin(&r, type);
	record_str(&r, k1, v1);
	if (k2)
		record_str(&r, k2, v2);
	if (k3)
		record_str(&r, k3, v3);
	line = record_end(&r);
	if (record_parse(line, strlen(line), &p) != RECORD_OK)
		return "record did not parse";
	return cov_sink_record(c, &p);
}

static void test_file(void)
{
	const unsigned char want[] = { 0x67, 0x63, 0x64, 0x61, 0, 0, 0, 0, 0, 0x01, 0 };
	struct cov_sink *c = cov_sink_new(dir);
	char crc[16], *path = NULL, *got = NULL;
	size_t len = 0;

	snprintf(crc, sizeof(crc), "0x%x", crc32(want, sizeof(want)));
	CHECK(!feed(c, "covfile", "n", "0", "path", "/x/y/a.gcda", NULL, NULL), "covfile");
	CHECK(!feed(c, "covdata", "n", "0", "off", "0", "d", "67636461z05"), "covdata 1");
	CHECK(!feed(c, "covdata", "n", "0", "off", "9", "d", "01z01"), "covdata 2");
	CHECK(!feed(c, "covend", "n", "0", "len", "11", "crc", crc), "covend");
	CHECK(cov_sink_files(c) == 1, "one file written");
	path = xasprintf("%s/gcda/x/y/a.gcda", dir);
	CHECK(!file_read(path, 1 << 20, &got, &len) && len == sizeof(want) && !memcmp(got, want, len),
	      "gcda/x/y/a.gcda holds the bytes sent (%zu bytes)", len);
	free(got);
	free(path);

	CHECK(feed(c, "covfile", "n", "1", "path", "/x/../etc/a.gcda", NULL, NULL), "a path with .. refused");
	CHECK(feed(c, "covfile", "n", "1", "path", "x/b.gcda", NULL, NULL), "a relative path refused");
	CHECK(feed(c, "covfile", "n", "1", "path", "/x/b.c", NULL, NULL), "a path not .gcda refused");
	CHECK(!feed(c, "covfile", "n", "1", "path", "/x/b.gcda", NULL, NULL), "covfile 2");
	CHECK(feed(c, "covdata", "n", "1", "off", "4", "d", "00"), "a piece at the wrong offset refused");
	CHECK(!feed(c, "covfile", "n", "2", "path", "/x/c.gcda", NULL, NULL), "covfile 3");
	CHECK(feed(c, "covdata", "n", "2", "off", "0", "d", "0g"), "bad hex refused");
	CHECK(!feed(c, "covfile", "n", "3", "path", "/x/d.gcda", NULL, NULL), "covfile 4");
	CHECK(!feed(c, "covdata", "n", "3", "off", "0", "d", "0102"), "covdata 4");
	CHECK(feed(c, "covend", "n", "3", "len", "2", "crc", "0x0"), "a wrong CRC refused");
	CHECK(feed(c, "covdata", "n", "3", "off", "2", "d", "01"), "no file open after a refusal");
	CHECK(cov_sink_files(c) == 1, "still one file written");
	cov_sink_free(c);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir))
		return 2;
	test_file();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd))
		CHECK(0, "cleanup");
	free(cmd);
	return test_done();
}
