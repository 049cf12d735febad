/* SPDX-License-Identifier: MIT */
/*
 * json.c: the JSON emitter. Mirrors the XML model with the keys of the
 * product contract (MODEL.md, schemas/liaison.schema.json), indented by
 * two spaces as jq prints, one key per line, so that goldens diff well.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "tree/tree.h"
#include "util/error.h"

/* A JSON writer: tracks nesting to place commas and indentation. */
struct jw {
	struct lsn_out	*o;
	int		 depth;
	int		 first;  /* nothing written yet at this depth */
};

/* A newline and the indentation in one write, not one per level. */
static void
jw_newline(struct jw *w)
{
	static const char nl[] = "\n" "                                "
	    "                                ";
	int	 i = w->depth;

	if (i <= (int)(sizeof(nl) - 2) / 2) {
		lsn_out_put(w->o, nl, 1 + 2 * (size_t)i);
		return;
	}
	lsn_out_putc(w->o, '\n');
	for (; i > 0; i--)
		lsn_out_put(w->o, "  ", 2);
}

/* Before any value or key inside a container. */
static void
jw_item(struct jw *w)
{
	if (w->depth == 0)
		return;
	if (!w->first)
		lsn_out_putc(w->o, ',');
	w->first = 0;
	jw_newline(w);
}

static void
jw_open(struct jw *w, char c)
{
	lsn_out_putc(w->o, c);
	w->depth++;
	w->first = 1;
}

static void
jw_close(struct jw *w, char c)
{
	w->depth--;
	if (!w->first)
		jw_newline(w);
	lsn_out_putc(w->o, c);
	w->first = 0;
}

static void
jw_key(struct jw *w, const char *key)
{
	jw_item(w);
	lsn_out_putc(w->o, '"');
	lsn_out_puts(w->o, key);
	lsn_out_put(w->o, "\": ", 3);
}

static void
jw_string(struct jw *w, const char *s)
{
	if (s == NULL) {
		lsn_out_puts(w->o, "null");
		return;
	}
	lsn_out_putc(w->o, '"');
	lsn_json_escape(w->o, s, strlen(s));
	lsn_out_putc(w->o, '"');
}

static void
jw_key_string(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_string(w, s);
}

/* A number attribute as a JSON integer, or null. */
static void
jw_key_int_attr(struct jw *w, const char *key, lsn_node *n, const char *attr)
{
	const char	*v = lsn_prop(n, attr);

	jw_key(w, key);
	lsn_out_puts(w->o, v != NULL && *v != '\0' ? v : "null");
}

static void
jw_text_node(struct jw *w, lsn_node *c)
{
	if (c->type == LSN_TEXT &&
	    c->content != NULL)
		lsn_json_escape(w->o, (const char *)c->content,
		    strlen((const char *)c->content));
}

/*
 * The text of n's descendants (xmlNodeGetContent's) as a JSON string,
 * escaped straight from the tree, without a copy; null for no node.
 */
static void
jw_node_string(struct jw *w, lsn_node *n)
{
	lsn_node	 *c;

	if (n == NULL) {
		lsn_out_puts(w->o, "null");
		return;
	}
	lsn_out_putc(w->o, '"');
	if (n->type == LSN_ELEMENT)
		for (c = n->children; c != NULL; c = lsn_next_under(n, c))
			jw_text_node(w, c);
	else
		jw_text_node(w, n);
	lsn_out_putc(w->o, '"');
}

static void
jw_key_content(struct jw *w, const char *key, lsn_node *n)
{
	jw_key(w, key);
	jw_node_string(w, n);
}

/* An array of the text of every child element named `name`. */
static void
jw_key_texts(struct jw *w, const char *key, lsn_node *parent,
    const char *name)
{
	lsn_node	 *c;

	jw_key(w, key);
	jw_open(w, '[');
	for (c = lsn_child(parent, name); c != NULL; c = lsn_next(c, name)) {
		jw_item(w);
		jw_node_string(w, c);
	}
	jw_close(w, ']');
}

/*
 * "key": [{text_key: text, attr_key: @attr}] for every child element
 * named `name`: people (name, role), dates (text, iso).
 */
