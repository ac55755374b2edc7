/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One struct of operations per L0 the runner can boot L1 on. Optional
 * operations are NULL. A job is a list of scenarios run in one boot of L1.
 */
#ifndef L0_BACKEND_H
#define L0_BACKEND_H

#include <stdbool.h>
#include <sys/types.h>

#include "l0/run/session.h"
#include "l0/sys/diag.h"

struct run_opts {
	const struct backend *be;
	const char *model;		/* "haswell", "skylake", "ryzen" */
	unsigned jobs;			/* parallel jobs */
	unsigned lab_jobs;		/* lab-*: the inner nestlab's jobs; 0: not given (1) */
	unsigned timeout_s;		/* per job, host wall clock */
	unsigned iters;			/* 0: each scenario's own */
	unsigned warmup;		/* warm-up iterations, when warmup_set */
	bool warmup_set;
	unsigned inject_delay;		/* extra instructions on L1's exit path (known answer) */
	bool raw;			/* L1 prints every sample; results.json keeps them */
	bool coverage;			/* L1 sends its gcov counters: <run>/coverage (docs/coverage.md) */
	unsigned shard_i, shard_n;	/* --shard I/N; shard_n 0: not sharded */
	const char *junit;		/* --junit FILE, or NULL */
	const char *break_name;		/* scenario whose expectations L1 breaks, or NULL */
	const char *image;		/* L1 image, absolute path */
	const char *l0_params;		/* "ept=0,vpid=0": module parameters an L0 with KVM loads */
	const char *kvm_modules;	/* --kvm-modules DIR (absolute): the lab's KVM modules */
	const char *lab_kernel;		/* --lab-kernel PATH (absolute): the lab boots it */
	bool attribute_off;		/* --attribute off: a lab's FAILs are not re-run bare */
	bool quiet;			/* no verdict lines, no TAP (attribution's bare re-runs) */
	const char *kcidb;		/* --kcidb FILE, or NULL */
	const char *migrate;		/* --migrate PLAN (l0/kvm/migrate_plan.h), or NULL */
	int multiboot;			/* 1 or 2: the image's header */
	const char *results;		/* results root */
	const char *srcdir;		/* source tree (git revision), or NULL */
	bool icount_off;		/* qemu-tcg: --icount off (host-clock TSC) */
	bool boot_efi;			/* --boot efi: L1's EFI build through OVMF (l0/backend/efi.c) */
	bool count_off;			/* --count-pass off: KVM back ends time only, no counting pass */
	bool tap, colour;
};

struct job {
	int k;				/* job-<k>: retries get new numbers */
	const struct run_opts *o;
	char *dir;			/* <run dir>/job-<k> */
	char *console;			/* file the L1 console goes to */
	/* The file the emulator writes the console to while it runs, when collect() builds
	 * console from it afterwards (NULL: console itself); over console_raw_max bytes it
	 * ends the job as SESSION_CAPPED. */
	char *console_raw;
	u64 console_raw_max;
	bool console_cut;		/* collect() met more than it takes: SESSION_CAPPED */
	/* The L0's own channel, a file the guest cannot write (NULL: the L0 writes no
	 * records): the VMM's records (lib/record_types.h writer L0). */
	char *l0_records;
	struct scn_result **scn;	/* scenarios, in run order */
	size_t n;
	pid_t pid;			/* emulator process group; 0 when none */
	double deadline;		/* monotonic seconds */
	int console_fd, l0_fd;
	enum session_end how;
	struct session sess;
	unsigned cov_files;		/* --coverage: .gcda files L1 sent (l0/run/coverage.c) */
};

struct backend {
	const char *name;		/* "bochs" */
	/* Can it run here? 0, or -errno with why naming the fix. */
	int (*probe)(const struct run_opts *o, struct diag *why);
	/* What the results call the L0: "bochs 2.7". Malloc'd. */
	char *(*version)(const struct run_opts *o);
	/* The CPU model it emulates for L1, or NULL. */
	const char *(*cpu_model)(const struct run_opts *o);
	/* Writes the job's files in j->dir and boots L1: sets j->pid, j->console. */
	int (*start)(struct job *j, struct diag *why);
	/* Ends the job's process group and reaps it. */
	void (*stop)(struct job *j);
	/* L0 lines that explain a failed run (malloc'd array of malloc'd lines). */
	size_t (*diagnose)(struct job *j, char ***lines);
	/* After the job's process ended, before its console is read for the last time:
	 * a back end whose L1 console comes out of another machine puts it in place. */
	void (*collect)(struct job *j);
	/* What the L0 booted, by hash: a JSON object's text (the lab's kernel package, kernel and
	 * modules: scripts/lab-build's kernel-inputs), malloc'd; NULL: nothing to name. */
	char *(*inputs)(const struct run_opts *o);
	/* The L0's settings as this job saw them ("kvm_intel nested=Y ept=Y ..."), malloc'd. */
	char *(*params)(struct job *j);
	bool emulator;			/* L1 on bare metal: no L1->L0 exits */
	bool l0_params;			/* takes --l0-param: it loads KVM's module itself */
	bool migrate;			/* takes --migrate: kvm, lab-*: nestlab's VMM; qemu-kvm: QEMU's */
	/* --boot efi: boots L1's EFI build through OVMF. false: it refuses (no UEFI firmware). */
	bool efi;
	/* Another architecture's image (s390x/): its own scenario registry, never "auto". NULL: x86 L1. */
	const char *arch;
	/* Finds (given NULL: the default) and checks the image; prints the one line and fails itself. */
	int (*check_image)(struct run_opts *o, const char *given, char *abs);
};

extern const struct backend backend_bochs;
extern const struct backend backend_qemu_s390x;
extern const struct backend backend_kvm;
extern const struct backend backend_lab_vmx;
extern const struct backend backend_lab_vmx_qemu;
extern const struct backend backend_lab_svm;
extern const struct backend backend_lab_svm_qemu;
extern const struct backend backend_qemu_kvm;
extern const struct backend backend_qemu_tcg;

/*
 * The version number a tool prints after banner when run with option ("--version"):
 * "7.2.22", or "" when it says none. Malloc'd.
 */
char *backend_tool_version(const char *bin, const char *option, const char *banner);
/* Writes argv to path as one shell-quoted line: how a job ran, to repeat by hand. */
void backend_write_cmd(const char *path, char *const argv[]);
/* stop() of every back end whose job is one process group: ends it and reaps the leader. */
void backend_stop_group(struct job *j);
/*
 * diagnose() helper: appends to *lines (n already there, at most max in all) the lines of
 * j->dir/file, read up to max_bytes, that keep() accepts (NULL: every non-empty line),
 * escaped. Returns the new count.
 */
size_t backend_log_lines(struct job *j, const char *file, size_t max_bytes, bool (*keep)(const char *line),
			 size_t max, char ***lines, size_t n);

/* The i-th back end of the table, best first (i from 0); NULL past its end. */
const struct backend *backend_at(size_t i);
/* Named backend, "auto" for the best that probes fine (note says which). */
const struct backend *backend_find(const char *name);
/* The architecture whose scenarios the named backend runs: NULL for x86 (and unknown names). */
const char *backend_arch(const char *name);
int backend_auto(struct run_opts *o, struct diag *why, struct diag *note);

#endif
