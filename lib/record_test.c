/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/record.c and lib/crc32.c: exact lines (CRC from a bitwise reference
 * here), percent-encoding, decoding, key rules, and the overflow record. Every
 * line the encoder emits also goes through a strict checker of the grammar in
 * docs/records.md, written here independently of the encoder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/crc32.h"
#include "lib/record.h"
#include "lib/test.h"

/* The textbook bit-at-a-time CRC-32: reflected 0xedb88320, init and final ~0. */
static u32 ref_crc32(const void *data, size_t len)
{
	const u8 *p = data;
	u32 crc = 0xffffffff;
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return ~crc;
}

static void test_crc32(void)
{
	u8 buf[600];
	unsigned i, bad = 0;
	size_t n;

	CHECK(crc32("123456789", 9) == 0xcbf43926, "crc32(\"123456789\") = %08x",
		   crc32("123456789", 9));
	CHECK(crc32("", 0) == 0, "crc32 of nothing = %08x", crc32("", 0));
	CHECK(crc32("a", 1) == 0xe8b7be43, "crc32(\"a\") = %08x", crc32("a", 1));
	for (i = 0; i < 2000; i++) {
		n = (size_t)rand() % sizeof(buf);
		for (size_t j = 0; j < n; j++)
			buf[j] = (u8)rand();
		bad += crc32(buf, n) != ref_crc32(buf, n);
	}
	CHECK(!bad, "crc32 of random buffers: %u differ from the bitwise CRC", bad);
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* docs/records.md grammar, checked byte by byte; false says why in *why. */
static bool line_valid(const char *line, const char **why)
{
	size_t len = strlen(line), body, i, n;
	char crc[9];

	*why = "length";
	if (len > RECORD_MAX || len < 5 + 1 + 11 || strncmp(line, "@nl1 ", 5))
		return false;
	body = len - 11;
	*why = "tail";
	if (line[body] != ' ' || line[body + 1] != '~' || line[len - 1] != '\n')
		return false;
	for (i = 0; i < 8; i++)
		if (!strchr("0123456789abcdef", line[body + 2 + i]) || !line[body + 2 + i])
			return false;
	snprintf(crc, sizeof(crc), "%08x", ref_crc32(line, body));
	*why = "crc";
	if (strncmp(line + body + 2, crc, 8))
		return false;
	*why = "type";
	for (i = 5, n = 0; i < body && is_lower(line[i]); i++)
		n++;
	if (n < 1 || n > 16)
		return false;
	while (i < body) {
		*why = "key";
		if (line[i++] != ' ')
			return false;
		for (n = 0; i < body && (is_lower(line[i]) || (line[i] >= '0' && line[i] <= '9') ||
					 line[i] == '_'); i++)
			n++;
		if (n < 1 || n > 32 || i >= body || line[i++] != '=')
			return false;
		*why = "value";
		for (n = 0; i < body && line[i] != ' '; n++) {
			if (line[i] == '%') {
				if (i + 2 >= body || !strchr("0123456789ABCDEF", line[i + 1]) ||
				    !strchr("0123456789ABCDEF", line[i + 2]))
					return false;
				i += 3;
			} else if (line[i] > ' ' && line[i] < 0x7f && line[i] != '=' && line[i] != '~') {
				i++;
			} else {
				return false;
			}
		}
		if (n < 1 || n > 256)
			return false;
	}
	return true;
}

/* Ends r and checks the line is valid and equals "<body> ~<crc>\n". */
static void expect_line(struct record *r, const char *body)
{
	char want[RECORD_MAX + 16];
	const char *line = record_end(r), *why;
	bool valid = line_valid(line, &why);

	snprintf(want, sizeof(want), "%s ~%08x\n", body, ref_crc32(body, strlen(body)));
	CHECK(!strcmp(line, want), "got \"%s\", want \"%s\"", line, want);
	CHECK(r->len == strlen(line), "len %zu after record_end, line %zu", r->len,
		   strlen(line));
	CHECK(valid, "not in the grammar (%s): \"%s\"", why, line);
}

static void test_lines(void)
{
	struct record r;

	record_begin(&r, "begin");
	record_u64(&r, "v", RECORD_VERSION);
	record_str(&r, "arch", "x86");
	record_str(&r, "brand", "Intel(R) Xeon(R) CPU @ 2.10GHz");
	expect_line(&r, "@nl1 begin v=1 arch=x86 brand=Intel(R)%20Xeon(R)%20CPU%20@%202.10GHz");

	record_begin(&r, "msr");
	record_hex(&r, "index", 0x480);
	record_hex(&r, "value", 0xda040000000012ull);
	record_hex(&r, "zero", 0);
	record_u64(&r, "max", UINT64_MAX);
	record_u64(&r, "min", 0);
	expect_line(&r, "@nl1 msr index=0x480 value=0xda040000000012 zero=0x0 "
			"max=18446744073709551615 min=0");

	/* Every byte that must be escaped, and the neighbours that must not be. */
	record_begin(&r, "check");
	record_str(&r, "what", " %=~\x01\x1f\x7f\x80\xff!\"}|<>");
	expect_line(&r, "@nl1 check what=%20%25%3D%7E%01%1F%7F%80%FF!\"}|<>");

	/* A type alone, and keys with digits and underscores. */
	record_begin(&r, "end");
	expect_line(&r, "@nl1 end");
	record_begin(&r, "hist");
	record_u64(&r, "b0", 2);
	record_u64(&r, "b63", 1);
	record_u64(&r, "x_1", 3);
	expect_line(&r, "@nl1 hist b0=2 b63=1 x_1=3");

	/* Empty and NULL values cannot be written: the key is left out. */
	record_begin(&r, "result");
	record_str(&r, "name", "cpuid/exit");
	record_str(&r, "why", "");
	record_str(&r, "detail", NULL);
	record_str(&r, "verdict", "PASS");
	expect_line(&r, "@nl1 result name=cpuid/exit verdict=PASS");
	CHECK(!r.overflow, "empty value set overflow");
}

static void test_overflow(void)
{
	char v[300], body[2 * RECORD_MAX];
	struct record r;

	/* Longest body: "@nl1 t a=<256> b=<232>" is 500 bytes, the line 511. */
	memset(v, 'x', sizeof(v));
	v[256] = '\0';
	record_begin(&r, "t");
	record_str(&r, "a", v);
	record_str(&r, "b", v + 256 - 232);
	snprintf(body, sizeof(body), "@nl1 t a=%s b=%s", v, v + 256 - 232);
	expect_line(&r, body);
	CHECK(!r.overflow && strlen(r.buf) == RECORD_MAX - 1, "longest line: %zu bytes",
		   strlen(r.buf));

	/* One byte more. */
	record_begin(&r, "t");
	record_str(&r, "a", v);
	record_str(&r, "b", v + 256 - 233);
	record_u64(&r, "n", 5);		/* ignored after an overflow */
	expect_line(&r, "@nl1 overflow type=t key=b");
	CHECK(r.overflow, "overflow not set");

	/* Escapes count: 86 bytes of '%' encode to 258. */
	memset(v, '%', 86);
	v[86] = '\0';
	record_begin(&r, "check");
	record_str(&r, "name", "x");
	record_str(&r, "a", v);
	record_str(&r, "b", v);
	expect_line(&r, "@nl1 overflow type=check key=b");

	/* A value over RECORD_VALUE_MAX bytes, though the line has room. */
	memset(v, 'y', sizeof(v));
	v[257] = '\0';
	record_begin(&r, "feature");
	record_str(&r, "detail", v);
	expect_line(&r, "@nl1 overflow type=feature key=detail");

	/* Bad and duplicate keys: the key that failed is named, escaped. */
	record_begin(&r, "scenario");
	record_str(&r, "Bad Key=", "1");
	expect_line(&r, "@nl1 overflow type=scenario key=Bad%20Key%3D");
	record_begin(&r, "scenario");
	record_str(&r, "name", "a");
	record_str(&r, "name", "b");
	expect_line(&r, "@nl1 overflow type=scenario key=name");
	record_begin(&r, "scenario");
	record_str(&r, "", "1");
	expect_line(&r, "@nl1 overflow type=scenario");
	record_begin(&r, "scenario");
	record_str(&r, NULL, "1");
	expect_line(&r, "@nl1 overflow type=scenario");
	/* A key that is a suffix of another is not a duplicate. */
	record_begin(&r, "exit");
	record_str(&r, "count", "1");
	record_str(&r, "t", "2");
	record_str(&r, "ount", "3");
	expect_line(&r, "@nl1 exit count=1 t=2 ount=3");

	/* Bad types. */
	record_begin(&r, "Begin");
	record_str(&r, "k", "v");
	expect_line(&r, "@nl1 overflow type=Begin");
	record_begin(&r, "abcdefghijklmnopq");
	expect_line(&r, "@nl1 overflow type=abcdefghijklmnop");
	record_begin(&r, "a b");
	expect_line(&r, "@nl1 overflow type=a%20b");
	record_begin(&r, "");
	expect_line(&r, "@nl1 overflow");
	record_begin(&r, "abcdefghijklmnop");
	expect_line(&r, "@nl1 abcdefghijklmnop");

	/* A new record starts clean after an overflow. */
	record_begin(&r, "end");
	record_u64(&r, "passed", 3);
	expect_line(&r, "@nl1 end passed=3");
}

static void test_key_valid(void)
{
	static const char k33[] = "abcdefghijklmnopqrstuvwxyz0123456";
	static const struct { const char *key; bool ok; } keys[] = {
		{ "a", true }, { "z", true }, { "0", true }, { "_", true }, { "b63", true },
		{ "iterations", true }, { "x_1_y", true },
		{ "", false }, { "A", false }, { "a-b", false }, { "a b", false }, { "a=", false },
		{ "\xc3\xa9", false }, { "~", false }, { "a.b", false },
	};
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(keys); i++)
		CHECK(record_key_valid(keys[i].key, strlen(keys[i].key)) == keys[i].ok,
			   "key \"%s\" valid should be %d", keys[i].key, keys[i].ok);
	CHECK(record_key_valid(k33, 32), "32-byte key is valid");
	CHECK(!record_key_valid(k33, 33), "33-byte key is not valid");
	CHECK(record_key_valid("ab\0", 2), "length, not NUL, ends the key");
	CHECK(!record_key_valid("ab\0", 3), "NUL inside the key is not valid");
}

