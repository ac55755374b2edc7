// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "l0/kvm/kvm_stats.h"

int kvm_stats_open(int kvm_object_fd, struct kvm_stats *s)
{
	struct kvm_stats_header h;
	size_t dsize;
	char *buf;

	memset(s, 0, sizeof(*s));
	s->fd = ioctl(kvm_object_fd, KVM_GET_STATS_FD, NULL);
	if (s->fd < 0)
		return -errno;
	if (pread(s->fd, &h, sizeof(h), 0) != sizeof(h) || h.name_size == 0 || h.name_size > 4096)
		goto bad;
	dsize = sizeof(struct kvm_stats_desc) + h.name_size;
	buf = malloc(dsize);
	if (!buf)
		goto bad;
	for (uint32_t i = 0; i < h.num_desc && s->n < KVM_STATS_MAX; i++) {
		const struct kvm_stats_desc *d = (const void *)buf;

		if (pread(s->fd, buf, dsize, h.desc_offset + (off_t)i * dsize) != (ssize_t)dsize) {
			free(buf);
			goto bad;
		}
		if ((d->flags & KVM_STATS_TYPE_MASK) != KVM_STATS_TYPE_CUMULATIVE || d->size != 1)
			continue;
		snprintf(s->name[s->n], sizeof(s->name[s->n]), "%.*s", (int)h.name_size, d->name);
		s->pos[s->n++] = h.data_offset + d->offset;
	}
	free(buf);
	return 0;
bad:
	close(s->fd);
	s->fd = -1;
	return -EIO;
}

int kvm_stats_read(const struct kvm_stats *s, uint64_t *v)
{
	for (size_t i = 0; i < s->n; i++)
		if (pread(s->fd, &v[i], sizeof(v[i]), s->pos[i]) != sizeof(v[i]))
			return -EIO;
	return 0;
}

void kvm_stats_close(struct kvm_stats *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}
