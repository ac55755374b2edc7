// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/runopt.h"
#include "l0/regress/shard.h"
#include "l0/sys/exit_status.h"

static int bad(const char *what, const char *arg)
{
	fprintf(stderr, "nestlab: %s, not '%s': see nestlab --help\n", what, arg ? arg : "");
	return EXIT_USAGE;
}

static bool uint_in(const char *s, unsigned long max, unsigned *out)
{
	char *end;
	unsigned long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

int runopt_parse(const char *name, const char *arg, struct run_opts *o)
{
	if (!strcmp(name, "warmup")) {
		if (!uint_in(arg, 64, &o->warmup))
			return bad("--warmup wants a number of iterations from 0 to 64", arg);
		o->warmup_set = true;
	} else if (!strcmp(name, "raw")) {
		o->raw = true;
	} else if (!strcmp(name, "inject-delay")) {
		if (!uint_in(arg, 1000000, &o->inject_delay))
			return bad("--inject-delay wants a number of instructions from 0 to 1000000", arg);
	} else if (!strcmp(name, "junit")) {
		if (!arg || !*arg)
			return bad("--junit wants a file name", arg);
		o->junit = arg;
	} else if (!strcmp(name, "shard")) {
		if (!shard_parse(arg, &o->shard_i, &o->shard_n))
			return bad("--shard wants I/N with 1 <= I <= N <= 1024", arg);
	} else if (!strcmp(name, "icount")) {
		if (!arg || (strcmp(arg, "on") && strcmp(arg, "off")))
			return bad("--icount wants on or off", arg);
		o->icount_off = !strcmp(arg, "off");
	} else if (!strcmp(name, "boot")) {
		if (!arg || (strcmp(arg, "efi") && strcmp(arg, "bios")))
			return bad("--boot wants efi or bios", arg);
		o->boot_efi = !strcmp(arg, "efi");
	} else {
		return bad("unknown option", name);
	}
	return 0;
}
