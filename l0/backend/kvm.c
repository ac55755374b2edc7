// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kvm back end: L1 in the runner's own VMM on /dev/kvm (l0/kvm/kvm_vm.c). Each job is a
 * child process running one VM; the device model is what L1 touches: the COM1 UART
 * (console and scratch register), the shutdown ports, and the control port through which
 * L1 opens and closes a scenario's measurement window. At each edge the VMM reads KVM's
 * counters and writes the window's differences as records of the scenario to the L0's
 * own channel (l0.records beside the console), which L1 cannot write: the session takes
 * L0 records from there only.
 * The VM runs twice (l0/kvm/l0_pass.h): first a counting pass with the tracefs hist
 * triggers armed, its console and records kept aside (count-serial.log,
 * count-l0.records), then the timing pass with
 * no KVM tracepoint enabled, whose console the runner reads: its samples, its binary
 * stats, and the counting pass's per-reason exits of each scenario. --count-pass off
 * runs the timing pass alone.
 * The VMM also acts (x86/vmm_actor.h): on what L1 or L2 asks on VMM_ACTOR_PORT, and with
 * --migrate at the points its plan picks (l0/kvm/migrate_plan.h), where it moves L1 into a
 * fresh VM and vCPU. KVM's counters then carry on from the old vCPU's, and each window's
 * migrations go to the L0's channel as a `migrate` record.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "l0/backend/backend.h"
#include "l0/sys/file.h"
#include "l0/kvm/kvm_stats.h"
#include "l0/kvm/kvm_trace.h"
#include "l0/kvm/kvm_vm.h"
#include "l0/kvm/l0_pass.h"
#include "l0/kvm/l0_window.h"
#include "l0/kvm/migrate_plan.h"
#include "l0/kvm/vcpu_kick.h"
#include "l0/kvm/vmm_actor.h"
#include "l0/run/l1cmd.h"
#include "l0/sys/proc.h"
#include "l0/run/record.h"
#include "l0/sys/util.h"
#include "lib/record.h"
#include "x86/ports.h"
#include "x86/vmm_actor.h"
#include "x86/vmx.h"

#define GUEST_MEM	(64u << 20)
#define COM1		0x3f8
#define UART_LSR_IDLE	0x60	/* THRE and TEMT: always ready */
#define LCR_DLAB	0x80
#define COUNT_CONSOLE	"count-serial.log"	/* the counting pass's console, in the job's dir */
#define L0_RECORDS	"l0.records"		/* the L0's channel: the timing pass's */
#define COUNT_RECORDS	"count-l0.records"	/* the counting pass's */
#define TIMING_COUNTERS	"kvm_stats"
#define COUNTING_COUNTERS "tracefs_hist,kvm_stats"

struct vmm {
	struct kvm_vm vm;
	int console, l0, log;
	uint8_t lcr, scratch;
	char shutdown[9];
	size_t shutdown_len;
	struct console_tracker track;
	struct kvm_stats vcpu_stats, vm_stats;
	struct kvm_trace trace;
	enum l0_pass pass;
	bool counting;			/* timing pass: a counting pass ran before it */
	struct l0_pass_store counted;	/* timing pass: the counting pass's records */
	bool open;
	struct l0_counters at_open, now;
	unsigned mmio_logged;
	bool done;
	struct vmm_actor actor;
	bool actor_pending;
	uint64_t actor_gpa;
	struct migrate_plan plan;
	const char *plan_text;
	uint64_t carry_vcpu[KVM_STATS_MAX], carry_vm[KVM_STATS_MAX];	/* the old vCPUs' counts */
	uint32_t migrations;		/* the plan's, since the last window closed */
	uint32_t recorded;		/* all migrations (the guest's too) at the last record */
	uint64_t recorded_pages, recorded_ns;
	char migration_last[128];	/* where the last one was */
	char exit_what[64];		/* the exit being handled */
	struct vcpu_kick kick;		/* --migrate random: kicks the vCPU out of KVM_RUN */
};

