// SPDX-License-Identifier: GPL-2.0-only
/*
 * L1 entry: console, VMX or SVM on, capabilities, then the selected scenarios, then power off.
 * Two ways in: multiboot (l1/boot/boot.asm calls l1_main) and UEFI (l1/boot/efi/ calls l1_start
 * after ExitBootServices); both end in l1_start.
 */
#include "l1/console.h"
#include "l1/main.h"
#include "l1/scenario.h"
#include "l1/hv.h"
#include "l1/measure.h"
#include "l1/qemu_migrate.h"
#include "x86/desc.h"
#include "x86/io.h"
#include "x86/power.h"
#include "x86/processor.h"
#include "lib/coverage.h"
#include "lib/printf.h"
#include "lib/guest.h"
#include "lib/guest_cmdline.h"
#include "lib/report.h"
#include "lib/scenario_records.h"
#include "lib/string.h"

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2badb002
#define MULTIBOOT_INFO_CMDLINE		BIT(2)

struct multiboot_info {
	u32 flags, mem_lower, mem_upper, boot_device, cmdline;
};

/* Encoded, a value may take 3 bytes a character, and the whole record RECORD_MAX: a longer
 * command line (the default suite's run= list) is cut, or the begin record overflows. */
#define BEGIN_CMDLINE_MAX 100

static struct guest_cmdline cmd;

static void pic_mask_all(void)
{
	outb(0x21, 0xff);	/* master 8259 IMR */
	outb(0xa1, 0xff);	/* slave 8259 IMR */
}

static void begin_record(const char *boot)
{
	struct record r;
	struct cpuid_regs v = cpuid(0);
	char vendor[13], brand[49], shown[BEGIN_CMDLINE_MAX + 4];

	memcpy(vendor + 0, &v.ebx, 4);
	memcpy(vendor + 4, &v.edx, 4);
	memcpy(vendor + 8, &v.ecx, 4);
	vendor[12] = 0;
	brand[0] = 0;
	if (cpuid(0x80000000).eax >= 0x80000004) {
		for (u32 i = 0; i < 3; i++) {
			struct cpuid_regs b = cpuid(0x80000002 + i);

			memcpy(brand + i * 16 + 0, &b.eax, 4);
			memcpy(brand + i * 16 + 4, &b.ebx, 4);
			memcpy(brand + i * 16 + 8, &b.ecx, 4);
			memcpy(brand + i * 16 + 12, &b.edx, 4);
		}
		brand[48] = 0;
	}
	record_begin(&r, "begin");
	record_u64(&r, "v", RECORD_VERSION);
	record_str(&r, "arch", "x86");
	record_str(&r, "cpu", vendor);
	if (brand[0])
		record_str(&r, "brand", brand);
	record_str(&r, "boot", boot);
	if (cmd.text[0]) {
		nl_snprintf(shown, BEGIN_CMDLINE_MAX + 1, "%s", cmd.text);
		if (strlen(cmd.text) > BEGIN_CMDLINE_MAX)
			memcpy(shown + BEGIN_CMDLINE_MAX, "...", 4);
		record_str(&r, "cmdline", shown);
	}
	record_emit(&r);
	console_printf("INFO: nestlab L1: %s %s\n", vendor, brand);
}

void l1_start(const char *cmdline, const char *boot)
{
	char why[128];

	desc_init();
	console_init();
	pic_mask_all();
	guest_cmdline_parse(&cmd, cmdline, GUEST_CMDLINE_MAX);
	measure_edge_pause(cmd.opt.edge_pause != NULL);
	qemu_migrate_init(cmd.opt.qemu_migrate);
	begin_record(boot);
	if (!hv_select()) {
		/* Every scenario SKIPs saying so: a clear verdict, not an error. */
		report_prefix_push("l1");
		guest_run_selected(cmd.run, &cmd.opt);
	} else if (report_prefix_push(hv->name), hv->on(why, sizeof(why))) {
		report_fail("enable: %s", why);
		guest_tally(VERDICT_ERROR);
	} else {
		hv->caps_report();
		if (hv == &svm_ops)
			console_printf("INFO: svm: %u L2 hypercall sites use VMMCALL\n", l2_hypercalls_use_vmmcall());
		guest_run_selected(cmd.run, &cmd.opt);
	}
	if (cmd.opt.coverage)
		coverage_dump();
	guest_end();
	power_off();
}

void l1_main(u32 magic, u32 mbi_addr);

void l1_main(u32 magic, u32 mbi_addr)
{
	const struct multiboot_info *mbi = (const struct multiboot_info *)(u64)mbi_addr;

	l1_start(magic == MULTIBOOT_BOOTLOADER_MAGIC && (mbi->flags & MULTIBOOT_INFO_CMDLINE)
			 ? (const char *)(u64)mbi->cmdline : NULL, "multiboot");
}
