# SPDX-License-Identifier: GPL-2.0-only
# l0/: the host-side runner, nestlab, its unit tests, its fuzz target.
# l0/ itself holds main.c, the commands; each room adds its sources and
# tests in its own fragment. L0_TESTS: host test binaries, each prints "N passed, N failed".
NESTLAB_SRCS += l0/main.c
# lib/ built for the host: CRC and value decoding (record.o needs printf.o), the protocol's
# tables (verdicts, record types, run options; their string calls reach libc's).
NESTLAB_LIB_OBJS := $(BUILD)/host/lib/crc32.o $(BUILD)/host/lib/record.o $(BUILD)/host/lib/printf.o \
	$(BUILD)/host/lib/verdict.o $(BUILD)/host/lib/record_types.o $(BUILD)/host/lib/run_options.o \
	$(BUILD)/host/x86/vmx.o
L0_TESTS :=
include l0/sys/rules.mk
include l0/run/rules.mk
include l0/backend/rules.mk
include l0/kvm/rules.mk
include l0/regress/rules.mk

NESTLAB_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(NESTLAB_SRCS))
NESTLAB_CORE_OBJS := $(filter-out $(BUILD)/host/l0/main.o,$(NESTLAB_OBJS))

$(BUILD)/l0/nestlab: $(NESTLAB_OBJS) $(NESTLAB_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c

HOST_BINS += $(BUILD)/l0/nestlab
ALL_TARGETS += $(BUILD)/l0/nestlab

# The session test drives the whole runner but main(); the run-option test its command line.
$(BUILD)/host/l0/run/session_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/runopt_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/coverage_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)

HOST_TESTS += $(L0_TESTS)
ALL_TARGETS += $(L0_TESTS)
$(L0_TESTS):
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c -lm

# The runner against a fake Bochs (l0/test/fake-bochs): spawning, timeouts, exit codes.
check-runner: $(BUILD)/l0/nestlab
	@mkdir -p $(BUILD)/check
	@l0/test/check-runner.sh $(BUILD)/l0/nestlab | sed '$$s/^/runner: /' | tee $(BUILD)/check/runner.log

CHECK_TARGETS += check-runner

.PHONY: check-runner check-qemu-tcg check-bochs-ryzen

# The results.json expectation checker for the Bochs suite (scripts/check-suite).
$(BUILD)/host/l0/expect_check: $(BUILD)/host/l0/test/expect_check.o
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c
ALL_TARGETS += $(BUILD)/host/l0/expect_check

check-suite: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-suite $(BUILD) | tee $(BUILD)/check/suite.log

CHECK_TARGETS += check-suite

# The same on QEMU TCG, where L1 runs on SVM (scripts/qemu-tcg-suite.expect).
check-qemu-tcg: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-suite $(BUILD) qemu-tcg qemu-tcg | tee $(BUILD)/check/qemu-tcg.log

CHECK_TARGETS += check-qemu-tcg

# And on Bochs's AMD model (SVM with next-RIP save, scripts/bochs-ryzen-suite.expect).
check-bochs-ryzen: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-suite $(BUILD) bochs bochs-ryzen ryzen | tee $(BUILD)/check/bochs-ryzen.log

CHECK_TARGETS += check-bochs-ryzen
