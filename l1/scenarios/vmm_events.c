// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmm/vmx-exception-..., vmm/svm-exception-...: the VMM queues an exception on the vCPU while L2 runs
 * (KVM_SET_VCPU_EVENTS, exception.pending, with KVM_CAP_EXCEPTION_PAYLOAD enabled) and L1
 * intercepts that vector: KVM must synthesize the nested exit, as the CPU would for an
 * exception L2 raised (SDM "Exception Bitmap", "Information for VM Exits Due to Vectored
 * Events"; APM "Exception Intercepts"): one exception exit per request, at the RIP the VMM
 * saw, with the vector, error code and, for #PF, the address (VMX exit qualification, SVM
 * EXITINFO2) that the VMM gave as payload; L2's CR2 untouched (api.rst, KVM_CAP_EXCEPTION_PAYLOAD:
 * L1 intercepts #PF before CR2 is modified). L1 resumes L2 after the OUT, dropping the
 * exception. The -migrate ones migrate between queueing and the next KVM_RUN: the pending
 * exception must come across and still turn into the nested exit.
 * scn_state: [4] exception exits that matched, [5] that did not, [6] the last mismatch.
 */
#include "l1/scenarios/vmm.h"

#define VEC_UD		6
#define VEC_PF		14
#define PF_ERROR	0x2ULL			/* a write to a non-present page */
#define PF_ADDRESS	0xdead0000ULL

static enum exit_action exception_exit(struct vcpu *v, u64 code)
{
	struct vmm_exception e;
	bool pf = vmm_req.arg[0] == VEC_PF, ok;

	if (!vmm_exception_exit(code, &e))
		return EXIT_DEFAULT;
	ok = e.vector == vmm_req.arg[0] && e.rip == vmm_req.before.rip && e.has_error == pf &&
	     (!pf || (e.error == PF_ERROR && e.address == PF_ADDRESS));
	if (ok) {
		v->scn_state[4]++;
	} else {
		v->scn_state[5]++;
		v->scn_state[6] = (u64)e.vector | (u64)e.has_error << 8 | (u64)(e.error & 0xffff) << 16 |
				  (e.rip == vmm_req.before.rip ? 0 : BIT(40)) |
				  (e.address == PF_ADDRESS ? 0 : BIT(41));
	}
	return EXIT_RESUME;	/* the exception was L2's; L1 drops it and goes on after the OUT */
}

static void exception_setup(struct vcpu *v, u8 vector, u64 extra)
{
	vmm_setup(v, VMM_ACT_EXCEPTION, vector, L2_VMM_IN_GUEST_MODE);
	hv->exception_intercepts(v, 1u << vector);
	vmm_req.arg[1] = vector == VEC_PF ? PF_ERROR : 0;
	vmm_req.arg[2] = (vector == VEC_PF ? VMM_EXC_ERROR_CODE | VMM_EXC_PAYLOAD : 0) | extra;
	vmm_req.arg[3] = vector == VEC_PF ? PF_ADDRESS : 0;
}

static void ud_setup(struct vcpu *v)
{
	exception_setup(v, VEC_UD, 0);
}

static void pf_setup(struct vcpu *v)
{
	exception_setup(v, VEC_PF, 0);
}

static void ud_migrate_setup(struct vcpu *v)
{
	exception_setup(v, VEC_UD, VMM_EXC_MIGRATE);
}

static void exception_check(struct vcpu *v)
{
	vmm_check_requests(v, true);
	check(v->scn_state[5] == 0, "every exception exit as queued (vector, error code, RIP, #PF address): "
	      "%llu matched, %llu did not (last: vector | has_error << 8 | error << 16, bit 40 RIP, "
	      "bit 41 address: %#llx)", (unsigned long long)v->scn_state[4],
	      (unsigned long long)v->scn_state[5], (unsigned long long)v->scn_state[6]);
}

#define EXCEPTION_SCENARIO(id, arch, exit, setup_fn)		\
	const struct scenario scn_##id = {			\
		.needs	= NEEDS(arch),				\
		.setup	= setup_fn,				\
		.l2	= l2_vmm_exception,			\
		.expect	= { { NATIVE_EXIT(exit), 1 } },		\
		.check	= exception_check,			\
		.on_exit = exception_exit,			\
		.max_iters = VMM_ITERS,				\
	}

EXCEPTION_SCENARIO(vmm_vmx_exception_ud, VMX, EXIT_EXCEPTION_NMI, ud_setup);
EXCEPTION_SCENARIO(vmm_vmx_exception_pf, VMX, EXIT_EXCEPTION_NMI, pf_setup);
EXCEPTION_SCENARIO(vmm_vmx_exception_migrate, VMX, EXIT_EXCEPTION_NMI, ud_migrate_setup);
EXCEPTION_SCENARIO(vmm_svm_exception_ud, SVM, SVM_EXIT_EXCP6, ud_setup);
EXCEPTION_SCENARIO(vmm_svm_exception_pf, SVM, SVM_EXIT_EXCP14, pf_setup);
EXCEPTION_SCENARIO(vmm_svm_exception_migrate, SVM, SVM_EXIT_EXCP6, ud_migrate_setup);
