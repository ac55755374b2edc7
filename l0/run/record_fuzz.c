// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for record_parse(). Built two ways:
 *   make fuzz            clang -fsanitize=fuzzer,address: LLVMFuzzerTestOneInput only
 *   record_fuzz_test     host cc, with main(): 200k deterministic inputs (random,
 *                        generated valid records, mutated valid records)
 * Invariants on every input:
 *   - the kind agrees with an independent reference (split on spaces, bitwise CRC)
 *   - RECORD_NONE exactly when the line does not start with "@nl"; GARBAGE has a why
 *   - a record's type and keys are valid, keys unique, values 1-256 bytes and
 *     NUL-terminated; its canonical re-encoding parses back to the same fields
 * and on generated inputs: a valid record parses to what was generated; one
 * substituted byte or a truncation never parses as a record.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/run/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static u32 ref_crc32(const void *data, size_t len)
{
	const u8 *p = data;
	u32 crc = ~0u;
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc;
}

static bool in_set(const char *s, size_t len, const char *set)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!s[i] || !strchr(set, s[i]))
			return false;
	return true;
}

static const char hexdig[] = "0123456789abcdefABCDEF";

/* An independent reading of docs/records.md: true when line is a valid record. */
static bool ref_valid(const char *line, size_t len)
{
	const char *f[RECORD_MAX];
	size_t flen[RECORD_MAX], n = 0, i, j, start = 0;

	if (len && line[len - 1] == '\n')
		len--;
	if (len + 1 > RECORD_MAX || memchr(line, '\0', len))
		return false;
	for (i = 0; i <= len; i++) {
		if (i == len || line[i] == ' ') {
			f[n] = line + start;
			flen[n++] = i - start;
			start = i + 1;
		}
	}
	if (n < 3 || flen[0] != 4 || memcmp(f[0], "@nl1", 4))
		return false;
	if (flen[1] < 1 || flen[1] > 16 || !in_set(f[1], flen[1], "abcdefghijklmnopqrstuvwxyz"))
		return false;
	if (flen[n - 1] != 9 || f[n - 1][0] != '~' || !in_set(f[n - 1] + 1, 8, "0123456789abcdef"))
		return false;
	for (i = 2; i < n - 1; i++) {
		const char *eq = memchr(f[i], '=', flen[i]);
		size_t klen = eq ? (size_t)(eq - f[i]) : 0, units = 0;

		if (!eq || klen < 1 || klen > 32 ||
		    !in_set(f[i], klen, "abcdefghijklmnopqrstuvwxyz0123456789_"))
			return false;
		for (j = klen + 1; j < flen[i]; units++) {
			unsigned char c = f[i][j];

			if (c == '%' && j + 2 < flen[i] && in_set(f[i] + j + 1, 2, hexdig))
				j += 3;
			else if (c > ' ' && c < 0x7f && c != '%' && c != '=' && c != '~')
				j++;
			else
				return false;
		}
		if (units < 1 || units > 256)
			return false;
		for (j = 2; j < i; j++) {
			const char *eq2 = memchr(f[j], '=', flen[j]);

			if ((size_t)(eq2 - f[j]) == klen && !memcmp(f[j], f[i], klen))
				return false;
		}
	}
	return ref_crc32(line, f[n - 1] - 1 - line) ==
	       (u32)strtoul((char[9]){ f[n - 1][1], f[n - 1][2], f[n - 1][3], f[n - 1][4],
				       f[n - 1][5], f[n - 1][6], f[n - 1][7], f[n - 1][8], 0 },
			    NULL, 16);
}

