# SPDX-License-Identifier: GPL-2.0-only
# The lab: Debian's kernel with KVM, busybox, a static nestlab (scripts/lab-build); L1 goes in per run.
#   make lab [LAB_KERNEL=linux-image-6.12.57+deb12-cloud-amd64-unsigned | path/to.deb] [LAB=dir]
# A second lab (another kernel) in its own LAB directory: run it with NESTLAB_LAB=dir.
LAB ?= $(BUILD)/lab
LAB_KERNEL ?=

$(LAB)/nestlab-static: $(NESTLAB_OBJS) $(NESTLAB_LIB_OBJS) $(NESTLAB_BUILD_ID_OBJ)
	@mkdir -p $(dir $@)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -static -o $@ $^ -ljson-c

lab: $(LAB)/nestlab-static
	@scripts/lab-build $(LAB) $(LAB)/nestlab-static $(LAB_KERNEL)

.PHONY: lab

check-lab: lab $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf $(EFI_IMAGE) $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-lab $(BUILD) | tee $(BUILD)/check/lab.log

CHECK_TARGETS += check-lab
.PHONY: check-lab

# make COVERAGE=1's guests (in build/cov) with nestlab run --coverage on QEMU TCG and
# qemu-system-s390x: lines hit where scenarios ran, none where they did not (docs/coverage.md).
check-coverage:
	@$(MAKE) --no-print-directory COVERAGE=1 build/cov/l0/nestlab build/cov/l1/l1.elf \
		build/cov/s390x/nestlab-s390x.elf
	@mkdir -p $(BUILD)/check
	@scripts/check-coverage build/cov | tee $(BUILD)/check/coverage.log

CHECK_TARGETS += check-coverage
.PHONY: check-coverage

# KVM's modules built from the packaged linux-source with no patch (scripts/kvm-modules)
# count what the lab kernel's own count, and --kvm-modules' vermagic error. About 4
# minutes (a 70 s build and two lab boots): not in make check; CI runs it.
check-kvm-modules: lab $(BUILD)/l0/nestlab $(BUILD)/l1/l1.elf
	@mkdir -p $(BUILD)/check
	@scripts/check-kvm-modules $(BUILD) | tee $(BUILD)/check/kvm-modules.log

.PHONY: check-kvm-modules
