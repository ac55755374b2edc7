# SPDX-License-Identifier: GPL-2.0-only
# Exit-cost regressions (included by l0/rules.mk before the runner's object lists):
# raw samples, nestlab compare/report/merge, JUnit XML, shards, and their tests.
NESTLAB_SRCS += l0/samples.c
NESTLAB_SRCS += l0/cmpstat.c
NESTLAB_SRCS += l0/compare.c
NESTLAB_SRCS += l0/compare_out.c
NESTLAB_SRCS += l0/compare_cmd.c
NESTLAB_SRCS += l0/shard.c
NESTLAB_SRCS += l0/progress.c
NESTLAB_SRCS += l0/junit.c
NESTLAB_SRCS += l0/junit_run.c
NESTLAB_SRCS += l0/runopt.c
NESTLAB_SRCS += l0/merge.c
NESTLAB_SRCS += l0/report.c

# Unit tests: each prints "N passed, N failed".
REGRESS_TESTS := $(BUILD)/host/l0/cmpstat_test $(BUILD)/host/l0/compare_test $(BUILD)/host/l0/regress_test
HOST_TESTS += $(REGRESS_TESTS)
ALL_TARGETS += $(REGRESS_TESTS)

REGRESS_UTIL := $(BUILD)/host/l0/util.o $(BUILD)/host/lib/crc32.o
$(BUILD)/host/l0/cmpstat_test: $(BUILD)/host/l0/cmpstat_test.o $(BUILD)/host/l0/cmpstat.o $(REGRESS_UTIL)
$(BUILD)/host/l0/compare_test: $(BUILD)/host/l0/compare_test.o $(BUILD)/host/l0/compare.o \
	$(BUILD)/host/l0/compare_out.o $(BUILD)/host/l0/cmpstat.o $(REGRESS_UTIL)
$(BUILD)/host/l0/regress_test: $(BUILD)/host/l0/regress_test.o $(BUILD)/host/l0/junit.o \
	$(BUILD)/host/l0/shard.o $(BUILD)/host/l0/samples.o $(BUILD)/host/l0/scenario.o \
	$(BUILD)/host/l0/record.o $(BUILD)/host/l0/file.o \
	$(BUILD)/host/lib/record.o $(BUILD)/host/lib/printf.o $(REGRESS_UTIL)
$(REGRESS_TESTS):
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c -lm

# nestlab compare end to end under Bochs: known delay -> slower (1), A/A -> same (0),
# different scenario sets -> 125; shards, merge, JUnit, report (scripts/check-compare).
check-compare: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf
	@mkdir -p $(BUILD)/check
	@scripts/check-compare $(BUILD) | tee $(BUILD)/check/compare.log

CHECK_TARGETS += check-compare
.PHONY: check-compare
