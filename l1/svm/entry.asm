; SPDX-License-Identifier: GPL-2.0-only
; One trip into L2 and back (APM vol. 2, "VMRUN" and "#VMEXIT"). VMRUN saves L1's RSP,
; RIP, RAX and control state in the host save area and #VMEXIT restores them; the other
; GPRs come back holding L2's values. L2's RAX lives in the VMCB (svm/exit.c moves it).
; struct vcpu layout: l1/vcpu.h.

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

section .text
bits 64
global svm_enter

; void svm_enter(struct vcpu *v, u64 vmcb_pa, u64 host_state_pa)
svm_enter:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	push rdi
	push rdx
	clgi
	mov rax, rsi
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
	vmload		; rAX implicit
	vmrun		; rAX: the VMCB
	vmsave
	push rdi
	mov rdi, [rsp + 16]
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
	pop rax
	vmload		; rAX implicit
	pop rdi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	stgi
	ret
