# SPDX-License-Identifier: GPL-2.0-only
# L1 as a UEFI application (gnu-efi): the same L1, L2, x86 and lib sources as the multiboot
# image, built position-independent into build/efi/, plus l1/boot/efi/ in place of
# l1/boot/boot.asm.
# Included after l1/rules.mk: it needs the complete source lists.
EFI_INC ?= /usr/include/efi
EFI_LIBDIR ?= /usr/lib
EFI_CRT0 := $(EFI_LIBDIR)/crt0-efi-x86_64.o
EFI_LDS := $(EFI_LIBDIR)/elf_x86_64_efi.lds

EFI_CFLAGS := $(filter-out -fno-pic -fno-pie,$(FREE_CFLAGS)) -fPIC -fshort-wchar -DNESTLAB_EFI

EFI_SRCS += l1/boot/efi/efi_main.c
EFI_SRCS += l1/boot/efi/handover.c

EFI_IMAGE_SRCS := $(X86_SRCS) $(L2_SRCS) $(L1_SRCS) $(LIB_SRCS) $(EFI_SRCS)
EFI_OBJS := $(patsubst %.c,$(BUILD)/efi/obj/%.o,$(patsubst %.asm,$(BUILD)/efi/obj/%.asm.o,$(EFI_IMAGE_SRCS)))
EFI_IMAGE := $(BUILD)/efi/BOOTX64.EFI

# Only efi_main.c sees the firmware's headers and calling convention.
$(BUILD)/efi/obj/l1/boot/efi/efi_main.o: EFI_CFLAGS += -I$(EFI_INC) -I$(EFI_INC)/x86_64 -DGNU_EFI_USE_MS_ABI

$(BUILD)/efi/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,EFICC,$<)
	$(Q)$(FREE_CC) $(EFI_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/efi/obj/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	$(call say,EFINASM,$<)
	$(Q)$(NASM) -f elf64 -I x86/ -o $@ $<

$(BUILD)/efi/obj/l1/boot/efi/efi_main.o: | $(BUILD)/efi/gnu-efi-present

# One line naming the fix instead of "No rule to make target /usr/lib/crt0-efi-x86_64.o".
$(BUILD)/efi/gnu-efi-present:
	@if [ ! -r $(EFI_CRT0) ] || [ ! -r $(EFI_LDS) ] || [ ! -r $(EFI_INC)/efi.h ]; then \
		echo "gnu-efi not found ($(EFI_CRT0), $(EFI_INC)/efi.h): apt-get install gnu-efi (or make deps)" >&2; \
		exit 1; fi
	@mkdir -p $(dir $@) && touch $@

# gnu-efi's crt0 applies the image's own relocations (the loader places it anywhere) and
# calls efi_main; its linker script folds .bss into .data, which the PE loader zeroes.
$(BUILD)/efi/l1.so: $(EFI_OBJS) | $(BUILD)/efi/gnu-efi-present
	$(call say,EFILD,$@)
	$(Q)$(FREE_CC) -nostdlib -shared -Wl,-Bsymbolic -Wl,-znocombreloc -Wl,--build-id=none \
		-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -Wl,--no-undefined -T $(EFI_LDS) \
		-o $@ $(EFI_CRT0) $(EFI_OBJS) -L$(EFI_LIBDIR) -lefi -lgnuefi $(COV_LIBS) -lgcc

# The PE image gets only the sections named here: one the ELF has and the PE lacks would
# vanish silently (L2's hypercall_sites did), so the build fails on any such section.
EFI_SECTIONS := .text .sdata .data .dynamic .dynsym .rel .rel.* .rela .rela.* .reloc \
	hypercall_sites .relahypercall_sites
ifeq ($(COVERAGE),1)
EFI_SECTIONS += gcov_info .relagcov_info	# the gcov information's pointers (lib/coverage.h)
endif
EFI_NOT_LOADED := .hash .gnu.hash .eh_frame .eh_frame_hdr .dynstr

$(EFI_IMAGE): $(BUILD)/efi/l1.so
	$(call say,OBJCOPY,$@)
	$(Q)$(OBJCOPY) $(addprefix -j ,$(EFI_SECTIONS)) --target efi-app-x86_64 --subsystem=10 $< $@
	$(Q)missing=$$(for s in $$(objdump -h $< | awk '$$1 ~ /^[0-9]+$$/ { n = $$2 } /ALLOC/ { print n }'); do \
		case " $(EFI_NOT_LOADED) " in *" $$s "*) continue ;; esac; \
		objdump -h $@ | grep -q " $$s " || echo $$s; done); \
	if [ -n "$$missing" ]; then rm -f $@; \
		echo "$@: sections missing from the PE image: $$missing: add them to EFI_SECTIONS in l1/boot/efi/rules.mk" >&2; \
		exit 1; fi

ALL_TARGETS += $(EFI_IMAGE)

# The EFI build under QEMU TCG with OVMF, checked from results.json and against --boot bios.
check-efi: $(EFI_IMAGE) $(BUILD)/l1/l1.elf $(BUILD)/l0/nestlab $(BUILD)/host/l0/expect_check
	@mkdir -p $(BUILD)/check
	@scripts/check-efi $(BUILD) | tee $(BUILD)/check/efi.log

CHECK_TARGETS += check-efi
.PHONY: check-efi
