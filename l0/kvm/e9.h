/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_E9_H
#define L0_E9_H

/* Writes the files' bytes to port 0xe9; 0, or 2 with a message. */
int e9_copy(int n, char **files);

#endif
