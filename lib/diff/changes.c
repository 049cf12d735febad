/* SPDX-License-Identifier: MIT */
/*
 * changes.c: the aligner's output (align.c tells the whole method): the
 * <change> elements of the diff and the whole-document view, written by
 * a walk of the matched units in the new document's order.
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
/* Emitting changes                                                    */

/* "Annex A › 2 Work methods › item 3"; caller frees. */
static char *
where_of(const struct unit *u)
{
	const struct unit	**chain;
	size_t			  n = 0;
	struct lsn_buf		  b = LSN_BUF_INIT;

	for (const struct unit *p = u; p != NULL; p = p->parent)
		n++;
	if ((chain = malloc(n * sizeof(*chain))) == NULL)
		return NULL;
	n = 0;
	for (const struct unit *p = u; p != NULL; p = p->parent)
		chain[n++] = p;
	while (n-- > 0) {
		if (chain[n]->seg == NULL)
			continue;
		if (b.len > 0)
			lsn_buf_puts(&b, " \xe2\x80\xba ");   /* › */
		lsn_buf_puts(&b, chain[n]->seg);
	}
	free(chain);
	if (u->kind == U_LIST && u->seg == NULL) {
		/* The only list of its container: named when it is the unit. */
		if (b.len > 0)
			lsn_buf_puts(&b, " \xe2\x80\xba ");
		lsn_buf_puts(&b, "list");
	}
	if (b.len == 0)
		lsn_buf_puts(&b, "document");
	return lsn_buf_detach(&b, NULL);
}

/* Own text as shown: with the number for sections, items and annexes. */
static void
display_own(const struct unit *u, struct lsn_buf *b)
{
	if (u->kind == U_ANNEX) {
		lsn_buf_puts(b, u->appendix ? "Appendix" : "Annex");
		if (u->number != NULL && *u->number != '\0') {
			lsn_buf_putc(b, ' ');
			lsn_buf_puts(b, u->number);
		}
		if (*u->text != '\0') {
			lsn_buf_puts(b, ": ");
			lsn_buf_puts(b, u->text);
		}
		return;
	}
	/* Items with their label ("a)", "-"): a list shown without them
	 * reads as paragraphs. */
	if ((u->kind == U_SECTION || u->kind == U_ITEM) && u->number != NULL &&
	    *u->number != '\0') {
		lsn_buf_puts(b, u->number);
		if (*u->text != '\0')
			lsn_buf_putc(b, ' ');
	}
	lsn_buf_puts(b, u->text);
}

/* The whole subtree as text: one line per unit; the cells of a row
 * joined by " | ", the blocks of a cell by spaces. */
static void
display_tree(const struct unit *u, struct lsn_buf *b)
{
	const char	*sep = u->kind == U_ROW ? " | " :
			    u->kind == U_CELL ? " " : "\n";
	size_t		 start = b->len;

	display_own(u, b);
	for (size_t i = 0; i < u->nkids; i++) {
		if (i > 0 || b->len > start)
			lsn_buf_puts(b, sep);
		display_tree(u->kids[i], b);
	}
}

static int
own_text_only(const struct unit *u)
{
	return u->kind == U_SECTION || u->kind == U_ANNEX ||
	    u->kind == U_ITEM || u->kind == U_PARA || u->kind == U_FIELD;
}

lsn_node *
lsn_align_new_child(struct aligner *al, lsn_node *parent, const char *name,
    const char *text, size_t len)
{
	lsn_node *n;

	if (al->oom)
		return NULL;
	n = lsn_el(al->out, parent, name);
	if (text != NULL && len > 0)
		lsn_text(al->out, n, text, len);
	if (al->out->oom) {
		al->oom = 1;
		return NULL;
	}
	return n;
}

void
lsn_align_set_attr(struct aligner *al, lsn_node *n, const char *name,
    const char *v)
{
	if (al->oom || n == NULL)
		return;
	lsn_attr(al->out, n, name, v);
	if (al->out->oom)
		al->oom = 1;
}

static size_t
pos_hash(const void *p, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ull;

	return (size_t)(h >> 32) & (cap - 1);
}

static int
pos_put(struct pos_map *m, const void *node, size_t pos)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct pos_map	 g;
		g.cap = m->cap ? m->cap * 2 : 1024;
		g.n = 0;
		if ((g.slots = calloc(g.cap, sizeof(*g.slots))) == NULL)
			return -1;
		for (i = 0; i < m->cap; i++)
			if (m->slots[i].node != NULL)
				pos_put(&g, m->slots[i].node, m->slots[i].pos);
		free(m->slots);
		*m = g;
	}
	for (i = pos_hash(node, m->cap); m->slots[i].node != NULL &&
	    m->slots[i].node != node; i = (i + 1) & (m->cap - 1))
		;
	if (m->slots[i].node == NULL)
		m->n++;
	m->slots[i].node = node;
	m->slots[i].pos = pos;
	return 0;
}

