/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's SVM layer: EFER.SVME, the L2 VMCB, nested page tables, exits. AMD APM vol. 2, ch. 15. */
#ifndef L1_SVM_SVM_L1_H
#define L1_SVM_SVM_L1_H

#include "l1/vcpu.h"
#include "l1/nested_paging.h"
#include "x86/svm.h"

/* caps.c: CPUID Fn8000_000A as read at boot. */
struct svm_caps {
	u32 revision, asids, features;	/* EAX, EBX, EDX */
};
extern struct svm_caps svm_caps;
bool svm_has(int feature);	/* enum svm_cpuid_feature */
void svm_caps_read(void);
void svm_caps_report(void);
extern const s8 svm_cap_feature[HV_CAP_COUNT];	/* SVM_FEAT_... providing each capability */
void svm_describe(int feature, char *buf, size_t size);

/* on.c */
int svm_on(char *why, size_t size);
u64 svm_host_state_pa(void);	/* VMSAVE'd L1 state, VMLOADed after every exit */

/* vmcb.c: one VMCB for L2, rebuilt for every scenario. */
extern struct vmcb l2_vmcb;
void vmcb_load_fresh(struct vcpu *v);
void vmcb_setup_defaults(struct vcpu *v);
void vmcb_set_l2_entry(struct vcpu *v, struct l2_ctx *c, l2_workload fn);
void vmcb_dump(struct vcpu *v);
void iopm_pass(u16 port);
void msrpm_pass(u32 msr, bool read, bool write);

/* npt.c: the identity map of l1/nested_paging.h as nested page tables. */
u64 npt_init(void);		/* returns nCR3 */
void npt_reset_test_region(void);
bool npt_map_test_page(u64 gpa);
/* The nested entry over test page `page` at level 1 (PTE), 2 (PDE) or 3 (PDPTE): npt/. */
u64 *npt_test_entry(int level, u32 page);

/* entry.asm: CLGI, VMLOAD guest, VMRUN, VMSAVE guest, VMLOAD host, STGI. */
void svm_enter(struct vcpu *v, u64 vmcb_pa, u64 host_state_pa);

/* exit.c */
enum exit_action svm_handle_exit(struct vcpu *v);
void svm_skip_instruction(struct vcpu *v);

/* VMCB clean bits (APM "VMCB Clean Bits"): intercepts, IOPM/MSRPM, ASID, V_TPR, NP,
 * CRx, DRx, DT, SEG, CR2 (bits 0-9) unchanged since the last VMRUN. */
#define CLEAN_ALL		0x3ffu

#endif
