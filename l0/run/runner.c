// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "l0/sys/file.h"
#include "l0/run/cov_sink.h"
#include "l0/run/output.h"
#include "l0/run/progress.h"
#include "l0/run/results.h"
#include "l0/run/runner.h"
#include "l0/sys/proc.h"
#include "l0/sys/util.h"

#define POLL_MS 50
#define RUNS_MAX 2	/* a scenario goes into at most two jobs that got nowhere */
#define FINAL_READ_S 3	/* the console's rest after the job ended (16 MiB at most) */

volatile sig_atomic_t runner_stop;

int runner_create(struct run *r, const struct run_opts *o, const struct scenario_info *const *sel,
		  size_t n, struct diag *why)
{
	size_t i;
	int e;

	memset(r, 0, sizeof(*r));
	r->o = o;
	r->n = n;
	r->scn = xrealloc(NULL, n * sizeof(*r->scn));
	memset(r->scn, 0, n * sizeof(*r->scn));
	for (i = 0; i < n; i++) {
		r->scn[i].info = sel[i];
		r->scn[i].job = -1;
	}
	r->started = time(NULL);
	r->t0 = clock_now_s();
	e = results_create_dir(o->results, o->be->name, r->started, &r->id, &r->dir);
	if (e)
		return diag_set(why, e, "cannot create a run directory under %s: %s: pass a writable --results DIR",
				o->results, strerror(-e));
	r->l0_version = o->be->version ? o->be->version(o) : xstrdup(o->be->name);
	r->l0_inputs = o->be->inputs ? o->be->inputs(o) : NULL;
	return 0;
}

static void on_done(struct scn_result *s, void *arg)
{
	output_result(arg, s);
}

static struct job *job_new(struct run *r)
{
	struct job *j = xrealloc(NULL, sizeof(*j));

	memset(j, 0, sizeof(*j));
	j->k = r->njobs;
	j->o = r->o;
	j->dir = xasprintf("%s/job-%d", r->dir, j->k);
	j->console_fd = j->l0_fd = -1;
	APPEND(r->jobs, r->njobs, j);
	return j;
}

static void job_add(struct job *j, struct scn_result *s)
{
	s->runs++;
	s->started = false;
	APPEND(j->scn, j->n, s);
}

/* What the L0's channel holds now: its records of every window L1 has closed so far. */
static void job_read_l0(struct job *j)
{
	char buf[65536];
	ssize_t n;

	if (j->l0_fd < 0 && j->l0_records)
		j->l0_fd = open(j->l0_records, O_RDONLY | O_CLOEXEC);
	while (j->l0_fd >= 0 && (n = read(j->l0_fd, buf, sizeof(buf))) > 0)
		session_feed_l0(&j->sess, buf, n);
}

/*
 * New console bytes into the session, until until (monotonic seconds) or, while the job
 * runs, Ctrl-C: a guest that has written megabytes of records is parsed a chunk at a time
 * between looks at both. The last read after the job ended takes the rest up to until.
 * The L0 writes a window's records before L1 can print the scenario's result: so the
 * L0's channel is read after each console chunk and before the session sees the chunk.
 */
static void job_read(struct job *j, double until, bool last)
{
	char buf[65536];
	ssize_t n;

	if (j->console_fd < 0 && j->console)
		j->console_fd = open(j->console, O_RDONLY | O_CLOEXEC);
	while (j->console_fd >= 0 && !j->sess.capped && (last || !runner_stop) && clock_now_s() < until &&
	       (n = read(j->console_fd, buf, sizeof(buf))) > 0) {
		job_read_l0(j);
		session_feed(&j->sess, buf, n);
	}
}

/* The console an emulator writes while it runs, when the session reads another one later. */
static bool raw_console_over(const struct job *j)
{
	struct stat st;

	return j->console_raw && !stat(j->console_raw, &st) && (u64)st.st_size > j->console_raw_max;
}

