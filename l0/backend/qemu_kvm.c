// SPDX-License-Identifier: GPL-2.0-only
/*
 * qemu-kvm: L1 in QEMU with -accel kvm -cpu host, the way most users run nested guests.
 * QEMU gives no hook at the window's edges, so the l0 counts come from a trace instead of
 * snapshots: while QEMU runs, tracefs records kvm:kvm_exit, kvm:kvm_nested_vmexit and
 * kvm:kvm_pio in the job's own instance, filtered on QEMU's vCPU threads (QMP
 * query-cpus-fast), so jobs at once and other tracefs users are left alone. Afterwards the trace is read in order: writes to COM1 rebuild L1's console
 * (so each window knows its scenario), writes to the control port (0x520) open and close
 * the windows, and the exits in between are counted by reason. The window's records go
 * to the L0's channel (l0.records), which L1 cannot write. Exact by construction: the
 * trace orders every event of the one vCPU.
 * KVM's own counters come over QMP (l0/backend/qmp.c): L1 runs with pause=pvpanic, so QEMU
 * (-action panic=pause) stops the VM at each edge and a monitor process reads
 * `query-stats` before it resumes it. --boot efi boots L1's EFI build through OVMF
 * (l0/backend/efi.c).
 * QEMU runs twice (l0/kvm/l0_pass.h), under a supervisor process that is the job: first the
 * counting pass with the trace on (its console, trace and statistics kept as count-*),
 * then the timing pass with no KVM tracepoint enabled, whose console and statistics the
 * results come from. The two passes' windows pair up in order.
 * --migrate: QEMU's own migration at the points L1 (or L2) asks for, into a new QEMU each
 * time, within each pass (l0/backend/qemu_migrate.h; docs/migration-qemu.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/prctl.h>

#include "l0/backend/backend.h"
#include "l0/backend/efi.h"
#include "l0/kvm/exit_codes.h"
#include "l0/sys/file.h"
#include "l0/kvm/kvm_trace.h"
#include "l0/kvm/trace_instance.h"
#include "l0/kvm/kvm_vm.h"
#include "l0/kvm/l0_window.h"
#include "l0/kvm/l0_pass.h"
#include "l0/run/l1cmd.h"
#include "l0/sys/proc.h"
#include "l0/backend/qmp.h"
#include "l0/backend/qemu_migrate.h"
#include "l0/backend/qemu_migrate_records.h"
#include "l0/run/record.h"
#include "l0/sys/util.h"
#include "x86/ports.h"
#include "x86/vmx.h"

#define TRACEFS		"/sys/kernel/tracing"
#define TRACE_MAX	(512u << 20)
#define COM1		0x3f8
#define WINDOWS_MAX	256
#define QMP_SOCKET	"qmp.sock"
#define QMP_STATS	"qmp-stats.txt"
#define QMP_CONNECT_MS	10000
#define SERIAL		"qemu-serial.log"
#define L0_RECORDS	"l0.records"		/* the L0's channel */
#define COUNT_PREFIX	"count-"		/* the counting pass's files: count-qemu-serial.log ... */
#define COUNT_TRACE	"count-trace.txt"
#define TIMING_COUNTERS	"qmp_query_stats"
#define COUNTING_COUNTERS "tracefs_trace,qmp_query_stats"
/* In the QMP statistics window: the opening control-port OUT (after the opening pause),
 * the closing one, and the closing pvpanic OUT (before the closing pause). */
#define QMP_EDGE_IO_EXITS	3

static char qemu_bin[PATH_MAX];
static struct efi_firmware ovmf;

/* KVM's names for VMX exit reasons (arch/x86/include/uapi/asm/vmx.h) where ours differ. */
static const struct { const char *kvm, *sdm; } kvm_aliases[] = {
	{ "VMOFF", "VMXOFF" }, { "VMON", "VMXON" }, { "INVALID_STATE", "INVALID_GUEST_STATE" },
	{ "MSR_LOAD_FAIL", "MSR_LOADING" }, { "MWAIT_INSTRUCTION", "MWAIT" },
	{ "MONITOR_INSTRUCTION", "MONITOR" }, { "PAUSE_INSTRUCTION", "PAUSE" },
	{ "MCE_DURING_VMENTRY", "MCE_DURING_ENTRY" }, { "EOI_INDUCED", "VIRTUALIZED_EOI" },
};

