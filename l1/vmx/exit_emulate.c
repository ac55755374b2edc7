// SPDX-License-Identifier: GPL-2.0-only
#include "l1/vmx/exit_emulate.h"
#include "x86/apic.h"

/* SDM "VM-Exit Instruction-Information Field as Used for VMREAD and VMWRITE". */
#define VMX_INFO_REG1(i)	(((i) >> 3) & 0xf)
#define VMX_INFO_REG_OPERAND	BIT(10)
#define VMX_INFO_REG2(i)	(((i) >> 28) & 0xf)

/* VMsucceed clears CF, PF, AF, ZF, SF and OF (SDM "Conventions"). */
#define RFLAGS_VMX_RESULT	(BIT(0) | BIT(2) | BIT(4) | BIT(6) | BIT(7) | BIT(11))

static void vmx_insn_succeed(struct vcpu *v)
{
	vmwrite(VMCS_GUEST_RFLAGS, vmread(VMCS_GUEST_RFLAGS) & ~RFLAGS_VMX_RESULT);
	vmx_skip_instruction(v);
}

/* Both operands must be registers other than RSP: l2/vmcs_shadow.c uses only those. */
static bool vmx_insn_regs(struct vcpu *v, u32 *reg1, u32 *reg2)
{
	u32 info = (u32)vmread(VMCS_VMX_INSTRUCTION_INFO);

	*reg1 = VMX_INFO_REG1(info);
	*reg2 = VMX_INFO_REG2(info);
	if (!(info & VMX_INFO_REG_OPERAND) || *reg1 == RSP || *reg2 == RSP) {
		vcpu_error(v, "VMREAD/VMWRITE operand L1 does not emulate: info %#x", info);
		return false;
	}
	if (v->gpr[*reg2] != EMULATED_FIELD) {
		vcpu_error(v, "VMREAD/VMWRITE of field %#llx (%s), L1 emulates only %s",
			   (unsigned long long)v->gpr[*reg2], vmcs_field_name((u32)v->gpr[*reg2]),
			   vmcs_field_name(EMULATED_FIELD));
		return false;
	}
	return true;
}

enum exit_action vmx_handle_vmread(struct vcpu *v)
{
	u32 reg1, reg2;

	if (!vmx_insn_regs(v, &reg1, &reg2))
		return EXIT_DONE;
	v->gpr[reg1] = v->vvmcs_value;
	vmx_insn_succeed(v);
	return EXIT_RESUME;
}

enum exit_action vmx_handle_vmwrite(struct vcpu *v)
{
	u32 reg1, reg2;

	if (!vmx_insn_regs(v, &reg1, &reg2))
		return EXIT_DONE;
	v->vvmcs_value = v->gpr[reg1];
	vmx_insn_succeed(v);
	return EXIT_RESUME;
}

/*
 * Trap-like (SDM "TPR-Below-Threshold VM Exits"): L2's write is done. VM entry requires
 * VTPR[7:4] >= TPR threshold without virtual-interrupt delivery, so L1 raises the virtual
 * TPR back to the threshold, as a VMM would after delivering what was pending.
 */
enum exit_action vmx_handle_tpr_below_threshold(struct vcpu *v)
{
	u32 *vtpr = vapic_reg(APIC_TPR);

	v->vtpr_seen = *vtpr;
	*vtpr = v->tpr_threshold << 4;
	return EXIT_RESUME;
}

/* SDM "Exit Qualification for APIC-Access VM Exits": bits 11:0 offset, 15:12 type. */
#define APIC_ACCESS_OFFSET(q)	((u32)(q) & 0xfff)
#define APIC_ACCESS_TYPE(q)	(((q) >> 12) & 0xf)
#define APIC_ACCESS_LINEAR_READ		0
#define APIC_ACCESS_LINEAR_WRITE	1

/*
 * Fault-like: L1 performs the access on the virtual-APIC page and skips the instruction.
 * L2's accessors (l2/apic.c) use exactly mov (%rdx),%eax and mov %eax,(%rdx).
 */
enum exit_action vmx_handle_apic_access(struct vcpu *v)
{
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);
	const u8 *insn = (const u8 *)vmread(VMCS_GUEST_RIP);
	u32 off = APIC_ACCESS_OFFSET(q);

	v->last_qual = q;
	v->last_apic_offset = off;
	if (off & 3)
		return vcpu_error(v, "unaligned APIC access at offset %#x", off);
	if (APIC_ACCESS_TYPE(q) == APIC_ACCESS_LINEAR_READ && insn[0] == 0x8b && insn[1] == 0x02)
		v->gpr[RAX] = *vapic_reg(off);
	else if (APIC_ACCESS_TYPE(q) == APIC_ACCESS_LINEAR_WRITE && insn[0] == 0x89 && insn[1] == 0x02)
		*vapic_reg(off) = (u32)v->gpr[RAX];
	else
		return vcpu_error(v, "APIC access type %llu by an instruction L1 does not emulate (%02x %02x)",
				  (unsigned long long)APIC_ACCESS_TYPE(q), insn[0], insn[1]);
	v->last_apic_value = *vapic_reg(off);
	vmwrite(VMCS_GUEST_RIP, (u64)insn + 2);
	return EXIT_RESUME;
}

/* Trap-like (SDM "APIC-Write VM Exits"): the value is already in the virtual-APIC page. */
enum exit_action vmx_handle_apic_write(struct vcpu *v)
{
	u32 off = APIC_ACCESS_OFFSET(vmread(VMCS_EXIT_QUALIFICATION));

	v->last_apic_offset = off;
	v->last_apic_value = *vapic_reg(off);
	return EXIT_RESUME;
}
