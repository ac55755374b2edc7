// SPDX-License-Identifier: GPL-2.0-only
#include "lib/guest_cmdline.h"
#include "lib/string.h"

/*
 * The member each guest word sets, + 1 (0: none). Its C type follows the table's TYPE:
 * UINT u32, FLAG bool, TEXT and CHOICE const char *. lib/guest_cmdline_test.c checks that
 * every guest key of the table lands somewhere.
 */
#define FIELD(id, member) [RUNOPT_##id] = offsetof(struct run_options, member) + 1
static const u8 field_of[RUNOPT_COUNT] = {
	FIELD(ITERS, iters),
	FIELD(WARMUP, warmup),
	FIELD(INJECT_DELAY, delay),
	FIELD(RAW, raw),
	FIELD(EDGE_PAUSE, edge_pause),
	FIELD(QEMU_MIGRATE, qemu_migrate),
	FIELD(BREAK, break_name),
	FIELD(COVERAGE, coverage),
};
#undef FIELD

/* Decimal digits only, at least one; saturates at 0xffffffff instead of wrapping. */
static bool parse_u32(const char *s, u32 *out)
{
	u64 v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (u64)(*s - '0');
		if (v > 0xffffffffu)
			v = 0xffffffffu;
	}
	*out = (u32)v;
	return true;
}

/* Is val one of the '|'-separated words of list? */
static bool choice_has(const char *list, const char *val)
{
	size_t n = strlen(val);

	while (list && *list) {
		const char *end = strchr(list, '|');
		size_t len = end ? (size_t)(end - list) : strlen(list);

		if (len == n && !strncmp(list, val, n))
			return true;
		list = end ? end + 1 : NULL;
	}
	return false;
}

static bool set_value(const struct run_option_info *opt, void *field, const char *val)
{
	u32 num;

	switch (opt->type) {
	case RUNOPT_UINT:
		if (!parse_u32(val, &num))
			return false;
		*(u32 *)field = num < opt->min ? opt->min : num > opt->max ? opt->max : num;
		return true;
	case RUNOPT_FLAG:
		if (strcmp(val, "1"))
			return false;
		*(bool *)field = true;
		return true;
	case RUNOPT_TEXT:
		if (!*val)
			return false;
		*(const char **)field = val;
		return true;
	case RUNOPT_CHOICE:
		if (!choice_has(opt->arg, val))
			return false;
		*(const char **)field = val;
		return true;
	case RUNOPT_SPECIAL:
		break;
	}
	return false;
}

/* "<key>=<value>" of a table entry with a guest key; false when it is none. */
static bool set_option(struct run_options *o, const char *word)
{
	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *opt = &run_option_table[id];
		size_t n = opt->guest_key ? strlen(opt->guest_key) : 0;

		if (n && field_of[id] && !strncmp(word, opt->guest_key, n) && word[n] == '=')
			return set_value(opt, (char *)o + field_of[id] - 1, word + n + 1);
	}
	return false;
}

void guest_cmdline_parse(struct guest_cmdline *c, const char *src, size_t max)
{
	size_t limit = max < GUEST_CMDLINE_MAX - 1 ? max : GUEST_CMDLINE_MAX - 1;
	size_t n = src ? strnlen(src, limit) : 0;
	char *w = c->words;

	memcpy(c->text, src ? src : "", n);
	c->text[n] = 0;
	memcpy(c->words, c->text, n + 1);
	c->run = NULL;
	c->opt = (struct run_options){ .iters = 0, .warmup = DEFAULT_WARMUP };
	while (*w) {
		char *end = w;

		while (*end && *end != ' ')
			end++;
		if (*end)
			*end++ = 0;
		if (!strncmp(w, "run=", 4))
			c->run = w + 4;
		else
			set_option(&c->opt, w);
		w = end;
	}
}

const char *guest_cmdline_next_name(const char *list, char *buf, size_t size)
{
	size_t i = 0;

	if (!list || !*list)
		return NULL;
	while (*list && *list != ',') {
		if (i + 1 < size)
			buf[i++] = *list;
		list++;
	}
	buf[i] = 0;
	return *list == ',' ? list + 1 : list;
}

u32 run_options_iters(const struct run_options *o, u32 max)
{
	u32 n = o->iters ? o->iters : DEFAULT_ITERS;

	return n > max ? max : n;
}