static size_t
pos_get(const struct pos_map *m, const void *node)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	for (i = pos_hash(node, m->cap); m->slots[i].node != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->slots[i].node == node)
			return m->slots[i].pos;
	return 0;
}

/* 1-based position of element n among the same-named children of its
 * parent; 0 when memory ran out. Indexes all of the parent's children
 * the first time one of them is asked for. */
static size_t
element_pos(struct pos_map *m, lsn_node *n)
{
	size_t pos = pos_get(m, n);

	if (pos != 0 || n->parent == NULL)
		return pos != 0 ? pos : 1;
	for (lsn_node *c = n->parent->children; c != NULL; c = c->next) {
		size_t k = 1;
		if (c->type != LSN_ELEMENT)
			continue;
		/* Same-named siblings before c: the last one's + 1. */
		for (lsn_node *p = c->prev; p != NULL; p = p->prev)
			if (p->type == LSN_ELEMENT &&
			    strcmp(p->name, c->name) == 0) {
				k = pos_get(m, p) + 1;
				break;
			}
		if (pos_put(m, c, k) == -1)
			return 0;
	}
	return pos_get(m, n);
}

/*
 * The XPath of element n in its model, with a position at every step
 * ("/document[1]/annex[1]/section[2]/list[1]/item[3]"): stable, and
 * usable as is with xmllint --xpath. Caller frees; NULL on no memory.
 */
static char *
xpath_of(struct aligner *al, lsn_node *n)
{
	lsn_node	**chain;
	size_t		 depth = 0, pos;
	struct lsn_buf	 b = LSN_BUF_INIT;

	for (lsn_node *p = n; p != NULL && p->type == LSN_ELEMENT;
	    p = p->parent)
		depth++;
	if ((chain = malloc((depth + 1) * sizeof(*chain))) == NULL)
		return NULL;
	depth = 0;
	for (lsn_node *p = n; p != NULL && p->type == LSN_ELEMENT;
	    p = p->parent)
		chain[depth++] = p;
	while (depth-- > 0) {
		if ((pos = element_pos(&al->pos, chain[depth])) == 0) {
			free(chain);
			lsn_buf_free(&b);
			return NULL;
		}
		lsn_buf_printf(&b, "/%s[%zu]", (const char *)chain[depth]->name,
		    pos);
	}
	free(chain);
	return lsn_buf_detach(&b, NULL);
}

static void
set_path_attr(struct aligner *al, lsn_node *c, const char *name,
    const struct unit *u)
{
	lsn_node	 *n = u->text_node != NULL ? u->text_node : u->node;
	char		*p;

	if (al->oom)
		return;
	if ((p = xpath_of(al, n)) == NULL) {
		al->oom = 1;
		return;
	}
	lsn_align_set_attr(al, c, name, p);
	free(p);
}

static void
set_where_attr(struct aligner *al, lsn_node *c, const char *name,
    const struct unit *u)
{
	char *w;

	if (al->oom)
		return;
	if ((w = where_of(u)) == NULL) {
		al->oom = 1;
		return;
	}
	lsn_align_set_attr(al, c, name, w);
	free(w);
}

enum { W_DIFF, W_INSERT, W_DELETE };

static const char *const kind_names[] = { "document", "group", "field",
    "section", "annex", "paragraph", "list", "item", "table", "row", "cell",
    "footnote" };

/*
 * The whole-document view (for the HTML page): every unit's own text in
 * the order of the new document, deletions where they were. A change is
 * copied there as it is (with its number, "n"); a unit that did not
 * change is an <equal> holding its text. Each gets the unit's kind.
 */
static void
view_add(struct aligner *al, lsn_node *change, const struct unit *u)
{
	lsn_node	 *v = NULL;
	char		 num[32];

	if (al->view == NULL || al->oom)
		return;
	if (change != NULL) {
		if ((v = lsn_copy(al->out, al->view, change)) == NULL) {
			al->oom = 1;
			return;
		}
		snprintf(num, sizeof(num), "%zu", al->count);
		lsn_align_set_attr(al, v, "n", num);
	} else {
		struct lsn_buf b = LSN_BUF_INIT;

		display_own(u, &b);
		if (b.oom)
			al->oom = 1;
		else if (b.len > 0)
			v = lsn_align_new_child(al, al->view, "equal",
			    lsn_buf_str(&b),
			    b.len);
		lsn_buf_free(&b);
		if (v == NULL || al->oom)
			return;
	}
	lsn_align_set_attr(al, v, "kind", kind_names[u->kind]);
	/* A replaced item's words are its text alone: the label too. */
	if (change != NULL && u->kind == U_ITEM && u->number != NULL &&
	    *u->number != '\0' && lsn_diff_child_text(change, "old") != NULL &&
	    lsn_diff_child_text(change, "new") != NULL && u->joined == NULL)
		lsn_align_set_attr(al, v, "label", u->number);
}

