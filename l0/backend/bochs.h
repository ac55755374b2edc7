/* SPDX-License-Identifier: GPL-2.0-only */
/* Bochs as an L0, shared by the bochs back end (L1 on bare metal) and the VMX lab. */
#ifndef L0_BOCHS_H
#define L0_BOCHS_H

#include <stdbool.h>
#include <sys/types.h>

#include "l0/backend/backend.h"

int bochs_probe(const struct run_opts *o, struct diag *why);
char *bochs_version(const struct run_opts *o);
const char *bochs_cpu_model(const struct run_opts *o);
/* bochsrc for a job directory (boot.iso, serial.log, bochs.log); strict_msrs: unknown MSRs #GP. */
char *bochs_config(int job, const char *model, unsigned megs, bool strict_msrs);
int bochs_write_in(const char *dir, const char *name, const char *text);
/*
 * Writes grub.cfg, bochsrc and rcfile in dir, makes dir/boot.iso from dir/iso (the caller
 * has put its files under dir/iso/boot) with the GRUB modules named, and starts Bochs in
 * dir in its own process group, stdout to dir/bochs.out.
 */
int bochs_boot(const char *dir, const char *grub_cfg, const char *grub_modules, const char *rc,
	       pid_t *pid, struct diag *why);
size_t bochs_diagnose(struct job *j, char ***lines);

#endif
