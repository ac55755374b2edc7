/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The types of machine record (docs/records.md), one table for the guests that print them
 * and the runner that reads them:
 *   X(ID, "type", scope)
 * scope RUN: stands on its own (the run, the machine, a scenario's start or a crash);
 * scope SCENARIO: belongs to the open scenario and names it in its name= key.
 * A type not listed is a later version's: the runner ignores it.
 */
#ifndef LIB_RECORD_TYPES_H
#define LIB_RECORD_TYPES_H

#include "lib/types.h"

#define RECORD_TYPES(X)							\
	X(BEGIN,    "begin",    RUN)		/* L1 started: arch, cpu, boot, cmdline */ \
	X(FEATURE,  "feature",  RUN)		/* a capability of the CPU, 0/1 */	\
	X(MSR,      "msr",      RUN)		/* a capability MSR's value */		\
	X(SCENARIO, "scenario", RUN)		/* opens a scenario: name, index, of */	\
	X(CRASH,    "crash",    RUN)		/* L1 took an exception it cannot handle */ \
	X(END,      "end",      RUN)		/* L1 ran all it was asked: totals */	\
	X(OVERFLOW, "overflow", RUN)		/* a record the encoder could not build */ \
	X(EXIT,     "exit",     SCENARIO)	/* exits of one reason at one level */	\
	X(VCPUSTAT, "vcpustat", SCENARIO)	/* KVM's per-vCPU counters over the window */ \
	X(VMSTAT,   "vmstat",   SCENARIO)	/* KVM's per-VM counters over the window */ \
	X(LATENCY,  "latency",  SCENARIO)	/* the distribution of round trips */	\
	X(SAMPLES,  "samples",  SCENARIO)	/* raw samples in run order */		\
	X(HIST,     "hist",     SCENARIO)	/* log2 histogram of the samples */	\
	X(CHECK,    "check",    SCENARIO)	/* one PASS/FAIL line */		\
	X(RESULT,   "result",   SCENARIO)	/* closes the scenario: its verdict */	\
	X(TIMING,   "timing",   SCENARIO)	/* how L0 was instrumented while it timed */ \
	X(COUNTING, "counting", SCENARIO)	/* the counting pass's KVM stats, to tie */ \
	X(COVFILE,  "covfile",  RUN)		/* cov=1: a .gcda file follows: n, path */ \
	X(COVDATA,  "covdata",  RUN)		/* a piece of file n: off, d (docs/coverage.md) */ \
	X(COVEND,   "covend",   RUN)		/* file n is complete: len, crc of its bytes */

enum record_scope { RECORD_SCOPE_RUN, RECORD_SCOPE_SCENARIO };

enum record_type {
#define X(id, name, scope) RECORD_##id,
	RECORD_TYPES(X)
#undef X
	RECORD_TYPE_COUNT,
	RECORD_TYPE_UNKNOWN = RECORD_TYPE_COUNT
};

/* "begin"; "<unknown>" out of range. */
const char *record_type_name(enum record_type t);
enum record_scope record_type_scope(enum record_type t);
/* RECORD_TYPE_UNKNOWN for a type this version does not know. */
enum record_type record_type_find(const char *name);

#endif
