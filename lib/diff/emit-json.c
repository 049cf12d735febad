/* SPDX-License-Identifier: MIT */
/*
 * emit-json.c: the diff as JSON ("liaison-diff/1", MODEL.md "Diff JSON";
 * schemas/liaison-diff.schema.json). One change per block, one word
 * operation per line, so that line tools and jq both work on it.
 */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "tree/tree.h"

static void
put_str(struct lsn_out *o, const char *s)
{
	if (s == NULL) {
		lsn_out_puts(o, "null");
		return;
	}
	lsn_out_putc(o, '"');
	lsn_json_escape(o, s, strlen(s));
	lsn_out_putc(o, '"');
}

static void
put_source(struct lsn_out *o, lsn_node *in)
{
	lsn_out_puts(o, "{\"file\": ");
	put_str(o, lsn_prop_n(in, LSN_N_FILE));
	lsn_out_puts(o, ", \"format\": ");
	put_str(o, lsn_prop_n(in, LSN_N_FORMAT));
	lsn_out_puts(o, ", \"sha256\": ");
	put_str(o, lsn_prop_n(in, LSN_N_SHA256));
	lsn_out_putc(o, '}');
}

static void
put_stat(struct lsn_out *o, lsn_node *st, const char *name, int last)
{
	const char *v = st != NULL ? lsn_prop(st, name) : NULL;

	lsn_out_printf(o, "    \"%s\": %s%s\n", name, v != NULL ? v : "0",
	    last ? "" : ",");
}

int
lsn_diff_emit_json(struct lsn_tree *diff, unsigned int flags, struct lsn_out *o,
    liaison_error **err)
{
	lsn_node	 *root = lsn_root(diff), *st;
	size_t		 n = 0;

	lsn_out_puts(o, "{\n  \"model\": \"liaison-diff/1\",\n  \"old\": ");
	put_source(o, lsn_child_n(root, LSN_N_OLD_INPUT));
	lsn_out_puts(o, ",\n  \"new\": ");
	put_source(o, lsn_child_n(root, LSN_N_NEW_INPUT));
	lsn_out_puts(o, ",\n  \"changes\": [");
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE)) {
		lsn_node *ws = lsn_child_n(c, LSN_N_WORDS);
		size_t k = 0;

		lsn_out_puts(o, n++ > 0 ? ",\n    {\n" : "\n    {\n");
		lsn_out_puts(o, "      \"op\": ");
		put_str(o, lsn_prop_n(c, LSN_N_OP));
		lsn_out_puts(o, ",\n      \"where\": ");
		put_str(o, lsn_prop_n(c, LSN_N_WHERE));
		lsn_out_puts(o, ",\n      \"path\": ");
		put_str(o, lsn_prop_n(c, LSN_N_PATH));
		lsn_out_puts(o, ",\n      \"old_where\": ");
		put_str(o, lsn_prop_n(c, LSN_N_OLD_WHERE));
		lsn_out_puts(o, ",\n      \"old_path\": ");
		put_str(o, lsn_prop_n(c, LSN_N_OLD_PATH));
		lsn_out_puts(o, ",\n      \"old\": ");
		put_str(o, lsn_diff_child_text(c, "old"));
		lsn_out_puts(o, ",\n      \"new\": ");
		put_str(o, lsn_diff_child_text(c, "new"));
		lsn_out_puts(o, ",\n      \"words\": [");
		for (lsn_node *w = lsn_child(ws, NULL); w != NULL;
		    w = lsn_next(w, NULL)) {
			lsn_out_puts(o, k++ > 0 ? ",\n        {\"op\": " :
			    "\n        {\"op\": ");
			put_str(o, (const char *)w->name);
			lsn_out_puts(o, ", \"text\": ");
			put_str(o, lsn_diff_node_text(w));
			lsn_out_putc(o, '}');
		}
		lsn_out_puts(o, k > 0 ? "\n      ]\n    }" : "]\n    }");
	}
	lsn_out_puts(o,
	    n > 0 ? "\n  ],\n  \"stats\": {\n" : "],\n  \"stats\": {\n");
	st = lsn_child_n(root, LSN_N_STATS);
	put_stat(o, st, "inserted", 0);
	put_stat(o, st, "deleted", 0);
	put_stat(o, st, "replaced", 0);
	put_stat(o, st, "moved", 0);
	put_stat(o, st, "unchanged", 1);
	lsn_out_puts(o, "  }\n}\n");
	(void)flags;
	(void)err;
	return 0;
}
