/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A timer that signals the vCPU's thread so that KVM_RUN returns (EINTR) at times of its
 * choosing: --migrate random's points then fall while L2 runs, not only at exits.
 */
#ifndef L0_KVM_VCPU_KICK_H
#define L0_KVM_VCPU_KICK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct vcpu_kick {
	timer_t timer;
	bool on;
};

/* Arms SIGUSR2 (no SA_RESTART) at the calling thread; 0, or -errno (no kick then). */
int vcpu_kick_start(struct vcpu_kick *k);
/* The next kick in us microseconds (nothing when not started). */
void vcpu_kick_arm(struct vcpu_kick *k, uint64_t us);
void vcpu_kick_stop(struct vcpu_kick *k);

#endif
