/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Parser for one line of L1's console (format: docs/records.md). Pure: no I/O,
 * no allocation; everything lands in the caller's struct record_parsed.
 *   RECORD_NONE     a human line (does not start with "@nl")
 *   RECORD_OK       a record: grammar matched exactly and the CRC is right
 *   RECORD_GARBAGE  starts with "@nl" but is not a valid record; why says what
 */
#ifndef L0_RECORD_H
#define L0_RECORD_H

#include "lib/record.h"

#define RECORD_TYPE_MAX 16
/* Each pair takes at least 4 bytes (" k=v") of a line of at most RECORD_MAX. */
#define RECORD_PAIRS_MAX (RECORD_MAX / 4)

enum record_kind { RECORD_NONE, RECORD_OK, RECORD_GARBAGE };

struct record_pair {
	u16 key;		/* offsets into pool, NUL-terminated */
	u16 value;
	u16 value_len;		/* decoded bytes; a value may hold %00 */
};

struct record_parsed {
	char type[RECORD_TYPE_MAX + 1];
	unsigned npairs;
	struct record_pair kv[RECORD_PAIRS_MAX];
	/* Keys and decoded values: never longer than the encoded line. */
	char pool[RECORD_MAX];
	const char *why;	/* RECORD_GARBAGE: the defect, a static string */
};

/* line: one console line without or with its final '\n'. */
enum record_kind record_parse(const char *line, size_t len, struct record_parsed *r);

/* The decoded value of key, or NULL when absent. */
const char *record_get(const struct record_parsed *r, const char *key);
const char *record_get_len(const struct record_parsed *r, const char *key, size_t *len);
/* Decimal (or 0x-prefixed hex) value: 0, -ENOENT (absent) or -EINVAL (not a number). */
int record_get_u64(const struct record_parsed *r, const char *key, u64 *out);

/* "0x" and at least one lower-case hex digit, nothing else (record values print so). */
bool record_is_hex(const char *v);

#endif
