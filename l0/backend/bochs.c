// SPDX-License-Identifier: GPL-2.0-only
/*
 * L0 = Bochs 2.7 (docs: /work/shared/emulators.md). Per job: a GRUB ISO that
 * multiboots L1 with the job's command line, a bochsrc, and Bochs in its own
 * process group (and network namespace when it can have one: its VNC display
 * listens on every interface). Bochs' exit status means nothing (always 1):
 * the console's records decide.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "l0/backend/backend.h"
#include "l0/backend/bochs.h"
#include "l0/sys/file.h"
#include "l0/run/l1cmd.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

#define BOCHS_BIOS "/usr/share/bochs/BIOS-bochs-latest"
#define BOCHS_VGABIOS "/usr/share/bochs/VGABIOS-lgpl-latest"
#define GRUB_BIOS_DIR "/usr/lib/grub/i386-pc"
#define GRUB_EFI_DIR "/usr/lib/grub/x86_64-efi"
#define DIAG_LINES_MAX 8
#define BOCHS_LOG_MAX (16u << 20)

static char bochs_bin[PATH_MAX];
/*
 * Bochs' RFB display listens on every interface without authentication: Bochs runs in a
 * network namespace of its own, as root with unshare --net, else in an unprivileged user
 * namespace that owns one. The words before Bochs' own; none when neither works here.
 */
static char *const ns_root[] = { "unshare", "--net", NULL };
static char *const ns_user[] = { "unshare", "--user", "--map-root-user", "--net", NULL };
static char *const *bochs_ns;

