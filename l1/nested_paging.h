/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What both nested-paging implementations (EPT, l1/vmx/ept.c; NPT, l1/svm/npt.c) give L2:
 * an identity map of the low 4 GiB (2 MiB pages, uncached from the MMIO hole up), except a
 * 2 MiB test region of 4 KiB pages left not present, which L1 maps page by page on L2's
 * nested page faults (ept/violation).
 */
#ifndef L1_NESTED_PAGING_H
#define L1_NESTED_PAGING_H

#include "x86/paging.h"

#define NESTED_TEST_REGION	0xc0000000UL
#define NESTED_TEST_PAGES	512
#define NESTED_UC_FROM		0xe0000000UL	/* MMIO hole: APIC, IOAPIC, PCI BARs */

#endif
