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

#endif
