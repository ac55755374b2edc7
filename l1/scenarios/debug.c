// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deliberate failures of L1 itself, for the runner's own tests: each must end as the
 * verdict its name says, never as a hung runner or a lost result. Not in the default suite.
 */
#include "l1/scenario.h"
#include "l1/console.h"
#include "x86/desc.h"

static void crash(void)
{
	asm volatile("ud2");
}

static void triple_fault(void)
{
	static const struct desc_ptr none = { 0, 0 };

	lidt(&none);
	asm volatile("int3");
}

static void hang(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

static void garbage(void)
{
	console_puts("@nl1 result name=debug/garbage verdict=PASS ~00000000\n");
	console_puts("\x01\x7f\xfe\xff garbage on the console\n");
}

const struct scenario scn_debug_crash = {
	.special = crash, .l2 = l2_cpuid, .expect = { { XK_CPUID, 1 } },
};
const struct scenario scn_debug_triple_fault = {
	.special = triple_fault, .l2 = l2_cpuid, .expect = { { XK_CPUID, 1 } },
};
const struct scenario scn_debug_hang = {
	.special = hang, .l2 = l2_cpuid, .expect = { { XK_CPUID, 1 } },
};
const struct scenario scn_debug_garbage = {
	.special = garbage, .l2 = l2_cpuid, .expect = { { XK_CPUID, 1 } },
};
