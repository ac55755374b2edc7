// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "lib/verdict.h"
#include "l0/regress/compare.h"
#include "l0/sys/json.h"
#include "l0/sys/util.h"
#include "lib/crc32.h"

static const char *const verdict_names[CMP_VERDICT_COUNT] = {
	[CMP_SAME] = "same",		[CMP_FASTER] = "faster",
	[CMP_SLOWER] = "slower",	[CMP_MORE_EXITS] = "more exits",
	[CMP_FEWER_EXITS] = "fewer exits", [CMP_BROKEN] = "broken",
	[CMP_FIXED] = "fixed",
};

const char *cmp_verdict_name(enum cmp_verdict v)
{
	return v < CMP_VERDICT_COUNT ? verdict_names[v] : "<unknown>";
}

bool cmp_is_regression(enum cmp_verdict v)
{
	return v == CMP_SLOWER || v == CMP_MORE_EXITS || v == CMP_BROKEN;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static json_object *find_scn(json_object *scns, const char *name)
{
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		json_object *s = json_object_array_get_idx(scns, i);
		const char *n = json_str(s, "name");

		if (n && !strcmp(n, name))
			return s;
	}
	return NULL;
}

/*
 * How L0 was instrumented while the document's samples were taken: environment.l0_timing
 * ("traced", "untraced", "none": no L0 below L1). A document written before the field is
 * "traced" when L0 counted anything (every such run timed with tracefs armed), else
 * "none" (an emulator run).
 */
static const char *timing_kind(json_object *doc, json_object *scns)
{
	const char *k = json_str(json_get(doc, "environment"), "l0_timing");

	if (k)
		return k;
	for (size_t i = 0; i < json_object_array_length(scns); i++) {
		json_object *s = json_object_array_get_idx(scns, i), *exits = json_get(s, "exits");

		if (json_get(s, "l0_stats") || json_get(exits, "l0") || json_get(exits, "l0_nested"))
			return "traced";
	}
	return "none";
}

/* 0, or -EINVAL with why the two documents cannot be compared. */
static int incomparable(json_object *b, json_object *n, struct diag *why)
{
	json_object *eb = json_get(b, "environment"), *en = json_get(n, "environment");
	json_object *sb = json_get(b, "scenarios"), *sn = json_get(n, "scenarios");
	static const char *const keys[] = { "backend", "cpu_model" };
	u64 vb = 0, vn = 0;
	size_t i;

	if (!json_u64(b, "schema_version", &vb) || !json_u64(n, "schema_version", &vn) || vb != 1 || vn != 1 ||
	    !eb || !en || !json_object_is_type(sb, json_type_array) || !json_object_is_type(sn, json_type_array))
		return diag_set(why, -EINVAL, "not both nestlab results documents of schema version 1");
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!same_str(json_str(eb, keys[i]), json_str(en, keys[i])))
			return diag_set(why, -EINVAL, "different %s: %s in BASE, %s in NEW", keys[i],
					json_str(eb, keys[i]) ? json_str(eb, keys[i]) : "none",
					json_str(en, keys[i]) ? json_str(en, keys[i]) : "none");
	if ((!strcmp(timing_kind(b, sb), "traced") && !strcmp(timing_kind(n, sn), "untraced")) ||
	    (!strcmp(timing_kind(b, sb), "untraced") && !strcmp(timing_kind(n, sn), "traced")))
		return diag_set(why, -EINVAL, "BASE was timed with L0 %s, NEW with L0 %s: tracing L0 adds its own "
				"cost to every exit; re-run both the same way", timing_kind(b, sb), timing_kind(n, sn));
	for (i = 0; i < 2; i++) {
		json_object *from = i ? sn : sb, *to = i ? sb : sn;

		for (size_t k = 0; k < json_object_array_length(from); k++) {
			const char *name = json_str(json_object_array_get_idx(from, k), "name");

			if (!name || !find_scn(to, name))
				return diag_set(why, -EINVAL, "different scenarios: %s only in %s",
						name ? name : "(no name)", i ? "NEW" : "BASE");
		}
	}
	return 0;
}

static bool passed(const char *v)
{
	enum verdict verdict = verdict_find(v);

	return verdict == VERDICT_PASS || verdict == VERDICT_SKIP;
}

