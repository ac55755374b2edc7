/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the VMX families 6-10 (crexit/, insn/, tlb/, eptx/, tsc/, vmxinsn/) share: SKIP
 * for a control or capability bit the CPU lacks, the decoding of a memory operand from the
 * VM-exit instruction information, the VMX-instruction outcomes L1 emulates for L2, and
 * a count of wrong observations inside the window (scn_state[BAD], checked afterwards).
 */
#ifndef L1_SCENARIOS_VMXB_H
#define L1_SCENARIOS_VMXB_H

#include "l1/scenario.h"
#include "l1/vmx/caps.h"
#include "l1/vmx/vmx_l1.h"

#define VMXB_BAD	15	/* scn_state[]: wrong observations */
#define VMXB_FIRST_BAD	14	/* scn_state[]: the first one's value */

/* SKIP unless the control (enum vmx_feature) may be 1, naming its bit. */
void vmxb_need_ctl(int feature);
/* SKIP unless IA32_VMX_EPT_VPID_CAP has every bit of mask; name says which. */
void vmxb_need_ept_cap(u64 mask, const char *name);
u64 vmxb_ept_cap(void);

/* A wrong observation inside the window: counted, the first value kept. */
void vmxb_bad(struct vcpu *v, u64 value);
/* After the window: no wrong observation. what says what was observed. */
void vmxb_check_none_bad(struct vcpu *v, const char *what);
/* Holds L2's result3 (the times it saw a wrong value) at 0. */
void vmxb_check_l2_clean(struct vcpu *v, const char *what);

/*
 * SDM "VM-Exit Instruction-Information Field as Used for ... VMCLEAR, VMPTRLD, VMPTRST,
 * VMXON, XRSTORS, XSAVES, INVEPT, INVVPID" (and LIDT/LGDT/SIDT/SGDT, LLDT/LTR/SLDT/STR,
 * whose memory-operand bits are the same): scaling 1:0, address size 9:7, register
 * operand 10, index 21:18, index invalid 22, base 26:23, base invalid 27, bits 29:28 the
 * instruction identity, bits 31:28 reg2; the exit qualification is the displacement.
 */
#define INFO_SCALE(i)		((i) & 3)
#define INFO_REG1(i)		(((i) >> 3) & 0xf)
#define INFO_ADDR_SIZE(i)	(((i) >> 7) & 7)
#define INFO_REG_OPERAND	BIT(10)
#define INFO_OP_SIZE(i)		(((i) >> 11) & 3)
#define INFO_INDEX(i)		(((i) >> 18) & 0xf)
#define INFO_INDEX_INVALID	BIT(22)
#define INFO_BASE(i)		(((i) >> 23) & 0xf)
#define INFO_BASE_INVALID	BIT(27)
#define INFO_IDENTITY(i)	(((i) >> 28) & 3)
#define INFO_REG2(i)		(((i) >> 28) & 0xf)
#define INFO_ADDR_64		2
/* The linear address of the memory operand (segment bases are 0 in 64-bit mode). */
u64 vmxb_operand_address(struct vcpu *v, u32 info);

/* VMsucceed / VMfailInvalid for L2 (SDM "Conventions" in "VMX Instruction Reference"),
 * and skip the instruction. */
void vmxb_vmsucceed(struct vcpu *v);
void vmxb_vmfail_invalid(struct vcpu *v);
/* VMfailValid: ZF = 1, CF/PF/AF/SF/OF = 0; the caller sets the VM-instruction error field
 * of L2's current virtual VMCS. */
void vmxb_vmfail_valid(struct vcpu *v);
/* Reflects #UD to L2 by VM-entry event injection; RIP stays on the instruction. */
void vmxb_inject_ud(struct vcpu *v);

#endif
