// SPDX-License-Identifier: GPL-2.0-only
/*
 * The labs: real KVM as L0. Debian's kernel with KVM nested=1 (built by `make lab`:
 * scripts/lab-build) boots in an emulator and runs one of nestlab's own back ends on L1
 * inside (scripts/lab-init):
 *   lab-vmx, lab-vmx-qemu   kvm_intel in Bochs (VMX), from a GRUB ISO
 *   lab-svm, lab-svm-qemu   kvm_amd in QEMU TCG -cpu max (SVM), from -kernel/-initrd
 * The -qemu ones run QEMU -accel kvm inside (the qemu-kvm back end), the others nestlab's
 * own VMM (the kvm back end). Per job: the lab's initramfs, a second small one holding this
 * run's L1 image (and QEMU's for -qemu), with --kvm-modules a third holding its modules
 * (/kvm-modules); the KVM module parameters and the scenarios go on the kernel command
 * line. The lab sends each inner job's L1 console and the records its inner back end wrote
 * to its own channel back on port 0xe9, between markers; collect() cuts them out into
 * l1-console.log, which the session reads like any console, and l0.records, the job's L0
 * channel.
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

#include "l0/backend/backend.h"
#include "l0/backend/bochs.h"
#include "l0/backend/cpio.h"
#include "l0/backend/lab_kernel.h"
#include "l0/backend/lab_modules.h"
#include "l0/sys/build_id.h"
#include "l0/sys/file.h"
#include "l0/sys/proc.h"
#include "l0/backend/qemu_tcg.h"
#include "l0/run/l1cmd.h"
#include "l0/run/record.h"
#include "l0/run/runopt.h"
#include "l0/sys/json.h"
#include "l0/sys/util.h"

#define LAB_MEGS	1024
#define E9_MAX		(64u << 20)
/*
 * Measured iterations per scenario when --iters is not given (the scenarios' own is 64):
 * KVM's conditional L1D flushes in the VMX lab come in bursts that can move the median
 * of 64 samples (README, "Iterations in the lab"). Scenarios that cap it (ept/, pf/:
 * 448) run their cap.
 */
#define LAB_DEFAULT_ITERS 256

/* One line per lab back end: the outer L0 (an emulator) and the VMM that runs L1 inside. */
static const struct lab_kind {
	const struct backend *be;
	bool svm;		/* kvm_amd in QEMU TCG; else kvm_intel in Bochs */
	bool qemu;		/* QEMU -accel kvm inside (qemu-kvm); else nestlab's kvm back end */
} lab_kinds[] = {
	{ &backend_lab_vmx, false, false },
	{ &backend_lab_vmx_qemu, false, true },
	{ &backend_lab_svm, true, false },
	{ &backend_lab_svm_qemu, true, true },
};

static const struct lab_kind *lab_kind(const struct run_opts *o)
{
	for (size_t i = 0; i < sizeof(lab_kinds) / sizeof(lab_kinds[0]); i++)
		if (lab_kinds[i].be == o->be)
			return &lab_kinds[i];
	return &lab_kinds[0];
}

/* Where the outer emulator writes port 0xe9: Bochs' stdout, QEMU's -debugcon file. */
static const char *e9_file(const struct lab_kind *k)
{
	return k->svm ? "debugcon.out" : "bochs.out";
}

static char lab_dir[PATH_MAX];
static struct lab_kernel own;	/* --lab-kernel, resolved by the probe (own.bzimage NULL: none) */

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

/*
 * A lab whose nestlab is not this build's (l0/sys/build_id.h) is stale: its registry and
 * back ends may differ from this runner's (a scenario added since would answer "no scenario
 * matches" from inside). L1 is never stale: it goes in per job (write_l1_cpio).
 */
static int lab_stale(struct diag *why)
{
	char *path, *id;
	int e = 0;

	if (!nestlab_build_id)	/* a unit test: no build id linked */
		return 0;
	path = lab_file("build-id");
	id = read_line_of(path);
	if (!id || strcmp(id, nestlab_build_id()))
		e = diag_set(why, -ESTALE, "the lab in %s is stale: its nestlab is build %s, this one is build %s "
			     "(rebuilt since make lab): run make lab%s", lab_dir, id && *id ? id : "(none recorded)",
			     nestlab_build_id(), getenv("NESTLAB_LAB") ? " LAB=<that directory>" : "");
	free(path);
	free(id);
	return e;
}

