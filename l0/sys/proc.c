// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void child(char *const argv[], const char *cwd, int out, int err_pipe)
{
	int in = open("/dev/null", O_RDONLY), e;
	sigset_t none;

	setpgid(0, 0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
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

int proc_spawn(char *const argv[], const char *cwd, const char *out_path, pid_t *pid)
{
	int out, p[2], e = 0;
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
		child(argv, cwd, out, p[1]);
	} else {
		setpgid(*pid, *pid);	/* both sides: no window where the group is missing */
		close(p[1]);
		p[1] = -1;
		do
			n = read(p[0], &e, sizeof(e));
		while (n < 0 && errno == EINTR);
		if (n == sizeof(e)) {	/* exec failed: reap it */
			waitpid(*pid, NULL, 0);
			e = -e;
		} else {
			e = 0;
		}
	}
	close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	close(out);
	return e;
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int proc_wait(pid_t pid, int timeout_ms, int *status)
{
	double end = now_ms() + timeout_ms;
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -errno;
		if (now_ms() >= end)
			break;
		nanosleep(&tick, NULL);
	}
	proc_kill_group(pid, 1000);
	return -ETIMEDOUT;
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
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int i;

	if (pgid <= 0)
		return;
	kill(-pgid, SIGTERM);
	for (i = 0; i < grace_ms / 10; i++) {
		pid_t r = waitpid(pgid, NULL, WNOHANG);

		if (r == pgid || (r < 0 && errno == ECHILD))
			break;
		nanosleep(&tick, NULL);
	}
	kill(-pgid, SIGKILL);	/* the rest of the group, or a leader that ignored TERM */
	while (waitpid(pgid, NULL, 0) < 0 && errno == EINTR)
		;
}
