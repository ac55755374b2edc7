// SPDX-License-Identifier: GPL-2.0-only
/* The results a session builds: a scenario's verdict, notes and counts; the run's environment. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/run/session.h"
#include "l0/sys/util.h"

void scn_result_set(struct scn_result *r, enum verdict v, const char *fmt, ...)
{
	va_list ap;

	r->verdict = v;
	free(r->why);
	r->why = NULL;
	if (fmt) {
		va_start(ap, fmt);
		if (vasprintf(&r->why, fmt, ap) < 0)
			r->why = NULL;
		va_end(ap);
	}
}

void scn_result_note(struct scn_result *r, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (r->nnotes == SESSION_NOTES_MAX) {
		r->notes_dropped++;
		return;
	}
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s)
		APPEND(r->notes, r->nnotes, s);
}

void scn_result_free(struct scn_result *r)
{
	size_t i;

	for (i = 0; i < r->nbare; i++) {
		free(r->bare[i].l0);
		free(r->bare[i].results);
	}

	for (i = 0; i < r->nexits; i++) {
		free(r->exits[i].level);
		free(r->exits[i].reason);
	}
	for (i = 0; i < r->nl0_stats; i++) {
		free(r->l0_stats[i].level);
		free(r->l0_stats[i].reason);
	}
	free(r->l0_stats);
	for (i = 0; i < r->nchecks; i++) {
		free(r->checks[i].status);
		free(r->checks[i].what);
	}
	for (i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->exits);
	free(r->checks);
	free(r->notes);
	free(r->lat.unit);
	free(r->lat.samples);
	free(r->why);
	memset(r, 0, sizeof(*r));
}

static void free_items(struct env_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(items[i].name);
		free(items[i].value);
	}
	free(items);
}

void run_env_free(struct run_env *e)
{
	size_t i;

	free_items(e->features, e->nfeatures);
	free_items(e->msrs, e->nmsrs);
	for (i = 0; i < e->nwarnings; i++)
		free(e->warnings[i]);
	free(e->warnings);
	free(e->cpu_vendor);
	free(e->cpu_brand);
	free(e->l1_boot);
	memset(e, 0, sizeof(*e));
}
