/* SPDX-License-Identifier: GPL-2.0-only */
/* The VMX capability MSRs as read at boot, and what the controls may be. */
#ifndef L1_VMX_CAPS_H
#define L1_VMX_CAPS_H

#include "l1/hv.h"
#include "x86/vmx.h"

struct vmx_caps {
	u64 msr[CAP_COUNT];
	bool present[CAP_COUNT];
	u32 allowed0[CTL_WORDS];	/* bits that must be 1 */
	u32 allowed1[CTL_WORDS];	/* bits that may be 1 */
};

extern struct vmx_caps vmx_caps;

/* Reads the MSRs the CPU has (SDM: each exists only if an earlier one says so). */
void vmx_caps_read(void);
bool vmx_has(int feature);	/* enum vmx_feature */
/* Prints the capability MSRs and the feature table, as records and INFO lines. */
void vmx_caps_report(void);
/* Adjusts a requested control word; returns the bits requested but not allowed. */
u32 vmx_caps_adjust(enum vmx_ctl_word w, u32 want, u32 *out);
/* The vmx_feature providing each capability, and its name with the bit that reports it. */
extern const s8 vmx_cap_feature[HV_CAP_COUNT];
void vmx_describe(int feature, char *buf, size_t size);

#endif
