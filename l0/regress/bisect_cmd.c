// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab bisect KERNEL... -- GLOB...: each step builds (or reuses) a lab for one kernel
 * in a LAB directory of its own (make lab LAB=dir LAB_KERNEL=kernel) and runs
 * `nestlab run` there (NESTLAB_LAB=dir); bisect.c picks the steps. Prints the pair and
 * writes DIR/bisect.json. nestlab kernels: the packaged kernels apt offers, in version
 * order (bookworm's 6.1.0-NN-cloud and the 6.12 backports).
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "l0/regress/bisect.h"
#include "l0/regress/commands.h"
#include "l0/sys/diag.h"
#include "l0/sys/exit_status.h"
#include "l0/sys/json.h"
#include "l0/sys/proc.h"

#define MAX_KERNELS 64
#define MAX_SCN 256
#define STEP_TIMEOUT_MS (6 * 3600 * 1000)

struct step {
	const char *kernel;
	char label[128];		/* the kernel's name: package, .deb or tree basename */
	char run_dir[PATH_MAX];
	int rc;				/* nestlab run's exit status; -1 not run */
	struct bisect_scn scn[MAX_SCN];
	size_t nscn;
	char why[256];
};

static volatile sig_atomic_t bisect_stop;

static void on_stop(int sig)
{
	(void)sig;
	bisect_stop = 1;
}

static void install_stop_signals(void)
{
	struct sigaction sa = { .sa_handler = on_stop };

	proc_set_stop(&bisect_stop);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static int usage_err(const char *msg)
{
	fprintf(stderr, "nestlab: bisect: %s: see nestlab bisect --help\n", msg);
	return EXIT_USAGE;
}

static void bisect_usage(FILE *f)
{
	fputs("usage: nestlab bisect [--backend lab-svm|lab-vmx] [--threshold PCT] [--results DIR]\n"
	      "                      [--labs DIR] [--iters N] [--timeout S] [--l0-param P]\n"
	      "                      KERNEL... -- GLOB...\n"
	      "KERNELs oldest first: package names (nestlab kernels lists them), .deb files,\n"
	      "kernel build trees or bzImages. Each step builds (or reuses) LABS/<kernel> with\n"
	      "make lab and runs the GLOBs there; a tree or bzImage goes to run --lab-kernel.\n"
	      "Without --threshold: the first kernel where a verdict differs from the first\n"
	      "kernel's; with it: where a median moves by more than PCT percent.\n"
	      "Writes DIR/bisect.json (default results/bisect-<time>). Exit: 0 the pair found,\n"
	      "1 no change along the list, 125 an end could not be tested, 2 usage.\n"
	      "       nestlab kernels   (the packaged kernels apt offers, in version order)\n", f);
}

/* The source tree (make lab runs there): <nestlab dir>/../.. holding l1/scenarios.def. */
static int srcdir(char *out, size_t size)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n < 0)
		return -errno;
	exe[n] = '\0';
	snprintf(probe, sizeof(probe), "%s/../../l1/scenarios.def", dirname(exe));
	if (access(probe, R_OK))
		return -ENOENT;
	snprintf(probe, sizeof(probe), "%s/../..", exe);
	return realpath(probe, out) && strlen(out) < size ? 0 : -ENOENT;
}

static void kernel_label(const char *kernel, char *out, size_t size)
{
	char tmp[PATH_MAX], *b, *dot;

	snprintf(tmp, sizeof(tmp), "%s", kernel);
	while (strlen(tmp) > 1 && tmp[strlen(tmp) - 1] == '/')
		tmp[strlen(tmp) - 1] = '\0';
	b = basename(tmp);
	dot = strstr(b, ".deb");
	if (dot && !dot[4])
		*dot = '\0';
	snprintf(out, size, "%s", b);
}