static void job_finish(struct run *r, struct job *j, const char *how_why)
{
	char **diag = NULL, *text = NULL;
	size_t ndiag = 0, i;
	const char *early;

	if (r->o->be->collect && j->how != SESSION_FAILED)
		r->o->be->collect(j);
	if (r->o->be->params && !r->l0_params)
		r->l0_params = r->o->be->params(j);
	job_read(j, clock_now_s() + FINAL_READ_S, true);
	job_read_l0(j);		/* a window closed after L1's last line: its open scenario's */
	/* The cap met only now (a console put together after the run): ERROR, not a cut. */
	if (j->how == SESSION_EXITED && (j->sess.capped || j->console_cut))
		j->how = SESSION_CAPPED;
	if (j->console_fd >= 0)
		close(j->console_fd);
	if (j->l0_fd >= 0)
		close(j->l0_fd);
	j->console_fd = j->l0_fd = -1;
	if (r->o->be->diagnose && j->how != SESSION_FAILED)
		ndiag = r->o->be->diagnose(j, &diag);
	early = session_finish(&j->sess, j->how, how_why, diag, ndiag);
	j->cov_files = cov_sink_files(j->sess.cov);
	cov_sink_free(j->sess.cov);
	j->sess.cov = NULL;
	if (early)
		text = xstrdup(early);
	for (i = 0; i < ndiag; i++)
		free(diag[i]);
	free(diag);

	/*
	 * Scenarios it never reached: once more in a fresh job, else ERROR; again and again
	 * while each job gets further (an emulator that panics at two scenarios of a job).
	 */
	struct job *again = NULL;
	bool progress = false;

	for (i = 0; i < j->n; i++)
		progress |= j->scn[i]->verdict != VERDICT_NONE;
	for (i = 0; i < j->n; i++) {
		struct scn_result *s = j->scn[i];

		if (s->verdict != VERDICT_NONE)
			continue;
		if ((s->runs < RUNS_MAX || progress) && j->how != SESSION_INTERRUPTED && j->how != SESSION_FAILED) {
			if (!again)
				again = job_new(r);
			job_add(again, s);
			continue;
		}
		s->job = j->k;
		scn_result_set(s, VERDICT_ERROR, "not run: %s", text ? text : "the run ended before it");
		output_result(r, s);
	}
	free(text);
	session_free(&j->sess);
}

static int job_start(struct run *r, struct job *j)
{
	int e;

	session_init(&j->sess, j->scn, j->n, j->k, &r->env, on_done, r);
	if (r->o->coverage)
		j->sess.cov = cov_sink_new(j->dir);
	e = r->o->be->start(j, &r->why);
	if (e) {
		if (j->pid)
			r->o->be->stop(j);
		r->env_failed = true;
		j->how = SESSION_FAILED;
		job_finish(r, j, r->why.msg);
		return e;
	}
	j->deadline = clock_now_s() + r->o->timeout_s;
	return 0;
}

/* One look at a running job: console, exit, timeout, output cap, interruption. */
static bool job_poll(struct run *r, struct job *j)
{
	char why[64];
	int status;

	job_read(j, j->deadline, false);
	if (proc_poll(j->pid, &status) > 0) {
		j->pid = 0;
		j->how = SESSION_EXITED;
		job_finish(r, j, NULL);
		return true;
	}
	if (runner_stop)
		j->how = SESSION_INTERRUPTED;
	else if (j->sess.capped || raw_console_over(j))
		j->how = SESSION_CAPPED;
	else if (clock_now_s() >= j->deadline)
		j->how = SESSION_TIMEOUT;
	else
		return false;
	r->o->be->stop(j);
	snprintf(why, sizeof(why), "killed after %u s", r->o->timeout_s);
	job_finish(r, j, j->how == SESSION_TIMEOUT ? why : NULL);
	return true;
}

void runner_execute(struct run *r)
{
	unsigned jobs = r->o->jobs < r->n ? r->o->jobs : r->n, running = 0;
	size_t i, next = 0;
	struct job **live = xrealloc(NULL, (jobs ? jobs : 1) * sizeof(*live));
	struct timespec tick = { 0, POLL_MS * 1000 * 1000 };

	for (i = 0; i < jobs; i++)
		job_new(r);
	for (i = 0; i < r->n; i++)
		job_add(r->jobs[i % jobs], &r->scn[i]);
	output_begin(r);
	while (next < r->njobs || running) {
		while (running < jobs && next < r->njobs && !r->env_failed && !runner_stop)
			if (!job_start(r, r->jobs[next++]))
				live[running++] = r->jobs[next - 1];
		if (!running && (r->env_failed || runner_stop))
			break;
		nanosleep(&tick, NULL);
		progress_tick(r->reported, r->n, r->t0, false);
		for (i = 0; i < running;) {
			if (job_poll(r, live[i]))
				live[i] = live[--running];
			else
				i++;
		}
	}
	/* Jobs not started (interrupted, or the environment failed) */
	for (; next < r->njobs; next++) {
		struct job *j = r->jobs[next];

		session_init(&j->sess, j->scn, j->n, j->k, &r->env, on_done, r);
		j->how = runner_stop ? SESSION_INTERRUPTED : SESSION_FAILED;
		job_finish(r, j, runner_stop ? "interrupted" : r->why.msg);
	}
	r->interrupted = runner_stop;
	r->duration_s = clock_now_s() - r->t0;
	free(live);
}

void runner_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->njobs; i++) {
		free(r->jobs[i]->dir);
		free(r->jobs[i]->console);
		free(r->jobs[i]->console_raw);
		free(r->jobs[i]->l0_records);
		free(r->jobs[i]->scn);
		free(r->jobs[i]);
	}
	for (i = 0; i < r->n; i++)
		scn_result_free(&r->scn[i]);
	free(r->jobs);
	free(r->scn);
	free(r->id);
	free(r->dir);
	free(r->l0_version);
	free(r->l0_params);
	free(r->l0_inputs);
	run_env_free(&r->env);
}
