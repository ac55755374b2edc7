/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab's exit statuses, the only ones it returns.
 *
 * The rule: only a command's main returns one of these. That is main() and the
 * functions main() hands its argv to (cmd_list, cmd_run, cmd_table in l0/main.c;
 * cmd_compare, cmd_report, cmd_merge, cmd_bisect, cmd_kernels in l0/regress;
 * e9_copy in l0/kvm): each prints the one line the user sees and returns its status.
 * Every function below them returns 0 (or a count) or -errno, and fills a struct diag
 * (l0/sys/diag.h) with the reason when it has one to tell. The one exception is running
 * out of memory (l0/sys/util.c): the x*() allocators cannot fail, they end the process
 * with EXIT_USAGE.
 */
#ifndef L0_EXIT_STATUS_H
#define L0_EXIT_STATUS_H

/*
 * run's statuses follow `git bisect run`: 0 good, 1 bad, 125 cannot test (skip), and
 * anything above 127 aborts the bisection:
 *   0   every scenario PASS or SKIP                                  (good)
 *   1   a FAIL or CRASH, or an ERROR/TIMEOUT beside judged verdicts  (bad)
 *   125 nothing could be judged: the back end failed once running (a lab that does not
 *       boot, a kernel without KVM), or every scenario ERROR or TIMEOUT (skip)
 *   2   a usage error, found before anything ran: the same on every commit, so fix the
 *       command line (git bisect would take it as bad)
 *   130 interrupted (git bisect run aborts: above 127)
 * compare and bisect use 0, 1, 125 with their own meanings (compare.h, bisect_cmd.c).
 */
#define EXIT_OK			0	/* all PASS/SKIP; compare: no regression */
#define EXIT_FAILED		1	/* any FAIL/CRASH (ERROR/TIMEOUT beside judged ones); compare: a regression */
#define EXIT_USAGE		2	/* a usage error (before anything ran) */
#define EXIT_NO_KVM		125	/* run --lab-kernel: its configuration has no KVM (git bisect run: skip) */
#define EXIT_INCOMPARABLE	125	/* compare: scenarios, backend or CPU model differ */
#define EXIT_UNTESTABLE		125	/* run: nothing judged (git bisect run: skip this commit) */
#define EXIT_INTERRUPTED	130	/* SIGINT or SIGTERM */

#endif
