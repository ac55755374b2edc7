# SPDX-License-Identifier: GPL-2.0-only
# l0/: the host-side runner, nestlab, its unit tests, its fuzz target.
# l0/ itself holds main.c, the commands; each room adds its sources and
# tests in its own fragment. L0_TESTS: host test binaries, each prints "N passed, N failed".
NESTLAB_SRCS += l0/main.c
# lib/ built for the host: CRC and value decoding (record.o needs printf.o), the protocol's
# tables (verdicts, record types, run options; their string calls reach libc's), the
# statistics (percentiles by nearest rank, as L1 computes them).
NESTLAB_LIB_OBJS := $(BUILD)/host/lib/crc32.o $(BUILD)/host/lib/selection.o $(BUILD)/host/lib/record.o $(BUILD)/host/lib/printf.o \
	$(BUILD)/host/lib/verdict.o $(BUILD)/host/lib/record_types.o $(BUILD)/host/lib/run_options.o \
	$(BUILD)/host/lib/stats.o $(BUILD)/host/lib/guest_migrate.o \
	$(BUILD)/host/x86/vmx.o
L0_TESTS :=
include l0/sys/rules.mk
include l0/run/rules.mk
include l0/backend/rules.mk
include l0/kvm/rules.mk
include l0/regress/rules.mk

NESTLAB_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(NESTLAB_SRCS))
NESTLAB_CORE_OBJS := $(filter-out $(BUILD)/host/l0/main.o,$(NESTLAB_OBJS))

# The build id (l0/sys/build_id.h): a hash of the objects, linked into nestlab and the
# lab's static copy alike.
NESTLAB_BUILD_ID_OBJ := $(BUILD)/host/l0/build_id.o
$(BUILD)/host/l0/build_id.c: $(NESTLAB_OBJS) $(NESTLAB_LIB_OBJS)
	@mkdir -p $(dir $@)
	@printf '#include "l0/sys/build_id.h"\nconst char *nestlab_build_id(void)\n{\n\treturn "%s";\n}\n' \
		"$$(cat $^ | sha256sum | cut -c1-16)" > $@
$(NESTLAB_BUILD_ID_OBJ): $(BUILD)/host/l0/build_id.c
	$(call say,HOSTCC,$<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -c $< -o $@

$(BUILD)/l0/nestlab: $(NESTLAB_OBJS) $(NESTLAB_LIB_OBJS) $(NESTLAB_BUILD_ID_OBJ)
	@mkdir -p $(dir $@)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c

HOST_BINS += $(BUILD)/l0/nestlab
ALL_TARGETS += $(BUILD)/l0/nestlab

# The session test drives the whole runner but main(); the run-option test its command line.
$(BUILD)/host/l0/run/session_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/session_rules_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/session_l0_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/session_fuzz_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/regress/readers_fuzz_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/runopt_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/coverage_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/attribute_test: $(NESTLAB_CORE_OBJS) $(NESTLAB_LIB_OBJS)

# make fuzz: each libFuzzer target (needs clang) for FUZZ_SECONDS on a copy of its seed
# corpus (l0/test/corpus/<target>/); make fuzz-long FUZZ_SECONDS=N: the same, and a summary
# (execs, coverage, crashes, the command) in results/fuzz-<date>/ (scripts/fuzz-long).
# Without libFuzzer the same targets run as host tests in check-unit: seeds + fixed mutations.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -std=gnu11 -O1 -g -I. -D_GNU_SOURCE -DFUZZ_LIBFUZZER -DRECORD_FUZZ_LIBFUZZER \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_LIB := lib/crc32.c lib/record.c lib/printf.c
FUZZ_RUNNER := $(filter-out l0/main.c,$(NESTLAB_SRCS)) $(patsubst $(BUILD)/host/%.o,%.c,$(NESTLAB_LIB_OBJS))
FUZZ_SRCS_record := l0/run/record_fuzz.c l0/run/record.c $(FUZZ_LIB)
FUZZ_SRCS_session := l0/run/session_fuzz.c l0/test/fuzz_main.c $(FUZZ_RUNNER)
FUZZ_SRCS_readers := l0/regress/readers_fuzz.c l0/test/fuzz_main.c $(FUZZ_RUNNER)
FUZZ_TARGETS := record session readers

define fuzz_target
$(BUILD)/fuzz/$(1)_fuzz: $(FUZZ_SRCS_$(1))
	@mkdir -p $$(dir $$@)
	$$(call say,FUZZCC,$$@)
	$$(Q)$$(FUZZ_CC) $$(FUZZ_FLAGS) -o $$@ $(FUZZ_SRCS_$(1)) -ljson-c -lm
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_target,$(t))))

fuzz fuzz-long:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%_fuzz) && \
		scripts/fuzz-long $(BUILD) $(FUZZ_SECONDS) $(if $(filter fuzz-long,$@),results,-) $(FUZZ_TARGETS); \
	else \
		echo "SKIP: make $@: $(FUZZ_CC) not found: apt-get install clang"; \
	fi

.PHONY: fuzz fuzz-long

HOST_TESTS += $(L0_TESTS)
ALL_TARGETS += $(L0_TESTS)
$(L0_TESTS):
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c -lm

# A guest's console flood of valid records, for the fake Bochs (FAKE_MODE=records).
$(BUILD)/host/l0/record_flood: $(BUILD)/host/l0/test/record_flood.o $(BUILD)/host/lib/record.o \
	$(BUILD)/host/lib/crc32.o $(BUILD)/host/lib/printf.o
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^
ALL_TARGETS += $(BUILD)/host/l0/record_flood

# The runner against a fake Bochs (l0/test/fake-bochs): spawning, timeouts, exit codes.
check-runner: $(BUILD)/l0/nestlab $(BUILD)/host/l0/record_flood $(BUILD)/host/l0/kcidb_check
	@mkdir -p $(BUILD)/check
	@FAKE_FLOOD_BIN=$(abspath $(BUILD)/host/l0/record_flood) KCIDB_CHECK=$(abspath $(BUILD)/host/l0/kcidb_check) \
		l0/test/check-runner.sh $(BUILD)/l0/nestlab | sed '$$s/^/runner: /' | tee $(BUILD)/check/runner.log

CHECK_TARGETS += check-runner

.PHONY: check-runner check-qemu-tcg check-bochs-ryzen check-bochs-skylake

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

# And on Bochs's skylake_x model, which offers VMX features haswell lacks
# (scripts/bochs-skylake-suite.expect).
check-bochs-skylake: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-suite $(BUILD) bochs bochs-skylake skylake | tee $(BUILD)/check/bochs-skylake.log

CHECK_TARGETS += check-bochs-skylake

# And on Bochs's AMD model (SVM with next-RIP save, scripts/bochs-ryzen-suite.expect).
check-bochs-ryzen: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-suite $(BUILD) bochs bochs-ryzen ryzen | tee $(BUILD)/check/bochs-ryzen.log

CHECK_TARGETS += check-bochs-ryzen
