// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab: boots the L1 hypervisor on an L0 and reports what its scenarios saw.
 * Exit status: 0 every scenario PASS or SKIP; 1 any FAIL, ERROR, CRASH or
 * TIMEOUT; 2 a usage or environment error (one line on stderr naming the fix);
 * 130 interrupted.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/backend.h"
#include "l0/kvm/e9.h"
#include "l0/backend/efi.h"
#include "l0/backend/image.h"
#include "l0/run/output.h"
#include "l0/run/results.h"
#include "l0/run/runner.h"
#include "l0/run/scenario.h"
#include "l0/regress/table.h"
#include "l0/regress/commands.h"
#include "l0/regress/junit.h"
#include "l0/runopt.h"
#include "l0/regress/shard.h"
#include "l0/sys/exit_status.h"

#define WARNINGS_SHOWN 5

static const char usage_text[] =
	"usage: nestlab list [--all] [--backend NAME] [GLOB...]\n"
	"       nestlab run [--backend kvm|bochs|lab-vmx|lab-vmx-qemu|lab-svm|lab-svm-qemu|qemu-kvm|qemu-tcg|qemu-s390x|auto] [--model haswell|skylake|ryzen] [-j N]\n"
	"                   [--timeout SEC] [--iters N] [--results DIR] [--image PATH]\n"
	"                   [--break NAME] [--tap] [--all] [--warmup N] [--raw]\n"
	"                   [--inject-delay N] [--junit FILE] [--shard I/N] [--icount on|off]\n"
	"                   [--boot efi|bios] [--l0-param NAME=VAL[,...]]... [GLOB...]\n"
	"       nestlab table RESULTS   (a run directory or results.json: Markdown table)\n"
	"       nestlab compare [--threshold PCT] [--resamples N] [--seed N]\n"
	"                       [--confidence 90|95|99] BASE NEW   (runs or results.json)\n"
	"       nestlab report RUN [BASE]   (gnuplot SVG and PNG plots into RUN/plots)\n"
	"       nestlab merge OUT RUN...    (one results.json in OUT from shards or runs)\n"
	"\n"
	"GLOBs are shell patterns over scenario names (cpuid/exit, 'apic/*'); none: the\n"
	"default suite, every scenario but debug/. debug/ scenarios are selected only by\n"
	"a GLOB starting with debug/, or with --all.\n"
	"  --backend   L0 to boot L1 on (default auto: the best one installed);\n"
	"              qemu-tcg: QEMU TCG -cpu max, L1 on AMD SVM with nested paging;\n"
	"              lab-vmx, lab-svm: real KVM (kvm_intel in Bochs, kvm_amd in QEMU TCG)\n"
	"              as L0 with nestlab's kvm back end inside; -qemu: QEMU -accel kvm inside\n"
	"              qemu-s390x runs the s390x image and its own scenarios (list --backend qemu-s390x)\n"
	"  --model     CPU model Bochs offers L1: haswell (default), skylake (Intel, L1 on VMX)\n"
	"              or ryzen (AMD, L1 on SVM)\n"
	"  -j N        jobs (boots) in parallel, scenarios split round-robin (default 1)\n"
	"  --timeout   host wall-clock limit per job in seconds (default 300)\n"
	"  --iters     measured iterations per scenario, 1-1024 (default: the scenario's)\n"
	"  --results   results root (default results); the run goes to DIR/<run-id>\n"
	"  --image     L1 image (default <nestlab dir>/../l1/l1.elf; --boot efi:\n"
	"              <nestlab dir>/../efi/BOOTX64.EFI)\n"
	"  --break     make NAME's expected exit counts wrong: NAME must FAIL\n"
	"  --tap       TAP version 13 on stdout\n"
	"  --warmup    iterations run before the measurement window, 0-64 (default 8)\n"
	"  --raw       keep every sample: results.json latency.samples (compare needs them)\n"
	"  --inject-delay N  L1 runs N extra instructions on every exit (known answer)\n"
	"  --junit     also write JUnit XML to FILE\n"
	"  --shard I/N run only the I-th of N deterministic parts of the selection\n"
	"  --icount    qemu-tcg, lab-svm: on (default) the TSC counts instructions, repeatably;\n"
	"              off: TCG's host-clock TSC\n"
	"  --boot      bios (default): multiboot; efi: L1's EFI build under OVMF (qemu-tcg,\n"
	"              qemu-kvm, lab-vmx-qemu; NESTLAB_OVMF=FILE or CODE,VARS picks the firmware)\n"
	"  --l0-param  lab-*: load kvm_intel (lab-vmx) or kvm_amd (lab-svm) with these\n"
	"              parameters (ept=0,vpid=0; npt=0,vgif=0); give it several times for a\n"
	"              matrix: one run and results directory per set\n"
	"compare: exit 0 no regression, 1 slower/more exits/broken beyond --threshold\n"
	"(default 2%), 125 not comparable (scenarios, backend or CPU model differ).\n"
	"Exit status: 0 all PASS/SKIP, 1 any FAIL/ERROR/CRASH/TIMEOUT, 2 usage or\n"
	"environment error, 130 interrupted.\n"
	"Environment: NESTLAB_BOCHS=PATH runs PATH instead of bochs; NESTLAB_LAB=DIR uses\n"
	"the lab built in DIR (make lab LAB=DIR LAB_KERNEL=...) instead of build/lab.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("nestlab: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(": see nestlab --help\n", stderr);
	return EXIT_USAGE;
}

