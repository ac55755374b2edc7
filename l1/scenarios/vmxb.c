// SPDX-License-Identifier: GPL-2.0-only
#include "l1/scenarios/vmxb.h"

/* RFLAGS bits a VMX instruction's outcome sets: CF, PF, AF, ZF, SF, OF. */
#define RFLAGS_CF		BIT(0)
#define RFLAGS_ZF		BIT(6)
#define RFLAGS_VMX_RESULT	(BIT(0) | BIT(2) | BIT(4) | BIT(6) | BIT(7) | BIT(11))
/* SDM "VM-Entry Controls for Event Injection": vector 7:0, type 10:8, valid 31. */
#define INTR_TYPE_HW_EXCEPTION	(3u << 8)
#define INTR_VALID		BIT(31)
#define VEC_UD			6

void vmxb_need_ctl(int feature)
{
	char buf[96];

	if (!vmx_has(feature)) {
		vmx_describe(feature, buf, sizeof(buf));
		scenario_skip("needs %s", buf);
	}
}

u64 vmxb_ept_cap(void)
{
	return vmx_caps.msr[CAP_IA32_VMX_EPT_VPID_CAP];
}

void vmxb_need_ept_cap(u64 mask, const char *name)
{
	if ((vmxb_ept_cap() & mask) != mask)
		scenario_skip("needs %s (IA32_VMX_EPT_VPID_CAP mask %#llx)", name, (unsigned long long)mask);
}

void vmxb_bad(struct vcpu *v, u64 value)
{
	if (!v->scn_state[VMXB_BAD]++)
		v->scn_state[VMXB_FIRST_BAD] = value;
}

void vmxb_check_none_bad(struct vcpu *v, const char *what)
{
	check(v->scn_state[VMXB_BAD] == 0, "%s: %llu wrong (first %#llx; want 0)", what,
	      (unsigned long long)v->scn_state[VMXB_BAD], (unsigned long long)v->scn_state[VMXB_FIRST_BAD]);
}

void vmxb_check_l2_clean(struct vcpu *v, const char *what)
{
	check(v->ctx->result[3] == 0, "%s: L2 saw %llu wrong (want 0)", what,
	      (unsigned long long)v->ctx->result[3]);
}

u64 vmxb_operand_address(struct vcpu *v, u32 info)
{
	u64 a = vmread(VMCS_EXIT_QUALIFICATION);

	if (!(info & INFO_BASE_INVALID))
		a += v->gpr[INFO_BASE(info)];
	if (!(info & INFO_INDEX_INVALID))
		a += v->gpr[INFO_INDEX(info)] << INFO_SCALE(info);
	return a;
}

static void set_result(struct vcpu *v, u64 flags)
{
	vmwrite(VMCS_GUEST_RFLAGS, (vmread(VMCS_GUEST_RFLAGS) & ~RFLAGS_VMX_RESULT) | flags);
	vmx_skip_instruction(v);
}

void vmxb_vmsucceed(struct vcpu *v)
{
	set_result(v, 0);
}

void vmxb_vmfail_invalid(struct vcpu *v)
{
	set_result(v, RFLAGS_CF);
}

void vmxb_vmfail_valid(struct vcpu *v)
{
	set_result(v, RFLAGS_ZF);
}

void vmxb_inject_ud(struct vcpu *v)
{
	(void)v;
	vmwrite(VMCS_ENTRY_INTR_INFO, INTR_VALID | INTR_TYPE_HW_EXCEPTION | VEC_UD);
}
