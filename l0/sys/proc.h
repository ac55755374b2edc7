/* SPDX-License-Identifier: GPL-2.0-only */
/* Child processes: each in its own process group, stdin from /dev/null. */
#ifndef L0_PROC_H
#define L0_PROC_H

#include <stddef.h>
#include <sys/types.h>

/* Finds an executable: a path with '/' as is, else along $PATH. 0 or -ENOENT. */
int proc_find(const char *name, char *out, size_t size);
/*
 * Starts argv[0] (looked up in $PATH) in cwd (NULL: ours) with stdout and
 * stderr to out_path (NULL: /dev/null), in a new process group (pgid == *pid).
 * 0, or -errno of the failed step (exec included).
 */
int proc_spawn(char *const argv[], const char *cwd, const char *out_path, pid_t *pid);
/* Waits for pid up to timeout_ms (then kills its group). Returns 0 or -ETIMEDOUT; *status from waitpid. */
int proc_wait(pid_t pid, int timeout_ms, int *status);
/* Spawns and waits: 0 when it exited 0, -ETIMEDOUT, -ECHILD for another end, or spawn's error. */
int proc_run(char *const argv[], const char *cwd, const char *out_path, int timeout_ms);
/* Runs argv and keeps the first size-1 bytes of stdout+stderr in buf (NUL-terminated). */
int proc_capture(char *const argv[], char *buf, size_t size, int timeout_ms);
/* SIGTERM to the group, up to grace_ms for the leader to go, then SIGKILL; reaps the leader. */
void proc_kill_group(pid_t pgid, int grace_ms);

#endif