/* One side's count for level/reason (0 when absent). */
static u64 exit_count(json_object *exits, const char *level, const char *reason)
{
	json_object *v = json_get(json_get(exits, level), reason);

	return v && json_object_is_type(v, json_type_int) && json_object_get_int64(v) > 0
		? json_object_get_uint64(v) : 0;
}

/*
 * A host interrupt that arrived while L1 or L2 ran (VMX EXTERNAL_INTERRUPT, SVM INTR at
 * l0/l0_nested; what KVM's irq_exits stat counts): it lands where the host's timer puts
 * it, so it is shown but never judged.
 */
static bool host_interrupt(const char *level, const char *reason)
{
	return (!strcmp(level, "l0") || !strcmp(level, "l0_nested")) &&
	       (!strcmp(reason, "EXTERNAL_INTERRUPT") || !strcmp(reason, "INTR"));
}

/*
 * Every level and reason either side has, compared exactly: the counts themselves
 * when both ran as many iterations (or either count is unknown), else per iteration
 * (count_new * iters_base against count_base * iters_new, still exact).
 */
static void compare_exits(json_object *eb, json_object *en, u64 it_b, u64 it_n, struct cmp_scn *c)
{
	bool scale = it_b && it_n && it_b != it_n;

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	json_object *sides[2] = { eb, en };
	const char *sep = "";

	for (int side = 0; side < 2; side++) {
		if (!json_object_is_type(sides[side], json_type_object))
			continue;
		json_object_object_foreach(sides[side], level, reasons) {
			if (!json_object_is_type(reasons, json_type_object))
				continue;
			json_object_object_foreach(reasons, reason, count) {
				u64 b = exit_count(eb, level, reason), n = exit_count(en, level, reason);
				unsigned __int128 sb = scale ? (unsigned __int128)b * it_n : b;
				unsigned __int128 sn = scale ? (unsigned __int128)n * it_b : n;

				(void)count;
				if (sb == sn || (side == 1 && json_get(json_get(eb, level), reason)))
					continue;	/* equal, or already seen from BASE */
				fprintf(f, "%s%s %s %llu->%llu", sep, level, reason,
					(unsigned long long)b, (unsigned long long)n);
				if (scale)
					fprintf(f, " in %llu->%llu iterations", (unsigned long long)it_b,
						(unsigned long long)it_n);
				sep = ", ";
				if (host_interrupt(level, reason)) {
					fputs(" (host interrupts: not judged)", f);
					continue;
				}
				c->exits_more |= sn > sb;
				c->exits_fewer |= sn < sb;
			}
		}
	}
	fclose(f);
	if (text && text[0])
		c->exits = text;
	else
		free(text);
}

static bool samples_of(json_object *lat, u64 **v, size_t *n)
{
	json_object *a = json_get(lat, "samples");
	size_t i, k;

	*v = NULL;
	*n = 0;
	if (!json_object_is_type(a, json_type_array) || !(k = json_object_array_length(a)))
		return false;
	*v = xrealloc(NULL, k * sizeof(**v));
	for (i = 0; i < k; i++) {
		json_object *x = json_object_array_get_idx(a, i);

		if (!json_object_is_type(x, json_type_int) || json_object_get_int64(x) < 0) {
			free(*v);
			*v = NULL;
			return false;
		}
		(*v)[i] = json_object_get_uint64(x);
	}
	*n = k;
	return true;
}

static void compare_latency(json_object *lb, json_object *ln, const char *name, const struct cmp_opts *o,
			    struct cmp_scn *c)
{
	u64 *vb, *vn, mb = 0, mn = 0, sdb = 0, sdn = 0, nb = 0, nn = 0, pb = 0, pn = 0;
	size_t kb, kn;
	bool rb = samples_of(lb, &vb, &kb), rn = samples_of(ln, &vn, &kn);
	struct boot_opts boot = o->boot;

	if (rb && rn) {
		/* The seed depends on the scenario, not on its place in the document. */
		boot.seed = o->boot.seed ^ ((u64)crc32(name, strlen(name)) << 32);
		cmpstat_bootstrap(vb, kb, vn, kn, 50, &boot, &c->median);
		cmpstat_bootstrap(vb, kb, vn, kn, 99, &boot, &c->p99);
		c->from_samples = true;
	} else {
		json_u64(lb, "median", &mb);
		json_u64(ln, "median", &mn);
		json_u64(lb, "stddev", &sdb);
		json_u64(ln, "stddev", &sdn);
		json_u64(lb, "n", &nb);
		json_u64(ln, "n", &nn);
		json_u64(lb, "p99", &pb);
		json_u64(ln, "p99", &pn);
		cmpstat_summary_median(mb, sdb, nb, mn, sdn, nn, o->boot.confidence, &c->median);
		cmpstat_point(pb, pn, &c->p99);
	}
	c->latency = true;
	free(vb);
	free(vn);
}

