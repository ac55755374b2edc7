/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I/O ports L1 uses to talk to its L0 (shared by L1 and the runner's own VMM).
 * NESTLAB_CTL_PORT: L1 writes 1 when a scenario's measurement window opens and 0 when it
 * closes, so an L0 that counts exits (the runner's kvm back end) reads its counters at
 * exactly those edges. On an emulator the writes go nowhere.
 */
#ifndef X86_PORTS_H
#define X86_PORTS_H

#define NESTLAB_CTL_PORT	0x0520
#define NESTLAB_CTL_OPEN	1
#define NESTLAB_CTL_CLOSE	0
/*
 * QEMU's ISA pvpanic device (docs/specs/pvpanic.txt): writing PVPANIC_PANICKED there makes
 * QEMU run with -action panic=pause stop the VM until `cont`. With pause=pvpanic on its
 * command line, L1 does that at each window edge (outside the window), so the qemu-kvm
 * back end reads KVM's statistics over QMP at exactly those points.
 */
#define PVPANIC_PORT		0x0505
#define PVPANIC_PANICKED	1
/*
 * pvpanic's second bit, "crash loaded": QEMU emits GUEST_CRASHLOADED and runs on. Under
 * qemu-kvm's --migrate, L1 writes it just before PVPANIC_PANICKED, so the monitor knows
 * that pause is a migration point, not a window edge (docs/migration-qemu.md).
 */
#define PVPANIC_CRASH_LOADED	2
/*
 * NESTLAB_CONSOLE_PORT: a console the runner's own VMM (the kvm back end, so the labs)
 * offers L1, a line per exit instead of two exits a byte through the emulated UART (which
 * made the console most of a scenario's cost in the labs). A 32-bit IN answers
 * NESTLAB_CONSOLE_MAGIC; a 32-bit OUT of the guest-physical address of a struct
 * nestlab_console_line makes the VMM write its len bytes to the console. Elsewhere the
 * port is unbacked (IN reads all ones) and L1 keeps the UART.
 */
#define NESTLAB_CONSOLE_PORT	0x0524
#define NESTLAB_CONSOLE_MAGIC	0x4e4c434eu	/* "NLCN" */
#define NESTLAB_CONSOLE_LINE	1020

struct nestlab_console_line {
	unsigned int len;			/* at most NESTLAB_CONSOLE_LINE */
	char data[NESTLAB_CONSOLE_LINE];
};

#define BOCHS_SHUTDOWN_PORT	0x8900	/* "Shutdown" written byte by byte ends Bochs */
#define QEMU_DEBUG_EXIT_PORT	0x00f4	/* isa-debug-exit */

#endif
