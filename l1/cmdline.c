// SPDX-License-Identifier: GPL-2.0-only
#include "l1/cmdline.h"
#include "lib/string.h"

static char words[CMDLINE_MAX];

/* Decimal digits; saturates at 0xffffffff instead of wrapping. */
static u32 parse_u32(const char *s)
{
	u64 v = 0;

	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (u64)(*s++ - '0');
		if (v > 0xffffffffu)
			v = 0xffffffffu;
	}
	return (u32)v;
}

void cmdline_parse(struct cmdline *c, const char *src)
{
	size_t n = src ? strnlen(src, CMDLINE_MAX - 1) : 0;
	char *w;

	memcpy(c->text, src ? src : "", n);
	c->text[n] = 0;
	memcpy(words, c->text, n + 1);
	c->run = NULL;
	c->opt = (struct run_options){ .iters = 0, .warmup = DEFAULT_WARMUP };
	for (w = words; *w;) {
		char *end = w;

		while (*end && *end != ' ')
			end++;
		if (*end)
			*end++ = 0;
		if (!strncmp(w, "run=", 4))
			c->run = w + 4;
		else if (!strncmp(w, "iters=", 6))
			c->opt.iters = parse_u32(w + 6);
		else if (!strncmp(w, "warmup=", 7))
			c->opt.warmup = parse_u32(w + 7);
		else if (!strncmp(w, "delay=", 6))
			c->opt.delay = parse_u32(w + 6);
		else if (!strcmp(w, "raw=1"))
			c->opt.raw = true;
		else if (!strcmp(w, "pause=pvpanic"))
			c->opt.edge_pause = true;
		else if (!strncmp(w, "break=", 6))
			c->opt.break_name = w + 6;
		w = end;
	}
	if (c->opt.iters > MAX_ITERS)
		c->opt.iters = MAX_ITERS;
	if (c->opt.warmup > MAX_WARMUP)
		c->opt.warmup = MAX_WARMUP;
	if (c->opt.delay > MAX_DELAY)
		c->opt.delay = MAX_DELAY;
}

const char *cmdline_next_name(const char *list, char *buf, size_t size)
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
