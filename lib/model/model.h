/* SPDX-License-Identifier: MIT */
/*
 * model.h: the XML model (libxml2 tree) and the document object.
 *
 * The recognizer builds the model with these helpers; emitters and the
 * diff read it. Element names are those of schemas/liaison.rnc.
 */
#ifndef LSN_MODEL_H
#define LSN_MODEL_H

#include <libxml/tree.h>
#include "liaison.h"

struct liaison_doc {
	xmlDocPtr	 xml;    /* owned; root <document> */
};

struct lsn_arena;

/*
 * A model under construction. Every helper checks b->oom first and
 * sets it when an allocation fails, so callers test it once at the end.
 * Its nodes and strings are in an arena that belongs to the document:
 * free the document with lsn_model_free, never with xmlFreeDoc, and
 * change it only with these helpers and libxml2's calls that link and
 * unlink elements (xmlAddChild, xmlAddPrevSibling, xmlUnlinkNode),
 * never with one that frees or reallocates a node or its text.
 */
struct lsn_builder {
	xmlDocPtr		 doc;
	struct lsn_arena	*nodes;  /* doc's: doc->_private */
	int			 oom;    /* stop: memory ran out, or a limit */
	/* The model budget (0: none). Going over sets oom, to stop the
	 * build, and limit_hit to the liaison_limit + 1 that stopped it. */
	unsigned long long	 max_bytes;  /* text and attribute bytes */
	unsigned long long	 bytes;
	unsigned long long	 max_depth;  /* element nesting */
	int			 limit_hit;
};

/* Sets b->oom and b->limit_hit for limit `which` (a liaison_limit). */
void		lsn_budget_hit(struct lsn_builder *b, int which);

/* An empty document with its dictionary and node arena: 0, or -1 when
 * memory ran out. The document is the caller's (lsn_model_free). */
int		lsn_model_new(struct lsn_builder *b);
/* Frees a model: one built here (with its arena) or one parsed by
 * libxml2. NULL is fine. */
void		lsn_model_free(xmlDocPtr doc);

/* A new child element (appended), or NULL (and oom) on failure. */
xmlNodePtr	lsn_el(struct lsn_builder *b, xmlNodePtr parent, const char *name);
/* A new child element holding text (NULL text: empty element). */
xmlNodePtr	lsn_el_text(struct lsn_builder *b, xmlNodePtr parent,
		    const char *name, const char *text);
/* Appends text (len bytes) to parent, merging with a preceding text node. */
void		lsn_text(struct lsn_builder *b, xmlNodePtr parent,
		    const char *text, size_t len);
void		lsn_attr(struct lsn_builder *b, xmlNodePtr n, const char *name,
		    const char *value);
void		lsn_attr_int(struct lsn_builder *b, xmlNodePtr n,
		    const char *name, long value);
/* Moves the children of `from` to the end of `to`, in order; `from`
 * is left empty (in the arena, if it is a holder never linked). */
void		lsn_move_children(xmlNodePtr from, xmlNodePtr to);
/* A copy of element `from` (its attributes, text and elements) as the
 * last child of parent (NULL: unlinked), or NULL (and oom). */
xmlNodePtr	lsn_copy(struct lsn_builder *b, xmlNodePtr parent,
		    xmlNodePtr from);

/* Element helpers for readers of the model. */
/* First child element named `name` (NULL name: any), or NULL. */
xmlNodePtr	lsn_child(xmlNodePtr n, const char *name);
/* Next sibling element named `name` (NULL: any), or NULL. */
xmlNodePtr	lsn_next(xmlNodePtr n, const char *name);
/* 1 when n is an element named `name`. */
int		lsn_is(xmlNodePtr n, const char *name);
/* The node after c in document order inside n's subtree (c under n), or
 * NULL past its end: a walk of every node without recursion. Inline: the
 * text walks of the recognizer and the JSON emitter call it per node. */
static inline xmlNodePtr
lsn_next_under(xmlNodePtr n, xmlNodePtr c)
{
	if (c->type == XML_ELEMENT_NODE && c->children != NULL)
		return c->children;
	while (c != n && c->next == NULL)
		c = c->parent;
	return c != n ? c->next : NULL;
}
/* Attribute value (owned by the tree) or NULL. Reads the attribute's
 * text node directly: no allocation. */
const char     *lsn_prop(xmlNodePtr n, const char *name);

/*
 * The embedded file `name` (a schema), or NULL. *len may be NULL.
 */
const char     *lsn_embedded(const char *name, size_t *len);

/*
 * Validates doc against the embedded RELAX NG schema `schema_name`
 * ("liaison.rng" or "liaison-diff.rng"). Returns LIAISON_OK or
 * LIAISON_ERR_SCHEMA with the first violation in *err. The compiled
 * schema is cached for the life of the process (thread-safe).
 * When report is non-NULL it is called once per violation.
 */
liaison_status	lsn_validate(xmlDocPtr doc, const char *schema_name,
		    void (*report)(void *, unsigned long, const char *),
		    void *ctx, liaison_error **err);

/*
 * Parses an XML file or buffer safely: no network, no DTD loading, no
 * entity expansion, a depth limit. Returns the document or NULL with
 * *err set (LIAISON_ERR_XML with file, line and column). A file ("-"
 * is stdin; a pipe or FIFO too) of more than `limit` bytes is refused
 * with LIAISON_ERR_LIMIT, a regular one before it is read.
 */
xmlDocPtr	lsn_xml_parse_file(const char *path, unsigned long long limit,
		    liaison_error **err);
xmlDocPtr	lsn_xml_parse_memory(const char *data, size_t len,
		    const char *name, liaison_error **err);

/*
 * A libxml2 structured error handler that drops what it is given: for
 * calls whose failure is told by their result, so that libxml2 writes
 * nothing on stderr (2.9 declares the handler with a non-const error).
 */
void		lsn_xml_ignore_error(void *ctx, xmlErrorPtr e);

/*
 * Keeps libxml2 off stderr while a public function runs: begin saves
 * the calling thread's generic and structured error handlers (libxml2
 * keeps them per thread) and puts silent ones in their place; end puts
 * the caller's back. Handlers set in between (by a parser, a validator)
 * take precedence, as before. Errors are told by results, never there.
 */
struct lsn_xml_quiet {
	xmlGenericErrorFunc	 generic;
	void			*generic_ctx;
	xmlStructuredErrorFunc	 structured;
	void			*structured_ctx;
};
void		lsn_xml_quiet_begin(struct lsn_xml_quiet *q);
void		lsn_xml_quiet_end(const struct lsn_xml_quiet *q);

#endif
