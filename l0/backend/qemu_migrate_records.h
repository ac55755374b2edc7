/* SPDX-License-Identifier: GPL-2.0-only */
/* qemu-kvm's --migrate: the migrations of a job as records (qemu_migrate_records.c). */
#ifndef L0_BACKEND_QEMU_MIGRATE_RECORDS_H
#define L0_BACKEND_QEMU_MIGRATE_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

/* The job's log (dir/qemu-migrations.txt) and the console it ties them to (text, len). */
void qemu_migrate_records_load(const char *dir, const char *text, size_t len);
/* The migrations L1 asked for inside window k (the timing pass's). */
unsigned qemu_migrate_records_asks(unsigned k);
/* Window k's closing statistics moved by each migration inside it (log: that pass's
 * migrations): plus the old QEMU's at the pause, less the new QEMU's before its `cont`
 * (both from the QMP statistics file stats), so that the window's change spans every
 * QEMU. false when one migration's statistics are missing. */
struct l0_counters;
bool qemu_migrate_records_span(const char *stats, const char *log, unsigned k, struct l0_counters *close);
/* The counting pass's trace: at each switch to a new QEMU's vCPU thread, the scenario
 * (the console rebuilt from writes to port com1) and whether the old vCPU left from L2. */
void qemu_migrate_records_trace(const char *trace, size_t len, unsigned com1);
/* The `migrate` record of scenario name, when migrations fell in it, to fd. */
void qemu_migrate_records_write(int fd, const char *name, const char *plan);

#endif
