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
	test_check(r == dst + 3 && bytes_equal(dst, ref, sizeof(dst)), "memcpy 40 bytes at offsets 3/5");
	r = memcpy(dst, src, 0);
	test_check(r == dst && bytes_equal(dst, ref, sizeof(dst)), "memcpy of 0 bytes wrote");

	r = memset(dst + 1, 0x1ab, 10);		/* only the low byte counts */
	for (i = 0; i < 10; i++)
		ref[1 + i] = 0xab;
	test_check(r == dst + 1 && bytes_equal(dst, ref, sizeof(dst)), "memset 0x1ab stores 0xab");
	memset(dst, 0, 0);
	test_check(bytes_equal(dst, ref, sizeof(dst)), "memset of 0 bytes wrote");
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
	test_check(!bad, "memmove with overlaps: %u wrong", bad);
}

static void test_compare(void)
{
	static const u8 a[] = { 1, 2, 3, 0x80 }, b[] = { 1, 2, 3, 0x7f };

	test_check(memcmp(a, a, 4) == 0, "memcmp equal");
	test_check(memcmp(a, b, 0) == 0, "memcmp of 0 bytes");
	test_check(memcmp(a, b, 3) == 0, "memcmp of an equal prefix");
	/* 0x80 > 0x7f as unsigned char, though (char)0x80 is negative on x86. */
	test_check(sign(memcmp(a, b, 4)) == 1, "memcmp 0x80 vs 0x7f is > 0");
	test_check(sign(memcmp(b, a, 4)) == -1, "memcmp 0x7f vs 0x80 is < 0");

	test_check(strcmp("", "") == 0, "strcmp empty");
	test_check(strcmp("abc", "abc") == 0, "strcmp equal");
	test_check(sign(strcmp("abc", "abd")) == -1, "strcmp abc < abd");
	test_check(sign(strcmp("abd", "abc")) == 1, "strcmp abd > abc");
	test_check(sign(strcmp("ab", "abc")) == -1, "strcmp prefix is smaller");
	test_check(sign(strcmp("abc", "ab")) == 1, "strcmp longer is larger");
	test_check(sign(strcmp("\x80", "\x7f")) == 1, "strcmp compares unsigned char");

	test_check(strncmp("abcX", "abcY", 3) == 0, "strncmp stops at n");
	test_check(sign(strncmp("abcX", "abcY", 4)) == -1, "strncmp sees byte n-1");
	test_check(strncmp("abc", "abd", 0) == 0, "strncmp of 0 bytes");
	test_check(strncmp("ab\0x", "ab\0y", 4) == 0, "strncmp stops at NUL");
	test_check(sign(strncmp("ab", "abc", 5)) == -1, "strncmp prefix is smaller");
	test_check(sign(strncmp("\xff", "a", 1)) == 1, "strncmp compares unsigned char");
}

static void test_lengths(void)
{
	static const char s[] = "hello";

	test_check(strlen("") == 0, "strlen empty");
	test_check(strlen(s) == 5, "strlen hello");
	test_check(strlen("a\0b") == 1, "strlen stops at NUL");
	test_check(strnlen(s, 0) == 0, "strnlen max 0");
	test_check(strnlen(s, 3) == 3, "strnlen max 3");
	test_check(strnlen(s, 5) == 5, "strnlen max = length");
	test_check(strnlen(s, 100) == 5, "strnlen max > length");
	/* max bounds the read: bytes past it need not be a string. */
	test_check(strnlen((const char[]){ 'a', 'b' }, 2) == 2, "strnlen unterminated");
}

static void test_strchr(void)
{
	static const char s[] = "abcabc";

	test_check(strchr(s, 'a') == s, "strchr first byte");
	test_check(strchr(s, 'c') == s + 2, "strchr finds the first match");
	test_check(strchr(s, 'z') == NULL, "strchr missing byte");
	test_check(strchr(s, '\0') == s + 6, "strchr '\\0' finds the terminator");
	test_check(strchr("", '\0') != NULL, "strchr '\\0' in empty string");
	test_check(strchr(s, 'a' + 256) == s, "strchr converts c to char");
	test_check(strchr("x\xe9y", 0xe9) != NULL, "strchr high byte as int");
}

static void test_str_lower(void)
{
	char buf[8];

	str_lower(buf, sizeof(buf), "VMCS_Shadow");
	test_check(!strcmp(buf, "vmcs_sh"), "str_lower lowers and cuts to fit");
	str_lower(buf, sizeof(buf), "NP2[x]");
	test_check(!strcmp(buf, "np2[x]"), "str_lower keeps digits and punctuation");
	str_lower(buf, 1, "ABC");
	test_check(buf[0] == 0, "str_lower with room for the terminator only");
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
