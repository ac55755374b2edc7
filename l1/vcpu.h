/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's view of its one L2 vCPU: guest GPRs, exit counts, emulated-device state. */
#ifndef L1_VCPU_H
#define L1_VCPU_H

#include "lib/types.h"
#include "x86/vmx.h"
#include "l2/l2.h"

/* SDM register numbering (VM-exit instruction information): 0 RAX, 1 RCX, ..., 15 R15.
 * Slot 4 (RSP) is unused: L2's RSP lives in the VMCS. l1/vmx/entry.asm uses these offsets. */
enum gpr { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15, NR_GPRS };

struct scenario;

struct vcpu {
	u64 gpr[NR_GPRS];		/* offset 0: entry.asm */
	u64 host_rsp;			/* offset 128: last HOST_RSP written */
	u8 launched;			/* offset 136 */

	const struct scenario *scn;
	struct l2_ctx *ctx;
	u32 ctl[CTL_WORDS];		/* controls as requested by defaults + setup */
	bool window_open;
	u32 exits[EXIT_REASON_COUNT];	/* inside the window, by basic reason */
	bool done;
	char error[160];		/* non-empty: the scenario ends as ERROR */

	/* State of what L1 emulates for L2, read by the checks. */
	u8 vport_scratch;		/* the virtual UART scratch register */
	u64 vmsr_value;			/* the emulated MSR */
	u64 vvmcs_value;		/* the field L1 emulates for VMREAD/VMWRITE exits */
	u64 last_gpa, last_qual;	/* last EPT violation / APIC access */
	u32 last_apic_offset, last_apic_value;
	u32 vtpr_seen;			/* VTPR at the last TPR-below-threshold exit */
	u32 tpr_threshold;
	u32 cr3_mismatches;		/* HC_CHECK_CR3 exits whose guest CR3 was not L2's */
};

_Static_assert(__builtin_offsetof(struct vcpu, host_rsp) == 128, "entry.asm offset");
_Static_assert(__builtin_offsetof(struct vcpu, launched) == 136, "entry.asm offset");

/* Returns 0 after a VM exit, 1 on VMfailInvalid, 2 on VMfailValid (l1/vmx/entry.asm). */
int vmx_enter(struct vcpu *v);
void vmx_exit_stub(void);

#endif