/* The lab lives beside the runner, <dir of nestlab>/../lab (build/lab), or in $NESTLAB_LAB. */
static int lab_probe(const struct run_opts *o, struct diag *why)
{
	char self[PATH_MAX], *k;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	const struct lab_kind *kind = lab_kind(o);
	int e = kind->svm ? qemu_tcg_probe(o, why) : bochs_probe(o, why);

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
	if (!e && kind->qemu) {
		char *q = lab_file("qemu.cpio.gz");

		e = access(q, R_OK) ? -ENOENT : 0;
		free(q);
		if (e)
			return diag_set(why, e, "the lab has no QEMU (%s/qemu.cpio.gz): apt-get install "
					"qemu-system-x86, then make lab", lab_dir);
		q = lab_file("ovmf");
		e = o->boot_efi && access(q, R_OK) ? -ENOENT : 0;
		free(q);
		if (e)
			return diag_set(why, e, "--boot efi: the lab has no OVMF (%s/ovmf): apt-get install ovmf, "
					"then make lab", lab_dir);
	}
	if (e)
		return diag_set(why, e, "the lab is not built (%s): run make lab (or fix NESTLAB_LAB)", lab_dir);
	e = lab_stale(why);
	if (!e && o->lab_kernel) {
		e = lab_kernel_open(o->lab_kernel, kind->svm, !o->kvm_modules, &own, why);
		if (!e && !o->kvm_modules)
			e = lab_modules_check_files(own.ko, own.release, why);
	}
	if (!e && o->kvm_modules) {
		char *kver;

		k = lab_file("kernel-version");
		kver = own.release ? xstrdup(own.release) : read_line_of(k);
		free(k);
		e = lab_modules_check(o->kvm_modules, lab_kind(o)->svm, kver ? kver : "?", why);
		free(kver);
	}
	return e;
}

static char *lab_version(const struct run_opts *o)
{
	const struct lab_kind *kind = lab_kind(o);
	char *k = lab_file("kernel-version"), *kver = own.release ? xstrdup(own.release) : read_line_of(k), *v;
	char *b = kind->svm ? qemu_tcg_version(o) : bochs_version(o);

	v = xasprintf("%s: Linux %s%s, %s, in %s", kind->svm ? "lab-svm" : "lab-vmx", kver ? kver : "?",
		      own.bzimage ? " (--lab-kernel)" : "",
		      kind->svm ? "kvm_amd" : "kvm_intel", b);
	free(k);
	free(kver);
	free(b);
	return v;
}

/*
 * scripts/lab-build's record of the kernel package, kernel and modules it put in the lab,
 * and where KVM's modules came from: kvm_modules "packaged", or --kvm-modules' directory,
 * each module's sha256 and the lines of scripts/kvm-modules' SOURCE (packages, patches).
 */
static char *lab_inputs(const struct run_opts *o)
{
	char *path = lab_file("kernel-inputs"), *line = read_line_of(path), *out;
	json_object *in = line ? json_parse_doc(line, strlen(line)) : NULL, *mods;

	free(path);
	if (!in || !json_object_is_type(in, json_type_object)) {
		json_object_put(in);
		return line;
	}
	free(line);
	if (own.bzimage) {	/* the packaged kernel's files are not booted: only its initramfs is */
		json_object_object_del(in, "vmlinuz_sha256");
		json_object_object_del(in, "modules_sha256");
		json_object_object_add(in, "lab_kernel", lab_kernel_json(&own, lab_kind(o)->svm));
	}
	mods = o->kvm_modules || !own.bzimage ? lab_modules_json(o->kvm_modules) : json_object_new_string("lab-kernel");
	json_object_object_add(in, "kvm_modules", mods);
	out = xstrdup(json_object_to_json_string_ext(in, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_SPACED));
	json_object_put(in);
	return out;
}

static const char *lab_cpu_model(const struct run_opts *o)
{
	return lab_kind(o)->svm ? "max" : bochs_cpu_model(o);
}

/*
 * --lab-kernel with KVM built in: the module parameters as kernel parameters
 * (" kvm_intel.nested=1 kvm_intel.ept=0"), the only way a built-in module takes them; "".
 */
static char *builtin_params(const struct run_opts *o)
{
	const char *mod = lab_kind(o)->svm ? "kvm_amd" : "kvm_intel", *p = o->l0_params;
	char *out = NULL, *words;
	size_t len = 0;
	FILE *f;

	if (!own.bzimage || !lab_kernel_builtin(&own, lab_kind(o)->svm))
		return xstrdup("");
	f = open_memstream(&out, &len);
	if (!f)
		return xstrdup("");
	fprintf(f, " %s.nested=1", mod);
	words = xstrdup(p ? p : "");
	for (char *w = strtok(words, ","); w; w = strtok(NULL, ","))
		fprintf(f, " %s.%s", mod, w);
	free(words);
	fclose(f);
	return out;
}

