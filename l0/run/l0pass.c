// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <string.h>

#include "l0/run/l0pass.h"
#include "l0/run/record.h"
#include "lib/record_types.h"

/* Counter lists are lower-case words, comma-separated. */
static bool counters_valid(const char *v)
{
	return v && *v && strlen(v) < L0PASS_COUNTERS_MAX &&
	       strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_,") == strlen(v);
}

static bool flag(const struct record_parsed *r, const char *key, bool *out)
{
	u64 v;

	if (record_get_u64(r, key, &v) || v > 1)
		return false;
	*out = v;
	return true;
}

const char *l0pass_take(struct l0pass *p, const struct record_parsed *r)
{
	const char *counters = record_get(r, "counters");

	if (record_type_find(r->type) == RECORD_TIMING) {
		if (p->have_timed)
			return "timing reported twice";
		if (!counters_valid(counters) || !flag(r, "traced", &p->traced) || !flag(r, "counting", &p->counting))
			return "timing record without traced, counting (0/1) and counters";
		snprintf(p->timed_counters, sizeof(p->timed_counters), "%s", counters);
		p->have_timed = true;
		return NULL;
	}
	if (p->have_count)
		return "counting reported twice";
	if (!counters_valid(counters) || record_get_u64(r, "exits", &p->count_exits) ||
	    record_get_u64(r, "irq_exits", &p->count_irq_exits))
		return "counting record without counters, exits and irq_exits";
	snprintf(p->count_counters, sizeof(p->count_counters), "%s", counters);
	p->have_count = true;
	return NULL;
}

static u64 less(u64 a, u64 b)
{
	return a > b ? a - b : 0;
}

bool l0pass_tie(const struct l0pass *p, u64 exits, u64 irq_exits, char *why, size_t size)
{
	u64 timing = less(exits, irq_exits), counting = less(p->count_exits, p->count_irq_exits);

	if (!p->have_timed || !p->counting)
		return true;
	if (!p->have_count) {
		snprintf(why, size, "no counting record: the counting pass did not reach this scenario's window");
		return false;
	}
	if (timing == counting)
		return true;
	snprintf(why, size, "exits stat differs between the timing pass (%llu) and the counting pass (%llu) "
		 "(host-interrupt exits taken out: %llu and %llu)", (unsigned long long)timing,
		 (unsigned long long)counting, (unsigned long long)irq_exits,
		 (unsigned long long)p->count_irq_exits);
	return false;
}

void l0pass_words(const char *list, void (*add)(const char *word, void *arg), void *arg)
{
	char word[L0PASS_COUNTERS_MAX];

	while (list && *list) {
		size_t n = strcspn(list, ",");

		if (n && n < sizeof(word)) {
			memcpy(word, list, n);
			word[n] = 0;
			add(word, arg);
		}
		list += n + (list[n] == ',');
	}
}
