// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "l0/kvm/l0_window.h"
#include "l0/run/record.h"
#include "x86/svm_exit_codes.h"
#include "x86/vmx.h"

#define STATS_PER_RECORD 12	/* keeps a record well inside RECORD_MAX */

void l0_stat_add(struct l0_stat_set *s, const char *name, uint64_t v)
{
	if (s->n == L0_STATS_MAX || strlen(name) >= sizeof(s->name[0]) || !record_key_valid(name, strlen(name)))
		return;
	snprintf(s->name[s->n], sizeof(s->name[s->n]), "%s", name);
	s->v[s->n++] = v;
}

void l0_counters_trace(struct l0_counters *c, const struct kvm_trace *t)
{
	c->have_trace = t->on[TRACE_KVM_EXIT];
	c->isa = t->isa;
	if (!c->have_trace)
		return;
	kvm_trace_read(t, TRACE_KVM_EXIT, c->exits);
	kvm_trace_read(t, TRACE_NESTED_VMEXIT, c->nested);
}

static uint64_t less(uint64_t a, uint64_t b)
{
	return a > b ? a - b : 0;
}

static void emit(int fd, struct record *r)
{
	const char *line = record_end(r);

	if (write(fd, line, strlen(line)) < 0)
		perror("nestlab: console");
}

static void exit_records(int fd, const char *scenario, const char *level, enum exit_isa isa,
			 const uint64_t *count)
{
	for (int reason = 0; reason < TRACE_REASONS; reason++) {
		const char *name = exit_slot_name(isa, reason);
		char unknown[24];
		struct record r;

		if (!count[reason])
			continue;
		if (!strcmp(name, "<unknown>")) {
			if (isa == EXIT_ISA_SVM)
				snprintf(unknown, sizeof(unknown), "CODE_%llX",
					 (unsigned long long)svm_slot_code(reason));
			else
				snprintf(unknown, sizeof(unknown), "REASON_%d", reason);
			name = unknown;
		}
		record_begin(&r, "exit");
		record_str(&r, "name", scenario);
		record_str(&r, "level", level);
		record_str(&r, "reason", name);
		record_u64(&r, "count", count[reason]);
		emit(fd, &r);
	}
}

static uint64_t value_at_open(const struct l0_stat_set *open, const char *name)
{
	for (size_t i = 0; i < open->n; i++)
		if (!strcmp(open->name[i], name))
			return open->v[i];
	return 0;
}

static void stat_records(int fd, const char *scenario, const char *type, const struct l0_stat_set *open,
			 const struct l0_stat_set *close, const char *const edge_stats[], uint64_t edge)
{
	struct record r;
	size_t fields = 0;

	record_begin(&r, type);
	record_str(&r, "name", scenario);
	for (size_t i = 0; i < close->n; i++) {
		uint64_t d = less(close->v[i], value_at_open(open, close->name[i]));

		for (int k = 0; edge_stats && edge_stats[k]; k++)
			if (!strcmp(close->name[i], edge_stats[k]))
				d = less(d, edge);
		if (!d)
			continue;
		if (fields == STATS_PER_RECORD) {
			emit(fd, &r);
			record_begin(&r, type);
			record_str(&r, "name", scenario);
			fields = 0;
		}
		record_u64(&r, close->name[i], d);
		fields++;
	}
	if (fields)
		emit(fd, &r);
}

/*
 * The exits the window's own edges add, taken out so the counts are the workload's (a
 * count is never taken below 0, so an exit L0 does not intercept costs nothing): the
 * closing OUT to the control port (an exit of L1), L1's world switch from the opening OUT
 * into L2 and out again at L2's closing hypercall (exits of L1), and that hypercall (an
 * exit of L2).
 */
struct window_edge {
	bool nested;		/* an exit of L2 (kvm_nested_vmexit), else of L1 */
	uint64_t code;
};

static const struct window_edge vmx_edges[] = {
	{ false, EXIT_IO_INSTRUCTION },
	{ false, EXIT_VMRESUME },
	{ true, EXIT_VMCALL },
};