static int env_error(const char *msg)
{
	fprintf(stderr, "nestlab: %s\n", msg);
	return EXIT_USAGE;
}

static bool parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
	char *end;
	unsigned long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static int select_or_fail(char **globs, int n, bool all, const struct scenario_info **sel)
{
	const char *unmatched = NULL;
	int k = scenario_select(globs, n, all, sel, &unmatched);

	if (k < 0)
		return -usage_error("no scenario matches '%s' (nestlab list --all shows them)", unmatched);
	return k;
}

static int cmd_list(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "backend", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct scenario_info *sel[scenario_count];
	bool all = false;
	int c, n, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "ah", longopts, NULL)) != -1) {
		if (c == 'a')
			all = true;
		else if (c == 'b')
			scenario_use_arch(backend_arch(optarg));
		else if (c == 'h')
			return fputs(usage_text, stdout), 0;
		else
			return usage_error("unknown option '%s'", argv[optind - 1]);
	}
	n = select_or_fail(argv + optind, argc - optind, all, sel);
	if (n < 0)
		return -n;
	for (i = 0; i < n; i++)
		printf("%-26s %s\n", sel[i]->name, sel[i]->desc);
	return 0;
}

static void on_signal(int sig)
{
	(void)sig;
	runner_stop = 1;
}

static void install_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);	/* a closed stdout must not lose results.json */
}

/* The source tree (for the git revision): <nestlab dir>/../.. when it has l1/scenarios.def. */
static char *find_srcdir(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32], *dir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n < 0)
		return NULL;
	exe[n] = '\0';
	dir = dirname(exe);
	snprintf(probe, sizeof(probe), "%s/../../l1/scenarios.def", dir);
	if (access(probe, R_OK))
		return NULL;
	snprintf(probe, sizeof(probe), "%s/../..", dir);
	return realpath(probe, NULL);
}

/* --boot efi: a PE32+ EFI application, by default the one make builds beside l1.elf. */
static int check_efi_image(struct run_opts *o, const char *given, char *abs)
{
	char def[PATH_MAX];
	const char *path = given;
	int e;

	if (!path) {
		if (efi_image_default(def, sizeof(def)))
			return env_error("cannot find the nestlab binary's directory: pass --image PATH");
		path = def;
	}
	if (!realpath(path, abs)) {
		fprintf(stderr, "nestlab: EFI image %s not found: run make (it needs gnu-efi)%s\n", path,
			given ? "" : ", or pass --image PATH");
		return EXIT_USAGE;
	}
	e = image_efi_app(abs);
	if (e == -ENOEXEC) {
		fprintf(stderr, "nestlab: %s is not an x86-64 EFI application: with --boot efi pass the image "
			"make builds (build/efi/BOOTX64.EFI)\n", abs);
		return EXIT_USAGE;
	}
	if (e) {
		fprintf(stderr, "nestlab: cannot read EFI image %s: %s: check --image\n", abs, strerror(-e));
		return EXIT_USAGE;
	}
	o->image = abs;
	return 0;
}

static int check_image(struct run_opts *o, const char *given, char *abs)
{
	char def[PATH_MAX];
	const char *path = given;
	int e;

	if (o->be->check_image)
		return o->be->check_image(o, given, abs) ? EXIT_USAGE : 0;
	if (o->boot_efi)
		return check_efi_image(o, given, abs);
	if (!path) {
		if (image_default(def, sizeof(def)))
			return env_error("cannot find the nestlab binary's directory: pass --image PATH");
		path = def;
	}
	if (!realpath(path, abs)) {
		fprintf(stderr, "nestlab: L1 image %s not found: run make%s\n", path,
			given ? "" : ", or pass --image PATH");
		return EXIT_USAGE;
	}
	e = image_multiboot(abs, &o->multiboot);
	if (e == -ENOEXEC) {
		fprintf(stderr, "nestlab: %s has no Multiboot header: pass the L1 image make builds (build/l1/l1.elf)\n",
			abs);
		return EXIT_USAGE;
	}
	if (e) {
		fprintf(stderr, "nestlab: cannot read L1 image %s: %s: check --image\n", abs, strerror(-e));
		return EXIT_USAGE;
	}
	o->image = abs;
	return 0;
}

