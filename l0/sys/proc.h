/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Child processes: each in its own process group, stdin from /dev/null. None outlives
 * nestlab: each child gets SIGKILL as its parent-death signal, and a watchdog in its group
 * SIGKILLs the whole group when nestlab dies (even by SIGKILL). No wait is unbounded.
 */
#ifndef L0_PROC_H
#define L0_PROC_H

#include <signal.h>
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
/*
 * A job process of nestlab's own (a VMM, a supervisor): forks into a new process group
 * under the same rules as proc_spawn (parent-death SIGKILL, a watchdog, default signals).
 * Returns 0 in both (*pid 0 in the child), or -errno.
 */
int proc_fork(pid_t *pid);
/* The flag the command's signal handler sets (Ctrl-C): every wait of proc_wait() serves it. */
void proc_set_stop(volatile sig_atomic_t *flag);
/*
 * Waits for pid up to timeout_ms or the stop flag (then kills its group). Returns 0,
 * -ETIMEDOUT or -EINTR (stopped); *status from waitpid.
 */
int proc_wait(pid_t pid, int timeout_ms, int *status);
/* pid ended? 1 (reaped, *status set, the rest of its group killed), 0 still running, or -errno. */
int proc_poll(pid_t pid, int *status);
/* After SIGKILL, how long a kill waits for the leader before leaving it behind. */
#define PROC_KILL_WAIT_MS 5000
/* Spawns and waits: 0 when it exited 0, -ETIMEDOUT, -ECHILD for another end, or spawn's error. */
int proc_run(char *const argv[], const char *cwd, const char *out_path, int timeout_ms);
/* Runs argv and keeps the first size-1 bytes of stdout+stderr in buf (NUL-terminated). */
int proc_capture(char *const argv[], char *buf, size_t size, int timeout_ms);
/* SIGTERM to the group, up to grace_ms for the leader to go, then SIGKILL; reaps the leader. */
void proc_kill_group(pid_t pgid, int grace_ms);

#endif