static int read_step(struct step *s)
{
	char path[PATH_MAX + 32];
	struct diag why = { "", "" };
	json_object *doc, *scns;
	size_t i, n;

	snprintf(path, sizeof(path), "%s/results.json", s->run_dir);
	doc = json_load_results(path, &why);
	if (!doc)
		return -ENOENT;
	scns = json_get(doc, "scenarios");
	n = scns ? json_object_array_length(scns) : 0;
	for (i = 0; i < n && s->nscn < MAX_SCN; i++) {
		json_object *o = json_object_array_get_idx(scns, i), *lat = json_get(o, "latency");
		struct bisect_scn *b = &s->scn[s->nscn++];
		const char *name = json_str(o, "name"), *v = json_str(o, "verdict");

		snprintf(b->name, sizeof(b->name), "%s", name ? name : "?");
		snprintf(b->verdict, sizeof(b->verdict), "%s", v ? v : "?");
		b->median = 0;
		if (lat)
			json_u64(lat, "median", &b->median);
	}
	json_object_put(doc);
	return 0;
}

/* A kernel build tree or a bzImage (nestlab run --lab-kernel), not a package or a .deb. */
static bool own_kernel(const char *kernel)
{
	size_t n = strlen(kernel);
	struct stat st;

	if (stat(kernel, &st))
		return false;	/* a package name */
	return S_ISDIR(st.st_mode) || n < 4 || strcmp(kernel + n - 4, ".deb");
}

struct bisect_opts {
	const char *backend, *results, *labs, *iters, *timeout, *l0_param;
	double threshold;
	char src[PATH_MAX];
};

/* make lab, then nestlab run; the run's own directory is the newest under step_dir. */
static int run_step(const struct bisect_opts *o, struct step *s, char **globs, int nglobs, int idx)
{
	char lab[PATH_MAX + 160], labarg[PATH_MAX + 200], karg[PATH_MAX + 16], dir[PATH_MAX + 200];
	char log[PATH_MAX + 220], self[PATH_MAX], cmd[PATH_MAX * 3];
	char *argv[32 + 64];
	int a = 0, i, status, e;
	ssize_t n;
	pid_t pid;

	bool own = own_kernel(s->kernel);

	/* A package or .deb: a lab of its own. A tree or bzImage (run --lab-kernel): the
	 * packaged lab's initramfs, shared, with the kernel given to run. */
	snprintf(lab, sizeof(lab), "%s/%s", o->labs, own ? "lab-kernel-base" : s->label);
	snprintf(dir, sizeof(dir), "%s/step-%d-%s", o->results, idx, s->label);
	mkdir(dir, 0755);
	snprintf(log, sizeof(log), "%s/lab-build.log", dir);
	snprintf(labarg, sizeof(labarg), "LAB=%s", lab);
	snprintf(karg, sizeof(karg), "LAB_KERNEL=%s", own ? "" : s->kernel);
	{
		char *mk[] = { "make", "--no-print-directory", "-C", (char *)o->src, "lab", labarg, karg, NULL };

		fprintf(stderr, "nestlab: bisect: building the lab for %s (%s)\n", s->label, log);
		e = proc_spawn(mk, NULL, log, &pid);
		if (!e)
			e = proc_wait(pid, STEP_TIMEOUT_MS, &status);
		if (e || !WIFEXITED(status) || WEXITSTATUS(status)) {
			snprintf(s->why, sizeof(s->why), "make lab failed (see lab-build.log)");
			s->rc = EXIT_UNTESTABLE;
			return 0;
		}
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0)
		return -errno;
	self[n] = '\0';
	if (n > 10 && !strcmp(self + n - 10, " (deleted)"))
		self[n - 10] = '\0';	/* make relinked it meanwhile: run the new one */
	argv[a++] = self;
	argv[a++] = "run";
	argv[a++] = "--backend";
	argv[a++] = (char *)o->backend;
	argv[a++] = "--results";
	argv[a++] = dir;
	if (o->iters) {
		argv[a++] = "--iters";
		argv[a++] = (char *)o->iters;
	}
	if (o->timeout) {
		argv[a++] = "--timeout";
		argv[a++] = (char *)o->timeout;
	}
	if (o->l0_param) {
		argv[a++] = "--l0-param";
		argv[a++] = (char *)o->l0_param;
	}
	if (own) {
		argv[a++] = "--lab-kernel";
		argv[a++] = (char *)s->kernel;
	}
	for (i = 0; i < nglobs && a < 32 + 63; i++)
		argv[a++] = globs[i];
	argv[a] = NULL;
	snprintf(log, sizeof(log), "%s/run.log", dir);
	setenv("NESTLAB_LAB", lab, 1);
	fprintf(stderr, "nestlab: bisect: running on %s (%s)\n", s->label, log);
	e = proc_spawn(argv, NULL, log, &pid);
	if (!e)
		e = proc_wait(pid, STEP_TIMEOUT_MS, &status);
	unsetenv("NESTLAB_LAB");
	if (e == -EINTR)
		return e;
	s->rc = !e && WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_UNTESTABLE;
	/* the run directory nestlab run made under dir: the newest entry */
	snprintf(cmd, sizeof(cmd), "%s", dir);
	{
		char *ls[] = { "sh", "-c", "ls -td \"$0\"/*/ 2>/dev/null | head -n 1", cmd, NULL };
		char out[PATH_MAX];

		if (!proc_capture(ls, out, sizeof(out), 10000) && out[0]) {
			out[strcspn(out, "\n")] = '\0';
			snprintf(s->run_dir, sizeof(s->run_dir), "%s", out);
			while (strlen(s->run_dir) > 1 && s->run_dir[strlen(s->run_dir) - 1] == '/')
				s->run_dir[strlen(s->run_dir) - 1] = '\0';
		}
	}
	if (!s->run_dir[0] || read_step(s))
		s->nscn = 0;
	return 0;
}

