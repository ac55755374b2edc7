// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/: the VMM acts while L1 and L2 run (x86/vmm_actor.h). What KVM's API promises
 * (Documentation/virt/kvm/api.rst): KVM_GET_NESTED_STATE reports guest mode while L2 runs
 * and the state KVM_SET_NESTED_STATE and the other KVM_SET_* take is the state the KVM_GET_*
 * read, on the same vCPU or a fresh one ("KVM_GET_NESTED_STATE", "KVM_SET_VCPU_EVENTS");
 * KVM_SET_SREGS/KVM_SET_REGS set the vCPU's current, L2's, registers in guest mode.
 * Counts: the exits L2 causes itself, per iteration; the VMM's actions cause none of their
 * own (an OUT on a port L1 passes through never exits to L1: SDM "I/O Bitmaps", APM
 * "I/O Intercepts").
 */
#include "l1/scenarios/vmm.h"
#include "x86/processor.h"
#include "x86/vmm_actor_guest.h"
#include "lib/string.h"

struct vmm_actor_req vmm_req __attribute__((aligned(64)));

#define CPUID_MARK	0x4e4c0100u	/* what L1 answers CPUID with in the L1-side scenarios */
#define CR2_BASE	0xc0de0000ULL

void vmm_setup(struct vcpu *v, u32 action, u64 value, u64 flags)
{
	if (!vmm_actor_present())
		scenario_skip("needs nestlab's own VMM on port %#x (--backend kvm, lab-vmx, lab-svm): "
			      "IN there reads %#x", VMM_ACTOR_PORT, inl(VMM_ACTOR_PORT));
	for (u16 p = 0; p < VMM_ACTOR_PORT_SPAN; p++)
		hv->io_pass(VMM_ACTOR_PORT + p);
	memset(&vmm_req, 0, sizeof(vmm_req));
	v->ctx->arg[0] = (u64)&vmm_req;
	v->ctx->arg[1] = action;
	v->ctx->arg[2] = value;
	v->ctx->arg[3] = flags;
}

bool vmm_l1_ask(struct vcpu *v, u32 action)
{
	vmm_req.action = action;
	vmm_actor_ask(&vmm_req);
	if (vmm_req.status != VMM_ST_DONE) {
		v->scn_state[0]++;
		v->scn_state[3] = vmm_req.status | vmm_req.failed_piece << 8 | (u64)vmm_req.error << 16;
		return false;
	}
	v->scn_state[1] |= vmm_req.differs & VMM_ALL_PIECES;
	v->scn_state[2] += !!(vmm_req.before.nested_flags & VMM_NESTED_GUEST_MODE);
	return true;
}

static const char *const trouble_names[] = {
	[L2_VMM_FAIL_STATUS] = "not done (status | piece << 8 | errno << 16)",
	[L2_VMM_FAIL_DIFFERS] = "state read back differs (pieces | nested byte << 16 | MSR << 32)",
	[L2_VMM_FAIL_NOT_L2] = "no guest mode in the nested flags",
	[L2_VMM_FAIL_VALUE] = "L2 read another value",
	[L2_VMM_FAIL_CR2] = "L2's CR2 changed",
};

void vmm_check_requests(struct vcpu *v, bool guest_mode)
{
	u64 id = vmm_req.guest[L2_VMM_T_ID];

	check(!vmm_req.guest[L2_VMM_T_COUNT], "L2 found every answer right: %llu did not, the first: %s %#llx",
	      (unsigned long long)vmm_req.guest[L2_VMM_T_COUNT],
	      id < ARRAY_SIZE(trouble_names) && trouble_names[id] ? trouble_names[id] : "-",
	      (unsigned long long)vmm_req.guest[L2_VMM_T_VALUE]);
	check(!v->scn_state[0], "every request done: %llu failed (last: status | piece << 8 | errno << 16 "
	      "= %#llx)", (unsigned long long)v->scn_state[0], (unsigned long long)v->scn_state[3]);
	check(!v->scn_state[1], "the state read back is the state set: differing pieces %#llx",
	      (unsigned long long)v->scn_state[1]);
	if (vmm_req.seq)
		check(!!(vmm_req.before.nested_flags & VMM_NESTED_GUEST_MODE) == guest_mode,
		      "KVM_GET_NESTED_STATE flags %#x: guest mode %s", vmm_req.before.nested_flags,
		      guest_mode ? "set (L2 asked)" : "clear (L1 asked)");
	/* VMX: L1's current VMCS, in or out of guest mode; SVM: the VMCB12 of the VMRUN that
	 * entered guest mode, which KVM reports in guest mode only. */
	if (guest_mode || hv == &vmx_ops)
		check(vmm_req.before.vmcs12_pa == vmm_l1_control_block(),
		      "the nested state names L1's control block %#llx (want %#llx)",
		      (unsigned long long)vmm_req.before.vmcs12_pa, (unsigned long long)vmm_l1_control_block());
}

/* L2 asks; its CPUID after each request exits to L1. */
static void roundtrip_l2_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_ROUNDTRIP, 0, VMM_ALL_PIECES | L2_VMM_CPUID_AFTER | L2_VMM_IN_GUEST_MODE);
}