static int choose_backend(struct run_opts *o, const char *name)
{
	struct diag why = { "", "" }, note = { "", "" };

	if (!strcmp(name, "auto")) {
		if (backend_auto(o, &why, &note))
			return env_error(why.msg);
		fprintf(stderr, "nestlab: %s\n", note.msg);
	} else {
		o->be = backend_find(name);
		if (!o->be)
			return usage_error("unknown backend '%s' (this nestlab has: kvm, bochs, lab-vmx, lab-vmx-qemu, lab-svm, lab-svm-qemu, qemu-kvm, qemu-tcg, qemu-s390x, auto)", name);
		/* Never a silent BIOS boot instead: the EFI suite would look run when it was not. */
		if (o->boot_efi && !o->be->efi)
			return usage_error("--boot efi: the %s back end cannot boot UEFI firmware (OVMF runs "
					   "under QEMU): use --backend qemu-tcg, qemu-kvm or lab-vmx-qemu, or --boot bios",
					   o->be->name);
		if (o->be->probe(o, &why))
			return env_error(why.msg);
	}
	if (why.note[0])
		fprintf(stderr, "nestlab: warning: %s\n", why.note);
	return 0;
}

static int finish_run(struct run *r)
{
	struct diag why = { "", "" };
	struct summary sum;
	char *path = NULL;
	size_t i;
	int rc;

	if (results_write(r, &why))
		fprintf(stderr, "nestlab: %s\n", why.msg);
	else if (asprintf(&path, "%s/results.json", r->dir) < 0)
		path = NULL;
	output_summary(r, path);
	free(path);
	if (r->o->junit && junit_write_run(r) && !why.msg[0])
		snprintf(why.msg, sizeof(why.msg), "cannot write %s", r->o->junit);
	for (i = 0; i < r->env.nwarnings && i < WARNINGS_SHOWN; i++)
		fprintf(stderr, "nestlab: warning: %s\n", r->env.warnings[i]);
	if (r->env.nwarnings > WARNINGS_SHOWN)
		fprintf(stderr, "nestlab: warning: %zu more in %s/summary.txt\n",
			r->env.nwarnings - WARNINGS_SHOWN, r->dir);
	summary_count(r, &sum);
	rc = sum.passed + sum.skipped == sum.total ? EXIT_OK : EXIT_FAILED;
	if (r->env_failed)
		rc = env_error(r->why.msg);
	else if (why.msg[0])
		rc = EXIT_USAGE;
	if (r->interrupted)
		rc = EXIT_INTERRUPTED;
	return rc;
}

#define L0_PARAM_SETS 8
static bool l0_param_valid(const char *s);

