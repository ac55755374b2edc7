/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Verdicts of a scenario, worst last: a final verdict never improves. One table for the
 * guest (x86 L1, s390x), which reports the four it can know in `result` records, and the
 * runner, which adds the three only the host can see (not run, crashed, timed out).
 *   X(NAME, "as printed", a guest may report it, "key")
 * key: the verdict's total in the guest's `end` record and in results.json's summary
 * (a scenario not run counts among the errors there).
 */
#ifndef LIB_VERDICT_H
#define LIB_VERDICT_H

#include "lib/types.h"

#define VERDICTS(X)						\
	X(NONE,    "NOTRUN",  false, "errors")			\
	X(PASS,    "PASS",    true,  "passed")			\
	X(SKIP,    "SKIP",    true,  "skipped")			\
	X(FAIL,    "FAIL",    true,  "failed")			\
	X(ERROR,   "ERROR",   true,  "errors")			\
	X(CRASH,   "CRASH",   false, "crashed")			\
	X(TIMEOUT, "TIMEOUT", false, "timeouts")

/* The totals after "total" in results.json's summary, in its order: every key above once. */
#define VERDICT_TOTALS(X) X(passed) X(failed) X(skipped) X(errors) X(crashed) X(timeouts)

enum verdict {
#define X(id, name, guest, key) VERDICT_##id,
	VERDICTS(X)
#undef X
	VERDICT_COUNT
};

/* "PASS"; "<unknown>" out of range. */
const char *verdict_name(enum verdict v);
/* The verdict a guest's `result` record names; VERDICT_NONE when it is not one a guest
 * may report (garbage, or a host-only verdict). len: bytes of name. */
enum verdict verdict_from_guest(const char *name, size_t len);
/* Any verdict by the name verdict_name() gives it (results.json's "verdict"); VERDICT_NONE
 * for "NOTRUN" and for a name that is none. */
enum verdict verdict_find(const char *name);
/* Its total's key in the `end` record and the summary ("passed", "timeouts"). */
const char *verdict_key(enum verdict v);

#endif
