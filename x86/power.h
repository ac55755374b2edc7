/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef X86_POWER_H
#define X86_POWER_H

/*
 * End the emulator: Bochs' shutdown port (0x8900, "Shutdown") and QEMU's
 * isa-debug-exit (0xf4) are both tried; the exit status of neither means anything,
 * the runner judges by the records.
 */
__attribute__((noreturn)) void power_off(void);

#endif