/*
 * One pass of L1's svm_enter() (l1/svm/entry.asm): CLGI, VMLOAD, VMRUN, VMSAVE, VMLOAD,
 * STGI. VMRUN always exits to KVM; CLGI/STGI only without vGIF, VMLOAD/VMSAVE only without
 * virtual VMLOAD/VMSAVE (kvm_amd vgif=, vls=).
 */
static const struct window_edge svm_edges[] = {
	{ false, SVM_EXIT_IOIO },
	{ false, SVM_EXIT_CLGI },
	{ false, SVM_EXIT_VMLOAD },
	{ false, SVM_EXIT_VMRUN },
	{ false, SVM_EXIT_VMSAVE },
	{ false, SVM_EXIT_VMLOAD },
	{ false, SVM_EXIT_STGI },
	{ true, SVM_EXIT_VMMCALL },
};

static const struct {
	const struct window_edge *e;
	size_t n;
} window_edges[] = {
	[EXIT_ISA_VMX] = { vmx_edges, sizeof(vmx_edges) / sizeof(vmx_edges[0]) },
	[EXIT_ISA_SVM] = { svm_edges, sizeof(svm_edges) / sizeof(svm_edges[0]) },
};

static void take_edges_out(enum exit_isa isa, uint64_t *l1_l0, uint64_t *nested)
{
	for (size_t i = 0; i < window_edges[isa].n; i++) {
		const struct window_edge *e = &window_edges[isa].e[i];
		int slot = exit_slot(isa, e->code);
		uint64_t *count = e->nested ? nested : l1_l0;

		if (slot >= 0)
			count[slot] = less(count[slot], 1);
	}
}

static const char *const vcpu_edge[] = { "exits", "io_exits", NULL };

uint64_t l0_window_vcpu_delta(const struct l0_counters *open, const struct l0_counters *close,
			      const char *name)
{
	uint64_t d = 0;

	for (size_t i = 0; i < close->vcpu.n; i++)
		if (!strcmp(close->vcpu.name[i], name))
			d = less(close->vcpu.v[i], value_at_open(&open->vcpu, name));
	for (int k = 0; vcpu_edge[k]; k++)
		if (!strcmp(name, vcpu_edge[k]))
			d = less(d, close->edge_io_exits);
	return d;
}

void l0_window_write(int fd, const char *scenario, const struct l0_counters *open,
		     const struct l0_counters *close, unsigned what)
{
	uint64_t l1_l0[TRACE_REASONS], nested[TRACE_REASONS];

	if ((what & L0_WINDOW_EXITS) && open->have_trace && close->have_trace) {
		for (int i = 0; i < TRACE_REASONS; i++) {
			nested[i] = less(close->nested[i], open->nested[i]);
			l1_l0[i] = less(less(close->exits[i], open->exits[i]), nested[i]);
		}
		take_edges_out(close->isa, l1_l0, nested);
		exit_records(fd, scenario, "l0", close->isa, l1_l0);
		exit_records(fd, scenario, "l0_nested", close->isa, nested);
	}
	if (!(what & L0_WINDOW_STATS))
		return;
	stat_records(fd, scenario, "vcpustat", &open->vcpu, &close->vcpu, vcpu_edge, close->edge_io_exits);
	stat_records(fd, scenario, "vmstat", &open->vm, &close->vm, NULL, 0);
}

void console_track(struct console_tracker *t, const char *buf, size_t n)
{
	static struct record_parsed rl;

	for (size_t i = 0; i < n; i++) {
		if (buf[i] != '\n') {
			if (t->len < sizeof(t->line) - 1)
				t->line[t->len++] = buf[i];
			continue;
		}
		if (record_parse(t->line, t->len, &rl) == RECORD_OK && !strcmp(rl.type, "scenario")) {
			const char *name = record_get(&rl, "name");

			snprintf(t->scenario, sizeof(t->scenario), "%s", name ? name : "");
		}
		t->len = 0;
	}
}