static void
jw_key_pairs(struct jw *w, const char *key, lsn_node *parent,
    const char *name, const char *text_key, const char *attr_key,
    const char *attr)
{
	lsn_node	 *c;

	jw_key(w, key);
	jw_open(w, '[');
	for (c = lsn_child(parent, name); c != NULL; c = lsn_next(c, name)) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_content(w, text_key, c);
		jw_key_string(w, attr_key, lsn_prop(c, attr));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */

struct inline_info {
	struct lsn_buf	 anchors;   /* NUL-separated */
	size_t		 nanchors;
	struct lsn_buf	 notes;
	size_t		 nnotes;
	int		 has_links;
	int		 has_changes;
};

/*
 * Collects the ids and flags of an inline run; with w, writes the
 * accepted reading's text, escaped, as it goes (no copy).
 */
static void
collect_inline(struct jw *w, lsn_node *n, struct inline_info *in,
    int deleted)
{
	for (; n != NULL; n = n->next) {
		if (n->type == LSN_TEXT) {
			if (!deleted && w != NULL)
				jw_text_node(w, n);
			continue;
		}
		if (n->type != LSN_ELEMENT)
			continue;
		if (lsn_is(n, "anchor")) {
			lsn_buf_put(&in->anchors, lsn_prop(n, "id"),
			    strlen(lsn_prop(n, "id")) + 1);
			in->nanchors++;
		} else if (lsn_is(n, "note-ref")) {
			lsn_buf_put(&in->notes, lsn_prop(n, "id"),
			    strlen(lsn_prop(n, "id")) + 1);
			in->nnotes++;
		} else if (lsn_is(n, "link")) {
			in->has_links = 1;
			collect_inline(w, n->children, in, deleted);
		} else if (lsn_is(n, "sup") || lsn_is(n, "sub")) {
			/* as pandoc's plain text has them: ^(th), _(i,j) */
			if (!deleted && w != NULL)
				lsn_out_puts(w->o, lsn_is(n, "sup") ? "^(" :
				    "_(");
			collect_inline(w, n->children, in, deleted);
			if (!deleted && w != NULL)
				lsn_out_putc(w->o, ')');
		} else {
			/* ins, del, move-from, move-to */
			in->has_changes = 1;
			collect_inline(w, n->children, in, deleted ||
			    lsn_is(n, "del") || lsn_is(n, "move-from"));
		}
	}
}

static void
jw_strings_nul(struct jw *w, const char *key, const struct lsn_buf *b,
    size_t count)
{
	const char	*p = lsn_buf_str(b);
	size_t		 i;

	jw_key(w, key);
	jw_open(w, '[');
	for (i = 0; i < count; i++) {
		jw_item(w);
		jw_string(w, p);
		p += strlen(p) + 1;
	}
	jw_close(w, ']');
}

static void
emit_links(struct jw *w, lsn_node *n)
{
	for (; n != NULL; n = n->next) {
		if (lsn_is(n, "link")) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_content(w, "text", n);
			jw_key_string(w, "href", lsn_prop(n, "href"));
			jw_close(w, '}');
		} else if (n->type == LSN_ELEMENT)
			emit_links(w, n->children);
	}
}

static void
emit_changes(struct jw *w, lsn_node *n)
{
	for (; n != NULL; n = n->next) {
		const char *op = NULL;

		if (lsn_is(n, "ins"))
			op = "insert";
		else if (lsn_is(n, "del"))
			op = "delete";
		else if (lsn_is(n, "move-from"))
			op = "move-from";
		else if (lsn_is(n, "move-to"))
			op = "move-to";
		if (op != NULL) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_string(w, "op", op);
			jw_key_content(w, "text", n);
			jw_key_string(w, "author", lsn_prop(n, "author"));
			jw_key_string(w, "date", lsn_prop(n, "date"));
			jw_key_int_attr(w, "paragraph", n, "paragraph");
			jw_key_int_attr(w, "offset", n, "offset");
			jw_key(w, "paragraph_mark");
			lsn_out_puts(w->o, lsn_prop(n, "paragraph-mark") != NULL ?
			    "true" : "false");
			jw_close(w, '}');
		} else if (n->type == LSN_ELEMENT)
			emit_changes(w, n->children);
	}
}

/*
 * The keys of an inline container: "text", "anchors", and, when
 * present, "notes", "links" and "changes".
 */
