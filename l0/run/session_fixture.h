/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * For the session tests: a console built of records as L1 prints them (lib/record.c)
 * and a session over cpuid/exit, vmcall/exit and hlt/exit fed with it.
 */
#ifndef L0_SESSION_FIXTURE_H
#define L0_SESSION_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "l0/run/session.h"

#define SESSION_TEST_CON (1 << 16)
extern char con[SESSION_TEST_CON];
extern size_t conlen;

struct fixture {
	struct scn_result res[3];
	struct scn_result *ptr[3];
	struct run_env env;
	struct session s;
	unsigned done;
	const char *early;
};

void emit_raw(const char *s, size_t n);
/* A human line. */
void human(const char *line);
/* emit("exit", "name", "cpuid/exit", "reason", "CPUID", NULL): one record. */
void emit(const char *type, ...) __attribute__((sentinel));
/* con = begin, features, an MSR. */
void preamble(void);
/* cpuid/exit from scenario to result with iters iterations. */
void good_cpuid(const char *iters);
void setup(struct fixture *f);
/* setup(), con fed whole or byte by byte, session_finish(how). */
void run(struct fixture *f, bool bytewise, enum session_end how, char *const *diag, size_t ndiag);
void teardown(struct fixture *f);
bool contains(const char *hay, const char *needle);

#endif
