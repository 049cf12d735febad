/* SPDX-License-Identifier: MIT */
/*
 * align.c: aligns two models by content and records the changes.
 *
 * Each model becomes a tree of units (groups, fields, sections, annexes,
 * paragraphs, lists, items, tables, rows, cells, footnotes) carrying
 * normalized text, a subtree hash that ignores numbering, and a set of
 * lowercased words. Then:
 *
 * 1. Top-down, the children of every matched pair are matched: equal
 *    subtree hashes first (in order), then the leftovers by similarity
 *    (Dice coefficient of word sets; sections also by heading), with the
 *    candidates per unit bounded through an inverted index of the less
 *    common words, accepted greedily by score. A maximum-weight
 *    increasing subsequence of the matched pairs (the LCS of the two
 *    orders) stays in place; the other matched pairs are moves.
 * 2. What is left unmatched anywhere is pooled and matched across
 *    containers the same way: a paragraph that went to another section
 *    is a move, not a delete and an insert. Then splits and merges;
 *    then, in a gap between units that stayed, one unmatched paragraph
 *    (or item) each side is a replacement, however different.
 * 3. A walk in the order of the new document emits the changes: moves,
 *    replacements with word diffs, and insertions and deletions of whole
 *    subtrees.
 *
 * Numbers (section numbers, annex letters, item labels) are not part of
 * the content: renumbering alone is never a change; a unit that changed
 * place among its siblings is a move, whose text shows the new number.
 *
 * When the two documents are of different kinds but carry the same
 * subject (one Terms of Reference each, or the same Question), only that
 * subject is compared: its title, note, body and sections.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "diff/align.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/error.h"

/* ------------------------------------------------------------------ */
/* Subjects                                                            */

static const char *
tor_group(lsn_node *host)
{
	return lsn_prop_n(lsn_child_n(host, LSN_N_TERMS_OF_REFERENCE),
	    LSN_N_GROUP);
}

/*
 * The annex holding the ToR of doc, or the document element for a
 * standalone ToR. With several ToR annexes, the one of group `group`
 * (when given); NULL when there is none or no way to choose.
 */
static lsn_node *
find_tor(const struct lsn_tree *doc, const char *group)
{
	lsn_node *d = lsn_root(doc), *found = NULL, *named = NULL;
	const char *kind = lsn_prop_n(d, LSN_N_KIND);
	size_t n = 0;

	if (lsn_child_n(d, LSN_N_TERMS_OF_REFERENCE) != NULL ||
	    (kind != NULL && strcmp(kind, "terms-of-reference") == 0))
		return d;
	for (lsn_node *a = lsn_child_n(d, LSN_N_ANNEX); a != NULL;
	    a = lsn_next_n(a, LSN_N_ANNEX)) {
		const char *k = lsn_prop_n(a, LSN_N_KIND), *g = tor_group(a);
		if (lsn_child_n(a, LSN_N_TERMS_OF_REFERENCE) != NULL ||
		    (k != NULL && strcmp(k, "terms-of-reference") == 0)) {
			found = a;
			n++;
			if (group != NULL && g != NULL && strcmp(g, group) == 0)
				named = a;
		}
	}
	return n == 1 ? found : named;
}

static const char *
question_id(lsn_node *host)
{
	lsn_node *q = lsn_child_n(host, LSN_N_QUESTION);

	return q != NULL ? lsn_prop_n(q, LSN_N_ID) : NULL;
}

/* The annex (or the document) carrying Question `id`, or NULL. */
static lsn_node *
find_question(const struct lsn_tree *doc, const char *id)
{
	lsn_node *d = lsn_root(doc);
	const char *q = question_id(d);

	if (q != NULL && strcmp(q, id) == 0)
		return d;
	for (lsn_node *a = lsn_child_n(d, LSN_N_ANNEX); a != NULL;
	    a = lsn_next_n(a, LSN_N_ANNEX))
		if ((q = question_id(a)) != NULL && strcmp(q, id) == 0)
			return a;
	return NULL;
}