static void vmm_log(struct vmm *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void vmm_log(struct vmm *m, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(m->log, buf, n) < 0)
		return;
}

static void console_byte(struct vmm *m, char c)
{
	if (write(m->console, &c, 1) == 1)
		console_track(&m->track, &c, 1);
}

/* L1's line console (x86/ports.h): a struct nestlab_console_line at guest-physical gpa. */
static void console_line(struct vmm *m, uint32_t gpa)
{
	struct nestlab_console_line line;

	if ((uint64_t)gpa + sizeof(line) > m->vm.mem_size) {
		if (m->mmio_logged++ < 8)
			vmm_log(m, "L1's console line at %#x is outside its memory", gpa);
		return;
	}
	memcpy(&line, m->vm.mem + gpa, sizeof(line));
	if (line.len > NESTLAB_CONSOLE_LINE)
		line.len = NESTLAB_CONSOLE_LINE;
	if (write(m->console, line.data, line.len) == (ssize_t)line.len)
		console_track(&m->track, line.data, line.len);
}

static void stats_into(const struct kvm_stats *ks, const uint64_t *carry, struct l0_stat_set *set)
{
	uint64_t v[KVM_STATS_MAX];

	set->n = 0;
	if (ks->fd < 0 || kvm_stats_read(ks, v))
		return;
	for (size_t i = 0; i < ks->n; i++)
		l0_stat_add(set, ks->name[i], v[i] + carry[i]);
}

static void snapshot(struct vmm *m, struct l0_counters *c)
{
	stats_into(&m->vcpu_stats, m->carry_vcpu, &c->vcpu);
	stats_into(&m->vm_stats, m->carry_vm, &c->vm);
	l0_counters_trace(c, &m->trace);
	c->edge_io_exits = 1;	/* the closing control-port OUT, taken before this snapshot */
}

/* The migrations since the last record, on the L0's channel: at each of the plan's, and
 * for those the guest asked for when its window closes. */
static void migrate_record(struct vmm *m, const char *name)
{
	struct record r;
	const char *line;

	if (m->actor.migrations == m->recorded || !name[0])
		return;		/* before L1's first scenario: counted in the first one's */
	record_begin(&r, "migrate");
	record_str(&r, "name", name);
	record_str(&r, "plan", m->plan_text ? m->plan_text : "none");
	record_u64(&r, "points", m->migrations);
	record_u64(&r, "migrations", m->actor.migrations - m->recorded);
	record_u64(&r, "pages", m->actor.copied_pages - m->recorded_pages);
	record_u64(&r, "us", (m->actor.ns - m->recorded_ns) / 1000);
	if (m->migrations)
		record_str(&r, "last", m->migration_last);
	m->recorded = m->actor.migrations;
	m->recorded_pages = m->actor.copied_pages;
	m->recorded_ns = m->actor.ns;
	line = record_end(&r);
	if (write(m->l0, line, strlen(line)) < 0)
		vmm_log(m, "cannot write the L0 records: %s", strerror(errno));
	m->migrations = 0;
}

