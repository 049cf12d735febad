/* SPDX-License-Identifier: MIT */
/*
 * align.h: what the aligner's files share (align.c tells the method):
 * the units and the aligner's state; units.c builds the units of a
 * model, match.c matches them, changes.c writes the changes and the
 * view, align.c drives them (lsn_diff_align).
 */
#ifndef LSN_DIFF_ALIGN_H
#define LSN_DIFF_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "tree/tree.h"
#include "util/arena.h"

enum ukind {
	U_ROOT = 0, U_GROUP, U_FIELD, U_SECTION, U_ANNEX, U_PARA, U_LIST,
	U_ITEM, U_TABLE, U_ROW, U_CELL, U_FOOTNOTE
};

struct unit {
	const char	*key;       /* groups, fields: only equal keys match */
	char		*text;      /* own text, normalized; "" when none */
	char		*number;    /* shown, never compared; or NULL */
	char		*seg;       /* location segment ("item 3"), or NULL */
	const char	*role;      /* section role; owned by the model */
	char		*subject;   /* annex: "question 10/17", "tor ..." */
	lsn_node	 *node;      /* the element (for the path) */
	lsn_node	 *text_node; /* element holding own text, or node */
	struct unit	*parent;
	size_t		 index;     /* in parent->kids */
	struct unit    **kids;
	size_t		 nkids, capkids;
	uint64_t	 hash;      /* kind, text and kids; no numbers */
	uint32_t	*set;       /* words of the subtree */
	size_t		 nset;
	uint32_t	*hset;      /* words of own text */
	size_t		 nhset;
	size_t		 weight;    /* units in the subtree */
	struct unit	*partner;
	/* Splits and merges: a unit of this side shown together with its
	 * neighbour `joined` (before it when join_before) against one unit
	 * of the other side; the neighbour is `absorbed` (no change of its
	 * own). */
	struct unit	*joined;
	int		 kind;
	/* Flags, a byte each: a diff of two long texts holds a unit for
	 * every paragraph of both. */
	unsigned char	 multi;     /* field that may repeat (matched by text) */
	unsigned char	 appendix;  /* U_ANNEX of an <appendix> */
	unsigned char	 has_set;   /* set and hset computed (lazily) */
	unsigned char	 moved;     /* new side: matched, but not in place
				       (2: across containers) */
	unsigned char	 has_match; /* some unit of the subtree is matched */
	unsigned char	 blocked;   /* a descendant got matched across */
	unsigned char	 join_before;
	unsigned char	 absorbed;
};

struct side {
	struct unit	**all;      /* every unit, for freeing */
	size_t		  n, cap;
	struct lsn_arena  units;    /* what all points to (not its fields) */
};

/* Position of an element among its same-named siblings, by node:
 * filled one parent at a time, so that paths cost O(1) per step. */
struct pos_slot {
	const void	*node;
	size_t		 pos;
};

struct pos_map {
	struct pos_slot	*slots;
	size_t		 cap, n;   /* cap: a power of two */
};

struct aligner {
	struct side	 old, new;
	struct pos_map	 pos;
	const char	*where_suffix;  /* appended to the next "where" */
	struct lsn_builder *out;
	lsn_node	 *root;
	lsn_node	 *view;  /* the whole-document view, or NULL */
	int		 oom;
	unsigned long	 inserted, deleted, replaced, moved, unchanged;
	size_t		 count;
};

#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull

static inline uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV64_PRIME;
	return h;
}

/* units.c */
/* Units of the whole document, or of annex (or document) a only; NULL
 * when memory ran out (al->oom set). Owned by sd (lsn_align_side_free). */
struct unit	*lsn_align_build_document(struct aligner *al, struct side *sd,
		    const struct lsn_tree *doc);
struct unit	*lsn_align_build_subject(struct aligner *al, struct side *sd,
		    const struct lsn_tree *doc, lsn_node *a);
/* Subtree hashes and weights of u's tree, bottom-up. */
void		 lsn_align_finish_unit(struct aligner *al, struct unit *u);
/* Fills u's word sets on first use; 0, or -1 when memory ran out. */
int		 lsn_align_ensure_set(struct unit *u);
/* Frees every unit of sd. */
void		 lsn_align_side_free(struct side *sd);

/* match.c: each int function returns 0, or -1 when memory ran out. */
/* Matches a and b (cross: across containers). */
void		 lsn_align_take(struct unit *a, struct unit *b, int cross);
/* Phase 1: the kids of the matched pair (oa, nb), recursively. */
int		 lsn_align_pair(struct unit *oa, struct unit *nb);
/* Phase 2: across containers what phase 1 left over. */
int		 lsn_align_across(struct aligner *al);
/* Phase 2b: splits and merges of paragraphs and items. */
int		 lsn_align_find_joins(struct side *new_side);
/* One unmatched paragraph or item each side in a gap: a replacement. */
void		 lsn_align_pair_lone_gaps(struct side *new_side);
/* Sets has_match over u's subtree; returns u's. */
int		 lsn_align_compute_has_match(struct unit *u);

/* changes.c */
/* The changes of the matched pair (oa, nb) and its subtrees. */
void		 lsn_align_emit_pair(struct aligner *al, struct unit *oa,
		    struct unit *nb, int moved);
/* A new element `name` under parent, with text (len bytes) when not
 * NULL; NULL when memory ran out (al->oom set). */
lsn_node	*lsn_align_new_child(struct aligner *al, lsn_node *parent,
		    const char *name, const char *text, size_t len);
/* Sets attribute name of n to v (al->oom on failure). */
void		 lsn_align_set_attr(struct aligner *al, lsn_node *n,
		    const char *name, const char *v);

#endif
