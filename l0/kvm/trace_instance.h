/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tracefs instance of the job's own (Documentation/trace/ftrace.rst, "Instances"):
 * <tracefs>/instances/nestlab-<runner pid>-<job>, with its own ring buffer, event enables,
 * filters and triggers. A job traces only there, filtered on its own vCPU threads, so
 * jobs running at once and other users of tracefs neither see nor reset each other's
 * state; the global instance is only ever read.
 */
#ifndef L0_KVM_TRACE_INSTANCE_H
#define L0_KVM_TRACE_INSTANCE_H

#include <stddef.h>
#include <sys/types.h>

struct trace_instance {
	char dir[192];		/* <tracefs>/instances/<name>; "" when none */
};

/* The tracefs mount point that has the kvm events, or NULL. */
const char *trace_mount(void);
/* "nestlab-<runner>-<job>": one name per job of one runner. */
void trace_instance_name(char *buf, size_t size, pid_t runner, int job);
/* Makes the instance (one left by a killed job of the same name is removed first). 0 or -errno. */
int trace_instance_create(struct trace_instance *ti, const char *name);
/* Writes text to a tracefs file, as one write. 0 or -errno. */
int trace_write_file(const char *path, const char *text);
/* Writes text to the instance's file (relative: "events/kvm/kvm_exit/filter"). 0 or -errno. */
int trace_instance_write(const struct trace_instance *ti, const char *file, const char *text);
/* "common_pid == 12 || common_pid == 13": the filter on the vCPU threads tids[0..n). */
void trace_filter_pids(char *buf, size_t size, const int *tids, size_t n);
/* Removes the instance (its enables and triggers go with it). */
void trace_instance_remove(struct trace_instance *ti);
/* Removes the instance name of a job that may have been killed before it could. */
void trace_instance_remove_name(const char *name);

#endif
