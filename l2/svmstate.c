// SPDX-License-Identifier: GPL-2.0-only
/*
 * State saved on #VMEXIT (svmstate/): L2 changes some of its state, writes down what it
 * left in place, and exits with VMMCALL(HC_NOP, probe); L1 compares its VMCB with the
 * probe. Then L2 puts its state back. APM vol. 2, "#VMEXIT".
 */
#include "l2/l2.h"
#include "x86/desc.h"
#include "x86/processor.h"
#include "lib/string.h"

#define RFLAGS_PROBE	0x40ed7ULL	/* CF PF AF ZF SF DF OF AC, bit 1; IF and TF clear */
#define CR0_TS		BIT(3)
#define CR4_TSD		BIT(2)
#define EFER_SCE	BIT(0)
#define DR6_PROBE	0xffff0ff1ULL	/* B0 */
#define DR7_PROBE	0x401ULL	/* L0, execute breakpoint at DR0 */
#define ADDR_MASK	0x000ffffffffff000ULL

static inline u64 read_efer(void) { return rdmsr(MSR_IA32_EFER); }
static inline u64 read_dr6(void) { u64 v; asm volatile("mov %%dr6, %0" : "=r"(v)); return v; }
static inline u64 read_dr7(void) { u64 v; asm volatile("mov %%dr7, %0" : "=r"(v)); return v; }
static inline void write_dr0(u64 v) { asm volatile("mov %0, %%dr0" : : "r"(v)); }
static inline void write_dr6(u64 v) { asm volatile("mov %0, %%dr6" : : "r"(v)); }
static inline void write_dr7(u64 v) { asm volatile("mov %0, %%dr7" : : "r"(v)); }
static inline u16 read_seg(int which)
{
	u16 s = 0;

	switch (which) {
	case 0: asm volatile("mov %%cs, %0" : "=r"(s)); break;
	case 1: asm volatile("mov %%ss, %0" : "=r"(s)); break;
	case 2: asm volatile("mov %%ds, %0" : "=r"(s)); break;
	case 3: asm volatile("mov %%es, %0" : "=r"(s)); break;
	}
	return s;
}

/* RIP and RSP as at the VMMCALL itself; RFLAGS loaded from the probe just before it. */
void l2_probe_vmmcall(struct l2_probe *p)
{
	u64 nr = HC_NOP, zero = 0;

	p->cr0 = read_cr0();
	p->cr2 = read_cr2();
	p->cr3 = read_cr3();
	p->cr4 = read_cr4();
	p->efer = read_efer();
	p->dr6 = read_dr6();
	p->dr7 = read_dr7();
	p->cs = read_seg(0);
	p->ss = read_seg(1);
	p->ds = read_seg(2);
	p->es = read_seg(3);
	asm volatile("lea 1f(%%rip), %%rdx\n\t"
		     "mov %%rdx, 0(%%rbx)\n\t"
		     "mov %%rsp, 8(%%rbx)\n\t"
		     "pushq 16(%%rbx)\n\t"
		     "popfq\n\t"
		     "1: vmcall\n\t"
		     ".pushsection hypercall_sites, \"aw\"\n\t.quad 1b\n\t.popsection\n\t"
		     "cld"
		     : "+a"(nr), "+b"(p), "+c"(zero) : : "rdx", "cc", "memory");
}

static struct l2_probe probe;

static void probe_now(void)
{
	memset(&probe, 0, sizeof(probe));
	probe.rflags = RFLAGS_PROBE;
	l2_probe_vmmcall(&probe);
}

static void op_plain(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	probe_now();
}

void l2_state_plain(struct l2_ctx *c)
{
	l2_measure(c, op_plain);
}

static void op_cr0_cr4(struct l2_ctx *c, u32 i)
{
	u64 cr0 = read_cr0(), cr4 = read_cr4();

	(void)c;
	(void)i;
	write_cr0(cr0 | CR0_TS);
	write_cr4(cr4 | CR4_TSD);
	probe_now();
	write_cr4(cr4);
	write_cr0(cr0);
}

