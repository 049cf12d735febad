/* SPDX-License-Identifier: MIT */
/*
 * tree.h: the model as a tree of our own.
 *
 * The recognizer and the diff build trees with the builder below; the
 * emitters, the diff and the validator read them. Element and attribute
 * names are those of schemas/liaison.rnc and liaison-diff.rnc. A tree
 * owns all its nodes, names and strings in one arena: nothing in it is
 * freed alone, and lsn_tree_free frees it all. libxml2 sees a model
 * only as a copy (lsn_tree_to_xml), made for library users on demand.
 */
#ifndef LSN_TREE_H
#define LSN_TREE_H

#include <stddef.h>

#include "tree/names.h"
#include "util/arena.h"

enum lsn_node_type {
	LSN_ELEMENT = 1,
	LSN_TEXT = 2
};

struct lsn_attr {
	struct lsn_attr	*next;
	const char	*name;   /* lsn_name_str[id], or interned in the tree */
	const char	*value;  /* NUL-terminated */
	enum lsn_name	 id;     /* LSN_N_UNKNOWN: a name of no schema */
};

/*
 * An element or a run of text. Adjacent texts are always one node: the
 * builder joins them, as XML would read them back.
 */
typedef struct lsn_node lsn_node;
struct lsn_node {
	lsn_node		*parent, *children, *last, *prev, *next;
	const char		*name;     /* element: lsn_name_str[id] or
					    * interned; text: NULL */
	char			*content;  /* text: NUL-terminated; else NULL */
	struct lsn_attr		*attrs;    /* element: in order set */
	enum lsn_node_type	 type;
	enum lsn_name		 id;       /* element: its name's, or
					    * LSN_N_UNKNOWN (and for text) */
};

struct lsn_name_slot;

/* A tree and everything in it. */
struct lsn_tree {
	lsn_node		*root;
	struct lsn_arena	 arena;
	struct lsn_name_slot	*names;    /* interned names (open hash) */
	size_t			 names_cap, names_len;
};

/*
 * A tree under construction. Every helper checks b->oom first and
 * sets it when an allocation fails, so callers test it once at the end.
 */
struct lsn_builder {
	struct lsn_tree		*tree;
	int			 oom;    /* stop: memory ran out, or a limit */
	/* The model budget (0: none). Going over sets oom, to stop the
	 * build, and limit_hit to the liaison_limit + 1 that stopped it. */
	unsigned long long	 max_bytes;  /* text and attribute bytes */
	unsigned long long	 bytes;
	unsigned long long	 max_depth;  /* element nesting */
	int			 limit_hit;
};

/* The root element of t, or NULL (t NULL or empty). */
static inline lsn_node *
lsn_root(const struct lsn_tree *t)
{
	return t != NULL ? t->root : NULL;
}

/* Sets b->oom and b->limit_hit for limit `which` (a liaison_limit). */
void		lsn_budget_hit(struct lsn_builder *b, int which);

/* An empty tree to build in: 0, or -1 when memory ran out. The tree
 * (b->tree) is the caller's, to free with lsn_tree_free. */
int		lsn_tree_new(struct lsn_builder *b);
/* Frees a tree and all it holds. NULL is fine. */
void		lsn_tree_free(struct lsn_tree *t);

/* A new element, the last child of parent (NULL: unlinked; the first
 * one made with a NULL parent by lsn_root_el becomes the root), or NULL
 * (and oom) on failure. */
lsn_node	*lsn_el(struct lsn_builder *b, lsn_node *parent,
		    const char *name);
/* The same by the schema's name for it (names.h): no look-up. */
lsn_node	*lsn_el_n(struct lsn_builder *b, lsn_node *parent,
		    enum lsn_name id);
/* The tree's root element. */
lsn_node	*lsn_root_el(struct lsn_builder *b, const char *name);
/* A new child element holding text (NULL text: empty element). */
lsn_node	*lsn_el_text(struct lsn_builder *b, lsn_node *parent,
		    const char *name, const char *text);
lsn_node	*lsn_el_text_n(struct lsn_builder *b, lsn_node *parent,
		    enum lsn_name id, const char *text);
/* Appends text (len bytes) to parent, joined to a text before it. */
void		lsn_text(struct lsn_builder *b, lsn_node *parent,
		    const char *text, size_t len);
/* Sets an attribute: a new one after the others, or a new value. */
void		lsn_attr(struct lsn_builder *b, lsn_node *n, const char *name,
		    const char *value);
void		lsn_attr_int(struct lsn_builder *b, lsn_node *n,
		    const char *name, long value);
void		lsn_attr_n(struct lsn_builder *b, lsn_node *n,
		    enum lsn_name id, const char *value);

/* Linking, for nodes of one tree. A node is unlinked before it is
 * linked again; text nodes are never joined by these. */
void		lsn_append(lsn_node *parent, lsn_node *n);
void		lsn_insert_before(lsn_node *next, lsn_node *n);
void		lsn_unlink(lsn_node *n);
/* Moves the children of `from` to the end of `to`, in order; `from`
 * is left empty. */
void		lsn_move_children(lsn_node *from, lsn_node *to);
/* A copy of element `from` (of any tree: its attributes, text and
 * elements) as the last child of parent (NULL: unlinked), or NULL (and
 * oom). */
lsn_node	*lsn_copy(struct lsn_builder *b, lsn_node *parent,
		    const lsn_node *from);

/*
 * Reading. Names are compared by the recognizer and the emitters
 * millions of times, mostly against names that differ in their first
 * byte: that byte is tested before strcmp is called.
 */
int		lsn_same_name(const char *a, const char *b);
/* 1 when n is an element named `name`. */
int		lsn_is(const lsn_node *n, const char *name);
/* First child element named `name` (NULL name: any), or NULL. */
lsn_node	*lsn_child(const lsn_node *n, const char *name);
/* Next sibling element named `name` (NULL: any), or NULL. */
lsn_node	*lsn_next(const lsn_node *n, const char *name);
/* Attribute value (owned by the tree) or NULL. */
const char	*lsn_prop(const lsn_node *n, const char *name);

/* The same by the schema's names (names.h): an integer compared. */
static inline int
lsn_is_n(const lsn_node *n, enum lsn_name id)
{
	return n != NULL && n->type == LSN_ELEMENT && n->id == id;
}
lsn_node	*lsn_child_n(const lsn_node *n, enum lsn_name id);
lsn_node	*lsn_next_n(const lsn_node *n, enum lsn_name id);
const char	*lsn_prop_n(const lsn_node *n, enum lsn_name id);
/* The text of n (a text node) or of all the text under n (an element),
 * malloc'd (the caller frees it), or NULL (n NULL, or out of memory). */
char		*lsn_text_of(const lsn_node *n);
/* The node after c in document order inside n's subtree (c under n), or
 * NULL past its end: a walk of every node without recursion. Inline: the
 * text walks of the recognizer and the JSON emitter call it per node. */
static inline lsn_node *
lsn_next_under(const lsn_node *n, const lsn_node *c)
{
	if (c->type == LSN_ELEMENT && c->children != NULL)
		return c->children;
	while (c != n && c->next == NULL)
		c = c->parent;
	return c != n ? c->next : NULL;
}

#endif