/*
 * Slower: the whole interval of the median's change lies above +threshold, so with
 * the chosen confidence the median went up by more than the threshold; a change
 * whose interval reaches into [-threshold, +threshold] is "same" (not shown to matter).
 */
static enum cmp_verdict latency_verdict(const struct cmp_scn *c, double threshold)
{
	const struct change *m = &c->median;
	double lo = m->have_ci ? m->rel_lo : m->rel, hi = m->have_ci ? m->rel_hi : m->rel;

	if (!c->latency || !m->have)
		return CMP_SAME;
	if (lo > threshold)
		return CMP_SLOWER;
	if (hi < -threshold)
		return CMP_FASTER;
	return CMP_SAME;
}

static void compare_one(json_object *sb, json_object *sn, const struct cmp_opts *o, struct cmp_scn *c,
			struct cmp_result *r)
{
	json_object *lb = json_get(sb, "latency"), *ln = json_get(sn, "latency");
	u64 it_b = 0, it_n = 0;

	c->name = xstrdup(json_str(sb, "name"));
	c->verdict_base = xstrdup(json_str(sb, "verdict") ? json_str(sb, "verdict") : "none");
	c->verdict_new = xstrdup(json_str(sn, "verdict") ? json_str(sn, "verdict") : "none");
	json_u64(sb, "iterations", &it_b);
	json_u64(sn, "iterations", &it_n);
	compare_exits(json_get(sb, "exits"), json_get(sn, "exits"), it_b, it_n, c);
	if (lb && ln && same_str(json_str(lb, "unit"), json_str(ln, "unit"))) {
		compare_latency(lb, ln, c->name, o, c);
		if (!c->from_samples)
			r->summaries_only = true;
	}
	if (passed(c->verdict_base) && !passed(c->verdict_new))
		c->v = CMP_BROKEN;
	else if (!passed(c->verdict_base) && passed(c->verdict_new))
		c->v = CMP_FIXED;
	else if (c->exits_more)
		c->v = CMP_MORE_EXITS;
	else if (c->exits_fewer)
		c->v = CMP_FEWER_EXITS;
	else
		c->v = latency_verdict(c, o->threshold);
	r->count[c->v]++;
}

static void describe(json_object *doc, char *buf, size_t size)
{
	json_object *env = json_get(doc, "environment");

	snprintf(buf, size, "%s (%s, %s, git %s)", json_str(doc, "run_id") ? json_str(doc, "run_id") : "?",
		 json_str(env, "l0") ? json_str(env, "l0") : "?", json_str(env, "cpu_model") ? json_str(env, "cpu_model") : "?",
		 json_str(env, "git_revision") ? json_str(env, "git_revision") : "?");
}

int compare_docs(json_object *base, json_object *new, const struct cmp_opts *o, struct cmp_result *out)
{
	json_object *sb = json_get(base, "scenarios"), *sn = json_get(new, "scenarios");
	bool regression = false;
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (incomparable(base, new, &out->why))
		return -EINVAL;
	describe(base, out->base_desc, sizeof(out->base_desc));
	describe(new, out->new_desc, sizeof(out->new_desc));
	n = json_object_array_length(sb);
	out->s = xrealloc(NULL, (n ? n : 1) * sizeof(*out->s));
	memset(out->s, 0, (n ? n : 1) * sizeof(*out->s));
	for (i = 0; i < n; i++) {
		json_object *b = json_object_array_get_idx(sb, i);

		compare_one(b, find_scn(sn, json_str(b, "name")), o, &out->s[i], out);
		regression |= cmp_is_regression(out->s[i].v);
		out->n++;
	}
	return regression;
}

void compare_free(struct cmp_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->s[i].name);
		free(r->s[i].verdict_base);
		free(r->s[i].verdict_new);
		free(r->s[i].exits);
	}
	free(r->s);
	memset(r, 0, sizeof(*r));
}
