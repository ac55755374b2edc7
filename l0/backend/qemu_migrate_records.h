/* SPDX-License-Identifier: GPL-2.0-only */
/* qemu-kvm's --migrate: the migrations of a job as records (qemu_migrate_records.c). */
#ifndef L0_BACKEND_QEMU_MIGRATE_RECORDS_H
#define L0_BACKEND_QEMU_MIGRATE_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

/* The job's log (dir/qemu-migrations.txt) and the console it ties them to (text, len). */
void qemu_migrate_records_load(const char *dir, const char *text, size_t len);
/* Did a migration fall inside window k (between edges 2k and 2k+1)? */
bool qemu_migrate_records_in_window(unsigned k);
/* The `migrate` record of scenario name, when migrations fell in it, to fd. */
void qemu_migrate_records_write(int fd, const char *name, const char *plan);

#endif
