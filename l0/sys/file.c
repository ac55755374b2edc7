// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "l0/sys/file.h"
#include "l0/sys/util.h"

int file_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s = p;
	int e = 0;

	do {
		s = strchrnul(s + 1, '/');
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0755) && errno != EEXIST)
			e = -errno;
		*s = c;
	} while (*s && !e);
	free(p);
	return e;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		data += n;
		len -= n;
	}
	return 0;
}

int file_write(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), e;

	if (fd < 0)
		return -errno;
	e = write_all(fd, data, len);
	if (close(fd) && !e)
		e = -errno;
	return e;
}

static int fsync_dir_of(const char *path)
{
	char *p = xstrdup(path);
	int fd = open(dirname(p), O_RDONLY | O_DIRECTORY | O_CLOEXEC), e = 0;

	free(p);
	if (fd < 0)
		return -errno;
	if (fsync(fd))
		e = -errno;
	close(fd);
	return e;
}

int file_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp-%d", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), e;

	if (fd < 0) {
		e = -errno;
		free(tmp);
		return e;
	}
	e = write_all(fd, data, len);
	if (!e && fsync(fd))
		e = -errno;
	if (close(fd) && !e)
		e = -errno;
	if (!e && rename(tmp, path))
		e = -errno;
	if (e)
		unlink(tmp);
	else
		e = fsync_dir_of(path);
	free(tmp);
	return e;
}

int file_copy(const char *src, const char *dst)
{
	char buf[65536];
	int in = open(src, O_RDONLY | O_CLOEXEC), out, e = 0;
	ssize_t n;

	if (in < 0)
		return -errno;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		e = -errno;
		close(in);
		return e;
	}
	while (!e && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0)
			e = errno == EINTR ? 0 : -errno;
		else
			e = write_all(out, buf, n);
	}
	close(in);
	if (close(out) && !e)
		e = -errno;
	return e;
}

int file_read(const char *path, size_t max, char **out, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), e = 0;
	char *buf;
	size_t got = 0;
	ssize_t n;

	if (fd < 0)
		return -errno;
	buf = xrealloc(NULL, max + 1);
	while (got < max && (n = read(fd, buf + got, max - got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = -errno;
			break;
		}
		got += n;
	}
	close(fd);
	if (e) {
		free(buf);
		return e;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

int file_symlink_atomic(const char *target, const char *path)
{
	char *tmp = xasprintf("%s.tmp-%d", path, (int)getpid());
	int e = 0;

	unlink(tmp);
	if (symlink(target, tmp))
		e = -errno;
	else if (rename(tmp, path)) {
		e = -errno;
		unlink(tmp);
	}
	free(tmp);
	return e;
}
