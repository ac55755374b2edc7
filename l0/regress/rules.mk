# SPDX-License-Identifier: GPL-2.0-only
# l0/regress/: exit-cost regressions: raw samples, nestlab compare/report/merge/table,
# JUnit XML, shards, and their tests.
NESTLAB_SRCS += l0/regress/samples.c
NESTLAB_SRCS += l0/regress/cmpstat.c
NESTLAB_SRCS += l0/regress/compare.c
NESTLAB_SRCS += l0/regress/compare_out.c
NESTLAB_SRCS += l0/regress/compare_cmd.c
NESTLAB_SRCS += l0/regress/shard.c
NESTLAB_SRCS += l0/regress/junit.c
NESTLAB_SRCS += l0/regress/junit_run.c
NESTLAB_SRCS += l0/regress/kcidb.c
NESTLAB_SRCS += l0/regress/kcidb_schema.c
NESTLAB_SRCS += l0/regress/kcidb_run.c
NESTLAB_SRCS += l0/regress/merge.c
NESTLAB_SRCS += l0/regress/report.c
NESTLAB_SRCS += l0/regress/table.c
NESTLAB_SRCS += l0/regress/doc.c
NESTLAB_SRCS += l0/regress/bisect.c
NESTLAB_SRCS += l0/regress/bisect_cmd.c
NESTLAB_SRCS += l0/regress/verdicts.c

REGRESS_TESTS := $(BUILD)/host/l0/regress/cmpstat_test $(BUILD)/host/l0/regress/bisect_test $(BUILD)/host/l0/regress/compare_test \
	$(BUILD)/host/l0/regress/regress_test $(BUILD)/host/l0/regress/readers_fuzz_test
REGRESS_TESTS := $(BUILD)/host/l0/regress/cmpstat_test $(BUILD)/host/l0/regress/compare_test \
	$(BUILD)/host/l0/regress/regress_test $(BUILD)/host/l0/regress/readers_fuzz_test \
	$(BUILD)/host/l0/regress/kcidb_test
L0_TESTS += $(REGRESS_TESTS)
# and the runner: l0/rules.mk
$(BUILD)/host/l0/regress/readers_fuzz_test: $(BUILD)/host/l0/regress/readers_fuzz.o $(BUILD)/host/l0/test/fuzz_main.o

REGRESS_UTIL := $(BUILD)/host/l0/sys/util.o $(BUILD)/host/lib/crc32.o $(BUILD)/host/lib/verdict.o $(BUILD)/host/lib/selection.o \
	$(BUILD)/host/lib/stats.o
$(BUILD)/host/l0/regress/bisect_test: $(BUILD)/host/l0/regress/bisect_test.o $(BUILD)/host/l0/regress/bisect.o
$(BUILD)/host/l0/regress/cmpstat_test: $(BUILD)/host/l0/regress/cmpstat_test.o $(BUILD)/host/l0/regress/cmpstat.o \
	$(REGRESS_UTIL)
$(BUILD)/host/l0/regress/compare_test: $(BUILD)/host/l0/regress/compare_test.o $(BUILD)/host/l0/regress/compare.o \
	$(BUILD)/host/l0/regress/compare_out.o $(BUILD)/host/l0/regress/cmpstat.o $(REGRESS_UTIL) \
	$(BUILD)/host/l0/sys/json.o $(BUILD)/host/l0/sys/diag.o $(BUILD)/host/l0/sys/file.o
$(BUILD)/host/l0/regress/regress_test: $(BUILD)/host/l0/regress/regress_test.o $(BUILD)/host/l0/regress/junit.o \
	$(BUILD)/host/l0/regress/verdicts.o $(BUILD)/host/l0/regress/doc.o \
	$(BUILD)/host/l0/regress/shard.o $(BUILD)/host/l0/regress/samples.o $(BUILD)/host/l0/run/scenario.o \
	$(BUILD)/host/l0/run/record.o $(BUILD)/host/l0/sys/file.o $(BUILD)/host/l0/sys/json.o $(BUILD)/host/l0/sys/diag.o \
	$(BUILD)/host/lib/record.o $(BUILD)/host/lib/printf.o $(REGRESS_UTIL)

# nestlab compare end to end under Bochs: known delay -> slower (1), A/A -> same (0),
# different scenario sets -> 125; shards, merge, JUnit, report (scripts/check-compare).
check-compare: $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf
	@mkdir -p $(BUILD)/check
	@scripts/check-compare $(BUILD) | tee $(BUILD)/check/compare.log

CHECK_TARGETS += check-compare
.PHONY: check-compare

# The readers against hostile and wrong results files (no command runs, exit 2, one line).
check-readers: $(BUILD)/l0/nestlab
	@mkdir -p $(BUILD)/check
	@l0/regress/check-readers.sh $(BUILD)/l0/nestlab | sed '$$s/^/readers: /' | tee $(BUILD)/check/readers.log

CHECK_TARGETS += check-readers
.PHONY: check-readers
# KCIDB: a results document's report against the schema's requirements, and breaches found.
$(BUILD)/host/l0/regress/kcidb_test: $(BUILD)/host/l0/regress/kcidb_test.o $(BUILD)/host/l0/regress/kcidb.o \
	$(BUILD)/host/l0/regress/kcidb_schema.o $(BUILD)/host/l0/backend/kmod.o $(BUILD)/host/l0/sys/json.o \
	$(BUILD)/host/l0/sys/file.o $(BUILD)/host/l0/sys/diag.o $(BUILD)/host/l0/sys/util.o

# The KCIDB checker check-runner runs on a --kcidb file: kcidb_validate() as a command.
$(BUILD)/host/l0/kcidb_check: $(BUILD)/host/l0/test/kcidb_check.o $(BUILD)/host/l0/regress/kcidb_schema.o \
	$(BUILD)/host/l0/sys/json.o $(BUILD)/host/l0/sys/file.o $(BUILD)/host/l0/sys/diag.o $(BUILD)/host/l0/sys/util.o
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -ljson-c
ALL_TARGETS += $(BUILD)/host/l0/kcidb_check
