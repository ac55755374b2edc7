// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "l0/kvm/trace_instance.h"

const char *trace_mount(void)
{
	static const char *const mounts[] = { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" };
	struct stat st;

	for (size_t i = 0; i < sizeof(mounts) / sizeof(mounts[0]); i++) {
		char probe[160];

		snprintf(probe, sizeof(probe), "%s/events/kvm", mounts[i]);
		if (!stat(probe, &st))
			return mounts[i];
	}
	return NULL;
}

void trace_instance_name(char *buf, size_t size, pid_t runner, int job)
{
	snprintf(buf, size, "nestlab-%d-%d", (int)runner, job);
}

static int instance_dir(char *buf, size_t size, const char *name)
{
	const char *mount = trace_mount();

	if (!mount)
		return -ENOENT;
	if ((size_t)snprintf(buf, size, "%s/instances/%s", mount, name) >= size)
		return -ENAMETOOLONG;
	return 0;
}

int trace_instance_create(struct trace_instance *ti, const char *name)
{
	int e = instance_dir(ti->dir, sizeof(ti->dir), name);

	if (!e && mkdir(ti->dir, 0700) && errno == EEXIST)
		e = rmdir(ti->dir) || mkdir(ti->dir, 0700) ? -errno : 0;
	else if (!e && access(ti->dir, F_OK))
		e = -errno;
	if (e)
		ti->dir[0] = 0;
	return e;
}

int trace_write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), e = 0;	/* O_TRUNC would drop a trigger file's triggers */

	if (fd < 0)
		return -errno;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		e = -errno;
	close(fd);
	return e;
}

int trace_instance_write(const struct trace_instance *ti, const char *file, const char *text)
{
	char path[320];

	if (!ti->dir[0])
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/%s", ti->dir, file);
	return trace_write_file(path, text);
}

void trace_filter_pids(char *buf, size_t size, const int *tids, size_t n)
{
	size_t len = 0;

	buf[0] = 0;
	for (size_t i = 0; i < n && len < size; i++)
		len += snprintf(buf + len, size - len, "%scommon_pid == %d", i ? " || " : "", tids[i]);
}

void trace_instance_remove(struct trace_instance *ti)
{
	if (ti->dir[0])
		rmdir(ti->dir);
	ti->dir[0] = 0;
}

void trace_instance_remove_name(const char *name)
{
	struct trace_instance ti;

	if (!instance_dir(ti.dir, sizeof(ti.dir), name))
		trace_instance_remove(&ti);
}
