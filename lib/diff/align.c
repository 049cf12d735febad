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

#include <libxml/tree.h>
#include <utf8proc.h>

#include "diff/diff.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/error.h"

enum ukind {
	U_ROOT = 0, U_GROUP, U_FIELD, U_SECTION, U_ANNEX, U_PARA, U_LIST,
	U_ITEM, U_TABLE, U_ROW, U_CELL, U_FOOTNOTE
};

struct unit {
	int		 kind;
	const char	*key;       /* groups, fields: only equal keys match */
	int		 multi;     /* field that may repeat (matched by text) */
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
	int		 has_set;   /* set and hset computed (lazily) */
	uint32_t	*set;       /* words of the subtree */
	size_t		 nset;
	uint32_t	*hset;      /* words of own text */
	size_t		 nhset;
	size_t		 weight;    /* units in the subtree */
	struct unit	*partner;
	int		 moved;     /* new side: matched, but not in place */
	int		 has_match; /* some unit of the subtree is matched */
	int		 blocked;   /* a descendant got matched across */
	/* Splits and merges: a unit of this side shown together with its
	 * neighbour `joined` (before it when join_before) against one unit
	 * of the other side; the neighbour is `absorbed` (no change of its
	 * own). */
	struct unit	*joined;
	int		 join_before;
	int		 absorbed;
};

struct side {
	struct unit	**all;      /* every unit, for freeing */
	size_t		  n, cap;
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

static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV64_PRIME;
	return h;
}

/* ------------------------------------------------------------------ */
/* Building units from the model                                       */

static struct unit *
unit_new(struct aligner *al, struct side *sd, int kind, struct unit *parent,
    lsn_node *node)
{
	struct unit *u;

	if (al->oom)
		return NULL;
	if (sd->n == sd->cap) {
		size_t ncap = sd->cap ? sd->cap * 2 : 256;
		struct unit **p = realloc(sd->all, ncap * sizeof(*p));
		if (p == NULL) {
			al->oom = 1;
			return NULL;
		}
		sd->all = p;
		sd->cap = ncap;
	}
	if ((u = calloc(1, sizeof(*u))) == NULL) {
		al->oom = 1;
		return NULL;
	}
	sd->all[sd->n++] = u;
	u->kind = kind;
	u->node = u->text_node = node;
	u->parent = parent;
	if (parent != NULL) {
		if (parent->nkids == parent->capkids) {
			size_t ncap = parent->capkids ? parent->capkids * 2 : 4;
			struct unit **p = realloc(parent->kids,
			    ncap * sizeof(*p));
			if (p == NULL) {
				al->oom = 1;
				return NULL;
			}
			parent->kids = p;
			parent->capkids = ncap;
		}
		u->index = parent->nkids;
		parent->kids[parent->nkids++] = u;
	}
	return u;
}

static void
unit_free(struct unit *u)
{
	free(u->text);
	free(u->number);
	free(u->seg);
	free(u->subject);
	free(u->kids);
	free(u->set);
	free(u->hset);
	free(u);
}

static void
side_free(struct side *sd)
{
	for (size_t i = 0; i < sd->n; i++)
		unit_free(sd->all[i]);
	free(sd->all);
}

/* Appends the inline text of n: text and links; not deleted text,
 * anchors or note references (model data, not words). */
static void
inline_text(lsn_node *n, struct lsn_buf *b)
{
	for (lsn_node *c = n->children; c != NULL; c = c->next) {
		if (c->type == LSN_TEXT) {
			if (c->content != NULL)
				lsn_buf_puts(b, (const char *)c->content);
		} else if (c->type == LSN_ELEMENT) {
			if (lsn_is(c, "del") || lsn_is(c, "move-from") ||
			    lsn_is(c, "anchor") || lsn_is(c, "note-ref"))
				continue;
			inline_text(c, b);
		}
	}
}

/* Collapses every run of white space (Unicode Z*, tabs, line breaks)
 * to one space and trims both ends; returns a malloc'd copy or NULL. */
static char *
normalize(const char *s, size_t len)
{
	char			*out, *o;
	size_t			 i = 0;
	int			 space = 0;
	const utf8proc_uint8_t	*u = (const utf8proc_uint8_t *)s;

	if ((out = malloc(len + 1)) == NULL)
		return NULL;
	o = out;
	while (i < len) {
		utf8proc_int32_t	 c;
		utf8proc_ssize_t	 k;
		int			 ws;

		if (u[i] < 0x80) {
			k = 1;
			ws = u[i] == ' ' || (u[i] >= '\t' && u[i] <= '\r');
		} else if ((k = utf8proc_iterate(u + i,
		    (utf8proc_ssize_t)(len - i), &c)) <= 0) {
			k = 1;
			ws = 0;
		} else {
			utf8proc_category_t cat = utf8proc_category(c);
			ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f' || c == '\v' ||
			    cat == UTF8PROC_CATEGORY_ZS ||
			    cat == UTF8PROC_CATEGORY_ZL ||
			    cat == UTF8PROC_CATEGORY_ZP;
		}
		if (ws)
			space = 1;
		else {
			if (space && o != out)
				*o++ = ' ';
			space = 0;
			memcpy(o, s + i, (size_t)k);
			o += k;
		}
		i += (size_t)k;
	}
	*o = '\0';
	return out;
}

/* Sets u->text from the inline content of element n (NULL: empty). */
static void
set_text_from(struct aligner *al, struct unit *u, lsn_node *n)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (u == NULL)
		return;
	if (n != NULL)
		inline_text(n, &b);
	if (b.oom || (u->text = normalize(lsn_buf_str(&b), b.len)) == NULL)
		al->oom = 1;
	lsn_buf_free(&b);
}

static void
set_str(struct aligner *al, char **dst, const char *s)
{
	if (s == NULL || al->oom)
		return;
	if ((*dst = strdup(s)) == NULL)
		al->oom = 1;
}

static void
set_seg(struct aligner *al, struct unit *u, const char *name, size_t n)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (u == NULL)
		return;
	if (lsn_buf_printf(&b, "%s %zu", name, n) == -1 ||
	    (u->seg = lsn_buf_detach(&b, NULL)) == NULL)
		al->oom = 1;
	lsn_buf_free(&b);
}

