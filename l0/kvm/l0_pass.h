/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Timing with L0 uninstrumented (docs/records.md, "Two passes"). A job's VM runs twice:
 * a counting pass with the per-reason tracing on (tracefs hist triggers or a trace), and
 * a timing pass with no KVM tracepoint enabled, whose console the runner reads. At each
 * window close of the timing pass the VMM writes to the L0's channel (a file L1 cannot
 * write; the counting pass has one of its own) its KVM stats, an `timing` record (how
 * L0 was instrumented while L1 timed) and the counting pass's records of that scenario
 * (its `exit` records by reason and an `counting` record with its KVM stats), so the
 * session can tie the two passes by KVM's `exits` stat.
 */
#ifndef L0_KVM_L0_PASS_H
#define L0_KVM_L0_PASS_H

#include <stdbool.h>
#include <stddef.h>

#include "l0/kvm/l0_window.h"

enum l0_pass { L0_PASS_COUNTING, L0_PASS_TIMING };

/* `timing name=S traced=0 counters=LIST counting=0|1` for a window closed in a timing pass. */
void l0_pass_write_timed(int fd, const char *scenario, const char *counters, bool counting);
/* `counting name=S counters=LIST exits=N irq_exits=N` for a window closed in a counting pass. */
void l0_pass_write_count(int fd, const char *scenario, const char *counters,
			 const struct l0_counters *open, const struct l0_counters *close);

/* The counting pass's records, by scenario, as lines (each with its own CRC). */
struct l0_pass_store {
	size_t n;
	struct {
		char *scenario, *line;
	} *rec;
};
/* The counting pass's `exit` records of levels l0 and l0_nested and its `counting` records
 * from its L0 channel's file. 0 or -errno (the store is then empty). */
int l0_pass_store_load(struct l0_pass_store *s, const char *records_path);
/* Writes scenario's records to fd, each once. */
void l0_pass_store_write(struct l0_pass_store *s, int fd, const char *scenario);
void l0_pass_store_free(struct l0_pass_store *s);

#endif
