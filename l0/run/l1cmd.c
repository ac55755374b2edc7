// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/backend.h"
#include "l0/run/l1cmd.h"
#include "l0/run/runopt.h"
#include "l0/run/scenario.h"
#include "lib/selection.h"

void job_selection_write(FILE *f, const struct job *j)
{
	static char word[SELECTION_TEXT_MAX];
	const struct scenario_info *list[SELECTION_MAX];
	size_t len = 0, i;

	for (i = 0; i < j->n; i++)
		len += strlen(j->scn[i]->info->name) + 1;
	if (len > SCENARIO_NAMES_MAX && j->n <= SELECTION_MAX) {
		for (i = 0; i < j->n; i++)
			list[i] = j->scn[i]->info;
		if (scenario_selection_word(list, j->n, word, sizeof(word))) {
			fputs(word, f);
			return;
		}
	}
	for (i = 0; i < j->n; i++)
		fprintf(f, "%s%s", i ? "," : "", j->scn[i]->info->name);
}

char *l1_cmdline(const struct job *j)
{
	char *args = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&args, &len);

	if (!f)
		return NULL;
	fputs("run=", f);
	job_selection_write(f, j);
	runopt_words(f, j, RUNOPT_GUEST);
	if (fclose(f)) {
		free(args);
		return NULL;
	}
	return args;
}
