/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A progress line for long runs, on stderr and only when it is a terminal:
 *   nestlab: 3 of 24 scenarios done, 12 s elapsed
 * redrawn in place; cleared before each verdict line so output stays clean.
 */
#ifndef L0_PROGRESS_H
#define L0_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Draws or redraws the line for done of total scenarios since t0 (clock_now_s()), at most
 * once a second unless forced. Knows nothing of the runner: it calls nothing above it.
 */
void progress_tick(unsigned done, size_t total, double t0, bool force);
/* Erases the line before something else is printed on the terminal. */
void progress_clear(void);

#endif
