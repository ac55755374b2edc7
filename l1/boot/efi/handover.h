/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The seam between the gnu-efi side (efi_main.c, firmware types) and L1 (plain C): called
 * after ExitBootServices succeeded, with the command line already in ASCII.
 */
#ifndef L1_BOOT_EFI_HANDOVER_H
#define L1_BOOT_EFI_HANDOVER_H

/* Takes the machine from the firmware's state to what l1_start() expects; never returns. */
__attribute__((noreturn)) void efi_handover(const char *cmdline);

/* Prints one "CRASH: ..." line on COM1 and powers off; for failures past the firmware. */
__attribute__((noreturn)) void efi_fatal(const char *why, unsigned long long status);

#endif
