// SPDX-License-Identifier: GPL-2.0-only
/* Exact cases for the record parser: each line, its kind and its fields. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/crc32.h"
#include "lib/test.h"
#include "l0/run/record.h"

static struct record_parsed rec;

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Appends " ~<crc>" and '\n' to body (as L1 prints it). */
static const char *with_crc(const char *body)
{
	static char line[2048];

	snprintf(line, sizeof(line), "%s ~%08x\n", body, crc32(body, strlen(body)));
	return line;
}

static enum record_kind parse(const char *line)
{
	return record_parse(line, strlen(line), &rec);
}

#define EXPECT_KIND(line, want)							\
	do {									\
		const char *l_ = (line);					\
		enum record_kind k_ = parse(l_);				\
		CHECK(k_ == (want), "%.80s: kind %d, want %d (%s)", l_, k_,	\
		      (want), rec.why ? rec.why : "-");				\
	} while (0)

#define EXPECT_GARBAGE(body) EXPECT_KIND(with_crc(body), RECORD_GARBAGE)

/* CRCs computed independently (Python zlib.crc32), not with lib/crc32.c. */
static void test_fixed_vectors(void)
{
	EXPECT_KIND("@nl1 end passed=1 failed=0 skipped=0 errors=0 ~21cc3c8f\n", RECORD_OK);
	CHECK(streq(rec.type, "end") && rec.npairs == 4, "end: type %s, %u pairs", rec.type, rec.npairs);
	EXPECT_KIND("@nl1 result name=cpuid/exit verdict=PASS iterations=64 ~97c79d16", RECORD_OK);
	CHECK(rec.npairs == 3 && streq(record_get(&rec, "name"), "cpuid/exit") &&
	      streq(record_get(&rec, "verdict"), "PASS"), "result fields");
	EXPECT_KIND("@nl1 check name=x status=FAIL what=exits%20CPUID:%2065%20(want%2064) ~a5efcefc\n",
		    RECORD_OK);
	CHECK(record_get(&rec, "what") && streq(record_get(&rec, "what"), "exits CPUID: 65 (want 64)"),
	      "decoded what: %s", record_get(&rec, "what"));
	/* one CRC digit off */
	EXPECT_KIND("@nl1 end passed=1 failed=0 skipped=0 errors=0 ~21cc3c8e\n", RECORD_GARBAGE);
	CHECK(rec.why && streq(rec.why, "CRC mismatch"), "why: %s", rec.why);
	/* the same CRC in upper case */
	EXPECT_KIND("@nl1 end passed=1 failed=0 skipped=0 errors=0 ~21CC3C8F\n", RECORD_GARBAGE);
	/* one body byte changed, CRC kept */
	EXPECT_KIND("@nl1 end passed=2 failed=0 skipped=0 errors=0 ~21cc3c8f\n", RECORD_GARBAGE);
}

static void test_human_lines(void)
{
	EXPECT_KIND("", RECORD_NONE);
	EXPECT_KIND("\n", RECORD_NONE);
	EXPECT_KIND("PASS: vmx: cpuid/exit: exits CPUID: 64 (want 64)\n", RECORD_NONE);
	EXPECT_KIND("@n", RECORD_NONE);
	EXPECT_KIND("@NL1 end ~00000000", RECORD_NONE);
	EXPECT_KIND(" @nl1 end ~00000000", RECORD_NONE);
	EXPECT_KIND("vmx: @nl1 end ~00000000", RECORD_NONE);
	CHECK(record_parse("x\0@nl1", 6, &rec) == RECORD_NONE, "NUL in a human line");
}

