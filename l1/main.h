/* SPDX-License-Identifier: GPL-2.0-only */
/* The one L1 entry every boot path ends in (l1/boot/boot.asm via l1_main, l1/boot/efi/). */
#ifndef L1_MAIN_H
#define L1_MAIN_H

/*
 * Runs the scenarios cmdline selects ("run=a,b iters=N ...", NULL: the default suite) and
 * powers off. boot names the path in the begin record: "multiboot" or "efi". Expects long
 * mode, the low 4 GiB identity mapped, interrupts off; sets up its own GDT, IDT and TSS.
 */
__attribute__((noreturn)) void l1_start(const char *cmdline, const char *boot);

#endif
