/* SPDX-License-Identifier: MIT */
/*
 * failmalloc.c: an LD_PRELOAD shim for test/alloc.sh that counts the
 * calls to malloc, calloc, realloc, strdup and strndup and makes one of
 * them fail, so every allocation site's error path gets run.
 *
 *   FAILMALLOC_FAIL=N   the Nth call (from 1) returns NULL with ENOMEM;
 *                       every other call succeeds (0 or unset: none fails)
 *   FAILMALLOC_COUNT=F  at exit, write the number of calls to file F
 *   FAILMALLOC_TRACE=1  print the call stack of the failed call on
 *                       stderr (to find the site that mishandled it)
 *   FAILMALLOC_SPARE=F,G  functions (exported, found with dladdr) whose
 *                       allocations are never failed: when the Nth call
 *                       is under one, the next call outside them fails
 *                       instead (for third-party code known to crash)
 *
 * Calls go on to the next definition (libc, or the sanitizer runtime,
 * which intercepts strdup itself and so must be counted here too).
 * dlsym may allocate before the real functions are known: those early
 * requests are served from a small static arena and never freed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void	*(*real_malloc)(size_t);
static void	*(*real_calloc)(size_t, size_t);
static void	*(*real_realloc)(void *, size_t);
static void	 (*real_free)(void *);
static char	*(*real_strdup)(const char *);
static char	*(*real_strndup)(const char *, size_t);

static unsigned long	 calls;
static unsigned long	 fail_at;
static const char	*count_file;
static int		 resolving;
static int		 trace;
static const char	*spare;

/* The bootstrap arena for allocations made while resolving (the
 * union aligns it for any object). */
static union {
	long double	 align_ld;
	void		*align_p;
	unsigned char	 bytes[8192];
} arena_mem;
#define arena	(arena_mem.bytes)
static size_t	 arena_used;

static int
in_arena(const void *p)
{
	return (const unsigned char *)p >= arena &&
	    (const unsigned char *)p < arena + sizeof(arena);
}

static void *
arena_alloc(size_t n)
{
	void	*p;

	n = (n + 15) & ~(size_t)15;
	if (n > sizeof(arena) - arena_used)
		return NULL;
	p = arena + arena_used;
	arena_used += n;
	return p;
}

static void
write_count(void)
{
	FILE	*f;

	if (count_file != NULL && (f = fopen(count_file, "w")) != NULL) {
		fprintf(f, "%lu\n", calls);
		fclose(f);
	}
}

static void
resolve(void)
{
	if (real_malloc != NULL || resolving)
		return;
	resolving = 1;
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	real_strdup = (char *(*)(const char *))dlsym(RTLD_NEXT, "strdup");
	real_strndup = (char *(*)(const char *, size_t))dlsym(RTLD_NEXT,
	    "strndup");
	resolving = 0;
}

/*
 * Reads the settings when the shim is loaded, and writes the count when
 * the process ends, in ELF constructors and destructors rather than on
 * the first call and with atexit: under a sanitizer runtime those run
 * before the environment can be read or atexit be used. Calls before
 * the constructor are not counted.
 */
static int	 ready;

__attribute__((constructor)) static void
settings(void)
{
	const char	*s;

	resolve();
	resolving = 1;
	if ((s = getenv("FAILMALLOC_FAIL")) != NULL)
		fail_at = strtoul(s, NULL, 10);
	count_file = getenv("FAILMALLOC_COUNT");
	if ((spare = getenv("FAILMALLOC_SPARE")) != NULL && *spare == '\0')
		spare = NULL;
	trace = (s = getenv("FAILMALLOC_TRACE")) != NULL && *s == '1';
	if (trace || spare != NULL) {
		void	*frames[2];

		backtrace(frames, 2);	/* loads libgcc now, not when failing */
	}
	resolving = 0;
	ready = 1;
}

__attribute__((destructor)) static void
finish(void)
{
	write_count();
}

/* 1 when a caller of this call is the function to spare. */
static int
under_spared(void)
{
	void	*frames[48];
	Dl_info	 info;
	int	 i, n;

	n = backtrace(frames, 48);
	for (i = 0; i < n; i++) {
		const char	*p = spare, *name;
		size_t		 len;

		if (dladdr(frames[i], &info) == 0 ||
		    (name = info.dli_sname) == NULL)
			continue;
		len = strlen(name);
		/* spare is a comma-separated list of names */
		while ((p = strstr(p, name)) != NULL) {
			if ((p == spare || p[-1] == ',') &&
			    (p[len] == '\0' || p[len] == ','))
				return 1;
			p += len;
		}
	}
	return 0;
}

/* 1 when this call is the one to fail. Calls made while resolving
 * (dlsym, loading the unwinder) are not counted, so FAILMALLOC_TRACE
 * does not move the numbering. */
static int
should_fail(void)
{
	if (resolving || !ready)
		return 0;
	calls++;
	if (fail_at != 0 && calls == fail_at && spare != NULL &&
	    under_spared()) {
		fail_at++;
		return 0;
	}
	if (fail_at != 0 && calls == fail_at) {
		if (trace) {
			void	*frames[32];

			backtrace_symbols_fd(frames, backtrace(frames, 32), 2);
		}
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	resolve();
	if (real_malloc == NULL)
		return arena_alloc(n);
	return should_fail() ? NULL : real_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	void	*p;

	resolve();
	if (real_calloc == NULL) {
		if (size != 0 && n > SIZE_MAX / size)
			return NULL;
		if ((p = arena_alloc(n * size)) != NULL)
			memset(p, 0, n * size);
		return p;
	}
	return should_fail() ? NULL : real_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	resolve();
	if (in_arena(p) || real_realloc == NULL) {
		void	*q = malloc(n);

		if (q != NULL && p != NULL) {
			size_t	 left = (size_t)(arena + sizeof(arena) -
			    (unsigned char *)p);

			memcpy(q, p, n < left ? n : left);
		}
		return q;
	}
	return should_fail() ? NULL : real_realloc(p, n);
}

void
free(void *p)
{
	if (p == NULL || in_arena(p))
		return;
	resolve();
	if (real_free != NULL)
		real_free(p);
}

char *
strdup(const char *s)
{
	resolve();
	if (real_strdup == NULL) {
		size_t	 n = strlen(s) + 1;
		char	*p = arena_alloc(n);

		return p != NULL ? memcpy(p, s, n) : NULL;
	}
	return should_fail() ? NULL : real_strdup(s);
}

char *
strndup(const char *s, size_t max)
{
	resolve();
	if (real_strndup == NULL) {
		size_t	 n = strnlen(s, max);
		char	*p = arena_alloc(n + 1);

		if (p != NULL) {
			memcpy(p, s, n);
			p[n] = '\0';
		}
		return p;
	}
	return should_fail() ? NULL : real_strndup(s, max);
}
