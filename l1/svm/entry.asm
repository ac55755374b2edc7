; SPDX-License-Identifier: GPL-2.0-only
; One trip into L2 and back (APM vol. 2, "VMRUN" and "#VMEXIT"). VMRUN saves L1's RSP,
; RIP, RAX and control state in the host save area and #VMEXIT restores them; the other
; GPRs come back holding L2's values. L2's RAX lives in the VMCB (svm/exit.c moves it).
; struct vcpu layout: l1/vcpu.h.

%include "l1/vcpu.inc"

section .text
bits 64
global svm_enter

; void svm_enter(struct vcpu *v, u64 vmcb_pa, u64 host_state_pa)
svm_enter:
	PUSH_CALLEE_SAVED
	push rdi
	push rdx
	clgi
	mov rax, rsi
	LOAD_GUEST_GPRS
	vmload		; rAX implicit
	vmrun		; rAX: the VMCB
	vmsave
	push rdi
	mov rdi, [rsp + 16]
	SAVE_GUEST_GPRS
	pop rax
	mov [rdi + VCPU_RDI], rax
	pop rax
	vmload		; rAX implicit
	pop rdi
	POP_CALLEE_SAVED
	stgi
	ret
