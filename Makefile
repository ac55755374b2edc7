# SPDX-License-Identifier: GPL-2.0-only
# nestlab: one make graph; each directory adds its sources in its rules.mk.
#   make          build L1 image, host runner and host tests
#   make check    host unit tests, then the default suite under Bochs with exact counts
#   make run      the default suite on the best L0 available
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

BUILD := build
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
include l0/rules.mk

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
	$(Q)$(NASM) -f elf64 -I x86/ -o $@ $<

$(BUILD)/host/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

all: $(ALL_TARGETS)

# Host unit tests: run each; the runner script aggregates "N passed, N failed".
check-unit: $(HOST_TESTS)
	@scripts/run-unit-tests $(HOST_TESTS)

check: all check-unit $(CHECK_TARGETS)

run: all
	$(BUILD)/l0/nestlab run --backend auto

clean:
	rm -rf $(BUILD)

.PHONY: all check check-unit run clean

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
