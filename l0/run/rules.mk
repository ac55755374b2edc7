# SPDX-License-Identifier: GPL-2.0-only
# l0/run/: one run: its options (runopt.c, over lib/run_options.h), the scenarios selected,
# jobs started, console records parsed into verdicts (session), progress and output,
# results.json.
NESTLAB_SRCS += l0/run/scenario.c
NESTLAB_SRCS += l0/run/record.c
NESTLAB_SRCS += l0/run/session.c
NESTLAB_SRCS += l0/run/crash.c
NESTLAB_SRCS += l0/run/session_feed.c
NESTLAB_SRCS += l0/run/l0pass.c
NESTLAB_SRCS += l0/run/scn_result.c
NESTLAB_SRCS += l0/run/runner.c
NESTLAB_SRCS += l0/run/attribute.c
NESTLAB_SRCS += l0/run/output.c
NESTLAB_SRCS += l0/run/progress.c
NESTLAB_SRCS += l0/run/results.c
NESTLAB_SRCS += l0/run/l1cmd.c
NESTLAB_SRCS += l0/run/runopt.c
NESTLAB_SRCS += l0/run/cov_sink.c
NESTLAB_SRCS += l0/run/coverage.c
NESTLAB_SRCS += l0/run/coverage_kvm.c

RUN_TESTS := $(BUILD)/host/l0/run/record_test $(BUILD)/host/l0/run/record_fuzz_test \
	$(BUILD)/host/l0/run/session_test $(BUILD)/host/l0/run/session_rules_test $(BUILD)/host/l0/run/session_l0_test \
	$(BUILD)/host/l0/run/runopt_test $(BUILD)/host/l0/run/l0pass_test $(BUILD)/host/l0/run/session_fuzz_test \
	$(BUILD)/host/l0/run/coverage_test $(BUILD)/host/l0/run/attribute_test
L0_TESTS += $(RUN_TESTS)

$(BUILD)/host/l0/run/record_test: $(BUILD)/host/l0/run/record_test.o $(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/record_fuzz_test: $(BUILD)/host/l0/run/record_fuzz.o $(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/session_test: $(BUILD)/host/l0/run/session_test.o $(BUILD)/host/l0/run/session_fixture.o	# and the runner: l0/rules.mk
$(BUILD)/host/l0/run/session_rules_test: $(BUILD)/host/l0/run/session_rules_test.o $(BUILD)/host/l0/run/session_fixture.o
$(BUILD)/host/l0/run/session_l0_test: $(BUILD)/host/l0/run/session_l0_test.o $(BUILD)/host/l0/run/session_fixture.o
$(BUILD)/host/l0/run/session_fuzz_test: $(BUILD)/host/l0/run/session_fuzz.o $(BUILD)/host/l0/test/fuzz_main.o
$(BUILD)/host/l0/run/l0pass_test: $(BUILD)/host/l0/run/l0pass_test.o $(BUILD)/host/l0/run/l0pass.o \
	$(BUILD)/host/l0/run/record.o $(NESTLAB_LIB_OBJS)
$(BUILD)/host/l0/run/runopt_test: $(BUILD)/host/l0/run/runopt_test.o	# and the runner: l0/rules.mk
$(BUILD)/host/l0/run/coverage_test: $(BUILD)/host/l0/run/coverage_test.o	# and the runner: l0/rules.mk
$(BUILD)/host/l0/run/attribute_test: $(BUILD)/host/l0/run/attribute_test.o	# and the runner: l0/rules.mk