/* Command-line words carry no spaces: lists are comma-separated (scripts/lab-init). */
static char *kernel_cmdline(const struct job *j)
{
	char *args = NULL, *line, *builtin;
	size_t len = 0;
	FILE *f = open_memstream(&args, &len);

	if (!f)
		return NULL;
	runopt_words(f, j, RUNOPT_INNER);	/* "--iters,16,--raw," */
	if (!j->o->iters)	/* enough samples that KVM's L1D-flush bursts cannot move a median */
		fprintf(f, "--iters,%u,", LAB_DEFAULT_ITERS);
	if (j->o->count_off)	/* the runner's only: L1 never sees it */
		fprintf(f, "--count-pass,off,");
	if (j->o->migrate)	/* the runner's only too */
		fprintf(f, "--migrate,%s,", j->o->migrate);
	job_selection_write(f, j);
	if (fclose(f))
		return NULL;
	line = xasprintf("console=ttyS0,115200 quiet loglevel=3 panic=-1 nokaslr nestlab_vendor=%s "
			 "nestlab_backend=%s nestlab_boot=%s nestlab_jobs=%u nestlab_kvm=nested=1%s%s%s%s nestlab_args=%s",
			 lab_kind(j->o)->svm ? "amd" : "intel", lab_kind(j->o)->qemu ? "qemu-kvm" : "kvm",
			 j->o->boot_efi ? "efi" : "bios", j->o->lab_jobs ? j->o->lab_jobs : 1,
			 j->o->l0_params ? "," : "", j->o->l0_params ? j->o->l0_params : "",
			 own.bzimage ? " nestlab_kernel=own" : "", builtin = builtin_params(j->o), args);
	free(args);
	free(builtin);
	return line;
}

/* This run's L1 image as dir/l1.cpio, the lab's second initramfs. */
static int write_l1_cpio(struct job *j, const char *dir, struct diag *why)
{
	char *cpio = xasprintf("%s/l1.cpio", dir);
	int e = cpio_write_file(cpio, j->o->boot_efi ? "l1.efi" : "l1.elf", j->o->image);

	if (e)
		diag_set(why, e, "cannot pack %s into %s: %s: check --image", j->o->image, cpio, strerror(-e));
	free(cpio);
	return e;
}

/* A third initramfs, kvm.cpio (/kvm-modules): --kvm-modules' modules, or --lab-kernel's. */
static bool sends_modules(const struct run_opts *o)
{
	return o->kvm_modules || own.bzimage;
}

static int job_modules_cpio(const struct run_opts *o, const char *dir, struct diag *why)
{
	if (o->kvm_modules)
		return lab_modules_cpio(o->kvm_modules, dir, why);
	return own.bzimage ? lab_modules_cpio_files(own.ko, dir, why) : 0;
}

/* The VMX lab: a GRUB ISO with the kernel and its initramfs parts, booted in Bochs. */
static int lab_start_bochs(struct job *j, const char *cmd, struct diag *why)
{
	const bool qemu = lab_kind(j->o)->qemu;
	char *boot = xasprintf("%s/iso/boot", j->dir), *grub = xasprintf("%s/grub", boot);
	char *cfg = NULL, *rc = NULL;
	int e = file_mkdirs(grub);

	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", grub, strerror(-e));
		goto out;
	}
	for (const char *const *f = (const char *const[]){ "vmlinuz", "initrd.gz", "qemu.cpio.gz", NULL };
	     !e && *f; f++) {
		char *src, *dst;

		if (!strcmp(*f, "qemu.cpio.gz") && !qemu)
			continue;
		src = !strcmp(*f, "vmlinuz") && own.bzimage ? xstrdup(own.bzimage) : lab_file(*f);
		dst = xasprintf("%s/%s", boot, *f);
		e = link(src, dst) ? file_copy(src, dst) : 0;
		if (e)
			diag_set(why, e, "cannot copy %s: %s: run make lab", src, strerror(-e));
		free(src);
		free(dst);
	}
	if (!e)
		e = write_l1_cpio(j, boot, why);
	if (!e)
		e = job_modules_cpio(j->o, boot, why);
	if (e)
		goto out;
	cfg = xasprintf("set timeout=0\n"
			"menuentry \"nestlab lab-vmx\" {\n"
			"\tlinux /boot/vmlinuz %s\n"
			"\tinitrd /boot/initrd.gz /boot/l1.cpio%s%s\n"
			"\tboot\n"
			"}\n", cmd, qemu ? " /boot/qemu.cpio.gz" : "", sends_modules(j->o) ? " /boot/kvm.cpio" : "");
	rc = bochs_config(j->k, bochs_cpu_model(j->o), LAB_MEGS, false);
	e = bochs_boot(j->dir, cfg, "linux normal", rc, &j->pid, why);
