// SPDX-License-Identifier: GPL-2.0-only
/* Port I/O on the UART scratch register: a byte of plain storage, so a value written
 * and read back shows whether the access reached the device or L1's emulation. */
#include "l2/l2.h"
#include "x86/io.h"

static void op_io_scratch(struct l2_ctx *c, u32 i)
{
	u16 port = (u16)c->arg[0];
	u8 v = (u8)(0x40 + i);

	outb(port, v);
	c->result[0] = inb(port);
	if (c->result[0] != v)
		l2_hypercall(HC_FAIL, 1, c->result[0]);
}

void l2_io_scratch(struct l2_ctx *c)
{
	l2_measure(c, op_io_scratch);
	c->result[1] = (u8)(0x40 + c->warmup + c->iters - 1);	/* last value written */
}
