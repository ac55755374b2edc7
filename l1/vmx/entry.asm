; SPDX-License-Identifier: GPL-2.0-only
; VM entry and the VM-exit landing point. HOST_RSP points at the saved vcpu pointer, so the
; exit stub finds where to store L2's registers. struct vcpu layout: l1/vcpu.h.

%include "l1/vcpu.inc"

VMCS_HOST_RSP	equ 0x6c14

section .text
bits 64
global vmx_enter
global vmx_exit_stub

; int vmx_enter(struct vcpu *v)
vmx_enter:
	PUSH_CALLEE_SAVED
	push rdi
	cmp rsp, [rdi + VCPU_HOST_RSP]
	je .rsp_ok
	mov [rdi + VCPU_HOST_RSP], rsp
	mov rax, VMCS_HOST_RSP
	vmwrite rax, rsp
	jbe .fail
.rsp_ok:
	cmp byte [rdi + VCPU_LAUNCHED], 0
	mov rax, [rdi + VCPU_RAX]
	LOAD_GUEST_GPRS
	je .launch
	vmresume
	jmp .fail
.launch:
	vmlaunch
.fail:
	mov eax, 2		; VMfailValid (ZF)
	jnc .out
	mov eax, 1		; VMfailInvalid (CF)
.out:
	pop rdi
	POP_CALLEE_SAVED
	ret

vmx_exit_stub:
	push rdi
	mov rdi, [rsp + 8]
	mov [rdi + VCPU_RAX], rax
	SAVE_GUEST_GPRS
	pop rax
	mov [rdi + VCPU_RDI], rax
	pop rdi
	POP_CALLEE_SAVED
	xor eax, eax
	ret
