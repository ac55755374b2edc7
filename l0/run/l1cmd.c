// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/backend.h"
#include "l0/run/l1cmd.h"
#include "l0/run/scenario.h"

char *l1_cmdline(const struct job *j)
{
	char *args = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&args, &len);

	if (!f)
		return NULL;
	fputs("run=", f);
	for (i = 0; i < j->n; i++)
		fprintf(f, "%s%s", i ? "," : "", j->scn[i]->info->name);
	if (j->o->iters)
		fprintf(f, " iters=%u", j->o->iters);
	if (j->o->warmup_set)
		fprintf(f, " warmup=%u", j->o->warmup);
	if (j->o->inject_delay)
		fprintf(f, " delay=%u", j->o->inject_delay);
	if (j->o->raw)
		fputs(" raw=1", f);
	if (j->o->be == &backend_qemu_kvm)
		fputs(" pause=pvpanic", f);	/* QMP reads KVM's statistics at the edges */
	for (i = 0; j->o->break_name && i < j->n; i++)
		if (!strcmp(j->o->break_name, j->scn[i]->info->name))
			fprintf(f, " break=%s", j->o->break_name);
	if (fclose(f)) {
		free(args);
		return NULL;
	}
	return args;
}
