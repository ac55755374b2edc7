/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One job's console: bytes in (while the emulator runs and after), per-scenario
 * results out. Guest output is untrusted: lines are capped at SESSION_LINE_MAX,
 * the whole console at SESSION_BYTES_MAX, and only valid records count.
 * A second feed is the L0's own channel (job-N/l0.records, which the guest cannot write):
 * the records lib/record_types.h gives to L0 come only from there, and wait, by the
 * scenario they name, for that scenario's result record on the console.
 */
#ifndef L0_SESSION_H
#define L0_SESSION_H

#include "lib/types.h"
#include "lib/verdict.h"
#include "l0/run/l0pass.h"
#include "l0/run/record.h"
#include "lib/record_types.h"
#include "l0/run/scenario.h"

struct cov_sink;

#define SESSION_LINE_MAX 4096
#define SESSION_BYTES_MAX (16u << 20)
#define SESSION_NOTES_MAX 16	/* kept per scenario; more are counted */
#define LATENCY_BUCKETS 64
#define SESSION_EXITS_MAX 512	/* distinct (level, reason) pairs per scenario */
#define SESSION_ITEMS_MAX 4096	/* checks, KVM statistics per scenario */
#define SESSION_EXIT_SLOTS 1024	/* open addressing: at most half full */

struct exit_count {
	char *level;		/* "l1" */
	char *reason;		/* SDM name: "CPUID" */
	u64 count;
};

struct check_result {
	char *status;		/* PASS FAIL SKIP */
	char *what;
};

struct latency {
	bool have, have_hist;
	char *unit;
	bool have_overhead;
	u64 n, warmup, min, median, p90, p99, max, mean, stddev;
	u64 overhead;			/* timing overhead already subtracted from every sample */
	u64 hist[LATENCY_BUCKETS];	/* hist[k]: samples with floor(log2 x) == k */
	u64 *samples;			/* raw (net) samples in run order, from `samples` records */
	size_t nsamples, samples_of;
};

struct scn_result {
	const struct scenario_info *info;
	enum verdict verdict;
	bool started;		/* a scenario record came in its last job */
	unsigned runs;		/* jobs it was put in */
	int job;		/* its last job */
	bool have_iterations;
	u64 iterations;
	char *why;
	struct exit_count *exits;
	size_t nexits;
	struct exit_count *l0_stats;	/* level "vcpu"/"vm", reason = KVM's counter name */
	size_t nl0_stats;
	struct latency lat;
	struct l0pass l0pass;	/* how L0 was instrumented while it was timed; the counting pass */
	struct check_result *checks;
	size_t nchecks;
	char **notes;		/* offending console lines (escaped), L0 diagnostics */
	size_t nnotes, notes_dropped;
	bool garbage;		/* a garbage line or a protocol breach came inside it */
	/* A lab's FAIL re-run on the bare emulators (l0/run/attribute.c): label NULL: none. */
	const char *attribution;	/* "L0", "emulator", "unknown" */
	struct bare_run {
		char *l0;		/* "bochs haswell" */
		enum verdict verdict;
		char *results;		/* its results.json, relative to the run directory */
	} bare[2];
	size_t nbare;
	bool deferred;		/* its verdict line waits for the attribution (output_deferred) */
};

struct env_item {
	char *name, *value;
};

/* What L1 reported about the machine, merged over jobs. */
struct run_env {
	struct env_item *features;	/* value "0" or "1" */
	size_t nfeatures;
	struct env_item *msrs;		/* value "0x..." */
	size_t nmsrs;
	char *cpu_vendor, *cpu_brand;
	char *l1_boot;			/* how L1 says it booted: "multiboot", "efi" */
	char **warnings;		/* console trouble outside any scenario */
	size_t nwarnings;
};

/* A feed's unfinished line. */
struct session_line {
	char text[SESSION_LINE_MAX + 1];
	size_t len;
	bool overlong;
};

/* The L0's records of one scenario, in the order the L0 wrote them. */
struct session_l0 {
	char **line;
	size_t n;
};

enum session_end {
	SESSION_EXITED,		/* the emulator exited */
	SESSION_TIMEOUT,	/* killed by the host-side timeout */
	SESSION_CAPPED,		/* killed: console output over SESSION_BYTES_MAX */
	SESSION_INTERRUPTED,	/* killed: the runner was interrupted */
	SESSION_FAILED,		/* the job could not be started */
};

struct session {
	struct scn_result **scn;	/* this job's scenarios, in run order */
	size_t n;
	int job;
	struct run_env *env;
	void (*done)(struct scn_result *r, void *arg);	/* a verdict became final */
	void *arg;

	struct scn_result *cur;		/* started, no result yet */
	bool foreign;			/* inside a scenario not asked of this job */
	bool begun, ended;
	const char *after;		/* set by a crash or end record: no scenario may follow */
	u16 exit_slot[SESSION_EXIT_SLOTS];	/* cur's exits: index + 1, by hash of level and reason */
	char *crash;			/* a crash outside any scenario */
	char *early;			/* session_finish's answer */
	u64 bytes;
	bool capped;
	struct session_line in;
	/* The L0's channel */
	struct session_l0 *l0;		/* by index in scn */
	size_t l0_last;			/* index of the last scenario an L0 record named */
	u64 l0_bytes;
	struct session_line l0_in;
	struct cov_sink *cov;		/* --coverage: takes covfile/covdata/covend; NULL: ignored */
};

void session_init(struct session *s, struct scn_result **scn, size_t n, int job,
		  struct run_env *env, void (*done)(struct scn_result *, void *), void *arg);
/* Console bytes, in order; stops taking them past SESSION_BYTES_MAX (s->capped). */
void session_feed(struct session *s, const char *buf, size_t len);
/*
 * The L0 channel's bytes, in order. A scenario's L0 records must be fed before the
 * console's result record of that scenario: read the console, then the channel, then feed
 * what the console gave. Past SESSION_BYTES_MAX the channel is ignored (a warning).
 */
void session_feed_l0(struct session *s, const char *buf, size_t len);
/*
 * The job is over. Gives the open scenario its verdict (how, why, the L0's
 * diagnostic lines attached), and those the end record left out an ERROR.
 * Scenarios the run never reached stay VERDICT_NONE with started false;
 * returns why the run ended early (text owned by s until session_free), or NULL.
 */
const char *session_finish(struct session *s, enum session_end how, const char *how_why,
			   char *const *diag, size_t ndiag);
void session_free(struct session *s);

/* Inside the session (session.c, session_feed.c). */
void session_line(struct session *s, const char *line, size_t len, bool overlong);
void session_warn(struct session *s, const char *what, const char *line, size_t len);
/* Who may write r (lib/record_types.h): RECORD_BY_L1 or RECORD_BY_L0, its level resolved. */
enum record_writer session_writer(enum record_type type, const struct record_parsed *r);
/* A parsed record of a known type into its handler, from either feed. */
void session_record(struct session *s, enum record_type type, const struct record_parsed *r,
		    const char *line, size_t len);
/* The L0's records of scenario c, into c now (before its result). */
void session_l0_take(struct session *s, struct scn_result *c);
void session_l0_free(struct session *s);

/* Sets the verdict and its reason (printf format; NULL: none). */
void scn_result_set(struct scn_result *r, enum verdict v, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void scn_result_note(struct scn_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void scn_result_free(struct scn_result *r);
void run_env_free(struct run_env *e);

#endif
