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
		n += list[i].edge == 2 * k + 1;		/* after window k's opening edge, before its closing one */
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
		if (qmp_edge_stats(stats, QEMU_MIGRATE_STATS_EDGE(list[i].k, 0), &pre) ||
		    qmp_edge_stats(stats, QEMU_MIGRATE_STATS_EDGE(list[i].k, 1), &post))
			return false;
		shift(&close->vcpu, &pre.vcpu, &post.vcpu);
		shift(&close->vm, &pre.vm, &post.vm);
	}
	return true;
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
	record_str(&r, "last", where);
	line = record_end(&r);
	if (write(fd, line, strlen(line)) < 0)
		fprintf(stderr, "nestlab: cannot write the migrate record of %s\n", name);
}
