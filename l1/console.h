/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's console is COM1 (x86/serial): console_puts and console_printf are lib/console.h's. */
#ifndef L1_CONSOLE_H
#define L1_CONSOLE_H

#include "lib/console.h"
#include "lib/record.h"

/* The serial port, and the report API's sink on it. */
void console_init(void);

#endif