out:
	free(boot);
	free(grub);
	free(cfg);
	free(rc);
	return e;
}

/*
 * Appends src to f, after zeros up to a 4-byte boundary: the kernel takes an initramfs of
 * concatenated archives, and looks for a cpio header (or a compression magic) only at
 * such a boundary (Documentation/driver-api/early-userspace/buffer-format.rst).
 */
static int append_padded(FILE *f, const char *src)
{
	FILE *in = fopen(src, "rbe");
	char buf[65536];
	size_t n;
	long at = ftell(f);
	int e = 0;

	if (!in)
		return -errno;
	while (at >= 0 && at++ % 4)
		fputc(0, f);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, f) != n) {
			e = -EIO;
			break;
		}
	if (ferror(in))
		e = -EIO;
	fclose(in);
	return e;
}

/* The SVM lab: QEMU TCG with -kernel, one initrd of the lab's parts, port 0xe9 to a file. */
static int lab_start_qemu(struct job *j, const char *cmd, struct diag *why)
{
	char *initrd = xasprintf("%s/initrd", j->dir);
	char *vmlinuz = own.bzimage ? xstrdup(own.bzimage) : lab_file("vmlinuz"), *out = xasprintf("%s/qemu.out", j->dir);
	char *cmdfile = xasprintf("%s/qemu.cmd", j->dir), *argv[QEMU_TCG_ARGS + 16];
	size_t n = qemu_tcg_argv(j->o, "1024", argv);
	FILE *f = NULL;
	int e = write_l1_cpio(j, j->dir, why);

	if (!e)
		e = job_modules_cpio(j->o, j->dir, why);
	_Static_assert(LAB_MEGS == 1024, "the -m below");
	if (e)
		goto out;
	f = fopen(initrd, "wbe");
	e = f ? 0 : -errno;
	for (const char *const *p = (const char *const[]){ "initrd.gz", "l1.cpio", "qemu.cpio.gz", "kvm.cpio", NULL };
	     !e && *p; p++) {
		bool job_file = !strcmp(*p, "l1.cpio") || !strcmp(*p, "kvm.cpio");
		char *src = job_file ? xasprintf("%s/%s", j->dir, *p) : lab_file(*p);

		if (strcmp(*p, "qemu.cpio.gz") ? strcmp(*p, "kvm.cpio") || sends_modules(j->o) : lab_kind(j->o)->qemu)
			e = append_padded(f, src);
		if (e)
			diag_set(why, e, "cannot append %s to %s: %s: run make lab", src, initrd, strerror(-e));
		free(src);
	}
	if (f && fclose(f) && !e)
		e = diag_set(why, -errno, "cannot write %s: %s: check --results", initrd, strerror(errno));
	if (e)
		goto out;
	argv[n++] = "-serial";
	argv[n++] = "file:lab-serial.log";	/* the lab kernel's console */
	argv[n++] = "-debugcon";
	argv[n++] = "file:debugcon.out";	/* port 0xe9: what lab-init sends */
	argv[n++] = "-kernel";
	argv[n++] = vmlinuz;
	argv[n++] = "-initrd";
	argv[n++] = "initrd";
	argv[n++] = "-append";
	argv[n++] = (char *)cmd;
	argv[n] = NULL;
	backend_write_cmd(cmdfile, argv);	/* how it ran, to repeat by hand from the job directory */
	e = proc_spawn(argv, j->dir, out, &j->pid);
	if (e)
		diag_set(why, e, "cannot start %s: %s: apt-get install qemu-system-x86", argv[0], strerror(-e));
out:
	free(initrd);
	free(vmlinuz);
	free(out);
	free(cmdfile);
	return e;
}

static int lab_start(struct job *j, struct diag *why)
{
	char *cmd = kernel_cmdline(j);
	int e = file_mkdirs(j->dir);

	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", j->dir, strerror(-e));
	} else {
		j->console = xasprintf("%s/l1-console.log", j->dir);
		j->l0_records = xasprintf("%s/l0.records", j->dir);
		j->console_raw = xasprintf("%s/%s", j->dir, e9_file(lab_kind(j->o)));	/* capped while it runs */
		j->console_raw_max = E9_MAX;
		e = lab_kind(j->o)->svm ? lab_start_qemu(j, cmd, why) : lab_start_bochs(j, cmd, why);
	}
	free(cmd);
	return e;
}

