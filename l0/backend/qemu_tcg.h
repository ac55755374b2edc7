/* SPDX-License-Identifier: GPL-2.0-only */
/* QEMU TCG as an L0, shared by the qemu-tcg back end (L1 on bare metal) and the SVM lab. */
#ifndef L0_QEMU_TCG_H
#define L0_QEMU_TCG_H

#include <stddef.h>

#include "l0/backend/backend.h"

/* Finds qemu-system-x86_64 (or $NESTLAB_QEMU). */
int qemu_tcg_probe(const struct run_opts *o, struct diag *why);
/* "qemu-system-x86_64 7.2.22 (tcg, icount shift=0)", malloc'd. */
char *qemu_tcg_version(const struct run_opts *o);
/*
 * The binary and the machine every TCG run shares (-cpu max, -icount unless --icount off,
 * megs of memory, no default devices, no reboot) into argv; returns how many words.
 * At most QEMU_TCG_ARGS; the caller adds its devices, kernel and NULL.
 */
#define QEMU_TCG_ARGS 16
size_t qemu_tcg_argv(const struct run_opts *o, const char *megs, char **argv);
/* QEMU's own lines in j->dir/qemu.out (n lines already in *lines). */
size_t qemu_tcg_diagnose_from(struct job *j, char ***lines, size_t n);

#endif