/*
 * Appends one <change>. u_old / u_new give the locations (NULL for an
 * insertion / a deletion), old / new the texts (NULL when absent).
 */
static void
add_change(struct aligner *al, const char *op, const struct unit *u_old,
    const struct unit *u_new, const char *old, const char *new)
{
	lsn_node	 *c, *w;
	const struct unit *here = u_new != NULL ? u_new : u_old;

	if (al->oom)
		return;
	c = lsn_align_new_child(al, al->root, "change", NULL, 0);
	lsn_align_set_attr(al, c, "op", op);
	set_where_attr(al, c, "where", here);
	if (al->where_suffix != NULL && !al->oom) {
		const char *wh = lsn_prop_n(c, LSN_N_WHERE);
		struct lsn_buf b = LSN_BUF_INIT;
		if (wh == NULL || lsn_buf_puts(&b, wh) == -1 ||
		    lsn_buf_puts(&b, al->where_suffix) == -1)
			al->oom = 1;
		else
			lsn_align_set_attr(al, c, "where", lsn_buf_str(&b));
		lsn_buf_free(&b);
	}
	set_path_attr(al, c, "path", here);
	if (u_old != NULL && u_new != NULL) {
		/* Moves and replacements: where it was, too. */
		set_where_attr(al, c, "old-where", u_old);
		set_path_attr(al, c, "old-path", u_old);
	}
	if (old != NULL)
		lsn_align_new_child(al, c, "old", old, strlen(old));
	if (new != NULL)
		lsn_align_new_child(al, c, "new", new, strlen(new));
	w = lsn_align_new_child(al, c, "words", NULL, 0);
	if (old != NULL && new != NULL) {
		struct lsn_wop *ops;
		size_t n;
		if (lsn_word_diff(old, strlen(old), new, strlen(new), &ops,
		    &n) == -1) {
			al->oom = 1;
			return;
		}
		for (size_t i = 0; i < n; i++)
			lsn_align_new_child(al, w,
			    ops[i].op == LSN_WOP_EQUAL ? "equal" :
			    ops[i].op == LSN_WOP_INSERT ? "insert" : "delete",
			    ops[i].text, ops[i].len);
		free(ops);
	} else if (old != NULL && *old != '\0')
		lsn_align_new_child(al, w, "delete", old, strlen(old));
	else if (new != NULL && *new != '\0')
		lsn_align_new_child(al, w, "insert", new, strlen(new));
	al->count++;
	view_add(al, c, here);
	if (strcmp(op, "insert") == 0)
		al->inserted++;
	else if (strcmp(op, "delete") == 0)
		al->deleted++;
	else if (strcmp(op, "replace") == 0)
		al->replaced++;
	else
		al->moved++;
}

/* The cover fields and the footnotes have no location of their own:
 * inserted or deleted, they are reported one by one. */
static int
unnamed_group(const struct unit *u)
{
	return u->kind == U_GROUP && u->seg == NULL;
}

/* A deleted subtree: one change, unless parts of it moved elsewhere. */
static void
emit_deleted(struct aligner *al, struct unit *u)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (u->partner != NULL || u->absorbed)
		return;   /* reported where it went, or with a merge */
	if (!u->has_match && !unnamed_group(u)) {
		display_tree(u, &b);
		if (b.oom)
			al->oom = 1;
		else
			add_change(al, "delete", u, NULL, lsn_buf_str(&b),
			    NULL);
		lsn_buf_free(&b);
		return;
	}
	if (*u->text != '\0' || u->kind == U_ANNEX) {
		display_own(u, &b);
		add_change(al, "delete", u, NULL, lsn_buf_str(&b), NULL);
		lsn_buf_free(&b);
	}
	for (size_t i = 0; i < u->nkids; i++)
		emit_deleted(al, u->kids[i]);
}

/* An inserted subtree; the parts that came from elsewhere are moves. */
static void
emit_inserted(struct aligner *al, struct unit *u)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (u->absorbed)
		return;   /* shown with the unit it was split from */
	if (u->partner != NULL) {
		lsn_align_emit_pair(al, u->partner, u, 1);
		return;
	}
	if (!u->has_match && !unnamed_group(u)) {
		display_tree(u, &b);
		if (b.oom)
			al->oom = 1;
		else
			add_change(al, "insert", NULL, u, NULL,
			    lsn_buf_str(&b));
		lsn_buf_free(&b);
		return;
	}
	if (*u->text != '\0' || u->kind == U_ANNEX) {
		display_own(u, &b);
		add_change(al, "insert", NULL, u, NULL, lsn_buf_str(&b));
		lsn_buf_free(&b);
	}
	for (size_t i = 0; i < u->nkids; i++)
		emit_inserted(al, u->kids[i]);
}