static int cmd_run(int argc, char **argv)
{
	enum { OPT_BACKEND = 256, OPT_MODEL, OPT_TIMEOUT, OPT_ITERS, OPT_RESULTS, OPT_IMAGE,
	       OPT_BREAK, OPT_TAP, OPT_ALL, OPT_REGRESS, OPT_L0_PARAM };
	static const struct option longopts[] = {
		{ "backend", required_argument, NULL, OPT_BACKEND },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "iters", required_argument, NULL, OPT_ITERS },
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "image", required_argument, NULL, OPT_IMAGE },
		{ "break", required_argument, NULL, OPT_BREAK },
		{ "tap", no_argument, NULL, OPT_TAP },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "l0-param", required_argument, NULL, OPT_L0_PARAM },
		{ "warmup", required_argument, NULL, OPT_REGRESS },	/* l0/runopt.c */
		{ "raw", no_argument, NULL, OPT_REGRESS },
		{ "inject-delay", required_argument, NULL, OPT_REGRESS },
		{ "junit", required_argument, NULL, OPT_REGRESS },
		{ "shard", required_argument, NULL, OPT_REGRESS },
		{ "icount", required_argument, NULL, OPT_REGRESS },
		{ "boot", required_argument, NULL, OPT_REGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct run_opts o = { .model = "haswell", .jobs = 1, .timeout_s = 300, .results = "results" };
	const struct scenario_info *sel[scenario_count];
	const char *backend = "auto", *image = NULL;
	char image_abs[PATH_MAX];
	struct diag why = { "", "" };
	struct run r;
	bool all = false;
	int c, n, i, rc, li = 0, worst = 0;
	const char *l0_params[L0_PARAM_SETS];
	unsigned nparams = 0, k;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:h", longopts, &li)) != -1) {
		switch (c) {
		case OPT_BACKEND:
			backend = optarg;
			break;
		case OPT_MODEL:
			if (strcmp(optarg, "haswell") && strcmp(optarg, "skylake") && strcmp(optarg, "ryzen"))
				return usage_error("unknown --model '%s' (haswell, skylake or ryzen)", optarg);
			o.model = optarg;
			break;
		case 'j':
			if (!parse_uint(optarg, 1, 64, &o.jobs))
				return usage_error("-j wants a number of jobs from 1 to 64, not '%s'", optarg);
			break;
		case OPT_TIMEOUT:
			if (!parse_uint(optarg, 1, 86400, &o.timeout_s))
				return usage_error("--timeout wants seconds from 1 to 86400, not '%s'", optarg);
			break;
		case OPT_ITERS:
			if (!parse_uint(optarg, 1, 1024, &o.iters))
				return usage_error("--iters wants a number from 1 to 1024, not '%s'", optarg);
			break;
		case OPT_RESULTS:
			o.results = optarg;
			break;
		case OPT_IMAGE:
			image = optarg;
			break;
		case OPT_BREAK:
			o.break_name = optarg;
			break;
		case OPT_TAP:
			o.tap = true;
			break;
		case OPT_REGRESS:
			if ((rc = runopt_parse(longopts[li].name, optarg, &o)))
				return rc;
			break;
		case OPT_ALL:
			all = true;
			break;
		case OPT_L0_PARAM:
			if (nparams == L0_PARAM_SETS || !l0_param_valid(optarg))
				return usage_error("--l0-param wants name=value[,name=value...] (at most 8 sets), "
						   "e.g. ept=0,vpid=0, not '%s'", optarg);
			l0_params[nparams++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return usage_error("option '%s' wants a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	scenario_use_arch(backend_arch(backend));
	n = select_or_fail(argv + optind, argc - optind, all, sel);
	if (n > 0 && o.shard_n)
		n = shard_select(sel, n, o.shard_i, o.shard_n);
	if (n < 0)
		return -n;
	if (o.break_name) {
		for (i = 0; i < n && strcmp(sel[i]->name, o.break_name); i++)
			;
		if (i == n)
			return usage_error("--break '%s' names no selected scenario", o.break_name);
	}
	o.colour = !o.tap && isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
		   !(getenv("TERM") && !strcmp(getenv("TERM"), "dumb"));
	rc = choose_backend(&o, backend);
	if (!rc)
		rc = check_image(&o, image, image_abs);
	if (rc)
		return rc;
	if (nparams && !o.be->l0_params)
		return usage_error("--l0-param needs a lab back end (lab-vmx, lab-svm), which loads KVM with them; "
				   "on a host, reload the module yourself (modprobe -r kvm_intel; modprobe kvm_intel "
				   "nested=1 %s)", l0_params[0]);
	o.srcdir = find_srcdir();

	install_signals();
	/* A matrix: one whole run, with its own results directory, per --l0-param set. */
	for (k = 0; k < (nparams ? nparams : 1); k++) {
		o.l0_params = nparams ? l0_params[k] : NULL;
		if (nparams)
			fprintf(stderr, "nestlab: L0 parameters %s (%u of %u)\n", o.l0_params, k + 1, nparams);
		if (runner_create(&r, &o, sel, n, &why)) {
			free((char *)o.srcdir);
			return env_error(why.msg);
		}
		runner_execute(&r);
		rc = finish_run(&r);
		runner_free(&r);
		if (rc > worst)
			worst = rc;
		if (rc == EXIT_INTERRUPTED || rc == EXIT_USAGE)
			break;
	}
	free((char *)o.srcdir);
	return worst;
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

static int cmd_table(int argc, char **argv)
{
	int rc;

	if (argc != 2)
		return usage_error("table takes one run directory or results.json%s", "");
	rc = table_print(stdout, argv[1]);
	if (rc == -ENOENT)
		return usage_error("cannot read '%s' as JSON (a run directory or its results.json)", argv[1]);
	if (rc)
		return usage_error("'%s' is not a nestlab results document", argv[1]);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("no command%s", "");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("nestlab %s\n", NESTLAB_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "list"))
		return cmd_list(argc - 1, argv + 1);
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "table"))
		return cmd_table(argc - 1, argv + 1);
	if (!strcmp(argv[1], "e9"))	/* inside the lab only: not in the usage text */
		return e9_copy(argc - 2, argv + 2);
	if (!strcmp(argv[1], "compare"))
		return cmd_compare(argc - 1, argv + 1);
	if (!strcmp(argv[1], "report"))
		return cmd_report(argc - 1, argv + 1);
	if (!strcmp(argv[1], "merge"))
		return cmd_merge(argc - 1, argv + 1);
	return usage_error("unknown command '%s' (list, run or table)", argv[1]);
}
