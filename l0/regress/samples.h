/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Raw samples from L1's `samples` records (docs/records.md): chunks in run order,
 * checked strictly (guest output is untrusted) and appended to a latency.
 */
#ifndef L0_SAMPLES_H
#define L0_SAMPLES_H

#include "l0/run/record.h"
#include "lib/types.h"

#define SAMPLES_MAX 1024	/* L1's MAX_ITERS */

/*
 * Appends one record's samples to the *n of *n_of taken so far (a latency's samples,
 * nsamples, samples_of); after_summary: its latency record came already. NULL, or what
 * is wrong with the record (a static string).
 */
const char *samples_take(u64 **samples, size_t *n, size_t *n_of, bool after_summary,
			 const struct record_parsed *r);

#endif
