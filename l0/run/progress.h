/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A progress line for long runs, on stderr and only when it is a terminal:
 *   nestlab: 3 of 24 scenarios done, 12 s elapsed
 * redrawn in place; cleared before each verdict line so output stays clean.
 */
#ifndef L0_PROGRESS_H
#define L0_PROGRESS_H

#include "l0/run/runner.h"

/* Draws or redraws the line (at most once a second unless forced). */
void progress_tick(struct run *r, bool force);
/* Erases the line before something else is printed on the terminal. */
void progress_clear(void);

#endif
