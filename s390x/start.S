/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry, interruption stubs, CPU 1's entry, and the code that runs with no
 * usable registers (state loads and the clear-reset resumption).
 *
 * QEMU's -kernel loads the ELF and starts it at 0x10000 in the 64-bit
 * addressing mode, prefix 0; -append goes to 0x10480 (the Linux kernel
 * parameter area), so the image keeps that area free.
 */
#include "s390x/lowcore.h"

	.section .head, "ax"
	.globl	_start
_start:
	sam64
	larl	%r15, stack_top
	aghi	%r15, -160
	larl	%r1, int_stack_top
	stg	%r1, LC_INT_STACK
	larl	%r2, __bss_start
	larl	%r4, __bss_end
	sgr	%r4, %r2
	lghi	%r3, 0
	brasl	%r14, memset
	brasl	%r14, s390x_main
0:	j	0b

	.org	_start + 0x480
	.globl	ipl_cmdline
ipl_cmdline:
	.fill	0x380, 1, 0

	.text
/*
 * One stub per interruption class: the interrupted GPRs go to this CPU's
 * lowcore (prefixing makes LC_INT_GPRS per CPU), the handler runs on this
 * CPU's interrupt stack with every interruption disabled (the new PSWs), and
 * the old PSW is loaded back. The handler may change the old PSW.
 */
	.macro	INT_STUB name, class, old
	.globl	\name
\name:
	stmg	%r0, %r15, LC_INT_GPRS
	lg	%r15, LC_INT_STACK
	aghi	%r15, -160
	lghi	%r2, \class
	lghi	%r3, LC_INT_GPRS
	brasl	%r14, s390x_interrupt
	lmg	%r0, %r15, LC_INT_GPRS
	lpswe	\old
	.endm

	INT_STUB int_restart, 0, LC_RESTART_OLD_PSW
	INT_STUB int_external, 1, LC_EXT_OLD_PSW
	INT_STUB int_svc, 2, LC_SVC_OLD_PSW
	INT_STUB int_program, 3, LC_PGM_OLD_PSW
	INT_STUB int_mcheck, 4, LC_MCCK_OLD_PSW
	INT_STUB int_io, 5, LC_IO_OLD_PSW

/* CPU 1: its restart new PSW points here (smp.c). */
	.globl	cpu1_entry
cpu1_entry:
	larl	%r15, cpu1_stack_top
	aghi	%r15, -160
	larl	%r1, cpu1_int_stack_top
	stg	%r1, LC_INT_STACK
	brasl	%r14, cpu1_main
0:	j	0b

/*
 * CPU 1, entered from a restart: loads every register from cpu1_state (smp.h,
 * struct cpu_state) and enters the disabled wait at LC_WAIT_PSW. With all 16
 * GPRs loaded there is no base register left: the wait PSW is addressed
 * without one, in CPU 1's own prefix area.
 */
	.globl	cpu1_load_state
cpu1_load_state:
	larl	%r1, cpu1_state
	lctlg	%c0, %c0, 0(%r1)
	lctlg	%c2, %c2, 8(%r1)
	lctlg	%c8, %c8, 16(%r1)
	lctlg	%c10, %c11, 24(%r1)
	lctlg	%c14, %c14, 40(%r1)
	lfpc	48(%r1)
	spt	56(%r1)
	sckc	64(%r1)
	lg	%r0, 72(%r1)
	sckpf
	.irp	i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	ld	%f\i, 80 + 8 * \i(%r1)
	.endr
	lam	%a0, %a15, 208(%r1)
	lmg	%r0, %r15, 272(%r1)
	mvi	LC_LOADED, 1
	lpswe	LC_WAIT_PSW
	.globl	cpu1_wait_addr
cpu1_wait_addr:
	j	cpu1_wait_addr

