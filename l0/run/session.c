// SPDX-License-Identifier: GPL-2.0-only
/*
 * From console lines to verdicts (docs/records.md). A scenario's records must
 * come between its scenario and result records; anything that breaks that
 * order, garbage, or unprintable bytes inside a scenario make it ERROR.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/record_types.h"
#include "l0/run/cov_sink.h"
#include "l0/run/crash.h"
#include "l0/run/record.h"
#include "l0/regress/samples.h"
#include "l0/run/session.h"
#include "l0/sys/util.h"

#define NOTE_MAX 600	/* escaped bytes of one offending line kept */

void session_warn(struct session *s, const char *what, const char *line, size_t len)
{
	char *e = escape_bytes(line, len, NOTE_MAX);

	if (s->env->nwarnings < 64)
		APPEND(s->env->warnings, s->env->nwarnings, xasprintf("job %d: %s: %s", s->job, what, e));
	free(e);
}

/* Trouble inside the open scenario (ERROR at its end), or a run warning outside. */
static void breach(struct session *s, const char *what, const char *line, size_t len)
{
	char *e;

	if (!s->cur) {
		if (!s->foreign)
			session_warn(s, what, line, len);
		return;
	}
	e = escape_bytes(line, len, NOTE_MAX);
	if (!s->cur->garbage)
		scn_result_set(s->cur, VERDICT_NONE, "%s: %s", what, e);
	s->cur->garbage = true;
	scn_result_note(s->cur, "%s: %s", what, e);
	free(e);
}

static void finish(struct session *s, struct scn_result *r, enum verdict v, char *why)
{
	scn_result_set(r, v, why ? "%s" : NULL, why);
	free(why);
	if (s->cur == r)
		s->cur = NULL;
	if (s->done)
		s->done(r, s->arg);
}

static struct scn_result *find_scn(struct session *s, const char *name)
{
	size_t i;

	for (i = 0; name && i < s->n; i++)
		if (!strcmp(s->scn[i]->info->name, name))
			return s->scn[i];
	return NULL;
}

static void env_set(struct session *s, struct env_item **items, size_t *n, const char *name,
		    const char *value, const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (!strcmp((*items)[i].name, name)) {
			if (strcmp((*items)[i].value, value))
				session_warn(s, "a capability changed between reports", line, len);
			return;
		}
	}
	if (*n < 256)
		APPEND(*items, *n, (struct env_item){ xstrdup(name), xstrdup(value) });
}

static void on_begin(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *vendor = record_get(r, "cpu"), *brand = record_get(r, "brand"), *boot = record_get(r, "boot");

	if (s->cur)
		finish(s, s->cur, VERDICT_CRASH, xstrdup("L1 started again inside the scenario (a reset?)"));
	else if (s->begun)
		session_warn(s, "L1 started again", line, len);
	s->begun = true;
	s->foreign = false;
	if (vendor && !s->env->cpu_vendor)
		s->env->cpu_vendor = escape_bytes(vendor, strlen(vendor), 64);
	if (brand && !s->env->cpu_brand)
		s->env->cpu_brand = escape_bytes(brand, strlen(brand), 128);
	if (boot && !s->env->l1_boot)
		s->env->l1_boot = escape_bytes(boot, strlen(boot), 32);
}

static void on_feature(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *name = record_get(r, "name"), *value = record_get(r, "value");

	if (!name || !value || (strcmp(value, "0") && strcmp(value, "1")) || !record_key_valid(name, strlen(name)))
		return breach(s, "feature record without a name and a 0/1 value", line, len);
	env_set(s, &s->env->features, &s->env->nfeatures, name, value, line, len);
}

static void on_msr(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *name = record_get(r, "name"), *value = record_get(r, "value");

	if (!name || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen(name) ||
	    !record_is_hex(value) || strlen(value) > 18)
		return breach(s, "msr record without a name and a 0x value", line, len);
	env_set(s, &s->env->msrs, &s->env->nmsrs, name, value, line, len);
}

/* The slot of (level, reason) among cur's exits: its own, or the empty one it would take. */
static u16 *exit_slot(struct session *s, const char *level, const char *reason)
{
	u32 h = 2166136261u;	/* FNV-1a over "level\0reason" */
	const char *p;

	for (p = level; *p; p++)
		h = (h ^ (u8)*p) * 16777619u;
	h *= 16777619u;
	for (p = reason; *p; p++)
		h = (h ^ (u8)*p) * 16777619u;
	for (;; h++) {
		u16 *slot = &s->exit_slot[h % SESSION_EXIT_SLOTS];
		const struct exit_count *e = *slot ? &s->cur->exits[*slot - 1] : NULL;

		if (!e || (!strcmp(e->level, level) && !strcmp(e->reason, reason)))
			return slot;
	}
}

