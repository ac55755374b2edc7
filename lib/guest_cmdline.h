/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest command line (docs/records.md, "L1 command line"), one parser for x86 L1 and
 * s390x: blank-separated words, "run=a,b,c" and one word per lib/run_options.h entry with a
 * guest key, "<key>=<value>" (FLAG: "<key>=1"). The table says how a value is read:
 *   UINT    decimal digits, clamped to the table's [min, max]
 *   FLAG    the value "1"
 *   TEXT    any non-empty text
 *   CHOICE  one of the table's '|'-separated words
 * A word that is none of these, or a value the table refuses, is ignored: the option keeps
 * its default. The runner range-checks before it writes the line.
 */
#ifndef LIB_GUEST_CMDLINE_H
#define LIB_GUEST_CMDLINE_H

#include "lib/run_options.h"
#include "lib/types.h"

#define GUEST_CMDLINE_MAX 2048
#define DEFAULT_ITERS 64	/* a scenario's own, at most RUNOPT_ITERS_MAX */
#define DEFAULT_WARMUP 8

/* What the guest words set; text fields point into struct guest_cmdline.words. */
struct run_options {
	u32 iters;			/* 0: not given, the scenario's own (run_options_iters) */
	u32 warmup;			/* iterations before the window, DEFAULT_WARMUP unless given */
	u32 delay;			/* extra instructions on L1's exit path, every exit */
	bool raw;			/* print every sample in `samples` records */
	const char *edge_pause;		/* "pvpanic": stop the VM at each window edge; NULL: never */
	const char *qemu_migrate;	/* qemu-kvm's --migrate PLAN (lib/guest_migrate.h); NULL: none */
	const char *break_name;		/* scenario whose expectations are off by one */
	bool coverage;			/* send the gcov counters before the end record */
};

struct guest_cmdline {
	char text[GUEST_CMDLINE_MAX];	/* as received, for the begin record */
	char words[GUEST_CMDLINE_MAX];	/* text cut into words: run and opt point here */
	const char *run;		/* comma-separated names; NULL: the default suite */
	struct run_options opt;
};

/* Parses src (NULL: empty), at most max bytes of it and GUEST_CMDLINE_MAX - 1. */
void guest_cmdline_parse(struct guest_cmdline *c, const char *src, size_t max);
/* Next name of a comma list into buf (cut to fit); returns the rest, NULL at the end. */
const char *guest_cmdline_next_name(const char *list, char *buf, size_t size);
/* Iterations of a scenario that runs at most max: iters= if given, else DEFAULT_ITERS. */
u32 run_options_iters(const struct run_options *o, u32 max);

#endif
