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
L2_SRCS += l2/own_tables.c
# svm-c families: svmstate/, svmevent/, svmexc/
L2_SRCS += l2/svm_traps.c
L2_SRCS += l2/svmstate.c
L2_SRCS += l2/svmevent.c
L2_SRCS += l2/svmexc.c
L2_SRCS += l2/bug.c
L2_SRCS += l2/svm_icpt.c
L2_SRCS += l2/npt.c
L2_SRCS += l2/svm_tsc.c
# [B] issue 13, VMX families 6-10
L2_SRCS += l2/crexit.c
L2_SRCS += l2/insn.c
L2_SRCS += l2/vmxinsn.c
L2_SRCS += l2/tlb.c
L2_SRCS += l2/vmxinsn_valid.c
L2_SRCS += l2/eptx.c
L2_SRCS += l2/tsc.c
L2_SRCS += l2/vmx_events.c
L2_SRCS += l2/vmx_state.c
L2_SRCS += l2/vmm.c
L2_SRCS += l2/vmm_more.c