static void migrate_l2_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_MIGRATE, 0, VMM_ALL_PIECES | L2_VMM_CPUID_AFTER | L2_VMM_IN_GUEST_MODE);
}

static void l2_asked_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(vmm_req.seq >= v->ctx->iters, "the VMM answered every request: %u (want at least %u)", vmm_req.seq,
	      v->ctx->iters);
}

const struct scenario scn_vmm_roundtrip_l2 = {
	.setup	= roundtrip_l2_setup,
	.l2	= l2_vmm_ask,
	.expect	= { { XK_CPUID, 1 } },
	.check	= l2_asked_check,
	.max_iters = VMM_ITERS,
};

const struct scenario scn_vmm_migrate_l2 = {
	.setup	= migrate_l2_setup,
	.l2	= l2_vmm_ask,
	.expect	= { { XK_CPUID, 1 } },
	.check	= l2_asked_check,
	.max_iters = VMM_ITERS,
};

/*
 * L1 asks between L2's CPUID exit and its next VM entry, once it has written L2's
 * registers and advanced its RIP in the VMCS/VMCB: KVM's copy of L1's control block must
 * come across (VMX: the cached vmcs12 in KVM_GET_NESTED_STATE's data), or L2 re-executes
 * CPUID (one more exit) or sees the wrong values.
 */
static enum exit_action l1_asks_on_cpuid(struct vcpu *v, u64 code, u32 action)
{
	if (hv->native_slot((u32)code & 0xffff) != hv->exit_slot(XK_CPUID))
		return EXIT_DEFAULT;
	v->gpr[RAX] = CPUID_MARK;
	v->gpr[RBX] = CPUID_MARK + 1;
	v->gpr[RCX] = CPUID_MARK + 2;
	v->gpr[RDX] = CPUID_MARK + 3;
	hv->skip_instruction(v);
	vmm_l1_ask(v, action);
	return EXIT_RESUME;
}

static enum exit_action roundtrip_l1_exit(struct vcpu *v, u64 code)
{
	return l1_asks_on_cpuid(v, code, VMM_ACT_ROUNDTRIP);
}

static enum exit_action migrate_l1_exit(struct vcpu *v, u64 code)
{
	return l1_asks_on_cpuid(v, code, VMM_ACT_MIGRATE);
}

static void l1_asks_setup(struct vcpu *v)
{
	vmm_setup(v, 0, CPUID_MARK, 0);
}

static void l1_asked_check(struct vcpu *v)
{
	vmm_check_requests(v, false);
	check(v->scn_state[2] == 0, "no request saw guest mode: %llu did", (unsigned long long)v->scn_state[2]);
}

const struct scenario scn_vmm_roundtrip_l1 = {
	.setup	= l1_asks_setup,
	.l2	= l2_vmm_cpuid_marked,
	.expect	= { { XK_CPUID, 1 } },
	.check	= l1_asked_check,
	.on_exit = roundtrip_l1_exit,
	.max_iters = VMM_ITERS,
};

const struct scenario scn_vmm_migrate_l1 = {
	.setup	= l1_asks_setup,
	.l2	= l2_vmm_cpuid_marked,
	.expect	= { { XK_CPUID, 1 } },
	.check	= l1_asked_check,
	.on_exit = migrate_l1_exit,
	.max_iters = VMM_ITERS,
};

/* The VMM sets L2's registers while L2 runs: no exit of their own. */
static void set_cr2_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_SET_CR2, CR2_BASE, L2_VMM_IN_GUEST_MODE);
}

static void set_rflags_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_SET_RFLAGS, 0, L2_VMM_IN_GUEST_MODE);
}

static void set_cr3_setup(struct vcpu *v)
{
	vmm_setup(v, VMM_ACT_SET_CR3, 0, L2_VMM_IN_GUEST_MODE);
}

static void set_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
}

static void set_cr3_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(v->cr3_mismatches == 0, "L1 saw the CR3 the VMM set in L2's guest state at the next exit: "
	      "%u mismatches", v->cr3_mismatches);
}

const struct scenario scn_vmm_set_cr2 = {
	.setup	= set_cr2_setup,
	.l2	= l2_vmm_set_cr2,
	.check	= set_check,
	.max_iters = VMM_ITERS,
};

const struct scenario scn_vmm_set_rflags = {
	.setup	= set_rflags_setup,
	.l2	= l2_vmm_set_rflags,
	.check	= set_check,
	.max_iters = VMM_ITERS,
};

const struct scenario scn_vmm_set_cr3 = {
	.setup	= set_cr3_setup,
	.l2	= l2_vmm_set_cr3,
	.expect	= { { XK_HYPERCALL, 1 } },
	.check	= set_cr3_check,
	.max_iters = VMM_ITERS,
};

u64 vmm_l1_control_block(void)
{
	return hv == &vmx_ops ? vmm_vmx_control_block() : vmm_svm_control_block();
}

bool vmm_exception_exit(u64 code, struct vmm_exception *e)
{
	return hv == &vmx_ops ? vmm_vmx_exception_exit(code, e) : vmm_svm_exception_exit(code, e);
}
