// SPDX-License-Identifier: GPL-2.0-only
/* The selection word: round trips, the fingerprint guard, malformed words refused. */
#include <string.h>

#include "lib/selection.h"
#include "lib/test.h"

struct entry {
	const char *name;
	int other;
};

static const struct entry reg[] = { { "a/x", 0 }, { "a/y", 0 }, { "b/z", 0 }, { "c/w", 0 }, { "c/v", 0 } };
static const struct entry reg2[] = { { "a/x", 0 }, { "a/y", 0 }, { "b/z", 0 }, { "c/w", 0 }, { "c/u", 0 } };

int main(void)
{
	u32 fp = selection_fingerprint(reg, sizeof(reg[0]), 5), fp2 = selection_fingerprint(reg2, sizeof(reg2[0]), 5);
	u8 bits[SELECTION_BITMAP_BYTES] = { 0 }, back[SELECTION_BITMAP_BYTES], big[SELECTION_BITMAP_BYTES] = { 0 };
	char word[SELECTION_TEXT_MAX], small[12];

	CHECK(fp != fp2, "one renamed scenario changes the fingerprint (%#x, %#x)", fp, fp2);
	CHECK(fp == selection_fingerprint(reg, sizeof(reg[0]), 5), "the fingerprint is stable");
	selection_set(bits, 0);
	selection_set(bits, 2);
	selection_set(bits, 4);
	CHECK(selection_encode(word, sizeof(word), fp, bits, 5) == 0 && strlen(word) == 12 && word[0] == '@' &&
	      word[9] == ':' && !strcmp(word + 10, "51"), "indices 0, 2, 4: \"%s\"", word);
	CHECK(selection_decode(word, fp, back, 5) == 3, "decodes three");
	CHECK(!memcmp(bits, back, sizeof(bits)), "round trip");
	CHECK(selection_has(back, 4) && !selection_has(back, 3) && !selection_has(back, 1), "the right ones");
	CHECK(selection_decode(word, fp2, back, 5) == -2, "another registry's word: -2");
	CHECK(selection_decode(word, fp, back, 4) == -1, "a bit past the registry: -1");
	CHECK(selection_decode("@0000000:1", fp, back, 5) == -1, "short fingerprint: -1");
	CHECK(selection_decode("@00000000-1", fp, back, 5) == -1, "no colon: -1");
	CHECK(selection_decode("a/x", fp, back, 5) == -1 && selection_decode(NULL, fp, back, 5) == -1, "names: -1");
	word[10] = 'g';
	CHECK(selection_decode(word, fp, back, 5) == -1, "not a hex digit: -1");
	word[10] = 'A';
	CHECK(selection_decode(word, fp, back, 5) == -1, "upper case refused: -1");
	CHECK(selection_encode(word, sizeof(word), fp, big, 5) == 0 && !strcmp(word + 9, ":"),
	      "nothing selected: no digits");
	CHECK(selection_decode(word, fp, back, 5) == 0, "decodes none");
	for (u32 i = 0; i < SELECTION_MAX; i++)
		selection_set(big, i);
	CHECK(selection_encode(word, sizeof(word), fp, big, SELECTION_MAX) == 0 &&
	      strlen(word) == SELECTION_TEXT_MAX - 1, "all of SELECTION_MAX fits SELECTION_TEXT_MAX");
	CHECK(selection_decode(word, fp, back, SELECTION_MAX) == SELECTION_MAX, "decodes all");
	CHECK(selection_encode(small, sizeof(small), fp, bits, 5) == -1, "too small a buffer: -1");
	CHECK(selection_encode(word, sizeof(word), fp, bits, SELECTION_MAX + 1) == -1, "past SELECTION_MAX: -1");
	return test_done();
}
