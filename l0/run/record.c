// SPDX-License-Identifier: GPL-2.0-only
/* Line in, struct out: the grammar of docs/records.md, checked exactly. */
#include <errno.h>
#include <string.h>

#include "lib/crc32.h"
#include "l0/run/record.h"

static const char record_prefix[] = "@nl1 ";

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_key_char(char c)
{
	return is_lower(c) || (c >= '0' && c <= '9') || c == '_';
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Encoded value: 1*256 of a printable byte other than % = ~, or % and two hex digits. */
static bool value_valid(const char *v, size_t len)
{
	size_t i, units = 0;

	if (!len)
		return false;
	for (i = 0; i < len; units++) {
		unsigned char c = v[i];

		if (c == '%') {
			if (i + 2 >= len || !is_hex(v[i + 1]) || !is_hex(v[i + 2]))
				return false;
			i += 3;
		} else if (c >= 0x21 && c <= 0x7e && c != '=' && c != '~') {
			i++;
		} else {
			return false;
		}
	}
	return units <= RECORD_VALUE_MAX;
}

static enum record_kind garbage(struct record_parsed *r, const char *why)
{
	r->why = why;
	return RECORD_GARBAGE;
}

static int parse_crc(const char *s, size_t len, u32 *out)
{
	u32 v = 0;
	size_t i;

	if (len != 8)
		return -EINVAL;
	for (i = 0; i < 8; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v << 4 | (u32)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (u32)(c - 'a' + 10);
		else
			return -EINVAL;
	}
	*out = v;
	return 0;
}

/* Parses the pairs of body[0..len): each is " key=value". */
static enum record_kind parse_pairs(const char *p, const char *end, struct record_parsed *r)
{
	size_t pool = 0;

	while (p < end) {
		const char *key, *val;
		size_t klen, vlen;
		int n;
		unsigned i;

		if (*p++ != ' ')
			return garbage(r, "expected ' ' before a key");
		for (key = p; p < end && is_key_char(*p); p++)
			;
		klen = p - key;
		if (!klen || klen > RECORD_KEY_MAX)
			return garbage(r, "key is not 1-32 of [a-z0-9_]");
		if (p == end || *p != '=')
			return garbage(r, "expected '=' after a key");
		for (val = ++p; p < end && *p != ' '; p++)
			;
		vlen = p - val;
		if (!value_valid(val, vlen))
			return garbage(r, "value is not 1-256 printable or %XX bytes");
		if (r->npairs == RECORD_PAIRS_MAX)
			return garbage(r, "too many pairs");
		for (i = 0; i < r->npairs; i++) {
			const char *k = r->pool + r->kv[i].key;

			if (strlen(k) == klen && !memcmp(k, key, klen))
				return garbage(r, "duplicate key");
		}
		/* pool use per pair (klen+1 + decoded+1) never exceeds its encoded length */
		r->kv[r->npairs].key = pool;
		memcpy(r->pool + pool, key, klen);
		pool += klen;
		r->pool[pool++] = '\0';
		n = record_value_decode(val, vlen, r->pool + pool, sizeof(r->pool) - pool - 1);
		if (n < 0 || n > RECORD_VALUE_MAX)
			return garbage(r, "value does not decode");
		r->kv[r->npairs].value = pool;
		r->kv[r->npairs].value_len = n;
		pool += n;
		r->pool[pool++] = '\0';
		r->npairs++;
	}
	return RECORD_OK;
}

enum record_kind record_parse(const char *line, size_t len, struct record_parsed *r)
{
	const char *p, *end, *tilde, *type;
	u32 want;
	enum record_kind k;

	r->type[0] = '\0';
	r->npairs = 0;
	r->why = NULL;
	if (len && line[len - 1] == '\n')
		len--;
	if (len < 3 || memcmp(line, "@nl", 3))
		return RECORD_NONE;
	if (len + 1 > RECORD_MAX)
		return garbage(r, "line over 512 bytes");
	if (len < sizeof(record_prefix) - 1 || memcmp(line, record_prefix, sizeof(record_prefix) - 1))
		return garbage(r, "does not start with '@nl1 '");
	tilde = memchr(line, '~', len);
	if (!tilde || tilde[-1] != ' ')
		return garbage(r, "no ' ~' before the CRC");
	if (parse_crc(tilde + 1, line + len - (tilde + 1), &want))
		return garbage(r, "CRC is not 8 lower-case hex digits");

	type = line + sizeof(record_prefix) - 1;
	end = tilde - 1;
	for (p = type; p < end && is_lower(*p); p++)
		;
	if (p == type || p - type > RECORD_TYPE_MAX)
		return garbage(r, "type is not 1-16 of [a-z]");
	memcpy(r->type, type, p - type);
	r->type[p - type] = '\0';
	k = parse_pairs(p, end, r);
	if (k != RECORD_OK)
		return k;
	if (crc32(line, end - line) != want)
		return garbage(r, "CRC mismatch");
	return RECORD_OK;
}

const char *record_get_len(const struct record_parsed *r, const char *key, size_t *len)
{
	unsigned i;

	for (i = 0; i < r->npairs; i++) {
		if (!strcmp(r->pool + r->kv[i].key, key)) {
			if (len)
				*len = r->kv[i].value_len;
			return r->pool + r->kv[i].value;
		}
	}
	return NULL;
}

const char *record_get(const struct record_parsed *r, const char *key)
{
	return record_get_len(r, key, NULL);
}

int record_get_u64(const struct record_parsed *r, const char *key, u64 *out)
{
	size_t len, i = 0;
	const char *v = record_get_len(r, key, &len);
	unsigned base = 10;
	u64 x = 0;

	if (!v)
		return -ENOENT;
	if (len > 2 && v[0] == '0' && v[1] == 'x') {
		base = 16;
		i = 2;
	}
	if (i == len)
		return -EINVAL;
	for (; i < len; i++) {
		unsigned d;

		if (v[i] >= '0' && v[i] <= '9')
			d = v[i] - '0';
		else if (base == 16 && v[i] >= 'a' && v[i] <= 'f')
			d = v[i] - 'a' + 10;
		else if (base == 16 && v[i] >= 'A' && v[i] <= 'F')
			d = v[i] - 'A' + 10;
		else
			return -EINVAL;
		if (x > (UINT64_MAX - d) / base)
			return -EINVAL;
		x = x * base + d;
	}
	*out = x;
	return 0;
}

bool record_is_hex(const char *v)
{
	return v && v[0] == '0' && v[1] == 'x' && v[2] && strspn(v + 2, "0123456789abcdef") == strlen(v + 2);
}
