/* SPDX-License-Identifier: MIT */
/*
 * recognize.c: the recognizer's driver. From the paragraph stream it
 * builds the model in passes: lines, cover sheet, actions requested,
 * structure (sections, annexes, ToR, Questions), footnotes, document
 * kind (the registry of kinds/kinds.h), entities.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "options.h"
#include "recognize/kinds/kinds.h"
#include "recognize/lines.h"
#include "recognize/titlepage.h"
#include "recognize/toc.h"
#include "recognize/recognize.h"
#include "util/error.h"
#include "util/text.h"

/* ------------------------------------------------------------------ */
/* Footnote numbers                                                    */

/* Old id -> shown number, an open-addressing hash set of cap slots
 * (a power of two, at most half full): 60 000 notes took seconds when
 * every reference scanned the numbers given so far. */
struct note_map {
	const char	**old;     /* NULL: free slot */
	const char	**shown;
	size_t		 n, cap;
	int		 next;
};

/* The number a reader sees for note `id`, given at first reference. */
static const char *
shown_number(struct lsn_rctx *r, struct note_map *m, const char *id)
{
	size_t		 i;
	char		 num[24];
	const char	*s;

	if (2 * (m->n + 1) > m->cap) {
		struct note_map	 big = *m;
		size_t		 k;

		big.cap = m->cap != 0 ? 2 * m->cap : 64;
		/* the old table stays in the arena, freed with it */
		big.old = lsn_arena_alloc(&r->a, big.cap * sizeof(*big.old));
		big.shown = lsn_arena_alloc(&r->a,
		    big.cap * sizeof(*big.shown));
		if (big.old == NULL || big.shown == NULL)
			return id;
		for (k = 0; k < m->cap; k++) {
			if (m->old[k] == NULL)
				continue;
			i = lsn_hash(m->old[k], strlen(m->old[k])) &
			    (big.cap - 1);
			while (big.old[i] != NULL)
				i = (i + 1) & (big.cap - 1);
			big.old[i] = m->old[k];
			big.shown[i] = m->shown[k];
		}
		*m = big;
	}
	i = lsn_hash(id, strlen(id)) & (m->cap - 1);
	for (; m->old[i] != NULL; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->old[i], id) == 0)
			return m->shown[i];
	snprintf(num, sizeof(num), "%d", ++m->next);
	if ((s = lsn_arena_strdup(&r->a, num)) == NULL)
		return id;
	m->old[i] = id;
	m->shown[i] = s;
	m->n++;
	return s;
}

