/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How L0 was instrumented while a scenario was timed, and the tie between the timing pass
 * and the counting pass (docs/records.md, "Two passes"): the `timing` and `counting`
 * records of a scenario, checked when its result comes. No I/O.
 */
#ifndef L0_RUN_L0PASS_H
#define L0_RUN_L0PASS_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/types.h"

#define L0PASS_COUNTERS_MAX 64

struct l0pass {
	bool have_timed;		/* an timing record came */
	bool traced;			/* a KVM tracepoint was on while L1 timed */
	bool counting;			/* a counting pass ran (its records are due) */
	char timed_counters[L0PASS_COUNTERS_MAX];	/* "kvm_stats" */
	bool have_count;		/* an counting record came */
	char count_counters[L0PASS_COUNTERS_MAX];	/* "tracefs_hist,kvm_stats" */
	u64 count_exits, count_irq_exits;	/* KVM's exits and irq_exits in the counting pass */
};

struct record_parsed;

/* An timing or counting record into p: NULL, or what is wrong with it. */
const char *l0pass_take(struct l0pass *p, const struct record_parsed *r);
/*
 * The tie, given the timing pass's `exits` and `irq_exits` stats: true when they agree
 * (host-interrupt exits, which land where the host's timer puts them, taken out of
 * both), else false with why ("exits stat differs between the timing pass (N) and the
 * counting pass (M)..."). Nothing to tie (no counting pass, or an L0 without records):
 * true.
 */
bool l0pass_tie(const struct l0pass *p, u64 exits, u64 irq_exits, char *why, size_t size);
/* "kvm_stats,tracefs_hist" as its words: calls add(word, arg) for each. */
void l0pass_words(const char *list, void (*add)(const char *word, void *arg), void *arg);

#endif
