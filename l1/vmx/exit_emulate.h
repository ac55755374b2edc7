/* SPDX-License-Identifier: GPL-2.0-only */
/* Exit handlers that emulate something for L2: port I/O, MSRs, VMREAD/VMWRITE, the APIC. */
#ifndef L1_VMX_EXIT_EMULATE_H
#define L1_VMX_EXIT_EMULATE_H

#include "l1/vmx/vmx_l1.h"
#include "x86/processor.h"
#include "x86/serial.h"

enum exit_action handle_io(struct vcpu *v);
enum exit_action handle_rdmsr(struct vcpu *v);
enum exit_action handle_wrmsr(struct vcpu *v);
enum exit_action handle_vmread(struct vcpu *v);
enum exit_action handle_vmwrite(struct vcpu *v);
enum exit_action handle_tpr_below_threshold(struct vcpu *v);
enum exit_action handle_apic_access(struct vcpu *v);
enum exit_action handle_apic_write(struct vcpu *v);

/* The one port and the one MSR L1 emulates, and the field its VMREAD/VMWRITE exits serve. */
#define EMULATED_PORT	(COM1_BASE + UART_SCRATCH)
#define EMULATED_MSR	MSR_IA32_SYSENTER_CS
#define EMULATED_FIELD	VMCS_GUEST_RIP

#endif