static void
emit_inline_keys(struct jw *w, lsn_node *container, const char *text_key)
{
	struct inline_info	 in;

	memset(&in, 0, sizeof(in));
	if (text_key != NULL) {
		jw_key(w, text_key);
		lsn_out_putc(w->o, '"');
	}
	if (container != NULL)
		collect_inline(text_key != NULL ? w : NULL,
		    container->children, &in, 0);
	if (text_key != NULL)
		lsn_out_putc(w->o, '"');
	/* ids that could not be collected: fail the output */
	if (in.anchors.oom || in.notes.oom)
		w->o->error = 1;
	jw_strings_nul(w, "anchors", &in.anchors, in.nanchors);
	if (in.nnotes > 0)
		jw_strings_nul(w, "notes", &in.notes, in.nnotes);
	if (in.has_links) {
		jw_key(w, "links");
		jw_open(w, '[');
		emit_links(w, container->children);
		jw_close(w, ']');
	}
	if (in.has_changes) {
		jw_key(w, "changes");
		jw_open(w, '[');
		emit_changes(w, container->children);
		jw_close(w, ']');
	}
	lsn_buf_free(&in.anchors);
	lsn_buf_free(&in.notes);
}

/* ------------------------------------------------------------------ */
/* Blocks, sections, annexes                                           */

static void emit_blocks_array(struct jw *, const char *, lsn_node *);

static int
is_block(lsn_node *n)
{
	return lsn_is(n, "p") || lsn_is(n, "list") || lsn_is(n, "table") ||
	    lsn_is(n, "figure") || lsn_is(n, "equation");
}

