/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why something cannot go on: the one line that names the fix, filled by the function
 * that knows, printed by the command's main (l0/sys/exit_status.h); note: a warning to
 * print even when it goes on.
 */
#ifndef L0_DIAG_H
#define L0_DIAG_H

struct diag {
	char msg[600];
	char note[300];
};

/* Sets d->msg from fmt; returns err, so that "return diag_set(why, -ENOENT, ...)" reads. */
int diag_set(struct diag *d, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