/* A heading for a location: at most about 60 bytes, cut at a space. */
static void
set_heading_seg(struct aligner *al, struct unit *u, const char *prefix,
    const char *number, const char *text)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	size_t		 len = strlen(text), cut = len;

	if (u == NULL)
		return;
	if (len > 60) {
		cut = 60;
		while (cut > 30 && text[cut] != ' ')
			cut--;
		while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--;
	}
	if (prefix != NULL)
		lsn_buf_puts(&b, prefix);
	if (number != NULL && *number != '\0') {
		lsn_buf_puts(&b, number);
		if (cut > 0)
			lsn_buf_putc(&b, ' ');
	}
	lsn_buf_put(&b, text, cut);
	if (cut < len)
		lsn_buf_puts(&b, "\xe2\x80\xa6");   /* … */
	if (b.len == 0)
		lsn_buf_puts(&b, "section");
	if (b.oom || (u->seg = lsn_buf_detach(&b, NULL)) == NULL)
		al->oom = 1;
	lsn_buf_free(&b);
}

static void build_blocks(struct aligner *, struct side *, struct unit *,
    lsn_node *);
static void build_section(struct aligner *, struct side *, struct unit *,
    lsn_node *);

/* Counts of block kinds in one container, for "paragraph 3". */
struct counters {
	size_t	 p, list, table, lists_total;
};

static void
build_block(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *n, struct counters *cn)
{
	struct unit	*u, *row, *cell, *item;
	size_t		 k, r, c;

	if (lsn_is(n, "p")) {
		u = unit_new(al, sd, U_PARA, parent, n);
		set_text_from(al, u, n);
		set_seg(al, u, "paragraph", ++cn->p);
	} else if (lsn_is(n, "list")) {
		u = unit_new(al, sd, U_LIST, parent, n);
		if (u == NULL)
			return;
		set_str(al, &u->text, "");
		cn->list++;
		if (cn->lists_total > 1)
			set_seg(al, u, "list", cn->list);
		k = 0;
		for (lsn_node *i = lsn_child(n, "item"); i != NULL;
		    i = lsn_next(i, "item")) {
			item = unit_new(al, sd, U_ITEM, u, i);
			if (item == NULL)
				return;
			item->text_node = lsn_child(i, "text");
			set_text_from(al, item, item->text_node);
			set_str(al, &item->number, lsn_prop(i, "label"));
			set_seg(al, item, "item", ++k);
			build_blocks(al, sd, item, i);
		}
	} else if (lsn_is(n, "table")) {
		u = unit_new(al, sd, U_TABLE, parent, n);
		if (u == NULL)
			return;
		set_str(al, &u->text, "");
		set_seg(al, u, "table", ++cn->table);
		r = 0;
		for (lsn_node *rn = lsn_child(n, "row"); rn != NULL;
		    rn = lsn_next(rn, "row")) {
			if ((row = unit_new(al, sd, U_ROW, u, rn)) == NULL)
				return;
			set_str(al, &row->text, "");
			set_seg(al, row, "row", ++r);
			c = 0;
			for (lsn_node *cl = lsn_child(rn, "cell"); cl != NULL;
			    cl = lsn_next(cl, "cell")) {
				if ((cell = unit_new(al, sd, U_CELL, row, cl)) == NULL)
					return;
				set_str(al, &cell->text, "");
				set_seg(al, cell, "cell", ++c);
				build_blocks(al, sd, cell, cl);
			}
		}
	}
}

/* The block children (p, list, table) of element n, under parent. */
static void
build_blocks(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *n)
{
	struct counters cn = { 0, 0, 0, 0 };

	if (n == NULL)
		return;
	for (lsn_node *c = lsn_child(n, "list"); c != NULL; c = lsn_next(c, "list"))
		cn.lists_total++;
	for (lsn_node *c = lsn_child(n, NULL); c != NULL && !al->oom;
	    c = lsn_next(c, NULL))
		build_block(al, sd, parent, c, &cn);
}

static void
build_section(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *n)
{
	struct unit *u = unit_new(al, sd, U_SECTION, parent, n);

	if (u == NULL)
		return;
	u->text_node = lsn_child(n, "heading");
	set_text_from(al, u, u->text_node);
	set_str(al, &u->number, lsn_prop(n, "number"));
	u->role = lsn_prop(n, "role");
	if (u->text != NULL)
		set_heading_seg(al, u, NULL, u->number, u->text);
	build_blocks(al, sd, u, n);
	for (lsn_node *s = lsn_child(n, "section"); s != NULL && !al->oom;
	    s = lsn_next(s, "section"))
		build_section(al, sd, u, s);
}

static void
build_sections(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *n)
{
	for (lsn_node *s = lsn_child(n, "section"); s != NULL && !al->oom;
	    s = lsn_next(s, "section"))
		build_section(al, sd, parent, s);
}

/* A field: element e's text (contacts: their parts joined). */
static struct unit *
build_field(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *e, const char *key, const char *label, int multi, size_t nth)
{
	struct unit *u = unit_new(al, sd, U_FIELD, parent, e);

	if (u == NULL)
		return NULL;
	u->key = key;
	u->multi = multi;
	if (lsn_is(e, "contact")) {
		struct lsn_buf b = LSN_BUF_INIT;
		for (lsn_node *c = lsn_child(e, NULL); c != NULL;
		    c = lsn_next(c, NULL)) {
			if (b.len > 0)
				lsn_buf_puts(&b, ", ");
			inline_text(c, &b);
		}
		if (b.oom || (u->text = normalize(lsn_buf_str(&b), b.len)) == NULL)
			al->oom = 1;
		lsn_buf_free(&b);
	} else
		set_text_from(al, u, e);
	if (multi)
		set_seg(al, u, label, nth);
	else
		set_str(al, &u->seg, label);
	return u;
}

static const struct {
	const char	*name;
	const char	*label;   /* repeated fields get " N" */
	int		 multi;
} meta_fields[] = {
	{ "title", "Title", 0 },
	{ "source", "Source", 0 },
	{ "purpose", "Purpose", 0 },
	{ "document", "Document", 0 },
	{ "study-period", "Study period", 0 },
	{ "meeting", "Meeting", 0 },
	{ "question", "Question", 1 },
	{ "for-action", "For action", 1 },
	{ "for-information", "For information", 1 },
	{ "approval", "Approval", 0 },
	{ "deadline", "Deadline", 0 },
	{ "contact", "Contact", 1 },
};

