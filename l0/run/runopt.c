// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab run's options by lib/run_options.h's table. What an entry's type does:
 *   FLAG    sets a bool;  UINT  a number within the table's range;  TEXT  a non-empty text;
 *   CHOICE  one of its words: the word itself, or a bool set by its second ("off", "efi");
 *   SPECIAL its own parser here, with the table's range.
 * slot_of() says where each value lives; nothing else names an option.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "l0/run/runopt.h"
#include "l0/regress/shard.h"
#include "l0/sys/util.h"

#define USAGE_WIDTH 90		/* the synopsis wraps before it */
#define HELP_COLUMN 14		/* the option lines' help starts here */
#define WORDS_MAX 256

/* Where an option's value goes: a number, a text or a bool (with a UINT: "it was given"). */
struct slot {
	unsigned *num;
	const char **text;
	bool *flag;
};

static struct slot slot_of(enum run_option id, struct run_opts *o, struct run_cli *c)
{
	switch (id) {
	case RUNOPT_BACKEND:
		return (struct slot){ .text = c ? &c->backend : NULL };
	case RUNOPT_MODEL:
		return (struct slot){ .text = &o->model };
	case RUNOPT_JOBS:
		return (struct slot){ .num = &o->jobs };
	case RUNOPT_LAB_JOBS:
		return (struct slot){ .num = &o->lab_jobs };
	case RUNOPT_TIMEOUT:
		return (struct slot){ .num = &o->timeout_s };
	case RUNOPT_RESULTS:
		return (struct slot){ .text = &o->results };
	case RUNOPT_IMAGE:
		return (struct slot){ .text = c ? &c->image : NULL };
	case RUNOPT_TAP:
		return (struct slot){ .flag = &o->tap };
	case RUNOPT_ALL:
		return (struct slot){ .flag = c ? &c->all : NULL };
	case RUNOPT_ITERS:		/* 0: not given (each scenario's own) */
		return (struct slot){ .num = &o->iters };
	case RUNOPT_WARMUP:
		return (struct slot){ .num = &o->warmup, .flag = &o->warmup_set };
	case RUNOPT_INJECT_DELAY:	/* 0: none, not passed on */
		return (struct slot){ .num = &o->inject_delay };
	case RUNOPT_RAW:
		return (struct slot){ .flag = &o->raw };
	case RUNOPT_BREAK:
		return (struct slot){ .text = &o->break_name };
	case RUNOPT_MIGRATE:
	case RUNOPT_QEMU_MIGRATE:	/* passed to L1 under qemu-kvm only (passed_value) */
		return (struct slot){ .text = &o->migrate };
	case RUNOPT_KVM_MODULES:
		return (struct slot){ .text = &o->kvm_modules };
	case RUNOPT_LAB_KERNEL:
		return (struct slot){ .text = &o->lab_kernel };
	case RUNOPT_ATTRIBUTE:
		return (struct slot){ .flag = &o->attribute_off };
	case RUNOPT_KCIDB:
		return (struct slot){ .text = &o->kcidb };
	case RUNOPT_COVERAGE:
		return (struct slot){ .flag = &o->coverage };
	case RUNOPT_JUNIT:
		return (struct slot){ .text = &o->junit };
	case RUNOPT_ICOUNT:
		return (struct slot){ .flag = &o->icount_off };
	case RUNOPT_BOOT:
		return (struct slot){ .flag = &o->boot_efi };
	case RUNOPT_COUNT_PASS:
		return (struct slot){ .flag = &o->count_off };
	default:			/* SPECIAL, and EDGE_PAUSE (the back end decides) */
		return (struct slot){ 0 };
	}
}

/* A CHOICE's words, '|'-separated: --backend's from the back-end table, and "auto". */
static const char *choice_words(enum run_option id, char buf[WORDS_MAX])
{
	const struct backend *be;
	size_t i, len = 0;

	if (id != RUNOPT_BACKEND)
		return run_option_table[id].arg;
	for (i = 0; (be = backend_at(i)); i++)
		len += snprintf(buf + len, WORDS_MAX - len, "%s|", be->name);
	snprintf(buf + len, WORDS_MAX - len, "auto");
	return buf;
}

/* Which of words arg is (0 the first), or -1. */
static int choice_index(const char *words, const char *arg)
{
	size_t n;
	int k;

	for (k = 0; arg && *words; k++, words += n + (words[n] == '|')) {
		n = strcspn(words, "|");
		if (strlen(arg) == n && !memcmp(words, arg, n))
			return k;
	}
	return -1;
}

