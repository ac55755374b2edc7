// SPDX-License-Identifier: GPL-2.0-only
/* QMP, the QEMU Machine Protocol (QEMU docs/interop/qmp-spec): one JSON object per line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "l0/backend/qmp.h"

#define LINE_MAX_QMP	(1u << 20)	/* a query-stats reply is a few KiB */

static int qmp_connect(const char *path, int connect_ms)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	struct timespec pause = { 0, 20 * 1000 * 1000 };

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	strcpy(a.sun_path, path);
	for (int waited = 0;; waited += 20) {
		int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

		if (fd < 0)
			return -errno;
		if (!connect(fd, (struct sockaddr *)&a, sizeof(a)))
			return fd;
		close(fd);
		if (waited >= connect_ms)
			return -ETIMEDOUT;
		nanosleep(&pause, NULL);
	}
}

/* The next message, parsed; NULL at end of stream or on a line that is not JSON. */
struct json_object *qmp_read(struct qmp *q)
{
	for (;;) {
		char *nl = q->len ? memchr(q->buf, '\n', q->len) : NULL;
		ssize_t n;

		if (nl) {
			struct json_object *o;

			*nl = 0;
			o = json_tokener_parse(q->buf);
			q->len -= nl + 1 - q->buf;
			memmove(q->buf, nl + 1, q->len);
			if (o)
				return o;
			continue;
		}
		if (q->len == LINE_MAX_QMP)
			return NULL;
		n = read(q->fd, q->buf + q->len, LINE_MAX_QMP - q->len);
		if (n <= 0)
			return NULL;
		q->len += n;
	}
}

bool qmp_is_event(struct json_object *o, const char *name)
{
	struct json_object *e;

	return json_object_object_get_ex(o, "event", &e) && !strcmp(json_object_get_string(e), name);
}

/* Sends a command and returns its reply (events in between: *panicked notes pauses). */
struct json_object *qmp_command(struct qmp *q, const char *cmd, bool *panicked)
{
	size_t len = strlen(cmd);

	if (write(q->fd, cmd, len) != (ssize_t)len)
		return NULL;
	for (;;) {
		struct json_object *o = qmp_read(q), *r;

		if (!o)
			return NULL;
		if (json_object_object_get_ex(o, "return", &r) || json_object_object_get_ex(o, "error", &r))
			return o;
		if (panicked && qmp_is_event(o, "GUEST_PANICKED"))
			*panicked = true;
		if (qmp_is_event(o, "GUEST_CRASHLOADED"))
			q->crashloaded++;
		json_object_put(o);
	}
}

/* "edge K TARGET NAME VALUE" for every integer statistic of the reply. */
static void write_stats(FILE *out, unsigned k, const char *target, struct json_object *reply)
{
	struct json_object *ret, *prov, *stats;

	if (!json_object_object_get_ex(reply, "return", &ret) || !json_object_is_type(ret, json_type_array))
		return;
	for (size_t i = 0; i < json_object_array_length(ret); i++) {
		prov = json_object_array_get_idx(ret, i);
		if (!json_object_object_get_ex(prov, "stats", &stats) || !json_object_is_type(stats, json_type_array))
			continue;
		for (size_t s = 0; s < json_object_array_length(stats); s++) {
			struct json_object *st = json_object_array_get_idx(stats, s), *name, *val;

			if (json_object_object_get_ex(st, "name", &name) && json_object_object_get_ex(st, "value", &val) &&
			    json_object_is_type(val, json_type_int))
				fprintf(out, "edge %u %s %s %llu\n", k, target, json_object_get_string(name),
					(unsigned long long)json_object_get_uint64(val));
		}
	}
}

static int snapshot(struct qmp *q, FILE *out, unsigned k)
{
	static const char vcpu[] = "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vcpu\"}}\r\n";
	static const char vm[] = "{\"execute\":\"query-stats\",\"arguments\":{\"target\":\"vm\"}}\r\n";
	struct json_object *r = qmp_command(q, vcpu, NULL);

	if (!r)
		return -EIO;
	write_stats(out, k, "vcpu", r);
	json_object_put(r);
	r = qmp_command(q, vm, NULL);
	if (!r)
		return -EIO;
	write_stats(out, k, "vm", r);
	json_object_put(r);
	fflush(out);
	return 0;
}