static void
build_meta(struct aligner *al, struct side *sd, struct unit *root,
    lsn_node *meta)
{
	struct unit	*g;
	size_t		 nth[sizeof(meta_fields) / sizeof(meta_fields[0])] = { 0 };

	if (meta == NULL || lsn_child(meta, NULL) == NULL)
		return;
	if ((g = unit_new(al, sd, U_GROUP, root, meta)) == NULL)
		return;
	g->key = "meta";
	set_str(al, &g->text, "");
	for (lsn_node *e = lsn_child(meta, NULL); e != NULL && !al->oom;
	    e = lsn_next(e, NULL))
		for (size_t i = 0; i < sizeof(meta_fields) / sizeof(meta_fields[0]); i++)
			if (lsn_is(e, meta_fields[i].name)) {
				build_field(al, sd, g, e, meta_fields[i].name,
				    meta_fields[i].label, meta_fields[i].multi,
				    ++nth[i]);
				break;
			}
}

static void
build_group(struct aligner *al, struct side *sd, struct unit *root,
    lsn_node *e, const char *key, const char *label)
{
	struct unit *g;

	if (e == NULL || lsn_child(e, NULL) == NULL)
		return;
	if ((g = unit_new(al, sd, U_GROUP, root, e)) == NULL)
		return;
	g->key = key;
	set_str(al, &g->text, "");
	set_str(al, &g->seg, label);
	build_blocks(al, sd, g, e);
}

/* What an annex is about: a Question (by id) or a ToR (by group). */
static void
set_subject(struct aligner *al, struct unit *u, lsn_node *annex)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	lsn_node	 *q = lsn_child(annex, "question");
	lsn_node	 *t = lsn_child(annex, "terms-of-reference");
	const char	*kind = lsn_prop(annex, "kind");

	if (q != NULL && lsn_prop(q, "id") != NULL)
		lsn_buf_printf(&b, "question %s", lsn_prop(q, "id"));
	else if (t != NULL || (kind != NULL && strcmp(kind, "terms-of-reference") == 0))
		lsn_buf_printf(&b, "tor %s", t != NULL && lsn_prop(t, "group") ?
		    lsn_prop(t, "group") : "");
	else
		return;
	if (b.oom || (u->subject = lsn_buf_detach(&b, NULL)) == NULL)
		al->oom = 1;
	lsn_buf_free(&b);
}

static void
build_annex(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *a)
{
	struct unit *u = unit_new(al, sd, U_ANNEX, parent, a);
	lsn_node *note;

	if (u == NULL)
		return;
	u->text_node = lsn_child(a, "title");
	set_text_from(al, u, u->text_node);
	set_str(al, &u->number, lsn_prop(a, "id"));
	set_heading_seg(al, u, "Annex ", u->number, "");
	set_subject(al, u, a);
	if ((note = lsn_child(a, "note")) != NULL)
		build_field(al, sd, u, note, "note", "note", 0, 0);
	build_blocks(al, sd, u, lsn_child(a, "body"));
	build_sections(al, sd, u, a);
}

/* The whole document. */
static struct unit *
build_document(struct aligner *al, struct side *sd, const struct lsn_tree *doc)
{
	lsn_node	 *d = lsn_root(doc), *fn;
	struct unit	*root, *g = NULL;
	size_t		 k = 0;

	if ((root = unit_new(al, sd, U_ROOT, NULL, d)) == NULL)
		return NULL;
	set_str(al, &root->text, "");
	build_meta(al, sd, root, lsn_child(d, "meta"));
	build_group(al, sd, root, lsn_child(d, "abstract"), "abstract",
	    "Abstract");
	build_group(al, sd, root, lsn_child(d, "actions-requested"),
	    "actions-requested", "Actions requested");
	build_blocks(al, sd, root, lsn_child(d, "body"));
	build_sections(al, sd, root, d);
	for (lsn_node *a = lsn_child(d, "annex"); a != NULL && !al->oom;
	    a = lsn_next(a, "annex"))
		build_annex(al, sd, root, a);
	for (fn = lsn_child(d, "footnote"); fn != NULL && !al->oom;
	    fn = lsn_next(fn, "footnote")) {
		struct unit *u;
		if (g == NULL) {
			if ((g = unit_new(al, sd, U_GROUP, root, fn)) == NULL)
				return NULL;
			g->key = "footnotes";
			set_str(al, &g->text, "");
			/* Footnotes have no element of their own: the path
			 * of the group is the document's. */
			g->node = g->text_node = d;
		}
		if ((u = unit_new(al, sd, U_FOOTNOTE, g, fn)) == NULL)
			return NULL;
		set_str(al, &u->text, "");
		set_seg(al, u, "footnote", ++k);
		build_blocks(al, sd, u, fn);
	}
	return root;
}

/*
 * One subject (a ToR or a Question) as a document of its own: title,
 * note, body and sections of the annex `a`, or of the document when a
 * is NULL (a standalone ToR or Question).
 */
