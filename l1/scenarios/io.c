// SPDX-License-Identifier: GPL-2.0-only
/*
 * Port I/O through the I/O bitmaps, on the UART scratch register: the value the device
 * holds afterwards tells whether L2's accesses reached it or L1's emulation.
 */
#include "l1/scenario.h"
#include "l1/emulated.h"
#include "x86/io.h"

#define DEVICE_MARK	0x11	/* what L1 leaves in the device before L2 runs */
#define VIRTUAL_MARK	0xa5	/* what L1's virtual register holds before L2 runs */

static void io_intercepted_setup(struct vcpu *v)
{
	v->ctx->arg[0] = EMULATED_PORT;
	v->vport_scratch = VIRTUAL_MARK;
	outb(EMULATED_PORT, DEVICE_MARK);
}

static void io_intercepted_check(struct vcpu *v)
{
	u8 dev = inb(EMULATED_PORT);

	check(dev == DEVICE_MARK, "device scratch register untouched: %#x (want %#x)", dev, DEVICE_MARK);
	check(v->vport_scratch == (u8)v->ctx->result[1],
	      "L1's virtual scratch register holds L2's last write: %#x (want %#llx)",
	      v->vport_scratch, (unsigned long long)v->ctx->result[1]);
}

const struct scenario scn_io_intercepted = {
	.needs	= NEEDS(IO_BITMAPS),
	.setup	= io_intercepted_setup,
	.l2	= l2_io_scratch,
	.expect	= { { XK_IO, 2 } },	/* one OUT, one IN */
	.check	= io_intercepted_check,
};

static void io_passthrough_setup(struct vcpu *v)
{
	v->ctx->arg[0] = EMULATED_PORT;
	hv->io_pass(EMULATED_PORT);
	outb(EMULATED_PORT, DEVICE_MARK);
}

static void io_passthrough_check(struct vcpu *v)
{
	u8 dev = inb(EMULATED_PORT);

	check(dev == (u8)v->ctx->result[1], "device scratch register holds L2's last write: %#x (want %#llx)",
	      dev, (unsigned long long)v->ctx->result[1]);
}

const struct scenario scn_io_passthrough = {
	.needs	= NEEDS(IO_BITMAPS),
	.setup	= io_passthrough_setup,
	.l2	= l2_io_scratch,
	.check	= io_passthrough_check,
};
