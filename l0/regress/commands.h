/* SPDX-License-Identifier: GPL-2.0-only */
/* nestlab's commands beyond list/run/table; each takes argv from its own name on. */
#ifndef L0_COMMANDS_H
#define L0_COMMANDS_H

int cmd_compare(int argc, char **argv);	/* l0/regress/compare_cmd.c */
int cmd_report(int argc, char **argv);	/* l0/regress/report.c */
int cmd_merge(int argc, char **argv);	/* l0/regress/merge.c */
int cmd_bisect(int argc, char **argv);	/* l0/regress/bisect_cmd.c */
int cmd_kernels(int argc, char **argv);	/* l0/regress/bisect_cmd.c */

#endif
