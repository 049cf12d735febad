/* SPDX-License-Identifier: MIT */
/*
 * emit-html.c: the diff as one self-contained HTML page (inline CSS, no
 * script, no external resource) in two views, as rfcdiff gives them:
 *
 * - the changes only: a list of the changes linking to anchors, then a
 *   side-by-side table, each change under a header naming its place in
 *   the old document (left) and in the new one (right), the old text
 *   with deleted words in <del>, the new text with inserted words in
 *   <ins>; lists keep their labels;
 * - the whole new document, with each change in place (deleted words in
 *   <del>, inserted ones in <ins>, deletions where they were), from the
 *   view lsn_diff_align builds; each change links to its row above.
 */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "tree/tree.h"

static const char css[] =
"body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}\n"
"h1{font-size:1.4em}\n"
"code{font-size:.95em}\n"
".toc ol{padding-left:2.5em}\n"
".toc li{margin:.15em 0}\n"
"table.sbs{border-collapse:collapse;width:100%;table-layout:fixed}\n"
"table.sbs th,table.sbs td{border:1px solid #ccc;padding:.4em .6em;"
"vertical-align:top;text-align:left;overflow-wrap:anywhere}\n"
"tr.hdr th{background:#eef2f7;font-weight:600}\n"
"tr.hdr th a{color:#335;text-decoration:none;margin-right:.5em}\n"
".op{display:inline-block;min-width:4.5em;font-variant:small-caps}\n"
".from{color:#666;font-weight:normal}\n"
"td.old,td.new{white-space:pre-wrap;font-family:ui-serif,Georgia,serif}\n"
"td.empty{background:#f6f6f6}\n"
"del{background:#fdd;color:#900}\n"
"ins{background:#dfd;color:#060;text-decoration:none}\n"
"p.stats{color:#555}\n"
"nav a{margin-right:1em}\n"
"th.none{color:#999;font-weight:normal}\n"
".doc{max-width:50em;font-family:ui-serif,Georgia,serif;line-height:1.45}\n"
".doc p{margin:.45em 0;white-space:pre-wrap}\n"
".doc .section,.doc .annex{font-family:system-ui,sans-serif;"
"font-weight:600;margin-top:1em}\n"
".doc .annex{font-size:1.1em}\n"
".doc .item{padding-left:1.5em}\n"
".doc .field{color:#444}\n"
".doc .chg{border-left:3px solid #999;padding-left:.5em}\n"
".doc .chg.insert{border-color:#3a3}\n"
".doc .chg.delete{border-color:#c33}\n"
".doc .chg.replace{border-color:#c80}\n"
".doc .chg.move{border-color:#36c}\n"
".doc a.n{font-family:system-ui,sans-serif;font-size:.8em;color:#335;"
"text-decoration:none;margin-right:.4em}\n";

static void
put_html(struct lsn_out *o, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *esc;
		switch (s[i]) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '"': esc = "&quot;"; break;
		default: continue;
		}
		lsn_out_put(o, s + run, i - run);
		lsn_out_puts(o, esc);
		run = i + 1;
	}
	lsn_out_put(o, s + run, n - run);
}

static void
put_html_str(struct lsn_out *o, const char *s)
{
	if (s != NULL)
		put_html(o, s, strlen(s));
}

/* One side of a change: the words of that side, with `mark` (del or
 * ins) around the changed ones. */
static void
put_side(struct lsn_out *o, lsn_node *words, const char *skip,
    const char *mark)
{
	for (lsn_node *w = lsn_child(words, NULL); w != NULL;
	    w = lsn_next(w, NULL)) {
		const char *t = lsn_diff_node_text(w);
		if (lsn_is(w, skip))
			continue;
		if (lsn_is_n(w, LSN_N_EQUAL))
			put_html_str(o, t);
		else {
			lsn_out_printf(o, "<%s>", mark);
			put_html_str(o, t);
			lsn_out_printf(o, "</%s>", mark);
		}
	}
}

/* A location cell of a change's header: `where`, or a dash when the
 * change has no place on that side. */
static void
put_where(struct lsn_out *o, const char *where, const char *lead,
    size_t k, const char *op)
{
	if (where == NULL) {
		lsn_out_puts(o, "<th class=\"none\">");
		if (lead != NULL)
			lsn_out_printf(o, "<a href=\"#c%zu\">%zu</a>"
			    "<span class=\"op\">%s</span>", k, k, op);
		lsn_out_puts(o, "\xe2\x80\x94</th>");
		return;
	}
	lsn_out_puts(o, "<th>");
	if (lead != NULL)
		lsn_out_printf(o, "<a href=\"#c%zu\">%zu</a>"
		    "<span class=\"op\">%s</span>", k, k, op);
	put_html_str(o, where);
	lsn_out_puts(o, "</th>");
}

/* The whole document with the changes in place. */
static void
put_document(struct lsn_out *o, const lsn_node *root)
{
	if (root == NULL || lsn_child(root, NULL) == NULL)
		return;
	lsn_out_puts(o, "<h2 id=\"document\">The new document, changes in "
	    "place</h2>\n<div class=\"doc\">\n");
	for (lsn_node *v = lsn_child(root, NULL); v != NULL;
	    v = lsn_next(v, NULL)) {
		const char *kind = lsn_prop_n(v, LSN_N_KIND);

		if (kind == NULL)
			kind = "paragraph";
		if (lsn_is_n(v, LSN_N_EQUAL)) {
			lsn_out_printf(o, "<p class=\"%s\">", kind);
			put_html_str(o, lsn_diff_node_text(v));
			lsn_out_puts(o, "</p>\n");
			continue;
		}
		const char *op = lsn_prop_n(v, LSN_N_OP);
		const char *n = lsn_prop(v, "n");
		const char *old = lsn_diff_child_text(v, "old");
		const char *new = lsn_diff_child_text(v, "new");

		lsn_out_printf(o, "<p class=\"%s chg %s\" id=\"d%s\">"
		    "<a class=\"n\" href=\"#c%s\" title=\"%s\">[%s]</a>",
		    kind, op, n, n, op, n);
		if (lsn_prop_n(v, LSN_N_LABEL) != NULL) {
			put_html_str(o, lsn_prop_n(v, LSN_N_LABEL));
			lsn_out_puts(o, " ");
		}
		if (old != NULL && new != NULL)
			for (lsn_node *w = lsn_child(
			    lsn_child_n(v, LSN_N_WORDS), NULL); w != NULL;
			    w = lsn_next(w, NULL)) {
				const char *mark =
				    lsn_is_n(w, LSN_N_DELETE) ? "del" :
				    lsn_is_n(w, LSN_N_INSERT) ? "ins" : NULL;

				if (mark != NULL)
					lsn_out_printf(o, "<%s>", mark);
				put_html_str(o, lsn_diff_node_text(w));
				if (mark != NULL)
					lsn_out_printf(o, "</%s>", mark);
			}
		else {
			const char *mark = old != NULL ? "del" : "ins";

			lsn_out_printf(o, "<%s>", mark);
			put_html_str(o, old != NULL ? old : new);
			lsn_out_printf(o, "</%s>", mark);
		}
		lsn_out_puts(o, "</p>\n");
	}
	lsn_out_puts(o, "</div>\n");
}

int
lsn_diff_emit_html(struct lsn_tree *diff, lsn_node *view, unsigned int flags,
    struct lsn_out *o, liaison_error **err)
{
	lsn_node	 *root = lsn_root(diff), *st;
	const char	*of = lsn_prop_n(lsn_child_n(root, LSN_N_OLD_INPUT),
	    LSN_N_FILE);
	const char	*nf = lsn_prop_n(lsn_child_n(root, LSN_N_NEW_INPUT),
	    LSN_N_FILE);
	size_t		 n = 0, k;

