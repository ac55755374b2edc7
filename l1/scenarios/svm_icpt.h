/* SPDX-License-Identifier: GPL-2.0-only */
/* What the SVM intercept scenarios (icpt/: svm_icpt.c, svm_maps.c) share. */
#ifndef L1_SCENARIOS_SVM_ICPT_H
#define L1_SCENARIOS_SVM_ICPT_H

#include "l1/scenario.h"

/*
 * Moves L2 past the instruction at its RIP, which must be `bytes` (len of them): L1
 * knows which instruction it made L2 run, and a different one is an ERROR, not a skip.
 */
enum exit_action icpt_skip(struct vcpu *v, const char *bytes, u32 len);

/* Where a scenario's EXITINFO checks stand: scn_state slots. */
enum { ST_ROW, ST_BAD, ST_LAST, ST_SEEN, ST_WANT };

/* Records one exit's EXITINFO1 against want under mask. */
void icpt_info(struct vcpu *v, u64 info, u64 want, u64 mask);
/* The checks after the window: every recorded EXITINFO1 matched. */
void icpt_info_check(struct vcpu *v, const char *what);

#endif
