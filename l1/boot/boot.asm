; SPDX-License-Identifier: GPL-2.0-only
; Multiboot (v1) entry: GRUB (Bochs) and QEMU -kernel enter here in 32-bit protected mode.
; Build identity page tables for the low 4 GiB with 2 MiB pages, enter long mode and call
; l1_main(multiboot_magic, multiboot_info).

MB_MAGIC	equ 0x1badb002
MB_FLAGS	equ 0x00000003		; page-align modules, provide memory info
CR0_PE		equ 1 << 0
CR0_NE		equ 1 << 5
CR0_WP		equ 1 << 16
CR0_PG		equ 1 << 31
CR4_PAE		equ 1 << 5
MSR_EFER	equ 0xc0000080
EFER_LME	equ 1 << 8
PTE_P		equ 1 << 0
PTE_W		equ 1 << 1
PTE_PCD		equ 1 << 4
PTE_PS		equ 1 << 7

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot32 progbits alloc exec
bits 32
global _start
_start:
	cli
	mov esp, boot_stack_top
	mov [boot_mb_magic], eax
	mov [boot_mb_info], ebx

	; PML4[0] -> PDPT, PDPT[0..3] -> the four page directories
	mov eax, boot_pdpt
	or eax, PTE_P | PTE_W
	mov [boot_pml4], eax
	mov ecx, 0
.pdpt:
	mov eax, ecx
	shl eax, 12
	add eax, boot_pd
	or eax, PTE_P | PTE_W
	mov [boot_pdpt + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jne .pdpt

	; 2048 PDEs of 2 MiB: identity; the top GiB (MMIO: APIC, IOAPIC) uncached
	mov ecx, 0
.pd:
	mov eax, ecx
	shl eax, 21
	or eax, PTE_P | PTE_W | PTE_PS
	cmp ecx, 1536
	jb .cached
	or eax, PTE_PCD
.cached:
	mov [boot_pd + ecx * 8], eax
	mov dword [boot_pd + ecx * 8 + 4], 0
	inc ecx
	cmp ecx, 2048
	jne .pd

	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax
	mov eax, boot_pml4
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	wrmsr
	mov eax, cr0
	or eax, CR0_PE | CR0_NE | CR0_WP | CR0_PG
	mov cr0, eax
	lgdt [boot_gdt_ptr]
	jmp 0x08:long_mode

bits 64
extern l1_main
long_mode:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax
	mov gs, ax
	mov rsp, boot_stack_top
	xor ebp, ebp
	mov edi, [boot_mb_magic]
	mov esi, [boot_mb_info]
	call l1_main
.halt:
	cli
	hlt
	jmp .halt

section .data
align 8
boot_gdt:
	dq 0
	dq 0x00af9a000000ffff		; 0x08: 64-bit code, DPL 0
	dq 0x00cf92000000ffff		; 0x10: data, DPL 0
boot_gdt_ptr:
	dw boot_gdt_ptr - boot_gdt - 1
	dq boot_gdt
boot_mb_magic:	dd 0
boot_mb_info:	dd 0

section .bss
align 4096
global boot_pml4
boot_pml4:	resb 4096
boot_pdpt:	resb 4096
boot_pd:	resb 4 * 4096
align 16
boot_stack:	resb 16384
global boot_stack_top
boot_stack_top:
