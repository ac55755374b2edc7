/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the VMX families of issue 13's first half share (event/, exception/, ptimer/,
 * msrarea/, entrycheck/): capability checks that end in a SKIP naming the bit, control
 * changes between exits, and the VM-entry interruption-information format (SDM vol. 3,
 * "VM-Entry Controls for Event Injection" and "Information for VM Exits Due to Vectored
 * Events").
 */
#ifndef L1_SCENARIOS_VMX_A_H
#define L1_SCENARIOS_VMX_A_H

#include "l1/scenario.h"
#include "l1/vmx/caps.h"
#include "l1/vmx/vmx_l1.h"

/* Interruption information: vector 7:0, type 10:8, error code valid 11, valid 31. */
enum intr_type {
	INTR_EXTERNAL = 0, INTR_NMI = 2, INTR_HW_EXCEPTION = 3, INTR_SOFT_INT = 4,
	INTR_PRIV_SOFT_EXCEPTION = 5, INTR_SOFT_EXCEPTION = 6, INTR_OTHER = 7,
};
#define INTR_INFO(type, vector)	(BIT(31) | ((u32)(type) << 8) | (u8)(vector))
#define INTR_INFO_ERROR		BIT(11)
#define INTR_INFO_VALID		BIT(31)
#define INTR_INFO_TYPE(i)	(((i) >> 8) & 7)
#define INTR_INFO_VECTOR(i)	((i) & 0xff)
#define INTR_INFO_NMI_UNBLOCK	BIT(12)	/* exit info only: "NMI unblocking due to IRET" */

/* Guest interruptibility state (SDM "Guest Non-Register State"). */
#define INTR_BLOCK_STI		BIT(0)
#define INTR_BLOCK_MOV_SS	BIT(1)
#define INTR_BLOCK_NMI		BIT(3)

/* Guest activity state. */
enum { ACTIVITY_ACTIVE, ACTIVITY_HLT, ACTIVITY_SHUTDOWN, ACTIVITY_WAIT_SIPI };

/* Exception vectors (SDM "Exception and Interrupt Reference"). */
enum { VEC_DB = 1, VEC_NMI = 2, VEC_BP = 3, VEC_UD = 6, VEC_GP = 13, VEC_PF = 14 };

/* Exit qualification of a debug exception: B3:0 bits 3:0, BS bit 14 (SDM "Exit
 * Qualification for Debug Exceptions"); pending-debug-exceptions field likewise. */
#define DBG_BS			BIT(14)
#define RFLAGS_TF		BIT(8)
#define RFLAGS_IF		BIT(9)

/* SKIP naming the control bit unless the CPU allows its 1-setting. */
static inline void need_ctl(int feature)
{
	char buf[96];

	if (!vmx_has(feature)) {
		vmx_describe(feature, buf, sizeof(buf));
		scenario_skip("needs %s", buf);
	}
}

/* Sets and clears control bits of the current VMCS between exits. */
static inline void ctl_set(u32 field, u32 bits)   { vmwrite(field, vmread(field) | bits); }
static inline void ctl_clear(u32 field, u32 bits) { vmwrite(field, vmread(field) & ~bits); }

static inline u64 vmx_misc(void) { return vmx_caps.msr[CAP_IA32_VMX_MISC]; }

/*
 * L1 completes the instruction that exited (VMCALL): RIP past it, and the STI/MOV-SS
 * blocking it was under ends with it (SDM "Interruptibility State").
 */
static inline void skip_and_unblock(struct vcpu *v)
{
	vmx_skip_instruction(v);
	vmwrite(VMCS_GUEST_INTERRUPTIBILITY,
		vmread(VMCS_GUEST_INTERRUPTIBILITY) & ~(u64)(INTR_BLOCK_STI | INTR_BLOCK_MOV_SS));
}

/* The full exit reason of a VMCALL with one of the hypercalls of l2/l2.h's HCA_ group. */
static inline bool is_hca(struct vcpu *v, u64 code, u64 nr)
{
	return code == EXIT_VMCALL && v->gpr[RAX] == nr;
}

#endif
