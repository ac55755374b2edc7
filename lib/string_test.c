/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/string.c on the host. Built with -fno-builtin and linked with
 * lib/string.o, whose definitions come before libc's: every call below runs
 * nestlab's code. A reference result comes from byte loops written here.
 */
#include <stdio.h>

#include "lib/string.h"
#include "lib/test.h"

/* Sign only: C promises nothing about the magnitude. */
static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void fill(u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(i * 7 + 1);
}

static bool bytes_equal(const u8 *a, const u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static void test_memcpy_memset(void)
{
	u8 src[64], dst[64], ref[64];
	size_t i;
	void *r;

	fill(src, sizeof(src));
	for (i = 0; i < sizeof(dst); i++)
		dst[i] = ref[i] = 0xee;
	r = memcpy(dst + 3, src + 5, 40);
	for (i = 0; i < 40; i++)
		ref[3 + i] = src[5 + i];
	CHECK(r == dst + 3 && bytes_equal(dst, ref, sizeof(dst)), "memcpy 40 bytes at offsets 3/5");
	r = memcpy(dst, src, 0);
	CHECK(r == dst && bytes_equal(dst, ref, sizeof(dst)), "memcpy of 0 bytes wrote");

	r = memset(dst + 1, 0x1ab, 10);		/* only the low byte counts */
	for (i = 0; i < 10; i++)
		ref[1 + i] = 0xab;
	CHECK(r == dst + 1 && bytes_equal(dst, ref, sizeof(dst)), "memset 0x1ab stores 0xab");
	memset(dst, 0, 0);
	CHECK(bytes_equal(dst, ref, sizeof(dst)), "memset of 0 bytes wrote");
}

/* Every overlap in both directions, against a copy through a separate buffer. */
static void test_memmove(void)
{
	u8 buf[48], ref[48], tmp[48];
	size_t src, dst, n, i;
	unsigned bad = 0;
	void *r;

	for (src = 0; src < 16; src++) {
		for (dst = 0; dst < 16; dst++) {
			for (n = 0; n <= 32; n += 4) {
				fill(buf, sizeof(buf));
				fill(ref, sizeof(ref));
				for (i = 0; i < n; i++)
					tmp[i] = ref[src + i];
				for (i = 0; i < n; i++)
					ref[dst + i] = tmp[i];
				r = memmove(buf + dst, buf + src, n);
				if ((r != buf + dst || !bytes_equal(buf, ref, sizeof(buf))) && bad++ < 5)
					printf("  memmove dst %zu src %zu n %zu\n", dst, src, n);
			}
		}
	}
	CHECK(!bad, "memmove with overlaps: %u wrong", bad);
}

static void test_compare(void)
{
	static const u8 a[] = { 1, 2, 3, 0x80 }, b[] = { 1, 2, 3, 0x7f };

	CHECK(memcmp(a, a, 4) == 0, "memcmp equal");
	CHECK(memcmp(a, b, 0) == 0, "memcmp of 0 bytes");
	CHECK(memcmp(a, b, 3) == 0, "memcmp of an equal prefix");
	/* 0x80 > 0x7f as unsigned char, though (char)0x80 is negative on x86. */
	CHECK(sign(memcmp(a, b, 4)) == 1, "memcmp 0x80 vs 0x7f is > 0");
	CHECK(sign(memcmp(b, a, 4)) == -1, "memcmp 0x7f vs 0x80 is < 0");

	CHECK(strcmp("", "") == 0, "strcmp empty");
	CHECK(strcmp("abc", "abc") == 0, "strcmp equal");
	CHECK(sign(strcmp("abc", "abd")) == -1, "strcmp abc < abd");
	CHECK(sign(strcmp("abd", "abc")) == 1, "strcmp abd > abc");
	CHECK(sign(strcmp("ab", "abc")) == -1, "strcmp prefix is smaller");
	CHECK(sign(strcmp("abc", "ab")) == 1, "strcmp longer is larger");
	CHECK(sign(strcmp("\x80", "\x7f")) == 1, "strcmp compares unsigned char");

	CHECK(strncmp("abcX", "abcY", 3) == 0, "strncmp stops at n");
	CHECK(sign(strncmp("abcX", "abcY", 4)) == -1, "strncmp sees byte n-1");
	CHECK(strncmp("abc", "abd", 0) == 0, "strncmp of 0 bytes");
	CHECK(strncmp("ab\0x", "ab\0y", 4) == 0, "strncmp stops at NUL");
	CHECK(sign(strncmp("ab", "abc", 5)) == -1, "strncmp prefix is smaller");
	CHECK(sign(strncmp("\xff", "a", 1)) == 1, "strncmp compares unsigned char");
}

static void test_lengths(void)
{
	static const char s[] = "hello";

	CHECK(strlen("") == 0, "strlen empty");
	CHECK(strlen(s) == 5, "strlen hello");
	CHECK(strlen("a\0b") == 1, "strlen stops at NUL");
	CHECK(strnlen(s, 0) == 0, "strnlen max 0");
	CHECK(strnlen(s, 3) == 3, "strnlen max 3");
	CHECK(strnlen(s, 5) == 5, "strnlen max = length");
	CHECK(strnlen(s, 100) == 5, "strnlen max > length");
	/* max bounds the read: bytes past it need not be a string. */
	CHECK(strnlen((const char[]){ 'a', 'b' }, 2) == 2, "strnlen unterminated");
}

static void test_strchr(void)
{
	static const char s[] = "abcabc";

	CHECK(strchr(s, 'a') == s, "strchr first byte");
	CHECK(strchr(s, 'c') == s + 2, "strchr finds the first match");
	CHECK(strchr(s, 'z') == NULL, "strchr missing byte");
	CHECK(strchr(s, '\0') == s + 6, "strchr '\\0' finds the terminator");
	CHECK(strchr("", '\0') != NULL, "strchr '\\0' in empty string");
	CHECK(strchr(s, 'a' + 256) == s, "strchr converts c to char");
	CHECK(strchr("x\xe9y", 0xe9) != NULL, "strchr high byte as int");
}

static void test_str_lower(void)
{
	char buf[8];

	str_lower(buf, sizeof(buf), "VMCS_Shadow");
	CHECK(!strcmp(buf, "vmcs_sh"), "str_lower lowers and cuts to fit");
	str_lower(buf, sizeof(buf), "NP2[x]");
	CHECK(!strcmp(buf, "np2[x]"), "str_lower keeps digits and punctuation");
	str_lower(buf, 1, "ABC");
	CHECK(buf[0] == 0, "str_lower with room for the terminator only");
}

int main(void)
{
	test_memcpy_memset();
	test_memmove();
	test_compare();
	test_lengths();
	test_strchr();
	test_str_lower();
	return test_done();
}
