# SPDX-License-Identifier: GPL-2.0-only
# x86 arch code, freestanding (linked into the L1 image).
X86_SRCS += x86/boot.asm
X86_SRCS += x86/setjmp.asm
X86_SRCS += x86/desc.c
X86_SRCS += x86/trap.c
X86_SRCS += x86/serial.c
X86_SRCS += x86/power.c
X86_SRCS += x86/vmx.c
