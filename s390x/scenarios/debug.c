// SPDX-License-Identifier: GPL-2.0-only
/* The runner's CRASH, TIMEOUT and ERROR paths on s390x (not in the default suite). */
#include "s390x/scenario.h"
#include "lib/console.h"

static void debug_crash(const struct run_options *o)
{
	(void)o;
	/* Opcode 0x00 is not assigned: an operation exception, code 0x0001. */
	asm volatile(".short 0x0000" : : : "memory");
}

static void debug_hang(const struct run_options *o)
{
	(void)o;
	for (;;)
		asm volatile("" : : : "memory");
}

static void debug_garbage(const struct run_options *o)
{
	(void)o;
	console_puts("@nl1 check name=debug/garbage status=PASS what=crc ~00000000\n");
}

const struct scenario scn_debug_crash = { .run = debug_crash };
const struct scenario scn_debug_hang = { .run = debug_hang };
const struct scenario scn_debug_garbage = { .run = debug_garbage };
