/* SPDX-License-Identifier: MIT */
/*
 * arena.c: memory handed out from large chunks and given back at once.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

struct lsn_arena_chunk {
	struct lsn_arena_chunk	*next;
	size_t			 used, size;
	max_align_t		 data[];
};

#define ARENA_CHUNK	(256 * 1024)

/*
 * size bytes from the arena at a multiple of align (a power of two, at
 * most that of max_align_t), not zeroed; NULL (and oom) on failure.
 * Strings take align 1: a list label of two bytes took sixteen.
 */
void *
lsn_arena_take(struct lsn_arena *a, size_t size, size_t align)
{
	struct lsn_arena_chunk	*c = a->head;
	size_t			 at = 0, need;
	void			*p;

	if (a->oom)
		return NULL;
	if (c != NULL)
		at = (c->used + align - 1) & ~(align - 1);
	if (c == NULL || at > c->size || c->size - at < size) {
		need = size > ARENA_CHUNK ? size : ARENA_CHUNK;
		if (need > SIZE_MAX - sizeof(*c) ||
		    (c = malloc(sizeof(*c) + need)) == NULL)
			goto oom;
		c->used = 0;
		c->size = need;
		c->next = a->head;
		a->head = c;
		at = 0;
	}
	p = (char *)c->data + at;
	c->used = at + size;
	return p;
oom:
	a->oom = 1;
	return NULL;
}

/* size bytes for any object, as malloc would align them. */
static void *
arena_take(struct lsn_arena *a, size_t size)
{
	return lsn_arena_take(a, size, sizeof(max_align_t));
}

void *
lsn_arena_alloc(struct lsn_arena *a, size_t size)
{
	void	*p;

	if ((p = arena_take(a, size)) != NULL)
		memset(p, 0, size);
	return p;
}

void *
lsn_arena_extend(struct lsn_arena *a, void *p, size_t size, size_t add)
{
	struct lsn_arena_chunk	*c = a->head;

	if (c == NULL || (char *)p + size != (char *)c->data + c->used ||
	    c->size - c->used < add)
		return NULL;
	c->used += add;
	return p;
}

char *
lsn_arena_strndup(struct lsn_arena *a, const char *s, size_t n)
{
	char	*p;

	/* not zeroed first: every byte is written */
	if (n == SIZE_MAX || (p = lsn_arena_take(a, n + 1, 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
lsn_arena_strdup(struct lsn_arena *a, const char *s)
{
	return s != NULL ? lsn_arena_strndup(a, s, strlen(s)) : NULL;
}

/*
 * Reallocates the chunk that holds only arr (old bytes) to hold new
 * bytes, the added ones zeroed. NULL when arr has no chunk of its own;
 * NULL and oom when memory ran out.
 */
static void *
grow_own_chunk(struct lsn_arena *a, void *arr, size_t old, size_t new)
{
	struct lsn_arena_chunk	**pc, *c;

	for (pc = &a->head; *pc != NULL; pc = &(*pc)->next)
		if ((void *)(*pc)->data == arr)
			break;
	if ((c = *pc) == NULL || c->size <= ARENA_CHUNK || c->used < old)
		return NULL;
	if (new > SIZE_MAX - sizeof(*c) ||
	    (c = realloc(c, sizeof(*c) + new)) == NULL) {
		a->oom = 1;
		return NULL;
	}
	*pc = c;
	memset((char *)c->data + old, 0, new - old);
	c->size = c->used = new;
	return c->data;
}

/*
 * lsn_arena_grow; with in_place, an array that has a chunk of its own
 * grows with realloc, which moves it: only for arrays no pointer into
 * is held while they grow (the line arrays, see push_line).
 */
static void *
arena_grow(struct lsn_arena *a, void *arr, size_t *cap, size_t need,
    size_t size, int in_place)
{
	size_t	 ncap;
	void	*p;

	if (need <= *cap)
		return arr;
	/* Four at first: a table's rows, a row's cells and a cell's lines
	 * are mostly one or two, and a document can hold thousands of
	 * small tables (16 took 4 kB per one-row table). */
	ncap = *cap ? *cap * 2 : 4;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / size) {
		a->oom = 1;
		return arr;
	}
	/* An array past ARENA_CHUNK has a chunk of its own: grow that
	 * chunk with realloc. Copying it to a new chunk left every old
	 * copy behind, as much again as the array: the body's lines were
	 * 40% of the peak heap on a text of 20 000 annexes. */
	if (in_place && arr != NULL && *cap * size > ARENA_CHUNK) {
		/* realloc moves pages rather than copying them: a quarter
		 * more at a time leaves less unused than doubling */
		size_t	 less = *cap + *cap / 4;

		if (less < ncap && less >= need)
			ncap = less;
		if ((p = grow_own_chunk(a, arr, *cap * size,
		    ncap * size)) != NULL) {
			*cap = ncap;
			return p;
		}
	}
	if (a->oom || (p = lsn_arena_alloc(a, ncap * size)) == NULL) {
		a->oom = 1;
		return arr;
	}
	if (*cap > 0)
		memcpy(p, arr, *cap * size);
	*cap = ncap;
	return p;
}

void *
lsn_arena_grow(struct lsn_arena *a, void *arr, size_t *cap, size_t need,
    size_t size)
{
	/* Callers may hold pointers into arr while it grows: a copy. */
	return arena_grow(a, arr, cap, need, size, 0);
}

void *
lsn_arena_grow_moving(struct lsn_arena *a, void *arr, size_t *cap,
    size_t need, size_t size)
{
	return arena_grow(a, arr, cap, need, size, 1);
}

void
lsn_arena_mark(struct lsn_arena *a, struct lsn_arena_mark *m)
{
	m->head = a->head;
	m->used = a->head != NULL ? a->head->used : 0;
}

void
lsn_arena_release(struct lsn_arena *a, const struct lsn_arena_mark *m)
{
	struct lsn_arena_chunk	*c;

	while (a->head != m->head && (c = a->head) != NULL) {
		a->head = c->next;
		free(c);
	}
	if (a->head != NULL && a->head->used > m->used)
		a->head->used = m->used;
}

void
lsn_arena_free(struct lsn_arena *a)
{
	struct lsn_arena_chunk	*c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}