static void on_scenario(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct scn_result *next = find_scn(s, record_get(r, "name"));

	if (s->cur)
		finish(s, s->cur, VERDICT_ERROR, xstrdup("no result record before the next scenario started"));
	s->foreign = false;
	if (!next) {
		session_warn(s, "L1 ran a scenario not asked of it", line, len);
		s->foreign = true;	/* its records are not this job's business */
		return;
	}
	if (next->started || s->after) {
		char *e = escape_bytes(line, len, NOTE_MAX);

		/* A verdict already given does not stand: L1 did not run it once, in order. */
		scn_result_set(next, VERDICT_ERROR, "%s", next->started ? "its scenario record came twice" :
			       s->after);
		scn_result_note(next, "%s: %s", next->why, e);
		free(e);
		s->foreign = true;
		if (next->started)
			return;
		next->started = true;
		next->job = s->job;
		return finish(s, next, VERDICT_ERROR, xstrdup(next->why));
	}
	next->started = true;
	next->job = s->job;
	s->cur = next;
	memset(s->exit_slot, 0, sizeof(s->exit_slot));
	for (size_t i = 0; i < next->nexits; i++)
		*exit_slot(s, next->exits[i].level, next->exits[i].reason) = (u16)(i + 1);
}

static void on_exit_record(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct scn_result *c = s->cur;
	const char *level = record_get(r, "level"), *reason = record_get(r, "reason");
	u64 count;
	u16 *slot;

	if (!level)
		level = "l1";
	if (!reason || record_get_u64(r, "count", &count) ||
	    strspn(reason, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen(reason) ||
	    strspn(level, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(level))
		return breach(s, "exit record without a reason and a count", line, len);
	slot = exit_slot(s, level, reason);
	if (*slot)
		return breach(s, "exit reason reported twice", line, len);
	if (c->nexits == SESSION_EXITS_MAX)
		return breach(s, "more exit reasons than the runner keeps (512)", line, len);
	APPEND(c->exits, c->nexits, (struct exit_count){ xstrdup(level), xstrdup(reason), count });
	*slot = (u16)c->nexits;
}

/* KVM's counters over the window, written by the kvm back end: one key per counter. */
static void on_kvm_stat(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct scn_result *c = s->cur;
	const char *level = record_type_find(r->type) == RECORD_VCPUSTAT ? "vcpu" : "vm";

	if (c->nl0_stats + r->npairs > SESSION_ITEMS_MAX)
		return breach(s, "more KVM statistics than the runner keeps (4096)", line, len);
	for (unsigned i = 0; i < r->npairs; i++) {
		const char *key = r->pool + r->kv[i].key;
		u64 v;

		if (!strcmp(key, "name"))
			continue;
		if (record_get_u64(r, key, &v))
			return breach(s, "vcpustat/vmstat value that is not a number", line, len);
		APPEND(c->l0_stats, c->nl0_stats, (struct exit_count){ xstrdup(level), xstrdup(key), v });
	}
}

/* The two passes' records (l0/run/l0pass.c). */
static void on_l0pass(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *bad = l0pass_take(&s->cur->l0pass, r);

	if (bad)
		breach(s, bad, line, len);
}

/* The timing pass's KVM vCPU stat (0 when it did not change, so was not reported). */
static u64 vcpu_stat(const struct scn_result *c, const char *name)
{
	for (size_t i = 0; i < c->nl0_stats; i++)
		if (!strcmp(c->l0_stats[i].level, "vcpu") && !strcmp(c->l0_stats[i].reason, name))
			return c->l0_stats[i].count;
	return 0;
}

static void on_latency(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct latency *l = &s->cur->lat;
	const char *unit = record_get(r, "unit");
	static const char *const keys[] = { "n", "warmup", "min", "median", "p90", "p99", "max",
					    "mean", "stddev" };
	u64 *fields[] = { &l->n, &l->warmup, &l->min, &l->median, &l->p90, &l->p99, &l->max,
			  &l->mean, &l->stddev };
	size_t i;

	if (l->have)
		return breach(s, "latency reported twice", line, len);
	if (!unit || strspn(unit, "abcdefghijklmnopqrstuvwxyz") != strlen(unit))
		return breach(s, "latency record without a unit", line, len);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (record_get_u64(r, keys[i], fields[i]))
			return breach(s, "latency record with a missing or bad number", line, len);
	if (!record_get_u64(r, "overhead", &l->overhead))
		l->have_overhead = true;
	if (l->nsamples && l->nsamples != l->n)
		return breach(s, "samples records do not add up to n", line, len);
	l->unit = xstrdup(unit);
	l->have = true;
}

static void on_samples(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct latency *l = &s->cur->lat;
	const char *bad = samples_take(&l->samples, &l->nsamples, &l->samples_of, l->have, r);

	if (bad)
		breach(s, bad, line, len);
}

static void on_hist(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct latency *l = &s->cur->lat;
	unsigned i, k;

	if (l->have_hist)
		return breach(s, "histogram reported twice", line, len);
	for (i = 0; i < r->npairs; i++) {
		const char *key = r->pool + r->kv[i].key;

		if (key[0] != 'b' || (key[1] == '0' && key[2]) || !uint_parse(key + 1, 0, LATENCY_BUCKETS - 1, &k))
			continue;	/* name, or a key of a later version */
		if (record_get_u64(r, key, &l->hist[k]))
			return breach(s, "histogram bucket is not a number", line, len);
	}
	l->have_hist = true;
}

static void on_check(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *status = record_get(r, "status"), *what = record_get(r, "what");
	enum verdict v = status ? verdict_from_guest(status, strlen(status)) : VERDICT_NONE;
	size_t wlen = 0;

	if (v == VERDICT_NONE || v == VERDICT_ERROR)	/* a check passes, fails or is skipped */
		return breach(s, "check record without a PASS/FAIL/SKIP status", line, len);
	if (s->cur->nchecks == SESSION_ITEMS_MAX)
		return breach(s, "more check records than the runner keeps (4096)", line, len);
	if (what)
		record_get_len(r, "what", &wlen);
	APPEND(s->cur->checks, s->cur->nchecks,
	       (struct check_result){ xstrdup(status), escape_bytes(what ? what : "", wlen, 512) });
}

static void on_result(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct scn_result *c = s->cur;
	const char *verdict = record_get(r, "verdict");
	size_t wlen = 0;
	const char *why = record_get_len(r, "why", &wlen);
	enum verdict v = verdict ? verdict_from_guest(verdict, strlen(verdict)) : VERDICT_NONE;

	session_l0_take(s, c);
	if (v == VERDICT_NONE)
		breach(s, "result record without a PASS/FAIL/SKIP/ERROR verdict", line, len);
	switch (record_get_u64(r, "iterations", &c->iterations)) {
	case 0:
		c->have_iterations = true;
		break;
	case -EINVAL:
		breach(s, "result record with a malformed iterations number", line, len);
		break;
	}
	if (c->garbage)		/* the first breach's text is the reason */
		return finish(s, c, VERDICT_ERROR, c->why ? xstrdup(c->why) : NULL);
	if (v == VERDICT_PASS || v == VERDICT_FAIL) {
		char tie[256];

		if (!l0pass_tie(&c->l0pass, vcpu_stat(c, "exits"), vcpu_stat(c, "irq_exits"), tie, sizeof(tie)))
			return finish(s, c, VERDICT_ERROR, xstrdup(tie));
	}
	finish(s, c, v, why ? escape_bytes(why, wlen, 512) : NULL);
}

static void on_crash(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	struct scn_result *c = s->cur ? s->cur : find_scn(s, record_get(r, "name"));
	char *why = crash_reason(r);

	(void)line, (void)len;
	s->after = "a scenario record after L1's crash record";
	if (c && c->verdict == VERDICT_NONE) {
		c->started = true;
		c->job = s->job;
		return finish(s, c, VERDICT_CRASH, why);
	}
	free(s->crash);
	s->crash = why;
}

static void on_end(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	(void)r;
	if (s->cur)
		finish(s, s->cur, VERDICT_ERROR, xstrdup("end record inside the scenario (no result)"));
	if (s->ended)
		session_warn(s, "a second end record", line, len);
	s->ended = true;
	s->after = "a scenario record after L1's end record";
}

/* Records that belong to the open scenario name it. */
static bool in_scenario(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *name = record_get(r, "name");

	if (s->foreign && !s->cur)
		return false;
	if (!s->cur) {
		session_warn(s, "a scenario's record outside any scenario", line, len);
		return false;
	}
	if (!name || strcmp(name, s->cur->info->name)) {
		breach(s, "a record naming another scenario", line, len);
		return false;
	}
	return true;
}

/* covfile, covdata, covend: the gcov counters of an L1 built with COVERAGE=1. */
static void on_coverage(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *err = s->cov ? cov_sink_record(s->cov, r) : NULL;

	if (err)
		session_warn(s, err, line, len);
}

/* The VMM's migrations (--migrate, vmm/): a note, shown under a FAIL, with where the last was. */
static void on_migrate(struct session *s, const struct record_parsed *r, const char *line, size_t len)
{
	const char *plan = record_get(r, "plan"), *last = record_get(r, "last");
	u64 points = 0, all = 0;

	if (!plan || record_get_u64(r, "points", &points) || record_get_u64(r, "migrations", &all))
		return breach(s, "migrate record without plan, points or migrations", line, len);
	scn_result_note(s->cur, "migrate: %llu migrations, %llu at the points of --migrate %s%s%s",
			(unsigned long long)all, (unsigned long long)points, plan, last ? "; the last at " : "",
			last ? last : "");
}

typedef void record_handler(struct session *s, const struct record_parsed *r, const char *line, size_t len);

/* RECORD_SCOPE_SCENARIO types go to their handler only inside the scenario they name. */
static record_handler *const handlers[RECORD_TYPE_COUNT] = {
	[RECORD_BEGIN] = on_begin,
	[RECORD_FEATURE] = on_feature,
	[RECORD_MSR] = on_msr,
	[RECORD_SCENARIO] = on_scenario,
	[RECORD_CRASH] = on_crash,
	[RECORD_END] = on_end,
	/* RECORD_OVERFLOW: none (the guest's own trouble; the records it lost count nowhere) */
	[RECORD_EXIT] = on_exit_record,
	[RECORD_VCPUSTAT] = on_kvm_stat,
	[RECORD_VMSTAT] = on_kvm_stat,
	[RECORD_LATENCY] = on_latency,
	[RECORD_SAMPLES] = on_samples,
	[RECORD_HIST] = on_hist,
	[RECORD_CHECK] = on_check,
	[RECORD_RESULT] = on_result,
	[RECORD_TIMING] = on_l0pass,
	[RECORD_COUNTING] = on_l0pass,
	[RECORD_COVFILE] = on_coverage,
	[RECORD_COVDATA] = on_coverage,
	[RECORD_COVEND] = on_coverage,
	[RECORD_MIGRATE] = on_migrate,
};

enum record_writer session_writer(enum record_type type, const struct record_parsed *r)
{
	const char *level = record_get(r, "level");

	if (record_type_writer(type) != RECORD_BY_LEVEL)
		return record_type_writer(type);
	return !level || !strcmp(level, "l1") ? RECORD_BY_L1 : RECORD_BY_L0;
}

void session_record(struct session *s, enum record_type type, const struct record_parsed *r,
		    const char *line, size_t len)
{
	for (size_t i = 0; i < r->npairs; i++) {	/* a NUL would cut the value short where it is read */
		if (strlen(r->pool + r->kv[i].value) != r->kv[i].value_len) {
			breach(s, "a value holding a NUL byte (%00)", line, len);
			if (!s->cur)
				return;
			break;	/* the scenario ends ERROR: its handler may still close it */
		}
	}
	if (record_type_scope(type) == RECORD_SCOPE_SCENARIO && !in_scenario(s, r, line, len))
		return;
	handlers[type](s, r, line, len);
}

void session_line(struct session *s, const char *line, size_t len, bool overlong)
{
	static struct record_parsed r;
	enum record_type type;
	size_t i;

	if (len && line[len - 1] == '\r')
		len--;
	if (overlong)
		return breach(s, "line over 4096 bytes", line, len);
	for (i = 0; i < len; i++) {
		unsigned char c = line[i];

		/* Before L1's begin record the console is the firmware's: OVMF draws on it
		 * with escape sequences (--boot efi). */
		if ((c < 0x20 && c != '\t') || c >= 0x7f)
			return s->begun ? breach(s, "unprintable bytes", line, len) : (void)0;
	}
	switch (record_parse(line, len, &r)) {
	case RECORD_NONE:
		return;
	case RECORD_GARBAGE:
		return breach(s, r.why, line, len);
	case RECORD_OK:
		break;
	}
	type = record_type_find(r.type);
	if (type == RECORD_TYPE_UNKNOWN || !handlers[type])
		return;		/* a later version's type, or one the runner has no use for */
	if (session_writer(type, &r) != RECORD_BY_L1)
		return breach(s, "L1 printed an L0 record", line, len);
	session_record(s, type, &r, line, len);
}

void session_init(struct session *s, struct scn_result **scn, size_t n, int job,
		  struct run_env *env, void (*done)(struct scn_result *, void *), void *arg)
{
	memset(s, 0, sizeof(*s));
	s->scn = scn;
	s->n = n;
	s->job = job;
	s->env = env;
	s->done = done;
	s->arg = arg;
}

static void attach_diag(struct scn_result *r, char *const *diag, size_t ndiag)
{
	size_t i;
	char *why;

	for (i = 0; i < ndiag; i++)
		scn_result_note(r, "L0: %s", diag[i]);
	if (ndiag) {
		why = xasprintf("%s; L0 says: %s%s", r->why ? r->why : verdict_name(r->verdict),
				diag[0], ndiag > 1 ? " (more in notes)" : "");
		free(r->why);
		r->why = why;
	}
}

const char *session_finish(struct session *s, enum session_end how, const char *how_why,
			   char *const *diag, size_t ndiag)
{
	static const char *const open_why[] = {
		[SESSION_EXITED] = "the console ended inside the scenario (the emulator exited)",
		[SESSION_TIMEOUT] = "no result before the host-side timeout",
		[SESSION_CAPPED] = "console output over 16 MiB",
		[SESSION_INTERRUPTED] = "interrupted",
		[SESSION_FAILED] = "the job could not run",
	};
	static const enum verdict open_verdict[] = {
		[SESSION_EXITED] = VERDICT_CRASH, [SESSION_TIMEOUT] = VERDICT_TIMEOUT,
		[SESSION_CAPPED] = VERDICT_ERROR, [SESSION_INTERRUPTED] = VERDICT_ERROR,
		[SESSION_FAILED] = VERDICT_ERROR,
	};
	struct scn_result *c;
	bool attached = false;
	size_t i;

	if (s->in.len || s->in.overlong) {	/* a last line without its newline */
		session_line(s, s->in.text, s->in.len, s->in.overlong);
		s->in.len = 0;
	}
	if (s->cur)	/* what the L0 counted of it is kept, whatever ended it */
		session_l0_take(s, s->cur);
	c = s->cur;
	if (c) {
		char *why = xasprintf("%s%s%s%s%s", open_why[how], how_why ? ": " : "",
				      how_why ? how_why : "", c->garbage ? "; before it: " : "",
				      c->garbage && c->why ? c->why : "");

		scn_result_set(c, open_verdict[how], "%s", why);
		free(why);
		attach_diag(c, diag, ndiag);
		attached = true;
		finish(s, c, c->verdict, c->why ? xstrdup(c->why) : NULL);
	}
	for (i = 0; i < s->n; i++) {
		struct scn_result *r = s->scn[i];

		if (r->job == s->job && r->started && r != c && ndiag &&
		    (r->verdict == VERDICT_ERROR || r->verdict == VERDICT_CRASH)) {
			attach_diag(r, diag, ndiag);
			attached = true;
		}
		/* L1 finished: running it again would not help */
		if (!r->started && r->verdict == VERDICT_NONE && s->ended && !s->crash)
			finish(s, r, VERDICT_ERROR, xstrdup("not run: L1 ended without running it"));
	}
	/* Unattached diagnostics explain nothing that failed (negative tests make some). */
	free(s->early);
	s->early = NULL;
	if (s->crash)
		return s->crash;
	if (s->ended) {
		if (how != SESSION_EXITED)
			session_warn(s, "the emulator was still running after the end record", open_why[how],
				 strlen(open_why[how]));
		return NULL;
	}
	if (how != SESSION_EXITED)
		return how_why ? how_why : open_why[how];
	s->early = xasprintf("%s%s%s", s->begun ? "the emulator exited before it (no end record)"
						: "the emulator exited before L1 printed its begin record",
			     ndiag && !attached ? "; L0 says: " : "", ndiag && !attached ? diag[0] : "");
	return s->early;
}

void session_free(struct session *s)
{
	free(s->crash);
	free(s->early);
	s->crash = s->early = NULL;
	session_l0_free(s);
}
