/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * JUnit XML (--junit FILE) from a results document: one testsuite per run, one
 * testcase per scenario (classname nestlab.<family>); FAIL is a <failure>,
 * ERROR/CRASH/TIMEOUT an <error>, SKIP <skipped>. Written atomically.
 */
#ifndef L0_JUNIT_H
#define L0_JUNIT_H

#include <stdio.h>

struct json_object;

void junit_print(FILE *f, struct json_object *root);
/* 0 or -errno. */
int junit_write(struct json_object *root, const char *path);
struct run;
/* The run's results as JUnit XML into r->o->junit; prints why on failure; 0 or 2. */
int junit_write_run(const struct run *r);

#endif