static bool ns_works(char *const *ns)
{
	char *argv[8];
	size_t n = 0;

	while (ns[n])
		argv[n] = ns[n], n++;
	argv[n++] = "true";
	argv[n] = NULL;
	return !proc_run(argv, NULL, NULL, 5000);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

int bochs_probe(const struct run_opts *o, struct diag *why)
{
	const char *env = getenv("NESTLAB_BOCHS");
	char path[PATH_MAX];

	(void)o;
	if (env && *env) {
		if (proc_find(env, bochs_bin, sizeof(bochs_bin)))
			return diag_set(why, -ENOENT, "NESTLAB_BOCHS=%s is not an executable: fix the path or unset it",
					env);
	} else {
		if (proc_find("bochs", bochs_bin, sizeof(bochs_bin)))
			return diag_set(why, -ENOENT, "bochs not found: apt-get install bochs bochsbios vgabios");
		if (access(BOCHS_BIOS, R_OK))
			return diag_set(why, -ENOENT, "Bochs BIOS %s not found: apt-get install bochsbios", BOCHS_BIOS);
		if (access(BOCHS_VGABIOS, R_OK))
			return diag_set(why, -ENOENT, "Bochs VGA BIOS %s not found: apt-get install vgabios",
					BOCHS_VGABIOS);
	}
	if (proc_find("grub-mkrescue", path, sizeof(path)))
		return diag_set(why, -ENOENT, "grub-mkrescue not found: apt-get install grub-common grub-pc-bin");
	if (!is_dir(GRUB_BIOS_DIR))
		return diag_set(why, -ENOENT, "GRUB's BIOS modules (%s) not found: apt-get install grub-pc-bin",
				GRUB_BIOS_DIR);
	if (proc_find("xorriso", path, sizeof(path)))
		return diag_set(why, -ENOENT, "xorriso not found: apt-get install xorriso");
	/* Bochs runs in the job directory: a relative path would not reach it. */
	if (!realpath(bochs_bin, path))
		return diag_set(why, -errno, "cannot resolve %s: %s: fix NESTLAB_BOCHS or PATH", bochs_bin,
				strerror(errno));
	snprintf(bochs_bin, sizeof(bochs_bin), "%s", path);
	if (is_dir(GRUB_EFI_DIR) && proc_find("mformat", path, sizeof(path)))
		return diag_set(why, -ENOENT, "mformat not found (grub-mkrescue needs it): apt-get install mtools");

	bochs_ns = NULL;
	if (!proc_find("unshare", path, sizeof(path)))
		bochs_ns = geteuid() == 0 && ns_works(ns_root) ? ns_root : ns_works(ns_user) ? ns_user : NULL;
	if (!bochs_ns)
		snprintf(why->note, sizeof(why->note),
			 "Bochs' VNC display will listen on 0.0.0.0:5900 and up: no network namespace "
			 "(allow user namespaces: sysctl kernel.unprivileged_userns_clone=1)");
	return 0;
}

char *bochs_version(const struct run_opts *o)
{
	char *v = backend_tool_version(bochs_bin, "--help", "Bochs x86 Emulator "), *s;

	(void)o;
	s = xasprintf("bochs%s%s", *v ? " " : "", v);
	free(v);
	return s;
}

const char *bochs_cpu_model(const struct run_opts *o)
{
	if (o->model && !strcmp(o->model, "ryzen"))
		return "ryzen";		/* AMD with SVM: nested paging, next-RIP save */
	return o->model && !strcmp(o->model, "skylake") ? "corei7_skylake_x" : "corei7_haswell_4770";
}

/* GRUB menu that multiboots L1 with the job's command line (docs/records.md). */
static char *grub_cfg(const struct job *j)
{
	char *args = l1_cmdline(j), *cfg;

	if (!args)
		return NULL;
	/* No serial terminal in GRUB: COM1 carries L1's output only. */
	cfg = xasprintf("set timeout=0\n"
			"menuentry \"nestlab L1\" {\n"
			"\tmultiboot%s /boot/l1.elf %s\n"
			"\tboot\n"
			"}\n",
			j->o->multiboot == 2 ? "2" : "", args);
	free(args);
	return cfg;
}

/* Paths are relative: Bochs runs in the job directory. */
char *bochs_config(int job, const char *model, unsigned megs, bool strict_msrs)
{
	return xasprintf(
		"# nestlab job %d; by hand, from this directory: bochs -q -f bochsrc -rc rcfile\n"
		"megs: %u\n"
		"cpu: model=%s, count=1, ips=200000000, reset_on_triple_fault=0%s\n"
		"romimage: file=" BOCHS_BIOS "\n"
		"vgaromimage: file=" BOCHS_VGABIOS "\n"
		"ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14\n"
		"ata0-master: type=cdrom, path=boot.iso, status=inserted\n"
		"boot: cdrom\n"
		"com1: enabled=1, mode=file, dev=serial.log\n"
		"port_e9_hack: enabled=1\n"
		"display_library: rfb, options=\"timeout=0\"\n"
		"log: bochs.log\n"
		"panic: action=fatal\n"
		"error: action=report\n"
		"info: action=ignore\n"
		"debug: action=ignore\n"
		"clock: sync=none, time0=946684800\n"
		"pci: enabled=1, chipset=i440fx\n"
		"speaker: enabled=0\n"
		"sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy\n",
		job, megs, model, strict_msrs ? ", ignore_bad_msrs=0" : "");
}

int bochs_write_in(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int e = text ? file_write(path, text, strlen(text)) : -ENOMEM;

	free(path);
	return e;
}

int bochs_boot(const char *dir, const char *grub_cfg, const char *grub_modules, const char *rc,
	       pid_t *pid, struct diag *why)
{
	char *mkrescue_log = xasprintf("%s/mkrescue.log", dir), *out = xasprintf("%s/bochs.out", dir);
	char *modules = xasprintf("--install-modules=%s", grub_modules);
	char *argv[16];
	size_t n = 0;
	int e;

	for (char *const *w = bochs_ns; w && *w; w++)
		argv[n++] = *w;
	for (char *const *w = (char *const[]){ bochs_bin, "-q", "-f", "bochsrc", "-rc", "rcfile", NULL }; *w; w++)
		argv[n++] = *w;
	argv[n] = NULL;

	e = bochs_write_in(dir, "iso/boot/grub/grub.cfg", grub_cfg);
	if (!e)
		e = bochs_write_in(dir, "bochsrc", rc);
	if (!e)
		e = bochs_write_in(dir, "rcfile", "c\nquit\n");
	if (e) {
		diag_set(why, e, "cannot write the files of %s: %s: check --results", dir, strerror(-e));
		goto out;
	}
	/* Only the modules booting needs: 1 MiB and 0.15 s instead of 10 MiB and 0.4 s. */
	e = proc_run((char *[]){ "grub-mkrescue", modules, "--locales=", "--fonts=", "--themes=",
				 "-o", "boot.iso", "iso", NULL },
		     dir, mkrescue_log, 120 * 1000);
	if (e) {
		diag_set(why, e, "grub-mkrescue failed (%s): apt-get install grub-pc-bin xorriso mtools",
			 mkrescue_log);
		goto out;
	}
	e = proc_spawn(argv, dir, out, pid);
	if (e)
		diag_set(why, e, "cannot start %s: %s: apt-get install bochs (or fix NESTLAB_BOCHS)",
			 bochs_bin, strerror(-e));
out:
	free(mkrescue_log);
	free(out);
	free(modules);
	return e;
}

static int bochs_start(struct job *j, struct diag *why)
{
	char *grub_dir = xasprintf("%s/iso/boot/grub", j->dir);
	char *elf = xasprintf("%s/iso/boot/l1.elf", j->dir);
	char *cfg = grub_cfg(j), *rc = bochs_config(j->k, bochs_cpu_model(j->o), 512, true);
	int e;

	e = file_mkdirs(grub_dir);
	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", grub_dir, strerror(-e));
		goto out;
	}
	e = file_copy(j->o->image, elf);
	if (e) {
		diag_set(why, e, "cannot copy %s to %s: %s: check --image", j->o->image, elf, strerror(-e));
		goto out;
	}
	j->console = xasprintf("%s/serial.log", j->dir);
	e = bochs_boot(j->dir, cfg, "multiboot multiboot2 normal", rc, &j->pid, why);
out:
	free(grub_dir);
	free(elf);
	free(cfg);
	free(rc);
	return e;
}

/*
 * bochs.log lines that say why a run failed: VM-entry checks, and panics other
 * than the two ways L1 powers off (port 0x8900 "Shutdown", ACPI).
 */
static bool diag_line(const char *l)
{
	return strstr(l, "VMENTER FAIL") || strstr(l, "VMFAIL") ||
	       (strstr(l, ">>PANIC<<") && !strstr(l, "shutdown requested") &&
		!strstr(l, "soft power off")) ||
	       strstr(l, "exception with no resolution");
}

size_t bochs_diagnose(struct job *j, char ***lines)
{
	return backend_log_lines(j, "bochs.log", BOCHS_LOG_MAX, diag_line, DIAG_LINES_MAX, lines, 0);
}

const struct backend backend_bochs = {
	.name = "bochs",
	.probe = bochs_probe,
	.version = bochs_version,
	.cpu_model = bochs_cpu_model,
	.start = bochs_start,
	.stop = backend_stop_group,
	.diagnose = bochs_diagnose,
	.emulator = true,
};