static void test_valid(void)
{
	size_t len;
	const char *v;

	EXPECT_KIND(with_crc("@nl1 end"), RECORD_OK);
	CHECK(streq(rec.type, "end") && rec.npairs == 0, "no pairs");
	/* without the final newline */
	{
		char l[128];

		snprintf(l, sizeof(l), "%s", with_crc("@nl1 begin v=1 arch=x86"));
		l[strlen(l) - 1] = '\0';
		EXPECT_KIND(l, RECORD_OK);
		CHECK(rec.npairs == 2 && streq(record_get(&rec, "arch"), "x86"), "begin fields");
	}
	EXPECT_KIND(with_crc("@nl1 begin brand=Intel%28R%29%20Core%28TM%29%20i7 cmdline=/boot/l1.elf%20run%3Da,b"),
		    RECORD_OK);
	CHECK(streq(record_get(&rec, "brand"), "Intel(R) Core(TM) i7"), "brand %s", record_get(&rec, "brand"));
	CHECK(streq(record_get(&rec, "cmdline"), "/boot/l1.elf run=a,b"), "cmdline");
	/* encoded specials, lower-case escape digits (ABNF HEXDIG is case-insensitive) */
	EXPECT_KIND(with_crc("@nl1 x a=%25%3D%7E b=%7e%3d"), RECORD_OK);
	CHECK(streq(record_get(&rec, "a"), "%=~") && streq(record_get(&rec, "b"), "~="), "specials");
	/* %00 decodes to a NUL byte; the length says so */
	EXPECT_KIND(with_crc("@nl1 x a=1%002"), RECORD_OK);
	v = record_get_len(&rec, "a", &len);
	CHECK(v && len == 3 && v[0] == '1' && v[1] == 0 && v[2] == '2' && v[3] == 0, "%%00");
	/* every printable byte other than % = ~ as itself */
	EXPECT_KIND(with_crc("@nl1 x a=!\"#$&'()*+,-./09:;<>?@AZ[\\]^_`az{|}"), RECORD_OK);
	CHECK(streq(record_get(&rec, "a"), "!\"#$&'()*+,-./09:;<>?@AZ[\\]^_`az{|}"), "printables");
	/* type of 16, key of 32, value of 256 */
	EXPECT_KIND(with_crc("@nl1 abcdefghijklmnop k=v"), RECORD_OK);
	EXPECT_KIND(with_crc("@nl1 x abcdefghijklmnopqrstuvwxyz_01234=v"), RECORD_OK);
	{
		char body[400];

		memset(body, 'v', sizeof(body));
		memcpy(body, "@nl1 x k=", 9);
		body[9 + 256] = '\0';
		EXPECT_KIND(with_crc(body), RECORD_OK);
		CHECK(record_get(&rec, "k") && strlen(record_get(&rec, "k")) == 256, "value of 256");
		body[9 + 256] = 'v';
		body[9 + 257] = '\0';
		EXPECT_GARBAGE(body);
	}
	/* unknown type and keys are records all the same (ignored later) */
	EXPECT_KIND(with_crc("@nl1 futuretype zz_9=1"), RECORD_OK);
	CHECK(record_get(&rec, "missing") == NULL, "absent key");
	/* many pairs: a full histogram */
	{
		char body[512];
		int i, n = 0;

		n += snprintf(body + n, sizeof(body) - n, "@nl1 hist name=a/b");
		for (i = 0; i < 40; i++)
			n += snprintf(body + n, sizeof(body) - n, " b%d=%d", i, i + 1);
		EXPECT_KIND(with_crc(body), RECORD_OK);
		CHECK(rec.npairs == 41 && streq(record_get(&rec, "b39"), "40"), "41 pairs: %u", rec.npairs);
	}
}

static void test_length(void)
{
	char body[RECORD_MAX];
	size_t body_len = RECORD_MAX - strlen(" ~12345678\n");	/* the whole line is RECORD_MAX */

	/* three values, as one may not pass 256 bytes */
	memset(body, 'v', sizeof(body));
	memcpy(body, "@nl1 x a=", 9);
	memcpy(body + 209, " b=", 3);
	memcpy(body + 412, " c=", 3);
	body[body_len] = '\0';
	CHECK(strlen(with_crc(body)) == RECORD_MAX, "line of %zu", strlen(with_crc(body)));
	EXPECT_KIND(with_crc(body), RECORD_OK);
	body[body_len] = 'v';
	body[body_len + 1] = '\0';
	EXPECT_GARBAGE(body);
	CHECK(rec.why && streq(rec.why, "line over 512 bytes"), "why: %s", rec.why);
}

