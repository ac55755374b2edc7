/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run's measurement and CI options (parsed here, declared in main.c's table):
 *   --warmup N  --raw  --inject-delay N  --junit FILE  --shard I/N  --icount on|off
 *   --boot efi|bios
 */
#ifndef L0_RUNOPT_H
#define L0_RUNOPT_H

#include "l0/backend/backend.h"

/* name: the long option without "--"; 0, or 2 after one line on stderr. */
int runopt_parse(const char *name, const char *arg, struct run_opts *o);

#endif
