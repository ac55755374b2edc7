// SPDX-License-Identifier: GPL-2.0-only
#include "lib/crc32.h"
#include "lib/selection.h"
#include "lib/string.h"

static const char *const optin_families[] = { "debug/", "unsafe/" };

const char *selection_optin_family(const char *name)
{
	for (u32 i = 0; i < ARRAY_SIZE(optin_families); i++)
		if (!strncmp(name, optin_families[i], strlen(optin_families[i])))
			return optin_families[i];
	return NULL;
}

u32 selection_fingerprint(const void *base, size_t stride, u32 count)
{
	u32 crc = 0;

	for (u32 i = 0; i < count; i++) {
		const char *name = *(const char *const *)((const char *)base + (size_t)i * stride);

		crc = crc32_update(crc, name, strlen(name));
		crc = crc32_update(crc, "\n", 1);
	}
	return crc;
}

static const char digits[] = "0123456789abcdef";

int selection_encode(char *buf, size_t size, u32 fingerprint, const u8 *bitmap, u32 count)
{
	u32 ndigits = 0;
	size_t n = 0;

	if (count > SELECTION_MAX || size < 11)
		return -1;
	for (u32 k = 0; k * 4 < count; k++)
		for (u32 b = 0; b < 4; b++)
			if (k * 4 + b < count && selection_has(bitmap, k * 4 + b))
				ndigits = k + 1;
	if (11 + ndigits > size)
		return -1;
	buf[n++] = '@';
	for (int s = 28; s >= 0; s -= 4)
		buf[n++] = digits[(fingerprint >> s) & 15];
	buf[n++] = ':';
	for (u32 k = 0; k < ndigits; k++) {
		u32 d = 0;

		for (u32 b = 0; b < 4; b++)
			if (k * 4 + b < count && selection_has(bitmap, k * 4 + b))
				d |= 1u << b;
		buf[n++] = digits[d];
	}
	buf[n] = 0;
	return 0;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int selection_decode(const char *text, u32 fingerprint, u8 *bitmap, u32 count)
{
	u32 fp = 0;
	int n = 0;

	memset(bitmap, 0, SELECTION_BITMAP_BYTES);
	if (!text || text[0] != '@' || count > SELECTION_MAX)
		return -1;
	for (int i = 1; i <= 8; i++) {
		int v = hex_value(text[i]);

		if (v < 0)
			return -1;
		fp = fp << 4 | (u32)v;
	}
	if (text[9] != ':')
		return -1;
	for (u32 k = 0; text[10 + k]; k++) {
		int v = hex_value(text[10 + k]);

		if (v < 0)
			return -1;
		for (u32 b = 0; b < 4; b++) {
			if (!(v & (1 << b)))
				continue;
			if (k * 4 + b >= count)
				return -1;
			selection_set(bitmap, k * 4 + b);
			n++;
		}
	}
	return fp == fingerprint ? n : -2;
}
