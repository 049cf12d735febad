/* SPDX-License-Identifier: MIT */
/*
 * build.c: the only writer of tree nodes: making, linking, copying.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison.h"
#include "tree/tree.h"
#include "util/arena.h"

/* Nodes are taken from the tree's arena at pointer alignment. */
#define NODE_ALIGN	(sizeof(void *))
/* Interned names: a few dozen per schema; the table doubles past 3/4. */
#define NAMES_FIRST_CAP	64

struct lsn_name_slot {
	const char	*name;
	unsigned int	 hash;
};

int
lsn_tree_new(struct lsn_builder *b)
{
	memset(b, 0, sizeof(*b));
	if ((b->tree = calloc(1, sizeof(*b->tree))) == NULL)
		return -1;
	return 0;
}

void
lsn_tree_free(struct lsn_tree *t)
{
	if (t == NULL)
		return;
	lsn_arena_free(&t->arena);
	free(t->names);
	free(t);
}

void
lsn_budget_hit(struct lsn_builder *b, int which)
{
	if (b->limit_hit == 0)
		b->limit_hit = which + 1;
	b->oom = 1;
}

/* Counts len more bytes of text against the model-bytes limit; 0, or
 * -1 when that goes over it. */
static int
spend(struct lsn_builder *b, size_t len)
{
	b->bytes += len;
	if (b->max_bytes > 0 && b->bytes > b->max_bytes) {
		lsn_budget_hit(b, LIAISON_LIMIT_MODEL_BYTES);
		return -1;
	}
	return 0;
}

