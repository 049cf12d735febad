/* SPDX-License-Identifier: MIT */
/*
 * heap-probe.c: what the `liaison` command's heap policy (cli/heap.c)
 * does to memory, for test/heap.sh.
 *
 * Calls heap_prepare as the command does before an input, then prints
 * "kept=1" when an 8 MB block, touched and freed, came from the brk
 * heap and stayed there for the next input (else "kept=0"); then
 * touches a 16 MB block and prints how much of the mappings holding it
 * the kernel backs with huge pages ("huge_kb=N"), or "fallback" when
 * the kernel had no huge page to give. Built with ASan (whose malloc
 * the policy leaves alone) it prints "sanitizer" alone.
 */
#define _DEFAULT_SOURCE	/* sbrk */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cli/heap.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

#define BLOCK	((size_t)16 << 20)
#define FREED	((size_t)8 << 20)	/* over glibc's first mmap threshold */

/* The kernel's count of huge-page faults that fell back to small pages. */
static unsigned long
fallbacks(void)
{
	char		 line[128];
	unsigned long	 n = 0;
	FILE		*f;

	if ((f = fopen("/proc/vmstat", "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "thp_fault_fallback %lu", &n) == 1)
			break;
	fclose(f);
	return n;
}

/* AnonHugePages (kB) of the mappings of /proc/self/smaps that overlap
 * [p, p + len); -1 when none does. */
static long
huge_kb(const char *p, size_t len)
{
	char		 line[256];
	unsigned long	 lo, hi, kb;
	long		 sum = -1;
	int		 inside = 0;
	FILE		*f;

	if ((f = fopen("/proc/self/smaps", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		/* a mapping's first line; no field name reads as "x-y" */
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {
			inside = (unsigned long)p < hi &&
			    (unsigned long)(p + len) > lo;
			continue;
		}
		if (inside && sscanf(line, "AnonHugePages: %lu", &kb) == 1)
			sum = (sum < 0 ? 0 : sum) + (long)kb;
	}
	fclose(f);
	return sum;
}

int
main(void)
{
	unsigned long	 before;
	uintptr_t	 top;
	char		*block;
	long		 kb;
	int		 from_brk;

#ifdef SANITIZED
	puts("sanitizer");
	return 0;
#endif
	heap_prepare(1 << 20);
	/* before any larger block: freeing an mmap'd block raises glibc's
	 * own threshold, which would keep the next one anyway */
	if ((block = malloc(FREED)) == NULL) {
		perror("heap-probe: malloc");
		return 1;
	}
	memset(block, 1, FREED);
	top = (uintptr_t)sbrk(0);
	from_brk = (uintptr_t)block < top;
	free(block);
	printf("kept=%d\n", from_brk && (uintptr_t)sbrk(0) == top);
	before = fallbacks();
	if ((block = malloc(BLOCK)) == NULL) {
		perror("heap-probe: malloc");
		return 1;
	}
	memset(block, 1, BLOCK);
	kb = huge_kb(block, BLOCK);
	if (kb == 0 && fallbacks() > before)
		puts("fallback");
	else
		printf("huge_kb=%ld\n", kb);
	free(block);
	return 0;
}
