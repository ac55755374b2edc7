/* SPDX-License-Identifier: GPL-2.0-only */
/* The VMX capability MSRs as read at boot, and what the controls may be. */
#ifndef L1_VMX_CAPS_H
#define L1_VMX_CAPS_H

#include "x86/vmx.h"

struct vmx_caps {
	u64 msr[CAP_COUNT];
	bool present[CAP_COUNT];
	u32 allowed0[CTL_WORDS];	/* bits that must be 1 */
	u32 allowed1[CTL_WORDS];	/* bits that may be 1 */
};

extern struct vmx_caps caps;

/* Reads the MSRs the CPU has (SDM: each exists only if an earlier one says so). */
void caps_read(void);
bool caps_has(enum vmx_feature f);
/* Prints the capability MSRs and the feature table, as records and INFO lines. */
void caps_report(void);
/* Adjusts a requested control word; returns the bits requested but not allowed. */
u32 caps_adjust(enum vmx_ctl_word w, u32 want, u32 *out);

#endif
