/* SPDX-License-Identifier: GPL-2.0-only */
/* L1's command line (docs/records.md): run=a,b,c iters=N warmup=N delay=N raw=1 break=NAME
 * pause=pvpanic */
#ifndef L1_CMDLINE_H
#define L1_CMDLINE_H

#include "l1/scenario.h"

#define CMDLINE_MAX 2048

struct cmdline {
	char text[CMDLINE_MAX];		/* as received, for the begin record */
	const char *run;		/* comma-separated names, NULL: default suite */
	struct run_options opt;
};

void cmdline_parse(struct cmdline *c, const char *src);
/* Next name from a comma list into buf; returns the rest or NULL at the end. */
const char *cmdline_next_name(const char *list, char *buf, size_t size);

#endif