static void expect_decode(const char *in, size_t out_size, int want, const char *want_out)
{
	char out[300];
	int n;

	memset(out, 0x5a, sizeof(out));
	n = record_value_decode(in, strlen(in), out, out_size);
	CHECK(n == want && (want < 0 || (!memcmp(out, want_out, want) && !out[want])),
		   "decode \"%.40s\" (size %zu): %d, want %d", in, out_size, n, want);
}

static void test_decode(void)
{
	char in[1000];
	char out[RECORD_VALUE_MAX + 1];
	int n;

	expect_decode("abc", 300, 3, "abc");
	expect_decode("%20%25%3D%7E", 300, 4, " %=~");
	expect_decode("%2f%2F", 300, 2, "//");		/* either hex case */
	expect_decode("a%41", 300, 2, "aA");		/* needless escapes are fine */
	expect_decode("%FF%80", 300, 2, "\xff\x80");

	/* Malformed. */
	expect_decode("", 300, -1, NULL);
	expect_decode("%", 300, -1, NULL);
	expect_decode("%4", 300, -1, NULL);
	expect_decode("ab%4", 300, -1, NULL);
	expect_decode("%zz", 300, -1, NULL);
	expect_decode("%G0", 300, -1, NULL);
	expect_decode("%0g", 300, -1, NULL);
	expect_decode("% 1", 300, -1, NULL);
	expect_decode("a b", 300, -1, NULL);
	expect_decode("a=b", 300, -1, NULL);
	expect_decode("a~b", 300, -1, NULL);
	expect_decode("a\tb", 300, -1, NULL);
	expect_decode("a\x7f", 300, -1, NULL);
	expect_decode("a\x80", 300, -1, NULL);

	/* %00 decodes to a NUL inside the value: the length says where it ends. */
	n = record_value_decode("a%00b", 5, out, sizeof(out));
	CHECK(n == 3 && !memcmp(out, "a\0b", 4), "decode a%%00b: %d", n);

	/* Too long: 256 decoded bytes fit, 257 do not, nor a too small out. */
	memset(in, 'q', 257);
	in[257] = '\0';
	expect_decode(in, 300, -1, NULL);
	in[256] = '\0';
	expect_decode(in, 300, 256, in);
	for (n = 0; n < 256; n++)
		memcpy(in + 3 * n, "%41", 3);
	in[768] = '\0';
	n = record_value_decode(in, 768, out, sizeof(out));
	CHECK(n == 256, "256 escaped bytes: %d", n);
	memcpy(in + 768, "%41", 4);
	n = record_value_decode(in, 771, out, sizeof(out));
	CHECK(n == -1, "257 escaped bytes: %d", n);
	expect_decode("abc", 4, 3, "abc");
	expect_decode("abc", 3, -1, NULL);		/* no room for the NUL */
	expect_decode("abc", 0, -1, NULL);
}

