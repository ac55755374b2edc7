// SPDX-License-Identifier: GPL-2.0-only
/* The L0 backends and the choice "auto" makes among them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/backend.h"
#include "l0/sys/file.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

/* Best first: real nesting before emulation (kvm, qemu-kvm, qemu-tcg come here). */
static const struct backend *const backends[] = {
	&backend_kvm,
	&backend_bochs,
	&backend_lab_vmx,	/* never chosen by auto: it is slower than Bochs alone */
	&backend_lab_vmx_qemu,
	&backend_lab_svm,	/* never chosen by auto: slower than QEMU TCG alone */
	&backend_lab_svm_qemu,
	&backend_qemu_kvm,	/* after bochs: auto prefers nestlab's own VMM */
	&backend_qemu_tcg,	/* SVM: after bochs, whose VMX suite is the reference */
	&backend_qemu_s390x,	/* never chosen by auto: another architecture (s390x/) */
};

const struct backend *backend_at(size_t i)
{
	return i < sizeof(backends) / sizeof(backends[0]) ? backends[i] : NULL;
}

const struct backend *backend_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++)
		if (!strcmp(backends[i]->name, name))
			return backends[i];
	return NULL;
}

const char *backend_arch(const char *name)
{
	const struct backend *be = backend_find(name);

	return be ? be->arch : NULL;
}

/*
 * The first back end that probes fine, best first. When none does, the emulator's reason
 * is the one to give: an emulator is what every machine can install.
 */
int backend_auto(struct run_opts *o, struct diag *why, struct diag *note)
{
	struct diag first = { "", "" }, fallback = { "", "" };
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		if (backends[i]->arch)
			continue;
		if (o->boot_efi && !backends[i]->efi) {
			if (!i)
				diag_set(&first, 0, "it cannot boot UEFI (--boot efi)");
			continue;
		}
		o->be = backends[i];
		if (!backends[i]->probe(o, why)) {
			diag_set(note, 0, "backend auto: %s (the best L0 available here%s%s)",
				 backends[i]->name, i ? "; kvm: " : "", i ? first.msg : "");
			return 0;
		}
		if (!i)
			first = *why;
		if (backends[i]->emulator && !fallback.msg[0])
			fallback = *why;
	}
	*why = fallback.msg[0] ? fallback : first;
	o->be = NULL;
	return -ENOENT;
}

void backend_stop_group(struct job *j)
{
	proc_kill_group(j->pid, 2000);
	j->pid = 0;
}

size_t backend_log_lines(struct job *j, const char *file, size_t max_bytes, bool (*keep)(const char *line),
			 size_t max, char ***lines, size_t n)
{
	char *path = xasprintf("%s/%s", j->dir, file), *log, *l, *next;
	size_t len;

	if (n == 0)
		*lines = NULL;
	if (file_read(path, max_bytes, &log, &len)) {
		free(path);
		return n;
	}
	free(path);
	for (l = log; l < log + len && n < max; l = next + 1) {
		next = memchr(l, '\n', log + len - l);
		if (!next)
			next = log + len;
		*next = '\0';
		if (next > l && (!keep || keep(l)))
			APPEND(*lines, n, escape_bytes(l, next - l, 300));
	}
	free(log);
	return n;
}

void backend_write_cmd(const char *path, char *const argv[])
{
	char *text = xstrdup(""), *t;

	for (size_t i = 0; argv[i]; i++) {
		t = xasprintf("%s%s'%s'", text, i ? " " : "", argv[i]);
		free(text);
		text = t;
	}
	t = xasprintf("%s\n", text);
	file_write(path, t, strlen(t));
	free(t);
	free(text);
}

char *backend_tool_version(const char *bin, const char *option, const char *banner)
{
	char out[8192], *p;

	proc_capture((char *[]){ (char *)bin, (char *)option, NULL }, out, sizeof(out), 5000);
	p = strstr(out, banner);
	if (!p)
		return xstrdup("");
	p += strlen(banner);
	return xstrndup(p, strspn(p, "0123456789."));
}
