// SPDX-License-Identifier: GPL-2.0-only
/*
 * qemu-kvm's --migrate, after the job: the timing pass's migrations (qemu_migrate.h's log)
 * as `migrate` records on the L0's channel, one per scenario they fell in (the console's
 * scenario at the pause), which the session notes under the scenario's result; and which
 * windows a migration fell in (KVM's statistics restart in the new QEMU: not a window's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/qemu_migrate.h"
#include "l0/backend/qemu_migrate_records.h"
#include "l0/backend/qmp.h"
#include "l0/kvm/l0_window.h"
#include "l0/sys/util.h"
#include "lib/record.h"

static struct qemu_migration list[QEMU_MIGRATE_MAX];
static char scenario_of[QEMU_MIGRATE_MAX][RECORD_VALUE_MAX + 1];
static size_t count;

void qemu_migrate_records_load(const char *dir, const char *text, size_t len)
{
	char *log = xasprintf("%s/" QEMU_MIGRATE_LOG, dir);
	struct console_tracker t = { .len = 0 };
	size_t at = 0;

	count = qemu_migrate_log_read(log, list, QEMU_MIGRATE_MAX);
	free(log);
	for (size_t i = 0; i < count; i++) {	/* in order: the console's offsets grow */
		size_t to = list[i].serial < len ? list[i].serial : len;

		if (to > at) {
			console_track(&t, text + at, to - at);
			at = to;
		}
		snprintf(scenario_of[i], sizeof(scenario_of[i]), "%s", t.scenario);
	}
}

unsigned qemu_migrate_records_asks(unsigned k)
{
	unsigned n = 0;

	for (size_t i = 0; i < count; i++)
		n += list[i].asked_edge == 2 * k + 1;	/* after window k's opening edge, before its closing one */
	return n;
}

static uint64_t stat_of(const struct l0_stat_set *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->name[i], name))
			return s->v[i];
	return 0;
}

/* set += pre - post, stat by stat: what the old QEMU counted to the pause, less where the new one began. */
static void shift(struct l0_stat_set *set, const struct l0_stat_set *pre, const struct l0_stat_set *post)
{
	for (size_t i = 0; i < set->n; i++)
		set->v[i] += stat_of(pre, set->name[i]) - stat_of(post, set->name[i]);
}

bool qemu_migrate_records_span(const char *stats, const char *log, unsigned k, struct l0_counters *close)
{
	static struct qemu_migration list[QEMU_MIGRATE_MAX];
	static struct l0_counters pre, post;
	size_t count = qemu_migrate_log_read(log, list, QEMU_MIGRATE_MAX);

	for (size_t i = 0; i < count; i++) {
		if (list[i].edge != 2 * k + 1 || !(list[i].out_done && list[i].in_done))
			continue;
		if (qmp_edge_stats(stats, QMP_MIGRATE_STATS_EDGE(list[i].k, 0), &pre) ||
		    qmp_edge_stats(stats, QMP_MIGRATE_STATS_EDGE(list[i].k, 1), &post))
			return false;
		shift(&close->vcpu, &pre.vcpu, &post.vcpu);
		shift(&close->vm, &pre.vm, &post.vm);
	}
	return true;
}

/* What the counting pass's trace says of each QEMU switch: in which scenario, and whether
 * the old vCPU's last exit was L2's (a kvm_nested_vmexit beside its kvm_exit). */
#define TRACED_MAX 256
static struct traced {
	char scenario[RECORD_VALUE_MAX + 1];
	unsigned stops, in_l2;
} traced[TRACED_MAX];
static size_t n_traced;

/* "  CPU 0/KVM-1234  [001] ....": the task's pid, the number before " [". */
static long line_pid(const char *l)
{
	const char *b = strstr(l, " ["), *p;

	while (b && b > l && b[-1] == ' ')
		b--;
	for (p = b; p && p > l && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	return p && p < b && p > l && p[-1] == '-' ? strtol(p, NULL, 10) : -1;
}

static struct traced *traced_of(const char *scenario)
{
	for (size_t i = 0; i < n_traced; i++)
		if (!strcmp(traced[i].scenario, scenario))
			return &traced[i];
	if (n_traced == TRACED_MAX)
		return NULL;
	snprintf(traced[n_traced].scenario, sizeof(traced[n_traced].scenario), "%s", scenario);
	return &traced[n_traced++];
}

void qemu_migrate_records_trace(const char *trace, size_t len, unsigned com1)
{
	struct console_tracker t = { .len = 0 };
	char *copy = xstrndup(trace, len), *save = NULL;
	bool last_nested = false;
	long pid = -1;

	n_traced = 0;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		long p = line_pid(l);
		const char *pio = strstr(l, "kvm_pio: pio_write at ");
		unsigned port;
		unsigned long long val;
		struct traced *tr;

		if (p < 0)
			continue;
		if (pid >= 0 && p != pid && (tr = traced_of(t.scenario))) {	/* a new QEMU's vCPU */
			tr->stops++;
			tr->in_l2 += last_nested;
		}
		pid = p;
		/* KVM 6.1 traces kvm_exit, then kvm_nested_vmexit for an exit in guest mode. */
		if (strstr(l, "kvm_exit:")) {
			last_nested = false;
		} else if (strstr(l, "kvm_nested_vmexit:")) {
			last_nested = true;
		} else {
			if (pio && sscanf(pio, "kvm_pio: pio_write at %x size %*u count %*u val %llx", &port, &val) == 2 &&
			    port == com1) {
				char c = (char)val;

				console_track(&t, &c, 1);
			}
		}
	}
	free(copy);
}

void qemu_migrate_records_write(int fd, const char *name, const char *plan)
{
	unsigned long long asked = 0, done = 0, us = 0, out_us = 0, in_us = 0;
	const struct qemu_migration *last = NULL;
	char where[QEMU_MIGRATE_ERROR_MAX + 64];
	struct record r;
	const char *line;

	for (size_t i = 0; i < count; i++) {
		if (strcmp(scenario_of[i], name))
			continue;
		asked++;
		done += list[i].out_done && list[i].in_done;
		us += list[i].total_us;
		out_us += list[i].out_us;
		in_us += list[i].in_us;
		/* The last one, unless one failed: a refusal is what the note must show. */
		if (!last || (last->out_done && last->in_done))
			last = &list[i];
	}
	if (!asked)
		return;
	if (last->out_done && last->in_done)
		snprintf(where, sizeof(where), "QEMU migration %u, at window edge %u", last->k, last->edge);
	else
		snprintf(where, sizeof(where), "QEMU migration %u %s: %s", last->k,
			 !last->out_done ? "refused by the old QEMU" : "not taken in by the new QEMU", last->error);
	record_begin(&r, "migrate");
	record_str(&r, "name", name);
	record_str(&r, "plan", plan ? plan : "none");
	record_u64(&r, "points", asked);
	record_u64(&r, "migrations", done);
	record_u64(&r, "us", us);
	record_u64(&r, "out_us", out_us);
	record_u64(&r, "in_us", in_us);
	for (size_t i = 0; i < n_traced; i++)
		if (!strcmp(traced[i].scenario, name)) {	/* the counting pass's, from its trace */
			record_u64(&r, "traced_stops", traced[i].stops);
			record_u64(&r, "traced_in_l2", traced[i].in_l2);
		}
	record_str(&r, "last", where);
	line = record_end(&r);
	if (write(fd, line, strlen(line)) < 0)
		fprintf(stderr, "nestlab: cannot write the migrate record of %s\n", name);
}
