/* SPDX-License-Identifier: MIT */
/*
 * jobs.h: the `liaison` command's parallel batch: one task per input,
 * run in worker processes, results handed back in input order.
 */
#ifndef LIAISON_CLI_JOBS_H
#define LIAISON_CLI_JOBS_H

#include <stddef.h>
#include <stdio.h>

#define JOBS_MAX	256	/* most worker processes --jobs takes */
#define JOBS_AHEAD	4	/* inputs started or finished but not yet
				 * handed back, per job: bounds memory to
				 * JOBS_AHEAD * jobs outputs (and their
				 * messages) held at once */

/*
 * A task: converts input i in a worker process, writing its output (if
 * any goes to a stream) to `out` and its messages to stderr, both
 * captured. Returns what the caller's result callback will get as k.
 */
typedef int	(*jobs_task_fn)(void *ctx, int i, FILE *out);

/*
 * A result, in the parent, in input order: k as the task returned it,
 * the messages it printed (msgs, msglen bytes) and its output (data,
 * len bytes); both buffers are the runner's. A worker that ended
 * without a result gives k = JOBS_LOST and a message saying so. Returns
 * 0 to go on, -1 to stop: no further result is handed back.
 */
typedef int	(*jobs_result_fn)(void *ctx, int i, int k, const char *msgs,
		    size_t msglen, const char *data, size_t len);

#define JOBS_LOST	(-2)	/* k of an input whose worker died */

/* The CPUs this process may run on (sched_getaffinity), at least 1. */
int	jobs_default(void);

/*
 * Runs task over inputs 0 .. n-1 in `jobs` worker processes (fork, no
 * exec: the tasks share the caller's state as it was at the call) and
 * calls result for each, in order, in the calling process. `names`
 * (n inputs) and `progname` are used only in the messages the runner
 * makes itself. Returns 0; -1 when no worker could be started (nothing
 * was run: the caller runs the tasks itself).
 */
int	jobs_run(int n, int jobs, jobs_task_fn task, jobs_result_fn result,
	    void *ctx, char **names, const char *progname);

/*
 * Makes what was written into directory `dir` durable: syncfs(2) on
 * its file system where there is one, else sync(2), then fsync(2) of
 * the directory. Returns 0, or -1 with errno set.
 */
int	jobs_sync_dir(const char *dir);

#endif