static void port_out(struct vmm *m, uint16_t port, uint32_t val)
{
	if (port == COM1 && !(m->lcr & LCR_DLAB)) {
		console_byte(m, (char)val);
	} else if (port == COM1 + 3) {
		m->lcr = (uint8_t)val;
	} else if (port == COM1 + 7) {
		m->scratch = (uint8_t)val;
	} else if (port == NESTLAB_CTL_PORT) {
		if (val == NESTLAB_CTL_OPEN) {
			snapshot(m, &m->at_open);
			m->open = true;
		} else if (m->open) {
			const char *name = m->track.scenario;

			snapshot(m, &m->now);
			if (m->pass == L0_PASS_COUNTING) {
				l0_window_write(m->l0, name, &m->at_open, &m->now, L0_WINDOW_EXITS);
				l0_pass_write_count(m->l0, name, COUNTING_COUNTERS, &m->at_open, &m->now);
			} else {
				l0_window_write(m->l0, name, &m->at_open, &m->now, L0_WINDOW_STATS);
				l0_pass_write_timed(m->l0, name, TIMING_COUNTERS, m->counting);
				l0_pass_store_write(&m->counted, m->l0, name);
			}
			migrate_record(m, name);
			m->open = false;
		}
	} else if (port == NESTLAB_CONSOLE_PORT) {
		console_line(m, val);
	} else if (port == VMM_ACTOR_PORT) {
		m->actor_pending = true;
		m->actor_gpa = val;
	} else if (port == BOCHS_SHUTDOWN_PORT) {
		if (m->shutdown_len < sizeof(m->shutdown) - 1)
			m->shutdown[m->shutdown_len++] = (char)val;
		m->shutdown[m->shutdown_len] = 0;
		if (!strcmp(m->shutdown, "Shutdown"))
			m->done = true;
	} else if (port == QEMU_DEBUG_EXIT_PORT) {
		m->done = true;
	}
}

static uint32_t port_in(struct vmm *m, uint16_t port)
{
	if (port == VMM_ACTOR_PORT)
		return VMM_ACTOR_MAGIC;
	if (port == COM1 + 5)
		return UART_LSR_IDLE;
	if (port == NESTLAB_CONSOLE_PORT)
		return NESTLAB_CONSOLE_MAGIC;
	if (port == COM1 + 7)
		return m->scratch;
	if (port == COM1 + 3)
		return m->lcr;
	return 0xffffffff;	/* nothing there */
}

static void handle_io(struct vmm *m)
{
	struct kvm_run *run = m->vm.run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;

	for (uint32_t i = 0; i < run->io.count; i++, data += run->io.size) {
		uint32_t v = 0;

		if (run->io.direction == KVM_EXIT_IO_OUT) {
			memcpy(&v, data, run->io.size);
			port_out(m, run->io.port, v);
		} else {
			v = port_in(m, run->io.port);
			memcpy(data, &v, run->io.size);
		}
	}
}

static void stats_reopen(struct vmm *m)
{
	bool had = m->vcpu_stats.fd >= 0;

	kvm_stats_close(&m->vcpu_stats);
	kvm_stats_close(&m->vm_stats);
	if (had && (kvm_stats_open(m->vm.vcpu, &m->vcpu_stats) || kvm_stats_open(m->vm.vm, &m->vm_stats)))
		vmm_log(m, "KVM_GET_STATS_FD on the new VM failed: the counters stop here");
}

/* The stats read before a migration, added once it succeeded. */
static void stats_read_old(struct vmm *m, uint64_t *vcpu, uint64_t *vm)
{
	memset(vcpu, 0, KVM_STATS_MAX * sizeof(*vcpu));
	memset(vm, 0, KVM_STATS_MAX * sizeof(*vm));
	if (m->vcpu_stats.fd >= 0)
		kvm_stats_read(&m->vcpu_stats, vcpu);
	if (m->vm_stats.fd >= 0)
		kvm_stats_read(&m->vm_stats, vm);
}

static void stats_moved(struct vmm *m, const uint64_t *vcpu, const uint64_t *vm)
{
	for (size_t i = 0; i < KVM_STATS_MAX; i++) {
		m->carry_vcpu[i] += vcpu[i];
		m->carry_vm[i] += vm[i];
	}
	stats_reopen(m);
}

