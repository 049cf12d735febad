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
		if (lsn_is_n(n, LSN_N_ANCHOR)) {
			lsn_buf_put(&in->anchors, lsn_prop_n(n, LSN_N_ID),
			    strlen(lsn_prop_n(n, LSN_N_ID)) + 1);
			in->nanchors++;
		} else if (lsn_is_n(n, LSN_N_NOTE_REF)) {
			lsn_buf_put(&in->notes, lsn_prop_n(n, LSN_N_ID),
			    strlen(lsn_prop_n(n, LSN_N_ID)) + 1);
			in->nnotes++;
		} else if (lsn_is_n(n, LSN_N_LINK)) {
			in->has_links = 1;
			collect_inline(w, n->children, in, deleted);
		} else if (lsn_is_n(n, LSN_N_SUP) || lsn_is_n(n, LSN_N_SUB)) {
			/* as pandoc's plain text has them: ^(th), _(i,j) */
			if (!deleted && w != NULL)
				lsn_out_puts(w->o,
				    lsn_is_n(n, LSN_N_SUP) ? "^(" :
				    "_(");
			collect_inline(w, n->children, in, deleted);
			if (!deleted && w != NULL)
				lsn_out_putc(w->o, ')');
		} else {
			/* ins, del, move-from, move-to */
			in->has_changes = 1;
			collect_inline(w, n->children, in, deleted ||
			    lsn_is_n(n, LSN_N_DEL) ||
			    lsn_is_n(n, LSN_N_MOVE_FROM));
		}
	}
}

/*
 * "key": the text of inline container n (scripts as ^() and _(),
 * deleted text left out), its anchors, notes, links and changes
 * gathered into in (the caller frees its buffers); key NULL: gathered
 * only.
 */
static void
inline_text(struct jw *w, const char *key, lsn_node *n,
    struct inline_info *in)
{
	memset(in, 0, sizeof(*in));
	if (key != NULL) {
		jw_key(w, key);
		lsn_out_putc(w->o, '"');
	}
	if (n != NULL)
		collect_inline(key != NULL ? w : NULL, n->children, in, 0);
	if (key != NULL)
		lsn_out_putc(w->o, '"');
}

/*
 * "key": the text of inline content n as a paragraph's "text" has it
 * (scripts as ^() and _(), deleted text left out), or null for none.
 */
