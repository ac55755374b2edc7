// SPDX-License-Identifier: GPL-2.0-only
/*
 * --boot efi on QEMU. How L1 gets its command line: OVMF's boot manager starts an ESP's
 * EFI/BOOT/BOOTX64.EFI with no load options, and the UEFI shell (startup.nsh) waits 5 s
 * first, a busy wait that takes minutes under -icount. OVMF's QEMU kernel loader does
 * neither: given -kernel with a PE image it starts it at once with -append as its load
 * options (UCS-2), the way an EFI-stub Linux gets its command line. So QEMU gets the job's
 * ESP copy of the image through -kernel; the ESP with startup.nsh stays beside it for a
 * UEFI shell or a real machine.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/efi.h"
#include "l0/sys/file.h"
#include "l0/backend/image.h"
#include "l0/sys/util.h"

/* Best first: one image for -bios boots faster than split pflash (../shared/emulators.md). */
static const struct { const char *code, *vars; } candidates[] = {
	{ "/usr/share/ovmf/OVMF.fd", "" },				/* Debian, Ubuntu */
	{ "/usr/share/qemu/OVMF.fd", "" },
	{ "/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd" },
	{ "/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd" },
	{ "/usr/share/edk2/ovmf/OVMF_CODE.fd", "/usr/share/edk2/ovmf/OVMF_VARS.fd" },	/* Fedora */
	{ "/usr/share/edk2/x64/OVMF_CODE.4m.fd", "/usr/share/edk2/x64/OVMF_VARS.4m.fd" },	/* Arch */
};

static char found[2 * PATH_MAX + 8];

static int fill(struct efi_firmware *fw, const char *code, const char *vars)
{
	if (access(code, R_OK) || (vars[0] && access(vars, R_OK)))
		return -ENOENT;
	snprintf(fw->code, sizeof(fw->code), "%s", code);
	snprintf(fw->vars, sizeof(fw->vars), "%s", vars);
	snprintf(found, sizeof(found), "%s%s%s", code, vars[0] ? " + " : "", vars);
	return 0;
}

int efi_firmware_find(struct efi_firmware *fw, struct diag *why)
{
	const char *env = getenv("NESTLAB_OVMF");

	if (env && *env) {
		char code[PATH_MAX];
		const char *comma = strchr(env, ',');
		size_t n = comma ? (size_t)(comma - env) : strlen(env);

		snprintf(code, sizeof(code), "%.*s", (int)n, env);
		if (fill(fw, code, comma ? comma + 1 : ""))
			return diag_set(why, -ENOENT, "NESTLAB_OVMF=%s: not a readable OVMF image (FILE for -bios, "
					"or CODE,VARS for pflash): fix or unset it", env);
		return 0;
	}
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++)
		if (!fill(fw, candidates[i].code, candidates[i].vars))
			return 0;
	return diag_set(why, -ENOENT, "--boot efi: no OVMF firmware (looked for %s, %s and %s): apt-get install ovmf, "
			"or set NESTLAB_OVMF=FILE or CODE,VARS", candidates[0].code, candidates[2].code,
			candidates[2].vars);
}

const char *efi_firmware_path(void)
{
	return found[0] ? found : NULL;
}

int efi_image_default(char *out, size_t size)
{
	return image_in_build("efi/BOOTX64.EFI", out, size);
}

static int write_esp(struct job *j, const char *cmdline, char **image, struct diag *why)
{
	char *dir = xasprintf("%s/esp/EFI/BOOT", j->dir), *nsh = xasprintf("%s/esp/startup.nsh", j->dir);
	char *line = xasprintf("\\EFI\\BOOT\\BOOTX64.EFI %s\r\n", cmdline);
	int e = file_mkdirs(dir);

	*image = xasprintf("%s/BOOTX64.EFI", dir);
	if (e) {
		diag_set(why, e, "cannot create %s: %s: check --results", dir, strerror(-e));
		goto out;
	}
	e = link(j->o->image, *image) ? file_copy(j->o->image, *image) : 0;
	if (e) {
		diag_set(why, e, "cannot copy %s to %s: %s: check --image and --results", j->o->image, *image,
			 strerror(-e));
		goto out;
	}
	e = file_write(nsh, line, strlen(line));
	if (e)
		diag_set(why, e, "cannot write %s: %s: check --results", nsh, strerror(-e));
out:
	free(dir);
	free(nsh);
	free(line);
	return e;
}

int efi_boot_prepare(struct job *j, const struct efi_firmware *fw, const char *cmdline, struct efi_boot *b,
		     struct diag *why)
{
	char *image = NULL;
	int e = write_esp(j, cmdline, &image, why);

	b->n = 0;
	if (e) {
		free(image);
		return e;
	}
	if (fw->vars[0]) {
		/* The firmware writes its variables: each job starts from the distribution's template. */
		char *vars = xasprintf("%s/OVMF_VARS.fd", j->dir);

		e = file_copy(fw->vars, vars);
		if (e) {
			diag_set(why, e, "cannot copy %s to %s: %s: check --results", fw->vars, vars, strerror(-e));
			free(vars);
			free(image);
			return e;
		}
		b->arg[b->n++] = xstrdup("-drive");
		b->arg[b->n++] = xasprintf("if=pflash,format=raw,unit=0,readonly=on,file=%s", fw->code);
		b->arg[b->n++] = xstrdup("-drive");
		b->arg[b->n++] = xstrdup("if=pflash,format=raw,unit=1,file=OVMF_VARS.fd");
		free(vars);
	} else {
		b->arg[b->n++] = xstrdup("-bios");
		b->arg[b->n++] = xstrdup(fw->code);
	}
	/* QEMU runs in the job directory: relative names keep qemu.cmd repeatable there. */
	b->arg[b->n++] = xstrdup("-kernel");
	b->arg[b->n++] = xstrdup("esp/EFI/BOOT/BOOTX64.EFI");
	free(image);
	return 0;
}

void efi_boot_free(struct efi_boot *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->arg[i]);
	b->n = 0;
}

int qemu_boot_args(struct job *j, const struct efi_firmware *fw, char *cmdline, struct efi_boot *b,
		   char **argv, size_t *n, struct diag *why)
{
	int e;

	if (j->o->boot_efi) {
		e = efi_boot_prepare(j, fw, cmdline, b, why);
		for (size_t i = 0; i < b->n; i++)
			argv[(*n)++] = b->arg[i];
	} else {
		e = file_mkdirs(j->dir);
		if (e)
			diag_set(why, e, "cannot create %s: %s: check --results", j->dir, strerror(-e));
		argv[(*n)++] = "-kernel";
		argv[(*n)++] = (char *)j->o->image;
	}
	argv[(*n)++] = "-append";
	argv[(*n)++] = cmdline;
	argv[*n] = NULL;
	return e;
}
