# SPDX-License-Identifier: GPL-2.0-only
# x86 arch code, freestanding (linked into the L1 image).
X86_SRCS += x86/setjmp.asm
X86_SRCS += x86/desc.c
X86_SRCS += x86/trap.c
X86_SRCS += x86/serial.c
X86_SRCS += x86/power.c
X86_SRCS += x86/vmx.c

# Host test of the VMX tables (x86/vmx.c builds on the host too).
HOST_TESTS += $(BUILD)/host/x86/vmx_test
ALL_TARGETS += $(BUILD)/host/x86/vmx_test
$(BUILD)/host/x86/vmx_test: $(BUILD)/host/x86/vmx_test.o $(BUILD)/host/x86/vmx.o $(BUILD)/host/lib/printf.o
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

HOST_TESTS += $(BUILD)/host/x86/svm_exit_codes_test
ALL_TARGETS += $(BUILD)/host/x86/svm_exit_codes_test
$(BUILD)/host/x86/svm_exit_codes_test: $(BUILD)/host/x86/svm_exit_codes_test.o
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $^
