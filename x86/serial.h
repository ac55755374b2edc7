/* SPDX-License-Identifier: GPL-2.0-only */
/* 16550 UART on COM1, polled: Bochs' file-backed COM1 drops bytes unless LSR.THRE is polled. */
#ifndef X86_SERIAL_H
#define X86_SERIAL_H

#include "lib/types.h"

#define COM1_BASE	0x3f8
#define UART_SCRATCH	7	/* scratch register offset: plain storage, used by the I/O scenarios */

void serial_init(void);
void serial_putc(char c);
void serial_write(const char *s, size_t len);
void serial_puts(const char *s);
/* Waits until the transmitter is empty (LSR.TEMT). */
void serial_flush(void);

#endif