static int reason_number(const char *name, size_t len)
{
	char n[40];

	if (len >= sizeof(n))
		return -1;
	memcpy(n, name, len);
	n[len] = 0;
	for (size_t i = 0; i < sizeof(kvm_aliases) / sizeof(kvm_aliases[0]); i++)
		if (!strcmp(n, kvm_aliases[i].kvm))
			snprintf(n, sizeof(n), "%s", kvm_aliases[i].sdm);
	for (int r = 0; r < TRACE_REASONS; r++)
		if (!strcmp(vmx_exit_reason_name(r), n))
			return r;
	return -1;
}

static int qemu_kvm_probe(const struct run_opts *o, struct diag *why)
{
	if (proc_find("qemu-system-x86_64", qemu_bin, sizeof(qemu_bin)))
		return diag_set(why, -ENOENT, "qemu-system-x86_64 not found: apt-get install qemu-system-x86");
	if (o->boot_efi && efi_firmware_find(&ovmf, why))
		return -ENOENT;
	if (access(TRACEFS "/events/kvm/kvm_pio/enable", W_OK))
		return diag_set(why, -ENOENT, "no kvm:kvm_pio in %s: mount tracefs there (as root) "
				"and load kvm", TRACEFS);
	return kvm_probe(why);
}

static char *qemu_kvm_version(const struct run_opts *o)
{
	char out[256] = "", *nl, *params = kvm_module_params(), *v;

	(void)o;
	proc_capture((char *[]){ qemu_bin, "--version", NULL }, out, sizeof(out), 10000);
	if ((nl = strchr(out, '\n')))
		*nl = 0;
	v = xasprintf("%s, -accel kvm%s%s", out[0] ? out : "qemu", params ? "; " : "", params ? params : "");
	free(params);
	return v;
}

/*
 * The QMP monitor, a grandchild in QEMU's process group (stopping the job ends it too, and
 * init reaps it): QEMU waits in -S until it has connected (and hook has seen its vCPUs).
 */
static int start_monitor(struct job *j, const struct qmp_hook *hook, struct qmp_migrate *mig)
{
	char *sock = xasprintf("%s/" QMP_SOCKET, j->dir), *stats = xasprintf("%s/" QMP_STATS, j->dir);
	pid_t child = fork();
	int status;

	if (child == 0) {
		pid_t grandchild = fork();

		if (grandchild == 0) {
			setpgid(0, j->pid);
			_exit(qmp_monitor(sock, stats, QMP_CONNECT_MS, hook, mig) ? 1 : 0);
		}
		_exit(grandchild < 0);
	}
	free(sock);
	free(stats);
	if (child < 0)
		return -errno;
	if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -ECHILD;
	return 0;
}

static const char *const traced[] = { "kvm_exit", "kvm_nested_vmexit", "kvm_pio" };

/* The counting pass's events in the job's instance, for its vCPU threads only (QMP's hook). */
static int trace_vcpus(const int *tids, size_t n, void *arg)
{
	const struct trace_instance *ti = arg;
	char filter[QMP_VCPUS_MAX * 24], file[64];
	int e = 0;

	trace_filter_pids(filter, sizeof(filter), tids, n);
	for (size_t i = 0; !e && i < 2 * ARRAY_SIZE(traced); i++) {	/* every filter, then the enables */
		bool enable = i >= ARRAY_SIZE(traced);

		snprintf(file, sizeof(file), "events/kvm/%s/%s", traced[i % ARRAY_SIZE(traced)],
			 enable ? "enable" : "filter");
		e = trace_instance_write(ti, file, enable ? "1" : filter);
	}
	return e;
}

