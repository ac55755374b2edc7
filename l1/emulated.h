/* SPDX-License-Identifier: GPL-2.0-only */
/* The one port and the one MSR L1 emulates for L2, on every back end. */
#ifndef L1_EMULATED_H
#define L1_EMULATED_H

#include "x86/processor.h"
#include "x86/serial.h"

#define EMULATED_PORT	(COM1_BASE + UART_SCRATCH)
#define EMULATED_MSR	MSR_IA32_SYSENTER_CS

#endif
