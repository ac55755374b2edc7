// SPDX-License-Identifier: GPL-2.0-only
/*
 * The session's two feeds: L1's console, untrusted, and the L0's own channel (the records
 * the VMM wrote to job-N/l0.records). The L0's records name their scenario; they wait
 * there until L1's result record of that scenario, so the two files need not be read in
 * step. A type lib/record_types.h does not give to L0 on that channel is the VMM's bug:
 * a warning, never a count.
 */
#include <stdlib.h>
#include <string.h>

#include "l0/run/session.h"
#include "l0/sys/util.h"

/* Whole lines of buf to line(), the unfinished one kept in b. */
static void split(struct session *s, struct session_line *b, const char *buf, size_t len,
		  void (*line)(struct session *, const char *, size_t, bool))
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			line(s, b->text, b->len, b->overlong);
			b->len = 0;
			b->overlong = false;
		} else if (b->len < SESSION_LINE_MAX) {
			b->text[b->len++] = buf[i];
		} else {
			b->overlong = true;
		}
	}
}

void session_feed(struct session *s, const char *buf, size_t len)
{
	if (s->capped)
		return;
	if (len > SESSION_BYTES_MAX - s->bytes) {
		len = SESSION_BYTES_MAX - s->bytes;
		s->capped = true;
	}
	s->bytes += len;
	split(s, &s->in, buf, len, session_line);
}

/* The index in s->scn of the scenario named name, or s->n. */
static size_t scn_index(struct session *s, const char *name)
{
	if (s->l0_last < s->n && !strcmp(s->scn[s->l0_last]->info->name, name))
		return s->l0_last;	/* a window's records come together */
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->scn[i]->info->name, name))
			return s->l0_last = i;
	return s->n;
}

static void l0_line(struct session *s, const char *line, size_t len, bool overlong)
{
	static struct record_parsed r;
	enum record_type type;
	const char *name;
	size_t k;

	if (overlong || record_parse(line, len, &r) != RECORD_OK)
		return session_warn(s, "the L0 channel: not a record", line, len);
	type = record_type_find(r.type);
	if (type == RECORD_TYPE_UNKNOWN || session_writer(type, &r) != RECORD_BY_L0 ||
	    !(name = record_get(&r, "name")))
		return session_warn(s, "the L0 channel: not an L0 record of a scenario", line, len);
	k = scn_index(s, name);
	if (k == s->n)
		return;		/* a scenario not asked of this job: L1 ran it, its console says so */
	if (!s->l0) {
		s->l0 = xrealloc(NULL, s->n * sizeof(*s->l0));
		memset(s->l0, 0, s->n * sizeof(*s->l0));
	}
	APPEND(s->l0[k].line, s->l0[k].n, xstrndup(line, len));
}

void session_feed_l0(struct session *s, const char *buf, size_t len)
{
	if (s->l0_bytes == SESSION_BYTES_MAX)
		return;
	if (len >= SESSION_BYTES_MAX - s->l0_bytes) {
		len = SESSION_BYTES_MAX - s->l0_bytes;
		session_warn(s, "the L0 channel is over 16 MiB: the rest is ignored", "", 0);
	}
	s->l0_bytes += len;
	split(s, &s->l0_in, buf, len, l0_line);
}

static void l0_drop(struct session_l0 *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->line[i]);
	free(p->line);
	p->line = NULL;
	p->n = 0;
}

void session_l0_take(struct session *s, struct scn_result *c)
{
	static struct record_parsed r;
	struct session_l0 *p = NULL;

	for (size_t k = 0; s->l0 && k < s->n; k++)
		if (s->scn[k] == c)
			p = &s->l0[k];
	for (size_t i = 0; p && i < p->n && s->cur == c; i++) {
		size_t len = strlen(p->line[i]);

		if (record_parse(p->line[i], len, &r) == RECORD_OK)
			session_record(s, record_type_find(r.type), &r, p->line[i], len);
	}
	if (p)
		l0_drop(p);
}

void session_l0_free(struct session *s)
{
	for (size_t k = 0; s->l0 && k < s->n; k++)
		l0_drop(&s->l0[k]);
	free(s->l0);
	s->l0 = NULL;
}
