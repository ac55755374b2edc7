// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "l0/kvm/vcpu_kick.h"

/* A signal that only interrupts KVM_RUN (no SA_RESTART). */
static void kick_signal(int sig)
{
	(void)sig;
}

int vcpu_kick_start(struct vcpu_kick *k)
{
	struct sigaction sa = { .sa_handler = kick_signal };
	struct sigevent ev = { .sigev_notify = SIGEV_THREAD_ID, .sigev_signo = SIGUSR2 };

	ev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR2, &sa, NULL) || timer_create(CLOCK_MONOTONIC, &ev, &k->timer))
		return -errno;
	k->on = true;
	return 0;
}

void vcpu_kick_arm(struct vcpu_kick *k, uint64_t us)
{
	struct itimerspec t = { .it_value = { (time_t)(us / 1000000), (long)(us % 1000000) * 1000 } };

	if (k->on)
		timer_settime(k->timer, 0, &t, NULL);
}

void vcpu_kick_stop(struct vcpu_kick *k)
{
	if (k->on)
		timer_delete(k->timer);
	k->on = false;
}
