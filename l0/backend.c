// SPDX-License-Identifier: GPL-2.0-only
/* The L0 backends and the choice "auto" makes among them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "l0/backend.h"

/* Best first: real nesting before emulation (kvm, qemu-kvm, qemu-tcg come here). */
static const struct backend *const backends[] = {
	&backend_bochs,
};

int diag_set(struct diag *d, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	return err;
}

const struct backend *backend_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++)
		if (!strcmp(backends[i]->name, name))
			return backends[i];
	return NULL;
}

int backend_auto(struct run_opts *o, struct diag *why, struct diag *note)
{
	struct diag first = { "", "" };
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		o->be = backends[i];
		if (!backends[i]->probe(o, why)) {
			diag_set(note, 0, "backend auto: %s (the best L0 available here%s)",
				 backends[i]->name,
				 sizeof(backends) / sizeof(backends[0]) == 1 ? "; kvm and qemu are not supported yet" : "");
			return 0;
		}
		if (!i)
			first = *why;
	}
	*why = first;
	o->be = NULL;
	return -ENOENT;
}
