/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A QMP client for the qemu-kvm back end: KVM's statistics (QMP `query-stats`, QEMU 7.1+)
 * read while the VM is stopped at each window edge. L1 with pause=pvpanic writes QEMU's
 * pvpanic port there; QEMU, run with -action panic=pause, stops the VM (GUEST_PANICKED,
 * then STOP); the monitor reads the vcpu and vm statistics and resumes it with `cont`.
 */
#ifndef L0_QMP_H
#define L0_QMP_H

#include <stdbool.h>
#include <stdint.h>

#include "l0/kvm/l0_window.h"

/*
 * Connects to the QMP socket (waiting up to connect_ms for QEMU to create it), gives hook
 * (NULL: none) the vCPU threads' ids (query-cpus-fast), resumes the VM (QEMU starts with
 * -S so that no edge comes before the monitor), then serves every pause as above,
 * appending "edge N vcpu|vm NAME VALUE" lines to out_path. Returns when QEMU closes the
 * socket: 0, or -errno when it could not talk to QEMU.
 */
#define QMP_VCPUS_MAX 64
struct qmp_hook {
	int (*vcpus)(const int *tids, size_t n, void *arg);	/* 0 or -errno */
	void *arg;
};
/*
 * mig (NULL: no migration, l0/backend/qemu_migrate.h): a pause that GUEST_CRASHLOADED
 * announced is a migration point, not an edge: the monitor migrates QEMU to a file and
 * quits it. With mig->incoming this QEMU takes that migration in first (it runs with
 * -incoming defer), and the edges go on from mig->edge, appended to out_path.
 */
struct qmp_migrate;
int qmp_monitor(const char *socket_path, const char *out_path, int connect_ms, const struct qmp_hook *hook,
		struct qmp_migrate *mig);

/* The connection, for l0/backend/qemu_migrate.c. */
struct qmp {
	int fd;
	char *buf;
	size_t len;
	unsigned crashloaded;	/* GUEST_CRASHLOADED events not yet acted on (qmp_command sees events too) */
};
/* The next message, parsed (json_object_put it); NULL at the end of the stream. */
struct json_object *qmp_read(struct qmp *q);
/* Sends cmd, returns its reply ("return" or "error"); events between: GUEST_PANICKED sets *panicked. */
struct json_object *qmp_command(struct qmp *q, const char *cmd, bool *panicked);
bool qmp_is_event(struct json_object *o, const char *name);

/* qemu-kvm's --migrate, the monitor's side of it (l0/backend/qemu_migrate.h). */
/* In the QMP statistics file: KVM's statistics at migration k's pause in the old QEMU
 * (side 0) and before the new QEMU's `cont` (side 1), beside the window edges'. */
#define QMP_MIGRATE_STATS_EDGE(k, side)	(1000000u + 2u * (k) + (side))

struct qmp_migrate {
	const char *dir;	/* the job's directory: qemu_migrate.h's files */
	bool incoming;		/* this QEMU takes migration `count` in (-incoming defer) */
	unsigned edge;		/* window edges served before */
	unsigned asked_edge;	/* ... when the guest asked (logged apart) */
	unsigned count;		/* migrations asked so far in this pass */
	uint64_t asked_ns;	/* CLOCK_MONOTONIC at the last one's pause */
	/* l0/backend/qemu_migrate.c's qemu_migrate_out and qemu_migrate_in */
	int (*out)(struct qmp *q, struct qmp_migrate *m);
	int (*in)(struct qmp *q, struct qmp_migrate *m);
};

/* The statistics of edge k from the monitor's file into set (cleared first); 0 or -ENOENT. */
int qmp_edge_stats(const char *out_path, unsigned k, struct l0_counters *c);

#endif