/* A migration the plan picked, at exit point m->plan.g.exits. 0, or 1: L1 cannot go on. */
static int plan_migrate(struct vmm *m)
{
	uint64_t vcpu[KVM_STATS_MAX], vm[KVM_STATS_MAX];
	enum vmm_piece piece = VMM_PIECE_REGS;
	uint32_t differs = 0;
	int e;

	stats_read_old(m, vcpu, vm);
	e = vmm_migrate(&m->actor, &m->vm, &piece, &differs);
	snprintf(m->migration_last, sizeof(m->migration_last), "point %llu (%s) in %s",
		 (unsigned long long)m->plan.g.exits, m->exit_what,
		 m->actor.after.nested && (m->actor.after.nested->flags & VMM_NESTED_GUEST_MODE) ? "L2" : "L1");
	if (e) {
		vmm_log(m, "migration at %s failed: %s: %s (--migrate %s reproduces it)", m->migration_last,
			vmm_pieces_text(BIT(piece)), strerror(-e), m->plan_text);
		return 1;
	}
	stats_moved(m, vcpu, vm);
	m->migrations++;
	migrate_record(m, m->track.scenario);	/* now: the scenario may not close its window */
	if (differs) {
		const uint8_t *a = (const void *)&m->actor.before.events, *b = (const void *)&m->actor.after.events;
		size_t at = 0;

		while (at < sizeof(m->actor.before.events) && a[at] == b[at])
			at++;
		vmm_log(m, "migration at %s: the new vCPU reads back differently: %s (events: byte %zu %#x -> %#x) "
			"(--migrate %s)", m->migration_last, vmm_pieces_text(differs), at,
			at < sizeof(m->actor.before.events) ? a[at] : 0, at < sizeof(m->actor.before.events) ? b[at] : 0,
			m->plan_text);
	}
	return 0;
}

/* --migrate random: a timer kicks the vCPU, so that points fall while L2 runs. */
static void kick_start(struct vmm *m)
{
	int e = m->plan.g.kind == GUEST_MIGRATE_RANDOM ? vcpu_kick_start(&m->kick) : 0;

	if (e)
		vmm_log(m, "--migrate %s: no kick timer (%s): points at exits only", m->plan_text, strerror(-e));
	vcpu_kick_arm(&m->kick, migrate_plan_kick_us(&m->plan));
}

/* After an exit: the guest's request, then the plan's migration. 0, or 1 to stop. */
static int after_exit(struct vmm *m)
{
	bool due = m->plan.g.kind != GUEST_MIGRATE_NONE && migrate_plan_due(&m->plan);
	int e;

	if (!m->actor_pending && !due)
		return 0;
	e = vmm_complete_exit(&m->vm);
	if (e) {
		vmm_log(m, "KVM_RUN with immediate_exit: %s", strerror(-e));
		return 1;
	}
	if (m->actor_pending) {
		uint64_t vcpu[KVM_STATS_MAX], vm[KVM_STATS_MAX];
		uint32_t done = m->actor.migrations;

		m->actor_pending = false;
		stats_read_old(m, vcpu, vm);
		vmm_actor_request(&m->actor, &m->vm, m->actor_gpa);
		if (m->actor.migrations != done)	/* it asked for one */
			stats_moved(m, vcpu, vm);
	}
	return due ? plan_migrate(m) : 0;
}

