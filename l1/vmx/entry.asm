; SPDX-License-Identifier: GPL-2.0-only
; VM entry and the VM-exit landing point. HOST_RSP points at the saved vcpu pointer, so the
; exit stub finds where to store L2's registers. struct vcpu layout: l1/vcpu.h.

VCPU_RAX	equ 0
VCPU_RCX	equ 8
VCPU_RDX	equ 16
VCPU_RBX	equ 24
VCPU_RBP	equ 40
VCPU_RSI	equ 48
VCPU_RDI	equ 56
VCPU_R8		equ 64
VCPU_R9		equ 72
VCPU_R10	equ 80
VCPU_R11	equ 88
VCPU_R12	equ 96
VCPU_R13	equ 104
VCPU_R14	equ 112
VCPU_R15	equ 120
VCPU_HOST_RSP	equ 128
VCPU_LAUNCHED	equ 136
VMCS_HOST_RSP	equ 0x6c14

section .text
bits 64
global vmx_enter
global vmx_exit_stub

; int vmx_enter(struct vcpu *v)
vmx_enter:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
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
	mov rcx, [rdi + VCPU_RCX]
	mov rdx, [rdi + VCPU_RDX]
	mov rbx, [rdi + VCPU_RBX]
	mov rbp, [rdi + VCPU_RBP]
	mov rsi, [rdi + VCPU_RSI]
	mov r8, [rdi + VCPU_R8]
	mov r9, [rdi + VCPU_R9]
	mov r10, [rdi + VCPU_R10]
	mov r11, [rdi + VCPU_R11]
	mov r12, [rdi + VCPU_R12]
	mov r13, [rdi + VCPU_R13]
	mov r14, [rdi + VCPU_R14]
	mov r15, [rdi + VCPU_R15]
	mov rdi, [rdi + VCPU_RDI]
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
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

vmx_exit_stub:
	push rdi
	mov rdi, [rsp + 8]
	mov [rdi + VCPU_RAX], rax
	mov [rdi + VCPU_RCX], rcx
	mov [rdi + VCPU_RDX], rdx
	mov [rdi + VCPU_RBX], rbx
	mov [rdi + VCPU_RBP], rbp
	mov [rdi + VCPU_RSI], rsi
	mov [rdi + VCPU_R8], r8
	mov [rdi + VCPU_R9], r9
	mov [rdi + VCPU_R10], r10
	mov [rdi + VCPU_R11], r11
	mov [rdi + VCPU_R12], r12
	mov [rdi + VCPU_R13], r13
	mov [rdi + VCPU_R14], r14
	mov [rdi + VCPU_R15], r15
	pop rax
	mov [rdi + VCPU_RDI], rax
	pop rdi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	xor eax, eax
	ret
