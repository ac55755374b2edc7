/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-exit-reason counts from tracefs hist triggers (Documentation/trace/histogram.rst):
 * one hist trigger keyed on the exit reason on kvm:kvm_exit (every exit KVM handles)
 * and one on kvm:kvm_nested_vmexit (exits taken while L2 ran). The hist keeps running
 * totals; a window is the difference of two reads.
 */
#ifndef L0_KVM_TRACE_H
#define L0_KVM_TRACE_H

#include <stdint.h>

#define TRACE_REASONS 256	/* basic exit reasons (VMX) and SVM codes below 256 */

enum trace_event { TRACE_KVM_EXIT, TRACE_NESTED_VMEXIT, TRACE_EVENTS };

struct kvm_trace {
	char dir[128];			/* tracefs mount point */
	char key[TRACE_EVENTS][24];	/* field the hist is keyed on */
	int on[TRACE_EVENTS];
};

/* Mounts nothing: finds tracefs and sets the triggers. 0 or -errno (no tracefs, no hist). */
int kvm_trace_start(struct kvm_trace *t);
/* Running totals by basic reason (the key's low 16 bits; larger reasons are dropped). */
int kvm_trace_read(const struct kvm_trace *t, enum trace_event e, uint64_t counts[TRACE_REASONS]);
void kvm_trace_stop(struct kvm_trace *t);

#endif