static bool starts(const char *l, const char *prefix)
{
	return !strncmp(l, prefix, strlen(prefix));
}

static void keep_as(struct job *j, FILE *f, char **text, size_t *len, const char *name)
{
	if (f && !fclose(f)) {
		char *dst = xasprintf("%s/%s", j->dir, name);

		file_write_atomic(dst, *text ? *text : "", *len);
		free(dst);
	}
	free(*text);
}

/* An inner job's console line that a joined console leaves out (k of n, from 1). */
static bool joined_drops(const char *l, size_t k, size_t n)
{
	static struct record_parsed rp;

	if (n < 2 || record_parse(l, strlen(l), &rp) != RECORD_OK)
		return false;
	return (k > 1 && !strcmp(rp.type, "begin")) || (k < n && !strcmp(rp.type, "end"));
}

/*
 * Cuts the lab's port 0xe9 stream (bochs.out, debugcon.out) into the L1 console, the L0's
 * records (the inner VMM's channel, l0.records) and the lab's notes. The consoles of
 * several inner jobs (--lab-jobs) are joined as one L1's: the first job's begin record,
 * the last one's end record.
 */
static void lab_collect(struct job *j)
{
	char *path = xasprintf("%s/%s", j->dir, e9_file(lab_kind(j->o))), *text = NULL, *l, *next;
	char *console = NULL, *records = NULL, *notes = NULL;
	size_t len, clen = 0, rlen = 0, nlen = 0, consoles = 0, k = 0;
	FILE *c = open_memstream(&console, &clen), *r = open_memstream(&records, &rlen);
	FILE *n = open_memstream(&notes, &nlen);
	enum { NOTES, CONSOLE, RECORDS } part = NOTES;

	if (!c || !r || !n || file_read(path, E9_MAX + 1, &text, &len))
		goto out;
	j->console_cut = len > E9_MAX;
	for (l = text; l && l < text + len; l = memchr(l, '\n', text + len - l), l = l ? l + 1 : NULL)
		consoles += starts(l, "@lab console-begin");
	for (l = text; l < text + len; l = next + 1) {
		next = memchr(l, '\n', text + len - l);
		if (!next)
			next = text + len;
		*next = 0;
		if (starts(l, "@lab console-begin"))
			part = CONSOLE, k++;
		else if (starts(l, "@lab l0-begin"))
			part = RECORDS;
		else if (starts(l, "@lab console-end") || starts(l, "@lab l0-end"))
			part = NOTES;
		else if (part == CONSOLE && !joined_drops(l, k, consoles))
			fprintf(c, "%s\n", l);
		else if (part == RECORDS)
			fprintf(r, "%s\n", l);
		else if (part == NOTES && starts(l, "@lab "))
			fprintf(n, "%s\n", l);
	}
out:
	keep_as(j, r, &records, &rlen, "l0.records");	/* before the console: the session reads it first */
	keep_as(j, c, &console, &clen, "l1-console.log");
	keep_as(j, n, &notes, &nlen, "lab.log");
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

/* The emulator's own complaints, then what the lab said about KVM (insmod, kvm.log). */
static size_t lab_diagnose(struct job *j, char ***lines)
{
	size_t n = lab_kind(j->o)->svm ? qemu_tcg_diagnose_from(j, lines, 0) : bochs_diagnose(j, lines);

	return backend_log_lines(j, "lab.log", 1 << 20, lab_diag_line, 12, lines, n);
}

#define LAB_BACKEND(id, label, boots_efi, vmm)	\
	const struct backend id = {			\
		.name = label,				\
		.probe = lab_probe,			\
		.version = lab_version,			\
		.inputs = lab_inputs,			\
		.cpu_model = lab_cpu_model,		\
		.start = lab_start,			\
		.stop = backend_stop_group,		\
		.diagnose = lab_diagnose,		\
		.collect = lab_collect,			\
		.params = lab_params,			\
		.l0_params = true,			\
		.emulator = false,			\
		.efi = boots_efi,			\
		.migrate = true,	/* -qemu: QEMU's own */	\
	}

LAB_BACKEND(backend_lab_vmx, "lab-vmx", false, true);
LAB_BACKEND(backend_lab_vmx_qemu, "lab-vmx-qemu", true, false);
LAB_BACKEND(backend_lab_svm, "lab-svm", false, true);
LAB_BACKEND(backend_lab_svm_qemu, "lab-svm-qemu", false, false);	/* --boot efi: not tried yet */
