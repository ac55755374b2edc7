/* SPDX-License-Identifier: GPL-2.0-only */
/* CPUID, MSRs, control registers, TSC. MSR numbers: Intel SDM vol. 4, "Model-Specific Registers". */
#ifndef X86_PROCESSOR_H
#define X86_PROCESSOR_H

#include "lib/types.h"

#define MSR_IA32_APIC_BASE		0x0000001b
#define MSR_IA32_FEATURE_CONTROL	0x0000003a
#define MSR_IA32_SYSENTER_CS		0x00000174
#define MSR_IA32_SYSENTER_ESP		0x00000175
#define MSR_IA32_SYSENTER_EIP		0x00000176
#define MSR_IA32_PAT			0x00000277
#define MSR_IA32_VMX_BASIC		0x00000480
#define MSR_IA32_VMX_CR0_FIXED0		0x00000486
#define MSR_IA32_VMX_CR0_FIXED1		0x00000487
#define MSR_IA32_VMX_CR4_FIXED0		0x00000488
#define MSR_IA32_VMX_CR4_FIXED1		0x00000489
#define MSR_X2APIC_BASE			0x00000800
#define MSR_X2APIC_TPR			0x00000808
#define MSR_X2APIC_EOI			0x0000080b
#define MSR_X2APIC_SELF_IPI		0x0000083f
#define MSR_IA32_EFER			0xc0000080
#define MSR_IA32_FS_BASE		0xc0000100
#define MSR_IA32_GS_BASE		0xc0000101

#define FEATURE_CONTROL_LOCKED		BIT(0)
#define FEATURE_CONTROL_VMX_OUTSIDE_SMX	BIT(2)
#define APIC_BASE_X2APIC_ENABLE		BIT(10)
#define APIC_BASE_ENABLE		BIT(11)
#define EFER_LME			BIT(8)
#define EFER_LMA			BIT(10)
#define CR0_NE				BIT(5)
#define CR4_VMXE			BIT(13)
#define CPUID_1_ECX_VMX			BIT(5)
#define CPUID_1_ECX_X2APIC		BIT(21)

struct cpuid_regs {
	u32 eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid_count(u32 leaf, u32 subleaf)
{
	struct cpuid_regs r;

	asm volatile("cpuid"
		     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}

static inline struct cpuid_regs cpuid(u32 leaf)
{
	return cpuid_count(leaf, 0);
}

static inline u64 rdmsr(u32 index)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(index));
	return lo | ((u64)hi << 32);
}

static inline void wrmsr(u32 index, u64 val)
{
	asm volatile("wrmsr" : : "c"(index), "a"((u32)val), "d"((u32)(val >> 32)) : "memory");
}

/* LFENCE orders RDTSC against earlier and later instructions (SDM, "RDTSC"). */
static inline u64 rdtsc_serialized(void)
{
	u32 lo, hi;

	asm volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) : : "memory");
	return lo | ((u64)hi << 32);
}

#define DEFINE_CR_ACCESSORS(n)						\
	static inline u64 read_cr##n(void)				\
	{								\
		u64 v;							\
		asm volatile("mov %%cr" #n ", %0" : "=r"(v));		\
		return v;						\
	}								\
	static inline void write_cr##n(u64 v)				\
	{								\
		asm volatile("mov %0, %%cr" #n : : "r"(v) : "memory");	\
	}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
DEFINE_CR_ACCESSORS(8)
#undef DEFINE_CR_ACCESSORS

/* The cost of an empty timed region: the cheapest of 16, subtracted from every sample. */
static inline u64 rdtsc_overhead(void)
{
	u64 best = ~0ULL;

	for (int i = 0; i < 16; i++) {
		u64 t0 = rdtsc_serialized();
		u64 t1 = rdtsc_serialized();

		if (t1 - t0 < best)
			best = t1 - t0;
	}
	return best;
}

static inline u64 read_rflags(void)
{
	u64 f;

	asm volatile("pushfq; popq %0" : "=r"(f));
	return f;
}

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}

#endif