/* The kids of a matched pair, in the new order. Deletions come where
 * they were: before what is inserted in the same gap between two units
 * that stayed. */
static void
emit_kids(struct aligner *al, struct unit *oa, struct unit *nb)
{
	size_t	 i = 0, j, k, *gap_end;

	if ((gap_end = malloc((nb->nkids + 1) * sizeof(*gap_end))) == NULL) {
		al->oom = 1;
		return;
	}
	/* gap_end[j]: old index of the next kid at or after j that stayed. */
	gap_end[nb->nkids] = oa->nkids;
	for (j = nb->nkids; j-- > 0;) {
		struct unit *u = nb->kids[j], *p = u->partner;
		gap_end[j] = p != NULL && p->parent == oa && !u->moved ?
		    p->index : gap_end[j + 1];
	}
	for (j = 0; j < nb->nkids && !al->oom; j++) {
		struct unit *u = nb->kids[j], *p = u->partner;
		for (k = i; k < gap_end[j]; k++)
			emit_deleted(al, oa->kids[k]);
		if (gap_end[j] > i)
			i = gap_end[j];
		if (p != NULL && p->parent == oa && !u->moved) {
			i = p->index + 1;
			lsn_align_emit_pair(al, p, u, 0);
		} else if (p != NULL)
			lsn_align_emit_pair(al, p, u, 1);
		else
			emit_inserted(al, u);
	}
	for (; i < oa->nkids && !al->oom; i++)
		emit_deleted(al, oa->kids[i]);
	free(gap_end);
}

/* Own text, with the joined neighbour's on its own line. */
static void
joined_text(const struct unit *u, struct lsn_buf *b)
{
	if (u->joined != NULL && u->join_before) {
		lsn_buf_puts(b, u->joined->text);
		lsn_buf_putc(b, '\n');
	}
	lsn_buf_puts(b, u->text);
	if (u->joined != NULL && !u->join_before) {
		lsn_buf_putc(b, '\n');
		lsn_buf_puts(b, u->joined->text);
	}
}

/* " + item 2" (split) or " (from item 3 + item 4)" (merge), or "";
 * caller frees; NULL when memory ran out. */
static char *
join_suffix(const struct unit *oa, const struct unit *nb)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const struct unit *first, *second;

	if (nb->joined != NULL)
		lsn_buf_printf(&b, " + %s", nb->joined->seg != NULL ?
		    nb->joined->seg : "next");
	if (oa->joined != NULL) {
		first = oa->join_before ? oa->joined : oa;
		second = oa->join_before ? oa : oa->joined;
		lsn_buf_printf(&b, " (from %s + %s)",
		    first->seg != NULL ? first->seg : "previous",
		    second->seg != NULL ? second->seg : "next");
	}
	return lsn_buf_detach(&b, NULL);
}

void
lsn_align_emit_pair(struct aligner *al, struct unit *oa, struct unit *nb,
    int moved)
{
	struct lsn_buf	 ob = LSN_BUF_INIT, nbuf = LSN_BUF_INIT;
	char		*suffix;

	if (al->oom)
		return;
	if (oa->joined != NULL || nb->joined != NULL) {
		/* A split or a merge: one change, both pieces in it. */
		joined_text(oa, &ob);
		joined_text(nb, &nbuf);
		if (ob.oom || nbuf.oom ||
		    (suffix = join_suffix(oa, nb)) == NULL)
			al->oom = 1;
		else {
			al->where_suffix = suffix;
			add_change(al, moved ? "move" : "replace", oa, nb,
			    lsn_buf_str(&ob), lsn_buf_str(&nbuf));
			al->where_suffix = NULL;
			free(suffix);
		}
		lsn_buf_free(&ob);
		lsn_buf_free(&nbuf);
		return;
	}
	if (moved) {
		if (own_text_only(oa)) {
			display_own(oa, &ob);
			display_own(nb, &nbuf);
		} else {
			/* Lists, tables, footnotes: all of it, edits included. */
			display_tree(oa, &ob);
			display_tree(nb, &nbuf);
		}
		if (ob.oom || nbuf.oom)
			al->oom = 1;
		else
			add_change(al, "move", oa, nb, lsn_buf_str(&ob),
			    lsn_buf_str(&nbuf));
		lsn_buf_free(&ob);
		lsn_buf_free(&nbuf);
		if (!own_text_only(oa))
			return;
	} else if (strcmp(oa->text, nb->text) != 0)
		add_change(al, "replace", oa, nb, oa->text, nb->text);
	else if (own_text_only(oa)) {
		al->unchanged++;
		view_add(al, NULL, nb);
	}
	emit_kids(al, oa, nb);
}
