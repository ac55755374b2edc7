// SPDX-License-Identifier: GPL-2.0-only
#include "x86/trap.h"
#include "x86/processor.h"
#include "x86/power.h"
#include "x86/serial.h"
#include "lib/printf.h"
#include "lib/record.h"

const char *trap_context;

struct interrupt_frame {
	u64 rip, cs, rflags, rsp, ss;
};

/* SDM vol. 3, "Exception and Interrupt Reference". */
#define EXCEPTIONS(X)							\
	X(0, DE, 0) X(1, DB, 0) X(2, NMI, 0) X(3, BP, 0) X(4, OF, 0)	\
	X(5, BR, 0) X(6, UD, 0) X(7, NM, 0) X(8, DF, 1) X(9, CSO, 0)	\
	X(10, TS, 1) X(11, NP, 1) X(12, SS, 1) X(13, GP, 1) X(14, PF, 1) \
	X(15, RES15, 0) X(16, MF, 0) X(17, AC, 1) X(18, MC, 0)		\
	X(19, XM, 0) X(20, VE, 0) X(21, CP, 1)

const char *trap_vector_name(unsigned vector)
{
	switch (vector) {
#define X(v, name, err) case v: return "#" #name;
	EXCEPTIONS(X)
#undef X
	}
	return "<unknown>";
}

__attribute__((noreturn)) void trap_crash(unsigned vector, u64 error, u64 rip)
{
	struct record r;
	char line[160];

	nl_snprintf(line, sizeof(line), "CRASH: L1 exception %s (vector %u) error %#llx at RIP %#llx\n",
		    trap_vector_name(vector), vector, (unsigned long long)error,
		    (unsigned long long)rip);
	serial_puts(line);
	record_begin(&r, "crash");
	record_u64(&r, "vector", vector);
	record_hex(&r, "error", error);
	record_hex(&r, "rip", rip);
	record_hex(&r, "cr2", read_cr2());
	if (trap_context)
		record_str(&r, "name", trap_context);
	serial_puts(record_end(&r));
	power_off();
}

static struct {
	u64 rip, to;		/* exception `vector` at rip resumes at to */
	unsigned vector;
	bool faulted;
} trap_fixup;

/* The exception at the instruction rdmsr_safe() or trap_expect() armed resumes after it. */
static bool fixed_up(unsigned vector, struct interrupt_frame *f)
{
	if (vector != trap_fixup.vector || !trap_fixup.rip || f->rip != trap_fixup.rip)
		return false;
	f->rip = trap_fixup.to;
	trap_fixup.faulted = true;
	return true;
}

bool rdmsr_safe(u32 index, u64 *val)
{
	u32 lo, hi;
	u64 at, to;

	trap_fixup.faulted = false;
	trap_fixup.vector = 13;
	asm volatile("leaq 1f(%%rip), %[at]\n\t"
		     "leaq 2f(%%rip), %[to]\n\t"
		     "movq %[at], %[fix_rip]\n\t"
		     "movq %[to], %[fix_to]\n"
		     "1:\trdmsr\n"
		     "2:"
		     : "=a"(lo), "=d"(hi), [at] "=&r"(at), [to] "=&r"(to),
		       [fix_rip] "=m"(trap_fixup.rip), [fix_to] "=m"(trap_fixup.to)
		     : "c"(index), "0"(0), "1"(0)
		     : "memory");
	trap_fixup.rip = 0;
	*val = lo | ((u64)hi << 32);
	return !trap_fixup.faulted;
}

void trap_expect(unsigned vector, u64 rip, u64 to)
{
	trap_fixup.faulted = false;
	trap_fixup.vector = vector;
	trap_fixup.to = to;
	trap_fixup.rip = rip;
}

bool trap_expect_end(void)
{
	trap_fixup.rip = 0;
	return trap_fixup.faulted;
}

#define X(v, name, err) X_##err(v, name)
#define X_0(v, name)								\
	__attribute__((interrupt)) static void trap_##name(struct interrupt_frame *f) \
	{ if (!fixed_up(v, f)) trap_crash(v, 0, f->rip); }
#define X_1(v, name)								\
	__attribute__((interrupt)) static void trap_##name(struct interrupt_frame *f, \
							   unsigned long error)	\
	{ if (!fixed_up(v, f)) trap_crash(v, error, f->rip); }
EXCEPTIONS(X)
#undef X_0
#undef X_1
#undef X

void trap_install(struct idt_entry *idt)
{
#define X(v, name, err) idt_set_gate(idt, v, (void *)trap_##name, 1);
	EXCEPTIONS(X)
#undef X
}