static void
emit_block(struct jw *w, lsn_node *n)
{
	lsn_node	 *c, *row, *cell;

	jw_item(w);
	jw_open(w, '{');
	if (lsn_is(n, "p")) {
		jw_key_string(w, "type", "paragraph");
		emit_inline_keys(w, n, "text");
	} else if (lsn_is(n, "list")) {
		jw_key_string(w, "type", "list");
		jw_key(w, "ordered");
		lsn_out_puts(w->o, strcmp(lsn_prop(n, "ordered"), "true") == 0 ?
		    "true" : "false");
		jw_key(w, "items");
		jw_open(w, '[');
		for (c = lsn_child(n, "item"); c != NULL; c = lsn_next(c, "item")) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_string(w, "label", lsn_prop(c, "label"));
			jw_key_int_attr(w, "number", c, "number");
			emit_inline_keys(w, lsn_child(c, "text"), "text");
			emit_blocks_array(w, "blocks", c);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	} else if (lsn_is(n, "figure")) {
		jw_key_string(w, "type", "figure");
		jw_key_content(w, "caption", lsn_child(n, "caption"));
		jw_key_content(w, "alt", lsn_child(n, "alt"));
	} else if (lsn_is(n, "equation")) {
		jw_key_string(w, "type", "equation");
		jw_key_content(w, "text", n);
	} else {
		jw_key_string(w, "type", "table");
		jw_key(w, "rows");
		jw_open(w, '[');
		for (row = lsn_child(n, "row"); row != NULL;
		    row = lsn_next(row, "row")) {
			jw_item(w);
			jw_open(w, '[');
			for (cell = lsn_child(row, "cell"); cell != NULL;
			    cell = lsn_next(cell, "cell")) {
				jw_item(w);
				jw_open(w, '[');
				for (c = lsn_child(cell, NULL); c != NULL;
				    c = lsn_next(c, NULL))
					if (is_block(c))
						emit_block(w, c);
				jw_close(w, ']');
			}
			jw_close(w, ']');
		}
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

/* "key": [blocks that are children of parent] */
static void
emit_blocks_array(struct jw *w, const char *key, lsn_node *parent)
{
	lsn_node	 *c;

	jw_key(w, key);
	jw_open(w, '[');
	for (c = lsn_child(parent, NULL); c != NULL; c = lsn_next(c, NULL))
		if (is_block(c))
			emit_block(w, c);
	jw_close(w, ']');
}

static void emit_sections(struct jw *, lsn_node *);

static void
emit_section(struct jw *w, lsn_node *s)
{
	const char	*level = lsn_prop(s, "level");

	jw_item(w);
	jw_open(w, '{');
	jw_key_string(w, "number", lsn_prop(s, "number"));
	emit_inline_keys(w, lsn_child(s, "heading"), "title");
	jw_key(w, "level");
	lsn_out_puts(w->o, level != NULL ? level : "1");
	jw_key_string(w, "role", lsn_prop(s, "role"));
	emit_blocks_array(w, "blocks", s);
	emit_sections(w, s);
	jw_close(w, '}');
}

/* "sections": [the <section> children of parent] */
static void
emit_sections(struct jw *w, lsn_node *parent)
{
	lsn_node	 *c;

	jw_key(w, "sections");
	jw_open(w, '[');
	for (c = lsn_child(parent, "section"); c != NULL;
	    c = lsn_next(c, "section"))
		emit_section(w, c);
	jw_close(w, ']');
}

static void
emit_tor(struct jw *w, lsn_node *tor, lsn_node *owner)
{
	jw_key(w, "terms_of_reference");
	jw_open(w, '{');
	jw_key_string(w, "group", lsn_prop(tor, "group"));
	jw_key_content(w, "name", lsn_child(tor, "name"));
	/* The ToR's sections are its owner's (document or annex). */
	emit_sections(w, owner);
	jw_key_pairs(w, "people", tor, "person", "name", "role", "role");
	jw_key_texts(w, "mailing_lists", tor, "mailing-list");
	jw_close(w, '}');
}

static void
emit_numbered_texts(struct jw *w, const char *key, lsn_node *q,
    const char *name, int with_addresses)
{
	lsn_node	 *c;

	jw_key(w, key);
	jw_open(w, '[');
	for (c = lsn_child(q, name); c != NULL; c = lsn_next(c, name)) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_int_attr(w, "number", c, "number");
		jw_key_content(w, "text", c);
		if (with_addresses) {
			const char *a = lsn_prop(c, "addresses");

			jw_key(w, "addresses");
			lsn_out_putc(w->o, '[');
			if (a != NULL) {
				/* "1 2 7" -> 1, 2, 7 */
				int first = 1;
				while (*a != '\0') {
					size_t k = strcspn(a, " ");
					if (k > 0) {
						if (!first)
							lsn_out_put(w->o, ", ", 2);
						lsn_out_put(w->o, a, k);
						first = 0;
					}
					a += k;
					a += strspn(a, " ");
				}
			}
			lsn_out_putc(w->o, ']');
		}
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void
emit_question(struct jw *w, lsn_node *q)
{
	lsn_node	 *rel = lsn_child(q, "relationships");

	jw_key(w, "question");
	jw_open(w, '{');
	jw_key_string(w, "id", lsn_prop(q, "id"));
	jw_key_content(w, "title", lsn_child(q, "title"));
	jw_key_content(w, "status", lsn_child(q, "status"));
	emit_blocks_array(w, "motivation", lsn_child(q, "motivation"));
	emit_numbered_texts(w, "study_items", q, "study-item", 0);
	emit_numbered_texts(w, "tasks", q, "task", 1);
	jw_key(w, "relationships");
	jw_open(w, '{');
	jw_key_texts(w, "recommendations", rel, "recommendation");
	jw_key_texts(w, "questions", rel, "question");
	jw_key_texts(w, "study_groups", rel, "study-group");
	jw_key_texts(w, "standardization_bodies", rel, "standardization-body");
	jw_key_texts(w, "other_bodies", rel, "other-body");
	jw_key_texts(w, "wsis_action_lines", rel, "wsis-action-line");
	jw_key_texts(w, "sdgs", rel, "sdg");
	jw_close(w, '}');
	jw_key_texts(w, "responsible_for", lsn_child(q, "responsible-for"), "item");
	jw_key_texts(w, "under_development", lsn_child(q, "under-development"),
	    "item");
	jw_close(w, '}');
}

static void
emit_annex(struct jw *w, lsn_node *a)
{
	lsn_node	 *c;

	jw_item(w);
	jw_open(w, '{');
	jw_key_string(w, "id", lsn_prop(a, "id"));
	emit_inline_keys(w, lsn_child(a, "title"), "title");
	jw_key_content(w, "note", lsn_child(a, "note"));
	jw_key_string(w, "kind", lsn_prop(a, "kind"));
	emit_blocks_array(w, "body", lsn_child(a, "body"));
	emit_sections(w, a);
	if ((c = lsn_child(a, "question")) != NULL)
		emit_question(w, c);
	if ((c = lsn_child(a, "terms-of-reference")) != NULL)
		emit_tor(w, c, a);
	jw_close(w, '}');
}

/* ------------------------------------------------------------------ */
/* Document                                                            */

static void
emit_meta(struct jw *w, lsn_node *meta)
{
	lsn_node	 *c;
	static const struct { const char *key, *el; } single[] = {
		{ "title", "title" }, { "source", "source" },
		{ "purpose", "purpose" }, { "document", "document" },
		{ "study_period", "study-period" }, { "meeting", "meeting" },
	};
	size_t		 i;

	jw_key(w, "meta");
	jw_open(w, '{');
	for (i = 0; i < sizeof(single) / sizeof(single[0]); i++)
		jw_key_content(w, single[i].key, lsn_child(meta, single[i].el));
	jw_key_texts(w, "questions", meta, "question");
	jw_key_texts(w, "for_action", meta, "for-action");
	jw_key_texts(w, "for_information", meta, "for-information");
	jw_key_content(w, "approval", lsn_child(meta, "approval"));
	c = lsn_child(meta, "deadline");
	jw_key_content(w, "deadline", c);
	jw_key_string(w, "deadline_iso", lsn_prop(c, "iso"));
	jw_key(w, "contacts");
	jw_open(w, '[');
	for (c = lsn_child(meta, "contact"); c != NULL;
	    c = lsn_next(c, "contact")) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_content(w, "name", lsn_child(c, "name"));
		jw_key_content(w, "organization", lsn_child(c, "organization"));
		jw_key_content(w, "country", lsn_child(c, "country"));
		jw_key_content(w, "email", lsn_child(c, "email"));
		jw_key_content(w, "phone", lsn_child(c, "phone"));
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

static void
emit_entities(struct jw *w, lsn_node *e)
{
	jw_key(w, "entities");
	jw_open(w, '{');
	jw_key_texts(w, "questions", e, "question");
	jw_key_texts(w, "study_groups", e, "study-group");
	jw_key_texts(w, "recommendations", e, "recommendation");
	jw_key_texts(w, "emails", e, "email");
	jw_key_texts(w, "urls", e, "url");
	jw_key_pairs(w, "dates", e, "date", "text", "iso", "iso");
	jw_close(w, '}');
}

/* "toc": [{"number", "title", "page"}], [] without a TOC. */
static void
emit_toc(struct jw *w, lsn_node *toc)
{
	lsn_node	 *e;

	jw_key(w, "toc");
	jw_open(w, '[');
	for (e = lsn_child(toc, "entry"); e != NULL; e = lsn_next(e, "entry")) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_string(w, "number", lsn_prop(e, "number"));
		jw_key_content(w, "title", e);
		jw_key_string(w, "page", lsn_prop(e, "page"));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

int
lsn_emit_json(struct lsn_tree *model, struct lsn_out *o, liaison_error **err)
{
	struct jw	 w = { o, 0, 1 };
	lsn_node	 *root = lsn_root(model), *in, *c;

	if (root == NULL || !lsn_is(root, "document")) {
		lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0, 0,
		    "not a liaison model");
		return -1;
	}
	in = lsn_child(root, "input");
	jw_open(&w, '{');
	jw_key_string(&w, "model", lsn_prop(root, "model"));
	jw_key(&w, "source");
	jw_open(&w, '{');
	jw_key_string(&w, "file", lsn_prop(in, "file"));
	jw_key_string(&w, "format", lsn_prop(in, "format"));
	jw_key_string(&w, "sha256", lsn_prop(in, "sha256"));
	jw_close(&w, '}');
	jw_key_string(&w, "kind", lsn_prop(root, "kind"));
	emit_meta(&w, lsn_child(root, "meta"));
	emit_blocks_array(&w, "abstract", lsn_child(root, "abstract"));
	emit_blocks_array(&w, "actions_requested",
	    lsn_child(root, "actions-requested"));
	emit_blocks_array(&w, "body", lsn_child(root, "body"));
	emit_toc(&w, lsn_child(root, "toc"));
	emit_sections(&w, root);
	jw_key(&w, "annexes");
	jw_open(&w, '[');
	for (c = lsn_child(root, "annex"); c != NULL; c = lsn_next(c, "annex"))
		emit_annex(&w, c);
	jw_close(&w, ']');
	if ((c = lsn_child(root, "terms-of-reference")) != NULL)
		emit_tor(&w, c, root);
	if ((c = lsn_child(root, "question")) != NULL)
		emit_question(&w, c);
	jw_key(&w, "footnotes");
	jw_open(&w, '[');
	for (c = lsn_child(root, "footnote"); c != NULL;
	    c = lsn_next(c, "footnote")) {
		jw_item(&w);
		jw_open(&w, '{');
		jw_key_string(&w, "id", lsn_prop(c, "id"));
		emit_blocks_array(&w, "blocks", c);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	emit_entities(&w, lsn_child(root, "entities"));
	jw_close(&w, '}');
	lsn_out_putc(o, '\n');
	if (o->error)
		return lsn_out_fail(o, "JSON", err);
	return 0;
}
