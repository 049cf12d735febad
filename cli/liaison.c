/* SPDX-License-Identifier: MIT */
/*
 * liaison.c: the `liaison` command: convert, diff, validate, schema.
 *
 * Uses the public API (liaison.h) only. Each subcommand parses its own
 * options with getopt_long and returns an exit status; main dispatches.
 * Outputs named with -o or --output-dir are written atomically (a temp
 * file in the same directory, fsync, rename), so a failed run never
 * leaves a truncated file in place of a good one.
 */
#define _XOPEN_SOURCE 700	/* mkstemp, fchmod, fsync, fdopen, realpath */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "liaison.h"
#include "heap.h"
#include "jobs.h"

/* Exit statuses; documented in liaison(1). */
#define EXIT_OK		0	/* everything converted / valid / same */
#define EXIT_SOME	1	/* an input failed, is invalid, or differs;
				 * also: out of memory, wherever it ran out */
#define EXIT_USAGE	2	/* bad command line (diff: any trouble) */
#define EXIT_OUTPUT	3	/* an output could not be written */

static const char *progname = "liaison";

static void
warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "liaison: message" on stderr. */
static void
warnx_(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * Reports a library error about input `name` as one line. The error's
 * own string already starts with the file when the library knew it.
 */
static void
report_error(const char *name, const liaison_error *err)
{
	const char *file;

	if (err == NULL) {
		warnx_("%s: failed (no error reported)", name);
		return;
	}
	file = liaison_error_file(err);
	if (file != NULL && *file != '\0')
		warnx_("%s", liaison_error_string(err));
	else
		warnx_("%s: %s", name, liaison_error_string(err));
}

/*
 * Prints a help or version text on stdout, flushed. Returns `ok`, or
 * `failed` after saying why it could not be written (a full disk, a
 * closed pipe): a help that was not shown is no success.
 */
static int
print_text(const char *text, int ok, int failed)
{
	if (fputs(text, stdout) == EOF || fflush(stdout) == EOF ||
	    ferror(stdout)) {
		warnx_("stdout: %s", strerror(errno));
		return failed;
	}
	return ok;
}

/* ------------------------------------------------------------------ */
/* Temp files removed when a signal ends the run                       */

/*
 * The temp files of outputs being written, for the handler of the
 * signals that end a run (SIGTERM, SIGHUP, SIGINT, SIGXFSZ) to remove
 * before the signal takes its course. In static storage, so that the
 * handler reads nothing free() could take from it; each slot names its
 * process, as the --jobs workers are forks that inherit the parent's.
 * A process writes one output at a time: a few slots are plenty (with
 * none free, an output is written all the same, unguarded).
 */
#define TEMP_SLOTS	4
static struct {
	volatile sig_atomic_t	 used;
	pid_t			 owner;
	char			 path[PATH_MAX];
} temp_slots[TEMP_SLOTS];

static const int end_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGXFSZ };
#define NEND_SIGNALS (sizeof(end_signals) / sizeof(end_signals[0]))

/* Async-signal-safe: unlink(2), then the signal again, now with its
 * default action (SA_RESETHAND), which ends the process as it would
 * have without us. */
static void
on_end_signal(int sig)
{
	pid_t self = getpid();
	int i;

	for (i = 0; i < TEMP_SLOTS; i++)
		if (temp_slots[i].used && temp_slots[i].owner == self)
			unlink(temp_slots[i].path);
	raise(sig);
}

/* Installs on_end_signal, except for a signal ignored on entry (nohup
 * and the like mean it). */
