# SPDX-License-Identifier: GPL-2.0-only
# l0/: the host-side runner, nestlab, its unit tests, its fuzz target.
NESTLAB_SRCS += l0/main.c
NESTLAB_SRCS += l0/scenario.c
NESTLAB_SRCS += l0/backend.c
NESTLAB_SRCS += l0/backend-bochs.c
NESTLAB_SRCS += l0/backend-qemu-s390x.c
NESTLAB_SRCS += l0/image.c
NESTLAB_SRCS += l0/proc.c
NESTLAB_SRCS += l0/file.c
NESTLAB_SRCS += l0/util.c
NESTLAB_SRCS += l0/record.c
NESTLAB_SRCS += l0/session.c
NESTLAB_SRCS += l0/scn_result.c
NESTLAB_SRCS += l0/runner.c
NESTLAB_SRCS += l0/output.c
NESTLAB_SRCS += l0/results.c
NESTLAB_SRCS += l0/table.c
NESTLAB_SRCS += l0/l1cmd.c
NESTLAB_SRCS += l0/backend-kvm.c
NESTLAB_SRCS += l0/kvm_vm.c
NESTLAB_SRCS += l0/kvm_stats.c
NESTLAB_SRCS += l0/kvm_trace.c
NESTLAB_SRCS += l0/exit_codes.c
NESTLAB_SRCS += l0/l0_window.c
NESTLAB_SRCS += l0/e9.c
NESTLAB_SRCS += l0/backend-lab.c
NESTLAB_SRCS += l0/backend-qemu-kvm.c
NESTLAB_SRCS += l0/qmp.c
NESTLAB_SRCS += l0/backend-qemu-tcg.c
NESTLAB_SRCS += l0/cpio.c
NESTLAB_SRCS += l0/efi.c
# Samples, compare, report, JUnit, shards and merge: their own fragment.
include l0/regress.mk

# lib/ built for the host: CRC and value decoding (record.o needs printf.o).
NESTLAB_LIB_OBJS := $(BUILD)/host/lib/crc32.o $(BUILD)/host/lib/record.o $(BUILD)/host/lib/printf.o \
	$(BUILD)/host/x86/vmx.o
NESTLAB_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(NESTLAB_SRCS))
NESTLAB_CORE_OBJS := $(filter-out $(BUILD)/host/l0/main.o,$(NESTLAB_OBJS))

$(BUILD)/l0/nestlab: $(NESTLAB_OBJS) $(NESTLAB_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c

HOST_BINS += $(BUILD)/l0/nestlab
ALL_TARGETS += $(BUILD)/l0/nestlab

# Unit tests: each prints "N passed, N failed".
L0_TESTS := $(BUILD)/host/l0/record_test $(BUILD)/host/l0/record_fuzz_test $(BUILD)/host/l0/session_test \
	$(BUILD)/host/l0/exit_codes_test
HOST_TESTS += $(L0_TESTS)
ALL_TARGETS += $(L0_TESTS)

$(BUILD)/host/l0/record_test: $(BUILD)/host/l0/record_test.o $(BUILD)/host/l0/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/record_fuzz_test: $(BUILD)/host/l0/record_fuzz.o $(BUILD)/host/l0/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/session_test: $(BUILD)/host/l0/session_test.o $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/exit_codes_test: $(BUILD)/host/l0/exit_codes_test.o $(BUILD)/host/l0/exit_codes.o \
	$(BUILD)/host/l0/kvm_trace.o $(BUILD)/host/l0/l0_window.o $(BUILD)/host/l0/record.o $(NESTLAB_LIB_OBJS)
$(L0_TESTS):
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c

# The runner against a fake Bochs (l0/test/fake-bochs): spawning, timeouts, exit codes.
check-runner: $(BUILD)/l0/nestlab
	@mkdir -p $(BUILD)/check
	@l0/test/check-runner.sh $(BUILD)/l0/nestlab | sed '$$s/^/runner: /' | tee $(BUILD)/check/runner.log

CHECK_TARGETS += check-runner

# make fuzz: libFuzzer on record_parse() for FUZZ_SECONDS (needs clang).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SRCS := l0/record_fuzz.c l0/record.c lib/crc32.c lib/record.c lib/printf.c

$(BUILD)/l0/record_fuzz: $(FUZZ_SRCS)
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) -std=gnu11 -O1 -g -I. -D_GNU_SOURCE -DRECORD_FUZZ_LIBFUZZER \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $(FUZZ_SRCS)

fuzz:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(BUILD)/l0/record_fuzz && mkdir -p $(BUILD)/l0/fuzz-corpus && \
		$(BUILD)/l0/record_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=1024 $(BUILD)/l0/fuzz-corpus; \
	else \
		echo "SKIP: make fuzz: $(FUZZ_CC) not found: apt-get install clang"; \
	fi

.PHONY: check-runner check-qemu-tcg check-bochs-ryzen fuzz

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
