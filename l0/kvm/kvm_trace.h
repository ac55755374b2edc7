/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-exit-reason counts from tracefs hist triggers (Documentation/trace/histogram.rst):
 * one hist trigger keyed on the exit reason on kvm:kvm_exit (every exit KVM handles)
 * and one on kvm:kvm_nested_vmexit (exits taken while L2 ran). The hist keeps running
 * totals; a window is the difference of two reads.
 */
#ifndef L0_KVM_TRACE_H
#define L0_KVM_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "l0/kvm/exit_codes.h"

#define TRACE_NAMES_MAX 256

enum trace_event { TRACE_KVM_EXIT, TRACE_NESTED_VMEXIT, TRACE_EVENTS };

struct kvm_trace {
	char dir[128];			/* tracefs mount point */
	char key[TRACE_EVENTS][24];	/* field the hist is keyed on */
	int on[TRACE_EVENTS];
	enum exit_isa isa;		/* what the hists' keys are */
};

/* KVM's own names for exit codes, as kvm:kvm_exit prints them ("io", "hypercall", "GP excp"). */
struct kvm_exit_names {
	size_t n;
	struct {
		uint32_t code;
		char name[40];
	} e[TRACE_NAMES_MAX];
};

/* Mounts nothing: finds tracefs and sets the triggers. 0 or -errno (no tracefs, no hist). */
int kvm_trace_start(struct kvm_trace *t);
/* Running totals by counter slot (exit_slot(); codes without a slot are dropped). */
int kvm_trace_read(const struct kvm_trace *t, enum trace_event e, uint64_t counts[TRACE_REASONS]);
void kvm_trace_stop(struct kvm_trace *t);
/*
 * KVM's names for SVM exit codes, read from kvm:kvm_exit's print format under the tracefs
 * mount dir (so they match the running kernel). 0 or -errno.
 */
int kvm_trace_svm_names(const char *dir, struct kvm_exit_names *names);
/* The code KVM's name stands for (len bytes of name), or -1. */
int64_t kvm_trace_name_code(const struct kvm_exit_names *names, const char *name, size_t len);

#endif
