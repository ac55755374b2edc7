/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's view of its one L2 vCPU: guest GPRs, exit counts, emulated-device state. */
#ifndef L1_VCPU_H
#define L1_VCPU_H

#include "lib/types.h"
#include "l1/hv.h"
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
	u32 ctl[CTL_WORDS];		/* VMX: controls as requested by defaults + setup */
	bool window_open;
	u32 exits[HV_EXIT_SLOTS];	/* inside the window, by the back end's slot */
	bool done;
	char error[160];		/* non-empty: the scenario ends as ERROR */
	char skip[160];			/* non-empty: the scenario ends as SKIP (scenario_skip) */

	/* State of what L1 emulates for L2, read by the checks. */
	u8 vport_scratch;		/* the virtual UART scratch register */
	u64 vmsr_value;			/* the emulated MSR */
	u64 vvmcs_value;		/* the field L1 emulates for VMREAD/VMWRITE exits */
	u64 last_gpa, last_qual;	/* last EPT violation or NPF / APIC access */
	bool last_write;		/* the last nested page fault was a write */
	u32 last_apic_offset, last_apic_value;
	u32 vtpr_seen;			/* VTPR at the last TPR-below-threshold exit */
	u32 tpr_threshold;
	u32 cr3_mismatches;		/* HC_CHECK_CR3 exits whose guest CR3 was not L2's */

	/* A scenario's own state, for its setup, on_exit hook and check. */
	u64 scn_state[16];

	/* SVM back end. */
	bool check_nrip;		/* compare the CPU's next RIP with L1's own decoding */
	u32 nrip_checked, nrip_mismatches;
	bool vgif;			/* L1's emulated GIF of L2 (CLGI/STGI exits) */
	/* For the next VMRUN only, set by a scenario's on_exit hook: TLB_CONTROL to use
	 * (0: none) and VMCB clean bits to clear (L1 changed those areas). */
	u8 tlb_control_next;
	u32 clean_clear;
};

_Static_assert(__builtin_offsetof(struct vcpu, host_rsp) == 128, "entry.asm offset");
_Static_assert(__builtin_offsetof(struct vcpu, launched) == 136, "entry.asm offset");

/* l1/exit_common.c: what every back end's exit handlers share. */
__attribute__((format(printf, 2, 3))) enum exit_action vcpu_error(struct vcpu *v, const char *fmt, ...);
/* Counts an exit in the window; the counts are the product, so count before acting. */
static inline void vcpu_count_exit(struct vcpu *v, int slot)
{
	if (v->window_open && slot >= 0 && slot < HV_EXIT_SLOTS)
		v->exits[slot]++;
}
enum exit_action emulate_cpuid(struct vcpu *v);
enum exit_action emulate_hypercall(struct vcpu *v);
enum exit_action emulate_io(struct vcpu *v, u16 port, u32 size, bool in, bool string);
enum exit_action emulate_rdmsr(struct vcpu *v);
enum exit_action emulate_wrmsr(struct vcpu *v);
/* A capability the CPU lacks, found only at setup (a bit of a capability MSR or CPUID leaf
 * that enum hv_cap does not cover): ends the scenario as SKIP; fmt names the bit. */
__attribute__((noreturn, format(printf, 1, 2))) void scenario_skip(const char *fmt, ...);
/* A fatal error of the back end: ends the running scenario as ERROR saying why (outside
 * a scenario: FAIL and power off). l1/scenario.c. */
__attribute__((noreturn, format(printf, 1, 2))) void scenario_fatal(const char *fmt, ...);

#endif
