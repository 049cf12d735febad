/* SPDX-License-Identifier: MIT */
/*
 * units.c: the aligner's units built from a model (align.c tells the
 * whole method): groups, fields, sections, annexes, paragraphs, lists,
 * items, tables, rows, cells and footnotes, with their normalized text,
 * subtree hashes and word sets.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "diff/diff.h"
#include "diff/align.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/error.h"

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
	/* from the side's arena: a malloc of its own took 16 bytes more
	 * a unit, a paragraph's on each side */
	if ((u = lsn_arena_alloc(&sd->units, sizeof(*u))) == NULL) {
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
}

void
lsn_align_side_free(struct side *sd)
{
	for (size_t i = 0; i < sd->n; i++)
		unit_free(sd->all[i]);
	free(sd->all);
	lsn_arena_free(&sd->units);
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
			if (lsn_is_n(c, LSN_N_DEL) ||
			    lsn_is_n(c, LSN_N_MOVE_FROM) ||
			    lsn_is_n(c, LSN_N_ANCHOR) ||
			    lsn_is_n(c, LSN_N_NOTE_REF))
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
	/* " " and at most 20 digits: a buffer's first 64 bytes, kept for
	 * "paragraph 3" in every unit, were 8% of a long text's diff */
	size_t	 size = strlen(name) + 22;

	if (u == NULL || al->oom)
		return;
	if ((u->seg = malloc(size)) == NULL) {
		al->oom = 1;
		return;
	}
	snprintf(u->seg, size, "%s %zu", name, n);
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

	if (lsn_is_n(n, LSN_N_P)) {
		u = unit_new(al, sd, U_PARA, parent, n);
		set_text_from(al, u, n);
		set_seg(al, u, "paragraph", ++cn->p);
	} else if (lsn_is_n(n, LSN_N_LIST)) {
		u = unit_new(al, sd, U_LIST, parent, n);
		if (u == NULL)
			return;
		set_str(al, &u->text, "");
		cn->list++;
		if (cn->lists_total > 1)
			set_seg(al, u, "list", cn->list);
		k = 0;
		for (lsn_node *i = lsn_child_n(n, LSN_N_ITEM); i != NULL;
		    i = lsn_next_n(i, LSN_N_ITEM)) {
			item = unit_new(al, sd, U_ITEM, u, i);
			if (item == NULL)
				return;
			item->text_node = lsn_child_n(i, LSN_N_TEXT);
			set_text_from(al, item, item->text_node);
			set_str(al, &item->number, lsn_prop_n(i, LSN_N_LABEL));
			set_seg(al, item, "item", ++k);
			build_blocks(al, sd, item, i);
		}
	} else if (lsn_is_n(n, LSN_N_TABLE)) {
		u = unit_new(al, sd, U_TABLE, parent, n);
		if (u == NULL)
			return;
		/* a table's own text is its alt text */
		if (lsn_child_n(n, LSN_N_ALT) != NULL)
			set_text_from(al, u, lsn_child_n(n, LSN_N_ALT));
		else
			set_str(al, &u->text, "");
		set_seg(al, u, "table", ++cn->table);
		r = 0;
		for (lsn_node *rn = lsn_child_n(n, LSN_N_ROW); rn != NULL;
		    rn = lsn_next_n(rn, LSN_N_ROW)) {
			if ((row = unit_new(al, sd, U_ROW, u, rn)) == NULL)
				return;
			set_str(al, &row->text, "");
			set_seg(al, row, "row", ++r);
			c = 0;
			for (lsn_node *cl = lsn_child_n(rn, LSN_N_CELL);
			    cl != NULL;
			    cl = lsn_next_n(cl, LSN_N_CELL)) {
				if ((cell = unit_new(al, sd, U_CELL, row,
				    cl)) == NULL)
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
	for (lsn_node *c = lsn_child_n(n, LSN_N_LIST); c != NULL;
	    c = lsn_next_n(c, LSN_N_LIST))
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
	u->text_node = lsn_child_n(n, LSN_N_HEADING);
	set_text_from(al, u, u->text_node);
	set_str(al, &u->number, lsn_prop_n(n, LSN_N_NUMBER));
	u->role = lsn_prop_n(n, LSN_N_ROLE);
	if (u->text != NULL)
		set_heading_seg(al, u, NULL, u->number, u->text);
	build_blocks(al, sd, u, n);
	for (lsn_node *s = lsn_child_n(n, LSN_N_SECTION); s != NULL && !al->oom;
	    s = lsn_next_n(s, LSN_N_SECTION))
		build_section(al, sd, u, s);
}

static void
build_sections(struct aligner *al, struct side *sd, struct unit *parent,
    lsn_node *n)
{
	for (lsn_node *s = lsn_child_n(n, LSN_N_SECTION); s != NULL && !al->oom;
	    s = lsn_next_n(s, LSN_N_SECTION))
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
	if (lsn_is_n(e, LSN_N_CONTACT)) {
		struct lsn_buf b = LSN_BUF_INIT;
		for (lsn_node *c = lsn_child(e, NULL); c != NULL;
		    c = lsn_next(c, NULL)) {
			if (b.len > 0)
				lsn_buf_puts(&b, ", ");
			inline_text(c, &b);
		}
		if (b.oom ||
		    (u->text = normalize(lsn_buf_str(&b), b.len)) == NULL)
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
	{ "for-comment", "For comment", 1 },
	{ "approval", "Approval", 0 },
	{ "deadline", "Deadline", 0 },
	{ "reply-to", "Reply to", 0 },
	{ "date", "Date", 0 },
	{ "language", "Language", 0 },
	{ "group", "Group", 0 },
	{ "number", "Number", 0 },
	{ "edition", "Edition", 0 },
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
		for (size_t i = 0;
		    i < sizeof(meta_fields) / sizeof(meta_fields[0]); i++)
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
	lsn_node	 *q = lsn_child_n(annex, LSN_N_QUESTION);
	lsn_node	 *t = lsn_child_n(annex, LSN_N_TERMS_OF_REFERENCE);
	const char	*kind = lsn_prop_n(annex, LSN_N_KIND);

	if (q != NULL && lsn_prop_n(q, LSN_N_ID) != NULL)
		lsn_buf_printf(&b, "question %s", lsn_prop_n(q, LSN_N_ID));
	else if (t != NULL ||
	    (kind != NULL && strcmp(kind, "terms-of-reference") == 0))
		lsn_buf_printf(&b, "tor %s", t != NULL &&
		    lsn_prop_n(t, LSN_N_GROUP) ?
		    lsn_prop_n(t, LSN_N_GROUP) : "");
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
	u->text_node = lsn_child_n(a, LSN_N_TITLE);
	set_text_from(al, u, u->text_node);
	set_str(al, &u->number, lsn_prop_n(a, LSN_N_ID));
	u->appendix = lsn_is_n(a, LSN_N_APPENDIX);
	set_heading_seg(al, u, u->appendix ? "Appendix " : "Annex ",
	    u->number, "");
	set_subject(al, u, a);
	if ((note = lsn_child_n(a, LSN_N_NOTE)) != NULL)
		build_field(al, sd, u, note, "note", "note", 0, 0);
	build_blocks(al, sd, u, lsn_child_n(a, LSN_N_BODY));
	build_sections(al, sd, u, a);
}

/* The whole document. */
struct unit *
lsn_align_build_document(struct aligner *al, struct side *sd,
    const struct lsn_tree *doc)
{
	lsn_node	 *d = lsn_root(doc), *fn;
	struct unit	*root, *g = NULL;
	size_t		 k = 0;

	if ((root = unit_new(al, sd, U_ROOT, NULL, d)) == NULL)
		return NULL;
	set_str(al, &root->text, "");
	build_meta(al, sd, root, lsn_child_n(d, LSN_N_META));
	build_group(al, sd, root, lsn_child_n(d, LSN_N_ABSTRACT), "abstract",
	    "Abstract");
	build_group(al, sd, root, lsn_child_n(d, LSN_N_ACTIONS_REQUESTED),
	    "actions-requested", "Actions requested");
	build_blocks(al, sd, root, lsn_child_n(d, LSN_N_BODY));
	build_sections(al, sd, root, d);
	for (lsn_node *a = lsn_child_n(d, LSN_N_ANNEX); a != NULL && !al->oom;
	    a = lsn_next_n(a, LSN_N_ANNEX))
		build_annex(al, sd, root, a);
	for (lsn_node *a = lsn_child_n(d, LSN_N_APPENDIX);
	    a != NULL && !al->oom; a = lsn_next_n(a, LSN_N_APPENDIX))
		build_annex(al, sd, root, a);
	for (fn = lsn_child_n(d, LSN_N_FOOTNOTE); fn != NULL && !al->oom;
	    fn = lsn_next_n(fn, LSN_N_FOOTNOTE)) {
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
struct unit *
lsn_align_build_subject(struct aligner *al, struct side *sd,
    const struct lsn_tree *doc, lsn_node *a)
{
	lsn_node	 *d = lsn_root(doc), *title, *note = NULL;
	lsn_node	 *host = a != NULL ? a : d;
	struct unit	*root;

	if ((root = unit_new(al, sd, U_ROOT, NULL, host)) == NULL)
		return NULL;
	set_str(al, &root->text, "");
	if (a != NULL) {
		set_heading_seg(al, root, "Annex ", lsn_prop_n(a, LSN_N_ID),
		    "");
		title = lsn_child_n(a, LSN_N_TITLE);
		note = lsn_child_n(a, LSN_N_NOTE);
	} else
		title = lsn_child_n(lsn_child_n(d, LSN_N_META), LSN_N_TITLE);
	if (title != NULL)
		build_field(al, sd, root, title, "title", "Title", 0, 0);
	if (note != NULL)
		build_field(al, sd, root, note, "note", "Note", 0, 0);
	build_blocks(al, sd, root, lsn_child_n(host, LSN_N_BODY));
	build_sections(al, sd, root, host);
	return root;
}

/* Subtree hashes and weights, bottom-up. */
void
lsn_align_finish_unit(struct aligner *al, struct unit *u)
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
		lsn_align_finish_unit(al, u->kids[i]);
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
int
lsn_align_ensure_set(struct unit *u)
{
	size_t total;

	if (u->has_set)
		return 0;
	if (lsn_token_set(u->text, strlen(u->text), &u->hset, &u->nhset) == -1)
		return -1;
	total = u->nhset;
	for (size_t i = 0; i < u->nkids; i++) {
		if (lsn_align_ensure_set(u->kids[i]) == -1)
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
			memcpy(u->set + total, c->set,
			    c->nset * sizeof(uint32_t));
		total += c->nset;
	}
	/* (the own words alone are sorted and unique already) */
	u->nset = u->nkids > 0 ? lsn_u32_sort_unique(u->set, total) : total;
	return 0;
}