/* The vCPU threads' ids from query-cpus-fast, to hook. 0 or -errno. */
static int vcpu_threads(struct qmp *q, const struct qmp_hook *hook, bool *panicked)
{
	struct json_object *r = qmp_command(q, "{\"execute\":\"query-cpus-fast\"}\r\n", panicked), *ret, *tid;
	int tids[QMP_VCPUS_MAX];
	size_t n = 0;
	int e = -EPROTO;

	if (r && json_object_object_get_ex(r, "return", &ret) && json_object_is_type(ret, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(ret) && n < QMP_VCPUS_MAX; i++)
			if (json_object_object_get_ex(json_object_array_get_idx(ret, i), "thread-id", &tid) &&
			    json_object_is_type(tid, json_type_int) && json_object_get_int(tid) > 0)
				tids[n++] = json_object_get_int(tid);
		e = n == json_object_array_length(ret) && n ? hook->vcpus(tids, n, hook->arg) : -EPROTO;
	}
	json_object_put(r);
	return e;
}

int qmp_monitor(const char *socket_path, const char *out_path, int connect_ms, const struct qmp_hook *hook,
		struct qmp_migrate *mig)
{
	struct qmp q = { .fd = qmp_connect(socket_path, connect_ms), .buf = malloc(LINE_MAX_QMP) };
	FILE *out = fopen(out_path, mig && mig->incoming ? "ae" : "we");
	struct json_object *o;
	bool panicked = false;
	unsigned edge = mig ? mig->edge : 0;
	int e = 0;

	if (q.fd < 0 || !q.buf || !out) {
		e = q.fd < 0 ? q.fd : -ENOMEM;
		goto done;
	}
	o = qmp_read(&q);	/* the greeting */
	json_object_put(o);
	if (!o || !(o = qmp_command(&q, "{\"execute\":\"qmp_capabilities\"}\r\n", &panicked))) {
		e = -EPROTO;
		goto done;
	}
	json_object_put(o);
	if (hook && vcpu_threads(&q, hook, &panicked))
		fprintf(stderr, "nestlab: no vCPU thread ids from QMP query-cpus-fast: no l0 counts\n");
	if (mig && mig->incoming && ((e = mig->in(&q, mig)) ||
				     (e = snapshot(&q, out, QMP_MIGRATE_STATS_EDGE(mig->count, 1)))))
		goto done;
	o = qmp_command(&q, "{\"execute\":\"cont\"}\r\n", &panicked);
	json_object_put(o);
	while ((o = qmp_read(&q))) {
		if (qmp_is_event(o, "GUEST_PANICKED"))
			panicked = true;
		if (qmp_is_event(o, "GUEST_CRASHLOADED"))
			q.crashloaded++;	/* L1 or L2 asks for a migration at the next pause */
		if (qmp_is_event(o, "STOP") && panicked && q.crashloaded && mig) {
			json_object_put(o);
			q.crashloaded = 0;
			mig->asked_edge = edge;
			panicked = false;
			mig->edge = edge;
			/* KVM's statistics restart in the new QEMU: the window adds both sides'. */
			if (snapshot(&q, out, QMP_MIGRATE_STATS_EDGE(mig->count + 1, 0)) ||
			    (e = mig->out(&q, mig)) != 0)
				break;	/* 1: migrated, QEMU quits; -errno: QMP broke */
			json_object_put(qmp_command(&q, "{\"execute\":\"cont\"}\r\n", &panicked));
			continue;
		}
		if (qmp_is_event(o, "STOP") && panicked) {
			panicked = false;
			if (snapshot(&q, out, edge++)) {
				json_object_put(o);
				break;
			}
			json_object_put(qmp_command(&q, "{\"execute\":\"cont\"}\r\n", &panicked));
		}
		json_object_put(o);
	}
done:
	if (out)
		fclose(out);
	if (q.fd >= 0)
		close(q.fd);
	free(q.buf);
	return e < 0 ? e : 0;
}

int qmp_edge_stats(const char *out_path, unsigned k, struct l0_counters *c)
{
	FILE *f = fopen(out_path, "re");
	char target[8], name[64];
	unsigned long long v;
	unsigned edge;
	bool any = false;

	c->vcpu.n = c->vm.n = 0;
	if (!f)
		return -ENOENT;
	while (fscanf(f, "edge %u %7s %63s %llu\n", &edge, target, name, &v) == 4) {
		if (edge != k)
			continue;
		l0_stat_add(!strcmp(target, "vcpu") ? &c->vcpu : &c->vm, name, v);
		any = true;
	}
	fclose(f);
	return any ? 0 : -ENOENT;
}
