/* SPDX-License-Identifier: MIT */
/*
 * jobs.c: the `liaison` command's parallel batch (convert --jobs).
 *
 * Why processes rather than threads: each worker keeps its own heap,
 * which cli/heap.c (LIAISON_HUGE_PAGES=1) backs with huge pages through
 * glibc's main (brk) arena only (threads would allocate from arenas of
 * their own, on 4 kB pages), and a worker that crashes or runs out of
 * memory costs one input, not the batch.
 *
 * How: `jobs` workers are forked once and kept for the whole batch; the
 * parent hands each one input at a time over a socket pair and gets
 * back one frame per input: its exit code, its messages (the worker's
 * stderr goes to a temporary file, read back after each input) and its
 * output (a memory stream). Frames are handed to the result callback
 * in input order; at most JOBS_AHEAD * jobs inputs are started or held
 * past the first one not yet handed back, so a worker that finishes
 * early waits rather than piling up outputs.
 */
#define _GNU_SOURCE	/* sched_getaffinity, CPU_COUNT, syncfs */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

/* What a worker sends back for one input, followed by msglen bytes of
 * messages and len bytes of output. */
struct frame {
	int32_t		index;
	int32_t		k;
	uint64_t	msglen;
	uint64_t	len;
};

struct worker {
	pid_t	pid;	/* 0: not running */
	int	fd;	/* the parent's end of its socket pair */
	int	task;	/* the input it converts, or -1 when idle */
};

enum { SLOT_FREE, SLOT_BUSY, SLOT_DONE };

/* An input started or finished, not yet handed back. */
struct slot {
	int	 state;
	int	 k;
	char	*buf;	/* messages, then output; owned */
	size_t	 msglen, len;
};

int
jobs_default(void)
{
	long n = 0;
#ifdef CPU_COUNT
	cpu_set_t set;

	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
#endif
	if (n < 1)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > JOBS_MAX ? JOBS_MAX : (int)n;
}