static void
jw_key_inline_string(struct jw *w, const char *key, lsn_node *n)
{
	struct inline_info	 in;

	if (n == NULL) {
		jw_key_content(w, key, n);
		return;
	}
	inline_text(w, key, n, &in);
	lsn_buf_free(&in.anchors);
	lsn_buf_free(&in.notes);
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
		if (lsn_is_n(n, LSN_N_LINK)) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_content(w, "text", n);
			jw_key_string(w, "href", lsn_prop_n(n, LSN_N_HREF));
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

		if (lsn_is_n(n, LSN_N_INS))
			op = "insert";
		else if (lsn_is_n(n, LSN_N_DEL))
			op = "delete";
		else if (lsn_is_n(n, LSN_N_MOVE_FROM))
			op = "move-from";
		else if (lsn_is_n(n, LSN_N_MOVE_TO))
			op = "move-to";
		if (op != NULL) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_string(w, "op", op);
			jw_key_content(w, "text", n);
			jw_key_string(w, "author", lsn_prop_n(n, LSN_N_AUTHOR));
			jw_key_string(w, "date", lsn_prop_n(n, LSN_N_DATE));
			jw_key_int_attr(w, "paragraph", n, "paragraph");
			jw_key_int_attr(w, "offset", n, "offset");
			jw_key(w, "paragraph_mark");
			lsn_out_puts(w->o,
			    lsn_prop_n(n, LSN_N_PARAGRAPH_MARK) != NULL ?
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

	inline_text(w, text_key, container, &in);
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
	return lsn_is_n(n, LSN_N_P) || lsn_is_n(n, LSN_N_LIST) ||
	    lsn_is_n(n, LSN_N_TABLE) ||
	    lsn_is_n(n, LSN_N_FIGURE) || lsn_is_n(n, LSN_N_EQUATION);
}

static void
emit_block(struct jw *w, lsn_node *n)
{
	lsn_node	 *c, *row, *cell;

	jw_item(w);
	jw_open(w, '{');
	if (lsn_is_n(n, LSN_N_P)) {
		jw_key_string(w, "type", "paragraph");
		emit_inline_keys(w, n, "text");
	} else if (lsn_is_n(n, LSN_N_LIST)) {
		jw_key_string(w, "type", "list");
		jw_key(w, "ordered");
		lsn_out_puts(w->o,
		    strcmp(lsn_prop_n(n, LSN_N_ORDERED), "true") == 0 ?
		    "true" : "false");
		jw_key(w, "items");
		jw_open(w, '[');
		for (c = lsn_child_n(n, LSN_N_ITEM); c != NULL;
		    c = lsn_next_n(c, LSN_N_ITEM)) {
			jw_item(w);
			jw_open(w, '{');
			jw_key_string(w, "label", lsn_prop_n(c, LSN_N_LABEL));
			jw_key_int_attr(w, "number", c, "number");
			emit_inline_keys(w, lsn_child_n(c, LSN_N_TEXT), "text");
			emit_blocks_array(w, "blocks", c);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	} else if (lsn_is_n(n, LSN_N_FIGURE)) {
		jw_key_string(w, "type", "figure");
		jw_key_inline_string(w, "caption",
		    lsn_child_n(n, LSN_N_CAPTION));
		jw_key_content(w, "alt", lsn_child_n(n, LSN_N_ALT));
	} else if (lsn_is_n(n, LSN_N_EQUATION)) {
		jw_key_string(w, "type", "equation");
		jw_key_content(w, "text", n);
	} else {
		jw_key_string(w, "type", "table");
		jw_key_content(w, "alt", lsn_child_n(n, LSN_N_ALT));
		jw_key(w, "rows");
		jw_open(w, '[');
		for (row = lsn_child_n(n, LSN_N_ROW); row != NULL;
		    row = lsn_next_n(row, LSN_N_ROW)) {
			jw_item(w);
			jw_open(w, '[');
			for (cell = lsn_child_n(row, LSN_N_CELL); cell != NULL;
			    cell = lsn_next_n(cell, LSN_N_CELL)) {
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
	const char	*level = lsn_prop_n(s, LSN_N_LEVEL);

	jw_item(w);
	jw_open(w, '{');
	jw_key_string(w, "number", lsn_prop_n(s, LSN_N_NUMBER));
	emit_inline_keys(w, lsn_child_n(s, LSN_N_HEADING), "title");
	jw_key(w, "level");
	lsn_out_puts(w->o, level != NULL ? level : "1");
	jw_key_string(w, "role", lsn_prop_n(s, LSN_N_ROLE));
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
	for (c = lsn_child_n(parent, LSN_N_SECTION); c != NULL;
	    c = lsn_next_n(c, LSN_N_SECTION))
		emit_section(w, c);
	jw_close(w, ']');
}

static void
emit_tor(struct jw *w, lsn_node *tor, lsn_node *owner)
{
	jw_key(w, "terms_of_reference");
	jw_open(w, '{');
	jw_key_string(w, "group", lsn_prop_n(tor, LSN_N_GROUP));
	jw_key_content(w, "name", lsn_child_n(tor, LSN_N_NAME));
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
			const char *a = lsn_prop_n(c, LSN_N_ADDRESSES);

			jw_key(w, "addresses");
			lsn_out_putc(w->o, '[');
			if (a != NULL) {
				/* "1 2 7" -> 1, 2, 7 */
				int first = 1;
				while (*a != '\0') {
					size_t k = strcspn(a, " ");
					if (k > 0) {
						if (!first)
							lsn_out_put(w->o, ", ",
							    2);
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
	lsn_node	 *rel = lsn_child_n(q, LSN_N_RELATIONSHIPS);

	jw_key(w, "question");
	jw_open(w, '{');
	jw_key_string(w, "id", lsn_prop_n(q, LSN_N_ID));
	jw_key_content(w, "title", lsn_child_n(q, LSN_N_TITLE));
	jw_key_content(w, "status", lsn_child_n(q, LSN_N_STATUS));
	emit_blocks_array(w, "motivation", lsn_child_n(q, LSN_N_MOTIVATION));
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
	jw_key_texts(w, "responsible_for",
	    lsn_child_n(q, LSN_N_RESPONSIBLE_FOR), "item");
	jw_key_texts(w, "under_development",
	    lsn_child_n(q, LSN_N_UNDER_DEVELOPMENT),
	    "item");
	jw_close(w, '}');
}

static void
emit_annex(struct jw *w, lsn_node *a)
{
	lsn_node	 *c;

	jw_item(w);
	jw_open(w, '{');
	jw_key_string(w, "id", lsn_prop_n(a, LSN_N_ID));
	emit_inline_keys(w, lsn_child_n(a, LSN_N_TITLE), "title");
	jw_key_content(w, "note", lsn_child_n(a, LSN_N_NOTE));
	jw_key_string(w, "kind", lsn_prop_n(a, LSN_N_KIND));
	emit_blocks_array(w, "body", lsn_child_n(a, LSN_N_BODY));
	emit_sections(w, a);
	if ((c = lsn_child_n(a, LSN_N_QUESTION)) != NULL)
		emit_question(w, c);
	if ((c = lsn_child_n(a, LSN_N_TERMS_OF_REFERENCE)) != NULL)
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
	static const struct { const char *key; enum lsn_name el; } later[] = {
		{ "language", LSN_N_LANGUAGE }, { "group", LSN_N_GROUP },
		{ "number", LSN_N_NUMBER }, { "edition", LSN_N_EDITION },
	};
	size_t		 i;

	jw_key(w, "meta");
	jw_open(w, '{');
	for (i = 0; i < sizeof(single) / sizeof(single[0]); i++)
		jw_key_content(w, single[i].key, lsn_child(meta, single[i].el));
	jw_key_texts(w, "questions", meta, "question");
	jw_key_texts(w, "for_action", meta, "for-action");
	jw_key_texts(w, "for_information", meta, "for-information");
	jw_key_texts(w, "for_comment", meta, "for-comment");
	jw_key_content(w, "approval", lsn_child_n(meta, LSN_N_APPROVAL));
	c = lsn_child_n(meta, LSN_N_DEADLINE);
	jw_key_content(w, "deadline", c);
	jw_key_string(w, "deadline_iso", lsn_prop_n(c, LSN_N_ISO));
	jw_key_content(w, "reply_to", lsn_child_n(meta, LSN_N_REPLY_TO));
	c = lsn_child_n(meta, LSN_N_DATE);
	jw_key_content(w, "date", c);
	jw_key_string(w, "date_iso", lsn_prop_n(c, LSN_N_ISO));
	for (i = 0; i < sizeof(later) / sizeof(later[0]); i++)
		jw_key_content(w, later[i].key, lsn_child_n(meta, later[i].el));
	jw_key(w, "contacts");
	jw_open(w, '[');
	for (c = lsn_child_n(meta, LSN_N_CONTACT); c != NULL;
	    c = lsn_next_n(c, LSN_N_CONTACT)) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_content(w, "name", lsn_child_n(c, LSN_N_NAME));
		jw_key_content(w, "organization",
		    lsn_child_n(c, LSN_N_ORGANIZATION));
		jw_key_content(w, "country", lsn_child_n(c, LSN_N_COUNTRY));
		jw_key_content(w, "email", lsn_child_n(c, LSN_N_EMAIL));
		jw_key_content(w, "phone", lsn_child_n(c, LSN_N_PHONE));
		jw_key_content(w, "fax", lsn_child_n(c, LSN_N_FAX));
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
	for (e = lsn_child_n(toc, LSN_N_ENTRY); e != NULL;
	    e = lsn_next_n(e, LSN_N_ENTRY)) {
		jw_item(w);
		jw_open(w, '{');
		jw_key_string(w, "number", lsn_prop_n(e, LSN_N_NUMBER));
		jw_key_content(w, "title", e);
		jw_key_string(w, "page", lsn_prop_n(e, LSN_N_PAGE));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

int
lsn_emit_json(struct lsn_tree *model, struct lsn_out *o, liaison_error **err)
{
	struct jw	 w = { o, 0, 1 };
	lsn_node	 *root = lsn_root(model), *in, *c;

	if (root == NULL || !lsn_is_n(root, LSN_N_DOCUMENT)) {
		lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0, 0,
		    "not a liaison model");
		return -1;
	}
	in = lsn_child_n(root, LSN_N_INPUT);
	jw_open(&w, '{');
	jw_key_string(&w, "model", lsn_prop_n(root, LSN_N_MODEL));
	jw_key(&w, "source");
	jw_open(&w, '{');
	jw_key_string(&w, "file", lsn_prop_n(in, LSN_N_FILE));
	jw_key_string(&w, "format", lsn_prop_n(in, LSN_N_FORMAT));
	jw_key_string(&w, "sha256", lsn_prop_n(in, LSN_N_SHA256));
	jw_close(&w, '}');
	jw_key_string(&w, "kind", lsn_prop_n(root, LSN_N_KIND));
	emit_meta(&w, lsn_child_n(root, LSN_N_META));
	emit_blocks_array(&w, "abstract", lsn_child_n(root, LSN_N_ABSTRACT));
	emit_blocks_array(&w, "actions_requested",
	    lsn_child_n(root, LSN_N_ACTIONS_REQUESTED));
	emit_blocks_array(&w, "body", lsn_child_n(root, LSN_N_BODY));
	emit_toc(&w, lsn_child_n(root, LSN_N_TOC));
	emit_sections(&w, root);
	jw_key(&w, "annexes");
	jw_open(&w, '[');
	for (c = lsn_child_n(root, LSN_N_ANNEX); c != NULL;
	    c = lsn_next_n(c, LSN_N_ANNEX))
		emit_annex(&w, c);
	jw_close(&w, ']');
	jw_key(&w, "appendices");
	jw_open(&w, '[');
	for (c = lsn_child_n(root, LSN_N_APPENDIX); c != NULL;
	    c = lsn_next_n(c, LSN_N_APPENDIX))
		emit_annex(&w, c);
	jw_close(&w, ']');
	if ((c = lsn_child_n(root, LSN_N_TERMS_OF_REFERENCE)) != NULL)
		emit_tor(&w, c, root);
	if ((c = lsn_child_n(root, LSN_N_QUESTION)) != NULL)
		emit_question(&w, c);
	jw_key(&w, "footnotes");
	jw_open(&w, '[');
	for (c = lsn_child_n(root, LSN_N_FOOTNOTE); c != NULL;
	    c = lsn_next_n(c, LSN_N_FOOTNOTE)) {
		jw_item(&w);
		jw_open(&w, '{');
		jw_key_string(&w, "id", lsn_prop_n(c, LSN_N_ID));
		emit_blocks_array(&w, "blocks", c);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	emit_entities(&w, lsn_child_n(root, LSN_N_ENTITIES));
	jw_close(&w, '}');
	lsn_out_putc(o, '\n');
	if (o->error)
		return lsn_out_fail(o, "JSON", err);
	return 0;
}
