// SPDX-License-Identifier: GPL-2.0-only
/* QEMU's own migration at L1's points, for the qemu-kvm back end (qemu_migrate.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "l0/backend/qemu_migrate.h"

#define POLL_NS		(2 * 1000 * 1000)
#define WAIT_S		120		/* a migration of 64 MiB, stopped, takes well under that */
/* QEMU 7.2's default is 32 MiB/s (MAX_THROTTLE); the VM is stopped, nothing to throttle. */
#define SET_BANDWIDTH	"{\"execute\":\"migrate-set-parameters\",\"arguments\":{\"max-bandwidth\":17179869184}}\r\n"
#define MIGRATE		"{\"execute\":\"migrate\",\"arguments\":{\"uri\":\"exec:cat > " QEMU_MIGRATE_FILE "\"}}\r\n"
#define INCOMING	"{\"execute\":\"migrate-incoming\",\"arguments\":{\"uri\":\"exec:cat " QEMU_MIGRATE_FILE "\"}}\r\n"
#define QUERY_MIGRATE	"{\"execute\":\"query-migrate\"}\r\n"
#define QUERY_STATUS	"{\"execute\":\"query-status\"}\r\n"
#define QUIT		"{\"execute\":\"quit\"}\r\n"

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void pause_poll(void)
{
	struct timespec t = { 0, POLL_NS };

	nanosleep(&t, NULL);
}

static char *path_in(const struct qmp_migrate *m, const char *file)
{
	char *p = NULL;

	if (asprintf(&p, "%s/%s", m->dir, file) < 0)
		return NULL;
	return p;
}

/* One line, blanks for the line breaks QEMU's messages may hold. */
static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

