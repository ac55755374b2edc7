// SPDX-License-Identifier: GPL-2.0-only
#include "x86/serial.h"
#include "x86/io.h"
#include "x86/ports.h"
#include "lib/string.h"

#define UART_THR	0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define LSR_THRE	0x20
#define LSR_TEMT	0x40

/* The VMM's line console (x86/ports.h), when it answers: a line per exit. */
static bool line_console;
static struct nestlab_console_line line __attribute__((aligned(64)));

static void line_flush(void)
{
	if (line.len) {
		outl(NESTLAB_CONSOLE_PORT, (u32)(unsigned long)&line);
		line.len = 0;
	}
}

void serial_init(void)
{
	line_console = inl(NESTLAB_CONSOLE_PORT) == NESTLAB_CONSOLE_MAGIC && (unsigned long)&line < (1ull << 32);
	outb(COM1_BASE + UART_IER, 0);
	outb(COM1_BASE + UART_LCR, LCR_DLAB);
	outb(COM1_BASE + UART_DLL, 1);		/* 115200 baud */
	outb(COM1_BASE + UART_DLM, 0);
	outb(COM1_BASE + UART_LCR, LCR_8N1);
	outb(COM1_BASE + UART_FCR, 0x07);	/* enable and clear FIFOs */
	outb(COM1_BASE + UART_MCR, 0x03);	/* DTR, RTS */
}

void serial_putc(char c)
{
	while (!(inb(COM1_BASE + UART_LSR) & LSR_THRE))
		;
	outb(COM1_BASE + UART_THR, (u8)c);
}

void serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len && line_console; i++) {
		line.data[line.len++] = s[i];
		if (s[i] == '\n' || line.len == NESTLAB_CONSOLE_LINE)
			line_flush();
	}
	for (size_t i = 0; i < len && !line_console; i++)
		serial_putc(s[i]);
}

void serial_puts(const char *s)
{
	serial_write(s, strlen(s));
}

void serial_flush(void)
{
	line_flush();
	while (!(inb(COM1_BASE + UART_LSR) & LSR_TEMT))
		;
}
