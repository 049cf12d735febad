/* SPDX-License-Identifier: MIT */
/*
 * heap.h: the `liaison` command's memory policy for large inputs.
 */
#ifndef LIAISON_CLI_HEAP_H
#define LIAISON_CLI_HEAP_H

/*
 * When LIAISON_HUGE_PAGES is "1": grows the heap ahead of an input of
 * `input_bytes` bytes (0 when unknown, as for stdin) and asks the
 * kernel to back it with transparent huge pages. Linux with glibc's
 * malloc only; does nothing without that variable, elsewhere, under
 * sanitizers or valgrind (another malloc), when the kernel's THP
 * setting is "never" or under strict overcommit. Never fails: a
 * refusal leaves malloc as it was. Otherwise (glibc's malloc) it makes
 * malloc keep up to 32 MB of freed memory for the next input rather
 * than return it to the kernel. Call before each input is opened.
 */
void	heap_prepare(unsigned long long input_bytes);

#endif
