// SPDX-License-Identifier: GPL-2.0-only
/*
 * L2's own exception and interrupt handlers for the svm-c families: each counts its
 * vector; a fault handler skips the faulting instruction (l2_traps.skip bytes) so that
 * L2 goes on. Injected events and the exceptions L1 leaves to L2 land here.
 */
#include "l2/l2.h"
#include "x86/processor.h"
#include "lib/string.h"

struct l2_traps l2_traps;

struct l2_frame {
	u64 rip, cs, rflags, rsp, ss;
};

#define VEC_DE	0
#define VEC_DB	1
#define VEC_NMI	2
#define VEC_BP	3
#define RFLAGS_TF	BIT(8)
#define VEC_UD	6
#define VEC_GP	13
#define VEC_PF	14

__attribute__((interrupt)) static void trap_de(struct l2_frame *f)
{
	l2_traps.count[VEC_DE]++;
	f->rip += l2_traps.skip;
}

/* A trap: return past the instruction; stop single-stepping. */
__attribute__((interrupt)) static void trap_db(struct l2_frame *f)
{
	l2_traps.count[VEC_DB]++;
	f->rflags &= ~RFLAGS_TF;
}

__attribute__((interrupt)) static void trap_bp(struct l2_frame *f)
{
	(void)f;
	l2_traps.count[VEC_BP]++;
}

__attribute__((interrupt)) static void trap_nmi(struct l2_frame *f)
{
	(void)f;
	l2_traps.count[VEC_NMI]++;
}

__attribute__((interrupt)) static void trap_ud(struct l2_frame *f)
{
	l2_traps.count[VEC_UD]++;
	f->rip += l2_traps.skip;
}

__attribute__((interrupt)) static void trap_gp(struct l2_frame *f, unsigned long error)
{
	l2_traps.count[VEC_GP]++;
	l2_traps.error_code = error;
	f->rip += l2_traps.skip;
}

__attribute__((interrupt)) static void trap_pf(struct l2_frame *f, unsigned long error)
{
	l2_traps.count[VEC_PF]++;
	l2_traps.error_code = error;
	l2_traps.cr2 = read_cr2();
	f->rip += l2_traps.skip;
}

__attribute__((interrupt)) static void irq_inject(struct l2_frame *f)
{
	(void)f;
	l2_traps.count[L2_VEC_INJECT]++;
}

__attribute__((interrupt)) static void irq_soft(struct l2_frame *f)
{
	(void)f;
	l2_traps.count[L2_VEC_SOFT]++;
}

__attribute__((interrupt)) static void irq_virq(struct l2_frame *f)
{
	(void)f;
	l2_traps.count[L2_VEC_VIRQ]++;
}

void l2_traps_install(void)
{
	memset(&l2_traps, 0, sizeof(l2_traps));
	l2_idt_set(VEC_DE, (void *)trap_de);
	l2_idt_set(VEC_DB, (void *)trap_db);
	l2_idt_set(VEC_NMI, (void *)trap_nmi);
	l2_idt_set(VEC_BP, (void *)trap_bp);
	l2_idt_set(VEC_UD, (void *)trap_ud);
	l2_idt_set(VEC_GP, (void *)trap_gp);
	l2_idt_set(VEC_PF, (void *)trap_pf);
	l2_idt_set(L2_VEC_INJECT, (void *)irq_inject);
	l2_idt_set(L2_VEC_SOFT, (void *)irq_soft);
	l2_idt_set(L2_VEC_VIRQ, (void *)irq_virq);
}
