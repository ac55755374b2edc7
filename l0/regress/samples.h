/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Raw samples from L1's `samples` records (docs/records.md): chunks in run order,
 * checked strictly (guest output is untrusted) and appended to a latency.
 */
#ifndef L0_SAMPLES_H
#define L0_SAMPLES_H

#include "l0/run/record.h"
#include "l0/run/session.h"

#define SAMPLES_MAX 1024	/* L1's MAX_ITERS */

/* Appends one record's samples; NULL, or what is wrong with it (a static string). */
const char *samples_take(struct latency *l, const struct record_parsed *r);

#endif
