// SPDX-License-Identifier: GPL-2.0-only
/*
 * L0 = qemu-system-s390x (s390x/README.md). The image is s390x/, not L1: it
 * runs the s390x scenarios (s390x/scenarios.def) on two CPUs and prints the
 * same records on the SCLP console (QEMU's -serial is the VT220 sclpconsole).
 * TCG here, KVM on an s390 host with /dev/kvm. The guest ends by stopping
 * every CPU (QEMU shuts down); a crash ends in a disabled wait, which
 * -action panic=shutdown also turns into QEMU's exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "l0/backend/backend.h"
#include "l0/run/l1cmd.h"
#include "l0/sys/file.h"
#include "l0/backend/image.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

#define S390X_IMAGE "s390x/nestlab-s390x.elf"
#define CMDLINE_MAX 0x37f	/* QEMU copies -append to 0x10480, up to 0x10800 */
#define EM_S390 22
#define DIAG_LINES_MAX 8

static char qemu_bin[PATH_MAX];

static bool use_kvm(void)
{
	struct utsname u;

	return !uname(&u) && !strcmp(u.machine, "s390x") && !access("/dev/kvm", R_OK | W_OK);
}

static int s390x_probe(const struct run_opts *o, struct diag *why)
{
	const char *env = getenv("NESTLAB_QEMU_S390X");

	(void)o;
	if (proc_find(env && *env ? env : "qemu-system-s390x", qemu_bin, sizeof(qemu_bin)))
		return diag_set(why, -ENOENT, env && *env ? "NESTLAB_QEMU_S390X=%s is not an executable: fix or unset it"
							  : "qemu-system-s390x not found%s: apt-get install qemu-system-misc",
				env && *env ? env : "");
	return 0;
}

static char *s390x_version(const struct run_opts *o)
{
	char *v = backend_tool_version(qemu_bin, "--version", "QEMU emulator version "), *s;

	(void)o;
	s = xasprintf("qemu-system-s390x%s%s (%s)", *v ? " " : "", v, use_kvm() ? "kvm" : "tcg");
	free(v);
	return s;
}

static const char *s390x_cpu_model(const struct run_opts *o)
{
	(void)o;
	return use_kvm() ? "host" : "qemu";
}

/* Default image beside the L1 image; it must be a big-endian 64-bit ELF for S/390. */
static int s390x_check_image(struct run_opts *o, const char *given, char *abs)
{
	char def[PATH_MAX], *slash;
	unsigned char h[20];
	const char *path = given;
	int fd;

	if (!path) {
		if (image_default(def, sizeof(def)) || !(slash = strstr(def, "/l1/l1.elf")))
			return fprintf(stderr, "nestlab: cannot find the build directory: pass --image PATH\n"), -ENOENT;
		snprintf(slash, sizeof(def) - (slash - def), "/%s", S390X_IMAGE);
		path = def;
	}
	if (!realpath(path, abs))
		return fprintf(stderr, "nestlab: s390x image %s not found: run make%s\n", path,
			       given ? "" : ", or pass --image PATH"), -ENOENT;
	fd = open(abs, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, h, sizeof(h)) != sizeof(h) || memcmp(h, "\177ELF\2\2", 6) || h[18] ||
	    h[19] != EM_S390) {
		if (fd >= 0)
			close(fd);
		return fprintf(stderr, "nestlab: %s is not an s390x ELF image: pass the one make builds (build/%s)\n",
			       abs, S390X_IMAGE), -ENOEXEC;
	}
	close(fd);
	o->image = abs;
	return 0;
}

static int s390x_start(struct job *j, struct diag *why)
{
	char *cmdline = l1_cmdline(j), *out = xasprintf("%s/qemu.out", j->dir);
	char *cmdfile = xasprintf("%s/qemu.cmd", j->dir);
	/* MTTCG (one thread per CPU) loses SIGP start/restart wake-ups in QEMU 7.2: one thread. */
	char *argv[] = { qemu_bin, "-M", "s390-ccw-virtio", "-accel", use_kvm() ? "kvm" : "tcg,thread=single",
			 "-smp", "2", "-m", "128", "-display", "none", "-nodefaults", "-no-user-config",
			 "-serial", "file:serial.log", "-action", "panic=shutdown", "-kernel", (char *)j->o->image,
			 "-append", cmdline, NULL };
	int e;

	if (!cmdline || strlen(cmdline) > CMDLINE_MAX) {
		e = diag_set(why, -E2BIG, "the s390x command line is over %d bytes: select fewer scenarios per job (-j)",
			     CMDLINE_MAX);
		goto out;
	}
	e = file_mkdirs(j->dir);
	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", j->dir, strerror(-e));
		goto out;
	}
	backend_write_cmd(cmdfile, argv);	/* how it ran, to repeat by hand */
	j->console = xasprintf("%s/serial.log", j->dir);
	e = proc_spawn(argv, j->dir, out, &j->pid);
	if (e)
		diag_set(why, e, "cannot start %s: %s: apt-get install qemu-system-misc", qemu_bin, strerror(-e));
out:
	free(cmdline);
	free(out);
	free(cmdfile);
	return e;
}

/* Its answer to the runner's own SIGTERM explains nothing. */
static bool s390x_diag_line(const char *l)
{
	return !strstr(l, "terminating on signal");
}

/* QEMU's own complaints in qemu.out explain a run that failed. */
static size_t s390x_diagnose(struct job *j, char ***lines)
{
	return backend_log_lines(j, "qemu.out", 1u << 20, s390x_diag_line, DIAG_LINES_MAX, lines, 0);
}

const struct backend backend_qemu_s390x = {
	.name = "qemu-s390x",
	.probe = s390x_probe,
	.version = s390x_version,
	.cpu_model = s390x_cpu_model,
	.start = s390x_start,
	.stop = backend_stop_group,
	.diagnose = s390x_diagnose,
	.emulator = true,
	.arch = "s390x",
	.check_image = s390x_check_image,
};
