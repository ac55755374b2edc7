// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/kvm/l0_pass.h"
#include "l0/run/record.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"
#include "lib/record_types.h"

static void emit(int fd, struct record *r)
{
	const char *line = record_end(r);

	if (write(fd, line, strlen(line)) < 0)
		perror("nestlab: l0.records");
}

void l0_pass_write_timed(int fd, const char *scenario, const char *counters, bool counting)
{
	struct record r;

	record_begin(&r, "timing");
	record_str(&r, "name", scenario);
	record_u64(&r, "traced", 0);
	record_str(&r, "counters", counters);
	record_u64(&r, "counting", counting);
	emit(fd, &r);
}

void l0_pass_write_count(int fd, const char *scenario, const char *counters,
			 const struct l0_counters *open, const struct l0_counters *close)
{
	struct record r;

	if (!close->vcpu.n)
		return;		/* no KVM stats: nothing to tie the passes with */
	record_begin(&r, "counting");
	record_str(&r, "name", scenario);
	record_str(&r, "counters", counters);
	record_u64(&r, "exits", l0_window_vcpu_delta(open, close, "exits"));
	record_u64(&r, "irq_exits", l0_window_vcpu_delta(open, close, "irq_exits"));
	emit(fd, &r);
}

/* A counting-pass record the timing pass carries over: exits at L0, and the tie. */
static bool carried(const struct record_parsed *p)
{
	const char *level = record_get(p, "level");

	if (record_type_find(p->type) == RECORD_COUNTING)
		return true;
	return record_type_find(p->type) == RECORD_EXIT && level &&
	       (!strcmp(level, "l0") || !strcmp(level, "l0_nested"));
}

int l0_pass_store_load(struct l0_pass_store *s, const char *records_path)
{
	static struct record_parsed p;
	char *text = NULL;
	size_t len = 0;
	int e = file_read(records_path, 64u << 20, &text, &len);

	memset(s, 0, sizeof(*s));
	if (e)
		return e;
	for (char *l = text, *next; l < text + len; l = next + 1) {
		const char *name;

		next = memchr(l, '\n', text + len - l);
		if (!next)
			next = text + len;
		if (record_parse(l, next - l, &p) != RECORD_OK || !carried(&p) || !(name = record_get(&p, "name")))
			continue;
		s->rec = realloc(s->rec, (s->n + 1) * sizeof(s->rec[0]));
		if (!s->rec) {
			s->n = 0;
			free(text);
			return -ENOMEM;
		}
		s->rec[s->n].scenario = xstrdup(name);
		s->rec[s->n].line = xasprintf("%.*s\n", (int)(next - l), l);
		s->n++;
	}
	free(text);
	return 0;
}

void l0_pass_store_write(struct l0_pass_store *s, int fd, const char *scenario)
{
	for (size_t i = 0; i < s->n; i++) {
		if (!s->rec[i].line || strcmp(s->rec[i].scenario, scenario))
			continue;
		if (write(fd, s->rec[i].line, strlen(s->rec[i].line)) < 0)
			perror("nestlab: l0.records");
		free(s->rec[i].line);
		s->rec[i].line = NULL;
	}
}

void l0_pass_store_free(struct l0_pass_store *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->rec[i].scenario);
		free(s->rec[i].line);
	}
	free(s->rec);
	memset(s, 0, sizeof(*s));
}