/* 0: L1 powered off; 1: it crashed or KVM gave up (the reason is in kvm.log). */
static int vmm_loop(struct vmm *m)
{
	struct kvm_run *run;

	while (!m->done) {
		run = m->vm.run;	/* a migration gives a new one */
		if (ioctl(m->vm.vcpu, KVM_RUN, 0) < 0) {
			if (errno != EINTR && errno != EAGAIN) {
				vmm_log(m, "KVM_RUN: %s", strerror(errno));
				return 1;
			}
			snprintf(m->exit_what, sizeof(m->exit_what), "KVM_RUN interrupted by the kick");
			vcpu_kick_arm(&m->kick, migrate_plan_kick_us(&m->plan));
			if (after_exit(m))
				return 1;
			continue;
		}
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			snprintf(m->exit_what, sizeof(m->exit_what), "KVM_EXIT_IO %s port %#x",
				 run->io.direction == KVM_EXIT_IO_OUT ? "out" : "in", run->io.port);
			handle_io(m);
			break;
		case KVM_EXIT_MMIO:	/* no device there: reads see all ones */
			snprintf(m->exit_what, sizeof(m->exit_what), "KVM_EXIT_MMIO %#llx",
				 (unsigned long long)run->mmio.phys_addr);
			if (m->mmio_logged++ < 8)
				vmm_log(m, "L1 %s %u bytes at unbacked GPA %#llx",
					run->mmio.is_write ? "wrote" : "read", run->mmio.len,
					(unsigned long long)run->mmio.phys_addr);
			if (!run->mmio.is_write)
				memset(run->mmio.data, 0xff, sizeof(run->mmio.data));
			break;
		case KVM_EXIT_SHUTDOWN:
			vmm_log(m, "KVM_EXIT_SHUTDOWN: L1 triple-faulted");
			return 1;
		case KVM_EXIT_HLT:
			vmm_log(m, "KVM_EXIT_HLT: L1 halted for good");
			return 1;
		case KVM_EXIT_FAIL_ENTRY:
			vmm_log(m, "KVM_EXIT_FAIL_ENTRY: hardware entry failure reason %#llx",
				(unsigned long long)run->fail_entry.hardware_entry_failure_reason);
			return 1;
		case KVM_EXIT_INTERNAL_ERROR:
			vmm_log(m, "KVM_EXIT_INTERNAL_ERROR: suberror %u", run->internal.suberror);
			return 1;
		default:
			vmm_log(m, "unexpected KVM exit %u", run->exit_reason);
			return 1;
		}
		if (!m->done && after_exit(m))
			return 1;
	}
	return 0;
}

static int open_out(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);

	free(path);
	return fd;
}

