/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nl_vsnprintf against the host libc's vsnprintf: same format, same arguments,
 * same bytes and return value, at the full size and at sizes that cut the
 * output (0, 1, 2, half, exact, exact + 1). Flag, width and precision
 * combinations are generated; the rest are listed. The documented differences
 * (%s of NULL, %p of NULL, unknown conversions) are checked as literals.
 */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "lib/printf.h"
#include "lib/test.h"

#define BUF 512

static char want[BUF], got[BUF];

/* One size: equal return values, equal bytes up to size, nothing written past it. */
static bool compare_size(const char *fmt, size_t size, bool null_buf, va_list ap)
{
	char *g = null_buf ? NULL : got;
	va_list a1, a2;
	int w, n;
	size_t i, shown;

	memset(want, 0x5a, sizeof(want));
	memset(got, 0x5a, sizeof(got));
	va_copy(a1, ap);
	va_copy(a2, ap);
	w = vsnprintf(null_buf ? NULL : want, size, fmt, a1);
	n = nl_vsnprintf(g, size, fmt, a2);
	va_end(a1);
	va_end(a2);

	if (n != w) {
		printf("  \"%s\" size %zu: returned %d, libc %d\n", fmt, size, n, w);
		return false;
	}
	shown = size ? ((size_t)w < size ? (size_t)w + 1 : size) : 0;
	if (memcmp(got, want, shown)) {
		printf("  \"%s\" size %zu: got \"%.*s\", libc \"%.*s\"\n",
		       fmt, size, (int)shown, got, (int)shown, want);
		return false;
	}
	for (i = size; i < BUF; i++) {
		if ((u8)got[i] != 0x5a) {
			printf("  \"%s\" size %zu: byte %zu written\n", fmt, size, i);
			return false;
		}
	}
	return true;
}

static bool compare_v(const char *fmt, va_list ap)
{
	size_t sizes[6];
	va_list aq;
	bool ok;
	int n, i;

	va_copy(aq, ap);
	ok = compare_size(fmt, BUF, false, aq);
	va_end(aq);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || n >= BUF) {
		printf("  \"%s\": output too long for the test (%d)\n", fmt, n);
		return false;
	}

	sizes[0] = 0;
	sizes[1] = 1;
	sizes[2] = 2;
	sizes[3] = n / 2;
	sizes[4] = n;
	sizes[5] = n + 1;
	for (i = 0; i < 6; i++) {
		va_copy(aq, ap);
		ok &= compare_size(fmt, sizes[i], false, aq);
		va_end(aq);
	}
	va_copy(aq, ap);
	ok &= compare_size(fmt, 0, true, aq);
	va_end(aq);
	return ok;
}

/* Runtime formats: not checked by the compiler, so no format attribute. */
static void compare_rt(const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = compare_v(fmt, ap);
	va_end(ap);
	CHECK(ok, "format \"%s\" differs from libc", fmt);
}

/* The same function for literal formats, which the compiler checks against the arguments. */
static void compare(const char *fmt, ...) __attribute__((format(printf, 1, 2), alias("compare_rt")));

static const u64 values[] = {
	0, 1, 7, 8, 42, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, 1234567890123ull,
	(u64)INT64_MAX, (u64)INT64_MIN, (u64)-1, (u64)-42, (u64)-128, (u64)-32769,
};

/* Passes v converted to the type that length modifier len and the conversion read. */
static void compare_int(const char *fmt, const char *len, bool is_signed, u64 v)
{
	if (!strcmp(len, "hh"))
		is_signed ? compare_rt(fmt, (signed char)v) : compare_rt(fmt, (unsigned char)v);
	else if (!strcmp(len, "h"))
		is_signed ? compare_rt(fmt, (short)v) : compare_rt(fmt, (unsigned short)v);
	else if (!strcmp(len, "l"))
		is_signed ? compare_rt(fmt, (long)v) : compare_rt(fmt, (unsigned long)v);
	else if (!strcmp(len, "ll"))
		is_signed ? compare_rt(fmt, (long long)v) : compare_rt(fmt, (unsigned long long)v);
	else if (!strcmp(len, "z"))
		is_signed ? compare_rt(fmt, (ssize_t)v) : compare_rt(fmt, (size_t)v);
	else if (!strcmp(len, "t"))
		compare_rt(fmt, (ptrdiff_t)v);
	else if (!strcmp(len, "j"))
		is_signed ? compare_rt(fmt, (intmax_t)v) : compare_rt(fmt, (uintmax_t)v);
	else
		is_signed ? compare_rt(fmt, (int)v) : compare_rt(fmt, (unsigned int)v);
}