/* The counting pass's trace into the job's dir; an overrun ring leaves an empty file. */
static void trace_keep(struct job *j, struct trace_instance *ti)
{
	char *path = xasprintf("%s/" COUNT_TRACE, j->dir), *trace = NULL, *st = NULL, *file;
	size_t tlen = 0, slen = 0;
	bool full = !ti->dir[0];

	trace_instance_write(ti, "tracing_on", "0");
	for (int cpu = 0; !full; cpu++, free(file)) {
		file = xasprintf("%s/per_cpu/cpu%d/stats", ti->dir, cpu);
		if (file_read(file, 4095, &st, &slen)) {
			full = !cpu;	/* no stats at all: nothing known */
			free(file);
			break;
		}
		/* A full ring drops events: then no count is reported rather than a wrong one. */
		full = !strstr(st, "overrun: 0") ||
		       (strstr(st, "dropped events: ") && !strstr(st, "dropped events: 0"));
		free(st);
	}
	file = xasprintf("%s/trace", ti->dir);
	if (full || file_read(file, TRACE_MAX, &trace, &tlen))
		tlen = 0;
	file_write(path, trace ? trace : "", tlen);
	free(file);
	free(trace);
	free(path);
	trace_instance_remove(ti);
}

static void rename_in(struct job *j, const char *from, const char *to)
{
	char *a = xasprintf("%s/%s", j->dir, from), *b = xasprintf("%s/%s%s", j->dir, COUNT_PREFIX, to);

	rename(a, b);
	free(a);
	free(b);
}

