/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * --shard I/N: the I-th of N CI jobs runs the selected scenarios whose position in
 * the selection (registry order) is I-1 modulo N. Deterministic: the same selection
 * and N give every job the same split; nestlab merge puts the shards back together.
 */
#ifndef L0_SHARD_H
#define L0_SHARD_H

#include <stdbool.h>
#include <stddef.h>

#include "l0/run/scenario.h"

/* "I/N" with I <= N, both within --shard's bounds (lib/run_options.h, 1 to 1024). */
bool shard_parse(const char *s, unsigned *i, unsigned *n);
/* Keeps shard i of n in sel[] (in place); returns how many are left. */
size_t shard_select(const struct scenario_info **sel, size_t count, unsigned i, unsigned n);

#endif