static void test_garbage(void)
{
	char l[256];
	size_t n, i;

	EXPECT_KIND("@nl", RECORD_GARBAGE);
	EXPECT_KIND("@nlx", RECORD_GARBAGE);
	EXPECT_GARBAGE("@nl2 end");
	EXPECT_GARBAGE("@nl1  end");
	EXPECT_GARBAGE("@nl1 End");
	EXPECT_GARBAGE("@nl1 abcdefghijklmnopq k=v");	/* type of 17 */
	EXPECT_GARBAGE("@nl1 e1d");
	EXPECT_GARBAGE("@nl1 end k");
	EXPECT_GARBAGE("@nl1 end k=");			/* empty value */
	EXPECT_GARBAGE("@nl1 end =v");			/* empty key */
	EXPECT_GARBAGE("@nl1 end Key=v");
	EXPECT_GARBAGE("@nl1 end k-y=v");
	EXPECT_GARBAGE("@nl1 end k.y=v");
	EXPECT_GARBAGE("@nl1 x abcdefghijklmnopqrstuvwxyz_012345=v");	/* key of 33 */
	EXPECT_GARBAGE("@nl1 end k=v k=w");
	CHECK(rec.why && streq(rec.why, "duplicate key"), "why: %s", rec.why);
	EXPECT_GARBAGE("@nl1 end a=1 b=2 a=1");
	EXPECT_GARBAGE("@nl1 end k=a=b");
	EXPECT_GARBAGE("@nl1 end k=a%");
	EXPECT_GARBAGE("@nl1 end k=a%4");
	EXPECT_GARBAGE("@nl1 end k=a%4g");
	EXPECT_GARBAGE("@nl1 end k=a%%41");
	EXPECT_GARBAGE("@nl1 end k=v  j=w");
	EXPECT_GARBAGE("@nl1 end k=v\tj=w");
	EXPECT_GARBAGE("@nl1 end k=v ");
	EXPECT_GARBAGE("@nl1 end k=\x7f");
	EXPECT_GARBAGE("@nl1 end k=\xc3\xa9");
	/* missing " ~", "~" without the space, CRC of the wrong length or case */
	EXPECT_KIND("@nl1 end k=v\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end k=v~12345678\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end k=v ~1234567\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end k=v ~123456789\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end k=v ~zzzzzzzz\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end k=v ~\n", RECORD_GARBAGE);
	EXPECT_KIND("@nl1 end ~ ~00000000\n", RECORD_GARBAGE);
	/* bytes after the CRC: space, CR, a second newline */
	snprintf(l, sizeof(l), "%s", with_crc("@nl1 end k=v"));
	n = strlen(l);
	l[n - 1] = ' ';
	EXPECT_KIND(l, RECORD_GARBAGE);
	l[n - 1] = '\r';
	EXPECT_KIND(l, RECORD_GARBAGE);
	l[n - 1] = '\n';
	l[n] = '\n';
	l[n + 1] = '\0';
	EXPECT_KIND(l, RECORD_GARBAGE);
	/* embedded NUL: in the value, in the CRC */
	snprintf(l, sizeof(l), "%s", with_crc("@nl1 end k=vv"));
	n = strlen(l);
	l[10] = '\0';
	CHECK(record_parse(l, n, &rec) == RECORD_GARBAGE, "NUL in a key");
	snprintf(l, sizeof(l), "%s", with_crc("@nl1 end k=vv"));
	l[12] = '\0';
	CHECK(record_parse(l, n, &rec) == RECORD_GARBAGE, "NUL in a value");
	snprintf(l, sizeof(l), "%s", with_crc("@nl1 end k=vv"));
	l[n - 3] = '\0';
	CHECK(record_parse(l, n, &rec) == RECORD_GARBAGE, "NUL in the CRC");
	/* truncated anywhere: never a record (dropping only the newline is fine) */
	snprintf(l, sizeof(l), "%s", with_crc("@nl1 result name=cpuid/exit verdict=PASS iterations=64"));
	n = strlen(l);
	for (i = 3; i < n - 1; i++)
		CHECK(record_parse(l, i, &rec) == RECORD_GARBAGE, "truncated to %zu: kind ok", i);
	CHECK(record_parse(l, n - 1, &rec) == RECORD_OK, "without newline");
}

static void test_u64(void)
{
	u64 v = 0;

	EXPECT_KIND(with_crc("@nl1 x a=64 b=0x1f c=abc d=18446744073709551615 e=18446744073709551616 "
			     "f=0x g=-1 h=0xFFFFffffFFFFffff i=0x10000000000000000 j=1%00"), RECORD_OK);
	CHECK(record_get_u64(&rec, "a", &v) == 0 && v == 64, "a");
	CHECK(record_get_u64(&rec, "b", &v) == 0 && v == 0x1f, "b");
	CHECK(record_get_u64(&rec, "c", &v) == -EINVAL, "c");
	CHECK(record_get_u64(&rec, "d", &v) == 0 && v == UINT64_MAX, "d");
	CHECK(record_get_u64(&rec, "e", &v) == -EINVAL, "e overflow");
	CHECK(record_get_u64(&rec, "f", &v) == -EINVAL, "f");
	CHECK(record_get_u64(&rec, "g", &v) == -EINVAL, "g");
	CHECK(record_get_u64(&rec, "h", &v) == 0 && v == UINT64_MAX, "h");
	CHECK(record_get_u64(&rec, "i", &v) == -EINVAL, "i overflow");
	CHECK(record_get_u64(&rec, "j", &v) == -EINVAL, "j embedded NUL");
	CHECK(record_get_u64(&rec, "zz", &v) == -ENOENT, "absent");
}

int main(void)
{
	test_fixed_vectors();
	test_human_lines();
	test_valid();
	test_length();
	test_garbage();
	test_u64();
	return test_done();
}