/* One QEMU, in the supervisor's process group (stopping the job ends it too); its exit. */
static int qemu_one(struct job *j, char *const argv[], const char *out, const struct qmp_hook *hook,
		    struct qmp_migrate *mig)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -errno;
	if (!pid) {
		int fd = open(out, O_WRONLY | O_CREAT | (mig->incoming ? O_APPEND : O_TRUNC), 0644);

		prctl(PR_SET_PDEATHSIG, SIGKILL);	/* the supervisor's death ends it */
		if (fd < 0 || chdir(j->dir) || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	if (start_monitor(j, hook, j->o->migrate ? mig : NULL))
		fprintf(stderr, "nestlab: cannot start the QMP monitor\n");
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

/* The last line QEMU wrote (why an incoming QEMU died), into buf. */
static void qemu_last_words(const char *out, char *buf, size_t size)
{
	char *text = NULL, *end, *start;
	size_t len = 0;

	buf[0] = 0;
	if (file_read(out, 1 << 20, &text, &len) || !len)
		goto done;
	for (end = text + len; end > text && (end[-1] == '\n' || end[-1] == '\r'); end--)
		;
	*end = 0;
	start = strrchr(text, '\n');
	snprintf(buf, size, "%s", start ? start + 1 : text);
done:
	free(text);
}

/*
 * A pass: QEMU, and with --migrate a new QEMU for each migration it left (qemu_migrate.h),
 * the same command line taking the file in, until one exits without migrating.
 */
static int qemu_pass(struct job *j, char *const argv[], const char *out, const struct qmp_hook *hook)
{
	struct qmp_migrate mig = { .dir = j->dir, .out = qemu_migrate_out, .in = qemu_migrate_in };
	const char *in[64];
	char why[QEMU_MIGRATE_ERROR_MAX];
	int e = qemu_one(j, argv, out, hook, &mig);

	while (!e && j->o->migrate && qemu_migrate_pending(&mig)) {
		if (qemu_migrate_argv(argv, in, ARRAY_SIZE(in)))
			return -E2BIG;
		e = qemu_one(j, (char *const *)in, out, hook, &mig);
		if (!e && !qemu_migrate_taken(&mig, why, sizeof(why))) {
			if (!why[0]) {	/* it died: QEMU 7.2 exits when it cannot load the stream */
				qemu_last_words(out, why, sizeof(why));
				qemu_migrate_lost(&mig, why);
			}
			fprintf(stderr, "nestlab: qemu-kvm: the new QEMU did not take migration %u in: %s "
				"(run without --migrate to get the verdicts)\n", mig.count, why);
		}
	}
	return e;
}

/*
 * The job's process: the counting pass (unless --count-pass off) traced in the job's own
 * tracefs instance, then the timing pass with no KVM tracepoint enabled.
 */
static int supervise(struct job *j, char *const argv[], const char *out)
{
	j->pid = getpid();
	if (!j->o->count_off) {
		static struct trace_instance ti;
		struct qmp_hook hook = { trace_vcpus, &ti };
		char name[64];

		trace_instance_name(name, sizeof(name), getppid(), j->k);
		if (trace_instance_create(&ti, name) || trace_instance_write(&ti, "buffer_size_kb", "131072"))
			fprintf(stderr, "nestlab: cannot make the tracefs instance %s: no l0 counts\n", name);
		qemu_pass(j, argv, out, ti.dir[0] ? &hook : NULL);
		trace_keep(j, &ti);
		rename_in(j, SERIAL, SERIAL);
		rename_in(j, QMP_STATS, QMP_STATS);
		rename_in(j, QEMU_MIGRATE_LOG, QEMU_MIGRATE_LOG);
	}
	return qemu_pass(j, argv, out, NULL) ? 1 : 0;
}

static int qemu_kvm_start(struct job *j, struct diag *why)
{
	char *cmdline = l1_cmdline(j), *out = xasprintf("%s/qemu.out", j->dir);
	/* OVMF wants more than the 64 MiB L1 needs. */
	char *argv[48] = { qemu_bin, "-accel", "kvm", "-cpu", "host", "-m", j->o->boot_efi ? "256" : "64",
			   "-nodefaults", "-display", "none", "-no-reboot", "-L", "/usr/share/seabios", "-L",
			   "/usr/share/qemu", "-serial", "file:" SERIAL, "-device",
			   "isa-debug-exit,iobase=0xf4,iosize=4", "-device", "pvpanic", "-action", "panic=pause", "-S",
			   "-qmp", "unix:" QMP_SOCKET ",server=on,wait=off" };
	struct efi_boot efi = { .n = 0 };
	size_t n = 0;
	int e = 0;
	pid_t pid;

	while (argv[n])
		n++;
	e = qemu_boot_args(j, &ovmf, cmdline, &efi, argv, &n, why);
	if (e)
		goto out;
	/* Tracing must work before the job starts: the counting pass depends on it. */
	if (!j->o->count_off && access(TRACEFS "/instances", W_OK)) {
		e = -errno;
		diag_set(why, e, "cannot make tracefs instances in %s: %s: run as root with tracefs mounted",
			 TRACEFS, strerror(-e));
		goto out;
	}
	j->console = xasprintf("%s/serial.log", j->dir);
	j->l0_records = xasprintf("%s/" L0_RECORDS, j->dir);
	j->console_raw = xasprintf("%s/" SERIAL, j->dir);	/* capped while QEMU runs */
	j->console_raw_max = SESSION_BYTES_MAX;
	e = proc_fork(&pid);
	if (e) {
		diag_set(why, e, "fork: %s", strerror(-e));
		goto out;
	}
	if (!pid)
		_exit(supervise(j, argv, out));
	j->pid = pid;
out:
	efi_boot_free(&efi);
	free(cmdline);
	free(out);
	return e;
}

struct window {
	char scenario[RECORD_VALUE_MAX + 1];
	struct l0_counters counts;
	unsigned asks;		/* --migrate: L1's pvpanic OUTs inside the window (taken out) */
};

/* "... kvm_pio: pio_write at 0x520 size 4 count 1 val 0x1" */
static bool parse_pio(const char *l, unsigned *port, unsigned long long *val)
{
	const char *p = strstr(l, "kvm_pio: pio_write at ");

	return p && sscanf(p, "kvm_pio: pio_write at %x size %*u count %*u val %llx", port, val) == 2;
}

/*
 * "... kvm_exit: vcpu 0 reason CPUID rip ..." (kvm_nested_vmexit likewise): the counter
 * slot. KVM's SVM names may hold a space ("GP excp"): they end at " rip ".
 */
static int parse_reason(const char *l, const char *event, enum exit_isa isa, const struct kvm_exit_names *svm)
{
	const char *p = strstr(l, event), *r, *end;
	int64_t code;

	if (!p || !(r = strstr(p, " reason ")))
		return -1;
	r += strlen(" reason ");
	if (isa == EXIT_ISA_VMX) {
		end = r + strcspn(r, " ");
		return reason_number(r, end - r);
	}
	end = strstr(r, " rip ");
	code = end ? kvm_trace_name_code(svm, r, end - r) : -1;
	return code < 0 ? -1 : exit_slot(isa, (uint64_t)code);
}

/* Walks the trace: windows in order, each with the scenario the console was in. */
static size_t read_windows(const char *trace, size_t len, struct window *w, size_t max)
{
	static struct kvm_exit_names svm;
	enum exit_isa isa = exit_isa_host();
	struct console_tracker t = { .len = 0 };
	size_t n = 0;
	bool open = false;
	char *copy = xstrndup(trace, len), *save = NULL;
	int last = -1, last_nested = -1;	/* the slots of the last exit counted (kvm_exit, then nested) */

	if (isa == EXIT_ISA_SVM)
		kvm_trace_svm_names(TRACEFS, &svm);	/* none: no exit is counted */

	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		unsigned port;
		unsigned long long val;
		int r;

		if (parse_pio(l, &port, &val)) {
			char c = (char)val;

			if (port == COM1)
				console_track(&t, &c, 1);
			else if (port == PVPANIC_PORT && open && last >= 0 && w[n].counts.exits[last]) {
				w[n].counts.exits[last]--;	/* --migrate's asks are not the scenario's */
				if (last_nested >= 0 && w[n].counts.nested[last_nested])
					w[n].counts.nested[last_nested]--;	/* L2's own (random:) */
				w[n].asks++;
			}
			else if (port == NESTLAB_CTL_PORT && val && !open && n < max) {
				memset(&w[n], 0, sizeof(w[n]));
				snprintf(w[n].scenario, sizeof(w[n].scenario), "%s", t.scenario);
				w[n].counts.have_trace = true;
				w[n].counts.isa = isa;
				open = true;
				last = -1;
			} else if (port == NESTLAB_CTL_PORT && !val && open) {
				open = false;
				n++;
			}
		} else if (open && (r = parse_reason(l, "kvm_nested_vmexit:", isa, &svm)) >= 0) {
			w[n].counts.nested[r]++;
			last_nested = r;
		} else if (open && (r = parse_reason(l, "kvm_exit:", isa, &svm)) >= 0) {
			w[n].counts.exits[r]++;
			last = r;
			last_nested = -1;	/* KVM 6.1 traces kvm_exit first, then kvm_nested_vmexit */
		}
	}
	free(copy);
	return n;
}

/*
 * Edge statistics k (2k opens window k, 2k+1 closes it) of a stats file into open/close;
 * with migrations inside the window, close moved by each (qemu_migrate_records_span).
 */
static void edge_stats(struct job *j, const char *pass, size_t k, struct l0_counters *open,
		       struct l0_counters *close)
{
	char *stats = xasprintf("%s/%s" QMP_STATS, j->dir, pass), *log = xasprintf("%s/%s" QEMU_MIGRATE_LOG, j->dir, pass);

	if (qmp_edge_stats(stats, 2 * k, open) || qmp_edge_stats(stats, 2 * k + 1, close) ||
	    !qemu_migrate_records_span(stats, log, k, close)) {
		open->vcpu.n = open->vm.n = 0;
		close->vcpu.n = close->vm.n = 0;
	}
	close->edge_io_exits = QMP_EDGE_IO_EXITS;
	free(stats);
	free(log);
}

/*
 * Window k's records: the timing pass's KVM statistics from QMP, how it was timed, and the
 * counting pass's exits by reason (trace) with its statistics (to tie the two).
 */
static void write_window(struct job *j, int fd, const char *name, size_t k, const struct l0_counters *trace,
			 unsigned asks)
{
	static struct l0_counters open, close;

	memset(&open, 0, sizeof(open));
	memset(&close, 0, sizeof(close));
	edge_stats(j, "", k, &open, &close);
	close.edge_io_exits += 2 * qemu_migrate_records_asks(k);	/* L1's pvpanic OUTs at each */
	l0_window_write(fd, name, &open, &close, L0_WINDOW_STATS);
	l0_pass_write_timed(fd, name, TIMING_COUNTERS, trace != NULL);
	if (!trace)
		return;
	memset(&open, 0, sizeof(open));
	open.have_trace = true;		/* trace counts start at 0 */
	close = *trace;
	edge_stats(j, COUNT_PREFIX, k, &open, &close);
	close.edge_io_exits += asks;
	l0_window_write(fd, name, &open, &close, L0_WINDOW_EXITS);
	l0_pass_write_count(fd, name, COUNTING_COUNTERS, &open, &close);
}

/*
 * With --count-pass off there is no trace to name the windows: they are the scenarios
 * that reported a latency, in order.
 */
static size_t timed_windows(const char *text, size_t len, struct window *w, size_t max)
{
	static struct record_parsed rp;
	size_t n = 0;

	for (const char *l = text, *next; l < text + len && n < max; l = next + 1) {
		const char *name;

		next = memchr(l, '\n', text + len - l);
		if (!next)
			next = text + len;
		if (record_parse(l, next - l, &rp) == RECORD_OK && !strcmp(rp.type, "latency") &&
		    (name = record_get(&rp, "name"))) {
			memset(&w[n], 0, sizeof(w[n]));
			snprintf(w[n++].scenario, sizeof(w[n].scenario), "%s", name);
		}
	}
	return n;
}

/*
 * L1's console into serial.log as QEMU wrote it, and each window's records, for the
 * scenarios whose `result` record came, into the L0's channel (l0.records), put in place
 * first: the session reads the channel before the console's result records.
 */
static void qemu_kvm_collect(struct job *j)
{
	static struct window w[WINDOWS_MAX];
	static struct record_parsed rp;
	char name[64];
	char *serial = xasprintf("%s/" SERIAL, j->dir), *trace = NULL, *text = NULL;
	char *tmp = xasprintf("%s/" L0_RECORDS ".tmp", j->dir), *path = xasprintf("%s/" COUNT_TRACE, j->dir);
	size_t tlen = 0, len = 0, n = 0;
	FILE *out = NULL;

	trace_instance_name(name, sizeof(name), getpid(), j->k);
	trace_instance_remove_name(name);	/* left by a killed job */
	if (!j->o->count_off && !file_read(path, TRACE_MAX, &trace, &tlen))
		n = read_windows(trace, tlen, w, WINDOWS_MAX);
	if (trace && j->o->migrate)
		qemu_migrate_records_trace(trace, tlen, COM1);
	free(trace);
	if (file_read(serial, SESSION_BYTES_MAX + 1, &text, &len))
		goto done;
	j->console_cut = len > SESSION_BYTES_MAX;
	if (j->o->count_off)
		n = timed_windows(text, len, w, WINDOWS_MAX);
	out = fopen(tmp, "we");
	if (!out)
		goto done;
	qemu_migrate_records_load(j->dir, text, len);
	for (char *l = text, *next; l < text + len; l = next + 1) {
		next = memchr(l, '\n', text + len - l);
		if (!next)
			next = text + len;
		if (record_parse(l, next - l, &rp) == RECORD_OK && !strcmp(rp.type, "result")) {
			const char *name = record_get(&rp, "name");

			for (size_t k = 0; name && k < n; k++)
				if (!strcmp(w[k].scenario, name))
					write_window(j, fileno(out), name, k, j->o->count_off ? NULL : &w[k].counts,
						     w[k].asks);
			if (name && j->o->migrate)
				qemu_migrate_records_write(fileno(out), name, j->o->migrate);
		}
	}
	if (!fclose(out) && !rename(tmp, j->l0_records))
		file_write_atomic(j->console, text, len);
done:
	free(text);
	free(serial);
	free(tmp);
	free(path);
}

static char *qemu_kvm_params(struct job *j)
{
	(void)j;
	return kvm_module_params();
}

const struct backend backend_qemu_kvm = {
	.name = "qemu-kvm",
	.probe = qemu_kvm_probe,
	.version = qemu_kvm_version,
	.start = qemu_kvm_start,
	.stop = backend_stop_group,
	.collect = qemu_kvm_collect,
	.params = qemu_kvm_params,
	.emulator = false,
	.efi = true,
	.migrate = true,	/* QEMU's own migration, at L1's points (qemu_migrate.h) */
};
