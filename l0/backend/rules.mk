# SPDX-License-Identifier: GPL-2.0-only
# l0/backend/: one file per L0 back end, the table that lists them, and what they share:
# L1 images (multiboot, EFI), QEMU's QMP, the lab's initramfs (cpio).
NESTLAB_SRCS += l0/backend/backend.c
NESTLAB_SRCS += l0/backend/bochs.c
NESTLAB_SRCS += l0/backend/qemu_tcg.c
NESTLAB_SRCS += l0/backend/qemu_kvm.c
NESTLAB_SRCS += l0/backend/qemu_s390x.c
NESTLAB_SRCS += l0/backend/kvm.c
NESTLAB_SRCS += l0/backend/lab.c
NESTLAB_SRCS += l0/backend/image.c
NESTLAB_SRCS += l0/backend/efi.c
NESTLAB_SRCS += l0/backend/qmp.c
NESTLAB_SRCS += l0/backend/qemu_migrate.c
NESTLAB_SRCS += l0/backend/qemu_migrate_records.c
NESTLAB_SRCS += l0/backend/cpio.c
NESTLAB_SRCS += l0/backend/kmod.c
NESTLAB_SRCS += l0/backend/lab_modules.c
NESTLAB_SRCS += l0/backend/lab_kernel.c

BACKEND_TESTS := $(BUILD)/host/l0/backend/kmod_test $(BUILD)/host/l0/backend/lab_kernel_test \
	$(BUILD)/host/l0/backend/qemu_migrate_test
L0_TESTS += $(BACKEND_TESTS)
$(BUILD)/host/l0/backend/kmod_test: $(BUILD)/host/l0/backend/kmod_test.o $(BUILD)/host/l0/backend/kmod.o \
	$(BUILD)/host/l0/sys/file.o $(BUILD)/host/l0/sys/util.o $(BUILD)/host/l0/sys/diag.o
$(BUILD)/host/l0/backend/lab_kernel_test: $(BUILD)/host/l0/backend/lab_kernel_test.o \
	$(BUILD)/host/l0/backend/lab_kernel.o $(BUILD)/host/l0/backend/kmod.o $(BUILD)/host/l0/sys/file.o \
	$(BUILD)/host/l0/sys/util.o $(BUILD)/host/l0/sys/diag.o
$(BUILD)/host/l0/backend/qemu_migrate_test: $(BUILD)/host/l0/backend/qemu_migrate_test.o \
	$(BUILD)/host/l0/backend/qemu_migrate.o $(BUILD)/host/l0/backend/qmp.o
