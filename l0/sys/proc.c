// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "l0/sys/proc.h"

int proc_find(const char *name, char *out, size_t size)
{
	const char *path = getenv("PATH"), *p, *end;

	if (strchr(name, '/')) {
		if (access(name, X_OK))
			return -errno;
		snprintf(out, size, "%s", name);
		return 0;
	}
	for (p = path ? path : "/usr/bin:/bin"; *p; p = *end ? end + 1 : end) {
		struct stat st;

		end = strchrnul(p, ':');
		if ((size_t)snprintf(out, size, "%.*s/%s", (int)(end - p), end > p ? p : ".", name) >= size)
			continue;
		if (!stat(out, &st) && S_ISREG(st.st_mode) && !access(out, X_OK))
			return 0;
	}
	return -ENOENT;
}

/* Each spawned group's watchdog (below), by group. */
#define WATCHED_MAX 64
static struct { pid_t pgid, watchdog; } watched[WATCHED_MAX];
static volatile sig_atomic_t *stop_flag;

void proc_set_stop(volatile sig_atomic_t *flag)
{
	stop_flag = flag;
}

static bool stopped(void)
{
	return stop_flag && *stop_flag;
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Reaps pid within ms; 0, or -ETIMEDOUT when it is still there (a child stuck in D state). */
static int reap_within(pid_t pid, int ms, int *status)
{
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	double end = now_ms() + ms;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid || (r < 0 && errno == ECHILD))
			return 0;
		if (now_ms() >= end)
			return -ETIMEDOUT;
		nanosleep(&tick, NULL);
	}
}

/*
 * The group's watchdog: a member of the group, it outlives nestlab only to SIGKILL the
 * group when nestlab dies, even by SIGKILL (the parent-death signal, SIGUSR2, wakes it).
 * SIGTERM to the group leaves it: the runner's SIGKILL to the group ends it.
 */
static void watchdog(pid_t pgid, pid_t parent)
{
	sigset_t wake;

	setpgid(0, pgid);
	close_range(3, ~0u, 0);
	signal(SIGTERM, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	sigemptyset(&wake);
	sigaddset(&wake, SIGUSR2);
	sigprocmask(SIG_BLOCK, &wake, NULL);
	prctl(PR_SET_PDEATHSIG, SIGUSR2);
	if (getppid() == parent)
		sigwaitinfo(&wake, NULL);
	kill(-pgid, SIGKILL);
	_exit(0);
}

static void watch(pid_t pgid)
{
	pid_t parent = getpid(), w;
	size_t i;

	for (i = 0; i < WATCHED_MAX && watched[i].pgid; i++)
		;
	if (i == WATCHED_MAX)
		return;		/* the child's own parent-death signal still holds */
	w = fork();
	if (w == 0)
		watchdog(pgid, parent);
	if (w < 0)
		return;
	setpgid(w, pgid);
	watched[i].pgid = pgid;
	watched[i].watchdog = w;
}

/* The group's leader is reaped: SIGKILL what is left of it (its watchdog too), reap the watchdog. */
static void unwatch(pid_t pgid)
{
	for (size_t i = 0; i < WATCHED_MAX; i++) {
		if (watched[i].pgid != pgid)
			continue;
		kill(-pgid, SIGKILL);
		reap_within(watched[i].watchdog, 1000, NULL);
		watched[i].pgid = watched[i].watchdog = 0;
	}
}

/* In a new child: its own group, dead with nestlab, default signals. false: nestlab is gone. */
static bool child_setup(pid_t parent)
{
	sigset_t none;

	setpgid(0, 0);
	/* Survives exec (not a set-user-ID one): nestlab's death, even by SIGKILL, ends it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		return false;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	return true;
}

static void child(char *const argv[], const char *cwd, int out, int err_pipe, pid_t parent)
{
	int in = open("/dev/null", O_RDONLY), e;

	if (!child_setup(parent))
		_exit(127);
	if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 ||
	    (cwd && chdir(cwd)))
		goto fail;
	execvp(argv[0], argv);
fail:
	e = errno;
	if (write(err_pipe, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

int proc_fork(pid_t *pid)
{
	pid_t parent = getpid();

	*pid = fork();
	if (*pid < 0)
		return -errno;
	if (!*pid) {
		if (!child_setup(parent))
			_exit(127);
		return 0;
	}
	setpgid(*pid, *pid);
	watch(*pid);
	return 0;
}

int proc_spawn(char *const argv[], const char *cwd, const char *out_path, pid_t *pid)
{
	int out, p[2], e = 0;
	pid_t parent = getpid();
	ssize_t n;

	out = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0)
		return -errno;
	if (pipe2(p, O_CLOEXEC)) {
		e = -errno;
		close(out);
		return e;
	}
	*pid = fork();
	if (*pid < 0) {
		e = -errno;
	} else if (!*pid) {
		close(p[0]);
		child(argv, cwd, out, p[1], parent);
	} else {
		setpgid(*pid, *pid);	/* both sides: no window where the group is missing */
		close(p[1]);
		p[1] = -1;
		do
			n = read(p[0], &e, sizeof(e));
		while (n < 0 && errno == EINTR);
		if (n == sizeof(e)) {	/* exec failed: reap it */
			reap_within(*pid, 5000, NULL);
			e = -e;
		} else {
			e = 0;
			watch(*pid);	/* after exec: it holds none of these descriptors */
		}
	}
	close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	close(out);
	return e;
}

int proc_poll(pid_t pid, int *status)
{
	pid_t r = waitpid(pid, status, WNOHANG);

	if (r == pid) {
		unwatch(pid);
		return 1;
	}
	return r < 0 && errno != EINTR ? -errno : 0;
}

int proc_wait(pid_t pid, int timeout_ms, int *status)
{
	double end = now_ms() + timeout_ms;
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	int r;

	for (;;) {
		r = proc_poll(pid, status);
		if (r)
			return r < 0 ? r : 0;
		if (stopped() || now_ms() >= end)
			break;
		nanosleep(&tick, NULL);
	}
	proc_kill_group(pid, 1000);
	return stopped() ? -EINTR : -ETIMEDOUT;
}

int proc_run(char *const argv[], const char *cwd, const char *out_path, int timeout_ms)
{
	pid_t pid;
	int status, e = proc_spawn(argv, cwd, out_path, &pid);

	if (!e)
		e = proc_wait(pid, timeout_ms, &status);
	if (!e && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		e = -ECHILD;
	return e;
}

int proc_capture(char *const argv[], char *buf, size_t size, int timeout_ms)
{
	char tmpl[] = "/tmp/nestlab-capture-XXXXXX";
	int fd = mkstemp(tmpl), e;
	ssize_t n;

	if (fd < 0)
		return -errno;
	e = proc_run(argv, NULL, tmpl, timeout_ms);
	n = pread(fd, buf, size - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(tmpl);
	return e;
}

void proc_kill_group(pid_t pgid, int grace_ms)
{
	if (pgid <= 0)
		return;
	kill(-pgid, SIGTERM);
	reap_within(pgid, grace_ms, NULL);
	kill(-pgid, SIGKILL);	/* the rest of the group, or a leader that ignored TERM */
	/* Bounded: a child stuck in the kernel (D state) is left behind rather than waited for. */
	reap_within(pgid, PROC_KILL_WAIT_MS, NULL);
	unwatch(pgid);
}
