// SPDX-License-Identifier: GPL-2.0-only
/*
 * L0-side exit names on both ISAs: counter slots and their SDM/APM names, KVM's SVM names
 * read from a kvm:kvm_exit format (an excerpt of Linux 6.1's, as the SVM lab shows it), and
 * the window records l0_window_write() makes of SVM counts (edges out, APM names).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/test.h"
#include "l0/kvm/exit_codes.h"
#include "l0/kvm/kvm_trace.h"
#include "l0/kvm/l0_window.h"
#include "x86/svm_exit_codes.h"
#include "x86/vmx.h"

static const char format[] =
	"name: kvm_exit\n"
	"format:\n"
	"\tfield:unsigned int exit_reason;\toffset:8;\tsize:4;\tsigned:0;\n"
	"print fmt: \"vcpu %u reason %s%s%s rip 0x%lx\", REC->vcpu_id, (REC->isa == 1) ? "
	"__print_symbolic(REC->exit_reason & 0xffff, { 0, \"EXCEPTION_NMI\" }, { 10, \"CPUID\" }, "
	"{ 30, \"IO_INSTRUCTION\" }) : __print_symbolic(REC->exit_reason, { 0x000, \"read_cr0\" }, "
	"{ 0x040 + 13, \"GP excp\" }, { 0x040 + 14, \"PF excp\" }, { 0x060, \"interrupt\" }, "
	"{ 0x072, \"cpuid\" }, { 0x07b, \"io\" }, { 0x080, \"vmrun\" }, { 0x081, \"hypercall\" }, "
	"{ 0x400, \"npf\" }, { 0x402, \"avic_unaccelerated_access\" }, { 0x80000001, \"vmgexit_mmio_read\" }, "
	"{ -1, \"invalid_guest_state\" }), (REC->isa == 1 && REC->exit_reason & ~0xffff) ? \" \" : \"\", "
	"(REC->isa == 1) ? __print_flags(REC->exit_reason & ~0xffff, \" \", { 0x80000000, \"FAILED_VMENTRY\" }) "
	": \"\", REC->guest_rip\n";

static int64_t code_of(const struct kvm_exit_names *n, const char *name)
{
	return kvm_trace_name_code(n, name, strlen(name));
}

static void test_slots(void)
{
	CHECK(exit_slot(EXIT_ISA_VMX, EXIT_CPUID) == EXIT_CPUID, "VMX: a basic reason is its slot");
	CHECK(exit_slot(EXIT_ISA_VMX, 0x80000000u | EXIT_CPUID) == EXIT_CPUID, "VMX: flags are not the reason");
	CHECK(!strcmp(exit_slot_name(EXIT_ISA_VMX, EXIT_VMRESUME), "VMRESUME"), "VMX: SDM name");
	CHECK(exit_slot(EXIT_ISA_SVM, SVM_EXIT_IOIO) == SVM_EXIT_IOIO, "SVM: a low code is its slot");
	CHECK(exit_slot(EXIT_ISA_SVM, SVM_EXIT_NPF) == SVM_SLOT_HIGH, "SVM: NPF after the low codes");
	CHECK(exit_slot(EXIT_ISA_SVM, 0xffffffffu) == -1, "SVM: VMEXIT_INVALID has no slot");
	CHECK(exit_slot(EXIT_ISA_SVM, 0x80000001u) == -1, "SVM: SEV codes have no slot");
	CHECK(!strcmp(exit_slot_name(EXIT_ISA_SVM, exit_slot(EXIT_ISA_SVM, SVM_EXIT_NPF)), "NPF"), "SVM: NPF");
	CHECK(!strcmp(exit_slot_name(EXIT_ISA_SVM, SVM_EXIT_VMMCALL), "VMMCALL"), "SVM: VMMCALL");
	CHECK(!strcmp(exit_slot_name(EXIT_ISA_SVM, 0xa9), "<unknown>"), "SVM: a code the APM leaves out");
	CHECK(!strcmp(exit_slot_name(EXIT_ISA_SVM, TRACE_REASONS), "<unknown>"), "out of range");
}

static void test_names(void)
{
	char dir[] = "/tmp/nestlab-exit-codes-XXXXXX", path[128];
	struct kvm_exit_names n;
	FILE *f;

	if (!CHECK(mkdtemp(dir) != NULL, "mkdtemp"))
		return;
	snprintf(path, sizeof(path), "%s/events/kvm/kvm_exit", dir);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
		*p = 0;
		mkdir(path, 0755);
		*p = '/';
	}
	mkdir(path, 0755);
	strcat(path, "/format");
	f = fopen(path, "w");
	if (!CHECK(f != NULL, "write %s", path))
		return;
	fputs(format, f);
	fclose(f);
	CHECK(kvm_trace_svm_names(dir, &n) == 0 && n.n == 12, "12 SVM names (got %zu)", n.n);
	CHECK(code_of(&n, "io") == SVM_EXIT_IOIO, "io is IOIO");
	CHECK(code_of(&n, "hypercall") == SVM_EXIT_VMMCALL, "hypercall is VMMCALL");
	CHECK(code_of(&n, "GP excp") == SVM_EXIT_EXCP13, "\"0x040 + 13\" is EXCP13");
	CHECK(code_of(&n, "npf") == SVM_EXIT_NPF, "npf is NPF");
	CHECK(code_of(&n, "invalid_guest_state") == 0xffffffff, "-1 as 32 bits");
	CHECK(code_of(&n, "CPUID") == -1 && code_of(&n, "FAILED_VMENTRY") == -1, "no VMX names");
	CHECK(code_of(&n, "hyper") == -1, "whole names only");
	unlink(path);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK(system(path) == 0, "clean up");
}

static void test_window(void)
{
	static struct l0_counters at_open, at_close;
	char out[] = "/tmp/nestlab-window-XXXXXX", *text;
	int fd = mkstemp(out);
	long len;
	FILE *f;

	if (!CHECK(fd >= 0, "mkstemp"))
		return;
	at_open.have_trace = at_close.have_trace = true;
	at_open.isa = at_close.isa = EXIT_ISA_SVM;
	at_open.exits[SVM_EXIT_IOIO] = 5;		/* the opening OUT, and what came before */
	at_close.exits[SVM_EXIT_IOIO] = 6;		/* + the closing OUT */
	at_close.exits[SVM_EXIT_VMRUN] = 65;	/* 64 + the entry after the opening OUT */
	at_close.exits[SVM_EXIT_VMLOAD] = 130;	/* two per world switch */
	at_close.exits[SVM_EXIT_VMSAVE] = 65;
	at_close.exits[SVM_EXIT_STGI] = 1;	/* the edge's only: taken out, not below 0 */
	at_close.exits[SVM_EXIT_CPUID] = 128;	/* 64 of L1, 64 of L2 */
	at_close.nested[SVM_EXIT_CPUID] = 64;
	at_close.exits[SVM_EXIT_VMMCALL] = 1;	/* L2's closing hypercall */
	at_close.nested[SVM_EXIT_VMMCALL] = 1;
	at_close.exits[SVM_SLOT_HIGH] = at_close.nested[SVM_SLOT_HIGH] = 3;	/* NPF */
	l0_window_write(fd, "cpuid/exit", &at_open, &at_close, L0_WINDOW_EXITS | L0_WINDOW_STATS);
	close(fd);
	f = fopen(out, "r");
	text = calloc(1, 8192);
	len = f ? (long)fread(text, 1, 8191, f) : 0;
	if (f)
		fclose(f);
	unlink(out);
	CHECK(len > 0, "records written");
	CHECK(strstr(text, "level=l0 reason=CPUID count=64") != NULL, "l0 CPUID 64:\n%s", text);
	CHECK(strstr(text, "level=l0 reason=VMRUN count=64") != NULL, "l0 VMRUN 64, the edge out");
	CHECK(strstr(text, "level=l0_nested reason=CPUID count=64") != NULL, "l0_nested CPUID 64");
	CHECK(strstr(text, "level=l0_nested reason=NPF count=3") != NULL, "l0_nested NPF 3");
	CHECK(strstr(text, "level=l0 reason=VMLOAD count=128") != NULL, "l0 VMLOAD 128");
	CHECK(strstr(text, "level=l0 reason=VMSAVE count=64") != NULL, "l0 VMSAVE 64");
	CHECK(!strstr(text, "reason=IOIO") && !strstr(text, "reason=VMMCALL") && !strstr(text, "reason=STGI") &&
	      !strstr(text, "reason=CLGI"), "edges only: none left");
	free(text);
}

int main(void)
{
	test_slots();
	test_names();
	test_window();
	return test_done();
}
