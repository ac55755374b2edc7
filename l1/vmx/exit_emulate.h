/* SPDX-License-Identifier: GPL-2.0-only */
/* VMX exit handlers that emulate something for L2: VMREAD/VMWRITE, the APIC. */
#ifndef L1_VMX_EXIT_EMULATE_H
#define L1_VMX_EXIT_EMULATE_H

#include "l1/emulated.h"
#include "l1/vmx/vmx_l1.h"

enum exit_action vmx_handle_vmread(struct vcpu *v);
enum exit_action vmx_handle_vmwrite(struct vcpu *v);
enum exit_action vmx_handle_tpr_below_threshold(struct vcpu *v);
enum exit_action vmx_handle_apic_access(struct vcpu *v);
enum exit_action vmx_handle_apic_write(struct vcpu *v);

/* The field L1's VMREAD/VMWRITE exits serve. */
#define EMULATED_FIELD	VMCS_GUEST_RIP

#endif
