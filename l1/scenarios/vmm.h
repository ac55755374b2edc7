/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vmm/ family (issue 19): scenarios in which nestlab's own VMM acts on the vCPU at a
 * point L1 or L2 picks, through the actor port (x86/vmm_actor.h). What they share.
 */
#ifndef L1_SCENARIOS_VMM_H
#define L1_SCENARIOS_VMM_H

#include "l1/scenario.h"
#include "x86/vmm_actor.h"

/* Iterations: a migration costs about 0.2 s of the lab's emulated time. */
#define VMM_ITERS	8

/* The request block L1 and L2 use (L2 reaches it through L1's identity map). */
extern struct vmm_actor_req vmm_req;

/* Every piece the VMM compares: each must read back the same after a round trip. */
#define VMM_ALL_PIECES	(BIT(VMM_PIECE_REGS) | BIT(VMM_PIECE_SREGS) | BIT(VMM_PIECE_XSAVE) |	\
			 BIT(VMM_PIECE_XCRS) | BIT(VMM_PIECE_MSRS) | BIT(VMM_PIECE_LAPIC) |	\
			 BIT(VMM_PIECE_EVENTS) | BIT(VMM_PIECE_MP_STATE) |			\
			 BIT(VMM_PIECE_DEBUGREGS) | BIT(VMM_PIECE_NESTED))

/* SKIP unless the VMM owns the port; passes the port to L2; arg0..3 as l2/vmm.c reads. */
void vmm_setup(struct vcpu *v, u32 action, u64 value, u64 flags);
/* L1 asks for action itself (between an exit and its next entry); false with v->scn_state
 * counting the trouble: [0] failed requests, [1] pieces that differed, [2] requests that
 * saw nested guest mode. */
bool vmm_l1_ask(struct vcpu *v, u32 action);
/* The address of the control block L1 runs L2 with: VMCS (VMPTRST) or VMCB. */
u64 vmm_l1_control_block(void);
/* What an exception exit says, read from the VMCS or VMCB; false: not an exception exit. */
struct vmm_exception {
	u8 vector;
	bool has_error;
	u32 error;
	u64 address;		/* #PF: VMX exit qualification, SVM EXITINFO2 */
	u64 rip;		/* L2's RIP saved on the exit */
};
bool vmm_exception_exit(u64 code, struct vmm_exception *e);
/* Their VMX and SVM halves (vmm_vmx.c, vmm_svm.c). */
u64 vmm_vmx_control_block(void);
u64 vmm_svm_control_block(void);
bool vmm_vmx_exception_exit(u64 code, struct vmm_exception *e);
bool vmm_svm_exception_exit(u64 code, struct vmm_exception *e);
/* The checks every scenario ends with: the requests' trouble counters, the last answer. */
void vmm_check_requests(struct vcpu *v, bool guest_mode);

#endif
