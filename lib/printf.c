/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Freestanding vsnprintf (contract in lib/printf.h). Integers only: L1 is built
 * with -mgeneral-regs-only. Divisions are by 8, 10 or 16 on a u64, which the
 * compiler emits inline on 64-bit targets (no libgcc).
 *
 * Where C leaves a choice, glibc's output is matched (lib/printf_test.c compares
 * the two), with two deliberate differences:
 * - %s of NULL prints "(null)", cut by the precision like any string (glibc
 *   prints nothing when the precision is below 6);
 * - %p of NULL prints "0x0" (glibc: "(nil)"): address 0 is a real address here.
 * An unknown conversion is copied to the output as written.
 */
#include "lib/printf.h"
#include "lib/string.h"

_Static_assert(sizeof(int) == 4, "INT32_MAX stands for INT_MAX");

enum len_mod { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct spec {
	bool left, plus, space, alt, zero;
	int width;
	int prec;		/* -1: none given */
	enum len_mod len;
};

struct out {
	char *buf;
	size_t size;
	size_t len;		/* what would have been written, may exceed size */
};

/* Keep one byte for the NUL. */
static void out_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

static void out_mem(struct out *o, const char *s, size_t n)
{
	while (n--)
		out_char(o, *s++);
}

/* Digits, sign or prefix, zeros from the precision or the '0' flag, padding. */
static void out_int(struct out *o, const struct spec *s, u64 v, bool neg,
		    bool is_signed, unsigned base, bool upper, bool force_prefix)
{
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];	/* 22 octal digits for 2^64 - 1 */
	char prefix[2];
	int nd = 0, np = 0, zeros, pad;

	for (; v; v /= base)
		digits[nd++] = xdigits[v % base];

	/* The default precision is 1: a zero value still shows one digit. */
	zeros = (s->prec < 0 ? 1 : s->prec) - nd;
	if (zeros < 0)
		zeros = 0;

	if (is_signed && neg)
		prefix[np++] = '-';
	else if (is_signed && s->plus)
		prefix[np++] = '+';
	else if (is_signed && s->space)
		prefix[np++] = ' ';

	/* '#': octal starts with 0, hex non-zero values get 0x (C11 7.21.6.1). */
	if (s->alt && base == 8 && zeros == 0)
		zeros = 1;
	if ((s->alt && base == 16 && nd) || force_prefix) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}

	pad = s->width - (np + zeros + nd);
	if (pad > 0 && s->zero && !s->left && s->prec < 0) {
		zeros += pad;
		pad = 0;
	}

	if (!s->left)
		out_repeat(o, ' ', pad);
	out_mem(o, prefix, np);
	out_repeat(o, '0', zeros);
	while (nd)
		out_char(o, digits[--nd]);
	if (s->left)
		out_repeat(o, ' ', pad);
}

static void out_str(struct out *o, const struct spec *s, const char *str)
{
	size_t n;
	int pad;

	if (!str)
		str = "(null)";
	n = s->prec < 0 ? strlen(str) : strnlen(str, (size_t)s->prec);
	pad = s->width > 0 && (size_t)s->width > n ? s->width - (int)n : 0;
	if (!s->left)
		out_repeat(o, ' ', pad);
	out_mem(o, str, n);
	if (s->left)
		out_repeat(o, ' ', pad);
}

/* Caps absurd widths instead of overflowing int. */
static int parse_num(const char **p)
{
	int n = 0;

	while (**p >= '0' && **p <= '9') {
		if (n < 100000000)
			n = n * 10 + (**p - '0');
		(*p)++;
	}
	return n;
}

static const char *parse_len(const char *p, enum len_mod *len)
{
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			*len = LEN_HH;
			return p + 2;
		}
		*len = LEN_H;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			*len = LEN_LL;
			return p + 2;
		}
		*len = LEN_L;
		return p + 1;
	case 'z':
		*len = LEN_Z;
		return p + 1;
	case 't':
		*len = LEN_T;
		return p + 1;
	case 'j':
		*len = LEN_J;
		return p + 1;
	default:
		*len = LEN_NONE;
		return p;
	}
}

/*
 * Integer arguments are promoted to int, so hh and h read an int and narrow it.
 * z and t read size_t and ptrdiff_t and reinterpret them at the same width for
 * the other signedness ("the corresponding signed/unsigned type").
 */
