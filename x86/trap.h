/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * L1's exception handlers: any exception in L1 is a harness bug or a deliberate crash
 * test. Each prints a `crash` record (vector, error code, RIP, CR2, current scenario)
 * and ends the run, so the runner reports CRASH instead of seeing a silent triple fault.
 */
#ifndef X86_TRAP_H
#define X86_TRAP_H

#include "lib/types.h"
#include "x86/desc.h"

/* Name of the scenario running, for the crash record; NULL outside scenarios. */
extern const char *trap_context;

void trap_install(struct idt_entry *idt);

/* RDMSR of an MSR that may not exist: false, *val 0, where it raises #GP. */
bool rdmsr_safe(u32 index, u64 *val);
/* Arms a one-shot fixup: exception `vector` at rip resumes at to (no error code
 * handling needed). trap_expect_end() disarms it and says whether it was taken. */
void trap_expect(unsigned vector, u64 rip, u64 to);
bool trap_expect_end(void);
const char *trap_vector_name(unsigned vector);
__attribute__((noreturn)) void trap_crash(unsigned vector, u64 error, u64 rip);

#endif
