// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fnmatch.h>
#include <string.h>

#include "l0/run/scenario.h"
#include "lib/selection.h"

const struct scenario_info scenario_table[] = {
#define SCENARIO(id, name, desc) { name, desc },
#include "l1/scenarios.def"
#undef SCENARIO
};

const size_t scenario_count = sizeof(scenario_table) / sizeof(scenario_table[0]);

/* The s390x image's registry (--backend qemu-s390x). */
static const struct scenario_info s390x_table[] = {
#define SCENARIO(id, name, desc) { name, desc },
#include "s390x/scenarios.def"
#undef SCENARIO
};
/* Callers size selections by scenario_count. */
_Static_assert(sizeof(s390x_table) <= sizeof(scenario_table), "s390x registry larger than x86's");

static const struct scenario_info *active = scenario_table;
static size_t active_count = sizeof(scenario_table) / sizeof(scenario_table[0]);

void scenario_use_arch(const char *arch)
{
	bool s390x = arch && !strcmp(arch, "s390x");

	active = s390x ? s390x_table : scenario_table;
	active_count = s390x ? sizeof(s390x_table) / sizeof(s390x_table[0]) : scenario_count;
}

bool scenario_is_debug(const struct scenario_info *s)
{
	return selection_optin_family(s->name) != NULL;
}

const struct scenario_info *scenario_find(const char *name)
{
	size_t i;

	for (i = 0; i < active_count; i++)
		if (!strcmp(active[i].name, name))
			return &active[i];
	return NULL;
}

static u32 active_fingerprint(void)
{
	return selection_fingerprint(active, sizeof(active[0]), (u32)active_count);
}

/* A selection word (lib/selection.h) another nestlab wrote: opt-in families included. */
static bool word_selects(const char *word, const struct scenario_info *s)
{
	u8 bitmap[SELECTION_BITMAP_BYTES];

	return selection_decode(word, active_fingerprint(), bitmap, (u32)active_count) > 0 &&
	       selection_has(bitmap, (u32)(s - active));
}

bool scenario_selection_word(const struct scenario_info *const *list, size_t n, char *buf, size_t size)
{
	u8 bitmap[SELECTION_BITMAP_BYTES] = { 0 };

	for (size_t i = 0; i < n; i++) {
		if (list[i] < active || list[i] >= active + active_count || (i && list[i] <= list[i - 1]))
			return false;	/* not this registry's, or not in its order */
		selection_set(bitmap, (u32)(list[i] - active));
	}
	return active_count <= SELECTION_MAX &&
	       selection_encode(buf, size, active_fingerprint(), bitmap, (u32)active_count) == 0;
}

static bool glob_matches(const char *glob, const struct scenario_info *s, bool all)
{
	const char *fam = selection_optin_family(s->name);

	if (glob[0] == '@')
		return word_selects(glob, s);
	if (fam && !all && strncmp(glob, fam, strlen(fam)))
		return false;
	return !fnmatch(glob, s->name, 0);
}

int scenario_select(char *const *globs, size_t nglobs, bool all,
		    const struct scenario_info **sel, const char **unmatched)
{
	size_t i, g;
	int n = 0;

	for (g = 0; g < nglobs; g++) {
		for (i = 0; i < active_count; i++)
			if (glob_matches(globs[g], &active[i], all))
				break;
		if (i == active_count) {
			*unmatched = globs[g];
			return -ENOENT;
		}
	}
	for (i = 0; i < active_count; i++) {
		const struct scenario_info *s = &active[i];
		bool take = !nglobs && (all || !scenario_is_debug(s));

		for (g = 0; g < nglobs && !take; g++)
			take = glob_matches(globs[g], s, all);
		if (take)
			sel[n++] = s;
	}
	return n;
}
