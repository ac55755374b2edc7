# SPDX-License-Identifier: GPL-2.0-only
# L2 workloads, freestanding (linked into the L1 image, run only as L2).
L2_SRCS += l2/start.c
L2_SRCS += l2/hypercall.c
L2_SRCS += l2/svm.c
L2_SRCS += l2/idt.c
L2_SRCS += l2/basic.c
L2_SRCS += l2/io.c
L2_SRCS += l2/msr.c
L2_SRCS += l2/ept.c
L2_SRCS += l2/vmcs_shadow.c
L2_SRCS += l2/apic.c
L2_SRCS += l2/pf.c
L2_SRCS += l2/vmm.c
