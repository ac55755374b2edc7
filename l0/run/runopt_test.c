// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab run's options against lib/run_options.h's table: every range the usage text
 * states is the table's, values out of range are refused naming the table's bounds, and
 * a job's command lines (L1's, the lab's inner nestlab) are the ones the runner has
 * always written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "l0/run/runopt.h"
#include "l0/run/scenario.h"
#include "l0/run/l1cmd.h"
#include "lib/test.h"
#include "l0/sys/util.h"

static char *text_of(void (*write)(FILE *f))
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	write(f);
	fclose(f);
	return text;
}

/* Every UINT option's line in the usage text states the table's range, and no other. */
static void test_usage_ranges(void)
{
	char *usage = text_of(runopt_usage), *synopsis = text_of(runopt_synopsis);

	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];
		char *want, *line;
		unsigned lo, hi;

		if (!t->name) {
			want = xasprintf("--%s", t->guest_key);
			CHECK(!strstr(usage, want), "guest-only %s not in the usage", t->guest_key);
			free(want);
			continue;
		}
		want = xasprintf("--%s%s", t->name, t->type == RUNOPT_FLAG ? "" : " ");
		line = strstr(usage, want);
		CHECK(line != NULL, "usage has %s", want);
		CHECK(t->short_name ? strstr(synopsis, (char[]){ '-', t->short_name, ' ', 0 }) != NULL :
				      strstr(synopsis, want) != NULL, "synopsis has %s", t->name);
		free(want);
		if (!line || t->type != RUNOPT_UINT)
			continue;
		line = strchr(line, '(');
		CHECK(line && sscanf(line, "(%u-%u)", &lo, &hi) == 2 && lo == t->min && hi == t->max,
		      "--%s: usage says %.12s, table %u-%u", t->name, line ? line : "", t->min, t->max);
	}
	free(usage);
	free(synopsis);
}

static int parse(enum run_option id, const char *arg, struct run_opts *o, struct diag *why)
{
	struct run_cli cli = { .backend = "auto" };

	*why = (struct diag){ "", "" };
	return runopt_parse(id, arg, o, &cli, why);
}

/* Each UINT's bounds are taken and one past them refused, in one line naming them. */
static void test_ranges(void)
{
	for (unsigned id = 0; id < RUNOPT_COUNT; id++) {
		const struct run_option_info *t = &run_option_table[id];
		struct run_opts o = { 0 };
		struct diag why;
		char arg[24], *want;

		if (t->type != RUNOPT_UINT)
			continue;
		snprintf(arg, sizeof(arg), "%u", t->min);
		CHECK(!parse(id, arg, &o, &why), "--%s %s taken", t->name, arg);
		snprintf(arg, sizeof(arg), "%u", t->max);
		CHECK(!parse(id, arg, &o, &why), "--%s %s taken", t->name, arg);
		snprintf(arg, sizeof(arg), "%llu", t->max + 1ull);
		want = xasprintf("--%s wants a number from %u to %u, not '%s'", t->name, t->min, t->max, arg);
		CHECK(parse(id, arg, &o, &why) == -EINVAL && !strcmp(why.msg, want), "%s: %s", want, why.msg);
		free(want);
		if (t->min) {
			snprintf(arg, sizeof(arg), "%u", t->min - 1);
			CHECK(parse(id, arg, &o, &why) == -EINVAL, "--%s %s refused", t->name, arg);
		}
		CHECK(parse(id, "x", &o, &why) == -EINVAL && parse(id, "-1", &o, &why) == -EINVAL &&
		      parse(id, " 1", &o, &why) == -EINVAL && parse(id, "", &o, &why) == -EINVAL,
		      "--%s: not a number refused", t->name);
	}
}

static void test_choices_and_specials(void)
{
	struct run_opts o = { 0 };
	struct run_cli cli = { .backend = "auto" };
	struct diag why = { "", "" };
	char over[32];

	CHECK(!parse(RUNOPT_MODEL, "ryzen", &o, &why) && !strcmp(o.model, "ryzen"), "--model ryzen");
	CHECK(parse(RUNOPT_MODEL, "pentium", &o, &why) == -EINVAL &&
	      !strcmp(why.msg, "--model wants haswell|skylake|ryzen, not 'pentium'"),
	      "--model pentium: %s", why.msg);
	CHECK(!parse(RUNOPT_ICOUNT, "off", &o, &why) && o.icount_off, "--icount off");
	CHECK(!parse(RUNOPT_BOOT, "efi", &o, &why) && o.boot_efi && !parse(RUNOPT_BOOT, "bios", &o, &why) &&
	      !o.boot_efi, "--boot efi, bios");
	CHECK(!runopt_parse(RUNOPT_BACKEND, "qemu-tcg", &o, &cli, &why) && !strcmp(cli.backend, "qemu-tcg") &&
	      !runopt_parse(RUNOPT_BACKEND, "auto", &o, &cli, &why), "--backend qemu-tcg, auto");
	CHECK(parse(RUNOPT_BACKEND, "kvm9", &o, &why) == -EINVAL && strstr(why.msg, "|qemu-s390x|auto, not 'kvm9'"),
	      "--backend kvm9: %s", why.msg);
	CHECK(!parse(RUNOPT_SHARD, "2/1024", &o, &why) && o.shard_i == 2 && o.shard_n == RUNOPT_SHARD_MAX,
	      "--shard 2/1024");
	snprintf(over, sizeof(over), "1/%u", RUNOPT_SHARD_MAX + 1);
	CHECK(parse(RUNOPT_SHARD, over, &o, &why) == -EINVAL && strstr(why.msg, "1 <= I <= N <= 1024"),
	      "--shard %s: %s", over, why.msg);
	for (unsigned k = 0; k < RUNOPT_L0_PARAM_MAX; k++)
		CHECK(!runopt_parse(RUNOPT_L0_PARAM, "ept=0,vpid=0", &o, &cli, &why), "--l0-param %u", k + 1);
	CHECK(runopt_parse(RUNOPT_L0_PARAM, "ept=0", &o, &cli, &why) == -EINVAL && strstr(why.msg, "1 to 8 sets"),
	      "--l0-param over the table's max: %s", why.msg);
}