/*
 * Picks what to compare. Documents of the same kind are compared whole
 * (their ToR and Question annexes pair up by subject anyway). Documents
 * of different kinds that carry one ToR each, or the same Question,
 * are compared on that subject only: the rest of an LS around a ToR
 * annex is not part of the ToR.
 */
static void
pick_scope(const struct lsn_tree *o, const struct lsn_tree *n, lsn_node **so,
    lsn_node **sn)
{
	lsn_node	 *ro = lsn_root(o), *rn = lsn_root(n);
	const char	*ko = lsn_prop_n(ro, LSN_N_KIND),
	    *kn = lsn_prop_n(rn, LSN_N_KIND);
	lsn_node	 *to, *tn;

	*so = *sn = NULL;
	if (ko == NULL || kn == NULL || strcmp(ko, kn) == 0)
		return;
	to = find_tor(o, NULL);
	tn = find_tor(n, NULL);
	/* One side has several ToRs: the one of the other side's group. */
	if (to != NULL && tn == NULL)
		tn = find_tor(n, tor_group(to));
	else if (tn != NULL && to == NULL)
		to = find_tor(o, tor_group(tn));
	if (to != NULL && tn != NULL) {
		*so = to;
		*sn = tn;
		return;
	}
	/* The first Question of old (document, then annexes) also in new. */
	for (lsn_node *h = ro; h != NULL;
	    h = h == ro ? lsn_child_n(ro, LSN_N_ANNEX)
	    : lsn_next_n(h, LSN_N_ANNEX)) {
		const char *id = question_id(h);
		lsn_node *other;
		if (id != NULL && (other = find_question(n, id)) != NULL) {
			*so = h;
			*sn = other;
			return;
		}
	}
}

int
lsn_diff_align(const struct lsn_tree *old_model,
    const struct lsn_tree *new_model, struct lsn_builder *out,
    lsn_node *root, lsn_node *view, liaison_error **err)
{
	struct aligner	 al;
	struct unit	*ro, *rn;
	lsn_node	 *so, *sn, *st;
	char		 num[32];

	memset(&al, 0, sizeof(al));
	al.out = out;
	al.root = root;
	al.view = view;
	pick_scope(old_model, new_model, &so, &sn);
	if (so != NULL) {
		ro = lsn_align_build_subject(&al, &al.old, old_model,
		    so == lsn_root(old_model) ? NULL : so);
		rn = lsn_align_build_subject(&al, &al.new, new_model,
		    sn == lsn_root(new_model) ? NULL : sn);
	} else {
		ro = lsn_align_build_document(&al, &al.old, old_model);
		rn = lsn_align_build_document(&al, &al.new, new_model);
	}
	if (ro == NULL || rn == NULL || al.oom)
		goto oom;
	lsn_align_finish_unit(&al, ro);
	lsn_align_finish_unit(&al, rn);
	if (al.oom)
		goto oom;
	lsn_align_take(ro, rn, 0);
	if (lsn_align_pair(ro, rn) == -1 || lsn_align_across(&al) == -1 ||
	    lsn_align_find_joins(&al.new) == -1)
		goto oom;
	lsn_align_pair_lone_gaps(&al.new);
	lsn_align_compute_has_match(ro);
	lsn_align_compute_has_match(rn);
	lsn_align_emit_pair(&al, ro, rn, 0);
	if (al.oom)
		goto oom;
	st = lsn_align_new_child(&al, root, "stats", NULL, 0);
#define STAT(name, v) do {						\
	snprintf(num, sizeof(num), "%lu", (v));				\
	lsn_align_set_attr(&al, st, name, num);					\
} while (0)
	STAT("inserted", al.inserted);
	STAT("deleted", al.deleted);
	STAT("replaced", al.replaced);
	STAT("moved", al.moved);
	STAT("unchanged", al.unchanged);
#undef STAT
	if (al.oom)
		goto oom;
	lsn_align_side_free(&al.old);
	lsn_align_side_free(&al.new);
	free(al.pos.slots);
	return 0;
oom:
	lsn_align_side_free(&al.old);
	lsn_align_side_free(&al.new);
	free(al.pos.slots);
	lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
	    "out of memory while comparing documents");
	return -1;
}