/* name=value[,name=value...]: module parameter names and plain values only. */
static bool l0_param_valid(const char *s)
{
	while (*s) {
		size_t name = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_"), value;

		if (!name || s[name] != '=')
			return false;
		s += name + 1;
		value = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (!value || (s[value] && s[value] != ','))
			return false;
		s += value + (s[value] == ',');
	}
	return true;
}

static int wants(struct diag *why, const struct run_option_info *t, const char *what, const char *arg)
{
	return diag_set(why, -EINVAL, "--%s wants %s, not '%s'", t->name, what, arg ? arg : "");
}

static int parse_special(enum run_option id, const char *arg, struct run_opts *o, struct run_cli *c,
			 struct diag *why)
{
	const struct run_option_info *t = &run_option_table[id];
	char what[160];

	if (id == RUNOPT_SHARD) {
		snprintf(what, sizeof(what), "I/N with %u <= I <= N <= %u", t->min, t->max);
		return shard_parse(arg, &o->shard_i, &o->shard_n) ? 0 : wants(why, t, what, arg);
	}
	snprintf(what, sizeof(what), "%s (%u to %u sets, one run each), e.g. ept=0,vpid=0", t->arg, t->min,
		 t->max);
	if (!arg || c->nparams == t->max || !l0_param_valid(arg))
		return wants(why, t, what, arg);
	c->l0_params[c->nparams++] = arg;
	return 0;
}

int runopt_parse(enum run_option id, const char *arg, struct run_opts *o, struct run_cli *c,
		 struct diag *why)
{
	const struct run_option_info *t = &run_option_table[id];
	struct slot v = slot_of(id, o, c);
	char what[WORDS_MAX + 32], words[WORDS_MAX];
	const char *w;
	int k;

	switch (t->type) {
	case RUNOPT_FLAG:
		*v.flag = true;
		return 0;
	case RUNOPT_UINT:
		if (!uint_parse(arg, t->min, t->max, v.num)) {
			snprintf(what, sizeof(what), "a number from %u to %u", t->min, t->max);
			return wants(why, t, what, arg);
		}
		if (v.flag)
			*v.flag = true;
		return 0;
	case RUNOPT_TEXT:
		if (!arg || !*arg)
			return wants(why, t, t->arg, arg);
		*v.text = arg;
		return 0;
	case RUNOPT_CHOICE:
		w = choice_words(id, words);
		k = choice_index(w, arg);
		if (k < 0)
			return wants(why, t, w, arg);
		if (v.text)
			*v.text = arg;
		else
			*v.flag = k == 1;
		return 0;
	case RUNOPT_SPECIAL:
		return parse_special(id, arg, o, c, why);
	}
	return wants(why, t, "nothing", arg);
}

enum run_option runopt_of(int c)
{
	unsigned id;

	if (c >= RUNOPT_GETOPT(0) && c < RUNOPT_GETOPT(RUNOPT_COUNT))
		return (enum run_option)(c - RUNOPT_GETOPT(0));
	for (id = 0; id < RUNOPT_COUNT; id++)
		if (c && run_option_table[id].short_name == c)
			return (enum run_option)id;
	return RUNOPT_COUNT;
}

void runopt_longopts(struct option out[RUNOPT_COUNT + 2])
{
	size_t n = 0;

	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];

		if (t->name)
			out[n++] = (struct option){ t->name, t->type == RUNOPT_FLAG ? no_argument : required_argument,
						    NULL, RUNOPT_GETOPT(id) };
	}
	out[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	out[n] = (struct option){ NULL, 0, NULL, 0 };
}

void runopt_shortopts(char out[2 * RUNOPT_COUNT + 3])
{
	size_t n = 0;

	out[n++] = ':';
	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];

		if (t->short_name) {
			out[n++] = t->short_name;
			if (t->type != RUNOPT_FLAG)
				out[n++] = ':';
		}
	}
	out[n++] = 'h';
	out[n] = '\0';
}

