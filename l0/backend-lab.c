// SPDX-License-Identifier: GPL-2.0-only
/*
 * lab-vmx: real KVM as L0. Debian's kernel with kvm_intel nested=1 boots in Bochs (the
 * lab, built by `make lab`: scripts/lab-build), and runs nestlab's kvm back end on L1
 * inside (scripts/lab-init). Per job: a GRUB ISO with the lab kernel, its initramfs and a
 * second small initramfs holding this run's L1 image; the KVM module parameters and the
 * scenarios go on the kernel command line. The lab sends each inner job's L1 console
 * (with the l0 counts the kvm back end wrote into it) back on port 0xe9, between markers;
 * collect() cuts it out into l1-console.log, which the session reads like any console.
 * lab-vmx-qemu with --boot efi: the lab's QEMU boots L1's EFI build through OVMF, which
 * make lab copies in beside QEMU (lab-build writes OUT/ovmf naming it).
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend.h"
#include "l0/bochs.h"
#include "l0/cpio.h"
#include "l0/file.h"
#include "l0/util.h"

#define LAB_MEGS	1024
#define E9_MAX		(64u << 20)

static char lab_dir[PATH_MAX];

static char *lab_file(const char *name)
{
	return xasprintf("%s/%s", lab_dir, name);
}

static char *read_line_of(const char *path)
{
	char *text = NULL, *nl;
	size_t len;

	if (file_read(path, 4096, &text, &len))
		return NULL;
	if ((nl = strchr(text, '\n')))
		*nl = 0;
	return text;
}

/* The lab lives beside the runner, <dir of nestlab>/../lab (build/lab), or in $NESTLAB_LAB. */
static int lab_probe(const struct run_opts *o, struct diag *why)
{
	char self[PATH_MAX], *k;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int e = bochs_probe(o, why);

	if (e)
		return e;
	if (getenv("NESTLAB_LAB") && *getenv("NESTLAB_LAB")) {
		snprintf(lab_dir, sizeof(lab_dir), "%s", getenv("NESTLAB_LAB"));
	} else {
		if (n <= 0)
			return diag_set(why, -ENOENT, "cannot find the nestlab binary's directory (/proc/self/exe)");
		self[n] = 0;
		snprintf(lab_dir, sizeof(lab_dir), "%s/../lab", dirname(self));
	}
	k = lab_file("kernel-version");
	e = access(k, R_OK) ? -ENOENT : 0;
	free(k);
	for (const char *const *f = (const char *const[]){ "vmlinuz", "initrd.gz", NULL }; !e && *f; f++) {
		char *p = lab_file(*f);

		e = access(p, R_OK) ? -ENOENT : 0;
		free(p);
	}
	if (e)
		return diag_set(why, e, "the VMX lab is not built (%s): run make lab (or fix NESTLAB_LAB)", lab_dir);
	return 0;
}

static char *lab_version(const struct run_opts *o)
{
	char *k = lab_file("kernel-version"), *kver = read_line_of(k), *b = bochs_version(o), *v;

	v = xasprintf("lab-vmx: Linux %s, kvm_intel, in %s", kver ? kver : "?", b);
	free(k);
	free(kver);
	free(b);
	return v;
}

/* Command-line words carry no spaces: lists are comma-separated (scripts/lab-init). */
static char *kernel_cmdline(const struct job *j)
{
	char *args = NULL, *line;
	size_t len = 0, i;
	FILE *f = open_memstream(&args, &len);

	if (!f)
		return NULL;
	if (j->o->iters)
		fprintf(f, "--iters,%u,", j->o->iters);
	if (j->o->warmup_set)
		fprintf(f, "--warmup,%u,", j->o->warmup);
	if (j->o->inject_delay)
		fprintf(f, "--inject-delay,%u,", j->o->inject_delay);
	if (j->o->raw)
		fputs("--raw,", f);
	for (i = 0; j->o->break_name && i < j->n; i++)
		if (!strcmp(j->o->break_name, j->scn[i]->info->name))
			fprintf(f, "--break,%s,", j->o->break_name);
	for (i = 0; i < j->n; i++)
		fprintf(f, "%s%s", i ? "," : "", j->scn[i]->info->name);
	if (fclose(f))
		return NULL;
	line = xasprintf("console=ttyS0,115200 quiet loglevel=3 panic=-1 nokaslr nestlab_vendor=intel "
			 "nestlab_backend=%s nestlab_boot=%s nestlab_kvm=nested=1%s%s nestlab_args=%s",
			 j->o->be == &backend_lab_vmx_qemu ? "qemu-kvm" : "kvm", j->o->boot_efi ? "efi" : "bios",
			 j->o->l0_params ? "," : "", j->o->l0_params ? j->o->l0_params : "", args);
	free(args);
	return line;
}

