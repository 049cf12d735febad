/* SPDX-License-Identifier: MIT */
/*
 * arena.h: memory handed out from large chunks and given back at once.
 *
 * For what lives exactly as long as one piece of work: the recognizer's
 * lines (freed when recognition ends) and the model's nodes (freed with
 * the model). Nothing in an arena is freed alone.
 */
#ifndef LSN_ARENA_H
#define LSN_ARENA_H

#include <stddef.h>

struct lsn_arena_chunk;

struct lsn_arena {
	struct lsn_arena_chunk	*head;
	int			 oom;
};

/* size bytes at a multiple of align (a power of two, at most that of
 * max_align_t), not zeroed; NULL (and oom set) on failure. Strings take
 * align 1. */
void	*lsn_arena_take(struct lsn_arena *a, size_t size, size_t align);
/* Zeroed memory from the arena, aligned as malloc's, or NULL (and oom
 * set). */
void	*lsn_arena_alloc(struct lsn_arena *a, size_t size);
/* Grows the size bytes at p, the last taken from the arena, by add
 * bytes where they are: p, or NULL (not an error) when anything was
 * taken since or the chunk has no room. */
void	*lsn_arena_extend(struct lsn_arena *a, void *p, size_t size,
	    size_t add);
/* Copy of s[0..n) with a NUL, or NULL. */
char	*lsn_arena_strndup(struct lsn_arena *a, const char *s, size_t n);
/* The same for a whole string; NULL for NULL. */
char	*lsn_arena_strdup(struct lsn_arena *a, const char *s);
/* Grows an array of `size`-byte elements to hold at least need; returns
 * the (possibly moved) array. Old storage stays in the arena. */
void	*lsn_arena_grow(struct lsn_arena *a, void *arr, size_t *cap,
	    size_t need, size_t size);
/* The same for an array no pointer into is held while it grows: one
 * past a chunk's size grows in place with realloc, which may move it,
 * and leaves no old copy behind. */
void	*lsn_arena_grow_moving(struct lsn_arena *a, void *arr, size_t *cap,
	    size_t need, size_t size);
void	 lsn_arena_free(struct lsn_arena *a);

/*
 * A point to go back to: lsn_arena_release frees everything allocated
 * since lsn_arena_mark, for scratch copies (lsn_plain) that a loop
 * needs for one turn only. Nothing allocated in between may still be
 * in use, nor may an array grown in place (the line arrays) be grown.
 */
struct lsn_arena_mark {
	struct lsn_arena_chunk	*head;
	size_t			 used;
};
void	 lsn_arena_mark(struct lsn_arena *a, struct lsn_arena_mark *m);
void	 lsn_arena_release(struct lsn_arena *a, const struct lsn_arena_mark *m);

#endif