/* "-j N" (short: the synopsis), "-j, --jobs N", "--iters N", "--model haswell|skylake|ryzen" */
static int spell(char *buf, size_t size, enum run_option id, bool short_only)
{
	const struct run_option_info *t = &run_option_table[id];
	char words[WORDS_MAX], sh[8] = "";
	const char *arg = t->type == RUNOPT_CHOICE ? choice_words(id, words) : t->arg;

	if (t->short_name && short_only)
		return snprintf(buf, size, "-%c%s%s", t->short_name, arg ? " " : "", arg ? arg : "");
	if (t->short_name)
		snprintf(sh, sizeof(sh), "-%c, ", t->short_name);
	return snprintf(buf, size, "%s--%s%s%s", sh, t->name, arg ? " " : "", arg ? arg : "");
}

void runopt_synopsis(FILE *f)
{
	static const char lead[] = "       nestlab run";
	const int indent = sizeof(lead) - 1;
	size_t col = fprintf(f, "%s", lead);
	char item[WORDS_MAX + 64], spelt[WORDS_MAX + 32];

	for (unsigned id = 0; id <= RUNOPT_COUNT; id++) {
		if (id == RUNOPT_COUNT) {
			snprintf(item, sizeof(item), "[GLOB...]");
		} else if (run_option_table[id].name) {
			spell(spelt, sizeof(spelt), id, true);	/* --l0-param: once per set */
			snprintf(item, sizeof(item), "[%s]%s", spelt, id == RUNOPT_L0_PARAM ? "..." : "");
		} else {
			continue;
		}
		if (col + 1 + strlen(item) > USAGE_WIDTH && col > (size_t)indent)	/* one item a line at least */
			col = fprintf(f, "\n%*s", indent, "") - 1;
		col += fprintf(f, " %s", item);
	}
	fputc('\n', f);
}

void runopt_usage(FILE *f)
{
	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];
		char col[WORDS_MAX + 64];
		const char *h = t->help;
		int n;

		if (!t->name)
			continue;
		n = 2 + spell(col + 2, sizeof(col) - 2, id, false);
		memcpy(col, "  ", 2);
		if (t->type == RUNOPT_UINT || t->type == RUNOPT_SPECIAL)
			n += snprintf(col + n, sizeof(col) - n, " (%u-%u)", t->min, t->max);
		fputs(col, f);
		if (n > HELP_COLUMN - 2)
			n = fprintf(f, "\n") - 1;
		while (*h) {
			size_t len = strcspn(h, "\n");

			fprintf(f, "%*s%.*s\n", HELP_COLUMN - n, "", (int)len, h);
			n = 0;
			h += len + (h[len] == '\n');
		}
	}
}

static bool in_job(const struct job *j, const char *name)
{
	for (size_t i = 0; i < j->n; i++)
		if (!strcmp(j->scn[i]->info->name, name))
			return true;
	return false;
}

/* Option id's value as job j passes it on, or NULL when it does not. */
static const char *passed_value(const struct job *j, enum run_option id, char buf[12])
{
	const struct run_option_info *t = &run_option_table[id];
	struct slot v = slot_of(id, (struct run_opts *)j->o, NULL);	/* read only */

	switch (t->type) {
	case RUNOPT_FLAG:
		return *v.flag ? "1" : NULL;
	case RUNOPT_UINT:
		if (v.flag ? !*v.flag : !*v.num)
			return NULL;
		snprintf(buf, 12, "%u", *v.num);
		return buf;
	case RUNOPT_TEXT:	/* --break: only to the job that runs the scenario; qmigrate: to qemu-kvm's L1 */
		if (id == RUNOPT_QEMU_MIGRATE && j->o->be != &backend_qemu_kvm)
			return NULL;
		return *v.text && (id != RUNOPT_BREAK || in_job(j, *v.text)) ? *v.text : NULL;
	default:		/* the edge pause: qemu-kvm's QMP reads KVM's statistics there */
		return id == RUNOPT_EDGE_PAUSE && j->o->be == &backend_qemu_kvm ? t->arg : NULL;
	}
}

void runopt_words(FILE *f, const struct job *j, enum runopt_form form)
{
	char buf[12];

	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];
		const char *v = t->guest_key ? passed_value(j, id, buf) : NULL;

		if (!v)
			continue;
		if (form == RUNOPT_GUEST)
			fprintf(f, " %s=%s", t->guest_key, v);
		else if (t->name && t->type == RUNOPT_FLAG)
			fprintf(f, "--%s,", t->name);
		else if (t->name)
			fprintf(f, "--%s,%s,", t->name, v);
	}
}