static const char *state_name(enum bisect_state st)
{
	static const char *const names[] = { "untested", "old", "new", "skip" };

	return names[st];
}

static void write_json(const struct bisect_opts *o, const struct bisect *b, struct step *steps,
		       int res, long last_old, long first_new, char **globs, int nglobs)
{
	json_object *doc = json_object_new_object(), *ks = json_object_new_array(),
		    *gs = json_object_new_array();
	char path[PATH_MAX + 32];
	size_t i, j;
	int g;

	json_object_object_add(doc, "backend", json_object_new_string(o->backend));
	json_object_object_add(doc, "mode", json_object_new_string(o->threshold > 0 ? "median" : "verdict"));
	if (o->threshold > 0)
		json_object_object_add(doc, "threshold_pct", json_object_new_double(o->threshold));
	for (g = 0; g < nglobs; g++)
		json_object_array_add(gs, json_object_new_string(globs[g]));
	json_object_object_add(doc, "scenarios", gs);
	for (i = 0; i < b->n; i++) {
		json_object *k = json_object_new_object(), *v = json_object_new_object();

		json_object_object_add(k, "kernel", json_object_new_string(steps[i].label));
		json_object_object_add(k, "state", json_object_new_string(state_name(b->st[i])));
		if (steps[i].rc >= 0) {
			json_object_object_add(k, "exit_status", json_object_new_int(steps[i].rc));
			json_object_object_add(k, "run", json_object_new_string(steps[i].run_dir));
			json_object_object_add(k, "why", json_object_new_string(steps[i].why));
			for (j = 0; j < steps[i].nscn; j++) {
				json_object *s = json_object_new_object();

				json_object_object_add(s, "verdict", json_object_new_string(steps[i].scn[j].verdict));
				if (steps[i].scn[j].median)
					json_object_object_add(s, "median", json_object_new_int64((int64_t)steps[i].scn[j].median));
				json_object_object_add(v, steps[i].scn[j].name, s);
			}
			json_object_object_add(k, "verdicts", v);
		} else {
			json_object_put(v);
		}
		json_object_array_add(ks, k);
	}
	json_object_object_add(doc, "kernels", ks);
	json_object_object_add(doc, "changed", json_object_new_boolean(res == 1));
	if (res == 1) {
		json_object_object_add(doc, "first_new", json_object_new_string(steps[first_new].label));
		json_object_object_add(doc, "last_old", json_object_new_string(last_old >= 0 ? steps[last_old].label : ""));
		json_object_object_add(doc, "change", json_object_new_string(steps[first_new].why));
	}
	snprintf(path, sizeof(path), "%s/bisect.json", o->results);
	json_object_to_file_ext(path, doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	json_object_put(doc);
}

/* "first bad/last good" when the change is PASS -> FAIL; "first good/last bad" for a fix. */
static void print_pair(const struct step *old, const struct step *new)
{
	const char *arrow = strstr(new->why, " -> ");
	bool fixed = arrow && !strncmp(arrow + 4, "PASS", 4);
	bool broke = arrow && (!strncmp(arrow + 4, "FAIL", 4) || !strncmp(arrow + 4, "CRASH", 5));

	if (broke)
		printf("first bad: %s, last good: %s\n", new->label, old ? old->label : "?");
	else if (fixed)
		printf("first good: %s, last bad: %s (a fix)\n", new->label, old ? old->label : "?");
	else
		printf("first changed: %s, last unchanged: %s\n", new->label, old ? old->label : "?");
	printf("change: %s\n", new->why);
}

int cmd_bisect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "backend", required_argument, NULL, 'b' }, { "threshold", required_argument, NULL, 't' },
		{ "results", required_argument, NULL, 'r' }, { "labs", required_argument, NULL, 'l' },
		{ "iters", required_argument, NULL, 'i' }, { "timeout", required_argument, NULL, 'T' },
		{ "l0-param", required_argument, NULL, 'p' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct bisect_opts o = { .backend = "lab-svm" };
	static struct step steps[MAX_KERNELS];
	static char kabs[MAX_KERNELS][PATH_MAX];
	enum bisect_state st[MAX_KERNELS] = { 0 };
	struct bisect b = { 0, st };
	char results[PATH_MAX], labs[PATH_MAX + 32], labs_abs[PATH_MAX], stamp[32], *end;
	int c, nk = 0, nglobs, res, e;
	char **globs = NULL;
	long i, last_old, first_new;
	time_t now = time(NULL);

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'b': o.backend = optarg; break;
		case 't':
			o.threshold = strtod(optarg, &end);
			if (end == optarg || (*end && strcmp(end, "%")) || o.threshold <= 0)
				return usage_err("--threshold wants a percentage above 0 (5 or 5%)");
			break;
		case 'r': o.results = optarg; break;
		case 'l': o.labs = optarg; break;
		case 'i': o.iters = optarg; break;
		case 'T': o.timeout = optarg; break;
		case 'p': o.l0_param = optarg; break;
		case 'h': bisect_usage(stdout); return 0;
		default: return usage_err("unknown option or missing value");
		}
	}
	if (strncmp(o.backend, "lab-", 4))
		return usage_err("--backend must be a lab back end (lab-svm, lab-vmx): each step boots a kernel");
	for (i = optind; i < argc && strcmp(argv[i], "--"); i++)
		nk++;
	if (i == argc || i + 1 == argc)
		return usage_err("name the scenarios after --: nestlab bisect KERNEL... -- GLOB...");
	if (nk < 2 || nk > MAX_KERNELS)
		return usage_err("give 2 to 64 kernels, oldest first");
	globs = argv + i + 1;
	nglobs = argc - (int)i - 1;
	if (srcdir(o.src, sizeof(o.src)))
		return usage_err("cannot find the source tree (make lab runs there): run build/l0/nestlab");
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", localtime(&now));
	if (!o.results) {
		snprintf(results, sizeof(results), "results/bisect-%s", stamp);
		o.results = results;
	}
	if (!o.labs) {
		snprintf(labs, sizeof(labs), "%s/build/bisect-labs", o.src);
		o.labs = labs;
	}
	mkdir(o.results, 0755);
	if (access(o.results, W_OK))
		return usage_err("cannot write the --results directory");
	/* absolute: nestlab run starts the lab from each job's own directory */
	{
		char *mk[] = { "mkdir", "-p", (char *)o.labs, NULL };

		if (proc_run(mk, NULL, NULL, 10000) || !realpath(o.labs, labs_abs))
			return usage_err("cannot create the --labs directory");
		o.labs = labs_abs;
	}
	for (i = 0; i < nk; i++) {
		steps[i].kernel = argv[optind + i];
		/* a .deb or a tree: absolute, make lab runs in the source tree */
		if (!access(steps[i].kernel, F_OK) && realpath(steps[i].kernel, kabs[i]))
			steps[i].kernel = kabs[i];
		steps[i].rc = -1;
		kernel_label(steps[i].kernel, steps[i].label, sizeof(steps[i].label));
	}
	b.n = (size_t)nk;
	install_stop_signals();
	while ((i = bisect_next(&b)) >= 0) {
		struct step *s = &steps[i];

		e = run_step(&o, s, globs, nglobs, (int)i);
		if (e == -EINTR)
			return EXIT_INTERRUPTED;
		if (e)
			return usage_err("cannot run nestlab");
		if (s->rc == EXIT_USAGE || s->rc == EXIT_INTERRUPTED) {
			fprintf(stderr, "nestlab: bisect: nestlab run on %s ended %d: see %s/step-%ld-%s/run.log\n",
				s->label, s->rc, o.results, i, s->label);
			return s->rc;
		}
		if ((s->rc == EXIT_UNTESTABLE && !s->nscn) || s->rc == EXIT_NO_KVM) {	/* 125 both */
			st[i] = BISECT_SKIP;
			if (!s->why[0])
				snprintf(s->why, sizeof(s->why), "cannot test (exit %d)", s->rc);
		} else if (i == 0) {
			st[i] = bisect_judge(s->scn, s->nscn, s->scn, s->nscn, 0, s->why, sizeof(s->why));
			if (st[i] == BISECT_NEW)
				st[i] = BISECT_OLD;
		} else {
			st[i] = bisect_judge(steps[0].scn, steps[0].nscn, s->scn, s->nscn, o.threshold, s->why,
					     sizeof(s->why));
		}
		printf("bisect: %s: %s (%s)\n", s->label, state_name(st[i]), s->why);
		fflush(stdout);
	}
	res = bisect_result(&b, &last_old, &first_new);
	write_json(&o, &b, steps, res, last_old, first_new, globs, nglobs);
	if (res < 0) {
		fprintf(stderr, "nestlab: bisect: the %s kernel could not be tested: see %s\n",
			st[0] == BISECT_SKIP ? "first" : "last", o.results);
		return EXIT_UNTESTABLE;
	}
	if (res == 0) {
		printf("no change from %s to %s\n", steps[0].label, steps[nk - 1].label);
		printf("bisect: %s/bisect.json\n", o.results);
		return EXIT_FAILED;
	}
	print_pair(last_old >= 0 ? &steps[last_old] : NULL, &steps[first_new]);
	if (first_new - last_old > 1)
		printf("(%ld kernels between them could not be tested: the change is in one of them or in %s)\n",
		       first_new - last_old - 1, steps[first_new].label);
	printf("bisect: %s/bisect.json\n", o.results);
	return EXIT_OK;
}

int cmd_kernels(int argc, char **argv)
{
	char *sh[] = { "sh", "-c",
		       "apt-cache search --names-only "
		       "'^linux-image-(6\\.1\\.0-[0-9]+|6\\.12\\.[0-9]+\\+deb12)-cloud-amd64-unsigned$' "
		       "| cut -d' ' -f1 | while read -r p; do "
		       "v=$(apt-cache show \"$p\" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1); "
		       "printf '%s %s\\n' \"$v\" \"$p\"; done | sort -V | awk '{ printf \"%-48s %s\\n\", $2, $1 }'",
		       NULL };
	static char out[1 << 16];
	int e;

	(void)argv;
	if (argc > 1)
		return usage_err("kernels takes no argument");
	e = proc_capture(sh, out, sizeof(out), 60000);
	if (e || !out[0]) {
		fprintf(stderr, "nestlab: kernels: apt-cache lists no linux-image-*-cloud-amd64-unsigned: run apt-get update\n");
		return EXIT_USAGE;
	}
	fputs(out, stdout);
	return 0;
}
