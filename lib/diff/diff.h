/* SPDX-License-Identifier: MIT */
/*
 * diff.h: internals of the structural diff (lib/diff/).
 *
 * liaison_diff_new() aligns the two models (align.c) and records every
 * change in a diff document (an XML tree, schema liaison-diff.rng); the
 * emitters (emit-*.c) only read that document. words.c holds the
 * tokenizer and the word diff that both use.
 */
#ifndef LSN_DIFF_H
#define LSN_DIFF_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "liaison.h"
#include "emit/emit.h"

struct liaison_diff {
	struct lsn_tree	*tree;   /* owned; root <diff model="liaison-diff/1"> */
	lsn_node	*view;   /* <view> in tree's arena, not linked to
				  * its root: see lsn_diff_align */
	struct _xmlDoc	*xml;    /* liaison_diff_xml's copy of tree, or NULL */
	pthread_mutex_t	 xml_lock;
	size_t		 count;  /* number of <change> elements */
};

/* ------------------------------------------------------------------ */
/* words.c                                                             */

enum lsn_tok_type {
	LSN_TOK_WORD = 0,  /* letters and combining marks */
	LSN_TOK_NUMBER,    /* digits and other numeric characters */
	LSN_TOK_SPACE,     /* a run of white space */
	LSN_TOK_PUNCT,     /* one punctuation or symbol character */
	LSN_TOK_IDEO       /* one ideograph or kana: no spaces between them */
};

struct lsn_tok {
	size_t		 off;   /* byte offset in the string */
	size_t		 len;   /* byte length */
	uint32_t	 hash;  /* of the exact bytes */
	uint32_t	 fold;  /* of the lowercased characters */
	unsigned char	 type;  /* enum lsn_tok_type */
};

/*
 * Splits the UTF-8 string s (len bytes) into tokens that cover it
 * exactly. Invalid UTF-8 bytes become one-byte punctuation tokens.
 * On success stores a malloc'd array in *toks (caller frees with free();
 * NULL when len is 0) and its length in *n, and returns 0; returns -1
 * when memory ran out.
 */
int	 lsn_tokenize(const char *s, size_t len, struct lsn_tok **toks,
	    size_t *n);

/*
 * The set of words and numbers of s, lowercased, as sorted unique
 * hashes: the unit of the similarity measure. Caller frees *set with
 * free(). Returns 0, or -1 when memory ran out.
 */
int	 lsn_token_set(const char *s, size_t len, uint32_t **set, size_t *n);
/*
 * Sorts v[0..n) ascending and drops repeated values in place; returns
 * how many are left. Word sets are unions of thousands of hashes, where
 * qsort's calls of a comparison cost a tenth of a diff: this sorts by
 * radix (with insertion sort for short arrays, and qsort only when a
 * scratch array cannot be had).
 */
size_t	 lsn_u32_sort_unique(uint32_t *v, size_t n);

/* Dice coefficient of two sorted unique sets, in [0, 1]; 0 if both empty. */
double	 lsn_set_similarity(const uint32_t *a, size_t na, const uint32_t *b,
	    size_t nb);

enum lsn_wop_kind { LSN_WOP_EQUAL = 0, LSN_WOP_INSERT, LSN_WOP_DELETE };

/* One word operation; text points into the old (equal, delete) or the
 * new (insert) string. */
struct lsn_wop {
	int		 op;    /* enum lsn_wop_kind */
	const char	*text;
	size_t		 len;
};

/*
 * The largest edit distance (in tokens) the word diff explores; beyond
 * it the change is reported as a whole replacement. Bounds time to
 * O((N + M) * D) and memory to O(D * D) per pair of texts.
 */
#define LSN_WORD_DIFF_MAX_D 1000

/*
 * Word diff of old (olen bytes) against new (nlen bytes) with Myers'
 * O(ND) algorithm on tokens, then a cleanup for readers (edits separated
 * only by white space are merged; an edit inside a compound such as
 * "CG-IoTSec" or an e-mail address is widened to the whole compound).
 * The equal and delete operations concatenate to old, the equal and
 * insert operations to new. Stores a malloc'd array in *ops (caller
 * frees with free()) and returns 0, or -1 when memory ran out.
 */
int	 lsn_word_diff(const char *old, size_t olen, const char *new,
	    size_t nlen, struct lsn_wop **ops, size_t *nops);

/* ------------------------------------------------------------------ */
/* align.c                                                             */

/*
 * Aligns the two models and appends one <change> per change to root
 * (a <diff> element of out), then a <stats> element. When view is not
 * NULL (the root of another document), appends to it the whole new
 * document in order with the changes in place, for the HTML page: a
 * copy of each <change> (attribute n: its number from 1) and an <equal>
 * holding the text of each unit that did not change, each with the
 * unit's kind (section, annex, paragraph, item, field...). Returns 0, or
 * -1 with *err set.
 */
int	 lsn_diff_align(const struct lsn_tree *old_model,
	    const struct lsn_tree *new_model, struct lsn_builder *out,
	    lsn_node *root, lsn_node *view, liaison_error **err);

/*
 * The diff of two models (liaison_diff_new of their documents, in api.c,
 * which checks they are there): the <diff> document, validated against
 * liaison-diff.rng, and when with_view is non-zero the whole-document
 * view for HTML (liaison_diff.view). Returns a new diff (free with
 * liaison_diff_free), or NULL with *err set.
 */
liaison_diff *lsn_diff_new(const struct lsn_tree *old_tree,
	    const struct lsn_tree *new_tree, int with_view,
	    liaison_error **err);

/* ------------------------------------------------------------------ */
/* Emitters: each reads the diff document and writes to o.             */
/* Each returns 0, or -1 with *err set.                                */

int	 lsn_diff_emit_text(struct lsn_tree *diff, unsigned int flags,
	    struct lsn_out *o, liaison_error **err);
int	 lsn_diff_emit_markdown(struct lsn_tree *diff, unsigned int flags,
	    struct lsn_out *o, liaison_error **err);
int	 lsn_diff_emit_json(struct lsn_tree *diff, unsigned int flags,
	    struct lsn_out *o, liaison_error **err);
int	 lsn_diff_emit_xml(struct lsn_tree *diff, unsigned int flags,
	    struct lsn_out *o, liaison_error **err);
/* view: the whole-document view (liaison_diff.view), or NULL. */
int	 lsn_diff_emit_html(struct lsn_tree *diff, lsn_node *view,
	    unsigned int flags, struct lsn_out *o, liaison_error **err);

/* Helpers shared by the emitters (node-text.c). */
/* The text of the first child element `name` of n, or NULL (owned by
 * the tree; no allocation). */
const char *lsn_diff_child_text(lsn_node *n, const char *name);
/* The text content of n itself ("" when empty); owned by the tree. */
const char *lsn_diff_node_text(lsn_node *n);

#endif
