# SPDX-License-Identifier: GPL-2.0-only
# lib/: arch-neutral code, built freestanding for L1 and L2 and for the host.
LIB_SRCS += lib/printf.c
LIB_SRCS += lib/string.c
LIB_SRCS += lib/report.c
LIB_SRCS += lib/stats.c
LIB_SRCS += lib/crc32.c
LIB_SRCS += lib/record.c
LIB_SRCS += lib/scenario_records.c
LIB_SRCS += lib/verdict.c
LIB_SRCS += lib/record_types.c
LIB_SRCS += lib/exit_kinds.c
LIB_SRCS += lib/run_options.c
# The guest runtime of x86 L1 and s390x; each supplies console_puts and scenario_run.
LIB_SRCS += lib/console.c
LIB_SRCS += lib/guest_cmdline.c
LIB_SRCS += lib/guest_migrate.c
LIB_SRCS += lib/guest.c
LIB_SRCS += lib/selection.c
LIB_SRCS += lib/coverage.c

# Host unit tests: build/host/lib/<name>_test from <name>_test.o and the objects below.
LIB_TESTS := $(addprefix $(BUILD)/host/lib/,printf_test string_test report_test stats_test record_test \
	guest_cmdline_test guest_test selection_test guest_migrate_test)
HOST_TESTS += $(LIB_TESTS)
ALL_TARGETS += $(LIB_TESTS)

$(BUILD)/host/lib/printf_test: $(BUILD)/host/lib/printf.o
$(BUILD)/host/lib/string_test: $(BUILD)/host/lib/string.o
$(BUILD)/host/lib/report_test: $(BUILD)/host/lib/report.o $(BUILD)/host/lib/printf.o
$(BUILD)/host/lib/stats_test: $(BUILD)/host/lib/stats.o
$(BUILD)/host/lib/record_test: $(BUILD)/host/lib/record.o $(BUILD)/host/lib/crc32.o \
	$(BUILD)/host/lib/printf.o
$(BUILD)/host/lib/selection_test: $(BUILD)/host/lib/selection.o $(BUILD)/host/lib/crc32.o \
	$(BUILD)/host/lib/string.o
$(BUILD)/host/lib/guest_cmdline_test: $(BUILD)/host/lib/guest_cmdline.o $(BUILD)/host/lib/run_options.o
$(BUILD)/host/lib/guest_migrate_test: $(BUILD)/host/lib/guest_migrate.o $(BUILD)/host/lib/string.o
$(BUILD)/host/lib/guest_test: $(addprefix $(BUILD)/host/lib/,guest.o guest_cmdline.o run_options.o \
	console.o report.o printf.o scenario_records.o record.o crc32.o stats.o string.o verdict.o \
	selection.o)

# The test calls memcpy and friends by name, so they must reach lib/string.o,
# which the executable's definitions put in front of libc's.
$(BUILD)/host/lib/string_test.o: HOST_CFLAGS += -fno-builtin

$(LIB_TESTS): $(BUILD)/host/lib/%: $(BUILD)/host/lib/%.o
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

# Each registry (l1/scenarios.def, s390x/scenarios.def) against the scenarios its image
# defines: a host test of the built images, run with the unit tests.
HOST_TESTS += scripts/check-registry
check-unit: $(BUILD)/l1/l1.elf64 $(BUILD)/s390x/nestlab-s390x.elf
export NESTLAB_BUILD := $(BUILD)