static bool conv_signed(char c)
{
	return c == 'd' || c == 'i';
}

/* Every flag set (C gives '#' no meaning for d, i, u) x widths x precisions. */
static void test_int_flags(void)
{
	static const char flags[] = "-+ #0";
	static const char *const widths[] = { "", "1", "6", "24" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".4", ".22" };
	const char *conv;
	char fmt[32], fl[8];
	unsigned set, w, p, v, i, k;

	for (conv = "diuoxX"; *conv; conv++) {
		for (set = 0; set < 32; set++) {
			if ((set & 8) && (conv_signed(*conv) || *conv == 'u'))
				continue;
			for (i = 0, k = 0; i < 5; i++)
				if (set & (1u << i))
					fl[k++] = flags[i];
			fl[k] = '\0';
			for (w = 0; w < ARRAY_SIZE(widths); w++) {
				for (p = 0; p < ARRAY_SIZE(precs); p++) {
					snprintf(fmt, sizeof(fmt), "[%%%s%s%sll%c]",
						 fl, widths[w], precs[p], *conv);
					for (v = 0; v < ARRAY_SIZE(values); v++)
						compare_int(fmt, "ll", conv_signed(*conv), values[v]);
				}
			}
		}
	}
}

/* Every length modifier narrows or widens as C says. */
static void test_int_lengths(void)
{
	static const char *const lens[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };
	static const char *const specs[] = { "", "-8", "08", "+.3", "#", " 12.5", "#025" };
	const char *conv;
	char fmt[32];
	unsigned l, s, v;

	for (conv = "diuoxX"; *conv; conv++) {
		for (l = 0; l < ARRAY_SIZE(lens); l++) {
			for (s = 0; s < ARRAY_SIZE(specs); s++) {
				if (strchr(specs[s], '#') && (conv_signed(*conv) || *conv == 'u'))
					continue;
				snprintf(fmt, sizeof(fmt), "%%%s%s%c", specs[s], lens[l], *conv);
				for (v = 0; v < ARRAY_SIZE(values); v++)
					compare_int(fmt, lens[l], conv_signed(*conv), values[v]);
			}
		}
	}
}

static void test_listed(void)
{
	int x = 0;

	/* Plain text, %% and several conversions in one format. */
	compare("hello, world");
	compare("100%%");
	compare("%%d%%");
	compare("a%cb%sc%dd%xe%%f", 'Z', "str", -12, 0xbeefu);
	compare("%d %i %u %o %x %X %c %s %%", -1, 2, 3u, 8u, 255u, 255u, 'q', "end");

	/* Edge values. */
	compare("%lld", (long long)INT64_MIN);
	compare("%+lld", (long long)INT64_MIN);
	compare("%30lld|", (long long)INT64_MIN);
	compare("%-30lld|", (long long)INT64_MIN);
	compare("%.25lld", (long long)INT64_MIN);
	compare("%030lld", (long long)INT64_MIN);
	compare("%llu", (unsigned long long)UINT64_MAX);
	compare("%llo", (unsigned long long)UINT64_MAX);
	compare("%#llo", (unsigned long long)UINT64_MAX);
	compare("%#llx", (unsigned long long)UINT64_MAX);
	compare("%d", INT32_MIN);
	compare("%d", INT32_MAX);
	compare_rt("%hhd", 300);	/* out of range on purpose: narrowed as C says */
	compare_rt("%hhu", -1);
	compare_rt("%hd", 70000);
	compare_rt("%hu", -1);

	/* Zero with precision 0 prints no digits; '#' keeps octal's 0, not hex's 0x. */
	compare("[%.0d]", 0);
	compare("[%.d]", 0);
	compare("[%5.0d]", 0);
	compare("[%-5.0u]", 0u);
	compare("[%+.0d]", 0);
	compare("[% .0d]", 0);
	compare("[%#x]", 0u);
	compare("[%#X]", 0u);
	compare("[%#.0x]", 0u);
	compare("[%#o]", 0u);
	compare("[%#.0o]", 0u);
	compare("[%#5.0o]", 0u);
	compare("[%#08x]", 0u);
	compare("[%#08x]", 255u);
	compare("[%#-8x]", 255u);
	compare("[%#.3o]", 8u);
	compare("[%#05o]", 8u);

	/* '*' width and precision, negative ones included. */
	compare("[%*d]", 5, 42);
	compare("[%*d]", -5, 42);
	compare("[%-*d]", 5, 42);
	compare("[%-*d]", -5, 42);
	compare("[%0*d]", 7, -42);
	compare("[%.*d]", 3, 7);
	compare("[%.*d]", 0, 0);
	compare("[%.*d]", -1, 0);
	compare("[%.*d]", -3, 7);
	compare("[%*.*x]", 8, 4, 0xabu);
	compare("[%*.*x]", -8, 4, 0xabu);
	compare_rt("[%0*.*x]", 8, -1, 0xabu);	/* negative precision: 0 flag applies */
	compare("[%-*s]", 6, "ab");
	compare("[%*s]", 6, "ab");
	compare("[%.*s]", 1, "ab");
	compare("[%.*s]", -1, "ab");
	compare("[%*c]", 3, 'x');
	compare("[%*c]", -3, 'x');
	compare("[%*d]", 0, 5);

	/* Strings and characters. */
	compare("[%s]", "");
	compare("[%10s]", "abc");
	compare("[%-10s]", "abc");
	compare("[%.2s]", "abc");
	compare("[%.0s]", "abc");
	compare("[%10.2s]", "abc");
	compare("[%-10.2s]", "abc");
	compare("[%.10s]", "abc");
	compare("[%2s]", "abcdef");
	compare("[%s]", "tab\tand\nnewline");
	compare("[%s]", "\xff\x80 high bytes");
	compare("[%c]", 'a');
	compare("[%3c]", 'a');
	compare("[%-3c]", 'a');
	compare("a%cb", '\0');
	compare("%c%c%c", '\0', '\xff', '1');
	compare("[%5c]", '\0');

	/* Pointers other than NULL print as libc does: 0x and lower-case hex. */
	compare("%p", (void *)&x);
	compare("[%20p]", (void *)&x);
	compare("[%-20p]", (void *)&x);
	compare("%p", (void *)0x1);
	compare("%p", (void *)UINTPTR_MAX);

	/* Long output and absurd widths: the return value counts what did not fit. */
	compare("%300d", 1);
	compare("%-300s|", "x");
	compare("%.300d", -1);
	compare("%s%s%s%s", "0123456789", "abcdefghij", "ABCDEFGHIJ", "klmnopqrst");
}

