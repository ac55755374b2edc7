// SPDX-License-Identifier: GPL-2.0-only
/*
 * The L2 VMCS. L2 runs in 64-bit mode at CPL 0 on L1's own page tables and GDT (EPT is
 * an identity map), with its own stack and IDT. SDM vol. 3, "Checks on VMX Controls and
 * Host-State Area" and "Checking and Loading Guest State" give every value below.
 */
#include "l1/vmx/vmx_l1.h"
#include "l1/vmx/caps.h"
#include "l1/console.h"
#include "x86/apic.h"
#include "x86/desc.h"
#include "x86/processor.h"
#include "lib/string.h"

#define AR_CODE64	0xa09b	/* P, S, DPL 0, type 11 (code, accessed), L, G */
#define AR_DATA		0xc093	/* P, S, DPL 0, type 3 (data, accessed), D/B, G */
#define AR_TSS_BUSY	0x008b	/* P, type 11 (64-bit busy TSS) */
#define AR_UNUSABLE	0x10000

static u8 vmcs_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 shadow_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 io_bitmap_a[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 io_bitmap_b[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 msr_bitmap[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 vmread_bitmap[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 vmwrite_bitmap[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 vapic_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 l2_stack[16384] __attribute__((aligned(16)));
static u64 eptp;

static void bit_set(u8 *map, u32 bit)   { map[bit / 8] |= 1u << (bit % 8); }
static void bit_clear(u8 *map, u32 bit) { map[bit / 8] &= ~(1u << (bit % 8)); }

void io_bitmap_pass(u16 port)
{
	if (port < 0x8000)
		bit_clear(io_bitmap_a, port);
	else
		bit_clear(io_bitmap_b, port - 0x8000);
}

/* MSR bitmap layout: read low, read high, write low, write high, 1 KiB each
 * (SDM "MSR-Bitmap Address"). Low = 0..1fffh, high = c0000000h..c0001fffh. */
void msr_bitmap_pass(u32 msr, bool read, bool write)
{
	u32 base = msr >= 0xc0000000 ? 1024 * 8 : 0, bit = msr & 0x1fff;

	if (read)
		bit_clear(msr_bitmap, base + bit);
	if (write)
		bit_clear(msr_bitmap, 2048 * 8 + base + bit);
}

/* VMREAD/VMWRITE bitmaps are indexed by encoding bits 14:0 (SDM "VMCS Shadowing"). */
void vmread_bitmap_exit(u32 field)  { bit_set(vmread_bitmap, field & 0x7fff); }
void vmwrite_bitmap_exit(u32 field) { bit_set(vmwrite_bitmap, field & 0x7fff); }

u32 *vapic_reg(u32 offset) { return (u32 *)(vapic_page + offset); }
u64 vapic_page_pa(void) { return (u64)vapic_page; }
u64 shadow_vmcs_pa(void) { return (u64)shadow_page; }

/* Switch the current VMCS to the shadow one and back: only outside the window. */
void shadow_vmcs_write(struct vcpu *v, u32 field, u64 value)
{
	(void)v;
	vmclear((u64)vmcs_page);
	vmptrld((u64)shadow_page);
	vmwrite(field, value);
	vmclear((u64)shadow_page);
	vmptrld((u64)vmcs_page);
	v->launched = 0;	/* VMCLEAR made the VMCS clear: the next entry is VMLAUNCH */
	v->host_rsp = 0;
}

u64 shadow_vmcs_read(struct vcpu *v, u32 field)
{
	u64 val;

	vmclear((u64)vmcs_page);
	vmptrld((u64)shadow_page);
	val = vmread(field);
	vmclear((u64)shadow_page);
	vmptrld((u64)vmcs_page);
	/* VMCLEAR made the VMCS clear again: the next entry must be VMLAUNCH. */
	v->launched = 0;
	v->host_rsp = 0;
	return val;
}

void vmcs_load_fresh(struct vcpu *v)
{
	memset(vmcs_page, 0, sizeof(vmcs_page));
	*(u32 *)vmcs_page = vmx_vmcs_revision_id();
	memset(shadow_page, 0, sizeof(shadow_page));
	*(u32 *)shadow_page = vmx_vmcs_revision_id() | SHADOW_VMCS_INDICATOR;
	vmclear((u64)vmcs_page);
	vmptrld((u64)vmcs_page);
	v->launched = 0;
	v->host_rsp = 0;
	if (!eptp)
		eptp = ept_init();
}

static void setup_host_state(void)
{
	vmwrite(VMCS_HOST_CR0, read_cr0());
	vmwrite(VMCS_HOST_CR3, read_cr3());
	vmwrite(VMCS_HOST_CR4, read_cr4());
	vmwrite(VMCS_HOST_CS_SELECTOR, SEL_CODE64);
	vmwrite(VMCS_HOST_SS_SELECTOR, SEL_DATA);
	vmwrite(VMCS_HOST_DS_SELECTOR, SEL_DATA);
	vmwrite(VMCS_HOST_ES_SELECTOR, SEL_DATA);
	vmwrite(VMCS_HOST_FS_SELECTOR, SEL_DATA);
	vmwrite(VMCS_HOST_GS_SELECTOR, SEL_DATA);
	vmwrite(VMCS_HOST_TR_SELECTOR, SEL_TSS);
	vmwrite(VMCS_HOST_FS_BASE, 0);
	vmwrite(VMCS_HOST_GS_BASE, 0);
	vmwrite(VMCS_HOST_TR_BASE, (u64)&tss);
	vmwrite(VMCS_HOST_GDTR_BASE, gdt_base());
	vmwrite(VMCS_HOST_IDTR_BASE, idt_base());
	vmwrite(VMCS_HOST_SYSENTER_CS, 0);
	vmwrite(VMCS_HOST_SYSENTER_ESP, 0);
	vmwrite(VMCS_HOST_SYSENTER_EIP, 0);
	vmwrite(VMCS_HOST_IA32_EFER, rdmsr(MSR_IA32_EFER));
	vmwrite(VMCS_HOST_RIP, (u64)vmx_exit_stub);
}

static void setup_guest_segment(u32 sel_field, u16 sel, u32 ar)
{
	/* Selector, limit, AR, base fields of one segment are 2 apart in each group. */
	u32 idx = (sel_field - VMCS_GUEST_ES_SELECTOR) / 2;

	vmwrite(sel_field, sel);
	vmwrite(VMCS_GUEST_ES_LIMIT + idx * 2, ar == AR_UNUSABLE ? 0 : 0xffffffff);
	vmwrite(VMCS_GUEST_ES_AR + idx * 2, ar);
	vmwrite(VMCS_GUEST_ES_BASE + idx * 2, 0);
}

static void setup_guest_state(void)
{
	vmwrite(VMCS_GUEST_CR0, read_cr0());
	vmwrite(VMCS_GUEST_CR3, read_cr3());
	vmwrite(VMCS_GUEST_CR4, read_cr4());
	vmwrite(VMCS_CR0_READ_SHADOW, read_cr0());
	vmwrite(VMCS_CR4_READ_SHADOW, read_cr4());
	vmwrite(VMCS_GUEST_IA32_EFER, rdmsr(MSR_IA32_EFER));
	setup_guest_segment(VMCS_GUEST_ES_SELECTOR, SEL_DATA, AR_DATA);
	setup_guest_segment(VMCS_GUEST_CS_SELECTOR, SEL_CODE64, AR_CODE64);
	setup_guest_segment(VMCS_GUEST_SS_SELECTOR, SEL_DATA, AR_DATA);
	setup_guest_segment(VMCS_GUEST_DS_SELECTOR, SEL_DATA, AR_DATA);
	setup_guest_segment(VMCS_GUEST_FS_SELECTOR, SEL_DATA, AR_DATA);
	setup_guest_segment(VMCS_GUEST_GS_SELECTOR, SEL_DATA, AR_DATA);
	setup_guest_segment(VMCS_GUEST_LDTR_SELECTOR, 0, AR_UNUSABLE);
	vmwrite(VMCS_GUEST_TR_SELECTOR, SEL_TSS);
	vmwrite(VMCS_GUEST_TR_LIMIT, sizeof(tss) - 1);
	vmwrite(VMCS_GUEST_TR_AR, AR_TSS_BUSY);
	vmwrite(VMCS_GUEST_TR_BASE, (u64)&tss);
	vmwrite(VMCS_GUEST_GDTR_BASE, gdt_base());
	vmwrite(VMCS_GUEST_GDTR_LIMIT, gdt_limit());
	l2_idt_init();
	vmwrite(VMCS_GUEST_IDTR_BASE, l2_idt_base());
	vmwrite(VMCS_GUEST_IDTR_LIMIT, l2_idt_limit());
	vmwrite(VMCS_GUEST_DR7, 0x400);
	vmwrite(VMCS_GUEST_RFLAGS, 0x2);
	vmwrite(VMCS_GUEST_INTERRUPTIBILITY, 0);
	vmwrite(VMCS_GUEST_ACTIVITY_STATE, 0);
	vmwrite(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0);
	vmwrite(VMCS_GUEST_SYSENTER_CS, 0);
	vmwrite(VMCS_GUEST_SYSENTER_ESP, 0);
	vmwrite(VMCS_GUEST_SYSENTER_EIP, 0);
	vmwrite(VMCS_VMCS_LINK_POINTER, ~0ULL);
}

void vmcs_setup_defaults(struct vcpu *v)
{
	memset(io_bitmap_a, 0xff, PAGE_SIZE);
	memset(io_bitmap_b, 0xff, PAGE_SIZE);
	memset(msr_bitmap, 0xff, PAGE_SIZE);
	memset(vmread_bitmap, 0, PAGE_SIZE);
	memset(vmwrite_bitmap, 0, PAGE_SIZE);
	memset(vapic_page, 0, PAGE_SIZE);
	v->ctl[CTL_PIN] = 0;
	v->ctl[CTL_PROC] = PROC_IO_BITMAPS | PROC_MSR_BITMAPS | PROC_SECONDARY_CONTROLS;
	/* EPT and VPID when offered: an L0 with ept=0 or vpid=0 hides them from L1, and
	 * L2 needs neither (it runs on L1's page tables); scenarios that do say so. */
	v->ctl[CTL_PROC2] = (vmx_has(FEAT_PROC2_EPT) ? PROC2_EPT : 0) |
			    (vmx_has(FEAT_PROC2_VPID) ? PROC2_VPID : 0);
	v->ctl[CTL_EXIT] = EXIT_HOST_ADDR_SPACE_SIZE | EXIT_SAVE_EFER | EXIT_LOAD_EFER;
	v->ctl[CTL_ENTRY] = ENTRY_IA32E_MODE_GUEST | ENTRY_LOAD_EFER;
	if (v->ctl[CTL_PROC2] & PROC2_VPID)
		vmwrite(VMCS_VPID, 1);
	if (v->ctl[CTL_PROC2] & PROC2_EPT)
		vmwrite(VMCS_EPT_POINTER, eptp);
	vmwrite(VMCS_IO_BITMAP_A, (u64)io_bitmap_a);
	vmwrite(VMCS_IO_BITMAP_B, (u64)io_bitmap_b);
	vmwrite(VMCS_MSR_BITMAP, (u64)msr_bitmap);
	vmwrite(VMCS_EXCEPTION_BITMAP, 0xffffffff);	/* any L2 exception is a finding */
	vmwrite(VMCS_PF_ERROR_CODE_MASK, 0);
	vmwrite(VMCS_PF_ERROR_CODE_MATCH, 0);
	vmwrite(VMCS_CR3_TARGET_COUNT, 0);
	vmwrite(VMCS_EXIT_MSR_STORE_COUNT, 0);
	vmwrite(VMCS_EXIT_MSR_LOAD_COUNT, 0);
	vmwrite(VMCS_ENTRY_MSR_LOAD_COUNT, 0);
	vmwrite(VMCS_ENTRY_INTR_INFO, 0);
	vmwrite(VMCS_CR0_GUEST_HOST_MASK, 0);
	vmwrite(VMCS_CR4_GUEST_HOST_MASK, 0);
	vmwrite(VMCS_TSC_OFFSET, 0);
	setup_host_state();
	setup_guest_state();
	ept_reset_test_region();
	ept_flush();
}

/* Optional features are turned on by the scenario setup: their VMCS fields are written
 * only then, as a VMWRITE to a field the CPU lacks fails. */
void vmcs_commit_controls(struct vcpu *v)
{
	static const u32 fields[CTL_WORDS] = {
		[CTL_PIN] = VMCS_PIN_BASED_CTLS, [CTL_PROC] = VMCS_PROC_BASED_CTLS,
		[CTL_PROC2] = VMCS_SECONDARY_PROC_BASED_CTLS, [CTL_EXIT] = VMCS_EXIT_CTLS,
		[CTL_ENTRY] = VMCS_ENTRY_CTLS,
	};

	for (int w = 0; w < CTL_WORDS; w++) {
		u32 val, missing = vmx_caps_adjust(w, v->ctl[w], &val);

		if (missing) {
			for (int f = 0; f < FEAT_COUNT; f++)
				if (vmx_features[f].word == (enum vmx_ctl_word)w &&
				    (missing & (1u << vmx_features[f].bit)))
					vcpu_error(v, "control not allowed: %s (%s bit %u)",
						   vmx_features[f].desc, vmx_ctl_word_name(w),
						   vmx_features[f].bit);
			if (!v->error[0])
				vcpu_error(v, "%s controls %#x not allowed", vmx_ctl_word_name(w), missing);
			return;
		}
		vmwrite(fields[w], val);
	}
	if (v->ctl[CTL_PROC2] & PROC2_VMCS_SHADOWING) {
		vmwrite(VMCS_VMCS_LINK_POINTER, (u64)shadow_page);
		vmwrite(VMCS_VMREAD_BITMAP, (u64)vmread_bitmap);
		vmwrite(VMCS_VMWRITE_BITMAP, (u64)vmwrite_bitmap);
	}
	if (v->ctl[CTL_PROC] & PROC_TPR_SHADOW) {
		vmwrite(VMCS_VIRTUAL_APIC_PAGE_ADDR, (u64)vapic_page);
		vmwrite(VMCS_TPR_THRESHOLD, v->tpr_threshold);
	}
	if (v->ctl[CTL_PROC2] & PROC2_VIRTUALIZE_APIC_ACCESSES)
		vmwrite(VMCS_APIC_ACCESS_ADDR, ept_apic_access_page());
	if (v->ctl[CTL_PROC2] & PROC2_VIRTUAL_INTERRUPT_DELIVERY) {
		vmwrite(VMCS_EOI_EXIT_BITMAP0, 0);
		vmwrite(VMCS_EOI_EXIT_BITMAP1, 0);
		vmwrite(VMCS_EOI_EXIT_BITMAP2, 0);
		vmwrite(VMCS_EOI_EXIT_BITMAP3, 0);
		vmwrite(VMCS_GUEST_INTR_STATUS, 0);
	}
}

void vmcs_set_l2_entry(struct vcpu *v, struct l2_ctx *ctx, l2_workload fn)
{
	vmwrite(VMCS_GUEST_RIP, (u64)l2_start);
	vmwrite(VMCS_GUEST_RSP, (u64)l2_stack + sizeof(l2_stack) - 8);
	memset(v->gpr, 0, sizeof(v->gpr));
	v->gpr[RDI] = (u64)ctx;
	v->gpr[RSI] = (u64)fn;
}

/* Every field of the table that the CPU has, for an ERROR report. */
void vmcs_dump(void)
{
	for (size_t i = 0; i < vmcs_field_count; i++) {
		u64 val;

		if (__vmread(vmcs_field_table[i].enc, &val) == VMX_OK)
			console_printf("INFO: vmcs: %-30s %#06x = %#llx\n", vmcs_field_table[i].name,
				       vmcs_field_table[i].enc, (unsigned long long)val);
	}
}