/* Reads exactly len bytes. 1, 0 at end of file, -1 on error. */
static int
read_full(int fd, void *p, size_t len)
{
	char *c = p;
	ssize_t got;

	while (len > 0) {
		if ((got = read(fd, c, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			return 0;
		c += got;
		len -= (size_t)got;
	}
	return 1;
}

/* Writes all len bytes. 0, or -1 on error. */
static int
write_full(int fd, const void *p, size_t len)
{
	const char *c = p;
	ssize_t put;

	while (len > 0) {
		if ((put = write(fd, c, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += put;
		len -= (size_t)put;
	}
	return 0;
}

/* Sends the first len bytes of file `from` to fd. 0, or -1. */
static int
copy_file(int from, uint64_t len, int fd)
{
	char buf[65536];
	uint64_t off = 0;
	ssize_t got;

	while (off < len) {
		size_t want = len - off < sizeof(buf) ? (size_t)(len - off) :
		    sizeof(buf);

		if ((got = pread(from, buf, want, (off_t)off)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			return -1;
		if (write_full(fd, buf, (size_t)got) == -1)
			return -1;
		off += (uint64_t)got;
	}
	return 0;
}

/*
 * A worker's life: an input index at a time from fd, a frame back,
 * until the parent sends -1 or goes away. Never returns.
 */
static void
worker_main(int fd, jobs_task_fn task, void *ctx, char **names,
    const char *progname)
{
	struct frame f;
	FILE *errf, *out;
	char *data;
	size_t len;
	int32_t i;
	off_t end;

	/* Messages are written by the task straight to stderr (fd 2,
	 * unbuffered): a file under it captures them in order. */
	if ((errf = tmpfile()) == NULL ||
	    dup2(fileno(errf), STDERR_FILENO) == -1)
		_exit(127);
	for (;;) {
		if (read_full(fd, &i, sizeof(i)) != 1 || i < 0)
			_exit(0);
		if (lseek(STDERR_FILENO, 0, SEEK_SET) == -1 ||
		    ftruncate(STDERR_FILENO, 0) == -1)
			_exit(127);
		data = NULL;
		len = 0;
		if ((out = open_memstream(&data, &len)) == NULL) {
			fprintf(stderr, "%s: %s: out of memory\n", progname,
			    names[i]);
			f.k = JOBS_LOST;
		} else {
			f.k = task(ctx, i, out);
			if (fclose(out) == EOF) {
				fprintf(stderr, "%s: %s: out of memory\n",
				    progname, names[i]);
				f.k = JOBS_LOST;
				len = 0;
			}
		}
		if ((end = lseek(STDERR_FILENO, 0, SEEK_CUR)) == -1)
			_exit(127);
		f.index = i;
		f.msglen = (uint64_t)end;
		f.len = len;
		if (write_full(fd, &f, sizeof(f)) == -1 ||
		    copy_file(STDERR_FILENO, f.msglen, fd) == -1 ||
		    write_full(fd, data, len) == -1)
			_exit(1);
		free(data);
	}
}

/*
 * Starts worker w (of the `jobs` in ws). Returns 0, or -1 with errno
 * set.
 */
static int
spawn(struct worker *ws, int jobs, struct worker *w, jobs_task_fn task,
    void *ctx, char **names, const char *progname)
{
	int sv[2], j;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
		return -1;
	/* nothing buffered is to be written twice */
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		int saved = errno;

		close(sv[0]);
		close(sv[1]);
		errno = saved;
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		/* the other workers see their parent go away, not us */
		for (j = 0; j < jobs; j++)
			if (ws[j].pid > 0 && &ws[j] != w)
				close(ws[j].fd);
		worker_main(sv[1], task, ctx, names, progname);
	}
	close(sv[1]);
	w->pid = pid;
	w->fd = sv[0];
	w->task = -1;
	return 0;
}

/* Reads and drops len bytes from fd. 1, 0 (end of file), -1. */
static int
skip_bytes(int fd, uint64_t len)
{
	char buf[65536];
	int rc;

	while (len > 0) {
		size_t n = len < sizeof(buf) ? (size_t)len : sizeof(buf);

		if ((rc = read_full(fd, buf, n)) != 1)
			return rc;
		len -= n;
	}
	return 1;
}

/* Puts a message made here into slot s as its result. */
static void
slot_message(struct slot *s, int k, const char *progname, const char *name,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
slot_message(struct slot *s, int k, const char *progname, const char *name,
    const char *fmt, ...)
{
	char text[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	free(s->buf);
	s->len = 0;
	n = snprintf(NULL, 0, "%s: %s: %s\n", progname, name, text);
	if (n > 0 && (s->buf = malloc((size_t)n + 1)) != NULL) {
		snprintf(s->buf, (size_t)n + 1, "%s: %s: %s\n", progname,
		    name, text);
		s->msglen = (size_t)n;
	} else {
		s->buf = NULL;
		s->msglen = 0;
	}
	s->k = k;
	s->state = SLOT_DONE;
}

/*
 * Worker w has ended (its socket closed, or a frame was cut short):
 * reaps it and fails the input it had, saying why.
 */
static void
lost(struct worker *w, struct slot *slots, int nslots, char **names,
    const char *progname)
{
	int st = 0;

	close(w->fd);
	while (waitpid(w->pid, &st, 0) == -1 && errno == EINTR)
		;
	w->pid = 0;
	if (w->task < 0)
		return;
	if (WIFSIGNALED(st))
		slot_message(&slots[w->task % nslots], JOBS_LOST, progname,
		    names[w->task], "the process converting it was killed "
		    "by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else
		slot_message(&slots[w->task % nslots], JOBS_LOST, progname,
		    names[w->task], "the process converting it ended "
		    "without a result (exit status %d)",
		    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	w->task = -1;
}

/*
 * Reads worker w's frame into its input's slot. Returns 0, or -1 when
 * the worker is gone (lost() then said so).
 */
static int
receive(struct worker *w, struct slot *slots, int nslots, char **names,
    const char *progname)
{
	struct frame f;
	struct slot *s = &slots[w->task % nslots];
	size_t total;

	if (read_full(w->fd, &f, sizeof(f)) != 1 || f.index != w->task ||
	    f.msglen > SIZE_MAX / 2 || f.len > SIZE_MAX / 2) {
		lost(w, slots, nslots, names, progname);
		return -1;
	}
	total = (size_t)f.msglen + (size_t)f.len;
	if ((s->buf = malloc(total + 1)) == NULL) {
		if (skip_bytes(w->fd, f.msglen + f.len) != 1) {
			lost(w, slots, nslots, names, progname);
			return -1;
		}
		slot_message(s, JOBS_LOST, progname, names[w->task],
		    "out of memory");
	} else {
		if (read_full(w->fd, s->buf, total) != 1) {
			free(s->buf);
			s->buf = NULL;
			lost(w, slots, nslots, names, progname);
			return -1;
		}
		s->msglen = (size_t)f.msglen;
		s->len = (size_t)f.len;
		s->k = f.k;
		s->state = SLOT_DONE;
	}
	w->task = -1;
	return 0;
}

int
jobs_run(int n, int jobs, jobs_task_fn task, jobs_result_fn result,
    void *ctx, char **names, const char *progname)
{
	struct worker *ws;
	struct slot *slots;
	struct pollfd *pfd;
	int *pw;
	int nslots, next = 0, head = 0, stop = 0, alive = 0, j, np;
	int spawn_errno = 0;

	if (jobs > n)
		jobs = n;
	nslots = jobs > n / JOBS_AHEAD ? n : jobs * JOBS_AHEAD;
	ws = calloc((size_t)jobs, sizeof(*ws));
	slots = calloc((size_t)nslots, sizeof(*slots));
	pfd = calloc((size_t)jobs, sizeof(*pfd));
	pw = calloc((size_t)jobs, sizeof(*pw));
	if (ws == NULL || slots == NULL || pfd == NULL || pw == NULL) {
		free(ws);
		free(slots);
		free(pfd);
		free(pw);
		return -1;
	}
	for (j = 0; j < jobs; j++)
		if (spawn(ws, jobs, &ws[j], task, ctx, names, progname) == 0)
			alive++;
	if (alive == 0) {
		free(ws);
		free(slots);
		free(pfd);
		free(pw);
		return -1;
	}

	while (head < n && !stop) {
		struct slot *hs = &slots[head % nslots];

		/* Hand out inputs to idle workers, within the window. */
		for (j = 0; j < jobs && next < n && next < head + nslots; j++) {
			int32_t i = next;

			if (ws[j].pid == 0 || ws[j].task >= 0)
				continue;
			ws[j].task = next;
			slots[next % nslots].state = SLOT_BUSY;
			next++;
			if (send(ws[j].fd, &i, sizeof(i), MSG_NOSIGNAL) !=
			    (ssize_t)sizeof(i))
				lost(&ws[j], slots, nslots, names, progname);
		}
		if (hs->state == SLOT_DONE) {
			if (result(ctx, head, hs->k, hs->buf, hs->msglen,
			    hs->buf + hs->msglen, hs->len) == -1)
				stop = 1;
			free(hs->buf);
			memset(hs, 0, sizeof(*hs));
			head++;
			continue;
		}
		/* Replace workers that died, while inputs remain. */
		alive = 0;
		for (j = 0; j < jobs; j++) {
			if (ws[j].pid == 0 && next < n && spawn(ws, jobs,
			    &ws[j], task, ctx, names, progname) == -1)
				spawn_errno = errno;
			if (ws[j].pid > 0)
				alive++;
		}
		if (alive == 0 && hs->state == SLOT_FREE) {
			slot_message(hs, JOBS_LOST, progname, names[head],
			    "cannot start a process to convert it: %s",
			    strerror(spawn_errno));
			if (next == head)
				next++;
			continue;
		}
		np = 0;
		for (j = 0; j < jobs; j++)
			if (ws[j].pid > 0 && ws[j].task >= 0) {
				pfd[np].fd = ws[j].fd;
				pfd[np].events = POLLIN;
				pfd[np].revents = 0;
				pw[np++] = j;
			}
		if (np == 0)
			continue;
		if (poll(pfd, (nfds_t)np, -1) == -1)
			continue;	/* EINTR */
		for (j = 0; j < np; j++)
			if (pfd[j].revents != 0)
				receive(&ws[pw[j]], slots, nslots, names,
				    progname);
	}

	/* Closing a worker's socket ends it once its input is done. */
	for (j = 0; j < jobs; j++)
		if (ws[j].pid > 0) {
			close(ws[j].fd);
			while (waitpid(ws[j].pid, NULL, 0) == -1 &&
			    errno == EINTR)
				;
		}
	for (j = 0; j < nslots; j++)
		free(slots[j].buf);
	free(ws);
	free(slots);
	free(pfd);
	free(pw);
	return 0;
}

int
jobs_sync_dir(const char *dir)
{
	int fd, rc = 0, saved;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1)
		return -1;
#ifdef __linux__
	/* the files just renamed in, and nothing else's: one pass of the
	 * file system rather than a journal commit per file */
	if (syncfs(fd) == -1)
		rc = -1;
#else
	sync();
#endif
	if (rc == 0 && fsync(fd) == -1 && errno != EINVAL)
		rc = -1;
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}