/* One boot of L1 in a fresh VM, its console to console_path, the L0's records to l0_file. */
static int vmm_pass(struct job *j, struct vmm *m, const char *cmdline, const char *console_path,
		    const char *l0_file)
{
	struct diag why = { "", "" };
	int rc = 2;

	m->vcpu_stats.fd = m->vm_stats.fd = -1;
	m->console = open(console_path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
	if (m->console < 0)
		return 2;
	m->l0 = open_out(j->dir, l0_file);
	if (m->l0 < 0) {
		close(m->console);
		return 2;
	}
	if (kvm_vm_create(&m->vm, GUEST_MEM, &why) ||
	    kvm_vm_load_multiboot(&m->vm, j->o->image, cmdline, &why)) {
		vmm_log(m, "%s", why.msg);
		goto out;
	}
	if (kvm_stats_open(m->vm.vcpu, &m->vcpu_stats) || kvm_stats_open(m->vm.vm, &m->vm_stats))
		vmm_log(m, "KVM_GET_STATS_FD failed: no KVM counters (kernel older than 5.14?)");
	m->plan_text = j->o->migrate;
	if (!migrate_plan_parse(m->plan_text, &m->plan) || vmm_actor_init(&m->actor, &m->vm)) {
		vmm_log(m, "--migrate %s: not a plan, or no memory for the vCPU state", m->plan_text);
		goto out_vm;
	}
	/* The timing pass arms nothing: a hist trigger runs on every exit it would time.
	 * The vCPU runs in this thread: the hists count it and nothing else. */
	if (m->pass == L0_PASS_COUNTING) {
		char name[64];

		trace_instance_name(name, sizeof(name), getppid(), j->k);
		if (kvm_trace_start(&m->trace, name, (int)getpid()))
			vmm_log(m, "no tracefs hist triggers on kvm:kvm_exit in instance %s: no per-reason "
				"l0 counts (mount tracefs; CONFIG_HIST_TRIGGERS)", name);
	}
	kick_start(m);
	rc = vmm_loop(m);
	vcpu_kick_stop(&m->kick);
	if (m->actor.migrations)
		vmm_log(m, "%s pass: %u migrations, %llu guest pages copied", m->pass == L0_PASS_COUNTING ?
			"counting" : "timing", m->actor.migrations, (unsigned long long)m->actor.copied_pages);
	vmm_actor_free(&m->actor);
out_vm:
	kvm_trace_stop(&m->trace);
	kvm_stats_close(&m->vcpu_stats);
	kvm_stats_close(&m->vm_stats);
	kvm_vm_destroy(&m->vm);
out:
	close(m->console);
	close(m->l0);
	return rc;
}

static void vmm_reset(struct vmm *m)
{
	struct l0_pass_store counted = m->counted;
	int log = m->log;
	bool counting = m->counting;

	memset(m, 0, sizeof(*m));
	m->log = log;
	m->counted = counted;
	m->counting = counting;
}

static int vmm_main(struct job *j)
{
	char *cmdline = l1_cmdline(j), *logpath = xasprintf("%s/kvm.log", j->dir);
	char *count_path = xasprintf("%s/" COUNT_CONSOLE, j->dir);
	char *count_records = xasprintf("%s/" COUNT_RECORDS, j->dir);
	struct vmm m;
	int rc = 2;

	memset(&m, 0, sizeof(m));
	m.log = open(logpath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
	if (m.log < 0 || !cmdline)
		goto out;
	if (!j->o->count_off) {
		m.pass = L0_PASS_COUNTING;
		if (vmm_pass(j, &m, cmdline, count_path, COUNT_RECORDS))
			vmm_log(&m, "the counting pass ended early: its scenarios lack l0 counts");
		vmm_reset(&m);
		if (l0_pass_store_load(&m.counted, count_records))
			vmm_log(&m, "cannot read %s: no l0 counts", count_records);
		m.counting = true;
	}
	m.pass = L0_PASS_TIMING;
	rc = vmm_pass(j, &m, cmdline, j->console, L0_RECORDS);
	l0_pass_store_free(&m.counted);
out:
	free(cmdline);
	free(logpath);
	free(count_path);
	free(count_records);
	return rc;
}

static int kvm_probe_op(const struct run_opts *o, struct diag *why)
{
	(void)o;
	return kvm_probe(why);
}

static char *kvm_version(const struct run_opts *o)
{
	struct utsname u;
	char *params = kvm_module_params(), *v;

	(void)o;
	uname(&u);
	v = xasprintf("kvm (Linux %s)%s%s", u.release, params ? "; " : "", params ? params : "");
	free(params);
	return v;
}

static int kvm_start(struct job *j, struct diag *why)
{
	pid_t pid;
	int e = file_mkdirs(j->dir);

	if (e)
		return diag_set(why, e, "cannot create %s: %s: check --results", j->dir, strerror(-e));
	j->console = xasprintf("%s/serial.log", j->dir);
	j->l0_records = xasprintf("%s/" L0_RECORDS, j->dir);
	e = proc_fork(&pid);
	if (e)
		return diag_set(why, e, "fork: %s", strerror(-e));
	if (!pid)
		_exit(vmm_main(j));
	j->pid = pid;
	return 0;
}

/* The job's tracefs instance, if the job was killed before it removed it. */
static void kvm_collect(struct job *j)
{
	char name[64];

	trace_instance_name(name, sizeof(name), getpid(), j->k);
	trace_instance_remove_name(name);
}

static size_t kvm_diagnose(struct job *j, char ***lines)
{
	return backend_log_lines(j, "kvm.log", 1 << 16, NULL, 8, lines, 0);
}

const struct backend backend_kvm = {
	.name = "kvm",
	.probe = kvm_probe_op,
	.version = kvm_version,
	.start = kvm_start,
	.stop = backend_stop_group,
	.collect = kvm_collect,
	.diagnose = kvm_diagnose,
	.emulator = false,
	.migrate = true,
};
