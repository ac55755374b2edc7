/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest runtime, one for x86 L1 and s390x: the scenario registry's entries, the
 * selection (run= or the default suite), checks, verdicts and their records, the totals
 * and the `end` record (docs/records.md). Each architecture supplies its console
 * (lib/console.h), its registry (SCENARIO_ENTRY over its scenarios.def), its struct
 * scenario and scenario_run(), which executes one.
 *
 * Around each scenario_run() the runtime prints the `scenario` record and pushes the name
 * as the report prefix; inside, check() reports, and scenario_run() ends by returning
 * scenario_result(), the one `result` record.
 */
#ifndef LIB_GUEST_H
#define LIB_GUEST_H

#include "lib/guest_cmdline.h"
#include "lib/types.h"
#include "lib/verdict.h"

struct scenario;		/* the architecture's: how to run it */

/* One line of scenarios.def: SCENARIO(id, "family/name", "what it checks"). */
struct scenario_entry {
	const char *name;		/* stable: results and compare use it; written only there */
	const char *desc;
	const struct scenario *scn;	/* scn_<id> */
};

/* An element of scenario_registry[] from one SCENARIO(id, name, desc) line. */
#define SCENARIO_ENTRY(id, name, desc) { name, desc, &scn_##id },

/* The architecture's, in scenarios.def order. */
extern const struct scenario_entry scenario_registry[];
extern const u32 scenario_count;

/* The architecture's: runs e's scenario with o; returns scenario_result(). */
enum verdict scenario_run(const struct scenario_entry *e, const struct run_options *o);

/* One PASS/FAIL line (report API) and a `check` record of the running scenario. */
bool check(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The running scenario's name; NULL between scenarios. */
const char *scenario_name(void);
/* Did a check fail since the running scenario began? */
bool scenario_failed(void);
/* Does break= name the running scenario (its expectations must be off by one)? */
bool scenario_broken(const struct run_options *o);
/* The `result` record of the running scenario; returns v. */
enum verdict scenario_result(enum verdict v, u32 iters, const char *why);
/* The registry entry named name, or NULL. */
const struct scenario_entry *scenario_find(const char *name);

/* Runs the run= list (NULL: every scenario but debug/), adding each verdict to the totals;
 * an unknown name is an ERROR result. */
void guest_run_selected(const char *run, const struct run_options *o);
/* One more verdict outside any scenario (L1: VMX or SVM would not turn on). */
void guest_tally(enum verdict v);
/* The `end` record from the totals, then SUMMARY: the last lines before power-off. */
void guest_end(void);

#endif
