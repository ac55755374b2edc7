/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scenario registry as the runner sees it: names and descriptions from
 * l1/scenarios.def, and selection by fnmatch globs.
 */
#ifndef L0_SCENARIO_H
#define L0_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

struct scenario_info {
	const char *name;	/* "family/name": an interface, never renamed */
	const char *desc;
};

extern const struct scenario_info scenario_table[];
extern const size_t scenario_count;

/* True for the families left out of the default suite (opt-in: "debug/", "unsafe/"). */
bool scenario_is_debug(const struct scenario_info *s);
/*
 * Which registry scenario_find and scenario_select use: "s390x" the s390x
 * image's (s390x/scenarios.def), NULL or anything else L1's (the default).
 */
void scenario_use_arch(const char *arch);
const struct scenario_info *scenario_find(const char *name);

/*
 * Selects scenarios in registry order into sel[] (scenario_count entries).
 * No globs: every scenario but the opt-in families debug/ and unsafe/ (all with all).
 * A glob matches an opt-in scenario only when all is set or the glob itself starts
 * with its family ("debug/", "unsafe/").
 * Returns the number selected, or -ENOENT with *unmatched set to the first
 * glob that matched nothing.
 */
int scenario_select(char *const *globs, size_t nglobs, bool all,
		    const struct scenario_info **sel, const char **unmatched);

/*
 * A list of the active registry's scenarios, in its order, as one selection word
 * (lib/selection.h: "@FINGERPRINT:BITMAP") into buf; false when the list is not in
 * registry order or the word does not fit. scenario_select() takes such a word as a
 * glob: the lab's inner nestlab gets its selection that way.
 */
bool scenario_selection_word(const struct scenario_info *const *list, size_t n, char *buf, size_t size);
/* Names longer than this go as a selection word (a Linux or multiboot command line holds
 * 2048 bytes, with the options beside them). */
#define SCENARIO_NAMES_MAX 768

#endif