/*
 * preserve_diag44/preserve_sigp_sense(struct preserve *p): GPRs, ARs, CC and
 * program mask from p, one intercepted instruction, everything stored back
 * (state.c, struct preserve). Runs disabled: nothing else may touch the
 * registers in between. The struct pointer survives in the lowcore.
 */
	.macro	PRESERVE_IN name
	.globl	\name
\name:
	stmg	%r6, %r15, 0(%r2)
	stg	%r2, LC_SCRATCH_PTR
	lam	%a0, %a15, 80 + 128(%r2)
	lg	%r1, 80 + 128 + 64(%r2)
	spm	%r1
	lmg	%r0, %r15, 80(%r2)
	.endm

	.macro	PRESERVE_OUT
	stmg	%r0, %r15, LC_SCRATCH_OUT_GPRS
	stam	%a0, %a15, LC_SCRATCH_OUT_ARS
	ipm	%r0
	st	%r0, LC_SCRATCH_OUT_PSW + 8
	epsw	%r0, %r1
	st	%r0, LC_SCRATCH_OUT_PSW
	st	%r1, LC_SCRATCH_OUT_PSW + 4
	lg	%r2, LC_SCRATCH_PTR
	mvc	80 + 128 + 72(128, %r2), LC_SCRATCH_OUT_GPRS
	mvc	80 + 128 + 72 + 128(64, %r2), LC_SCRATCH_OUT_ARS
	mvc	80 + 128 + 72 + 192(12, %r2), LC_SCRATCH_OUT_PSW
	lhi	%r1, 0
	spm	%r1
	larl	%r1, zero_ars
	lam	%a0, %a15, 0(%r1)
	lmg	%r6, %r15, 0(%r2)
	br	%r14
	.endm

	PRESERVE_IN preserve_diag44
	diag	%r0, %r0, 0x44
	PRESERVE_OUT

	/* SIGP sense of CPU 0 by CPU 0 (GPR 3 bits 48-63 = 0 in the test): operating, cc 0 */
	PRESERVE_IN preserve_sigp_sense
	sigp	%r4, %r3, 1
	PRESERVE_OUT

/*
 * int clear_reset(void): DIAGNOSE X'308' subcode 0 (clear reset of every CPU,
 * then the PSW at absolute 0 is loaded, as by an IPL). Returns 1 on CPU 0
 * after the reset, with the registers it found saved in its lowcore scratch
 * area; 0 when the reset did not happen.
 */
	.globl	clear_reset
clear_reset:
	larl	%r1, reset_jmp
	stmg	%r6, %r15, 0(%r1)
	larl	%r1, reset_resume
	oihh	%r1, 0x0008		/* short PSW: bit 12 */
	oilh	%r1, 0x8000		/* 31-bit addressing */
	stg	%r1, 0
	lghi	%r2, 0
	diag	%r0, %r2, 0x308
	lgfi	%r1, 100000000
0:	brctg	%r1, 0b
	lghi	%r2, 0
	br	%r14

reset_resume:
	/* 31-bit mode, every register as the reset left it: store them first. */
	stmg	%r0, %r15, LC_SCRATCH_GPRS
	stam	%a0, %a15, LC_SCRATCH_ARS
	stctg	%c0, %c15, LC_SCRATCH_CRS
	stpx	LC_SCRATCH_PREFIX
	epsw	%r0, %r1
	st	%r0, LC_SCRATCH_PSWMASK
	st	%r1, LC_SCRATCH_PSWMASK + 4
	sam64
	larl	%r1, reset_jmp
	lmg	%r6, %r15, 0(%r1)
	lghi	%r2, 1
	br	%r14

	.section .rodata
	.align	8
zero_ars:
	.fill	16, 4, 0

	.section .bss
	.align	8
reset_jmp:
	.fill	10, 8, 0

	.section .stack, "aw", @nobits
	.align	4096
	.fill	16384, 1, 0
stack_top:
	.fill	4096, 1, 0
int_stack_top:
	.fill	8192, 1, 0
cpu1_stack_top:
	.fill	4096, 1, 0
cpu1_int_stack_top:
