/* SPDX-License-Identifier: MIT */
/*
 * node-text.c: the text of the diff document's nodes, for its emitters:
 * below diff.c, which calls the emitters, so that they need not call
 * back into it.
 */
#include "config.h"

#include "diff/diff.h"
#include "tree/tree.h"

const char *
lsn_diff_node_text(lsn_node *n)
{
	if (n == NULL)
		return "";
	for (lsn_node *c = n->children; c != NULL; c = c->next)
		if (c->type == LSN_TEXT && c->content != NULL)
			return (const char *)c->content;
	return "";
}

const char *
lsn_diff_child_text(lsn_node *n, const char *name)
{
	lsn_node *c = lsn_child(n, name);

	return c != NULL ? lsn_diff_node_text(c) : NULL;
}
