/* SPDX-License-Identifier: GPL-2.0-only */
/* What a `crash` record says, as one line for a CRASH verdict (docs/records.md). */
#ifndef L0_RUN_CRASH_H
#define L0_RUN_CRASH_H

#include "l0/run/record.h"

/* "L1 took #GP (vector 13) error=0x0 rip=0x... cr2=0x0", or the s390x interruption;
 * fields that are not 0x numbers print as "?". Malloc'd. */
char *crash_reason(const struct record_parsed *r);

#endif
