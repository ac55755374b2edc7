// SPDX-License-Identifier: GPL-2.0-only
#include "x86/power.h"
#include "x86/io.h"
#include "x86/ports.h"
#include "x86/serial.h"


__attribute__((noreturn)) void power_off(void)
{
	const char *s = "Shutdown";

	serial_flush();	/* the last line is lost if the UART is still sending it */
	while (*s)
		outb(BOCHS_SHUTDOWN_PORT, (unsigned char)*s++);
	outl(QEMU_DEBUG_EXIT_PORT, 0);
	for (;;)
		asm volatile("cli; hlt");
}
