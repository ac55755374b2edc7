# SPDX-License-Identifier: GPL-2.0-only
# l0/run/: one run: its options (runopt.c, over lib/run_options.h), the scenarios selected,
# jobs started, console records parsed into verdicts (session), progress and output,
# results.json.
NESTLAB_SRCS += l0/run/scenario.c
NESTLAB_SRCS += l0/run/record.c
NESTLAB_SRCS += l0/run/session.c
NESTLAB_SRCS += l0/run/scn_result.c
NESTLAB_SRCS += l0/run/runner.c
NESTLAB_SRCS += l0/run/output.c
NESTLAB_SRCS += l0/run/progress.c
NESTLAB_SRCS += l0/run/results.c
NESTLAB_SRCS += l0/run/l1cmd.c
NESTLAB_SRCS += l0/run/runopt.c
NESTLAB_SRCS += l0/run/coverage.c
NESTLAB_SRCS += l0/run/coverage_kvm.c

RUN_TESTS := $(BUILD)/host/l0/run/record_test $(BUILD)/host/l0/run/record_fuzz_test \
	$(BUILD)/host/l0/run/session_test $(BUILD)/host/l0/run/runopt_test \
	$(BUILD)/host/l0/run/coverage_test
L0_TESTS += $(RUN_TESTS)

$(BUILD)/host/l0/run/record_test: $(BUILD)/host/l0/run/record_test.o $(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/record_fuzz_test: $(BUILD)/host/l0/run/record_fuzz.o $(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/session_test: $(BUILD)/host/l0/run/session_test.o	# and the runner: l0/rules.mk
$(BUILD)/host/l0/run/runopt_test: $(BUILD)/host/l0/run/runopt_test.o	# and the runner: l0/rules.mk
$(BUILD)/host/l0/run/coverage_test: $(BUILD)/host/l0/run/coverage_test.o	# and the runner: l0/rules.mk

# make fuzz: libFuzzer on record_parse() for FUZZ_SECONDS (needs clang).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SRCS := l0/run/record_fuzz.c l0/run/record.c lib/crc32.c lib/record.c lib/printf.c

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

.PHONY: fuzz
