/*
 * heap.h: the `liaison` command's memory policy for large inputs.
 */
#ifndef LIAISON_CLI_HEAP_H
#define LIAISON_CLI_HEAP_H

/*
 * Grows the heap ahead of an input of `input_bytes` bytes (0 when
 * unknown, as for stdin) and asks the kernel to back it with
 * transparent huge pages. Linux with glibc's malloc only; does nothing
 * elsewhere, under sanitizers or valgrind (another malloc), when the
 * kernel's THP setting is "never", under strict overcommit, or when
 * LIAISON_HUGE_PAGES is "0". Never fails: a refusal leaves malloc as
 * it was. Call before each input is opened.
 */
void	heap_prepare(unsigned long long input_bytes);

#endif