static void log_line(const struct qmp_migrate *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void log_line(const struct qmp_migrate *m, const char *fmt, ...)
{
	char *path = path_in(m, QEMU_MIGRATE_LOG);
	FILE *f = path ? fopen(path, "ae") : NULL;
	va_list ap;

	free(path);
	if (!f)
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

/* The error text of a QMP error reply ("error": {"desc": ...}) into err; false: none. */
static bool error_desc(struct json_object *reply, char *err, size_t size)
{
	struct json_object *e, *d;

	if (!reply || !json_object_object_get_ex(reply, "error", &e))
		return false;
	snprintf(err, size, "%s", json_object_object_get_ex(e, "desc", &d) ? json_object_get_string(d) : "error");
	one_line(err);
	return true;
}

int qemu_migrate_status(struct json_object *reply, char *err, size_t size)
{
	struct json_object *ret, *st, *d;
	const char *s;

	if (error_desc(reply, err, size))
		return -1;
	if (!reply || !json_object_object_get_ex(reply, "return", &ret) ||
	    !json_object_is_type(ret, json_type_object))
		return -2;
	if (!json_object_object_get_ex(ret, "status", &st))
		return 0;	/* no migration yet: setting up */
	s = json_object_get_string(st);
	if (!strcmp(s, "completed"))
		return 1;
	if (strcmp(s, "failed") && strcmp(s, "cancelled"))
		return 0;
	snprintf(err, size, "%s", json_object_object_get_ex(ret, "error-desc", &d) ? json_object_get_string(d) : s);
	one_line(err);
	return -1;
}

static unsigned long long serial_bytes(const struct qmp_migrate *m)
{
	char *path = path_in(m, QEMU_MIGRATE_SERIAL);
	struct stat st;
	unsigned long long n = path && !stat(path, &st) ? (unsigned long long)st.st_size : 0;

	free(path);
	return n;
}

int qemu_migrate_out(struct qmp *q, struct qmp_migrate *m)
{
	char err[QEMU_MIGRATE_ERROR_MAX] = "";
	unsigned long long serial = serial_bytes(m);
	struct json_object *r;
	uint64_t t0 = now_ns();
	int st = -2;
	char *next;
	FILE *f;

	m->asked_ns = t0;
	m->count++;
	json_object_put(qmp_command(q, SET_BANDWIDTH, NULL));
	r = qmp_command(q, MIGRATE, NULL);
	if (!r)
		return -EIO;
	st = error_desc(r, err, sizeof(err)) ? -1 : 0;
	json_object_put(r);
	while (st == 0) {
		if (now_ns() - t0 > WAIT_S * 1000000000ull) {
			snprintf(err, sizeof(err), "still not completed after %d s", WAIT_S);
			st = -1;
			break;
		}
		pause_poll();
		r = qmp_command(q, QUERY_MIGRATE, NULL);
		if (!r)
			return -EIO;
		st = qemu_migrate_status(r, err, sizeof(err));
		json_object_put(r);
	}
	if (st != 1) {
		log_line(m, "out %u edge %u asked %u serial %llu us %llu status refused error %s", m->count, m->edge,
			 m->asked_edge, serial,
			 (unsigned long long)((now_ns() - t0) / 1000), err[0] ? err : "no reply to query-migrate");
		fprintf(stderr, "nestlab: qemu-kvm: QEMU refused migration %u: %s (QEMU's own answer: the VM goes on "
			"unmigrated; run without --migrate for the verdicts alone)\n", m->count,
			err[0] ? err : "no reply to query-migrate");
		return 0;
	}
	log_line(m, "out %u edge %u asked %u serial %llu us %llu status completed", m->count, m->edge, m->asked_edge,
		 serial,
		 (unsigned long long)((now_ns() - t0) / 1000));
	next = path_in(m, QEMU_MIGRATE_NEXT);
	f = next ? fopen(next, "we") : NULL;
	free(next);
	if (!f)
		return -errno;
	fprintf(f, "edge %u count %u asked_ns %llu\n", m->edge, m->count, (unsigned long long)m->asked_ns);
	if (fclose(f))
		return -EIO;
	json_object_put(qmp_command(q, QUIT, NULL));
	return 1;
}

int qemu_migrate_in(struct qmp *q, struct qmp_migrate *m)
{
	char err[QEMU_MIGRATE_ERROR_MAX] = "", state[32] = "";
	struct json_object *r = qmp_command(q, INCOMING, NULL), *ret, *s;
	uint64_t t0 = now_ns();
	bool refused = !r || error_desc(r, err, sizeof(err));

	json_object_put(r);
	while (!refused) {
		if (now_ns() - t0 > WAIT_S * 1000000000ull) {
			snprintf(err, sizeof(err), "still in migration after %d s", WAIT_S);
			refused = true;
			break;
		}
		r = qmp_command(q, QUERY_STATUS, NULL);
		if (!r) {	/* QEMU 7.2 exits when it cannot load the stream: the supervisor logs why */
			snprintf(err, sizeof(err), "QEMU closed QMP while taking the migration in");
			refused = true;
			break;
		}
		if (json_object_object_get_ex(r, "return", &ret) && json_object_object_get_ex(ret, "status", &s))
			snprintf(state, sizeof(state), "%s", json_object_get_string(s));
		json_object_put(r);
		if (state[0] && strcmp(state, "inmigrate"))
			break;
		pause_poll();
	}
	if (refused) {
		log_line(m, "in %u us %llu total_us 0 status refused error %s", m->count,
			 (unsigned long long)((now_ns() - t0) / 1000), err[0] ? err : "no reply");
		json_object_put(qmp_command(q, QUIT, NULL));
		return -EPROTO;
	}
	log_line(m, "in %u us %llu total_us %llu status completed state %s", m->count,
		 (unsigned long long)((now_ns() - t0) / 1000), (unsigned long long)((now_ns() - m->asked_ns) / 1000),
		 state);
	return 0;
}

bool qemu_migrate_pending(struct qmp_migrate *m)
{
	char *next = path_in(m, QEMU_MIGRATE_NEXT);
	FILE *f = next ? fopen(next, "re") : NULL;
	unsigned long long ns = 0;
	bool ok = f && fscanf(f, "edge %u count %u asked_ns %llu", &m->edge, &m->count, &ns) == 3;

	if (f)
		fclose(f);
	if (next)
		unlink(next);
	free(next);
	m->incoming = ok;
	m->asked_ns = ns;
	return ok;
}

bool qemu_migrate_taken(const struct qmp_migrate *m, char *why, size_t size)
{
	static struct qemu_migration list[QEMU_MIGRATE_MAX];
	char *log = path_in(m, QEMU_MIGRATE_LOG);
	size_t n = log ? qemu_migrate_log_read(log, list, QEMU_MIGRATE_MAX) : 0;

	free(log);
	why[0] = 0;
	for (size_t i = 0; i < n; i++) {
		if (list[i].k != m->count || !list[i].has_in)
			continue;
		if (list[i].in_done)
			return true;
		snprintf(why, size, "%s", list[i].error);
	}
	return false;
}

void qemu_migrate_lost(struct qmp_migrate *m, const char *why)
{
	char err[QEMU_MIGRATE_ERROR_MAX];

	snprintf(err, sizeof(err), "%s", why && *why ? why : "the new QEMU exited");
	one_line(err);
	log_line(m, "in %u us 0 total_us 0 status lost error %s", m->count, err);
}

int qemu_migrate_argv(char *const argv[], const char **out, size_t max)
{
	static const char serial[] = "file:" QEMU_MIGRATE_SERIAL;
	size_t n = 0;

	for (size_t i = 0; argv[i]; i++) {
		bool is_serial = !strcmp(argv[i], "-serial") && argv[i + 1] && !strcmp(argv[i + 1], serial);

		if (n + (is_serial ? 4 : 1) + 3 > max)
			return -E2BIG;
		if (!is_serial) {
			out[n++] = argv[i];
			continue;
		}
		/* -serial file: truncates; the chardev appends to what the old QEMU wrote. */
		out[n++] = "-chardev";
		out[n++] = "file,id=nlcom1,path=" QEMU_MIGRATE_SERIAL ",append=on";
		out[n++] = "-serial";
		out[n++] = "chardev:nlcom1";
		i++;
	}
	out[n++] = "-incoming";
	out[n++] = "defer";
	out[n] = NULL;
	return 0;
}

/* "error TEXT" to the end of the line, after the fields. */
static void copy_error(const char *line, char *err, size_t size)
{
	const char *e = strstr(line, " error ");

	snprintf(err, size, "%s", e ? e + 7 : "");
}

static struct qemu_migration *entry(struct qemu_migration *list, size_t *n, size_t max, unsigned k)
{
	for (size_t i = *n; i-- > 0;)
		if (list[i].k == k)
			return &list[i];
	if (*n >= max)
		return NULL;
	memset(&list[*n], 0, sizeof(list[*n]));
	list[*n].k = k;
	return &list[(*n)++];
}

bool qemu_migrate_log_line(const char *line, struct qemu_migration *list, size_t *n, size_t max)
{
	struct qemu_migration *m;
	unsigned k, edge, asked;
	unsigned long long serial, us, total;
	char status[24];

	if (sscanf(line, "out %u edge %u asked %u serial %llu us %llu status %23s", &k, &edge, &asked, &serial, &us,
		   status) == 6) {
		if (!(m = entry(list, n, max, k)))
			return false;
		m->edge = edge;
		m->asked_edge = asked;
		m->serial = serial;
		m->out_us = us;
		m->out_done = !strcmp(status, "completed");
	} else if (sscanf(line, "in %u us %llu total_us %llu status %23s", &k, &us, &total, status) == 4) {
		if (!(m = entry(list, n, max, k)))
			return false;
		m->in_us = us;
		m->total_us = total;
		m->has_in = true;
		m->in_done = !strcmp(status, "completed");
	} else {
		return false;
	}
	snprintf(m->status, sizeof(m->status), "%s", status);
	if (strstr(line, " error "))
		copy_error(line, m->error, sizeof(m->error));
	return true;
}

size_t qemu_migrate_log_read(const char *path, struct qemu_migration *list, size_t max)
{
	FILE *f = fopen(path, "re");
	char line[512];
	size_t n = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		qemu_migrate_log_line(line, list, &n, max);
	}
	fclose(f);
	return n;
}