/* A sample job: the words L1 and the lab's inner nestlab get, as ever. */
static void test_command_lines(void)
{
	static const struct scenario_info a = { "cpuid/exit", "" }, b = { "vmcall/exit", "" };
	struct scn_result ra = { .info = &a }, rb = { .info = &b }, *scn[] = { &ra, &rb };
	struct run_opts o = { .be = &backend_qemu_kvm, .iters = 16, .warmup_set = true, .inject_delay = 200,
			      .raw = true, .break_name = "vmcall/exit" };
	struct job j = { .o = &o, .scn = scn, .n = 2 };
	char *line = l1_cmdline(&j), *inner = NULL;
	size_t len = 0;
	FILE *f;

	CHECK(line && !strcmp(line, "run=cpuid/exit,vmcall/exit iters=16 warmup=0 delay=200 raw=1 pause=pvpanic "
			      "break=vmcall/exit"), "L1's command line: %s", line);
	free(line);
	f = open_memstream(&inner, &len);
	runopt_words(f, &j, RUNOPT_INNER);
	fclose(f);
	CHECK(!strcmp(inner, "--iters,16,--warmup,0,--inject-delay,200,--raw,--break,vmcall/exit,"),
	      "the inner nestlab's: %s", inner);
	free(inner);

	/* defaults pass nothing; --break only to the job that runs it */
	o = (struct run_opts){ .be = &backend_bochs, .break_name = "hlt/exit" };
	j.n = 1;
	line = l1_cmdline(&j);
	CHECK(line && !strcmp(line, "run=cpuid/exit"), "defaults: %s", line);
	free(line);
}

/* A long list in registry order goes as one selection word, which the inner nestlab
 * (scenario_select) reads back as the same list; out of order, it stays names. */
static void test_selection_word(void)
{
	static struct scn_result res[1024];
	static struct scn_result *scn[1024];
	static const struct scenario_info *back[1024];
	struct run_opts o = { .be = &backend_bochs };
	struct job j = { .o = &o, .scn = scn };
	char *line, *word;
	const char *unmatched = NULL;
	size_t n = 0, names = 0;
	int got;

	for (size_t i = 0; i < scenario_count && n < 1024; i++) {
		if (i % 3 == 1)
			continue;	/* every third left out: a round-robin job's share */
		res[n].info = &scenario_table[i];
		scn[n] = &res[n];
		names += strlen(scenario_table[i].name) + 1;
		n++;
	}
	j.n = n;
	line = l1_cmdline(&j);
	word = line + 4;
	if (strchr(word, ' '))
		*strchr(word, ' ') = 0;
	CHECK((word[0] == '@') == (names > SCENARIO_NAMES_MAX), "a word exactly when %zu bytes of names exceed %d",
	      names, SCENARIO_NAMES_MAX);
	if (names > SCENARIO_NAMES_MAX) {
		CHECK(word[0] == '@' && strlen(line) < 2048, "%zu scenarios go as a selection word (%zu bytes): %.40s", n,
		      strlen(line), line);
		got = scenario_select(&word, 1, false, back, &unmatched);
		CHECK(got == (int)n, "the inner nestlab selects the same %d (want %zu)", got, n);
		for (size_t i = 0; got == (int)n && i < n; i++)
			CHECK(back[i] == scn[i]->info, "entry %zu the same", i);
		word[9] ^= 1;
		got = scenario_select(&word, 1, false, back, &unmatched);
		CHECK(got == -ENOENT, "another registry's word matches nothing (%d)", got);
	}
	free(line);
	if (n >= 2) {
		struct scn_result *t = scn[0];

		scn[0] = scn[1];
		scn[1] = t;
		line = l1_cmdline(&j);
		CHECK(line[4] != '@' && !strncmp(line + 4, scn[0]->info->name, strlen(scn[0]->info->name)),
		      "out of registry order: names, in the job's order");
		free(line);
	}
}

int main(void)
{
	test_selection_word();
	test_usage_ranges();
	test_ranges();
	test_choices_and_specials();
	test_command_lines();
	return test_done();
}
