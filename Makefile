# SPDX-License-Identifier: GPL-2.0-only
# nestlab: one make graph; each directory adds its sources in its rules.mk.
#   make          build L1 image, host runner and host tests
#   make check    host unit tests, then the default suite under Bochs with exact counts
#   make run      the default suite on the best L0 available
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

BUILD := build
JOBS ?= 2
HOST_CC ?= cc
FREE_CC ?= gcc
NASM ?= nasm
OBJCOPY ?= objcopy

# make V=1 shows the commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-7s %s\n' $(1) $(2)
endif

COMMON_WARN := -Wall -Wextra -Werror
HOST_CFLAGS := -std=gnu11 -O2 -g $(COMMON_WARN) -I. -D_GNU_SOURCE
FREE_CFLAGS := -std=gnu11 -O2 -g $(COMMON_WARN) -I. -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -mno-red-zone \
	-mgeneral-regs-only -mcmodel=small -fno-omit-frame-pointer -DNESTLAB_FREESTANDING

# make COVERAGE=1: the guests (L1 multiboot and EFI, L2, s390x) built with gcov into
# build/cov, beside the ordinary build; `nestlab run --coverage` collects (docs/coverage.md).
ifeq ($(COVERAGE),1)
BUILD := build/cov
COV_CFLAGS := --coverage -fprofile-info-section=gcov_info -DNESTLAB_COVERAGE
COV_LIBS := -lgcov
FREE_CFLAGS += $(COV_CFLAGS)
endif

# Filled by the fragments.
LIB_SRCS :=		# arch-neutral, built freestanding and for the host
HOST_TESTS :=		# host test binaries; each prints "N passed, N failed"
HOST_BINS :=		# host programs (the runner)
ALL_TARGETS :=
CHECK_TARGETS :=

include lib/rules.mk
include x86/rules.mk
include l2/rules.mk
include l1/rules.mk
include l1/boot/efi/rules.mk
include s390x/rules.mk
include l0/rules.mk
include scripts/rules.mk

# Object naming: build/free/<src>.o and build/host/<src>.o
free_obj = $(patsubst %.c,$(BUILD)/free/%.o,$(patsubst %.asm,$(BUILD)/free/%.asm.o,$(1)))
host_obj = $(patsubst %.c,$(BUILD)/host/%.o,$(1))

$(BUILD)/free/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(FREE_CC) $(FREE_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/free/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	$(call say,NASM,$<)
	$(Q)$(NASM) -f elf64 -I x86/ -M -MP -MT $@ $< > $(@:.o=.d)
	$(Q)$(NASM) -f elf64 -I x86/ -o $@ $<

$(BUILD)/host/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

all: $(ALL_TARGETS)

# Host unit tests: run each; the runner script aggregates "N passed, N failed".
check-unit: $(HOST_TESTS)
	@mkdir -p $(BUILD)/check
	@scripts/run-unit-tests $(HOST_TESTS) | tee $(BUILD)/check/unit.log

# Each part logs its "N passed, N failed" line; the last line of make check is the total.
check:
	@scripts/install-deps
	@$(MAKE) --no-print-directory all
	@rm -rf $(BUILD)/check
	@$(MAKE) --no-print-directory check-unit $(CHECK_TARGETS)
	@scripts/check-total $(BUILD)/check

# Installs what is missing, builds, runs the default suite on the best L0 available.
run:
	@scripts/install-deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/l0/nestlab run --backend auto -j $(JOBS)

deps:
	@scripts/install-deps

clean:
	rm -rf $(BUILD)

.PHONY: all check check-unit run deps clean

# Not the coverage build's (build/cov) nor the gcov lab kernel's tree (build/kvm-gcov).
-include $(shell find $(BUILD) \( -path $(BUILD)/cov -o -path $(BUILD)/kvm-gcov \) -prune -o -name '*.d' -print 2>/dev/null)
