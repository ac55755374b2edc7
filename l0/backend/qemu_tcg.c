// SPDX-License-Identifier: GPL-2.0-only
/*
 * qemu-tcg: L1 as the top hypervisor on QEMU's TCG with -cpu max, which emulates AMD SVM
 * with nested paging (no VMX: ../shared/emulators.md). With --icount on (the default) the
 * guest TSC counts instructions (-icount shift=0,sleep=off), so cycles are instructions and
 * repeat from run to run, as on Bochs; --icount off gives TCG's host-clock TSC.
 * --boot efi boots L1's EFI build through OVMF instead of multiboot (l0/backend/efi.c).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/backend.h"
#include "l0/backend/efi.h"
#include "l0/sys/file.h"
#include "l0/run/l1cmd.h"
#include "l0/sys/proc.h"
#include "l0/backend/qemu_tcg.h"
#include "l0/sys/util.h"

#define DIAG_LINES_MAX 8

static char qemu_bin[PATH_MAX];
static struct efi_firmware ovmf;

int qemu_tcg_probe(const struct run_opts *o, struct diag *why)
{
	const char *env = getenv("NESTLAB_QEMU");

	(void)o;
	if (proc_find(env && *env ? env : "qemu-system-x86_64", qemu_bin, sizeof(qemu_bin)))
		return diag_set(why, -ENOENT, env && *env ? "NESTLAB_QEMU=%s is not an executable: fix or unset it"
							  : "qemu-system-x86_64 not found%s: apt-get install qemu-system-x86",
				env && *env ? env : "");
	return 0;
}

char *qemu_tcg_version(const struct run_opts *o)
{
	char *v = backend_tool_version(qemu_bin, "--version", "QEMU emulator version "), *s;

	s = xasprintf("qemu-system-x86_64%s%s (tcg%s)", *v ? " " : "", v, o->icount_off ? "" : ", icount shift=0");
	free(v);
	return s;
}

/* The qemu-tcg back end's own probe and version: --boot efi needs OVMF as well. */
static int qemu_tcg_efi_probe(const struct run_opts *o, struct diag *why)
{
	int e = qemu_tcg_probe(o, why);

	return e || !o->boot_efi ? e : efi_firmware_find(&ovmf, why);
}

static char *qemu_tcg_efi_version(const struct run_opts *o)
{
	char *v = qemu_tcg_version(o), *with;

	if (!o->boot_efi)
		return v;
	with = xasprintf("%s, OVMF", v);
	free(v);
	return with;
}

static const char *qemu_tcg_cpu_model(const struct run_opts *o)
{
	(void)o;
	return "max";
}

size_t qemu_tcg_argv(const struct run_opts *o, const char *megs, char **argv)
{
	size_t n = 0;

	argv[n++] = qemu_bin;
	argv[n++] = "-accel";
	argv[n++] = "tcg";
	argv[n++] = "-cpu";
	argv[n++] = "max";
	if (!o->icount_off) {
		argv[n++] = "-icount";
		argv[n++] = "shift=0,sleep=off";
	}
	argv[n++] = "-m";
	argv[n++] = (char *)megs;
	argv[n++] = "-nodefaults";
	argv[n++] = "-no-user-config";
	argv[n++] = "-display";
	argv[n++] = "none";
	argv[n++] = "-no-reboot";
	return n;
}

static int qemu_tcg_start(struct job *j, struct diag *why)
{
	char *cmdline = l1_cmdline(j), *out = xasprintf("%s/qemu.out", j->dir);
	char *cmdfile = xasprintf("%s/qemu.cmd", j->dir);
	char *argv[QEMU_TCG_ARGS + 24];
	struct efi_boot efi = { .n = 0 };
	size_t n = qemu_tcg_argv(j->o, "256", argv);
	int e;

	argv[n++] = "-serial";
	argv[n++] = "file:serial.log";
	argv[n++] = "-device";
	argv[n++] = "isa-debug-exit,iobase=0xf4,iosize=4";
	e = qemu_boot_args(j, &ovmf, cmdline, &efi, argv, &n, why);
	if (e)
		goto out;
	backend_write_cmd(cmdfile, argv);	/* how it ran, to repeat by hand from the job directory */
	j->console = xasprintf("%s/serial.log", j->dir);
	e = proc_spawn(argv, j->dir, out, &j->pid);
	if (e)
		diag_set(why, e, "cannot start %s: %s: apt-get install qemu-system-x86", qemu_bin, strerror(-e));
out:
	efi_boot_free(&efi);
	free(cmdline);
	free(out);
	free(cmdfile);
	return e;
}

/* Its answer to the runner's own SIGTERM explains nothing. */
static bool qemu_tcg_diag_line(const char *l)
{
	return !strstr(l, "terminating on signal");
}

size_t qemu_tcg_diagnose_from(struct job *j, char ***lines, size_t n)
{
	return backend_log_lines(j, "qemu.out", 1u << 20, qemu_tcg_diag_line, n + DIAG_LINES_MAX, lines, n);
}

static size_t qemu_tcg_diagnose(struct job *j, char ***lines)
{
	return qemu_tcg_diagnose_from(j, lines, 0);
}

const struct backend backend_qemu_tcg = {
	.name = "qemu-tcg",
	.probe = qemu_tcg_efi_probe,
	.version = qemu_tcg_efi_version,
	.cpu_model = qemu_tcg_cpu_model,
	.start = qemu_tcg_start,
	.stop = backend_stop_group,
	.diagnose = qemu_tcg_diagnose,
	.emulator = true,
	.efi = true,
};
