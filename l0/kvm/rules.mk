# SPDX-License-Identifier: GPL-2.0-only
# l0/kvm/: KVM as the L0: nestlab's own small VMM on /dev/kvm, KVM's binary statistics,
# tracefs exit histograms, the measurement window's edges, exit-code names, port 0xE9.
NESTLAB_SRCS += l0/kvm/kvm_vm.c
NESTLAB_SRCS += l0/kvm/vcpu_kick.c
NESTLAB_SRCS += l0/kvm/kvm_stats.c
NESTLAB_SRCS += l0/kvm/kvm_trace.c
NESTLAB_SRCS += l0/kvm/trace_instance.c
NESTLAB_SRCS += l0/kvm/l0_window.c
NESTLAB_SRCS += l0/kvm/l0_pass.c
NESTLAB_SRCS += l0/kvm/exit_codes.c
NESTLAB_SRCS += l0/kvm/e9.c
NESTLAB_SRCS += l0/kvm/vcpu_state.c
NESTLAB_SRCS += l0/kvm/vmm_actor.c
NESTLAB_SRCS += l0/kvm/vmm_delayed.c
NESTLAB_SRCS += l0/kvm/migrate_plan.c

KVM_TESTS := $(BUILD)/host/l0/kvm/exit_codes_test $(BUILD)/host/l0/kvm/migrate_plan_test
L0_TESTS += $(KVM_TESTS)

$(BUILD)/host/l0/kvm/exit_codes_test: $(BUILD)/host/l0/kvm/exit_codes_test.o $(BUILD)/host/l0/kvm/exit_codes.o \
	$(BUILD)/host/l0/kvm/kvm_trace.o $(BUILD)/host/l0/kvm/trace_instance.o \
	$(BUILD)/host/l0/kvm/l0_window.o $(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)

$(BUILD)/host/l0/kvm/migrate_plan_test: $(BUILD)/host/l0/kvm/migrate_plan_test.o $(BUILD)/host/l0/kvm/migrate_plan.o \
	$(NESTLAB_LIB_OBJS)
