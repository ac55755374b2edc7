/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-exit-reason counts from tracefs hist triggers (Documentation/trace/histogram.rst):
 * one hist trigger keyed on the exit reason on kvm:kvm_exit (every exit KVM handles)
 * and one on kvm:kvm_nested_vmexit (exits taken while L2 ran). The hist keeps running
 * totals; a window is the difference of two reads. The triggers live in the job's own
 * tracefs instance (l0/kvm/trace_instance.h) and count only the job's vCPU thread
 * (`if common_pid == TID`): other VMs on the host and the job's siblings do not count.
 */
#ifndef L0_KVM_TRACE_H
#define L0_KVM_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "l0/kvm/exit_codes.h"
#include "l0/kvm/trace_instance.h"

#define TRACE_NAMES_MAX 256

enum trace_event { TRACE_KVM_EXIT, TRACE_NESTED_VMEXIT, TRACE_EVENTS };

struct kvm_trace {
	struct trace_instance inst;	/* the job's own tracefs instance */
	int tid;			/* the vCPU thread the hists count */
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

/* Mounts nothing: makes the tracefs instance named instance and sets the triggers there,
 * counting the thread tid only. 0 or -errno (no tracefs or instances, no hist). */
int kvm_trace_start(struct kvm_trace *t, const char *instance, int tid);
/* Running totals by counter slot (exit_slot(); codes without a slot are dropped). */
int kvm_trace_read(const struct kvm_trace *t, enum trace_event e, uint64_t counts[TRACE_REASONS]);
/* Removes the triggers and the instance. */
void kvm_trace_stop(struct kvm_trace *t);
/*
 * KVM's names for SVM exit codes, read from kvm:kvm_exit's print format under the tracefs
 * mount dir (so they match the running kernel). 0 or -errno.
 */
int kvm_trace_svm_names(const char *dir, struct kvm_exit_names *names);
/* The code KVM's name stands for (len bytes of name), or -1. */
int64_t kvm_trace_name_code(const struct kvm_exit_names *names, const char *name, size_t len);

#endif