static int
all_digits(const char *s)
{
	return s != NULL && *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

static void
renumber_refs(struct lsn_rctx *r, struct note_map *m, struct lsn_lines *ls)
{
	size_t	 i, j, row, cell;

	for (i = 0; i < ls->n; i++) {
		struct lsn_line *l = &ls->v[i];

		for (j = 0; j < l->nmarks; j++)
			if (l->marks[j].type == LSN_MARK_NOTEREF &&
			    all_digits(l->marks[j].value))
				l->marks[j].value = (char *)shown_number(r, m,
				    l->marks[j].value);
		if (l->type != LSN_LINE_TABLE)
			continue;
		for (row = 0; row < l->table->n; row++)
			for (cell = 0; cell < l->table->rows[row].n; cell++)
				renumber_refs(r, m,
				    &l->table->rows[row].cells[cell].lines);
	}
}

/*
 * DOCX footnotes carry their w:id ("23"); a reader sees them numbered
 * 1, 2, 3 in the order of their references, as text exports print them.
 * Endnotes ("e1") keep their own ids.
 */
static void
number_footnotes(struct lsn_rctx *r, struct lsn_doc_lines *lines)
{
	struct note_map	 m;
	size_t		 i;

	memset(&m, 0, sizeof(m));
	renumber_refs(r, &m, &lines->body);
	for (i = 0; i < lines->nnotes; i++)
		renumber_refs(r, &m, &lines->notes[i].lines);
	for (i = 0; i < lines->nnotes; i++)
		if (all_digits(lines->notes[i].id))
			lines->notes[i].id = shown_number(r, &m,
			    lines->notes[i].id);
}

/* The one-line error for the model budget limit that stopped b. */
static liaison_status
budget_error(const struct lsn_builder *b, const struct lsn_source_info *src,
    liaison_error **err)
{
	char	 t[LSN_LIMIT_TEXT];

	if (b->limit_hit - 1 == LIAISON_LIMIT_MODEL_BYTES)
		return lsn_error_set(err, LIAISON_ERR_LIMIT, src->file, NULL,
		    0, 0, "the model would be larger than the model-bytes "
		    "limit of %s of text and attributes "
		    LSN_RAISE_BYTES("model-bytes"),
		    lsn_limit_text(LIAISON_LIMIT_MODEL_BYTES, b->max_bytes, t));
	if (b->max_depth == LSN_MAX_MODEL_DEPTH)
		return lsn_error_set(err, LIAISON_ERR_LIMIT, src->file, NULL,
		    0, 0, "links, changes or other marks nest deeper than "
		    "%llu elements, the most the model-depth limit allows",
		    b->max_depth);
	return lsn_error_set(err, LIAISON_ERR_LIMIT, src->file, NULL, 0, 0,
	    "links, changes or other marks nest deeper than the model-depth "
	    "limit of %llu elements " LSN_RAISE_COUNT("model-depth"),
	    b->max_depth);
}

/* The TOC goes after the text before the first clause (<body>), where
 * it stood, and before the clauses. */
static void
place_toc(lsn_node *root, lsn_node *toc)
{
	lsn_node	 *c;

	for (c = lsn_child(root, NULL); c != NULL; c = lsn_next(c, NULL))
		if (!lsn_is_n(c, LSN_N_INPUT) && !lsn_is_n(c, LSN_N_META) &&
		    !lsn_is_n(c, LSN_N_ABSTRACT) &&
		    !lsn_is_n(c, LSN_N_ACTIONS_REQUESTED) &&
		    !lsn_is_n(c, LSN_N_BODY)) {
			lsn_insert_before(c, toc);
			return;
		}
	lsn_append(root, toc);
}

liaison_status
lsn_recognize(struct lsn_stream *stream, const struct lsn_source_info *src,
    struct lsn_tree **out, liaison_error **err)
{
	struct lsn_rctx		 r;
	struct lsn_doc_lines	 lines;
	lsn_node		 *root, *in, *meta, *abstract, *actions, *toc,
	    *fn;
	size_t			 i;
	const struct lsn_kind	*standalone, *paged;
	int			 built;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	/* The lines keep what they need of the stream: it goes before the
	 * model grows beside it. */
	built = lsn_lines_build(&r.a, stream, &lines);
	lsn_stream_free(stream);
	if (built == -1)
		goto oom;
	if (lsn_tree_new(&r.b) == -1)
		goto oom;
	r.b.max_bytes = lsn_limit(src->opts, LIAISON_LIMIT_MODEL_BYTES);
	r.b.max_depth = lsn_limit(src->opts, LIAISON_LIMIT_MODEL_DEPTH);
	if (r.b.max_depth > LSN_MAX_MODEL_DEPTH)
		r.b.max_depth = LSN_MAX_MODEL_DEPTH;
	if (strcmp(src->format, "docx") == 0)
		number_footnotes(&r, &lines);
	/* A document that marks headings with styles says where they are;
	 * shape is only a guess for those that do not (text exports). */
	r.docx = strcmp(src->format, "docx") == 0;
	for (i = 0; i < lines.body.n; i++)
		if (lines.body.v[i].outline > 0 ||
		    lsn_style_unnumbered_heading(lines.body.v[i].style))
			r.style_headings = 1;

	root = lsn_root_el(&r.b, "document");
	if (root == NULL)
		goto oom;
	lsn_attr_n(&r.b, root, LSN_N_MODEL, "liaison/1");
	lsn_attr_n(&r.b, root, LSN_N_KIND, "document");
	in = lsn_el_n(&r.b, root, LSN_N_INPUT);
	lsn_attr_n(&r.b, in, LSN_N_FILE, src->file);
	lsn_attr_n(&r.b, in, LSN_N_FORMAT, src->format);
	lsn_attr_n(&r.b, in, LSN_N_SHA256, src->sha256);
	meta = lsn_el_n(&r.b, root, LSN_N_META);

	lsn_cover(&r, &lines.body, &abstract, &actions);
	/* The TOC's lines are no title page; the title page's title wins
	 * over the document property, not over a TD cover's. */
	toc = r.toc = lsn_toc(&r, &lines.body);
	paged = lsn_titlepage(&r, &lines.body);
	/* The document property is a fallback for the cover's title. */
	if (src->core != NULL && src->core->title != NULL)
		lsn_meta_set(&r, LSN_META_TITLE, src->core->title,
		    strlen(src->core->title));
	if (abstract != NULL)
		lsn_append(root, abstract);
	if (actions != NULL)
		lsn_append(root, actions);
	standalone = lsn_structure(&r, root, &lines.body);
	if (toc != NULL)
		place_toc(root, toc);
	lsn_meta_emit(&r, meta);

	for (i = 0; i < lines.nnotes; i++) {
		fn = lsn_el_n(&r.b, root, LSN_N_FOOTNOTE);
		lsn_attr_n(&r.b, fn, LSN_N_ID, lines.notes[i].id);
		lsn_blocks(&r, fn, lines.notes[i].lines.v,
		    lines.notes[i].lines.n);
	}
	lsn_attr_n(&r.b, root, LSN_N_KIND,
	    lsn_kind_of_document(&r, root,
	    standalone != NULL ? standalone : paged));
	lsn_entities(&r, root, lsn_el_n(&r.b, root, LSN_N_ENTITIES));
	if (r.b.oom || r.a.oom)
		goto oom;
	lsn_arena_free(&r.a);
	*out = r.b.tree;
	return LIAISON_OK;
oom:
	lsn_arena_free(&r.a);
	lsn_tree_free(r.b.tree);
	if (r.b.limit_hit != 0)
		return budget_error(&r.b, src, err);
	return lsn_error_set(err, LIAISON_ERR_NOMEM, src->file, NULL, 0, 0,
	    "out of memory");
}
