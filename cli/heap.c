/* SPDX-License-Identifier: MIT */
/*
 * heap.c: back the heap with transparent huge pages on Linux.
 *
 * Why: converting a document builds a model of many small nodes; its
 * peak is some ten times the input. Touching that memory a 4 kB page at
 * a time costs a page fault each, and in a virtual machine a fault is
 * several microseconds: a third of the CPU time of a 15 MB document
 * went to them. With 2 MB pages the faults all but vanish.
 *
 * How: glibc's malloc grows its main heap with brk. Before each input
 * the heap is grown at once to what that input may need (64 times its
 * size, at least 256 MB; address space only: nothing is touched until
 * used), the new range is advised MADV_HUGEPAGE, and trimming is turned
 * off so the range stays for the next input. Blocks up to 32 MB come
 * from that heap rather than from mmap. Any refusal (no THP, strict
 * overcommit, another malloc, brk failing) leaves malloc as it was.
 *
 * Opt-in (LIAISON_HUGE_PAGES=1): it leans on how glibc's malloc grows
 * its heap, keeps the memory until exit, and reserves address space a
 * machine's other programs may miss, which a batch user should choose.
 *
 * Without it, a run still keeps up to KEEP_FREED bytes of what one input
 * freed for the next (mallopt's trim and mmap thresholds): by default
 * glibc hands the top of its heap and every block over its mmap
 * threshold back to the kernel after each document, and the next one
 * faults the same pages in again, a tenth of the CPU of a batch of
 * DOCX files (bench/run.sh's archive).
 */
#define _DEFAULT_SOURCE	/* sbrk, madvise */

#include <stdlib.h>	/* first: it says whether this is glibc */

#include "heap.h"

#if defined(__linux__) && defined(__GLIBC__)

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE	((uintptr_t)2 << 20)
#define MIN_RESERVE	((unsigned long long)256 << 20)
#define PEAK_FACTOR	64ULL		/* reserve per input byte */
#define MMAP_MIN	(32 << 20)	/* glibc's largest mmap threshold */
#define MMAP_MAX_DFLT	65536		/* glibc's default M_MMAP_MAX */
#define KEEP_FREED	(32 << 20)	/* freed bytes kept for the next input */

static enum { UNTRIED, ON, OFF } state = UNTRIED;
static unsigned long long reserved;	/* bytes the last reserve held */
static uintptr_t advised_end;		/* end of the advised range */

/* Reads the first line of `path` into line. 1, or 0 when it cannot. */
static int
first_line(const char *path, char *line, int size)
{
	FILE	*f;
	int	 got;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	got = fgets(line, size, f) != NULL;
	fclose(f);
	return got;
}

/*
 * 1 when asked for (LIAISON_HUGE_PAGES=1), huge pages can help and
 * growing the heap is harmless: the kernel has THP on ("[always]" or "[madvise]"), does not charge
 * address space against a strict commit limit, and malloc is glibc's
 * own, taking small blocks from the brk heap (not so under ASan or
 * valgrind, whose blocks lie elsewhere).
 */
static int
usable(void)
{
	const char	*env = getenv("LIAISON_HUGE_PAGES");
	char		 line[256];
	uintptr_t	 brk_end;
	void		*probe;
	int		 in_heap;

	if (env == NULL || strcmp(env, "1") != 0)
		return 0;
	if (!first_line("/sys/kernel/mm/transparent_hugepage/enabled", line,
	    sizeof(line)) || strchr(line, '[') == NULL ||
	    strstr(line, "[never]") != NULL)
		return 0;
	if (first_line("/proc/sys/vm/overcommit_memory", line, sizeof(line)) &&
	    line[0] == '2')
		return 0;
	if ((probe = malloc(64)) == NULL)
		return 0;
	brk_end = (uintptr_t)sbrk(0);
	in_heap = (uintptr_t)probe < brk_end &&
	    brk_end - (uintptr_t)probe < ((uintptr_t)1 << 30);
	free(probe);
	return in_heap;
}

/* A quarter of physical memory, the most one reserve may take. */
static unsigned long long
reserve_cap(void)
{
	long	pages = sysconf(_SC_PHYS_PAGES);
	long	size = sysconf(_SC_PAGESIZE);

	if (pages <= 0 || size <= 0)
		return MIN_RESERVE;
	return (unsigned long long)pages * (unsigned long long)size / 4;
}

void
heap_prepare(unsigned long long input_bytes)
{
	unsigned long long	 want, cap;
	uintptr_t		 before, after, lo, hi;
	void			*block;
	int			 from_brk;

	if (state == OFF)
		return;
	if (state == UNTRIED) {
		if (!usable()) {
			state = OFF;
			mallopt(M_TRIM_THRESHOLD, KEEP_FREED);
			mallopt(M_MMAP_THRESHOLD, KEEP_FREED);
			return;
		}
		state = ON;
		mallopt(M_MMAP_THRESHOLD, MMAP_MIN);
		mallopt(M_TRIM_THRESHOLD, -1);	/* never give it back */
	}
	want = input_bytes > MIN_RESERVE / PEAK_FACTOR ?
	    input_bytes * PEAK_FACTOR : MIN_RESERVE;
	if (input_bytes > ~0ULL / PEAK_FACTOR)
		want = ~0ULL;
	cap = reserve_cap();
	if (want > cap)
		want = cap > MIN_RESERVE ? cap : MIN_RESERVE;
	if (want <= reserved || want > SIZE_MAX / 2)
		return;

	/* One block from brk (mmap off for it), freed at once: the heap
	 * keeps the range, untouched, for the allocations to come. */
	before = (uintptr_t)sbrk(0);
	mallopt(M_MMAP_MAX, 0);
	block = malloc((size_t)want);
	mallopt(M_MMAP_MAX, MMAP_MAX_DFLT);
	after = (uintptr_t)sbrk(0);
	if (block == NULL)
		return;
	from_brk = after > before && (uintptr_t)block < after;
	free(block);
	if (!from_brk)
		return;
	reserved = want;

	/* From where the last advice ended: covers any growth since. */
	lo = advised_end != 0 ? advised_end :
	    (before + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	hi = after & ~(HUGE_PAGE - 1);
	if (hi > lo && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0)
		advised_end = hi;
}

#else

void
heap_prepare(unsigned long long input_bytes)
{
	(void)input_bytes;
}

#endif
