// SPDX-License-Identifier: GPL-2.0-only
/*
 * The L2 VMCB. As on VMX, L2 runs in 64-bit mode at CPL 0 on L1's page tables and GDT
 * (nested paging is an identity map), with its own stack and IDT. APM vol. 2,
 * "VMRUN" (the consistency checks) and appendix B (the layout) give every value below.
 */
#include "l1/svm/svm_l1.h"
#include "l1/console.h"
#include "x86/desc.h"
#include "x86/processor.h"
#include "lib/string.h"

#define IOPM_SIZE	(3 * PAGE_SIZE)		/* one bit per port, plus a page for wrap-around */
#define MSRPM_SIZE	(2 * PAGE_SIZE)		/* two bits (read, write) per MSR */
#define L2_ASID		1			/* ASID 0 is the host's */
#define EXC_ALL		0xffffffffu

struct vmcb l2_vmcb __attribute__((aligned(4096)));
static u8 iopm[IOPM_SIZE] __attribute__((aligned(4096)));
static u8 msrpm[MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 l2_stack[16384] __attribute__((aligned(16)));
static u64 ncr3;

void iopm_pass(u16 port)
{
	iopm[port / 8] &= ~(1u << (port % 8));
}

/* MSRPM: 0000_0000h-0000_1FFFh from byte 0, C000_0000h-C000_1FFFh from byte 800h,
 * C001_0000h-C001_1FFFh from byte 1000h; read bit 2n, write bit 2n+1 (APM "MSR Intercepts"). */
void msrpm_pass(u32 msr, bool read, bool write)
{
	u32 base = msr >= 0xc0010000 ? 0x1000 : msr >= 0xc0000000 ? 0x800 : 0;
	u32 bit = (msr & 0x1fff) * 2;

	if (read)
		msrpm[base + bit / 8] &= ~(1u << (bit % 8));
	if (write)
		msrpm[base + (bit + 1) / 8] &= ~(1u << ((bit + 1) % 8));
}

void vmcb_load_fresh(struct vcpu *v)
{
	memset(&l2_vmcb, 0, sizeof(l2_vmcb));
	v->launched = 0;
	if (!ncr3 && svm_has(SVM_FEAT_NP))
		ncr3 = npt_init();
}

static void seg(struct vmcb_seg *s, u16 sel, u16 attrib, u32 limit, u64 base)
{
	s->selector = sel;
	s->attrib = attrib;
	s->limit = limit;
	s->base = base;
}

static void setup_guest_state(struct vmcb_save *g)
{
	g->cr0 = read_cr0();
	g->cr3 = read_cr3();
	g->cr4 = read_cr4();
	g->efer = rdmsr(MSR_IA32_EFER);		/* SVME set: VMRUN requires it */
	seg(&g->cs, SEL_CODE64, SVM_ATTR_CODE64, 0xffffffff, 0);
	seg(&g->ss, SEL_DATA, SVM_ATTR_DATA, 0xffffffff, 0);
	seg(&g->ds, SEL_DATA, SVM_ATTR_DATA, 0xffffffff, 0);
	seg(&g->es, SEL_DATA, SVM_ATTR_DATA, 0xffffffff, 0);
	seg(&g->fs, SEL_DATA, SVM_ATTR_DATA, 0xffffffff, 0);
	seg(&g->gs, SEL_DATA, SVM_ATTR_DATA, 0xffffffff, 0);
	seg(&g->ldtr, 0, 0, 0, 0);
	seg(&g->tr, SEL_TSS, SVM_ATTR_TSS_BUSY, sizeof(tss) - 1, (u64)&tss);
	g->gdtr.base = gdt_base();
	g->gdtr.limit = gdt_limit();
	l2_idt_init();
	g->idtr.base = l2_idt_base();
	g->idtr.limit = l2_idt_limit();
	g->cpl = 0;
	g->dr7 = 0x400;
	g->dr6 = 0xffff0ff0;
	g->rflags = 0x2;
	g->g_pat = rdmsr(MSR_IA32_PAT);
	g->sysenter_cs = g->sysenter_esp = g->sysenter_eip = 0;
}

void vmcb_setup_defaults(struct vcpu *v)
{
	struct vmcb_control *c = &l2_vmcb.control;

	(void)v;
	memset(iopm, 0xff, sizeof(iopm));
	memset(msrpm, 0xff, sizeof(msrpm));
	c->intercept_exceptions = EXC_ALL;	/* any L2 exception is a finding */
	c->intercept3 = INTERCEPT_CPUID | INTERCEPT_IOIO_PROT | INTERCEPT_MSR_PROT | INTERCEPT_SHUTDOWN;
	/* VMRUN must be intercepted; the other SVM instructions are L1's to emulate. */
	c->intercept4 = INTERCEPT_VMRUN | INTERCEPT_VMMCALL | INTERCEPT_VMLOAD | INTERCEPT_VMSAVE |
			INTERCEPT_STGI | INTERCEPT_CLGI;
	c->iopm_base_pa = (u64)iopm;
	c->msrpm_base_pa = (u64)msrpm;
	c->asid = L2_ASID;
	/* Nested paging when offered: an L0 with npt=0 hides it, and L2 needs it only for
	 * the scenarios that say so (as EPT on VMX). */
	if (ncr3) {
		c->np_control = NP_ENABLE;
		c->n_cr3 = ncr3;
		npt_reset_test_region();
	}
	setup_guest_state(&l2_vmcb.save);
}

void vmcb_set_l2_entry(struct vcpu *v, struct l2_ctx *c, l2_workload fn)
{
	l2_vmcb.save.rip = (u64)l2_start;
	l2_vmcb.save.rsp = (u64)l2_stack + sizeof(l2_stack) - 8;
	l2_vmcb.save.rax = 0;
	memset(v->gpr, 0, sizeof(v->gpr));
	v->gpr[RDI] = (u64)c;
	v->gpr[RSI] = (u64)fn;
}

void vmcb_dump(struct vcpu *v)
{
	const struct vmcb_control *c = &l2_vmcb.control;
	const struct vmcb_save *g = &l2_vmcb.save;

	(void)v;
	console_printf("INFO: vmcb: intercepts cr %#x dr %#x exc %#x w3 %#x w4 %#x asid %u np %#llx ncr3 %#llx\n",
		       c->intercept_cr, c->intercept_dr, c->intercept_exceptions, c->intercept3, c->intercept4,
		       c->asid, (unsigned long long)c->np_control, (unsigned long long)c->n_cr3);
	console_printf("INFO: vmcb: exit %#llx info1 %#llx info2 %#llx intinfo %#llx\n",
		       (unsigned long long)c->exit_code, (unsigned long long)c->exit_info1,
		       (unsigned long long)c->exit_info2, (unsigned long long)c->exit_int_info);
	console_printf("INFO: vmcb: cr0 %#llx cr3 %#llx cr4 %#llx efer %#llx rflags %#llx rip %#llx rsp %#llx\n",
		       (unsigned long long)g->cr0, (unsigned long long)g->cr3, (unsigned long long)g->cr4,
		       (unsigned long long)g->efer, (unsigned long long)g->rflags, (unsigned long long)g->rip,
		       (unsigned long long)g->rsp);
	console_printf("INFO: vmcb: cs %#x/%#x ss %#x/%#x tr %#x/%#x gdtr %#llx/%#x idtr %#llx/%#x cpl %u\n",
		       g->cs.selector, g->cs.attrib, g->ss.selector, g->ss.attrib, g->tr.selector, g->tr.attrib,
		       (unsigned long long)g->gdtr.base, g->gdtr.limit, (unsigned long long)g->idtr.base,
		       g->idtr.limit, g->cpl);
}
