/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The types of machine record (docs/records.md), one table for the guests that print them
 * and the runner that reads them:
 *   X(ID, "type", scope, writer)
 * scope RUN: stands on its own (the run, the machine, a scenario's start or a crash);
 * scope SCENARIO: belongs to the open scenario and names it in its name= key.
 * writer L1: the guest prints it on its console;
 * writer L0: the VMM writes it, only on the L0's own channel (job-N/l0.records), which the
 *   guest cannot write: L1 printing it is a forgery (the scenario is ERROR);
 * writer LEVEL: its level key says: l1 (or none) from L1's console, any other from the L0's.
 * A type not listed is a later version's: the runner ignores it.
 */
#ifndef LIB_RECORD_TYPES_H
#define LIB_RECORD_TYPES_H

#include "lib/types.h"

#define RECORD_TYPES(X)							\
	X(BEGIN,    "begin",    RUN,      L1)	/* L1 started: arch, cpu, boot, cmdline */ \
	X(FEATURE,  "feature",  RUN,      L1)	/* a capability of the CPU, 0/1 */	\
	X(MSR,      "msr",      RUN,      L1)	/* a capability MSR's value */		\
	X(SCENARIO, "scenario", RUN,      L1)	/* opens a scenario: name, index, of */	\
	X(CRASH,    "crash",    RUN,      L1)	/* L1 took an exception it cannot handle */ \
	X(END,      "end",      RUN,      L1)	/* L1 ran all it was asked: totals */	\
	X(OVERFLOW, "overflow", RUN,      L1)	/* a record the encoder could not build */ \
	X(EXIT,     "exit",     SCENARIO, LEVEL)	/* exits of one reason at one level */	\
	X(VCPUSTAT, "vcpustat", SCENARIO, L0)	/* KVM's per-vCPU counters over the window */ \
	X(VMSTAT,   "vmstat",   SCENARIO, L0)	/* KVM's per-VM counters over the window */ \
	X(LATENCY,  "latency",  SCENARIO, L1)	/* the distribution of round trips */	\
	X(SAMPLES,  "samples",  SCENARIO, L1)	/* raw samples in run order */		\
	X(HIST,     "hist",     SCENARIO, L1)	/* log2 histogram of the samples */	\
	X(CHECK,    "check",    SCENARIO, L1)	/* one PASS/FAIL line */		\
	X(RESULT,   "result",   SCENARIO, L1)	/* closes the scenario: its verdict */	\
	X(TIMING,   "timing",   SCENARIO, L0)	/* how L0 was instrumented while it timed */ \
	X(COUNTING, "counting", SCENARIO, L0)	/* the counting pass's KVM stats, to tie */ \
	X(COVFILE,  "covfile",  RUN,      L1)	/* cov=1: a .gcda file follows: n, path */ \
	X(COVDATA,  "covdata",  RUN,      L1)	/* a piece of file n: off, d (docs/coverage.md) */ \
	X(COVEND,   "covend",   RUN,      L1)	/* file n is complete: len, crc of its bytes */ \
	X(MIGRATE,  "migrate",  SCENARIO, L0)	/* the VMM's migrations over the window */

enum record_scope { RECORD_SCOPE_RUN, RECORD_SCOPE_SCENARIO };
enum record_writer { RECORD_BY_L1, RECORD_BY_L0, RECORD_BY_LEVEL };

enum record_type {
#define X(id, name, scope, writer) RECORD_##id,
	RECORD_TYPES(X)
#undef X
	RECORD_TYPE_COUNT,
	RECORD_TYPE_UNKNOWN = RECORD_TYPE_COUNT
};

/* "begin"; "<unknown>" out of range. */
const char *record_type_name(enum record_type t);
enum record_scope record_type_scope(enum record_type t);
/* Who may write a type; RECORD_BY_L1 out of range (a later version's type is L1's). */
enum record_writer record_type_writer(enum record_type t);
/* RECORD_TYPE_UNKNOWN for a type this version does not know. */
enum record_type record_type_find(const char *name);

#endif
