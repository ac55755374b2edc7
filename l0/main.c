// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab: boots the L1 hypervisor on an L0 and reports what its scenarios saw.
 * Exit status (git bisect run's: l0/sys/exit_status.h): 0 every scenario PASS or
 * SKIP; 1 any FAIL or CRASH (or ERROR/TIMEOUT beside judged verdicts); 125 nothing
 * judged (the back end failed once running, --lab-kernel without KVM, or every
 * scenario ERROR/TIMEOUT); 2 a usage or environment error found before running (one
 * line naming the fix); 130 interrupted.
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
#include "l0/kvm/migrate_plan.h"
#include "l0/backend/efi.h"
#include "l0/backend/image.h"
#include "l0/run/attribute.h"
#include "l0/run/coverage.h"
#include "l0/run/output.h"
#include "l0/run/results.h"
#include "l0/run/runner.h"
#include "l0/run/scenario.h"
#include "l0/regress/table.h"
#include "l0/regress/verdicts.h"
#include "l0/regress/commands.h"
#include "l0/regress/junit.h"
#include "l0/regress/kcidb.h"
#include "l0/run/runopt.h"
#include "l0/regress/shard.h"
#include "l0/sys/build_id.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/proc.h"

#define WARNINGS_SHOWN 5

static void usage(FILE *f)
{
	fputs("usage: nestlab list [--all] [--backend NAME] [GLOB...]\n", f);
	runopt_synopsis(f);
	fputs("       nestlab table RESULTS   (a run directory or results.json: Markdown table)\n"
	      "       nestlab compare [--threshold PCT] [--resamples N] [--seed N]\n"
	      "                       [--confidence 90|95|99] BASE NEW   (runs or results.json)\n"
	      "       nestlab report RUN [BASE]   (gnuplot SVG and PNG plots into RUN/plots)\n"
	      "       nestlab merge OUT RUN...    (one results.json in OUT from shards or runs)\n"
	      "       nestlab verdicts [--only PREFIX]... LABEL=RUN...   (verdicts side by side,\n"
	      "                       a Markdown table per family, and where they differ)\n"
	      "\n"
	      "GLOBs are shell patterns over scenario names (cpuid/exit, 'apic/*'); none: the\n"
	      "default suite, every scenario but the opt-in debug/ and unsafe/ (unsafe/: KVM fix\n"
	      "reproducers that crash or write the host on an unfixed kernel); those are selected\n"
	      "only by a GLOB starting with their family, or with --all.\n"
	      "run's options (a range: the numbers it takes):\n", f);
	runopt_usage(f);
	fputs("compare: exit 0 no regression, 1 slower/more exits/broken beyond --threshold\n"
	      "(default 2%), 125 not comparable (scenarios, backend or CPU model differ).\n"
	      "Exit status (git bisect run's): 0 all PASS/SKIP, 1 any FAIL/CRASH (or ERROR/TIMEOUT\n"
	      "beside judged verdicts), 125 nothing judged (the lab or emulator failed once\n"
	      "running, --lab-kernel without KVM, or every scenario ERROR/TIMEOUT), 2 usage or\n"
	      "environment error found before running (a --shard that selects no scenario\n"
	      "included), 130 interrupted.\n"
	      "       nestlab bisect ... KERNEL... -- GLOB...   (nestlab bisect --help)\n"
	      "       nestlab kernels   (packaged kernels apt offers, in version order)\n"
	      "Environment: NESTLAB_BOCHS=PATH runs PATH instead of bochs; NESTLAB_LAB=DIR uses\n"
	      "the lab built in DIR (make lab LAB=DIR LAB_KERNEL=...) instead of build/lab.\n", f);
}

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
		else if (c == 'b' && strcmp(optarg, "auto") && !backend_find(optarg))
			return usage_error("list --backend: no back end '%s' (nestlab --help names them)", optarg);
		else if (c == 'b')
			scenario_use_arch(backend_arch(optarg));
		else if (c == 'h')
			return usage(stdout), 0;
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

	proc_set_stop(&runner_stop);	/* waits for child processes serve Ctrl-C too */
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

/* The back end, probed; what it would say besides goes to notes, printed once the run starts. */
static int choose_backend(struct run_opts *o, const char *name, struct diag *notes)
{
	struct diag why = { "", "" }, note = { "", "" };

	if (!strcmp(name, "auto")) {
		if (backend_auto(o, &why, &note))
			return env_error(why.msg);
		snprintf(notes->msg, sizeof(notes->msg), "%s", note.msg);
	} else {
		o->be = backend_find(name);	/* a name of the table: runopt_parse checked it */
		/* Never a silent BIOS boot instead: the EFI suite would look run when it was not. */
		if (o->boot_efi && !o->be->efi)
			return usage_error("--boot efi: the %s back end cannot boot UEFI firmware (OVMF runs "
					   "under QEMU): use --backend qemu-tcg, qemu-kvm or lab-vmx-qemu, or --boot bios",
					   o->be->name);
		int e = o->be->probe(o, &why);

		if (e == -ENOPKG)	/* --lab-kernel without KVM: not a usage error (git bisect) */
			return env_error(why.msg), EXIT_NO_KVM;
		if (e)
			return env_error(why.msg);
	}
	snprintf(notes->note, sizeof(notes->note), "%s", why.note);
	return 0;
}

/* git bisect run's statuses (l0/sys/exit_status.h): good, bad, or nothing judged. */
static int run_status(const struct summary *sum)
{
	if (sum->passed + sum->skipped == sum->total)
		return EXIT_OK;
	if (sum->failed || sum->crashed || sum->passed || sum->skipped)
		return EXIT_FAILED;
	return EXIT_UNTESTABLE;	/* every scenario ERROR or TIMEOUT */
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
	if (r->o->kcidb && kcidb_write_run(r) && !why.msg[0])
		snprintf(why.msg, sizeof(why.msg), "cannot write %s", r->o->kcidb);
	for (i = 0; i < r->env.nwarnings && i < WARNINGS_SHOWN; i++)
		fprintf(stderr, "nestlab: warning: %s\n", r->env.warnings[i]);
	if (r->env.nwarnings > WARNINGS_SHOWN)
		fprintf(stderr, "nestlab: warning: %zu more in %s/summary.txt\n",
			r->env.nwarnings - WARNINGS_SHOWN, r->dir);
	summary_count(r, &sum);
	rc = run_status(&sum);
	if (r->env_failed) {
		env_error(r->why.msg);
		rc = EXIT_UNTESTABLE;	/* the back end failed once running: cannot test */
	}
	else if (why.msg[0])
		rc = EXIT_USAGE;
	if (r->interrupted)
		rc = EXIT_INTERRUPTED;
	return rc;
}

static int cmd_run(int argc, char **argv)
{
	struct option longopts[RUNOPT_COUNT + 2];
	char shortopts[2 * RUNOPT_COUNT + 3];
	struct run_opts o = { .model = "haswell", .jobs = 1, .timeout_s = 300, .results = "results" };
	struct run_cli cli = { .backend = "auto" };
	const struct scenario_info *sel[scenario_count];
	char image_abs[PATH_MAX], modules_abs[PATH_MAX], kernel_abs[PATH_MAX], shard[32];
	struct diag why = { "", "" }, notes = { "", "" };
	struct run r;
	struct migrate_plan plan;
	int c, n, i, rc, worst = 0;
	unsigned k;

	runopt_longopts(longopts);
	runopt_shortopts(shortopts);
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h')
			return usage(stdout), 0;
		if (c == ':')
			return usage_error("option '%s' wants a value", argv[optind - 1]);
		if (runopt_of(c) == RUNOPT_COUNT)
			return usage_error("unknown option '%s'", argv[optind - 1]);
		if (runopt_parse(runopt_of(c), optarg, &o, &cli, &why))
			return usage_error("%s", why.msg);
	}
	scenario_use_arch(backend_arch(cli.backend));
	n = select_or_fail(argv + optind, argc - optind, cli.all, sel);
	if (n > 0 && o.shard_n && !(n = shard_select(sel, n, o.shard_i, o.shard_n))) {
		snprintf(shard, sizeof(shard), "%u/%u", o.shard_i, o.shard_n);
		return usage_error("--shard %s selects no scenario (fewer scenarios than shards): use fewer shards",
				   shard);
	}
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
	if (o.kvm_modules && !realpath(o.kvm_modules, modules_abs))
		return usage_error("--kvm-modules %s: no such directory: name the one scripts/kvm-modules wrote",
				   o.kvm_modules);
	if (o.kvm_modules)
		o.kvm_modules = modules_abs;
	if (o.lab_kernel && !realpath(o.lab_kernel, kernel_abs))
		return usage_error("--lab-kernel %s: no such file or directory: name a kernel build tree or a bzImage",
				   o.lab_kernel);
	if (o.lab_kernel)
		o.lab_kernel = kernel_abs;
	rc = choose_backend(&o, cli.backend, &notes);
	if (!rc)
		rc = check_image(&o, cli.image, image_abs);
	if (rc)
		return rc;	/* one line: the error, not what auto chose before it */
	if (cli.nparams && !o.be->l0_params)
		return usage_error("--l0-param needs a lab back end (lab-vmx, lab-svm), which loads KVM with them; "
				   "on a host, reload the module yourself (modprobe -r kvm_intel; modprobe kvm_intel "
				   "nested=1 %s)", cli.l0_params[0]);
	if (o.lab_kernel && !o.be->l0_params)
		return usage_error("--lab-kernel needs a lab back end (lab-vmx, lab-vmx-qemu, lab-svm, lab-svm-qemu), "
				   "which boots it in an emulator: %s", o.lab_kernel);
	if (o.migrate && !o.be->migrate)
		return usage_error("--migrate needs KVM as L0 (--backend kvm, qemu-kvm or a lab): %s "
				   "has no migration to drive", o.be->name);
	if (o.migrate && !migrate_plan_parse(o.migrate, &plan))
		return usage_error("--migrate wants every-exit, every=N (N from 1), random:SEED or at=N, not '%s'",
				   o.migrate);
	if (o.migrate && !strncmp(o.migrate, "at=", 3) && strstr(o.be->name, "qemu"))
		return usage_error("--migrate at=N counts the exits nestlab's own VMM sees (kvm, lab-vmx, lab-svm); "
				   "under %s use every=N or random:SEED", o.be->name);
	if (o.kvm_modules && !o.be->l0_params)
		return usage_error("--kvm-modules needs a lab back end (lab-vmx, lab-svm), which loads KVM itself; "
				   "on a host, insmod %s/kvm.ko and kvm-intel.ko or kvm-amd.ko yourself", o.kvm_modules);
	if (notes.msg[0])
		fprintf(stderr, "nestlab: %s\n", notes.msg);
	if (notes.note[0])
		fprintf(stderr, "nestlab: warning: %s\n", notes.note);
	o.srcdir = find_srcdir();

	install_signals();
	/* A matrix: one whole run, with its own results directory, per --l0-param set. */
	for (k = 0; k < (cli.nparams ? cli.nparams : 1); k++) {
		o.l0_params = cli.nparams ? cli.l0_params[k] : NULL;
		if (cli.nparams)
			fprintf(stderr, "nestlab: L0 parameters %s (%u of %u)\n", o.l0_params, k + 1, cli.nparams);
		if (runner_create(&r, &o, sel, n, &why)) {
			free((char *)o.srcdir);
			return env_error(why.msg);
		}
		r.defer_fails = attribute_wanted(&o);
		runner_execute(&r);
		if (r.defer_fails)
			attribute_run(&r);
		if (o.coverage) {
			coverage_report(&r);
			coverage_kvm_report(&r);
		}
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

static int cmd_table(int argc, char **argv)
{
	struct diag why;

	if (argc != 2)
		return usage_error("table takes one run directory or results.json%s", "");
	if (table_print(stdout, argv[1], &why))
		return env_error(why.msg);
	return 0;
}

static int cmd_e9(int argc, char **argv)
{
	return e9_copy(argc - 1, argv + 1);
}

/* The commands, each given argv from its own name on; hidden: not in the usage text. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	bool hidden;
} commands[] = {
	{ "list", cmd_list, false },
	{ "run", cmd_run, false },
	{ "table", cmd_table, false },
	{ "compare", cmd_compare, false },
	{ "report", cmd_report, false },
	{ "merge", cmd_merge, false },
	{ "verdicts", verdicts_main, false },
	{ "bisect", cmd_bisect, false },
	{ "kernels", cmd_kernels, false },
	{ "e9", cmd_e9, true },		/* inside the lab only */
};

int main(int argc, char **argv)
{
	char msg[300];
	size_t i, len, shown = 0, nshown = 0;

	if (argc < 2)
		return usage_error("no command%s", "");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return usage(stdout), 0;
	if (!strcmp(argv[1], "--version")) {
		printf("nestlab %s build %s\n", NESTLAB_VERSION, nestlab_build_id ? nestlab_build_id() : "none");
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
		nshown += !commands[i].hidden;
	}
	/* "unknown command 'x' (list, run, table, compare, report or merge)" */
	len = snprintf(msg, sizeof(msg), "unknown command '%s' (", argv[1]);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]) && len < sizeof(msg); i++) {
		if (commands[i].hidden)
			continue;
		shown++;
		len += snprintf(msg + len, sizeof(msg) - len, "%s%s", shown == 1 ? "" : shown == nshown ? " or " : ", ",
				commands[i].name);
	}
	if (len < sizeof(msg))
		snprintf(msg + len, sizeof(msg) - len, ")");
	return usage_error("%s", msg);
}