void l2_state_cr0_cr4(struct l2_ctx *c)
{
	l2_measure(c, op_cr0_cr4);
}

static u64 own_pml4[512] __attribute__((aligned(4096)));

/* A copy of the current PML4: the same mappings through another CR3. */
static void op_cr3_efer(struct l2_ctx *c, u32 i)
{
	u64 cr3 = read_cr3(), efer = read_efer();

	(void)c;
	(void)i;
	memcpy(own_pml4, (const void *)(cr3 & ADDR_MASK), sizeof(own_pml4));
	write_cr3((u64)own_pml4);
	wrmsr(MSR_IA32_EFER, efer ^ EFER_SCE);
	probe_now();
	wrmsr(MSR_IA32_EFER, efer);
	write_cr3(cr3);
}

void l2_state_cr3_efer(struct l2_ctx *c)
{
	l2_measure(c, op_cr3_efer);
}

/* DR0's breakpoint address: never executed. */
static void never_run(void)
{
	l2_hypercall(HC_FAIL, 0xdb, 0);
}

static void op_dr(struct l2_ctx *c, u32 i)
{
	u64 dr6 = read_dr6(), dr7 = read_dr7();

	(void)c;
	(void)i;
	write_dr0((u64)never_run);
	write_dr6(DR6_PROBE);
	write_dr7(DR7_PROBE);
	probe_now();
	write_dr7(dr7);
	write_dr6(dr6);
}

void l2_state_dr(struct l2_ctx *c)
{
	l2_measure(c, op_dr);
}

static void op_segs(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	asm volatile("mov %0, %%ds; mov %0, %%es" : : "r"(0) : "memory");
	probe_now();
	asm volatile("mov %0, %%ds; mov %0, %%es" : : "r"(SEL_DATA) : "memory");
}

void l2_state_segs(struct l2_ctx *c)
{
	l2_measure(c, op_segs);
}

/* A read at an address L1's tables leave not present: L2's own #PF handler skips it. */
static void op_cr2(struct l2_ctx *c, u32 i)
{
	u64 va = L2_UNMAPPED + (u64)i * 8;

	(void)c;
	l2_traps.skip = 2;			/* 8a 02: mov (%rdx), %al */
	asm volatile(".byte 0x8a, 0x02" : : "d"(va) : "rax", "memory");
	if (l2_traps.cr2 != va)
		l2_hypercall(HC_FAIL, 14, l2_traps.cr2);
	probe_now();
}

void l2_state_cr2(struct l2_ctx *c)
{
	l2_traps_install();
	l2_measure(c, op_cr2);
	c->result[0] = l2_traps.count[14];
}

/* CPUID(L2_CPUID_SHADOW) in STI's shadow (IF was 0), then CPUID(0) outside any. */
static void op_shadow_sti(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	u32 a = L2_CPUID_SHADOW, b = 0, d = 0, sub = 0;

	asm volatile("sti\n\tcpuid\n\tcli" : "+a"(a), "=b"(b), "+c"(sub), "=d"(d) : : "memory");
	a = sub = 0;
	asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(sub), "=d"(d) : : "memory");
}

void l2_shadow_sti(struct l2_ctx *c)
{
	l2_measure(c, op_shadow_sti);
}

/* CPUID(L2_CPUID_SHADOW) in MOV SS's shadow, then CPUID(0) outside any. */
static void op_shadow_movss(struct l2_ctx *c, u32 i)
{
	(void)c;
	(void)i;
	u32 a = L2_CPUID_SHADOW, b = 0, d = 0, sub = 0;

	asm volatile("mov %%ss, %%edx\n\tmov %%edx, %%ss\n\tcpuid" : "+a"(a), "=b"(b), "+c"(sub), "=d"(d) : : "memory");
	a = sub = 0;
	asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(sub), "=d"(d) : : "memory");
}

void l2_shadow_movss(struct l2_ctx *c)
{
	l2_measure(c, op_shadow_movss);
}
