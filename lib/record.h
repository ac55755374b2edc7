/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine records printed by L1 for the runner (format: docs/records.md):
 *   @nl1 <type> key=value ... ~<crc32 as 8 lower-case hex digits>\n
 * Values are percent-encoded: bytes outside '!'..'~', and '%', '=' and '~',
 * become %XX (upper-case hex). The CRC covers every byte from '@' up to, not
 * including, the " ~" separator.
 *
 * The encoder only emits lines in the grammar, at most RECORD_MAX - 1 bytes
 * (buf keeps the NUL). A record that cannot be built as asked (line too long,
 * value over RECORD_VALUE_MAX, bad type, bad or repeated key) comes out as
 *   @nl1 overflow type=<type> key=<the key that failed> ~<crc>
 * and later record_*() calls on it do nothing. An empty or NULL value leaves
 * its key out: the grammar has no empty values.
 */
#ifndef LIB_RECORD_H
#define LIB_RECORD_H

#include "lib/types.h"

#define RECORD_VERSION 1
#define RECORD_MAX 512		/* whole line, '\n' included */
#define RECORD_KEY_MAX 32
#define RECORD_VALUE_MAX 256	/* decoded bytes */

struct record {
	char buf[RECORD_MAX];
	size_t len;
	bool overflow;		/* a field did not fit: record_end() yields an "overflow" record */
};

void record_begin(struct record *r, const char *type);
void record_str(struct record *r, const char *key, const char *val);
void record_u64(struct record *r, const char *key, u64 val);	/* decimal */
void record_hex(struct record *r, const char *key, u64 val);	/* 0x%llx */
/* Appends the CRC and '\n'; returns the NUL-terminated line (r->len is then its length). */
const char *record_end(struct record *r);

/* Decoding helpers shared with the runner's parser. */
bool record_key_valid(const char *key, size_t len);	/* [a-z0-9_]{1,RECORD_KEY_MAX} */
/*
 * Decodes a percent-encoded value; returns decoded length or -1 when malformed or too long.
 * out gets the bytes and a NUL (out_size RECORD_VALUE_MAX + 1 always suffices); %00 may
 * put NULs inside, so use the length. Hex digits may be either case.
 */
int record_value_decode(const char *in, size_t len, char *out, size_t out_size);

#endif
