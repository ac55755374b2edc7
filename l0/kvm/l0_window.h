/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What an L0 with KVM counted over one measurement window, and the records that report it
 * (docs/records.md, "Records an L0 adds"). Shared by the kvm back end (its own VMM) and the
 * qemu-kvm back end (QEMU's QMP query-stats): both snapshot at the window's two edges.
 */
#ifndef L0_L0_WINDOW_H
#define L0_L0_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "l0/kvm/kvm_trace.h"
#include "lib/record.h"

#define L0_STATS_MAX 160

struct l0_stat_set {
	size_t n;
	char name[L0_STATS_MAX][48];
	uint64_t v[L0_STATS_MAX];
};

struct l0_counters {
	struct l0_stat_set vcpu, vm;
	bool have_trace;
	enum exit_isa isa;					/* what the slots are */
	/* I/O exits the window's edges leave in the vCPU stats `exits` and `io_exits` of a
	 * window closed with these counters, taken out there. */
	uint32_t edge_io_exits;
	uint64_t exits[TRACE_REASONS], nested[TRACE_REASONS];	/* tracefs running totals by slot */
};

/* Adds a counter to a set (ignored past L0_STATS_MAX or with a name records cannot carry). */
void l0_stat_add(struct l0_stat_set *s, const char *name, uint64_t v);
/* Tracefs totals into c, when t has triggers. */
void l0_counters_trace(struct l0_counters *c, const struct kvm_trace *t);
/* What l0_window_write() writes: a timing pass its KVM stats, a counting pass its exits. */
enum {
	L0_WINDOW_EXITS = 1,	/* exit records by reason (level l0, l0_nested), from tracefs */
	L0_WINDOW_STATS = 2,	/* vcpustat and vmstat records */
};
/* The window's records for scenario, written to fd (the L0's channel, which L1 cannot write). */
void l0_window_write(int fd, const char *scenario, const struct l0_counters *open,
		     const struct l0_counters *close, unsigned what);
/* A vCPU stat's change over the window, the edges' I/O exits taken out of exits/io_exits. */
uint64_t l0_window_vcpu_delta(const struct l0_counters *open, const struct l0_counters *close,
			      const char *name);

/* Follows a console as it is written and remembers the last `scenario` record's name. */
struct console_tracker {
	char line[RECORD_MAX];
	size_t len;
	char scenario[RECORD_VALUE_MAX + 1];
};
void console_track(struct console_tracker *t, const char *buf, size_t n);

#endif
