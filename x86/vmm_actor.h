/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The VMM actor port: L1 or L2 asks the runner's own VMM (the kvm back end, also inside
 * the labs) to act on the vCPU at a precise point. Shared by L1/L2 and the VMM.
 *
 * Probe: IN (32 bits) from VMM_ACTOR_PORT reads VMM_ACTOR_MAGIC where the VMM owns the
 * port. On an emulator (Bochs, QEMU TCG) or under QEMU as the VMM nothing is there and the
 * read gives all ones: the vmm/ scenarios SKIP, naming the port.
 *
 * Request: the guest fills a struct vmm_actor_req in its memory (below 4 GiB, at the same
 * address in L1 and L2: L2 runs on L1's identity map) and writes its guest-physical address
 * with OUT (32 bits) to VMM_ACTOR_PORT. The VMM first completes the OUT (KVM_RUN with
 * immediate_exit, as Documentation/virt/kvm/api.rst asks before state is read: "the
 * corresponding operations are complete (and guest state is consistent) only after
 * userspace has re-entered the kernel with KVM_RUN"), then acts, then writes status, the
 * state it read before and after, and which pieces of state differ, into the request. The
 * guest resumes at the instruction after the OUT, unless the action itself moved it (an
 * exception KVM delivers or turns into a nested exit to L1).
 */
#ifndef X86_VMM_ACTOR_H
#define X86_VMM_ACTOR_H

#include "lib/types.h"

#define VMM_ACTOR_PORT		0x0528	/* 32-bit accesses: ports 0x528-0x52b */
#define VMM_ACTOR_PORT_SPAN	4
#define VMM_ACTOR_MAGIC		0x4d4d564eu	/* "NVMM" */

/*
 * X(ID, code, "name", "what the VMM does"): the action codes. The ioctls are KVM's
 * (Documentation/virt/kvm/api.rst); args are vmm_actor_req.arg[].
 */
#define VMM_ACTIONS(X)									\
	X(READ,		1, "read",	"reads the vCPU state only (before = after)")		\
	X(ROUNDTRIP,	2, "roundtrip",	"KVM_GET_* every piece of vCPU state, KVM_SET_* it back "	\
					"on the same vCPU in migration order, read it again")	\
	X(MIGRATE,	3, "migrate",	"every piece of state, memory included, into a fresh VM "	\
					"and vCPU; the old ones are closed")			\
	X(SET_CR2,	4, "set-cr2",	"KVM_SET_SREGS with cr2 = arg0")			\
	X(SET_CR3,	5, "set-cr3",	"KVM_SET_SREGS with cr3 = arg0")			\
	X(SET_RFLAGS,	6, "set-rflags", "KVM_SET_REGS with rflags = arg0")			\
	X(EXCEPTION,	7, "exception",	"KVM_SET_VCPU_EVENTS: exception arg0 pending; arg1 its "	\
					"error code if arg2 bit 0, arg3 its payload if bit 1; "	\
					"bit 2: then migrate, the exception still pending")	\
	X(NMI,		8, "nmi",	"KVM_NMI")						\
	X(INTERRUPT,	9, "interrupt",	"KVM_SIGNAL_MSI: fixed interrupt, vector arg0, to APIC 0 "\
					"(KVM_INTERRUPT needs a user-space irqchip; this VM has KVM's)")\
	X(DELAYED,	10, "delayed",	"lets the vCPU run arg0 microseconds (KVM_RUN until a timer "	\
					"kicks it out: L2 may halt meanwhile), reads the state, then "	\
					"as arg2 says: migrate, queue event arg1 (VMM_DLY_*) before "	\
					"or after")

enum vmm_action {
#define X(id, code, name, what) VMM_ACT_##id = code,
	VMM_ACTIONS(X)
#undef X
};

/*
 * X(ID, bit, "name"): the pieces of state the VMM carries, in vmm_actor_req.differs.
 * NESTED is the nested state's header (api.rst, struct kvm_nested_state up to data);
 * NESTED_DATA its data, KVM's own vmcs12 or VMCB control area, whose layout api.rst does
 * not give: a difference there is reported, nestlab's checks do not require it equal
 * (exit-information fields the SDM leaves undefined ride along in it).
 */
#define VMM_PIECES(X)			\
	X(REGS,		0, "regs")	\
	X(SREGS,	1, "sregs")	\
	X(XSAVE,	2, "xsave")	\
	X(XCRS,		3, "xcrs")	\
	X(MSRS,		4, "msrs")	\
	X(LAPIC,	5, "lapic")	\
	X(EVENTS,	6, "events")	\
	X(MP_STATE,	7, "mp_state")	\
	X(DEBUGREGS,	8, "debugregs")	\
	X(NESTED,	9, "nested")	\
	X(IRQCHIP,	10, "irqchip")	\
	X(MEMORY,	11, "memory")	\
	X(NESTED_DATA,	12, "nested_data")

enum vmm_piece {
#define X(id, bit, name) VMM_PIECE_##id = bit,
	VMM_PIECES(X)
#undef X
	VMM_PIECE_COUNT
};

/* EXCEPTION's arg2 bits. */
#define VMM_EXC_ERROR_CODE	0x1
#define VMM_EXC_PAYLOAD		0x2
#define VMM_EXC_MIGRATE		0x4

/*
 * DELAYED's arg1: the event, a fixed interrupt with vector bits 7:0 (KVM_SIGNAL_MSI) unless
 * VMM_DLY_NMI (KVM_NMI) or VMM_DLY_NO_EVENT; arg2: VMM_DLY_MIGRATE, VMM_DLY_QUEUE_FIRST
 * (queue before the migration: the event must come across pending). before = the state
 * read once the time ran out (mp_state: halted?), after = at the end.
 */
#define VMM_DLY_NMI		0x100
#define VMM_DLY_NO_EVENT	0x200
#define VMM_DLY_MIGRATE		0x1
#define VMM_DLY_QUEUE_FIRST	0x2
/* KVM_MP_STATE_* of api.rst's KVM_GET_MP_STATE, as vmm_actor_view.mp_state reports them. */
#define VMM_MP_RUNNABLE		0
#define VMM_MP_HALTED		3

/* vmm_actor_req.status */
#define VMM_ST_DONE		0
#define VMM_ST_BAD_ACTION	1	/* no such action */
#define VMM_ST_BAD_REQUEST	2	/* the address is outside guest memory */
#define VMM_ST_FAILED		3	/* an ioctl failed: failed_piece, error = errno */

/* KVM_STATE_NESTED_* of struct kvm_nested_state.flags, as nested_flags reports them. */
#define VMM_NESTED_GUEST_MODE		0x1
#define VMM_NESTED_RUN_PENDING		0x2
#define VMM_NESTED_EVMCS		0x4
#define VMM_NESTED_GIF_SET		0x100
#define VMM_NESTED_FORMAT_VMX		0
#define VMM_NESTED_FORMAT_SVM		1
#define VMM_NESTED_VMX_PREEMPTION_TIMER	0x1	/* hdr.vmx.flags: deadline valid */

/* What the VMM read of the vCPU at one point. */
struct vmm_actor_view {
	u64 rip, rsp, rflags, rax;
	u64 cr0, cr2, cr3, cr4, efer;
	u32 nested_flags, nested_format, nested_size, mp_state;
	u64 vmxon_pa, vmcs12_pa;		/* SVM: vmcs12_pa is L1's VMCB12 address */
	u64 preemption_deadline;		/* VMX, when vmx_flags has the bit */
	u32 vmx_flags;
	u32 events_flags;			/* KVM_VCPUEVENT_VALID_* */
	u8 exc_injected, exc_pending, exc_nr, exc_has_error;
	u32 exc_error;
	u8 exc_has_payload, nmi_injected, nmi_pending, nmi_masked;
	u8 int_injected, int_nr, int_shadow, pad;
	u64 exc_payload;
};

struct vmm_actor_req {
	u32 action;		/* enum vmm_action */
	u32 status;		/* VMM_ST_*, written by the VMM */
	u64 arg[4];
	u32 differs;		/* BIT(VMM_PIECE_*): state read after that differs from before */
	u32 failed_piece;	/* VMM_ST_FAILED: the piece whose ioctl failed */
	u32 error;		/* VMM_ST_FAILED: its errno */
	u32 seq;		/* actions the VMM has done in this VM, this one included */
	u32 nested_diff_at;	/* first differing byte of the nested state, or ~0 */
	u32 msr_diff;		/* first MSR whose value differs, or 0 */
	struct vmm_actor_view before, after;
	u64 guest[4];		/* the guest's own: the VMM leaves them as they are */
};

#endif
