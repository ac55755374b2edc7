# SPDX-License-Identifier: GPL-2.0-only
# The L1 micro-hypervisor image: L1 + L2 + x86 + lib, freestanding.
# Multiboot entry (first in the image) and the image's linker script; UEFI: l1/boot/efi/.
L1_BOOT_SRCS += l1/boot/boot.asm
L1_LDS := l1/boot/l1.ld

L1_SRCS += l1/main.c
L1_SRCS += l1/console.c
L1_SRCS += l1/registry.c
L1_SRCS += l1/scenario.c
L1_SRCS += l1/measure.c
L1_SRCS += l1/qemu_migrate.c
L1_SRCS += l1/hv.c
L1_SRCS += l1/exit_common.c
L1_SRCS += l1/vmx/caps.c
L1_SRCS += l1/vmx/vmxon.c
L1_SRCS += l1/vmx/vmcs.c
L1_SRCS += l1/vmx/ept.c
L1_SRCS += l1/vmx/entry.asm
L1_SRCS += l1/vmx/exit.c
L1_SRCS += l1/vmx/exit_emulate.c
L1_SRCS += l1/vmx/posted.c
L1_SRCS += l1/vmx/ops.c
L1_SRCS += l1/svm/caps.c
L1_SRCS += l1/svm/on.c
L1_SRCS += l1/svm/vmcb.c
L1_SRCS += l1/svm/npt.c
L1_SRCS += l1/svm/entry.asm
L1_SRCS += l1/svm/exit.c
L1_SRCS += l1/svm/ops.c
L1_SRCS += l1/scenarios/vmm.c
L1_SRCS += l1/scenarios/vmm_events.c
L1_SRCS += l1/scenarios/vmm_vmx.c
L1_SRCS += l1/scenarios/vmm_svm.c
L1_SRCS += l1/scenarios/vmm_shadow.c
L1_SRCS += l1/scenarios/vmm_irq.c
L1_SRCS += l1/scenarios/vmm_irq_vmx.c
L1_SRCS += l1/scenarios/vmm_irq_svm.c
L1_SRCS += l1/scenarios/vmm_vid.c
L1_SRCS += l1/scenarios/basic.c
L1_SRCS += l1/scenarios/io.c
L1_SRCS += l1/scenarios/msr.c
L1_SRCS += l1/scenarios/ept.c
L1_SRCS += l1/scenarios/shadow.c
L1_SRCS += l1/scenarios/apic.c
L1_SRCS += l1/scenarios/entry.c
L1_SRCS += l1/scenarios/debug.c
L1_SRCS += l1/scenarios/l1.c
L1_SRCS += l1/scenarios/svm.c
L1_SRCS += l1/scenarios/vmrun.c
L1_SRCS += l1/scenarios/svmstate.c
L1_SRCS += l1/scenarios/svmevent.c
L1_SRCS += l1/scenarios/svmexc.c
L1_SRCS += l1/scenarios/bug_svm.c
L1_SRCS += l1/scenarios/bug_svm_gif.c
L1_SRCS += l1/scenarios/bug_vmx.c
L1_SRCS += l1/scenarios/svm_icpt.c
L1_SRCS += l1/scenarios/svm_maps.c
L1_SRCS += l1/scenarios/npt.c
L1_SRCS += l1/scenarios/svmtsc.c
# [B] issue 13, VMX families 6-10
L1_SRCS += l1/scenarios/vmxb.c
L1_SRCS += l1/scenarios/crexit.c
L1_SRCS += l1/scenarios/insn.c
L1_SRCS += l1/scenarios/tlb.c
L1_SRCS += l1/scenarios/eptx_map.c
L1_SRCS += l1/scenarios/eptx.c
L1_SRCS += l1/scenarios/eptx_ad.c
L1_SRCS += l1/scenarios/tsc.c
L1_SRCS += l1/scenarios/vmxinsn.c
L1_SRCS += l1/scenarios/tlb_vmxoff.c
L1_SRCS += l1/scenarios/vmxinsn_valid.c
L1_SRCS += l1/scenarios/event.c
L1_SRCS += l1/scenarios/exception.c
L1_SRCS += l1/scenarios/ptimer.c
L1_SRCS += l1/scenarios/msrarea.c
L1_SRCS += l1/scenarios/entrycheck.c

L1_IMAGE_SRCS = $(L1_BOOT_SRCS) $(X86_SRCS) $(L2_SRCS) $(L1_SRCS) $(LIB_SRCS)
L1_OBJS = $(patsubst %.c,$(BUILD)/free/%.o,$(patsubst %.asm,$(BUILD)/free/%.asm.o,$(L1_IMAGE_SRCS)))

# GRUB and QEMU -kernel take a multiboot kernel as a 32-bit ELF; the code inside is 64-bit.
$(BUILD)/l1/l1.elf64: $(L1_OBJS) $(L1_LDS)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(FREE_CC) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,max-page-size=4096 \
		-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -T $(L1_LDS) -o $@ $(L1_OBJS) $(COV_LIBS) -lgcc

$(BUILD)/l1/l1.elf: $(BUILD)/l1/l1.elf64
	$(call say,OBJCOPY,$@)
	$(Q)$(OBJCOPY) -O elf32-i386 $< $@

ALL_TARGETS += $(BUILD)/l1/l1.elf
