; SPDX-License-Identifier: GPL-2.0-only
; Minimal setjmp/longjmp for L1: a scenario that hits a fatal VMX error jumps back to the
; scenario runner, which records ERROR and goes on with the next scenario.
; struct jmp_buf { rbx, rbp, r12, r13, r14, r15, rsp, rip }

section .text
bits 64
global nl_setjmp
global nl_longjmp

nl_setjmp:
	mov [rdi + 0], rbx
	mov [rdi + 8], rbp
	mov [rdi + 16], r12
	mov [rdi + 24], r13
	mov [rdi + 32], r14
	mov [rdi + 40], r15
	lea rdx, [rsp + 8]		; caller's RSP after return
	mov [rdi + 48], rdx
	mov rdx, [rsp]			; return address
	mov [rdi + 56], rdx
	xor eax, eax
	ret

nl_longjmp:
	mov eax, esi
	test eax, eax
	jnz .nonzero
	inc eax
.nonzero:
	mov rbx, [rdi + 0]
	mov rbp, [rdi + 8]
	mov r12, [rdi + 16]
	mov r13, [rdi + 24]
	mov r14, [rdi + 32]
	mov r15, [rdi + 40]
	mov rsp, [rdi + 48]
	jmp [rdi + 56]