static int lab_start(struct job *j, struct diag *why)
{
	char *boot = xasprintf("%s/iso/boot", j->dir), *grub = xasprintf("%s/grub", boot);
	char *cmd = kernel_cmdline(j), *cfg = NULL, *rc = NULL;
	int e = file_mkdirs(grub);

	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", grub, strerror(-e));
		goto out;
	}
	for (const char *const *f = (const char *const[]){ "vmlinuz", "initrd.gz", "qemu.cpio.gz", NULL };
	     !e && *f; f++) {
		char *src = lab_file(*f), *dst = xasprintf("%s/%s", boot, *f);

		if (!strcmp(*f, "qemu.cpio.gz") && j->o->be != &backend_lab_vmx_qemu) {
			free(src);
			free(dst);
			continue;
		}

		e = link(src, dst) ? file_copy(src, dst) : 0;
		if (e)
			diag_set(why, e, "cannot copy %s: %s: run make lab", src, strerror(-e));
		free(src);
		free(dst);
	}
	if (!e) {
		char *cpio = xasprintf("%s/l1.cpio", boot);

		e = cpio_write_file(cpio, j->o->boot_efi ? "l1.efi" : "l1.elf", j->o->image);
		if (e)
			diag_set(why, e, "cannot pack %s into %s: %s: check --image", j->o->image, cpio,
				 strerror(-e));
		free(cpio);
	}
	if (e)
		goto out;
	cfg = xasprintf("set timeout=0\n"
			"menuentry \"nestlab lab-vmx\" {\n"
			"\tlinux /boot/vmlinuz %s\n"
			"\tinitrd /boot/initrd.gz /boot/l1.cpio%s\n"
			"\tboot\n"
			"}\n", cmd, j->o->be == &backend_lab_vmx_qemu ? " /boot/qemu.cpio.gz" : "");
	rc = bochs_config(j->k, bochs_cpu_model(j->o), LAB_MEGS, false);
	j->console = xasprintf("%s/l1-console.log", j->dir);
	e = bochs_boot(j->dir, cfg, "linux normal", rc, &j->pid, why);
out:
	free(boot);
	free(grub);
	free(cmd);
	free(cfg);
	free(rc);
	return e;
}

static bool starts(const char *l, const char *prefix)
{
	return !strncmp(l, prefix, strlen(prefix));
}

/* Cuts the lab's port 0xe9 stream (bochs.out) into the L1 console and the lab's notes. */
static void lab_collect(struct job *j)
{
	char *path = xasprintf("%s/bochs.out", j->dir), *text = NULL, *l, *next;
	char *console = NULL, *notes = NULL;
	size_t len, clen = 0, nlen = 0;
	FILE *c = open_memstream(&console, &clen), *n = open_memstream(&notes, &nlen);
	bool inside = false;

	if (!c || !n || file_read(path, E9_MAX, &text, &len))
		goto out;
	for (l = text; l < text + len; l = next + 1) {
		next = memchr(l, '\n', text + len - l);
		if (!next)
			next = text + len;
		*next = 0;
		if (starts(l, "@lab console-begin"))
			inside = true;
		else if (starts(l, "@lab console-end"))
			inside = false;
		else if (inside)
			fprintf(c, "%s\n", l);
		else if (starts(l, "@lab "))
			fprintf(n, "%s\n", l);
	}
out:
	if (c && !fclose(c)) {
		char *dst = xasprintf("%s/l1-console.log", j->dir);

		file_write_atomic(dst, console ? console : "", clen);
		free(dst);
	}
	if (n && !fclose(n)) {
		char *dst = xasprintf("%s/lab.log", j->dir);

		file_write_atomic(dst, notes ? notes : "", nlen);
		free(dst);
	}
	free(console);
	free(notes);
	free(text);
	free(path);
}

static char *lab_params(struct job *j)
{
	char *path = xasprintf("%s/lab.log", j->dir), *text = NULL, *p, *out = NULL;
	size_t len;

	if (!file_read(path, 1 << 20, &text, &len) && (p = strstr(text, "@lab params "))) {
		p += strlen("@lab params ");
		out = xstrndup(p, strcspn(p, "\n"));
	}
	free(text);
	free(path);
	return out;
}

static bool lab_diag_line(const char *l)
{
	return starts(l, "@lab error") || starts(l, "@lab kvm.log");
}

/* Bochs' own complaints, then what the lab said about KVM (insmod, kvm.log). */
static size_t lab_diagnose(struct job *j, char ***lines)
{
	return backend_log_lines(j, "lab.log", 1 << 20, lab_diag_line, 12, lines, bochs_diagnose(j, lines));
}

const struct backend backend_lab_vmx = {
	.name = "lab-vmx",
	.probe = lab_probe,
	.version = lab_version,
	.cpu_model = bochs_cpu_model,
	.start = lab_start,
	.stop = backend_stop_group,
	.diagnose = lab_diagnose,
	.collect = lab_collect,
	.params = lab_params,
	.emulator = false,
};

static int lab_qemu_probe(const struct run_opts *o, struct diag *why)
{
	char *q;
	int e = lab_probe(o, why);

	if (e)
		return e;
	q = lab_file("qemu.cpio.gz");
	e = access(q, R_OK) ? -ENOENT : 0;
	free(q);
	if (e)
		return diag_set(why, e, "the lab has no QEMU (%s/qemu.cpio.gz): apt-get install "
				"qemu-system-x86, then make lab", lab_dir);
	q = lab_file("ovmf");
	e = o->boot_efi && access(q, R_OK) ? -ENOENT : 0;
	free(q);
	if (e)
		return diag_set(why, e, "--boot efi: the lab has no OVMF (%s/ovmf): apt-get install ovmf, then make lab",
				lab_dir);
	return 0;
}

/* The same lab with QEMU (-accel kvm) as the VMM inside, nestlab's qemu-kvm back end. */
const struct backend backend_lab_vmx_qemu = {
	.name = "lab-vmx-qemu",
	.probe = lab_qemu_probe,
	.version = lab_version,
	.cpu_model = bochs_cpu_model,
	.start = lab_start,
	.stop = backend_stop_group,
	.diagnose = lab_diagnose,
	.collect = lab_collect,
	.params = lab_params,
	.emulator = false,
	.efi = true,
};