static unsigned int
name_hash(const char *s)
{
	unsigned int	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Doubles the name table; -1 when memory ran out. */
static int
grow_names(struct lsn_tree *t)
{
	struct lsn_name_slot	*old = t->names, *slots;
	size_t			 i, j, oldcap = t->names_cap;
	size_t			 cap = oldcap == 0 ? NAMES_FIRST_CAP : oldcap * 2;

	if ((slots = calloc(cap, sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].name == NULL)
			continue;
		for (j = old[i].hash & (cap - 1); slots[j].name != NULL;
		    j = (j + 1) & (cap - 1))
			continue;
		slots[j] = old[i];
	}
	free(old);
	t->names = slots;
	t->names_cap = cap;
	return 0;
}

/* The tree's copy of name, made once, or NULL (and oom). */
static const char *
intern(struct lsn_builder *b, const char *name)
{
	struct lsn_tree	*t = b->tree;
	unsigned int	 h = name_hash(name);
	size_t		 i;
	char		*copy;

	if (t->names_len + 1 > t->names_cap / 4 * 3 && grow_names(t) == -1) {
		b->oom = 1;
		return NULL;
	}
	for (i = h & (t->names_cap - 1); t->names[i].name != NULL;
	    i = (i + 1) & (t->names_cap - 1))
		if (t->names[i].hash == h &&
		    strcmp(t->names[i].name, name) == 0)
			return t->names[i].name;
	if ((copy = lsn_arena_strdup(&t->arena, name)) == NULL) {
		b->oom = 1;
		return NULL;
	}
	t->names[i].name = copy;
	t->names[i].hash = h;
	t->names_len++;
	return copy;
}

/* A zeroed node of size bytes, or NULL and oom. */
static void *
new_node(struct lsn_builder *b, size_t size)
{
	void	*n;

	if ((n = lsn_arena_take(&b->tree->arena, size, NODE_ALIGN)) == NULL) {
		b->oom = 1;
		return NULL;
	}
	memset(n, 0, size);
	return n;
}

void
lsn_append(lsn_node *parent, lsn_node *n)
{
	n->parent = parent;
	n->next = NULL;
	n->prev = parent->last;
	if (parent->last == NULL)
		parent->children = n;
	else
		parent->last->next = n;
	parent->last = n;
}

void
lsn_insert_before(lsn_node *next, lsn_node *n)
{
	n->parent = next->parent;
	n->next = next;
	n->prev = next->prev;
	if (next->prev != NULL)
		next->prev->next = n;
	else if (next->parent != NULL)
		next->parent->children = n;
	next->prev = n;
}

void
lsn_unlink(lsn_node *n)
{
	if (n->prev != NULL)
		n->prev->next = n->next;
	else if (n->parent != NULL)
		n->parent->children = n->next;
	if (n->next != NULL)
		n->next->prev = n->prev;
	else if (n->parent != NULL)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

/* The name's id, and the string a node keeps for it: the schema's own
 * (static), or the tree's copy for a name of no schema. NULL and oom
 * when memory ran out. */
static const char *
name_of(struct lsn_builder *b, const char *name, enum lsn_name *id)
{
	if ((*id = lsn_name_find(name, strlen(name))) != LSN_N_UNKNOWN)
		return lsn_name_str[*id];
	return intern(b, name);
}

lsn_node *
lsn_el_n(struct lsn_builder *b, lsn_node *parent, enum lsn_name id)
{
	lsn_node	*n;

	if (b->oom || (n = new_node(b, sizeof(*n))) == NULL)
		return NULL;
	n->id = id;
	n->name = lsn_name_str[id];
	n->type = LSN_ELEMENT;
	if (parent != NULL)
		lsn_append(parent, n);
	return n;
}

lsn_node *
lsn_el(struct lsn_builder *b, lsn_node *parent, const char *name)
{
	lsn_node	*n;

	if (b->oom || (n = new_node(b, sizeof(*n))) == NULL)
		return NULL;
	if ((n->name = name_of(b, name, &n->id)) == NULL)
		return NULL;
	n->type = LSN_ELEMENT;
	if (parent != NULL)
		lsn_append(parent, n);
	return n;
}

lsn_node *
lsn_root_el(struct lsn_builder *b, const char *name)
{
	lsn_node	*n = lsn_el(b, NULL, name);

	if (n != NULL)
		b->tree->root = n;
	return n;
}

lsn_node *
lsn_el_text(struct lsn_builder *b, lsn_node *parent, const char *name,
    const char *text)
{
	lsn_node	*n = lsn_el(b, parent, name);

	if (n != NULL && text != NULL)
		lsn_text(b, n, text, strlen(text));
	return n;
}

lsn_node *
lsn_el_text_n(struct lsn_builder *b, lsn_node *parent, enum lsn_name id,
    const char *text)
{
	lsn_node	*n = lsn_el_n(b, parent, id);

	if (n != NULL && text != NULL)
		lsn_text(b, n, text, strlen(text));
	return n;
}

void
lsn_text(struct lsn_builder *b, lsn_node *parent, const char *text,
    size_t len)
{
	struct lsn_arena	*a;
	lsn_node		*t;
	char			*joined;
	size_t			 had;

	if (b->oom || parent == NULL || len == 0 || spend(b, len) == -1)
		return;
	a = &b->tree->arena;
	if ((t = parent->last) != NULL && t->type == LSN_TEXT) {
		/* Text after text: one node. Grown in place while nothing
		 * was allocated since, else copied. */
		had = strlen(t->content);
		if ((joined = lsn_arena_extend(a, t->content, had + 1,
		    len)) == NULL) {
			if (len > SIZE_MAX - had - 1 ||
			    (joined = lsn_arena_take(a, had + len + 1,
			    1)) == NULL) {
				b->oom = 1;
				return;
			}
			memcpy(joined, t->content, had);
			t->content = joined;
		}
		memcpy(joined + had, text, len);
		joined[had + len] = '\0';
		return;
	}
	/* the node first: its text, taken last, can then grow in place */
	if ((t = new_node(b, sizeof(*t))) == NULL ||
	    (joined = lsn_arena_strndup(a, text, len)) == NULL) {
		b->oom = 1;
		return;
	}
	t->type = LSN_TEXT;
	t->content = joined;
	lsn_append(parent, t);
}

/* Sets attribute name (id: its id, or LSN_N_UNKNOWN and name a name
 * of no schema). */
static void
set_attr(struct lsn_builder *b, lsn_node *n, enum lsn_name id,
    const char *name, const char *value)
{
	struct lsn_attr	*a, *last = NULL;
	char		*v;

	if (b->oom || n == NULL || value == NULL ||
	    spend(b, strlen(value)) == -1)
		return;
	if ((v = lsn_arena_strdup(&b->tree->arena, value)) == NULL) {
		b->oom = 1;
		return;
	}
	/* Set again (a document's kind, once known): the new value. */
	for (a = n->attrs; a != NULL; last = a, a = a->next)
		if (id != LSN_N_UNKNOWN ? a->id == id :
		    strcmp(a->name, name) == 0) {
			a->value = v;
			return;
		}
	if ((a = new_node(b, sizeof(*a))) == NULL)
		return;
	a->id = id;
	if ((a->name = id != LSN_N_UNKNOWN ? lsn_name_str[id] :
	    intern(b, name)) == NULL)
		return;
	a->value = v;
	if (last != NULL)
		last->next = a;
	else
		n->attrs = a;
}

void
lsn_attr(struct lsn_builder *b, lsn_node *n, const char *name,
    const char *value)
{
	set_attr(b, n, lsn_name_find(name, strlen(name)), name, value);
}

void
lsn_attr_n(struct lsn_builder *b, lsn_node *n, enum lsn_name id,
    const char *value)
{
	set_attr(b, n, id, lsn_name_str[id], value);
}

void
lsn_attr_int(struct lsn_builder *b, lsn_node *n, const char *name,
    long value)
{
	char	 num[32];

	snprintf(num, sizeof(num), "%ld", value);
	lsn_attr(b, n, name, num);
}

void
lsn_move_children(lsn_node *from, lsn_node *to)
{
	lsn_node	*c, *next;

	for (c = from->children; c != NULL; c = next) {
		next = c->next;
		lsn_unlink(c);
		lsn_append(to, c);
	}
}

/* A copy of element `from` with its attributes, not its content, as
 * the last child of parent (NULL: unlinked); NULL and oom on failure. */
static lsn_node *
copy_element(struct lsn_builder *b, lsn_node *parent, const lsn_node *from)
{
	lsn_node	*n;
	struct lsn_attr	*a;

	n = from->id != LSN_N_UNKNOWN ? lsn_el_n(b, parent, from->id) :
	    lsn_el(b, parent, from->name);
	for (a = from->attrs; n != NULL && a != NULL; a = a->next)
		set_attr(b, n, a->id, a->name, a->value);
	return n;
}

lsn_node *
lsn_copy(struct lsn_builder *b, lsn_node *parent, const lsn_node *from)
{
	lsn_node	*top, *to, *made;
	const lsn_node	*c;

	if ((top = copy_element(b, parent, from)) == NULL)
		return NULL;
	/* without recursion: models nest as deep as their documents */
	to = top;
	c = from->children;
	while (c != NULL && c != from && !b->oom) {
		made = NULL;
		if (c->type == LSN_TEXT)
			lsn_text(b, to, c->content, strlen(c->content));
		else
			made = copy_element(b, to, c);
		if (made != NULL && c->children != NULL) {
			c = c->children;
			to = made;
			continue;
		}
		while (c != from && c->next == NULL) {
			c = c->parent;
			if (c != from)
				to = to->parent;
		}
		if (c != from)
			c = c->next;
	}
	return b->oom ? NULL : top;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

lsn_node *
lsn_next_n(const lsn_node *n, enum lsn_name id)
{
	for (n = n != NULL ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == LSN_ELEMENT && n->id == id)
			return (lsn_node *)n;
	return NULL;
}

lsn_node *
lsn_child_n(const lsn_node *n, enum lsn_name id)
{
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == LSN_ELEMENT && n->id == id)
			return (lsn_node *)n;
	return NULL;
}

const char *
lsn_prop_n(const lsn_node *n, enum lsn_name id)
{
	const struct lsn_attr	*a;

	if (n == NULL || n->type != LSN_ELEMENT)
		return NULL;
	for (a = n->attrs; a != NULL; a = a->next)
		if (a->id == id)
			return a->value;
	return NULL;
}

int
lsn_same_name(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

int
lsn_is(const lsn_node *n, const char *name)
{
	return n != NULL && n->type == LSN_ELEMENT &&
	    lsn_same_name(n->name, name);
}

lsn_node *
lsn_next(const lsn_node *n, const char *name)
{
	for (n = n != NULL ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == LSN_ELEMENT &&
		    (name == NULL || lsn_same_name(n->name, name)))
			return (lsn_node *)n;
	return NULL;
}

lsn_node *
lsn_child(const lsn_node *n, const char *name)
{
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == LSN_ELEMENT &&
		    (name == NULL || lsn_same_name(n->name, name)))
			return (lsn_node *)n;
	return NULL;
}

const char *
lsn_prop(const lsn_node *n, const char *name)
{
	const struct lsn_attr	*a;

	if (n == NULL || n->type != LSN_ELEMENT)
		return NULL;
	for (a = n->attrs; a != NULL; a = a->next)
		if (lsn_same_name(a->name, name))
			return a->value;
	return NULL;
}

char *
lsn_text_of(const lsn_node *n)
{
	const lsn_node	*c;
	size_t		 len = 0, k;
	char		*s, *w;

	if (n == NULL)
		return NULL;
	if (n->type == LSN_TEXT)
		return strdup(n->content);
	for (c = n->children; c != NULL; c = lsn_next_under(n, c))
		if (c->type == LSN_TEXT)
			len += strlen(c->content);
	if ((s = w = malloc(len + 1)) == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = lsn_next_under(n, c))
		if (c->type == LSN_TEXT) {
			k = strlen(c->content);
			memcpy(w, c->content, k);
			w += k;
		}
	*w = '\0';
	return s;
}
