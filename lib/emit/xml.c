/* SPDX-License-Identifier: MIT */
/*
 * xml.c: the XML emitter: a tree (a model or a diff) written as XML,
 * indented where that adds no white space to text. The layout is the
 * one libxml2 gives a saved document (two spaces a level, at most
 * XML_INDENT_LEVELS of them; an element holding text is written with
 * nothing added inside it), so that files written before the model had
 * a tree of its own read the same.
 */
#include "config.h"

#include <string.h>

#include "emit/emit.h"
#include "tree/tree.h"
#include "util/error.h"

/* Indentation stops growing past this depth (libxml2's 60 columns). */
#define XML_INDENT_LEVELS	30

static void
indent(struct lsn_out *o, size_t level)
{
	static const char spaces[2 * XML_INDENT_LEVELS + 1] =
	    "                                                            ";

	lsn_out_put(o, spaces, 2 * (level > XML_INDENT_LEVELS ?
	    XML_INDENT_LEVELS : level));
}

/*
 * s escaped as XML: &, < and > as entities, CR as a character reference
 * (a literal one would be read back as a line feed); in an attribute
 * value also the quote, and the tab and line feed an XML reader would
 * otherwise normalize to spaces.
 */
static void
put_escaped(struct lsn_out *o, const char *s, int attr)
{
	const char	*run = s, *rep;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':  rep = "&amp;"; break;
		case '<':  rep = "&lt;"; break;
		case '>':  rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"':  rep = attr ? "&quot;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default:   rep = NULL; break;
		}
		if (rep == NULL)
			continue;
		lsn_out_put(o, run, (size_t)(s - run));
		lsn_out_puts(o, rep);
		run = s + 1;
	}
	lsn_out_put(o, run, (size_t)(s - run));
}

/* 1 when n holds text directly: then nothing is added inside it. */
static int
holds_text(const lsn_node *n)
{
	const lsn_node	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == LSN_TEXT)
			return 1;
	return 0;
}

static void
open_tag(struct lsn_out *o, const lsn_node *n)
{
	const struct lsn_attr	*a;

	lsn_out_putc(o, '<');
	lsn_out_puts(o, n->name);
	for (a = n->attrs; a != NULL; a = a->next) {
		lsn_out_putc(o, ' ');
		lsn_out_puts(o, a->name);
		lsn_out_puts(o, "=\"");
		put_escaped(o, a->value, 1);
		lsn_out_putc(o, '"');
	}
	lsn_out_puts(o, n->children == NULL ? "/>" : ">");
}

int
lsn_emit_xml(struct lsn_tree *model, struct lsn_out *o, liaison_error **err)
{
	const lsn_node	*root = lsn_root(model), *c, *flat = NULL;
	size_t		 level = 0;

	lsn_out_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (root == NULL)
		goto done;
	/* without recursion: models nest as deep as their documents;
	 * `flat` is the element whose content is written as it is */
	c = root;
	for (;;) {
		if (c->type == LSN_TEXT)
			put_escaped(o, c->content, 0);
		else {
			if (c != root && flat == NULL)
				indent(o, level);
			open_tag(o, c);
			if (c->children != NULL) {
				if (flat == NULL && holds_text(c))
					flat = c;
				if (flat == NULL)
					lsn_out_putc(o, '\n');
				level++;
				c = c->children;
				continue;
			}
		}
		/* after a node: its end, and the ends of the elements it
		 * closes */
		for (;;) {
			if (c == root)
				goto done;
			if (flat == NULL)
				lsn_out_putc(o, '\n');
			if (c->next != NULL) {
				c = c->next;
				break;
			}
			c = c->parent;
			level--;
			if (flat == NULL)
				indent(o, level);
			lsn_out_puts(o, "</");
			lsn_out_puts(o, c->name);
			lsn_out_putc(o, '>');
			if (c == flat)
				flat = NULL;
		}
	}
done:
	if (root != NULL)
		lsn_out_putc(o, '\n');
	if (o->error)
		return lsn_out_fail(o, "XML", err);
	return 0;
}
