/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every option of `nestlab run`, and every word of the guest command line, in one table.
 * The runner generates its long options, its usage text and its range checks from it, and
 * the guest command line it passes to L1 (x86) or the s390x image; the guests parse that
 * line with lib/guest_cmdline.c, over the same table. A limit is stated here and nowhere
 * else.
 *   X(ID, "long option", short, TYPE, min, max, "guest key", "ARG", "help")
 * long option NULL: the guest's only (the runner sets it itself).
 * guest key NULL: the runner's only. On the guest command line an option is
 *   <guest key>=<value>   (FLAG: <guest key>=1)
 * TYPE:
 *   FLAG    no value
 *   UINT    a decimal number from min to max
 *   TEXT    any non-empty text (no blanks on the guest command line)
 *   CHOICE  one of the words ARG lists, '|'-separated (BACKEND: the back-end table's)
 *   SPECIAL the runner parses its ARG itself (I/N, NAME=VAL); min..max bound its numbers
 * help: one or more lines, '\n'-separated; the usage text adds ARG and, for UINT and
 * SPECIAL, the range "(min-max)".
 * Order: the usage text's, and the guest command line's (run=..., then iters, warmup,
 * delay, raw, pause, break, as the runner has always written it).
 */
#ifndef LIB_RUN_OPTIONS_H
#define LIB_RUN_OPTIONS_H

#include "lib/types.h"

#define RUN_OPTIONS(X)										\
	X(BACKEND, "backend", 0, CHOICE, 0, 0, NULL, NULL,					\
	  "L0 to boot L1 on (default auto: the best one installed);\n"				\
	  "qemu-tcg: QEMU TCG -cpu max, L1 on AMD SVM with nested paging;\n"			\
	  "lab-vmx, lab-svm: real KVM (kvm_intel in Bochs, kvm_amd in QEMU TCG)\n"		\
	  "as L0 with nestlab's kvm back end inside; -qemu: QEMU -accel kvm inside\n"		\
	  "qemu-s390x runs the s390x image and its own scenarios (list --backend qemu-s390x)")	\
	X(MODEL, "model", 0, CHOICE, 0, 0, NULL, "haswell|skylake|ryzen",			\
	  "CPU model Bochs offers L1: haswell (default), skylake (Intel, L1 on VMX)\n"		\
	  "or ryzen (AMD, L1 on SVM)")								\
	X(JOBS, "jobs", 'j', UINT, 1, 64, NULL, "N",						\
	  "jobs (boots) in parallel, scenarios split round-robin (default 1)")			\
	X(TIMEOUT, "timeout", 0, UINT, 1, 86400, NULL, "SEC",					\
	  "host wall-clock limit per job in seconds (default 300)")				\
	X(RESULTS, "results", 0, TEXT, 0, 0, NULL, "DIR",					\
	  "results root (default results); the run goes to DIR/<run-id>")			\
	X(IMAGE, "image", 0, TEXT, 0, 0, NULL, "PATH",						\
	  "L1 image (default <nestlab dir>/../l1/l1.elf; --boot efi:\n"				\
	  "<nestlab dir>/../efi/BOOTX64.EFI)")							\
	X(TAP, "tap", 0, FLAG, 0, 0, NULL, NULL,						\
	  "TAP version 13 on stdout")								\
	X(ALL, "all", 0, FLAG, 0, 0, NULL, NULL,						\
	  "select debug/ scenarios too")							\
	X(ITERS, "iters", 0, UINT, 1, 1024, "iters", "N",					\
	  "measured iterations per scenario (default: the scenario's)")				\
	X(WARMUP, "warmup", 0, UINT, 0, 64, "warmup", "N",					\
	  "iterations run before the measurement window (default 8)")				\
	X(INJECT_DELAY, "inject-delay", 0, UINT, 0, 1000000, "delay", "N",			\
	  "L1 runs N extra instructions on every exit (known answer)")				\
	X(RAW, "raw", 0, FLAG, 0, 0, "raw", NULL,						\
	  "keep every sample: results.json latency.samples (compare needs them)")		\
	X(EDGE_PAUSE, NULL, 0, CHOICE, 0, 0, "pause", "pvpanic",				\
	  "stop the VM through pvpanic at each window edge (qemu-kvm reads KVM's\n"		\
	  "statistics over QMP there)")								\
	X(QEMU_MIGRATE, NULL, 0, TEXT, 0, 0, "qmigrate", "PLAN",				\
	  "qemu-kvm: --migrate PLAN, counted over L1's exits from L2; at each point\n"	\
	  "L1 asks QEMU for a migration through pvpanic (docs/migration-qemu.md)")		\
	X(BREAK, "break", 0, TEXT, 0, 0, "break", "NAME",					\
	  "make NAME's expected exit counts wrong: NAME must FAIL")				\
	X(JUNIT, "junit", 0, TEXT, 0, 0, NULL, "FILE",						\
	  "also write JUnit XML to FILE")							\
	X(SHARD, "shard", 0, SPECIAL, 1, 1024, NULL, "I/N",					\
	  "run only the I-th of N deterministic parts of the selection\n"			\
	  "(I and N within the range)")			\
	X(ICOUNT, "icount", 0, CHOICE, 0, 0, NULL, "on|off",					\
	  "qemu-tcg, lab-svm: on (default) the TSC counts instructions, repeatably;\n"		\
	  "off: TCG's host-clock TSC")								\
	X(COUNT_PASS, "count-pass", 0, CHOICE, 0, 0, NULL, "on|off",				\
	  "kvm, qemu-kvm, lab-*: on (default) runs the job twice, timing with no\n"		\
	  "KVM tracepoint on and counting exits by reason in a separate traced pass;\n"	\
	  "off: the timing pass alone (no l0 exits by reason)")					\
	X(BOOT, "boot", 0, CHOICE, 0, 0, NULL, "bios|efi",					\
	  "bios (default): multiboot; efi: L1's EFI build under OVMF (qemu-tcg,\n"		\
	  "qemu-kvm, lab-vmx-qemu; NESTLAB_OVMF=FILE or CODE,VARS picks the firmware)")		\
	X(L0_PARAM, "l0-param", 0, SPECIAL, 1, 8, NULL, "NAME=VAL[,...]",			\
	  "lab-*: load kvm_intel (lab-vmx) or kvm_amd (lab-svm) with these\n"			\
	  "parameters (ept=0,vpid=0; npt=0,vgif=0); give it several times (as many as\n"	\
	  "the range says) for a matrix: one run and results directory per set")		\
	X(KVM_MODULES, "kvm-modules", 0, TEXT, 0, 0, NULL, "DIR",				\
	  "lab-*: load kvm.ko, kvm-intel.ko, kvm-amd.ko (and irqbypass.ko if there)\n"	\
	  "from DIR instead of the lab kernel's own; scripts/kvm-modules builds them\n"	\
	  "(README, \"Reproducing and fixing a KVM bug\")")					\
	X(LAB_KERNEL, "lab-kernel", 0, TEXT, 0, 0, NULL, "PATH",				\
	  "lab-*: boot this kernel: a build tree (arch/x86/boot/bzImage, .config,\n"		\
	  "its KVM modules) or a bzImage with its config and modules beside it\n"		\
	  "(README, \"Your own kernel in the lab\"); no KVM in its config: exit 3")		\
	X(ATTRIBUTE, "attribute", 0, CHOICE, 0, 0, NULL, "on|off",				\
	  "lab-*: on (default) re-runs each FAIL on the bare emulators (Bochs;\n"		\
	  "SVM: QEMU TCG and Bochs ryzen) and labels it L0, emulator or both")			\
	X(KCIDB, "kcidb", 0, TEXT, 0, 0, NULL, "FILE",						\
	  "also write the run as KernelCI KCIDB JSON (schema 5.3) to FILE")			\
	X(COVERAGE, "coverage", 0, FLAG, 0, 0, "cov", NULL,					\
	  "an L1 built with make COVERAGE=1 sends its gcov counters at the end;\n"		\
	  "the run leaves coverage/lcov.info and coverage/html (docs/coverage.md)")	\
	X(MIGRATE, "migrate", 0, TEXT, 0, 0, NULL, "every-exit|every=N|random:SEED|at=N",	\
	  "kvm, lab-vmx, lab-svm: migrate L1 into a fresh VM and vCPU (every piece\n"		\
	  "of state, memory included) at the VMM's exits: each one, every N-th,\n"		\
	  "random ones drawn from SEED, or only the N-th (README, \"Migration\n"		\
	  "testing\"); qemu-kvm, lab-*-qemu (not at=N):\n"					\
	  "QEMU's own migration to a file and a new QEMU, at L1's exits from L2\n"		\
	  "(docs/migration-qemu.md)")								\
	X(LAB_JOBS, "lab-jobs", 0, UINT, 1, 8, NULL, "N",					\
	  "lab-*: jobs the nestlab inside the lab runs at once (default 1); their\n"		\
	  "consoles come back as one")

enum run_option_type { RUNOPT_FLAG, RUNOPT_UINT, RUNOPT_TEXT, RUNOPT_CHOICE, RUNOPT_SPECIAL };

enum run_option {
#define X(id, name, sh, type, min, max, key, arg, help) RUNOPT_##id,
	RUN_OPTIONS(X)
#undef X
	RUNOPT_COUNT
};

/* RUNOPT_<ID>_MIN and _MAX: the limits as constants, for array sizes and defaults. */
enum {
#define X(id, name, sh, type, min, max, key, arg, help) RUNOPT_##id##_MIN = (min), RUNOPT_##id##_MAX = (max),
	RUN_OPTIONS(X)
#undef X
};

struct run_option_info {
	const char *name;		/* long option without "--"; NULL: guest only */
	char short_name;		/* 'j', or 0 */
	enum run_option_type type;
	u32 min, max;
	const char *guest_key;		/* NULL: the runner's only */
	const char *arg;		/* "N", or CHOICE's words "on|off" */
	const char *help;
};

extern const struct run_option_info run_option_table[RUNOPT_COUNT];

#endif
