/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM's binary statistics (KVM_GET_STATS_FD, Documentation/virt/kvm/api.rst "KVM_GET_STATS_FD"):
 * the cumulative scalar counters of a VM or a vCPU, read at a window edge.
 */
#ifndef L0_KVM_STATS_H
#define L0_KVM_STATS_H

#include <stddef.h>
#include <stdint.h>

#define KVM_STATS_MAX 128

struct kvm_stats {
	int fd;
	size_t n;
	char name[KVM_STATS_MAX][48];
	uint64_t pos[KVM_STATS_MAX];	/* file offset of the value */
};

/* From a VM or vCPU fd; 0 or -errno. Only cumulative counters with one value are kept. */
int kvm_stats_open(int kvm_object_fd, struct kvm_stats *s);
/* Reads every kept counter into v[s->n]; 0 or -errno. */
int kvm_stats_read(const struct kvm_stats *s, uint64_t *v);
void kvm_stats_close(struct kvm_stats *s);

#endif