static void expect(const char *want_str, int want_ret, const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = nl_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	CHECK(n == want_ret && !strcmp(buf, want_str),
		   "\"%s\": got \"%s\" (%d), want \"%s\" (%d)", fmt, buf, n, want_str, want_ret);
}

/* Where nestlab differs from glibc on purpose, or C leaves it open. */
static void test_literals(void)
{
	const char *volatile null_str = NULL;
	void *volatile null_ptr = NULL;
	const char *volatile fmt;
	char buf[8];
	int n;

	expect("(null)", 6, "%s", null_str);
	expect("(nu", 3, "%.3s", null_str);
	expect("  (null)", 8, "%8s", null_str);
	expect("(null)|", 7, "%-4s|", null_str);
	expect("0x0", 3, "%p", null_ptr);
	expect("  0x0", 5, "%5p", null_ptr);

	/* Unknown conversions and a format that ends inside a conversion. */
	fmt = "%y";
	expect("%y", 2, fmt, 0);
	fmt = "a%-5yb";
	expect("a%-5yb", 6, fmt, 0);
	fmt = "abc%";
	expect("abc%", 4, fmt, 0);
	fmt = "abc%-5";
	expect("abc%-5", 6, fmt, 0);
	fmt = "";
	expect("", 0, fmt, 0);

	/* size 0: nothing written, NULL allowed; size 1: only the NUL. */
	n = nl_snprintf(NULL, 0, "%d", 12345);
	CHECK(n == 5, "snprintf(NULL, 0) returned %d, want 5", n);
	memset(buf, 'x', sizeof(buf));
	n = nl_snprintf(buf, 0, "%d", 12345);
	CHECK(n == 5 && buf[0] == 'x', "size 0 wrote or returned %d", n);
	n = nl_snprintf(buf, 1, "%d", 12345);
	CHECK(n == 5 && buf[0] == '\0' && buf[1] == 'x', "size 1: returned %d", n);
	n = nl_snprintf(buf, 4, "%s", "abcdef");
	CHECK(n == 6 && !strcmp(buf, "abc") && buf[4] == 'x', "size 4: \"%s\" %d", buf, n);
}

int main(void)
{
	test_listed();
	test_literals();
	test_int_lengths();
	test_int_flags();
	return test_done();
}
