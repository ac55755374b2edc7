/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The interface between L1's arch-neutral part (scenarios, the run loop, the emulation
 * every back end shares) and its hardware back ends, VMX (l1/vmx/) and SVM (l1/svm/).
 * One back end is chosen at boot from CPUID; the scenarios never name it: they say
 * what they need (enum hv_cap) and which exits they cause (enum exit_kind), and the
 * back end maps both to its own architecture or answers that it lacks them (SKIP).
 */
#ifndef L1_HV_H
#define L1_HV_H

#include "lib/exit_kinds.h"
#include "lib/types.h"
#include "l2/l2.h"
#include "x86/svm_exit_codes.h"
#include "x86/vmx_exit_reasons.h"

struct vcpu;

/*
 * What a scenario can need, X(NAME, description). A back end either offers one (maybe
 * only on some CPUs) or names, in its SKIP reason, the bit or the architecture missing.
 */
#define HV_CAPS(X)								\
	X(HLT_EXITING, "HLT exits")						\
	X(IO_BITMAPS, "I/O intercept bitmaps")					\
	X(MSR_BITMAPS, "MSR intercept bitmaps")					\
	X(NESTED_PAGING, "nested paging (EPT, NPT)")				\
	X(VMX, "VMX instructions in L1")					\
	X(SVM, "SVM instructions in L2")					\
	X(VMCS_SHADOWING, "VMCS shadowing")					\
	X(TPR_SHADOW, "TPR shadow")						\
	X(APIC_ACCESSES, "virtualized APIC accesses")				\
	X(APIC_REGISTERS, "APIC-register virtualization")			\
	X(VIRTUAL_INTERRUPTS, "virtual-interrupt delivery")			\
	X(X2APIC_VIRT, "x2APIC virtualization")					\
	X(EXTERNAL_INTERRUPT_EXITS, "external-interrupt exiting")		\
	X(POSTED_INTERRUPTS, "posted interrupts")				\
	X(ACK_INTERRUPT_ON_EXIT, "acknowledge interrupt on exit")		\
	X(NRIP_SAVE, "next-RIP save")						\
	X(VGIF, "virtual GIF")							\
	X(VIRTUAL_VMLOAD, "virtual VMLOAD/VMSAVE")				\
	X(AVIC, "AVIC")

enum hv_cap {
#define X(name, desc) CAP_##name,
	HV_CAPS(X)
#undef X
	HV_CAP_COUNT
};
_Static_assert(HV_CAP_COUNT <= 64, "needs fit a u64 mask");

extern const char *const hv_cap_desc[HV_CAP_COUNT];

/* Exit counters: a back end's exit codes map onto slots 0 .. HV_EXIT_SLOTS-1, as many
 * as the larger of the two exit tables has. */
#define HV_EXIT_SLOTS	((int)EXIT_REASON_COUNT > (int)SVM_SLOT_COUNT ? (int)EXIT_REASON_COUNT \
							     : (int)SVM_SLOT_COUNT)

/* EXIT_DEFAULT: a scenario's on_exit hook leaves the exit to the back end's handler. */
enum exit_action { EXIT_RESUME, EXIT_DONE, EXIT_DEFAULT };

struct hv_ops {
	const char *name;			/* "vmx", "svm": report prefix */
	/* Turns the back end on (VMXON, EFER.SVME); non-zero with why on failure. */
	int (*on)(char *why, size_t size);
	/* Capability records and INFO lines. */
	void (*caps_report)(void);
	/* Where each capability comes from (HV_CAP_COUNT entries): one of the back end's
	 * feature ids, which has() checks and describe() names with the bit that reports it
	 * ("process posted interrupts (pin-based bit 7)"), or HV_CAP_ALWAYS/HV_CAP_OTHER_ARCH. */
	const s8 *cap_source;
	bool (*has)(int feature);
	void (*describe)(int feature, char *buf, size_t size);
	const char *arch, *other_arch;		/* "VMX", "AMD SVM" */
	/* Counter slot of an exit kind; -1 when this architecture has no such exit. */
	int (*exit_slot)(enum exit_kind k);
	/* Counter slot of one of this architecture's own exit codes (VMX basic exit reason,
	 * SVM exit code), -1 outside its table: for NATIVE_EXIT() expectations. */
	int (*native_slot)(u32 code);
	const char *(*slot_name)(u32 slot);

	/* A scenario's L2: fresh control block, defaults, the scenario's setup, commit. */
	void (*load_fresh)(struct vcpu *v);
	void (*setup_defaults)(struct vcpu *v);
	void (*commit)(struct vcpu *v);		/* sets v->error when refused; NULL: nothing
						 * to adjust (SVM: every VMCB field exists) */
	void (*set_entry)(struct vcpu *v, struct l2_ctx *c, l2_workload fn);
	/* Enters L2 once and handles the exit it comes back with. */
	enum exit_action (*run_once)(struct vcpu *v);
	void (*dump)(struct vcpu *v);		/* the control block, after an ERROR */

	/* Services for the scenarios every back end runs. */
	void (*intercept_hlt)(struct vcpu *v);
	void (*io_pass)(u16 port);
	void (*msr_pass)(u32 msr, bool read, bool write);
	void (*exception_intercepts)(struct vcpu *v, u32 vectors);
	u64 (*guest_msr)(struct vcpu *v, u32 msr);	/* SYSENTER_* as L2 left them */
	u64 (*guest_cr3)(struct vcpu *v);
	void (*skip_instruction)(struct vcpu *v);
	void (*post_interrupt)(struct vcpu *v, u8 vector);	/* NULL: none */
};

extern const struct hv_ops vmx_ops, svm_ops;
/* The back end in use; NULL when the CPU has neither VMX nor SVM. */
extern const struct hv_ops *hv;
#define HV_CAP_ALWAYS		(-1)	/* part of the architecture itself */
#define HV_CAP_OTHER_ARCH	(-2)	/* the other architecture's */

/* NULL when the CPU offers cap, else why not, in buf: the SKIP reason. */
const char *hv_missing(enum hv_cap cap, char *buf, size_t size);
/* Sets hv from CPUID: VMX where the CPU has it, else SVM. */
const struct hv_ops *hv_select(void);

#endif
