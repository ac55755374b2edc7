// SPDX-License-Identifier: GPL-2.0-only
#include "l1/qemu_migrate.h"
#include "l1/console.h"
#include "lib/guest_migrate.h"
#include "x86/io.h"
#include "x86/ports.h"

static struct guest_migrate plan;

void qemu_migrate_init(const char *text)
{
	if (!guest_migrate_parse(&plan, text))
		console_printf("INFO: qmigrate=%s: not every-exit, every=N or random:SEED: no migration\n", text);
}

void qemu_migrate_point(void)
{
	if (!guest_migrate_due(&plan))
		return;
	outb(PVPANIC_PORT, PVPANIC_CRASH_LOADED);	/* the next pause is a migration point */
	if (plan.kind == GUEST_MIGRATE_RANDOM) {	/* asynchronous: QEMU stops the VM where it is */
		outb(PVPANIC_PORT, PVPANIC_CRASH_LOADED);
		return;
	}
	outb(PVPANIC_PORT, PVPANIC_PANICKED);		/* QEMU stops the VM here until `cont` */
}