static struct unit *
build_subject(struct aligner *al, struct side *sd, const struct lsn_tree *doc,
    lsn_node *a)
{
	lsn_node	 *d = lsn_root(doc), *title, *note = NULL;
	lsn_node	 *host = a != NULL ? a : d;
	struct unit	*root;

	if ((root = unit_new(al, sd, U_ROOT, NULL, host)) == NULL)
		return NULL;
	set_str(al, &root->text, "");
	if (a != NULL) {
		set_heading_seg(al, root, "Annex ", lsn_prop(a, "id"), "");
		title = lsn_child(a, "title");
		note = lsn_child(a, "note");
	} else
		title = lsn_child(lsn_child(d, "meta"), "title");
	if (title != NULL)
		build_field(al, sd, root, title, "title", "Title", 0, 0);
	if (note != NULL)
		build_field(al, sd, root, note, "note", "Note", 0, 0);
	build_blocks(al, sd, root, lsn_child(host, "body"));
	build_sections(al, sd, root, host);
	return root;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Subtree hashes and weights, bottom-up. */
static void
finish_unit(struct aligner *al, struct unit *u)
{
	uint64_t	 h = FNV64_OFFSET;
	unsigned char	 k = (unsigned char)u->kind;

	if (u->text == NULL && !al->oom)
		set_str(al, &u->text, "");
	if (al->oom)
		return;
	h = hash_bytes(h, &k, 1);
	if (u->key != NULL)
		h = hash_bytes(h, u->key, strlen(u->key) + 1);
	h = hash_bytes(h, u->text, strlen(u->text) + 1);
	u->weight = 1;
	for (size_t i = 0; i < u->nkids; i++) {
		finish_unit(al, u->kids[i]);
		if (al->oom)
			return;
		h = hash_bytes(h, &u->kids[i]->hash, sizeof(uint64_t));
		u->weight += u->kids[i]->weight;
	}
	u->hash = h;
}

/*
 * Word sets of u and its subtree, computed on first need: units equal
 * by hash are never compared, so an unchanged document costs no sets.
 * Returns 0, or -1 when memory ran out.
 */
static int
ensure_set(struct unit *u)
{
	size_t total;

	if (u->has_set)
		return 0;
	if (lsn_token_set(u->text, strlen(u->text), &u->hset, &u->nhset) == -1)
		return -1;
	total = u->nhset;
	for (size_t i = 0; i < u->nkids; i++) {
		if (ensure_set(u->kids[i]) == -1)
			return -1;
		total += u->kids[i]->nset;
	}
	u->has_set = 1;
	if (total == 0)
		return 0;
	/* Union of own words and the kids': concatenate, sort, dedupe. */
	if ((u->set = malloc(total * sizeof(uint32_t))) == NULL)
		return -1;
	if (u->nhset > 0)
		memcpy(u->set, u->hset, u->nhset * sizeof(uint32_t));
	total = u->nhset;
	for (size_t i = 0; i < u->nkids; i++) {
		const struct unit *c = u->kids[i];
		if (c->nset > 0)
			memcpy(u->set + total, c->set, c->nset * sizeof(uint32_t));
		total += c->nset;
	}
	if (u->nkids > 0)
		qsort(u->set, total, sizeof(uint32_t), cmp_u32);
	u->nset = 0;
	for (size_t i = 0; i < total; i++)
		if (u->nset == 0 || u->set[u->nset - 1] != u->set[i])
			u->set[u->nset++] = u->set[i];
	return 0;
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */

/* Whether a and b may be matched at all. */
static int
compatible(const struct unit *a, const struct unit *b)
{
	if (a->kind != b->kind)
		return 0;
	if ((a->key != NULL || b->key != NULL) && (a->key == NULL ||
	    b->key == NULL || strcmp(a->key, b->key) != 0))
		return 0;
	/* Annexes with two different Questions are two subjects. */
	if (a->kind == U_ANNEX && a->subject != NULL && b->subject != NULL &&
	    strncmp(a->subject, "question ", 9) == 0 &&
	    strncmp(b->subject, "question ", 9) == 0 &&
	    strcmp(a->subject, b->subject) != 0)
		return 0;
	return 1;
}

/* Similarity of two units in [0, 1]; 0 when they cannot match. Their
 * word sets must have been computed (ensure_set). */
static double
score(const struct unit *a, const struct unit *b)
{
	double	 hs, cs, s;

	if (!compatible(a, b))
		return 0.0;
	if (a->key != NULL && !a->multi)
		return 1.0;
	cs = lsn_set_similarity(a->set, a->nset, b->set, b->nset);
	switch (a->kind) {
	case U_ANNEX:
		if (a->subject != NULL && b->subject != NULL &&
		    strcmp(a->subject, b->subject) == 0)
			return 1.0;
		/* FALLTHROUGH */
	case U_SECTION:
		hs = lsn_set_similarity(a->hset, a->nhset, b->hset, b->nhset);
		s = (hs + cs) / 2;
		if (cs > s)
			s = cs;
		if ((a->nhset > 0 && hs == 1.0) || (a->role != NULL &&
		    b->role != NULL && strcmp(a->role, b->role) == 0)) {
			/* Same heading or role: the same section, edited. */
			if (s < 0.6 + 0.4 * cs)
				s = 0.6 + 0.4 * cs;
		}
		return s;
	default:
		return cs;
	}
}

struct cand {
	size_t	 ia, ib;
	double	 score;
	double	 dist;    /* difference of relative positions */
};

static int
cand_cmp(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->ia != b->ia)
		return a->ia < b->ia ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

struct posting {
	uint32_t	 tok;
	uint32_t	 ib;
};

static int
posting_cmp(const void *x, const void *y)
{
	const struct posting *a = x, *b = y;

	if (a->tok != b->tok)
		return a->tok < b->tok ? -1 : 1;
	return a->ib < b->ib ? -1 : a->ib > b->ib;
}

/* Words in more units than this say nothing about which unit is which. */
#define POSTING_MAX 64
/* Candidates compared per unit beyond its neighbours. */
#define CAND_PER_UNIT 16
/* Below this many pairs, every pair is compared. */
#define ALL_PAIRS_MAX 4096

/* Whether unit u (or one of its unmatched ancestors up to a matched one)
 * may take a partner now: used by the cross-container pass so that a
 * unit and its ancestor are not both matched across. */
static int
free_for_cross(const struct unit *u)
{
	if (u->partner != NULL || u->blocked)
		return 0;
	for (const struct unit *p = u->parent; p != NULL; p = p->parent) {
		if (p->moved == 2)   /* matched across during this pass */
			return 0;
		if (p->partner != NULL)
			return 1;
	}
	return 1;
}

static void
take(struct unit *a, struct unit *b, int cross)
{
	a->partner = b;
	b->partner = a;
	if (cross) {
		a->moved = b->moved = 2;   /* 2: across containers */
		for (struct unit *p = a->parent; p != NULL && p->partner == NULL;
		    p = p->parent)
			p->blocked = 1;
		for (struct unit *p = b->parent; p != NULL && p->partner == NULL;
		    p = p->parent)
			p->blocked = 1;
	}
}

static int
can_take(const struct unit *a, const struct unit *b, int cross)
{
	if (a->partner != NULL || b->partner != NULL)
		return 0;
	if (!cross)
		return 1;
	return free_for_cross(a) && free_for_cross(b);
}

/* The chain of u in match_units' first step: its subtree hash and its
 * key, which compatible units share. */
static size_t
equal_bucket(const struct unit *u, size_t hsize)
{
	uint64_t	 h = u->hash;

	if (u->key != NULL)
		h = hash_bytes(h, u->key, strlen(u->key));
	return (size_t)(h & (hsize - 1));
}

/*
 * Matches the units a[0..na) with b[0..nb) (those without a partner):
 * equal hashes first, then by score >= threshold over bounded
 * candidates. Sets partners. Returns 0, or -1 when memory ran out.
 */
static int
match_units(struct unit **a, size_t na, struct unit **b, size_t nb,
    double threshold, int cross)
{
	size_t		 *ra = NULL, *rb = NULL, nra = 0, nrb = 0, i, j;
	size_t		 *next = NULL, *head = NULL, hsize, ncand = 0, capcand = 0;
	struct cand	 *cand = NULL;
	struct posting	 *post = NULL;
	unsigned	 *cnt = NULL;
	size_t		 *touched = NULL, npost = 0;
	int		  rc = -1;

	if (na == 0 || nb == 0)
		return 0;
	/* 1. Equal subtrees, the k-th of a hash with the k-th. */
	for (hsize = 16; hsize < nb * 2; hsize *= 2)
		;
	if ((head = malloc(hsize * sizeof(*head))) == NULL ||
	    (next = malloc(nb * sizeof(*next))) == NULL)
		goto out;
	for (i = 0; i < hsize; i++)
		head[i] = SIZE_MAX;
	for (j = nb; j-- > 0;) {
		size_t h = equal_bucket(b[j], hsize);
		next[j] = head[h];
		head[h] = j;
	}
	/* A unit taken leaves its chain: a thousand equal paragraphs were
	 * each compared with every one taken before them. */
	for (i = 0; i < na; i++) {
		size_t *link;

		if (a[i]->partner != NULL)
			continue;
		for (link = &head[equal_bucket(a[i], hsize)];
		    (j = *link) != SIZE_MAX;) {
			if (b[j]->partner != NULL) {
				*link = next[j];
				continue;
			}
			if (b[j]->hash == a[i]->hash && b[j]->kind == a[i]->kind &&
			    strcmp(b[j]->text, a[i]->text) == 0 &&
			    compatible(a[i], b[j]) && can_take(a[i], b[j], cross)) {
				take(a[i], b[j], cross);
				*link = next[j];
				break;
			}
			link = &next[j];
		}
	}
	/* 2. The leftovers, by similarity. */
	if ((ra = malloc(na * sizeof(*ra))) == NULL ||
	    (rb = malloc(nb * sizeof(*rb))) == NULL)
		goto out;
	for (i = 0; i < na; i++)
		if (a[i]->partner == NULL)
			ra[nra++] = i;
	for (j = 0; j < nb; j++)
		if (b[j]->partner == NULL)
			rb[nrb++] = j;
	if (nra == 0 || nrb == 0) {
		rc = 0;
		goto out;
	}
	for (i = 0; i < nra; i++)
		if (ensure_set(a[ra[i]]) == -1)
			goto out;
	for (j = 0; j < nrb; j++)
		if (ensure_set(b[rb[j]]) == -1)
			goto out;
#define ADD_CAND(x, y) do {						\
	double s_ = score(a[ra[x]], b[rb[y]]);				\
	if (s_ >= threshold) {						\
		if (ncand == capcand) {					\
			size_t nc_ = capcand ? capcand * 2 : 64;	\
			struct cand *p_ = realloc(cand, nc_ * sizeof(*p_)); \
			if (p_ == NULL)					\
				goto out;				\
			cand = p_;					\
			capcand = nc_;					\
		}							\
		cand[ncand].ia = ra[x];					\
		cand[ncand].ib = rb[y];					\
		cand[ncand].score = s_;					\
		cand[ncand].dist = (double)(x) / (double)nra -		\
		    (double)(y) / (double)nrb;				\
		if (cand[ncand].dist < 0)				\
			cand[ncand].dist = -cand[ncand].dist;		\
		ncand++;						\
	}								\
} while (0)
	if (nra * nrb <= ALL_PAIRS_MAX) {
		for (i = 0; i < nra; i++)
			for (j = 0; j < nrb; j++)
				ADD_CAND(i, j);
	} else {
		/* Inverted index of the words of the b leftovers. */
		size_t total = 0, p, q;
		for (j = 0; j < nrb; j++)
			total += b[rb[j]]->nset;
		if ((post = malloc((total + 1) * sizeof(*post))) == NULL ||
		    (cnt = calloc(nrb, sizeof(*cnt))) == NULL ||
		    (touched = malloc(nrb * sizeof(*touched))) == NULL)
			goto out;
		for (j = 0; j < nrb; j++)
			for (p = 0; p < b[rb[j]]->nset; p++) {
				post[npost].tok = b[rb[j]]->set[p];
				post[npost++].ib = (uint32_t)j;
			}
		qsort(post, npost, sizeof(*post), posting_cmp);
		/* Drop the common words' runs once, so that every run left
		 * is at most POSTING_MAX long. */
		for (p = q = 0; p < npost;) {
			size_t end = p;
			while (end < npost && post[end].tok == post[p].tok)
				end++;
			if (end - p <= POSTING_MAX)
				while (p < end)
					post[q++] = post[p++];
			p = end;
		}
		npost = q;
		for (i = 0; i < nra; i++) {
			const struct unit *u = a[ra[i]];
			size_t nt = 0, lo, hi, expect, y, ntop;
			size_t top[CAND_PER_UNIT];
			for (p = 0; p < u->nset; p++) {
				lo = 0;
				hi = npost;
				while (lo < hi) {
					size_t mid = lo + (hi - lo) / 2;
					if (post[mid].tok < u->set[p])
						lo = mid + 1;
					else
						hi = mid;
				}
				for (q = lo; q < npost && post[q].tok == u->set[p]; q++)
					;
				for (; lo < q; lo++) {
					if (cnt[post[lo].ib]++ == 0)
						touched[nt++] = post[lo].ib;
				}
			}
			/* Keep the CAND_PER_UNIT most shared: a small sorted
			 * array, most entries fail one comparison. */
			ntop = 0;
			for (p = 0; p < nt; p++) {
				size_t t = touched[p];
				if (ntop == CAND_PER_UNIT &&
				    cnt[t] <= cnt[top[ntop - 1]])
					continue;
				if (ntop < CAND_PER_UNIT)
					ntop++;
				for (q = ntop - 1; q > 0 && cnt[top[q - 1]] < cnt[t]; q--)
					top[q] = top[q - 1];
				top[q] = t;
			}
			for (p = 0; p < ntop; p++)
				ADD_CAND(i, top[p]);
			for (p = 0; p < nt; p++)
				cnt[touched[p]] = 0;
			/* And the neighbours by relative position. */
			expect = (size_t)((double)i * (double)nrb / (double)nra);
			for (y = expect > 2 ? expect - 2 : 0;
			    y < nrb && y <= expect + 2; y++)
				ADD_CAND(i, y);
		}
	}
#undef ADD_CAND
	if (ncand > 0)
		qsort(cand, ncand, sizeof(*cand), cand_cmp);
	for (i = 0; i < ncand; i++)
		if (can_take(a[cand[i].ia], b[cand[i].ib], cross))
			take(a[cand[i].ia], b[cand[i].ib], cross);
	rc = 0;
out:
	free(ra);
	free(rb);
	free(head);
	free(next);
	free(cand);
	free(post);
	free(cnt);
	free(touched);
	return rc;
}

/*
 * Marks as moved the matched kids of nb (new side) that are not in a
 * maximum-weight increasing subsequence of partner positions: the LCS
 * of the two orders, computed in O(n log n) with a Fenwick tree.
 */
static int
mark_moves(struct unit *oa, struct unit *nb)
{
	size_t	 n = nb->nkids, m = oa->nkids, i, x;
	size_t	*prev = NULL, *tree_i = NULL, *tree_w = NULL, *best = NULL;
	size_t	*oldpos = NULL, top = SIZE_MAX, tw = 0;
	int	 rc = -1;

	if (n == 0 || m == 0)
		return 0;
	if ((oldpos = malloc(n * sizeof(*oldpos))) == NULL ||
	    (prev = malloc(n * sizeof(*prev))) == NULL ||
	    (best = malloc(n * sizeof(*best))) == NULL ||
	    (tree_w = calloc(m + 1, sizeof(*tree_w))) == NULL ||
	    (tree_i = malloc((m + 1) * sizeof(*tree_i))) == NULL)
		goto out;
	for (i = 0; i <= m; i++)
		tree_i[i] = SIZE_MAX;
	for (i = 0; i < n; i++) {
		struct unit *p = nb->kids[i]->partner;
		oldpos[i] = p == NULL || p->parent != oa || p->moved == 2 ?
		    SIZE_MAX : p->index;
		prev[i] = SIZE_MAX;
		best[i] = 0;
	}
	for (i = 0; i < n; i++) {
		size_t bw = 0, bi = SIZE_MAX;
		if (oldpos[i] == SIZE_MAX)
			continue;
		/* Heaviest chain ending at an old position below oldpos[i]. */
		for (x = oldpos[i]; x > 0; x -= x & (~x + 1))
			if (tree_w[x] > bw) {
				bw = tree_w[x];
				bi = tree_i[x];
			}
		best[i] = bw + nb->kids[i]->weight;
		prev[i] = bi;
		for (x = oldpos[i] + 1; x <= m; x += x & (~x + 1))
			if (best[i] > tree_w[x]) {
				tree_w[x] = best[i];
				tree_i[x] = i;
			}
	}
	/* Everything matched outside the heaviest chain moved. */
	for (i = 0; i < n; i++)
		if (oldpos[i] != SIZE_MAX) {
			nb->kids[i]->moved = 1;
			if (best[i] > tw) {
				tw = best[i];
				top = i;
			}
		}
	for (i = top; i != SIZE_MAX; i = prev[i])
		nb->kids[i]->moved = 0;
	rc = 0;
out:
	free(prev);
	free(best);
	free(tree_w);
	free(tree_i);
	free(oldpos);
	return rc;
}

/* Threshold for units in the same container, and across containers. */
#define MATCH_THRESHOLD 0.5
#define CROSS_THRESHOLD 0.6

/* Phase 1: aligns the kids of the matched pair (oa, nb), recursively. */
static int
align_pair(struct unit *oa, struct unit *nb)
{
	size_t i;

	if (oa->kind == U_ROW) {
		/* Cells by column. */
		for (i = 0; i < oa->nkids && i < nb->nkids; i++)
			if (oa->kids[i]->partner == NULL &&
			    nb->kids[i]->partner == NULL)
				take(oa->kids[i], nb->kids[i], 0);
	} else if (match_units(oa->kids, oa->nkids, nb->kids, nb->nkids,
	    MATCH_THRESHOLD, 0) == -1)
		return -1;
	if (mark_moves(oa, nb) == -1)
		return -1;
	for (i = 0; i < nb->nkids; i++) {
		struct unit *k = nb->kids[i];
		if (k->partner != NULL && k->partner->parent == oa &&
		    k->moved != 2 && align_pair(k->partner, k) == -1)
			return -1;
	}
	return 0;
}

static int
movable(const struct unit *u)
{
	return u->kind == U_SECTION || u->kind == U_PARA || u->kind == U_LIST ||
	    u->kind == U_ITEM || u->kind == U_TABLE || u->kind == U_ANNEX;
}

static int
weight_desc(const void *x, const void *y)
{
	const struct unit *a = *(struct unit *const *)x;
	const struct unit *b = *(struct unit *const *)y;

	return a->weight > b->weight ? -1 : a->weight < b->weight;
}

/* Collects the unmatched movable units of a side (any depth). */
static int
pool(struct side *sd, struct unit ***out, size_t *n)
{
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if (sd->n == 0)
		return 0;
	if ((*out = malloc(sd->n * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < sd->n; i++) {
		struct unit *u = sd->all[i];
		if (u->partner == NULL && movable(u))
			(*out)[k++] = u;
	}
	/* Whole subtrees first, so a moved section moves as one. */
	qsort(*out, k, sizeof(**out), weight_desc);
	*n = k;
	return 0;
}

/* Phase 2: matches across containers what phase 1 left over. */
static int
align_across(struct aligner *al)
{
	struct unit	**pa, **pb;
	size_t		  na, nb, i;
	int		  rc = -1;

	if (pool(&al->old, &pa, &na) == -1)
		return -1;
	if (pool(&al->new, &pb, &nb) == -1) {
		free(pa);
		return -1;
	}
	if (match_units(pa, na, pb, nb, CROSS_THRESHOLD, 1) == -1)
		goto out;
	/* The kids of containers matched across are aligned as usual. */
	for (i = 0; i < nb; i++)
		if (pb[i]->partner != NULL && pb[i]->moved == 2 &&
		    align_pair(pb[i]->partner, pb[i]) == -1)
			goto out;
	rc = 0;
out:
	free(pa);
	free(pb);
	return rc;
}

/* Dice similarity of a's own words against the union of b's and c's. */
static double
joined_similarity(const struct unit *a, const struct unit *b,
    const struct unit *c, int *oom)
{
	uint32_t	*u;
	size_t		 x = 0, y = 0, n = 0;
	double		 s;

	if (b->nhset + c->nhset == 0)
		return 0.0;
	if ((u = malloc((b->nhset + c->nhset) * sizeof(*u))) == NULL) {
		*oom = 1;
		return 0.0;
	}
	while (x < b->nhset || y < c->nhset) {
		if (y >= c->nhset || (x < b->nhset && b->hset[x] < c->hset[y]))
			u[n++] = b->hset[x++];
		else if (x >= b->nhset || c->hset[y] < b->hset[x])
			u[n++] = c->hset[y++];
		else {
			u[n++] = b->hset[x++];
			y++;
		}
	}
	s = lsn_set_similarity(a->hset, a->nhset, u, n);
	free(u);
	return s;
}

static int
joinable(const struct unit *u)
{
	return (u->kind == U_PARA || u->kind == U_ITEM) && u->nkids == 0 &&
	    u->partner == NULL && !u->absorbed && u->joined == NULL;
}

/* A split or a merge must explain the text far better than the pair
 * alone, and nearly all of it. */
#define JOIN_MIN 0.75
#define JOIN_GAIN 0.2

/*
 * Looks beside the changed pair (o, n) for a unit left unmatched that,
 * joined to n (a split) or to o (a merge), makes the two texts nearly
 * the same. Returns 0, or -1 when memory ran out.
 */
static int
try_join(struct unit *o, struct unit *n)
{
	struct unit	*best = NULL, *cand[4];
	double		 base, s, best_s = 0.0;
	int		 oom = 0, best_side = 0, best_before = 0;

	if (ensure_set(o) == -1 || ensure_set(n) == -1)
		return -1;
	base = lsn_set_similarity(o->hset, o->nhset, n->hset, n->nhset);
	/* Neighbours: n's before and after (split), o's (merge). */
	cand[0] = n->index > 0 ? n->parent->kids[n->index - 1] : NULL;
	cand[1] = n->index + 1 < n->parent->nkids ?
	    n->parent->kids[n->index + 1] : NULL;
	cand[2] = o->index > 0 ? o->parent->kids[o->index - 1] : NULL;
	cand[3] = o->index + 1 < o->parent->nkids ?
	    o->parent->kids[o->index + 1] : NULL;
	for (int i = 0; i < 4; i++) {
		struct unit *c = cand[i];
		if (c == NULL || c->kind != n->kind || !joinable(c))
			continue;
		if (ensure_set(c) == -1)
			return -1;
		s = i < 2 ? joined_similarity(o, n, c, &oom) :
		    joined_similarity(n, o, c, &oom);
		if (oom)
			return -1;
		if (s > best_s) {
			best_s = s;
			best = c;
			best_side = i < 2 ? 0 : 1;
			best_before = i % 2 == 0;
		}
	}
	if (best == NULL || best_s < JOIN_MIN || best_s < base + JOIN_GAIN)
		return 0;
	if (best_side == 0) {
		n->joined = best;
		n->join_before = best_before;
	} else {
		o->joined = best;
		o->join_before = best_before;
	}
	best->absorbed = 1;
	return 0;
}

/* Phase 2b: splits and merges of paragraphs and items. */
static int
find_joins(struct side *new_side)
{
	for (size_t i = 0; i < new_side->n; i++) {
		struct unit *n = new_side->all[i], *o = n->partner;
		if (o == NULL || (n->kind != U_PARA && n->kind != U_ITEM) ||
		    n->nkids > 0 || o->nkids > 0 || n->absorbed ||
		    o->absorbed || n->joined != NULL || o->joined != NULL ||
		    strcmp(o->text, n->text) == 0)
			continue;
		if (try_join(o, n) == -1)
			return -1;
	}
	return 0;
}

/* u (a kid of nb) stayed in place, matched to a kid of oa. */
static int
stays(const struct unit *u, const struct unit *oa)
{
	return u->partner != NULL && u->partner->parent == oa && !u->moved;
}

/* An unmatched paragraph or item, part of no split or merge. */
static int
lone(const struct unit *u)
{
	return u->partner == NULL && !u->absorbed && u->joined == NULL &&
	    u->nkids == 0 && (u->kind == U_PARA || u->kind == U_ITEM);
}

/*
 * Phase 2c: in a matched container, a gap between two units that stayed
 * that holds exactly one unit on each side, both unmatched paragraphs
 * (or items), is one rewritten in place, however few words are left: a
 * replacement with its word changes reads better than a delete and an
 * insert (a ToR's subtitle naming the TSAG report, annex and date that
 * approved it).
 */
static void
pair_lone(struct unit *oa, struct unit *nb)
{
	size_t	 i = 0, j = 0, ni, nj;

	for (;;) {
		for (nj = j; nj < nb->nkids && !stays(nb->kids[nj], oa); nj++)
			;
		ni = nj < nb->nkids ? nb->kids[nj]->partner->index :
		    oa->nkids;
		if (ni == i + 1 && nj == j + 1 && lone(oa->kids[i]) &&
		    lone(nb->kids[j]) && oa->kids[i]->kind == nb->kids[j]->kind)
			take(oa->kids[i], nb->kids[j], 0);
		if (nj >= nb->nkids || ni < i)
			break;
		i = ni + 1;
		j = nj + 1;
	}
}

static void
pair_lone_gaps(struct side *new_side)
{
	for (size_t i = 0; i < new_side->n; i++) {
		struct unit *n = new_side->all[i];
		if (n->partner != NULL && n->nkids > 0 && n->kind != U_ROW)
			pair_lone(n->partner, n);
	}
}

static int
compute_has_match(struct unit *u)
{
	int any = u->partner != NULL;

	for (size_t i = 0; i < u->nkids; i++)
		any |= compute_has_match(u->kids[i]);
	u->has_match = any;
	return any;
}

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
		lsn_buf_puts(b, "Annex");
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

static lsn_node *
new_child(struct aligner *al, lsn_node *parent, const char *name,
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

static void
set_attr(struct aligner *al, lsn_node *n, const char *name, const char *v)
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
	set_attr(al, c, name, p);
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
	set_attr(al, c, name, w);
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
		set_attr(al, v, "n", num);
	} else {
		struct lsn_buf b = LSN_BUF_INIT;

		display_own(u, &b);
		if (b.oom)
			al->oom = 1;
		else if (b.len > 0)
			v = new_child(al, al->view, "equal", lsn_buf_str(&b),
			    b.len);
		lsn_buf_free(&b);
		if (v == NULL || al->oom)
			return;
	}
	set_attr(al, v, "kind", kind_names[u->kind]);
	/* A replaced item's words are its text alone: the label too. */
	if (change != NULL && u->kind == U_ITEM && u->number != NULL &&
	    *u->number != '\0' && lsn_diff_child_text(change, "old") != NULL &&
	    lsn_diff_child_text(change, "new") != NULL && u->joined == NULL)
		set_attr(al, v, "label", u->number);
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
	c = new_child(al, al->root, "change", NULL, 0);
	set_attr(al, c, "op", op);
	set_where_attr(al, c, "where", here);
	if (al->where_suffix != NULL && !al->oom) {
		const char *wh = lsn_prop(c, "where");
		struct lsn_buf b = LSN_BUF_INIT;
		if (wh == NULL || lsn_buf_puts(&b, wh) == -1 ||
		    lsn_buf_puts(&b, al->where_suffix) == -1)
			al->oom = 1;
		else
			set_attr(al, c, "where", lsn_buf_str(&b));
		lsn_buf_free(&b);
	}
	set_path_attr(al, c, "path", here);
	if (u_old != NULL && u_new != NULL) {
		/* Moves and replacements: where it was, too. */
		set_where_attr(al, c, "old-where", u_old);
		set_path_attr(al, c, "old-path", u_old);
	}
	if (old != NULL)
		new_child(al, c, "old", old, strlen(old));
	if (new != NULL)
		new_child(al, c, "new", new, strlen(new));
	w = new_child(al, c, "words", NULL, 0);
	if (old != NULL && new != NULL) {
		struct lsn_wop *ops;
		size_t n;
		if (lsn_word_diff(old, strlen(old), new, strlen(new), &ops,
		    &n) == -1) {
			al->oom = 1;
			return;
		}
		for (size_t i = 0; i < n; i++)
			new_child(al, w, ops[i].op == LSN_WOP_EQUAL ? "equal" :
			    ops[i].op == LSN_WOP_INSERT ? "insert" : "delete",
			    ops[i].text, ops[i].len);
		free(ops);
	} else if (old != NULL && *old != '\0')
		new_child(al, w, "delete", old, strlen(old));
	else if (new != NULL && *new != '\0')
		new_child(al, w, "insert", new, strlen(new));
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

static void emit_pair(struct aligner *, struct unit *, struct unit *, int);

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
			add_change(al, "delete", u, NULL, lsn_buf_str(&b), NULL);
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
		emit_pair(al, u->partner, u, 1);
		return;
	}
	if (!u->has_match && !unnamed_group(u)) {
		display_tree(u, &b);
		if (b.oom)
			al->oom = 1;
		else
			add_change(al, "insert", NULL, u, NULL, lsn_buf_str(&b));
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
			emit_pair(al, p, u, 0);
		} else if (p != NULL)
			emit_pair(al, p, u, 1);
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

static void
emit_pair(struct aligner *al, struct unit *oa, struct unit *nb, int moved)
{
	struct lsn_buf	 ob = LSN_BUF_INIT, nbuf = LSN_BUF_INIT;
	char		*suffix;

	if (al->oom)
		return;
	if (oa->joined != NULL || nb->joined != NULL) {
		/* A split or a merge: one change, both pieces in it. */
		joined_text(oa, &ob);
		joined_text(nb, &nbuf);
		if (ob.oom || nbuf.oom || (suffix = join_suffix(oa, nb)) == NULL)
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

/* ------------------------------------------------------------------ */
/* Subjects                                                            */

static const char *
tor_group(lsn_node *host)
{
	return lsn_prop(lsn_child(host, "terms-of-reference"), "group");
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
	const char *kind = lsn_prop(d, "kind");
	size_t n = 0;

	if (lsn_child(d, "terms-of-reference") != NULL ||
	    (kind != NULL && strcmp(kind, "terms-of-reference") == 0))
		return d;
	for (lsn_node *a = lsn_child(d, "annex"); a != NULL;
	    a = lsn_next(a, "annex")) {
		const char *k = lsn_prop(a, "kind"), *g = tor_group(a);
		if (lsn_child(a, "terms-of-reference") != NULL ||
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
	lsn_node *q = lsn_child(host, "question");

	return q != NULL ? lsn_prop(q, "id") : NULL;
}

/* The annex (or the document) carrying Question `id`, or NULL. */
static lsn_node *
find_question(const struct lsn_tree *doc, const char *id)
{
	lsn_node *d = lsn_root(doc);
	const char *q = question_id(d);

	if (q != NULL && strcmp(q, id) == 0)
		return d;
	for (lsn_node *a = lsn_child(d, "annex"); a != NULL;
	    a = lsn_next(a, "annex"))
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
	const char	*ko = lsn_prop(ro, "kind"), *kn = lsn_prop(rn, "kind");
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
	    h = h == ro ? lsn_child(ro, "annex") : lsn_next(h, "annex")) {
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
		ro = build_subject(&al, &al.old, old_model,
		    so == lsn_root(old_model) ? NULL : so);
		rn = build_subject(&al, &al.new, new_model,
		    sn == lsn_root(new_model) ? NULL : sn);
	} else {
		ro = build_document(&al, &al.old, old_model);
		rn = build_document(&al, &al.new, new_model);
	}
	if (ro == NULL || rn == NULL || al.oom)
		goto oom;
	finish_unit(&al, ro);
	finish_unit(&al, rn);
	if (al.oom)
		goto oom;
	take(ro, rn, 0);
	if (align_pair(ro, rn) == -1 || align_across(&al) == -1 ||
	    find_joins(&al.new) == -1)
		goto oom;
	pair_lone_gaps(&al.new);
	compute_has_match(ro);
	compute_has_match(rn);
	emit_pair(&al, ro, rn, 0);
	if (al.oom)
		goto oom;
	st = new_child(&al, root, "stats", NULL, 0);
#define STAT(name, v) do {						\
	snprintf(num, sizeof(num), "%lu", (v));				\
	set_attr(&al, st, name, num);					\
} while (0)
	STAT("inserted", al.inserted);
	STAT("deleted", al.deleted);
	STAT("replaced", al.replaced);
	STAT("moved", al.moved);
	STAT("unchanged", al.unchanged);
#undef STAT
	if (al.oom)
		goto oom;
	side_free(&al.old);
	side_free(&al.new);
	free(al.pos.slots);
	return 0;
oom:
	side_free(&al.old);
	side_free(&al.new);
	free(al.pos.slots);
	lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
	    "out of memory while comparing documents");
	return -1;
}
