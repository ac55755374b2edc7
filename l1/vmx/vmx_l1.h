/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's VMX layer: VMXON, the L2 VMCS, EPT, exits. */
#ifndef L1_VMX_VMX_L1_H
#define L1_VMX_VMX_L1_H

#include "l1/vcpu.h"
#include "l1/nested_paging.h"

/* vmxon.c */
u32 vmx_vmcs_revision_id(void);
int vmx_on(char *why, size_t size);

/* vmcs.c: one VMCS for L2, rebuilt for every scenario. */
void vmcs_load_fresh(struct vcpu *v);
void vmcs_setup_defaults(struct vcpu *v);
/* Writes v->ctl[] adjusted to the capabilities; aborts naming a disallowed bit. */
void vmcs_commit_controls(struct vcpu *v);
void vmcs_set_l2_entry(struct vcpu *v, struct l2_ctx *ctx, l2_workload fn);
void vmcs_dump(void);
void io_bitmap_pass(u16 port);
void msr_bitmap_pass(u32 msr, bool read, bool write);
void vmread_bitmap_exit(u32 field);
void vmwrite_bitmap_exit(u32 field);
u32 *vapic_reg(u32 offset);
u64 vapic_page_pa(void);
u64 shadow_vmcs_pa(void);
void shadow_vmcs_write(struct vcpu *v, u32 field, u64 value);
u64 shadow_vmcs_read(struct vcpu *v, u32 field);

/* ept.c: identity map of the low 4 GiB, plus a region left unmapped for EPT violations. */
#define EPT_TEST_REGION		NESTED_TEST_REGION
#define EPT_TEST_PAGES		NESTED_TEST_PAGES
u64 ept_init(void);		/* returns the EPTP */
u64 ept_apic_access_page(void);	/* mapped at L2's APIC base (0xfee00000) */
void ept_reset_test_region(void);
bool ept_map_test_page(u64 gpa);
void ept_flush(void);

/* posted.c: SDM "Posted-Interrupt Processing". */
#define POSTED_INTR_NV	0xf2	/* notification vector: L1's own APIC delivers it */
void posted_interrupt_setup(struct vcpu *v);
void posted_interrupt_send(struct vcpu *v, u8 vector);

/* entry.asm: VMLAUNCH or VMRESUME with L2's GPRs; returns 0 after a VM exit, 1 on
 * VMfailInvalid, 2 on VMfailValid. vmx_exit_stub is the VMCS's host RIP. */
int vmx_enter(struct vcpu *v);
void vmx_exit_stub(void);

/* exit.c */
enum exit_action vmx_handle_exit(struct vcpu *v);
void vmx_skip_instruction(struct vcpu *v);

#endif
