/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * qemu-kvm's --migrate: QEMU's own migration, to a file and into a new QEMU, at the points
 * L1 asks for (l1/qemu_migrate.h: pvpanic "crash loaded", then "panicked"). QEMU, run with
 * -action panic=pause, stops the VM; the QMP monitor (l0/backend/qmp.c) sees
 * GUEST_CRASHLOADED before that pause and, instead of reading statistics:
 *   migrate {"uri": "exec:cat > qemu-migration.bin"} (QEMU 7.2 has no file: URI), polls
 *   query-migrate until "completed" or "failed", logs it, writes qemu-migrate.next and quits
 *   QEMU. A refusal (an error reply, a blocker, "failed") is logged with QEMU's words and the
 *   VM goes on (`cont`) in the same QEMU.
 * The supervisor (l0/backend/qemu_kvm.c) finds qemu-migrate.next once QEMU has exited and
 * starts a new QEMU with the same command line, the serial appending to the same file and
 * -incoming defer; its monitor gives it the file (migrate-incoming "exec:cat ..."), waits
 * until query-status leaves "inmigrate", logs it, and resumes it with `cont`: L1 goes on
 * from its pvpanic write. The tracefs instance of the counting pass spans every QEMU of the
 * pass (each new monitor gives it the new vCPU threads); the window edges go on numbered.
 * The log, qemu-migrations.txt, one line per side:
 *   out K edge E asked A serial BYTES us US status STATUS [error TEXT]
 *   in K us US total_us US status STATUS [error TEXT]
 * K from 1; E the window edges done before, A when L1 asked (L1's pvpanic writes fell
 * there); BYTES the console's size at the pause (where
 * the scenario is); out us: migrate to completed; in us: migrate-incoming to running;
 * total_us: L1's pause to the new QEMU's `cont`.
 */
#ifndef L0_BACKEND_QEMU_MIGRATE_H
#define L0_BACKEND_QEMU_MIGRATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "l0/backend/qmp.h"

#define QEMU_MIGRATE_FILE	"qemu-migration.bin"
#define QEMU_MIGRATE_LOG	"qemu-migrations.txt"
#define QEMU_MIGRATE_NEXT	"qemu-migrate.next"
#define QEMU_MIGRATE_SERIAL	"qemu-serial.log"
#define QEMU_MIGRATE_ERROR_MAX	200
#define QEMU_MIGRATE_MAX	4096	/* migrations one pass logs that collect reads */


/* Monitor, the old QEMU, stopped at a migration point: 1 migrated (QEMU quits), 0 refused
 * (logged; the caller resumes the VM), -errno when QMP broke. */
int qemu_migrate_out(struct qmp *q, struct qmp_migrate *m);
/* Monitor, the new QEMU: takes the file in; 0, or -errno (logged; QEMU is told to quit). */
int qemu_migrate_in(struct qmp *q, struct qmp_migrate *m);

/* Supervisor, after a QEMU exited: was it migrated out? Then m is set for the incoming one
 * (and the file removed). */
bool qemu_migrate_pending(struct qmp_migrate *m);
/* The new QEMU's argv into out (max entries, NULL-terminated): argv with "-serial
 * file:qemu-serial.log" appending, and -incoming defer. -E2BIG when it does not fit. */
int qemu_migrate_argv(char *const argv[], const char **out, size_t max);
/* Supervisor, after an incoming QEMU exited: did it take migration m->count in? Else why
 * holds the error it logged, or "" when it logged none (it died). */
bool qemu_migrate_taken(const struct qmp_migrate *m, char *why, size_t size);
/* Supervisor: the new QEMU died before it took migration m->count in: logged with why. */
void qemu_migrate_lost(struct qmp_migrate *m, const char *why);

/* query-migrate's reply: 1 completed, 0 still going, -1 failed or cancelled (err: QEMU's
 * error-desc), -2 not a reply. */
struct json_object;
int qemu_migrate_status(struct json_object *reply, char *err, size_t size);

/* One migration as logged: both sides. */
struct qemu_migration {
	unsigned k, edge, asked_edge;
	unsigned long long serial, out_us, in_us, total_us;
	bool out_done, in_done;		/* each side's status "completed" */
	bool has_in;
	char status[24];		/* the last side's status */
	char error[QEMU_MIGRATE_ERROR_MAX];
};
/* One log line into list (n entries so far; a new K appends); false: not a log line. */
bool qemu_migrate_log_line(const char *line, struct qemu_migration *list, size_t *n, size_t max);
/* The whole log at path into list: how many. */
size_t qemu_migrate_log_read(const char *path, struct qemu_migration *list, size_t max);

#endif
