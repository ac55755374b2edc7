# SPDX-License-Identifier: GPL-2.0-only
# s390x: the same lib/ and record format, freestanding for IBM Z, booted by
# qemu-system-s390x -kernel (TCG here, KVM on an s390 host).
S390X_CC ?= s390x-linux-gnu-gcc
S390X_CFLAGS := -std=gnu11 -O2 -g $(COMMON_WARN) -I. -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -march=z196 -msoft-float \
	-fno-omit-frame-pointer -fno-delete-null-pointer-checks --param=min-pagesize=0 \
	-DNESTLAB_FREESTANDING $(COV_CFLAGS)

S390X_SRCS += s390x/start.S
S390X_SRCS += s390x/main.c
S390X_SRCS += s390x/interrupt.c
S390X_SRCS += s390x/sclp.c
S390X_SRCS += s390x/console.c
S390X_SRCS += s390x/smp.c
S390X_SRCS += s390x/scenario.c
S390X_SRCS += s390x/scenarios/reset.c
S390X_SRCS += s390x/scenarios/state.c
S390X_SRCS += s390x/scenarios/sigp.c
S390X_SRCS += s390x/scenarios/cost.c
S390X_SRCS += s390x/scenarios/debug.c

S390X_OBJS = $(patsubst %,$(BUILD)/s390x/obj/%.o,$(S390X_SRCS) $(LIB_SRCS))
S390X_IMAGE := $(BUILD)/s390x/nestlab-s390x.elf

$(BUILD)/s390x/obj/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(call say,S390CC,$<)
	$(Q)$(S390X_CC) $(S390X_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/s390x/obj/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(call say,S390AS,$<)
	$(Q)$(S390X_CC) $(S390X_CFLAGS) -MMD -MP -c $< -o $@

$(S390X_IMAGE): $(S390X_OBJS) s390x/s390x.ld
	$(call say,S390LD,$@)
	$(Q)$(S390X_CC) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-Wl,--no-warn-rwx-segments -T s390x/s390x.ld -o $@ $(S390X_OBJS) $(COV_LIBS) -lgcc

ALL_TARGETS += $(S390X_IMAGE)

# The s390x suite under qemu-system-s390x TCG (-smp 2), checked again from results.json.
check-s390x: $(BUILD)/l0/nestlab $(S390X_IMAGE) $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@s390x/check-suite $(BUILD) | tee $(BUILD)/check/s390x.log

CHECK_TARGETS += check-s390x
.PHONY: check-s390x
