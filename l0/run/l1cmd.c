// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>

#include "l0/backend/backend.h"
#include "l0/run/l1cmd.h"
#include "l0/run/runopt.h"
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
	runopt_words(f, j, RUNOPT_GUEST);
	if (fclose(f)) {
		free(args);
		return NULL;
	}
	return args;
}
