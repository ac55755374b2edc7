// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab compare [--threshold PCT] [--resamples N] [--seed N] [--confidence 90|95|99] BASE NEW
 * Exit status for git bisect run: 0 no regression, 1 a regression, 125 not comparable,
 * 2 usage error or unreadable input.
 */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/regress/commands.h"
#include "l0/regress/compare.h"
#include "l0/regress/doc.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/json.h"

static int usage(const char *fmt, const char *arg)
{
	fputs("nestlab compare: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(": see nestlab --help\n", stderr);
	return EXIT_USAGE;
}

static bool number(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

int cmd_compare(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "threshold", required_argument, NULL, 't' },
		{ "resamples", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 's' },
		{ "confidence", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmp_opts o = { .threshold = 2.0, .boot = { .resamples = 2000, .confidence = 95, .seed = 1 } };
	struct json_object *base, *new;
	struct cmp_result r;
	struct diag why;
	double v;
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (!number(optarg, 0, 1000, &o.threshold))
				return usage("--threshold wants a percentage from 0 to 1000, not '%s'", optarg);
			break;
		case 'r':
			if (!number(optarg, 0, 100000, &v) || v != (unsigned)v)
				return usage("--resamples wants a whole number from 0 to 100000, not '%s'", optarg);
			o.boot.resamples = (unsigned)v;
			break;
		case 's':
			if (!number(optarg, 0, 1e18, &v) || v != (double)(unsigned long long)v)
				return usage("--seed wants a whole number, not '%s'", optarg);
			o.boot.seed = (unsigned long long)v;
			break;
		case 'c':
			if (strcmp(optarg, "90") && strcmp(optarg, "95") && strcmp(optarg, "99"))
				return usage("--confidence wants 90, 95 or 99, not '%s'", optarg);
			o.boot.confidence = (unsigned)atoi(optarg);
			break;
		case ':':
			return usage("option '%s' wants a value", argv[optind - 1]);
		default:
			return usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return usage("compare takes BASE and NEW (run directories or results.json)%s", "");
	base = results_doc_load(argv[optind], &why);
	new = base ? results_doc_load(argv[optind + 1], &why) : NULL;
	if (!new) {
		json_object_put(base);
		fprintf(stderr, "nestlab compare: %s\n", why.msg);
		return EXIT_USAGE;
	}
	rc = compare_docs(base, new, &o, &r);
	if (rc < 0)
		fprintf(stderr, "nestlab compare: not comparable: %s\n", r.why.msg);
	else
		compare_print(stdout, &r, &o);
	compare_free(&r);
	json_object_put(base);
	json_object_put(new);
	return rc < 0 ? EXIT_INCOMPARABLE : rc ? EXIT_FAILED : EXIT_OK;
}