/* Canonical encoding of a parsed record (lib/record.h's rules) with its CRC. */
static size_t encode(const struct record_parsed *r, char *out, size_t size)
{
	size_t n = 0;
	unsigned i, j;

	n += snprintf(out + n, size - n, "@nl1 %s", r->type);
	for (i = 0; i < r->npairs && n < size; i++) {
		const unsigned char *v = (const unsigned char *)r->pool + r->kv[i].value;

		n += snprintf(out + n, size - n, " %s=", r->pool + r->kv[i].key);
		for (j = 0; j < r->kv[i].value_len && n < size; j++) {
			if (v[j] > ' ' && v[j] < 0x7f && v[j] != '%' && v[j] != '=' && v[j] != '~')
				n += snprintf(out + n, size - n, "%c", v[j]);
			else
				n += snprintf(out + n, size - n, "%%%02X", v[j]);
		}
	}
	if (n < size)
		n += snprintf(out + n, size - n, " ~%08x\n", ref_crc32(out, n));
	return n < size ? n : size;
}

static bool same_fields(const struct record_parsed *a, const struct record_parsed *b)
{
	unsigned i;

	if (strcmp(a->type, b->type) || a->npairs != b->npairs)
		return false;
	for (i = 0; i < a->npairs; i++) {
		if (strcmp(a->pool + a->kv[i].key, b->pool + b->kv[i].key) ||
		    a->kv[i].value_len != b->kv[i].value_len ||
		    memcmp(a->pool + a->kv[i].value, b->pool + b->kv[i].value, a->kv[i].value_len))
			return false;
	}
	return true;
}

/* NULL when every invariant holds, else what broke. */
static const char *fuzz_check(const char *line, size_t len, struct record_parsed *r)
{
	static struct record_parsed again;
	static char buf[2 * RECORD_MAX];
	enum record_kind k = record_parse(line, len, r);
	size_t body = len && line[len - 1] == '\n' ? len - 1 : len;
	bool at = body >= 3 && !memcmp(line, "@nl", 3);
	unsigned i, j;

	if (k != RECORD_NONE && k != RECORD_OK && k != RECORD_GARBAGE)
		return "kind out of range";
	if ((k == RECORD_NONE) != !at)
		return "RECORD_NONE is not exactly 'no @nl prefix'";
	if (k == RECORD_GARBAGE && !r->why)
		return "garbage without a why";
	if ((k == RECORD_OK) != (at && ref_valid(line, len)))
		return k == RECORD_OK ? "record the reference rejects" : "garbage the reference accepts";
	if (k != RECORD_OK)
		return NULL;
	if (!r->type[0] || strlen(r->type) > RECORD_TYPE_MAX ||
	    !in_set(r->type, strlen(r->type), "abcdefghijklmnopqrstuvwxyz"))
		return "bad type";
	for (i = 0; i < r->npairs; i++) {
		const char *key = r->pool + r->kv[i].key;

		if (!record_key_valid(key, strlen(key)))
			return "bad key";
		if (r->kv[i].value_len < 1 || r->kv[i].value_len > RECORD_VALUE_MAX ||
		    r->pool[r->kv[i].value + r->kv[i].value_len] != '\0')
			return "bad value length or terminator";
		for (j = 0; j < i; j++)
			if (!strcmp(key, r->pool + r->kv[j].key))
				return "duplicate key";
		if (record_get(r, key) != r->pool + r->kv[i].value)
			return "record_get does not find a key";
	}
	len = encode(r, buf, sizeof(buf));
	if (record_parse(buf, len, &again) != RECORD_OK || !same_fields(r, &again))
		return "canonical re-encoding does not parse back";
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct record_parsed r;
	const char *bad = fuzz_check((const char *)data, size, &r);

	if (bad) {
		fprintf(stderr, "record_fuzz: %s: %.*s\n", bad, (int)size, (const char *)data);
		abort();
	}
	return 0;
}

#ifndef RECORD_FUZZ_LIBFUZZER
#include "lib/test.h"

#define FUZZ_INPUTS 200000

static u64 rng_state = 0x9e3779b97f4a7c15ull;

static u64 rnd(void)
{
	u64 x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545f4914f6cdd1dull;
}

static unsigned below(unsigned n)
{
	return rnd() % n;
}

static char pick(const char *set)
{
	return set[below(strlen(set))];
}

static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
static const char keyset[] = "abcdefghijklmnopqrstuvwxyz0123456789_";

