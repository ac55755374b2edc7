// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <unistd.h>

#include "l0/run/progress.h"
#include "l0/sys/util.h"

static int tty = -1;		/* -1: not asked yet */
static bool shown;
static double last;

void progress_tick(unsigned done, size_t total, double t0, bool force)
{
	double now = clock_now_s();

	if (tty < 0)
		tty = isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
	if (!tty || (!force && shown && now - last < 1.0) || done >= total)
		return;
	last = now;
	fprintf(stderr, "\r\033[Knestlab: %u of %zu scenarios done, %.0f s elapsed", done, total,
		now - t0);
	fflush(stderr);
	shown = true;
}

void progress_clear(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	shown = false;
}
