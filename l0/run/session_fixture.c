// SPDX-License-Identifier: GPL-2.0-only
/* The canned console and the three-scenario session the session tests share. */
#include <stdarg.h>
#include <string.h>

#include "lib/record.h"
#include "l0/run/session_fixture.h"

char con[SESSION_TEST_CON];
size_t conlen;

void emit_raw(const char *s, size_t n)
{
	memcpy(con + conlen, s, n);
	conlen += n;
}

void human(const char *line)
{
	emit_raw(line, strlen(line));
	emit_raw("\n", 1);
}

/* emit("exit", "name", "cpuid/exit", "reason", "CPUID", NULL) */
void emit(const char *type, ...)
{
	struct record r;
	const char *k, *line;
	va_list ap;

	record_begin(&r, type);
	va_start(ap, type);
	while ((k = va_arg(ap, const char *)))
		record_str(&r, k, va_arg(ap, const char *));
	va_end(ap);
	line = record_end(&r);
	emit_raw(line, strlen(line));
}

void preamble(void)
{
	conlen = 0;
	emit("begin", "v", "1", "arch", "x86", "cpu", "GenuineIntel", "brand", "Intel(R) Core(TM) i7-4770",
	     "boot", "multiboot", "cmdline", "/boot/l1.elf run=cpuid/exit", NULL);
	human("vmx: features:");
	emit("feature", "name", "ept", "value", "1", NULL);
	emit("feature", "name", "posted_interrupts", "value", "0", "detail", "pin-based bit 7", NULL);
	emit("msr", "name", "IA32_VMX_BASIC", "index", "0x480", "value", "0xd810000000002b", NULL);
}

void good_cpuid(const char *iters)
{
	emit("scenario", "name", "cpuid/exit", "index", "1", "of", "2", NULL);
	emit("exit", "name", "cpuid/exit", "level", "l1", "reason", "CPUID", "count", iters, NULL);
	emit("exit", "name", "cpuid/exit", "level", "l1", "reason", "VMCALL", "count", "1", NULL);
	emit("latency", "name", "cpuid/exit", "unit", "cycles", "n", iters, "warmup", "8", "min", "800",
	     "median", "812", "p90", "830", "p99", "900", "max", "1200", "mean", "815", "stddev", "20", NULL);
	emit("hist", "name", "cpuid/exit", "b9", "60", "b10", "4", NULL);
	human("PASS: vmx: cpuid/exit: exits CPUID: 64 (want 64)");
	emit("check", "name", "cpuid/exit", "status", "PASS", "what", "exits CPUID: 64 (want 64)", NULL);
	emit("result", "name", "cpuid/exit", "verdict", "PASS", "iterations", iters, NULL);
}

static void on_done(struct scn_result *r, void *arg)
{
	struct fixture *f = arg;

	(void)r;
	f->done++;
}

void setup(struct fixture *f)
{
	static const char *const names[] = { "cpuid/exit", "vmcall/exit", "hlt/exit" };
	int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < 3; i++) {
		f->res[i].info = scenario_find(names[i]);
		f->res[i].job = -1;
		f->ptr[i] = &f->res[i];
	}
	session_init(&f->s, f->ptr, 3, 0, &f->env, on_done, f);
}

void run(struct fixture *f, bool bytewise, enum session_end how, char *const *diag, size_t ndiag)
{
	size_t i;

	setup(f);
	if (bytewise)
		for (i = 0; i < conlen; i++)
			session_feed(&f->s, con + i, 1);
	else
		session_feed(&f->s, con, conlen);
	f->early = session_finish(&f->s, how, how == SESSION_TIMEOUT ? "killed after 300 s" : NULL, diag, ndiag);
}

void teardown(struct fixture *f)
{
	int i;

	session_free(&f->s);
	for (i = 0; i < 3; i++)
		scn_result_free(&f->res[i]);
	run_env_free(&f->env);
}

bool contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle);
}

