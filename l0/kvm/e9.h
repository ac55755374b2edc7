/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef L0_E9_H
#define L0_E9_H

/* nestlab e9's main: writes the files' bytes to port 0xe9; EXIT_OK, or EXIT_USAGE with a message. */
int e9_copy(int n, char **files);

#endif
