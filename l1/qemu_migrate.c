// SPDX-License-Identifier: GPL-2.0-only
#include "l1/qemu_migrate.h"
#include "l1/console.h"
#include "l1/hv.h"
#include "lib/guest_migrate.h"
#include "x86/io.h"
#include "x86/ports.h"

static struct guest_migrate plan;

void qemu_migrate_init(const char *text)
{
	if (!guest_migrate_parse(&plan, text))
		console_printf("INFO: qmigrate=%s: not every-exit, every=N or random:SEED: no migration\n", text);
}

void qemu_migrate_setup(void)
{
	if (plan.kind == GUEST_MIGRATE_RANDOM && hv->io_pass)
		hv->io_pass(PVPANIC_PORT);	/* L2's own asks reach QEMU */
}

void qemu_migrate_point(struct l2_ctx *c)
{
	if (!guest_migrate_due(&plan))
		return;
	if (plan.kind == GUEST_MIGRATE_RANDOM) {	/* L2 asks, at its next iteration */
		c->qmigrate = 1;
		return;
	}
	outb(PVPANIC_PORT, PVPANIC_CRASH_LOADED);	/* the next pause is a migration point */
	outb(PVPANIC_PORT, PVPANIC_PANICKED);		/* QEMU stops the VM here until `cont` */
}