/* A valid record (when it fits) of random fields; returns its length. */
static size_t gen_valid(char *out, size_t size)
{
	size_t n = 0, i, tlen = 1 + below(16);
	unsigned pairs = below(12), p, k;
	char keys[12][33];

	n += snprintf(out, size, "@nl1 ");
	for (i = 0; i < tlen; i++)
		out[n++] = pick(lower);
	for (p = 0; p < pairs; p++) {
		size_t klen = 1 + (below(4) ? below(8) : below(32)), vlen = 1 + (below(4) ? below(12) : below(256));

		for (i = 0; i < klen; i++)
			keys[p][i] = pick(keyset);
		keys[p][klen] = '\0';
		for (k = 0; k < p; k++)
			if (!strcmp(keys[k], keys[p]))
				break;
		if (k < p)
			continue;
		if (n + klen + 3 * vlen + 16 >= size)
			break;
		n += snprintf(out + n, size - n, " %s=", keys[p]);
		for (i = 0; i < vlen; i++) {
			unsigned c = below(3) ? 0x21 + below(94) : below(256);

			if (c > ' ' && c < 0x7f && c != '%' && c != '=' && c != '~' && below(8))
				out[n++] = c;
			else
				n += snprintf(out + n, size - n, below(2) ? "%%%02X" : "%%%02x", c);
		}
	}
	n += snprintf(out + n, size - n, " ~%08x", ref_crc32(out, n));
	/* size leaves room for the newline: gen_valid(.., RECORD_MAX) fits the limit */
	if (below(2))
		out[n++] = '\n';
	return n;
}

static size_t gen_random(char *out, size_t size)
{
	static const char alphabet[] = "@nl1 ~=%0123456789abcdefABCDEF_xyz\n\r\t";
	size_t n = below(4) ? below(80) : below(size), i = 0;

	if (below(2) && n >= 5) {
		memcpy(out, "@nl1 ", 5);
		i = 5;
	}
	for (; i < n; i++)
		out[i] = below(4) ? pick(alphabet) : (char)below(256);
	return n;
}

int main(void)
{
	static char line[4 * RECORD_MAX];
	static struct record_parsed r;
	unsigned kinds[3] = { 0 }, i;

	test_fail_lines = 10;

	for (i = 0; i < FUZZ_INPUTS; i++) {
		size_t len, pos, full = 0;
		bool nl = false;
		const char *bad;
		unsigned mode = i % 4;

		if (mode == 0) {
			len = gen_random(line, sizeof(line));
		} else {
			len = gen_valid(line, below(8) ? RECORD_MAX : sizeof(line));
			full = len;
			nl = line[len - 1] == '\n';
			if (mode == 2) {		/* one byte substituted */
				pos = below(len);
				line[pos] ^= 1 + below(255);
			} else if (mode == 3) {		/* cut, inserted or deleted bytes */
				pos = below(len);
				if (below(3) == 0 && len + 1 < sizeof(line)) {
					memmove(line + pos + 1, line + pos, len - pos);
					line[pos] = (char)below(256);
					len++;
				} else if (below(2)) {
					memmove(line + pos, line + pos + 1, len - pos - 1);
					len--;
				} else {
					len = pos;
					mode = 4;	/* truncated */
				}
			}
		}
		bad = fuzz_check(line, len, &r);
		/* dropping just the final newline keeps a record whole */
		if (!bad && (mode == 2 || (mode == 4 && !(nl && len == full - 1))) &&
		    record_parse(line, len, &r) == RECORD_OK)
			bad = "a damaged record still parses";
		if (!bad && mode == 1 && full - nl + 1 <= RECORD_MAX &&
		    record_parse(line, len, &r) != RECORD_OK)
			bad = "a generated valid record does not parse";
		kinds[record_parse(line, len, &r)]++;
		CHECK(!bad, "input %u: %s: %.*s", i, bad, (int)len, line);
	}
	printf("inputs: %u human lines, %u records, %u garbage\n", kinds[RECORD_NONE],
	       kinds[RECORD_OK], kinds[RECORD_GARBAGE]);
	return test_done();
}
#endif