/* Random non-NUL values: encode, take the value back from the line, decode. */
static void test_round_trip(void)
{
	char val[RECORD_VALUE_MAX + 1], out[RECORD_VALUE_MAX + 1];
	const char *line, *v, *why;
	unsigned t, bad = 0, i, len;
	struct record r;
	int n;

	for (t = 0; t < 3000; t++) {
		len = 1 + (unsigned)rand() % (t < 1500 ? 160 : 16);
		for (i = 0; i < len; i++)
			val[i] = (char)(1 + rand() % 255);
		val[len] = '\0';
		record_begin(&r, "rt");
		record_str(&r, "k", val);
		line = record_end(&r);
		if (r.overflow) {
			/* 160 escaped bytes need 480: only an overflow record is right. */
			bad += strncmp(line, "@nl1 overflow type=rt key=k ~", 29) != 0;
			continue;
		}
		v = line + strlen("@nl1 rt k=");
		n = record_value_decode(v, strchr(v, ' ') - v, out, sizeof(out));
		if (!line_valid(line, &why) || n != (int)len || memcmp(out, val, len)) {
			if (bad++ < 5)
				printf("  round trip %u: \"%s\"\n", t, line);
		}
	}
	CHECK(!bad, "encode/decode round trip: %u differ", bad);
}

int main(void)
{
	srand(2);
	test_crc32();
	test_lines();
	test_overflow();
	test_key_valid();
	test_decode();
	test_round_trip();
	return test_done();
}