static void
catch_end_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_end_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NEND_SIGNALS; i++)
		sigaddset(&sa.sa_mask, end_signals[i]);
	for (i = 0; i < NEND_SIGNALS; i++)
		if (sigaction(end_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(end_signals[i], &sa, NULL);
}

/* Blocks the end signals (the old mask into *old), so that a temp file
 * and its slot are made, or renamed and freed, as one step. */
static void
block_end_signals(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NEND_SIGNALS; i++)
		sigaddset(&set, end_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* A slot for temp file `tmp`, or -1 (none free; too long a name). */
static int
temp_guard(const char *tmp)
{
	pid_t self = getpid();
	int i;

	if (strlen(tmp) >= sizeof(temp_slots[0].path))
		return -1;
	for (i = 0; i < TEMP_SLOTS; i++)
		if (!temp_slots[i].used || temp_slots[i].owner != self) {
			temp_slots[i].used = 0;
			strcpy(temp_slots[i].path, tmp);
			temp_slots[i].owner = self;
			temp_slots[i].used = 1;
			return i;
		}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Atomic output files                                                 */

/*
 * An output being written: a temp file next to the target, renamed over
 * it on commit. The struct owns both strings and the FILE.
 *
 * A target that is not a regular file (/dev/null, a FIFO, a terminal)
 * is written directly: renaming over it would replace the device with a
 * file. A symbolic link is followed, so the file it names is replaced
 * and the link stays.
 */
struct atomic_out {
	char	*path;  /* the target, a symbolic link resolved */
	char	*tmp;   /* the temp file; NULL when direct, committed or aborted */
	FILE	*fp;
	int	 slot;  /* tmp's temp_slots entry, or -1 */
};

/* Removes (unless committed) the temp file and frees its slot, as one
 * step for the signal handler. */
static void
temp_done(struct atomic_out *ao, int remove)
{
	sigset_t old;

	block_end_signals(&old);
	if (remove)
		unlink(ao->tmp);
	if (ao->slot >= 0)
		temp_slots[ao->slot].used = 0;
	ao->slot = -1;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * Writes straight to `path`, which exists and is not a regular file.
 * Returns 0, or after printing why -1.
 */
static int
direct_open(struct atomic_out *ao, const char *path)
{
	if ((ao->fp = fopen(path, "w")) == NULL) {
		warnx_("%s: %s", path, strerror(errno));
		free(ao->path);
		ao->path = NULL;
		return -1;
	}
	return 0;
}

/*
 * Opens a temp file in the directory of `path`. Returns 0, or after
 * printing why -1 (the output cannot be written) or -2 (out of memory).
 * On success the caller ends with atomic_commit or atomic_abort.
 */
static int
atomic_open(struct atomic_out *ao, const char *path)
{
	const char *slash;
	size_t dirlen, n;
	struct stat st, made;
	sigset_t old;
	mode_t mode, mask;
	int fd, exists, mkerr;

	memset(ao, 0, sizeof(*ao));
	ao->slot = -1;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* A dangling link is written through, as open(2) would. */
		if ((ao->path = realpath(path, NULL)) == NULL) {
			if (errno == ENOMEM) {
				warnx_("%s: out of memory", path);
				return -2;
			}
			if ((ao->path = strdup(path)) == NULL) {
				warnx_("%s: out of memory", path);
				return -2;
			}
			return direct_open(ao, path);
		}
	} else if ((ao->path = strdup(path)) == NULL) {
		warnx_("%s: out of memory", path);
		return -2;
	}
	if ((exists = stat(ao->path, &st) == 0) && !S_ISREG(st.st_mode))
		return direct_open(ao, path);
	path = ao->path;
	/* A file we could not open for writing is not replaced either:
	 * renaming over it needs only the directory, and would get round
	 * its mode (a read-only file) or a read-only mount. */
	if (exists && (fd = open(path, O_WRONLY)) == -1) {
		warnx_("%s: cannot write: %s", path, strerror(errno));
		free(ao->path);
		ao->path = NULL;
		return -1;
	}
	if (exists)
		close(fd);
	slash = strrchr(path, '/');
	dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	n = strlen(path);
	if ((ao->tmp = malloc(n + sizeof(".tmp.XXXXXX") + 1)) == NULL) {
		warnx_("%s: out of memory", path);
		free(ao->path);
		ao->path = NULL;
		return -2;
	}
	/* DIR/.NAME.tmp.XXXXXX: hidden, and in the same file system. */
	memcpy(ao->tmp, path, dirlen);
	ao->tmp[dirlen] = '.';
	memcpy(ao->tmp + dirlen + 1, path + dirlen, n - dirlen);
	strcpy(ao->tmp + n + 1, ".tmp.XXXXXX");
	block_end_signals(&old);
	if ((fd = mkstemp(ao->tmp)) != -1)
		ao->slot = temp_guard(ao->tmp);
	mkerr = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd == -1) {
		warnx_("%s: cannot create a temporary file: %s", path,
		    strerror(mkerr));
		free(ao->tmp);
		free(ao->path);
		ao->tmp = ao->path = NULL;
		return -1;
	}
	/* The file replaced keeps its owner and group, or is not replaced:
	 * a file of someone else's silently becoming ours is worse than
	 * an error (root, and a group member for the group, can keep
	 * them). */
	if (exists && fstat(fd, &made) == 0 && (made.st_uid != st.st_uid ||
	    made.st_gid != st.st_gid) &&
	    fchown(fd, st.st_uid, st.st_gid) == -1) {
		warnx_("%s: not replaced: the new file cannot keep its owner "
		    "and group (uid %lu, gid %lu): %s", path,
		    (unsigned long)st.st_uid, (unsigned long)st.st_gid,
		    strerror(errno));
		close(fd);
		temp_done(ao, 1);
		free(ao->tmp);
		free(ao->path);
		ao->tmp = ao->path = NULL;
		return -1;
	}
	/* Keep the mode of the file we replace; else what open(2) gives. */
	if (exists)
		mode = st.st_mode & 07777;
	else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	(void)fchmod(fd, mode);
	if ((ao->fp = fdopen(fd, "w")) == NULL) {
		int saved = errno;

		if (saved == ENOMEM)
			warnx_("%s: out of memory", path);
		else
			warnx_("%s: %s", path, strerror(saved));
		close(fd);
		temp_done(ao, 1);
		free(ao->tmp);
		free(ao->path);
		ao->tmp = ao->path = NULL;
		return saved == ENOMEM ? -2 : -1;
	}
	return 0;
}

/* Removes the temp file; the target is left as it was. */
static void
atomic_abort(struct atomic_out *ao)
{
	if (ao->fp != NULL)
		fclose(ao->fp);
	if (ao->tmp != NULL)
		temp_done(ao, 1);
	free(ao->tmp);
	free(ao->path);
	memset(ao, 0, sizeof(*ao));
}

/* Set while --output-dir is written: its files are synced once, at the
 * end of the run (jobs_sync_dir), rather than one by one. */
static int sync_deferred;

/* Flushes, syncs (unless sync_deferred) and renames into place (a direct
 * output is flushed and closed). Returns 0, or -1 after printing why
 * (and removing the temp file). */
static int
atomic_commit(struct atomic_out *ao)
{
	int failed = 0, saved = 0;

	if (fflush(ao->fp) == EOF || ferror(ao->fp))
		failed = 1, saved = errno;
	else if (ao->tmp != NULL && !sync_deferred &&
	    fsync(fileno(ao->fp)) == -1 && errno != EINVAL)
		failed = 1, saved = errno;
	if (fclose(ao->fp) == EOF && !failed)
		failed = 1, saved = errno;
	ao->fp = NULL;
	if (!failed && ao->tmp != NULL) {
		sigset_t old;

		/* renamed and unguarded in one step */
		block_end_signals(&old);
		if (rename(ao->tmp, ao->path) == -1)
			failed = 1, saved = errno;
		else
			temp_done(ao, 0);
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	if (failed) {
		warnx_("%s: %s", ao->path,
		    saved != 0 ? strerror(saved) : "write error");
		atomic_abort(ao);
		return -1;
	}
	free(ao->tmp);
	free(ao->path);
	memset(ao, 0, sizeof(*ao));
	return 0;
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

/* Writes all of data to fp; 0 or -1 (errno set by stdio). */
static int
put_all(FILE *fp, const char *data, size_t len)
{
	if (len > 0 && fwrite(data, 1, len, fp) != len)
		return -1;
	return ferror(fp) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* --limit                                                             */

/*
 * Parses a --limit argument, NAME=VALUE (liaison_options_parse_limit),
 * and sets the limit in each of the (up to two) options. Returns 0, or
 * -1 after printing a usage error.
 */
static int
parse_limit(const char *arg, liaison_options *opts, liaison_options *opts2)
{
	liaison_error *err = NULL;

	if (liaison_options_parse_limit(opts, arg, &err) == LIAISON_OK &&
	    (opts2 == NULL ||
	    liaison_options_parse_limit(opts2, arg, &err) == LIAISON_OK))
		return 0;
	fprintf(stderr, "%s: --limit %s: %s\n", progname, arg,
	    liaison_error_message(err));
	liaison_error_free(err);
	return -1;
}

/* 1 when name ends in ".xml": in auto mode, such inputs are models. */
static int
looks_like_model(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* The size of regular file `name`, or 0 (stdin, a pipe, no such file). */
static unsigned long long
input_size(const char *name)
{
	struct stat st;

	if (strcmp(name, "-") != 0 && stat(name, &st) == 0 &&
	    S_ISREG(st.st_mode))
		return (unsigned long long)st.st_size;
	return 0;
}

/*
 * Opens input `name` ("-" is stdin); `model` says to read it as an XML
 * model file (as written by --format=xml) rather than a document.
 * Returns NULL after reporting the error.
 */
static liaison_doc *
open_input(const char *name, const liaison_options *opts, int model)
{
	liaison_error *err = NULL;
	liaison_doc *doc;

	/* The library reads "-" as stdin, and holds every input, a pipe
	 * too, to the input-bytes limit. */
	heap_prepare(input_size(name));
	if (model)
		doc = liaison_doc_open_model_opts(name, opts, &err);
	else
		doc = liaison_doc_open_file(name, opts, &err);
	if (doc == NULL)
		report_error(name, err);
	liaison_error_free(err);
	return doc;
}

/* What --input-format chose: the library's formats, or a model. */
enum input_kind {
	INPUT_AUTO = 0,
	INPUT_TEXT,
	INPUT_DOCX,
	INPUT_MODEL
};
static const char *const input_kinds[] = { "auto", "text", "docx", "model",
    NULL };
/* --encoding's words, in liaison_encoding's order. */
static const char *const encodings[] = { "utf-8", "windows-1252", NULL };

/* Sets the library's input format from --input-format. */
static void
set_input_kind(liaison_options *opts, enum input_kind kind)
{
	liaison_options_set_format(opts, kind == INPUT_TEXT ?
	    LIAISON_FORMAT_TEXT : kind == INPUT_DOCX ? LIAISON_FORMAT_DOCX :
	    LIAISON_FORMAT_AUTO);
}

/* 1 when input `name` is to be read as a model. */
static int
is_model_input(enum input_kind kind, const char *name)
{
	return kind == INPUT_MODEL || (kind == INPUT_AUTO &&
	    looks_like_model(name));
}

/* The file name of a path without its directory. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* Length of a file name without its last extension ("a.b.txt": 3). */
static size_t
stem_length(const char *base)
{
	const char *dot = strrchr(base, '.');

	return dot != NULL && dot != base ? (size_t)(dot - base) :
	    strlen(base);
}

/*
 * "DIR/BASE.EXT" where BASE is the input's name without directory and
 * without its last extension. Caller frees; NULL when out of memory.
 */
static char *
output_name(const char *dir, const char *input, const char *ext)
{
	const char *base = base_name(input);
	size_t baselen = stem_length(base), dirlen = strlen(dir), n;
	char *s;

	n = dirlen + 1 + baselen + strlen(ext) + 1;
	if ((s = malloc(n)) == NULL)
		return NULL;
	if (dirlen > 0 && dir[dirlen - 1] == '/')
		snprintf(s, n, "%s%.*s%s", dir, (int)baselen, base, ext);
	else
		snprintf(s, n, "%s/%.*s%s", dir, (int)baselen, base, ext);
	return s;
}

/* ------------------------------------------------------------------ */
/* convert                                                             */

static const char convert_usage[] =
"usage: liaison convert [options] FILE...\n"
"Reads ITU-T documents (plain text or DOCX; - for stdin) and writes their\n"
"model as JSON, XML or Markdown.\n"
"\n"
"  -f, --format=json|xml|markdown  output format (default json)\n"
"      --front-matter              Markdown: metadata as YAML front matter\n"
"                                  instead of a list under the title\n"
"  -o, --output=FILE               write to FILE (atomically) instead of stdout\n"
"  -d, --output-dir=DIR            write one file per input: DIR/NAME.json,\n"
"                                  .xml or .md\n"
"  -l, --json-lines                one JSON document per line, even for one\n"
"                                  input (the default for several inputs)\n"
"  -i, --input-format=auto|text|docx|model\n"
"                                  how to read inputs (default auto: DOCX\n"
"                                  by content, *.xml as a model, else text)\n"
"  -t, --track-changes=accept|reject|all\n"
"                                  DOCX tracked changes (default accept)\n"
"  -H, --hidden-text               keep DOCX text Word hides\n"
"  -e, --encoding=utf-8|windows-1252\n"
"                                  text without a byte order mark (default\n"
"                                  utf-8; windows-1252: Word's Plain Text)\n"
"  -L, --limit=NAME=VALUE          set a limit (repeatable); NAME is one of\n"
"                                  input-bytes, zip-entry-bytes, zip-total-bytes,\n"
"                                  model-bytes (VALUE a size: 300M, 2G;\n"
"                                  suffixes k, M, G), zip-entries, xml-depth,\n"
"                                  paragraphs, paragraph-marks, model-depth\n"
"                                  (a count)\n"
"  -j, --jobs=N                    convert N inputs at a time (default: the\n"
"                                  CPUs available); the same outputs\n"
"  -q, --quiet                     no progress or summary line\n"
"  -h, --help                      show this help\n"
"\n"
"Several inputs into one stream are written as JSON Lines; for XML and\n"
"Markdown use --output-dir. Exit status: 0 all converted, 1 some input\n"
"failed or memory ran out, 2 usage error, 3 an output could not be written.\n";

struct convert_run {
	liaison_emit_format	 fmt;
	const char		*ext;
	const char		*output;     /* -o, or NULL for stdout */
	const char		*output_dir; /* --output-dir, or NULL */
	int			 json_lines;
	int			 quiet;
	int			 progress;   /* show a progress line */
	int			 jobs;       /* -j, or 0: jobs_default() */
	enum input_kind		 input;
	liaison_options		*opts;
};

/* Parses an option argument against a NULL-terminated list of words.
 * Returns the index, or -1 after printing a usage error. */
static int
pick_word(const char *option, const char *arg, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(arg, words[i]) == 0)
			return (int)i;
	fprintf(stderr, "%s: %s: unknown value '%s' (expected", progname,
	    option, arg);
	for (i = 0; words[i] != NULL; i++)
		fprintf(stderr, "%s%s", i == 0 ? " " : "|", words[i]);
	fputs(")\n", stderr);
	return -1;
}

/* Clears the progress line before other stderr output. */
static void
progress_clear(const struct convert_run *run)
{
	if (run->progress)
		fputs("\r\033[K", stderr);
}

/*
 * Writes doc to fp, named `outname` in errors, as the run asks. The
 * output is written through as it is made, never held whole: only a
 * JSON Lines record, which must be put on one line first, is built in
 * memory (one document at a time). Returns 0; -1 when the output could
 * not be written (said, naming outname); -2 when the document could not
 * be emitted (said, naming the input; out of memory included).
 */
static int
emit_doc(const struct convert_run *run, const char *name,
    const liaison_doc *doc, FILE *fp, const char *outname)
{
	liaison_error *err = NULL;
	liaison_status rc;
	char *data = NULL;
	size_t len = 0;

	if (!run->json_lines) {
		errno = 0;
		if ((rc = liaison_emit_file(doc, run->fmt, fp, &err)) ==
		    LIAISON_OK)
			return 0;
		/* The JSON emitter calls a failed write "out of memory":
		 * the stream's error flag tells which it was. */
		if (rc == LIAISON_ERR_IO || ferror(fp)) {
			int saved = errno;

			if (ferror(fp) && saved != 0 && saved != ENOMEM)
				warnx_("%s: %s", outname, strerror(saved));
			else
				warnx_("%s: %s", outname, err != NULL ?
				    liaison_error_message(err) :
				    "write error");
			liaison_error_free(err);
			return -1;
		}
		report_error(name, err);
		liaison_error_free(err);
		return -2;
	}
	if (liaison_emit_buffer(doc, LIAISON_EMIT_JSON_LINE, &data, &len,
	    &err) != LIAISON_OK) {
		report_error(name, err);
		liaison_error_free(err);
		return -2;
	}
	if (put_all(fp, data, len) == -1) {
		warnx_("%s: %s", outname, strerror(errno));
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

/*
 * Writes doc as DIR/NAME.EXT, atomically: into a temp file beside it,
 * renamed over it only when all was written, removed otherwise. Returns
 * 0, -1 (not written), -2 (not emitted, or out of memory), after saying
 * why.
 */
static int
write_to_dir(const struct convert_run *run, const char *name,
    const liaison_doc *doc)
{
	struct atomic_out ao;
	char *path;
	int rc;

	if ((path = output_name(run->output_dir, name, run->ext)) == NULL) {
		warnx_("%s: out of memory", name);
		return -2;
	}
	if ((rc = atomic_open(&ao, path)) < 0) {
		free(path);
		return rc;
	}
	if ((rc = emit_doc(run, name, doc, ao.fp, path)) < 0) {
		atomic_abort(&ao);
		free(path);
		return rc;
	}
	rc = atomic_commit(&ao);
	free(path);
	return rc;
}

/* An input's output name in --output-dir, for sorting. */
struct stem {
	const char	*name;  /* base name of the input */
	size_t		 len;   /* without extension */
	int		 index; /* position among the arguments */
};

static int
stem_cmp(const void *pa, const void *pb)
{
	const struct stem *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->name, b->name, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->index - b->index;
}

/*
 * Refuses inputs that would overwrite each other's output in
 * --output-dir (one base name in two directories), before anything is
 * read. Sorting keeps this fast for the thousands of files scripts pass.
 * Returns 0, or -1 after saying which (-2: out of memory).
 */
static int
check_output_names(char **inputs, int n, const char *ext)
{
	struct stem *stems;
	int i, rc = 0;

	if ((stems = calloc((size_t)n, sizeof(*stems))) == NULL) {
		warnx_("out of memory");
		return -2;
	}
	for (i = 0; i < n; i++) {
		stems[i].name = base_name(inputs[i]);
		stems[i].len = stem_length(stems[i].name);
		stems[i].index = i;
	}
	qsort(stems, (size_t)n, sizeof(*stems), stem_cmp);
	for (i = 1; i < n; i++)
		if (stems[i].len == stems[i - 1].len && memcmp(stems[i].name,
		    stems[i - 1].name, stems[i].len) == 0) {
			warnx_("%s and %s would both be written as %.*s%s",
			    inputs[stems[i - 1].index],
			    inputs[stems[i].index], (int)stems[i].len,
			    stems[i].name, ext);
			rc = -1;
			break;
		}
	free(stems);
	return rc;
}

/* A convert run over its inputs, one at a time or in jobs. */
struct convert_batch {
	struct convert_run	*run;
	char			**inputs;
	int			 n;
	FILE			*out;     /* the one output stream, or NULL */
	const char		*outname; /* its name in messages */
	int			 failed;
	int			 status;
};

/*
 * Converts input i, into --output-dir or onto out. Returns 0, -1 (the
 * output could not be written) or -2 (the input failed), after saying
 * why on stderr. A jobs_task_fn.
 */
static int
convert_one(void *ctx, int i, FILE *out)
{
	struct convert_batch *b = ctx;
	const char *name = b->inputs[i];
	liaison_doc *doc;
	int k;

	if ((doc = open_input(name, b->run->opts, is_model_input(
	    b->run->input, name))) == NULL)
		return -2;
	if (b->run->output_dir != NULL)
		k = write_to_dir(b->run, name, doc);
	else
		k = emit_doc(b->run, name, doc, out, b->outname);
	liaison_doc_free(doc);
	return k;
}

static void
progress_show(const struct convert_batch *b, int i)
{
	if (b->run->progress) {
		fprintf(stderr, "\r\033[K%s: [%d/%d] %s", progname, i + 1,
		    b->n, b->inputs[i]);
		fflush(stderr);
	}
}

/* Counts outcome k of an input. Returns -1 when the run stops: its one
 * output stream could not be written. */
static int
convert_count(struct convert_batch *b, int k)
{
	if (k < 0) {
		progress_clear(b->run);
		b->failed++;
	}
	if (k == -1) {
		b->status = EXIT_OUTPUT;
		if (b->run->output_dir == NULL)
			return -1;
	}
	return 0;
}

/* An input converted by a worker, in input order: its messages and
 * output go out as they would have with one job. A jobs_result_fn. */
static int
convert_result(void *ctx, int i, int k, const char *msgs, size_t msglen,
    const char *data, size_t len)
{
	struct convert_batch *b = ctx;

	progress_show(b, i);
	if (msglen > 0) {
		progress_clear(b->run);
		fwrite(msgs, 1, msglen, stderr);
	}
	if (len > 0 && put_all(b->out, data, len) == -1) {
		warnx_("%s: %s", b->outname, strerror(errno));
		k = -1;
	}
	return convert_count(b, k);
}

/* Parses --jobs: a whole number, 1 .. JOBS_MAX. -1 after saying why. */
static int
parse_jobs(const char *arg)
{
	const char *p;
	int v = 0;

	for (p = arg; isdigit((unsigned char)*p) && v <= JOBS_MAX; p++)
		v = v * 10 + (*p - '0');
	if (p == arg || *p != '\0' || v < 1 || v > JOBS_MAX) {
		warnx_("--jobs %s: the value must be a whole number from 1 "
		    "to %d", arg, JOBS_MAX);
		return -1;
	}
	return v;
}

/*
 * Refuses to write an input over itself, before anything is read: the
 * output (`output`, or with NULL each input's DIR/NAME.EXT) being one of
 * the regular files read, by device and inode (another path, a link,
 * stdin redirected from it). Returns 0, or -1 after saying which (-2:
 * out of memory).
 */
static int
check_same_files(char **inputs, int n, const char *output, const char *dir,
    const char *ext)
{
	struct stat in, out;
	char *name;
	int i, same;

	for (i = 0; i < n; i++) {
		if ((strcmp(inputs[i], "-") == 0 ?
		    fstat(STDIN_FILENO, &in) : stat(inputs[i], &in)) == -1 ||
		    !S_ISREG(in.st_mode))
			continue;
		name = NULL;
		if (output == NULL &&
		    (name = output_name(dir, inputs[i], ext)) == NULL) {
			warnx_("out of memory");
			return -2;
		}
		same = stat(output != NULL ? output : name, &out) == 0 &&
		    out.st_dev == in.st_dev && out.st_ino == in.st_ino;
		if (same)
			warnx_("%s: is the input %s itself: not overwritten",
			    output != NULL ? output : name,
			    strcmp(inputs[i], "-") == 0 ? "(stdin)" : inputs[i]);
		free(name);
		if (same)
			return -1;
	}
	return 0;
}

static int
cmd_convert(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "output-dir", required_argument, NULL, 'd' },
		{ "json-lines", no_argument, NULL, 'l' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "track-changes", required_argument, NULL, 't' },
		{ "hidden-text", no_argument, NULL, 'H' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "limit", required_argument, NULL, 'L' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "front-matter", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "json", "xml", "markdown",
	    NULL };
	static const char *const exts[] = { ".json", ".xml", ".md" };
	static const char *const tracks[] = { "accept", "reject", "all",
	    NULL };
	struct convert_run run;
	struct convert_batch batch;
	struct atomic_out ao;
	FILE *out = stdout;
	int c, i, k, n, failed, stdin_seen = 0, status, front = 0;

	memset(&run, 0, sizeof(run));
	run.fmt = LIAISON_EMIT_JSON;
	if ((run.opts = liaison_options_new()) == NULL) {
		/* as any other failure to allocate: 1, never 3 (no
		 * output was involved) */
		warnx_("out of memory");
		return EXIT_SOME;
	}
	while ((c = getopt_long(argc, argv, "f:o:d:li:t:He:L:j:qh", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((k = pick_word("--format", optarg, formats)) < 0)
				goto usage;
			run.fmt = (liaison_emit_format)k;
			break;
		case 'o':
			run.output = optarg;
			break;
		case 'd':
			run.output_dir = optarg;
			break;
		case 'l':
			run.json_lines = 1;
			break;
		case 'i':
			if ((k = pick_word("--input-format", optarg,
			    input_kinds)) < 0)
				goto usage;
			run.input = (enum input_kind)k;
			set_input_kind(run.opts, run.input);
			break;
		case 't':
			if ((k = pick_word("--track-changes", optarg,
			    tracks)) < 0)
				goto usage;
			liaison_options_set_track_changes(run.opts,
			    (liaison_track_changes)k);
			break;
		case 'H':
			liaison_options_set_hidden_text(run.opts, 1);
			break;
		case 'e':
			if ((k = pick_word("--encoding", optarg,
			    encodings)) < 0)
				goto usage;
			liaison_options_set_encoding(run.opts,
			    (liaison_encoding)k);
			break;
		case 'L':
			if (parse_limit(optarg, run.opts, NULL) == -1)
				goto usage;
			break;
		case 'j':
			if ((run.jobs = parse_jobs(optarg)) == -1)
				goto usage;
			break;
		case 'q':
			run.quiet = 1;
			break;
		case 'F':
			front = 1;
			break;
		case 'h':
			liaison_options_free(run.opts);
			return print_text(convert_usage, EXIT_OK, EXIT_OUTPUT);
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	n = argc;
	run.ext = exts[run.fmt];
	if (front && run.fmt != LIAISON_EMIT_MARKDOWN) {
		warnx_("convert: --front-matter needs --format=markdown");
		goto usage;
	}
	if (front)
		run.fmt = LIAISON_EMIT_MARKDOWN_FRONT_MATTER;
	if (n == 0) {
		warnx_("convert: no input files (use - for stdin)");
		goto usage;
	}
	if (run.output != NULL && run.output_dir != NULL) {
		warnx_("convert: --output and --output-dir exclude each other");
		goto usage;
	}
	if (run.json_lines && run.fmt != LIAISON_EMIT_JSON) {
		warnx_("convert: --json-lines needs --format=json");
		goto usage;
	}
	for (i = 0; i < n; i++)
		if (strcmp(argv[i], "-") == 0) {
			if (stdin_seen++ || run.output_dir != NULL) {
				warnx_("convert: - (stdin) can be read once, "
				    "and not with --output-dir");
				goto usage;
			}
		}
	if (run.output_dir != NULL) {
		struct stat st;

		/* Not created: a mistyped -d would scatter the outputs. */
		if (stat(run.output_dir, &st) == -1) {
			warnx_("%s: %s", run.output_dir, errno == ENOENT ?
			    "no such directory" : strerror(errno));
			goto usage;
		}
		if (!S_ISDIR(st.st_mode)) {
			warnx_("%s: not a directory", run.output_dir);
			goto usage;
		}
		if ((k = check_output_names(argv, n, run.ext)) == -2) {
			liaison_options_free(run.opts);
			return EXIT_SOME;
		}
		if (k == -1)
			goto usage;
	} else if (n > 1) {
		if (run.fmt != LIAISON_EMIT_JSON) {
			warnx_("convert: several inputs into one output need "
			    "--format=json (JSON Lines) or --output-dir");
			goto usage;
		}
		run.json_lines = 1;
	}
	if (run.output != NULL && strcmp(run.output, "-") == 0)
		run.output = NULL;
	if ((run.output != NULL || run.output_dir != NULL) &&
	    (k = check_same_files(argv, n, run.output, run.output_dir,
	    run.ext)) < 0) {
		/* said why: no "Try --help", the command line was right */
		liaison_options_free(run.opts);
		return k == -2 ? EXIT_SOME : EXIT_USAGE;
	}
	run.progress = n > 1 && !run.quiet && isatty(STDERR_FILENO);

	if (run.output != NULL) {
		if ((k = atomic_open(&ao, run.output)) < 0) {
			liaison_options_free(run.opts);
			return k == -2 ? EXIT_SOME : EXIT_OUTPUT;
		}
		out = ao.fp;
	}
	memset(&batch, 0, sizeof(batch));
	batch.run = &run;
	batch.inputs = argv;
	batch.n = n;
	batch.out = out;
	batch.outname = run.output != NULL ? run.output : "stdout";
	batch.status = EXIT_OK;
	sync_deferred = run.output_dir != NULL;
	if (run.jobs == 0)
		run.jobs = jobs_default();
	if (n < 2 || run.jobs < 2 || jobs_run(n, run.jobs, convert_one,
	    convert_result, &batch, argv, progname) == -1)
		for (i = 0; i < n; i++) {
			progress_show(&batch, i);
			/* one output stream: the rest cannot go anywhere */
			if (convert_count(&batch, convert_one(&batch, i,
			    out)) == -1)
				break;
		}
	progress_clear(&run);
	failed = batch.failed;
	status = batch.status;
	if (run.output_dir != NULL && failed < n &&
	    jobs_sync_dir(run.output_dir) == -1) {
		warnx_("%s: cannot sync: %s", run.output_dir, strerror(errno));
		status = EXIT_OUTPUT;
	}
	if (failed > 0 && status == EXIT_OK)
		status = EXIT_SOME;

	/* -o is all or nothing: a good file is never replaced by a run
	 * in which an input failed. */
	if (run.output != NULL) {
		if (status != EXIT_OK) {
			atomic_abort(&ao);
			if (status == EXIT_SOME)
				warnx_("%s: not written: %d input%s failed",
				    run.output, failed, failed == 1 ? "" : "s");
		} else if (atomic_commit(&ao) == -1)
			status = EXIT_OUTPUT;
	} else if (run.output_dir == NULL && fflush(stdout) == EOF) {
		warnx_("stdout: %s", strerror(errno));
		status = EXIT_OUTPUT;
	}
	/* With the progress line: a script reads the exit status and the
	 * per-file errors, a person at a terminal the count. */
	if (run.progress)
		fprintf(stderr, "%s: %d of %d file%s converted%s%d failed\n",
		    progname, n - failed, n, n == 1 ? "" : "s",
		    ", ", failed);
	liaison_options_free(run.opts);
	return status;
usage:
	fputs("Try 'liaison convert --help'.\n", stderr);
	liaison_options_free(run.opts);
	return EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* schema                                                              */

static const char schema_usage[] =
"usage: liaison schema [options] [NAME]\n"
"Prints a bundled schema (default liaison.rng, the XML model).\n"
"\n"
"  -l, --list         list the names of the bundled schemas\n"
"  -o, --output=FILE  write to FILE (atomically) instead of stdout\n"
"  -h, --help         show this help\n"
"\n"
"Exit status: 0 printed, 2 unknown schema or usage error, 3 an output\n"
"could not be written.\n";

static int
cmd_schema(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name = "liaison.rng", *output = NULL, *text;
	const char *const *names;
	struct atomic_out ao;
	size_t len = 0, i;
	int c, list = 0;

	while ((c = getopt_long(argc, argv, "lo:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			list = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return print_text(schema_usage, EXIT_OK, EXIT_OUTPUT);
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (list && argc > 0)) {
		warnx_("schema: too many arguments");
		goto usage;
	}
	if (list) {
		for (names = liaison_schema_names(); *names != NULL; names++)
			puts(*names);
		if (fflush(stdout) == EOF || ferror(stdout)) {
			warnx_("stdout: %s", strerror(errno));
			return EXIT_OUTPUT;
		}
		return EXIT_OK;
	}
	if (argc == 1)
		name = argv[0];
	if ((text = liaison_schema_text(name, &len)) == NULL) {
		warnx_("schema: unknown schema '%s'; known:", name);
		names = liaison_schema_names();
		for (i = 0; names[i] != NULL; i++)
			fprintf(stderr, "  %s\n", names[i]);
		return EXIT_USAGE;
	}
	if (output != NULL && strcmp(output, "-") != 0) {
		if ((c = atomic_open(&ao, output)) < 0)
			return c == -2 ? EXIT_SOME : EXIT_OUTPUT;
		if (put_all(ao.fp, text, len) == -1) {
			warnx_("%s: %s", output, strerror(errno));
			atomic_abort(&ao);
			return EXIT_OUTPUT;
		}
		return atomic_commit(&ao) == -1 ? EXIT_OUTPUT : EXIT_OK;
	}
	if (put_all(stdout, text, len) == -1 || fflush(stdout) == EOF) {
		warnx_("stdout: %s", strerror(errno));
		return EXIT_OUTPUT;
	}
	return EXIT_OK;
usage:
	fputs("Try 'liaison schema --help'.\n", stderr);
	return EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* diff                                                                */

static const char diff_usage[] =
"usage: liaison diff [options] OLD NEW\n"
"       liaison diff [options] FILE.docx\n"
"Compares two documents by content (sections, annexes, Terms of Reference,\n"
"Questions, items, words). With one DOCX file, compares it with its tracked\n"
"changes rejected (old) and accepted (new).\n"
"\n"
"  -f, --format=text|markdown|json|xml|html  output format (default text)\n"
"  -c, --color=WHEN, --colour=WHEN\n"
"                                  colour text output: auto (the default: when\n"
"                                  stdout is a terminal and NO_COLOR is unset),\n"
"                                  always or never\n"
"  -o, --output=FILE               write to FILE (atomically) instead of stdout\n"
"  -i, --input-format=auto|text|docx|model\n"
"                                  how to read inputs (default auto)\n"
"  -e, --encoding=utf-8|windows-1252\n"
"                                  text without a byte order mark, as for\n"
"                                  convert\n"
"  -L, --limit=NAME=VALUE          set a limit (repeatable), as for convert\n"
"  -h, --help                      show this help\n"
"\n"
"Exit status, as diff(1): 0 the documents say the same, 1 they differ,\n"
"2 trouble (usage error, unreadable input, output not written).\n";

/* The diff exit status for trouble of any kind. */
#define DIFF_TROUBLE 2

/* Decides whether text output gets ANSI colours. */
static int
want_color(int mode, int to_stdout)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");

	if (mode != 0)
		return mode == 1;
	return to_stdout && isatty(STDOUT_FILENO) &&
	    (no_color == NULL || *no_color == '\0') &&
	    term != NULL && strcmp(term, "dumb") != 0;
}

static int
cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "limit", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "markdown", "json",
	    "xml", "html", NULL };
	static const char *const colors[] = { "auto", "always", "never",
	    NULL };
	liaison_diff_format fmt = LIAISON_DIFF_TEXT;
	enum input_kind input = INPUT_AUTO;
	liaison_options *old_opts = NULL, *new_opts = NULL;
	liaison_doc *old_doc = NULL, *new_doc = NULL;
	liaison_diff *diff = NULL;
	liaison_error *err = NULL;
	const char *output = NULL, *old_name, *new_name;
	char *data = NULL;
	size_t len = 0;
	int c, k, color = 0, status = DIFF_TROUBLE;
	unsigned int flags = 0;

	/* before the options: --limit sets both */
	if ((old_opts = liaison_options_new()) == NULL ||
	    (new_opts = liaison_options_new()) == NULL) {
		warnx_("out of memory");
		goto done;
	}
	while ((c = getopt_long(argc, argv, "f:c:o:i:e:L:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((k = pick_word("--format", optarg, formats)) < 0)
				goto usage;
			fmt = (liaison_diff_format)k;
			break;
		case 'c':
			if ((k = pick_word("--color", optarg, colors)) < 0)
				goto usage;
			color = k == 0 ? 0 : k == 1 ? 1 : 2;
			break;
		case 'o':
			output = optarg;
			break;
		case 'i':
			if ((k = pick_word("--input-format", optarg,
			    input_kinds)) < 0)
				goto usage;
			input = (enum input_kind)k;
			break;
		case 'e':
			if ((k = pick_word("--encoding", optarg,
			    encodings)) < 0)
				goto usage;
			liaison_options_set_encoding(old_opts,
			    (liaison_encoding)k);
			liaison_options_set_encoding(new_opts,
			    (liaison_encoding)k);
			break;
		case 'L':
			if (parse_limit(optarg, old_opts, new_opts) == -1)
				goto usage;
			break;
		case 'h':
			status = print_text(diff_usage, EXIT_OK, DIFF_TROUBLE);
			goto done;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 2) {
		warnx_("diff: expected OLD NEW, or one DOCX file with tracked "
		    "changes");
		goto usage;
	}
	if (argc == 2 && strcmp(argv[0], "-") == 0 &&
	    strcmp(argv[1], "-") == 0) {
		warnx_("diff: stdin (-) can be only one of the two inputs");
		goto usage;
	}
	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	if (fmt == LIAISON_DIFF_TEXT && want_color(color, output == NULL))
		flags |= LIAISON_DIFF_COLOR;

	set_input_kind(old_opts, input);
	set_input_kind(new_opts, input);
	if (argc == 1) {
		/* One file: what it said before its tracked changes
		 * against what it says with them. */
		old_name = new_name = argv[0];
		if (is_model_input(input, argv[0]) || input == INPUT_TEXT ||
		    strcmp(argv[0], "-") == 0) {
			warnx_("diff: %s: one input must be a DOCX file with "
			    "tracked changes", argv[0]);
			goto usage;
		}
		/* Read as DOCX whatever it looks like: a text file is an
		 * error naming it, not an empty diff of it with itself. */
		set_input_kind(old_opts, INPUT_DOCX);
		set_input_kind(new_opts, INPUT_DOCX);
		liaison_options_set_track_changes(old_opts,
		    LIAISON_TRACK_REJECT);
		liaison_options_set_track_changes(new_opts,
		    LIAISON_TRACK_ACCEPT);
	} else {
		old_name = argv[0];
		new_name = argv[1];
	}
	if (output != NULL &&
	    check_same_files(argv, argc, output, NULL, NULL) < 0)
		goto done;
	if ((old_doc = open_input(old_name, old_opts,
	    is_model_input(input, old_name))) == NULL ||
	    (new_doc = open_input(new_name, new_opts,
	    is_model_input(input, new_name))) == NULL)
		goto done;
	/* only the HTML page shows the whole document with its changes */
	if ((diff = liaison_diff_new_opts(old_doc, new_doc,
	    fmt == LIAISON_DIFF_HTML ? 0 : LIAISON_DIFF_NEW_NO_VIEW,
	    &err)) == NULL ||
	    liaison_diff_emit_buffer(diff, fmt, flags, &data, &len, &err) !=
	    LIAISON_OK) {
		report_error(argc == 1 ? old_name : "diff", err);
		goto done;
	}
	if (output != NULL) {
		struct atomic_out ao;

		if (atomic_open(&ao, output) < 0)
			goto done;
		if (put_all(ao.fp, data, len) == -1) {
			warnx_("%s: %s", output, strerror(errno));
			atomic_abort(&ao);
			goto done;
		}
		if (atomic_commit(&ao) == -1)
			goto done;
	} else if (put_all(stdout, data, len) == -1 || fflush(stdout) == EOF) {
		warnx_("stdout: %s", strerror(errno));
		goto done;
	}
	status = liaison_diff_count(diff) == 0 ? EXIT_OK : EXIT_SOME;
done:
	free(data);
	liaison_error_free(err);
	liaison_diff_free(diff);
	liaison_doc_free(old_doc);
	liaison_doc_free(new_doc);
	liaison_options_free(old_opts);
	liaison_options_free(new_opts);
	return status;
usage:
	fputs("Try 'liaison diff --help'.\n", stderr);
	status = DIFF_TROUBLE;
	goto done;
}

/* ------------------------------------------------------------------ */
/* validate                                                            */

static const char validate_usage[] =
"usage: liaison validate [options] FILE...\n"
"Checks XML model files (as written by 'liaison convert --format=xml')\n"
"against the bundled schema. Each violation is reported on stderr as\n"
"FILE:LINE: message; each file's verdict goes to stdout.\n"
"\n"
"  -q, --quiet             no verdict lines, only the violations\n"
"  -L, --limit=NAME=VALUE  set a limit (repeatable), as for convert; model\n"
"                          files are held to input-bytes only\n"
"  -h, --help              show this help\n"
"\n"
"Exit status: 0 all valid, 1 some file is invalid or not well-formed,\n"
"2 usage error or a file could not be read.\n";

/* What the report callback needs: the file, and a count. */
struct validate_ctx {
	const char	*file;
	unsigned long	 violations;
};

static void
validate_report(void *arg, unsigned long line, const char *msg)
{
	struct validate_ctx *ctx = arg;
	size_t n = strlen(msg);

	/* libxml2's messages end in a newline; ours are lines. */
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	ctx->violations++;
	if (line > 0)
		fprintf(stderr, "%s:%lu: %.*s\n", ctx->file, line, (int)n, msg);
	else
		fprintf(stderr, "%s: %.*s\n", ctx->file, (int)n, msg);
}

static int
cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "limit", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	liaison_options *opts;
	int c, i, quiet = 0, status = EXIT_OK;

	if ((opts = liaison_options_new()) == NULL) {
		warnx_("out of memory");
		return EXIT_SOME;
	}
	while ((c = getopt_long(argc, argv, "qL:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'L':
			if (parse_limit(optarg, opts, NULL) == -1)
				goto usage;
			break;
		case 'h':
			liaison_options_free(opts);
			return print_text(validate_usage, EXIT_OK, EXIT_OUTPUT);
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		warnx_("validate: no input files");
		goto usage;
	}
	for (i = 0; i < argc; i++) {
		struct validate_ctx ctx = { argv[i], 0 };
		liaison_error *err = NULL;
		liaison_status rc;

		rc = liaison_validate_file_opts(argv[i], opts, validate_report,
		    &ctx, &err);
		if (rc == LIAISON_OK) {
			if (!quiet)
				printf("%s: valid\n", argv[i]);
		} else if (rc == LIAISON_ERR_SCHEMA) {
			if (ctx.violations == 0 && err != NULL)
				report_error(argv[i], err);
			if (!quiet)
				printf("%s: invalid (%lu violation%s)\n",
				    argv[i], ctx.violations > 0 ?
				    ctx.violations : 1UL,
				    ctx.violations == 1 ? "" : "s");
			if (status == EXIT_OK)
				status = EXIT_SOME;
		} else {
			report_error(argv[i], err);
			if (rc == LIAISON_ERR_IO || rc == LIAISON_ERR_USAGE)
				status = EXIT_USAGE;
			else if (rc == LIAISON_ERR_LIMIT ||
			    rc == LIAISON_ERR_NOMEM) {
				/* not read whole, so no verdict on it */
				if (status == EXIT_OK)
					status = EXIT_SOME;
			} else {
				if (!quiet)
					printf("%s: not well-formed\n",
					    argv[i]);
				if (status == EXIT_OK)
					status = EXIT_SOME;
			}
		}
		liaison_error_free(err);
	}
	liaison_options_free(opts);
	if (fflush(stdout) == EOF) {
		warnx_("stdout: %s", strerror(errno));
		return EXIT_OUTPUT;
	}
	return status;
usage:
	fputs("Try 'liaison validate --help'.\n", stderr);
	liaison_options_free(opts);
	return EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* main                                                                */

static const char main_usage[] =
"usage: liaison COMMAND [options] [FILE...]\n"
"Reads ITU-T documents (liaison statements, Terms of Reference, Questions,\n"
"reports) from DOCX or plain text into a validated model.\n"
"\n"
"Commands:\n"
"  convert   write documents as JSON, XML or Markdown\n"
"  diff      compare two documents, or a DOCX with its tracked changes\n"
"  validate  check XML model files against the schema\n"
"  schema    print a bundled schema\n"
"  help      show a command's options: liaison help COMMAND\n"
"\n"
"  -h, --help      show this help ('liaison COMMAND --help' for a command)\n"
"  -V, --version   show the version\n";

struct command {
	const char	*name;
	const char	*label; /* getopt names the command in its errors */
	int		(*run)(int, char **);
};

int
main(int argc, char *argv[])
{
	static const struct command commands[] = {
		{ "convert", "liaison convert", cmd_convert },
		{ "diff", "liaison diff", cmd_diff },
		{ "validate", "liaison validate", cmd_validate },
		{ "schema", "liaison schema", cmd_schema },
	};
	size_t i;

	if (argc < 2) {
		fputs(main_usage, stderr);
		return EXIT_USAGE;
	}
	catch_end_signals();
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return print_text(main_usage, EXIT_OK, EXIT_OUTPUT);
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		char version[64];

		snprintf(version, sizeof(version), "liaison %s\n",
		    liaison_version());
		return print_text(version, EXIT_OK, EXIT_OUTPUT);
	}
	if (strcmp(argv[1], "help") == 0) {
		/* "liaison help COMMAND" is "liaison COMMAND --help". */
		static char help_opt[] = "--help";
		char *hargv[3];

		if (argc == 2)
			return print_text(main_usage, EXIT_OK, EXIT_OUTPUT);
		for (i = 0; argc == 3 &&
		    i < sizeof(commands) / sizeof(commands[0]); i++)
			if (strcmp(argv[2], commands[i].name) == 0) {
				hargv[0] = (char *)commands[i].label;
				hargv[1] = help_opt;
				hargv[2] = NULL;
				return commands[i].run(2, hargv);
			}
		if (argc == 3)
			warnx_("help: unknown command '%s'", argv[2]);
		else
			warnx_("help: one command at most");
		fputs("Try 'liaison --help'.\n", stderr);
		return EXIT_USAGE;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			argv[1] = (char *)commands[i].label;
			return commands[i].run(argc - 1, argv + 1);
		}
	warnx_("unknown command '%s'", argv[1]);
	fputs("Try 'liaison --help'.\n", stderr);
	return EXIT_USAGE;
}