	o->visible = 1;   /* control characters as pictures */
	of = of != NULL ? of : "old";
	nf = nf != NULL ? nf : "new";
	lsn_out_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>Changes: ");
	put_html_str(o, of);
	lsn_out_puts(o, " \xe2\x86\x92 ");
	put_html_str(o, nf);
	lsn_out_printf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>Changes</h1>\n<p>From <code>", css);
	put_html_str(o, of);
	lsn_out_puts(o, "</code> to <code>");
	put_html_str(o, nf);
	lsn_out_puts(o, "</code>.</p>\n");
	if ((st = lsn_child_n(root, LSN_N_STATS)) != NULL)
		lsn_out_printf(o, "<p class=\"stats\">%s inserted, %s deleted, "
		    "%s replaced, %s moved; %s unchanged.</p>\n",
		    lsn_prop_n(st, LSN_N_INSERTED),
		    lsn_prop_n(st, LSN_N_DELETED),
		    lsn_prop_n(st, LSN_N_REPLACED), lsn_prop_n(st, LSN_N_MOVED),
		    lsn_prop_n(st, LSN_N_UNCHANGED));
	if (lsn_child_n(root, LSN_N_CHANGE) == NULL) {
		lsn_out_puts(o, "<p>No changes.</p>\n</body>\n</html>\n");
		return 0;
	}
	lsn_out_puts(o, "<nav><a href=\"#changes\">The changes side by "
	    "side</a>");
	/* (a diff made with LIAISON_DIFF_NEW_NO_VIEW has no such view) */
	if (view != NULL && lsn_child(view, NULL) != NULL)
		lsn_out_puts(o, "<a href=\"#document\">The new document, "
		    "changes in place</a>");
	lsn_out_puts(o, "</nav>\n<div class=\"toc\">\n<ol>\n");
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE)) {
		lsn_out_printf(o, "<li><a href=\"#c%zu\">%s: ", ++n,
		    lsn_prop_n(c, LSN_N_OP));
		put_html_str(o, lsn_prop_n(c, LSN_N_WHERE));
		lsn_out_puts(o, "</a></li>\n");
	}
	lsn_out_puts(o, "</ol>\n</div>\n<h2 id=\"changes\">The changes side "
	    "by side</h2>\n<table class=\"sbs\">\n"
	    "<colgroup><col><col></colgroup>\n<thead><tr><th>");
	put_html_str(o, of);
	lsn_out_puts(o, "</th><th>");
	put_html_str(o, nf);
	lsn_out_puts(o, "</th></tr></thead>\n<tbody>\n");
	k = 0;
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE)) {
		const char *op = lsn_prop_n(c, LSN_N_OP);
		const char *where = lsn_prop_n(c, LSN_N_WHERE);
		const char *from = lsn_prop_n(c, LSN_N_OLD_WHERE);
		const char *old = lsn_diff_child_text(c, "old");
		const char *new = lsn_diff_child_text(c, "new");
		lsn_node *words = lsn_child_n(c, LSN_N_WORDS);

		k++;
		/* Both places: a deletion's "where" is in the old document,
		 * an insertion has none there. */
		lsn_out_printf(o, "<tr class=\"hdr\" id=\"c%zu\">", k);
		put_where(o, old == NULL ? NULL : from != NULL ? from : where,
		    "", k, op);
		put_where(o, new == NULL ? NULL : where, NULL, k, op);
		lsn_out_printf(o, "</tr>\n<tr class=\"chg %s\">", op);
		if (old != NULL) {
			lsn_out_puts(o, "<td class=\"old\">");
			put_side(o, words, "insert", "del");
			lsn_out_puts(o, "</td>");
		} else
			lsn_out_puts(o, "<td class=\"empty\"></td>");
		if (new != NULL) {
			lsn_out_puts(o, "<td class=\"new\">");
			put_side(o, words, "delete", "ins");
			lsn_out_puts(o, "</td>");
		} else
			lsn_out_puts(o, "<td class=\"empty\"></td>");
		lsn_out_puts(o, "</tr>\n");
	}
	lsn_out_puts(o, "</tbody>\n</table>\n");
	put_document(o, view);
	lsn_out_puts(o, "</body>\n</html>\n");
	(void)flags;
	(void)err;
	return 0;
}
