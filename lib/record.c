/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine records (docs/records.md). The runner drops any line that breaks the
 * grammar as garbage and ends the scenario as ERROR, so the encoder never emits
 * one: a record that cannot be built as asked (too long, bad type or key,
 * duplicate key) becomes "@nl1 overflow type=<type> key=<key that failed>".
 */
#include "lib/record.h"
#include "lib/crc32.h"
#include "lib/printf.h"
#include "lib/string.h"

static const char record_head[] = "@nl1 ";
#define RECORD_HEAD_LEN (sizeof(record_head) - 1)
#define RECORD_TYPE_MAX 16
#define RECORD_TAIL_LEN 11	/* " ~", 8 hex digits, '\n' */
/* Longest body before " ~": the tail and the NUL must still fit in buf. */
#define RECORD_BODY_MAX (RECORD_MAX - RECORD_TAIL_LEN - 1)

/* Bytes a value carries as themselves; every other byte is %XX. */
static bool value_byte_raw(u8 c)
{
	return c >= '!' && c <= '~' && c != '%' && c != '=' && c != '~';
}

static bool type_valid(const char *type, size_t len)
{
	size_t i;

	if (len < 1 || len > RECORD_TYPE_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (type[i] < 'a' || type[i] > 'z')
			return false;
	return true;
}

bool record_key_valid(const char *key, size_t len)
{
	size_t i;
	char c;

	if (len < 1 || len > RECORD_KEY_MAX)
		return false;
	for (i = 0; i < len; i++) {
		c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* Appends n bytes, or nothing and false when the body would pass its limit. */
static bool put(struct record *r, const char *s, size_t n)
{
	if (n > RECORD_BODY_MAX - r->len)
		return false;
	memcpy(r->buf + r->len, s, n);
	r->len += n;
	return true;
}

static bool put_encoded(struct record *r, const char *val, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[3] = { '%' };
	u8 c;

	for (; n; n--, val++) {
		c = (u8)*val;
		if (value_byte_raw(c)) {
			if (!put(r, val, 1))
				return false;
		} else {
			esc[1] = hex[c >> 4];
			esc[2] = hex[c & 0xf];
			if (!put(r, esc, 3))
				return false;
		}
	}
	return true;
}

/*
 * Restarts the body as an overflow record. type may point into r->buf, so it
 * is copied first. Raw type (16 bytes) and key (32) encode to at most 3x: the
 * whole record stays far below RECORD_BODY_MAX.
 */
static void record_fail(struct record *r, const char *type, size_t type_len, const char *key)
{
	char t[RECORD_TYPE_MAX];
	size_t key_len = key ? strnlen(key, RECORD_KEY_MAX) : 0;

	if (type_len > RECORD_TYPE_MAX)
		type_len = RECORD_TYPE_MAX;
	if (type_len)
		memcpy(t, type, type_len);
	r->len = 0;
	r->overflow = true;
	put(r, "@nl1 overflow", 13);
	/* Empty values do not exist in the grammar: leave the key out instead. */
	if (type_len) {
		put(r, " type=", 6);
		put_encoded(r, t, type_len);
	}
	if (key_len) {
		put(r, " key=", 5);
		put_encoded(r, key, key_len);
	}
}

/*
 * Values hold no raw ' ' or '=', so " key=" in the body can only be a key.
 * The type after "@nl1 " is followed by ' ' or the end, never '='.
 */
static bool record_has_key(const struct record *r, const char *key, size_t len)
{
	size_t i;

	for (i = 0; i + len + 2 <= r->len; i++)
		if (r->buf[i] == ' ' && r->buf[i + len + 1] == '=' &&
		    !memcmp(r->buf + i + 1, key, len))
			return true;
	return false;
}

void record_begin(struct record *r, const char *type)
{
	size_t len = type ? strnlen(type, RECORD_TYPE_MAX + 1) : 0;

	r->len = 0;
	r->overflow = false;
	if (!type_valid(type, len)) {
		record_fail(r, type, len, NULL);
		return;
	}
	put(r, record_head, RECORD_HEAD_LEN);
	put(r, type, len);
}

void record_str(struct record *r, const char *key, const char *val)
{
	size_t key_len = key ? strnlen(key, RECORD_KEY_MAX + 1) : 0;
	size_t val_len = val ? strnlen(val, RECORD_VALUE_MAX + 1) : 0;
	size_t type_len = 0;

	if (r->overflow)
		return;
	if (record_key_valid(key, key_len) && !record_has_key(r, key, key_len)) {
		/* No empty values in the grammar: an empty or NULL value omits the key. */
		if (!val_len)
			return;
		if (val_len <= RECORD_VALUE_MAX && put(r, " ", 1) && put(r, key, key_len) &&
		    put(r, "=", 1) && put_encoded(r, val, val_len))
			return;
	}
	while (RECORD_HEAD_LEN + type_len < r->len && r->buf[RECORD_HEAD_LEN + type_len] != ' ')
		type_len++;
	record_fail(r, r->buf + RECORD_HEAD_LEN, type_len, key);
}

void record_u64(struct record *r, const char *key, u64 val)
{
	char s[24];

	nl_snprintf(s, sizeof(s), "%llu", (unsigned long long)val);
	record_str(r, key, s);
}

void record_hex(struct record *r, const char *key, u64 val)
{
	char s[24];

	nl_snprintf(s, sizeof(s), "0x%llx", (unsigned long long)val);
	record_str(r, key, s);
}

/* After this, r->len is the length of the whole line, '\n' included. */
const char *record_end(struct record *r)
{
	u32 crc = crc32(r->buf, r->len);

	r->len += nl_snprintf(r->buf + r->len, RECORD_MAX - r->len, " ~%08x\n", crc);
	return r->buf;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Strict about what may appear raw, liberal about hex case (ABNF's HEXDIG is
 * case-insensitive). out gets the bytes and a NUL, so it needs decoded length
 * + 1 bytes; the value may itself contain NUL bytes (%00), so trust the length.
 */
int record_value_decode(const char *in, size_t len, char *out, size_t out_size)
{
	size_t i = 0, n = 0;
	int hi, lo;
	u8 c;

	if (!len)
		return -1;
	while (i < len) {
		c = (u8)in[i];
		if (c == '%') {
			if (len - i < 3 || (hi = hex_value(in[i + 1])) < 0 ||
			    (lo = hex_value(in[i + 2])) < 0)
				return -1;
			c = (u8)(hi << 4 | lo);
			i += 3;
		} else if (value_byte_raw(c)) {
			i++;
		} else {
			return -1;
		}
		if (n >= RECORD_VALUE_MAX || n + 1 >= out_size)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return (int)n;
}
