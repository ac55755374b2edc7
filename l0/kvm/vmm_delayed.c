// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "l0/kvm/vcpu_kick.h"
#include "l0/kvm/vmm_delayed.h"

#define MSI_ADDR_APIC0	0xfee00000u	/* physical destination APIC 0 (SDM "Message Address Register Format") */

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/*
 * KVM_RUN until us microseconds have passed: a timer's signal makes it return EINTR (a kick
 * of --migrate random's own timer too: then it goes on for the rest). A halted vCPU blocks
 * in the kernel meanwhile. An exit to user space cannot be served here: -EPROTO.
 */
int vmm_run_for(struct kvm_vm *vm, uint64_t us, enum vmm_piece *piece)
{
	struct vcpu_kick k;
	uint64_t end = now_ns() + us * 1000u, t;
	int e;

	memset(&k, 0, sizeof(k));
	*piece = VMM_PIECE_MP_STATE;
	e = vcpu_kick_start(&k);
	if (e)
		return e;
	while ((t = now_ns()) < end) {
		vcpu_kick_arm(&k, (end - t + 999) / 1000);
		if (ioctl(vm->vcpu, KVM_RUN, 0) == 0) {
			e = -EPROTO;
			break;
		}
		if (errno != EINTR && errno != EAGAIN) {
			e = -errno;
			break;
		}
	}
	vcpu_kick_arm(&k, 0);
	vcpu_kick_stop(&k);
	return e;
}

int vmm_queue_event(struct kvm_vm *vm, uint64_t event, enum vmm_piece *piece)
{
	if (event & VMM_DLY_NO_EVENT)
		return 0;
	if (event & VMM_DLY_NMI) {
		*piece = VMM_PIECE_EVENTS;
		return ioctl(vm->vcpu, KVM_NMI, 0) < 0 ? -errno : 0;
	}
	struct kvm_msi msi = { .address_lo = MSI_ADDR_APIC0, .data = (uint32_t)(event & 0xff) };

	*piece = VMM_PIECE_LAPIC;
	return ioctl(vm->vm, KVM_SIGNAL_MSI, &msi) < 0 ? -errno : 0;
}
