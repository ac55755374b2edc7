/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab's exit statuses, the only ones it returns.
 *
 * The rule: only a command's main returns one of these. That is main() and the
 * functions main() hands its argv to (cmd_list, cmd_run, cmd_table in l0/main.c;
 * cmd_compare, cmd_report, cmd_merge in l0/regress;
 * e9_copy in l0/kvm): each prints the one line the user sees and returns its status.
 * Every function below them returns 0 (or a count) or -errno, and fills a struct diag
 * (l0/sys/diag.h) with the reason when it has one to tell. The one exception is running
 * out of memory (l0/sys/util.c): the x*() allocators cannot fail, they end the process
 * with EXIT_USAGE.
 */
#ifndef L0_EXIT_STATUS_H
#define L0_EXIT_STATUS_H

#define EXIT_OK			0	/* all PASS/SKIP; compare: no regression */
#define EXIT_FAILED		1	/* any FAIL/ERROR/CRASH/TIMEOUT; compare: a regression */
#define EXIT_USAGE		2	/* a usage or environment error */
#define EXIT_NO_KVM		3	/* run --lab-kernel: its configuration has no KVM */
#define EXIT_INCOMPARABLE	125	/* compare: scenarios, backend or CPU model differ */
#define EXIT_INTERRUPTED	130	/* SIGINT or SIGTERM */

#endif