static s64 arg_signed(enum len_mod len, va_list *ap)
{
	switch (len) {
	case LEN_HH:	return (signed char)va_arg(*ap, int);
	case LEN_H:	return (short)va_arg(*ap, int);
	case LEN_L:	return va_arg(*ap, long);
	case LEN_LL:	return va_arg(*ap, long long);
	case LEN_Z:	return (ptrdiff_t)va_arg(*ap, size_t);
	case LEN_T:	return va_arg(*ap, ptrdiff_t);
	case LEN_J:	return va_arg(*ap, intmax_t);
	default:	return va_arg(*ap, int);
	}
}

static u64 arg_unsigned(enum len_mod len, va_list *ap)
{
	switch (len) {
	case LEN_HH:	return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:	return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:	return va_arg(*ap, unsigned long);
	case LEN_LL:	return va_arg(*ap, unsigned long long);
	case LEN_Z:	return va_arg(*ap, size_t);
	case LEN_T:	return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J:	return va_arg(*ap, uintmax_t);
	default:	return va_arg(*ap, unsigned int);
	}
}

/* Returns the format past the conversion; *ap is a pointer so callees share it. */
static const char *convert(struct out *o, const char *start, va_list *ap)
{
	const char *p = start + 1;
	struct spec s = { .prec = -1 };
	s64 sv;
	u64 uv;
	char c;

	for (;; p++) {
		if (*p == '-')
			s.left = true;
		else if (*p == '+')
			s.plus = true;
		else if (*p == ' ')
			s.space = true;
		else if (*p == '#')
			s.alt = true;
		else if (*p == '0')
			s.zero = true;
		else
			break;
	}

	/* A negative '*' width is the '-' flag and its magnitude (C11 7.21.6.1). */
	if (*p == '*') {
		s.width = va_arg(*ap, int);
		if (s.width < 0) {
			s.left = true;
			s.width = s.width == INT32_MIN ? INT32_MAX : -s.width;
		}
		p++;
	} else {
		s.width = parse_num(&p);
	}

	/* A negative '*' precision is taken as if omitted. */
	if (*p == '.') {
		p++;
		if (*p == '*') {
			s.prec = va_arg(*ap, int);
			if (s.prec < 0)
				s.prec = -1;
			p++;
		} else {
			s.prec = parse_num(&p);
		}
	}

	p = parse_len(p, &s.len);

	switch (*p) {
	case 'd':
	case 'i':
		sv = arg_signed(s.len, ap);
		/* Negate as unsigned so that INT64_MIN does not overflow. */
		uv = sv < 0 ? -(u64)sv : (u64)sv;
		out_int(o, &s, uv, sv < 0, true, 10, false, false);
		break;
	case 'u':
		out_int(o, &s, arg_unsigned(s.len, ap), false, false, 10, false, false);
		break;
	case 'o':
		out_int(o, &s, arg_unsigned(s.len, ap), false, false, 8, false, false);
		break;
	case 'x':
	case 'X':
		out_int(o, &s, arg_unsigned(s.len, ap), false, false, 16, *p == 'X', false);
		break;
	case 'p':
		out_int(o, &s, (uintptr_t)va_arg(*ap, void *), false, false, 16, false, true);
		break;
	case 'c':
		/* Not through out_str: the byte may be NUL and still counts. */
		c = (char)va_arg(*ap, int);
		if (!s.left)
			out_repeat(o, ' ', s.width - 1);
		out_char(o, c);
		if (s.left)
			out_repeat(o, ' ', s.width - 1);
		break;
	case 's':
		out_str(o, &s, va_arg(*ap, const char *));
		break;
	case '%':
		out_char(o, '%');
		break;
	default:
		/* Unknown or cut short by the end of the string: copy it as written. */
		if (!*p) {
			out_mem(o, start, p - start);
			return p;
		}
		out_mem(o, start, p + 1 - start);
		break;
	}
	return p + 1;
}

int nl_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	va_list aq;

	/* A copy, so that helpers can take its address on every ABI. */
	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt == '%')
			fmt = convert(&o, fmt, &aq);
		else
			out_char(&o, *fmt++);
	}
	va_end(aq);

	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int nl_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = nl_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
