/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A scenario selection too long to name on a command line (hundreds of scenarios: a
 * multiboot or Linux command line holds 2048 bytes) as one word,
 *     @FFFFFFFF:HEX
 * FFFFFFFF: the registry's fingerprint (CRC-32 of its names, each followed by '\n', in
 * registry order), so that a guest or an inner nestlab built from another registry
 * refuses it instead of running other scenarios; HEX: a bitmap over registry indices,
 * hex digit k holding indices 4k..4k+3 (bit i%4), trailing zero digits left out.
 * The selection runs in registry order. Used by the runner only when a job's list is in
 * registry order and its names would not fit (l0/run/l1cmd.c, l0/backend/lab.c).
 * Arch-neutral, no allocation: the guest decodes into a caller's bitmap.
 */
#ifndef LIB_SELECTION_H
#define LIB_SELECTION_H

#include "lib/types.h"

#define SELECTION_MAX		2048	/* registry entries a bitmap can hold */
#define SELECTION_BITMAP_BYTES	(SELECTION_MAX / 8)
/* The longest word: '@', 8 digits, ':', one digit per 4 entries, NUL. */
#define SELECTION_TEXT_MAX	(10 + SELECTION_MAX / 4 + 1)

/*
 * The opt-in family name starts with ("debug/": deliberate crashes; "unsafe/": reproducers
 * of KVM fixes for host crashes or guest escapes), or NULL: one list for the guests' default
 * suite and the runner's selection, neither of which includes them unless asked.
 */
const char *selection_optin_family(const char *name);

/*
 * The fingerprint of a registry: count elements of stride bytes from base, each starting
 * with its name (const char *): struct scenario_entry and struct scenario_info do.
 */
u32 selection_fingerprint(const void *base, size_t stride, u32 count);
/* The word for bitmap (count bits) into buf; 0, or -1 when it does not fit. */
int selection_encode(char *buf, size_t size, u32 fingerprint, const u8 *bitmap, u32 count);
/*
 * Decodes a word into bitmap (SELECTION_BITMAP_BYTES, cleared first). Returns how many are
 * selected, or -1: not a selection word or a bit past count; -2: another registry's.
 */
int selection_decode(const char *text, u32 fingerprint, u8 *bitmap, u32 count);

static inline bool selection_has(const u8 *bitmap, u32 i)
{
	return i < SELECTION_MAX && (bitmap[i / 8] >> (i % 8)) & 1;
}

static inline void selection_set(u8 *bitmap, u32 i)
{
	if (i < SELECTION_MAX)
		bitmap[i / 8] |= (u8)(1u << (i % 8));
}

#endif
