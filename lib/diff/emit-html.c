/*
 * emit-html.c: the diff as one self-contained HTML page (inline CSS, no
 * script, no external resource): a list of the changes linking to
 * anchors, then a side-by-side table as rfcdiff draws it, the old text
 * on the left with deleted words in <del>, the new text on the right
 * with inserted words in <ins>.
 */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "model/model.h"

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
"p.stats{color:#555}\n";

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
put_side(struct lsn_out *o, xmlNodePtr words, const char *skip,
    const char *mark)
{
	for (xmlNodePtr w = lsn_child(words, NULL); w != NULL;
	    w = lsn_next(w, NULL)) {
		const char *t = lsn_diff_node_text(w);
		if (lsn_is(w, skip))
			continue;
		if (lsn_is(w, "equal"))
			put_html_str(o, t);
		else {
			lsn_out_printf(o, "<%s>", mark);
			put_html_str(o, t);
			lsn_out_printf(o, "</%s>", mark);
		}
	}
}

int
lsn_diff_emit_html(xmlDocPtr diff, unsigned int flags, struct lsn_out *o,
    liaison_error **err)
{
	xmlNodePtr	 root = xmlDocGetRootElement(diff), st;
	const char	*of = lsn_prop(lsn_child(root, "old-input"), "file");
	const char	*nf = lsn_prop(lsn_child(root, "new-input"), "file");
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
	if ((st = lsn_child(root, "stats")) != NULL)
		lsn_out_printf(o, "<p class=\"stats\">%s inserted, %s deleted, "
		    "%s replaced, %s moved; %s unchanged.</p>\n",
		    lsn_prop(st, "inserted"), lsn_prop(st, "deleted"),
		    lsn_prop(st, "replaced"), lsn_prop(st, "moved"),
		    lsn_prop(st, "unchanged"));
	if (lsn_child(root, "change") == NULL) {
		lsn_out_puts(o, "<p>No changes.</p>\n</body>\n</html>\n");
		return 0;
	}
	lsn_out_puts(o, "<div class=\"toc\">\n<ol>\n");
	for (xmlNodePtr c = lsn_child(root, "change"); c != NULL;
	    c = lsn_next(c, "change")) {
		lsn_out_printf(o, "<li><a href=\"#c%zu\">%s: ", ++n,
		    lsn_prop(c, "op"));
		put_html_str(o, lsn_prop(c, "where"));
		lsn_out_puts(o, "</a></li>\n");
	}
	lsn_out_puts(o, "</ol>\n</div>\n<table class=\"sbs\">\n"
	    "<colgroup><col><col></colgroup>\n<thead><tr><th>");
	put_html_str(o, of);
	lsn_out_puts(o, "</th><th>");
	put_html_str(o, nf);
	lsn_out_puts(o, "</th></tr></thead>\n<tbody>\n");
	k = 0;
	for (xmlNodePtr c = lsn_child(root, "change"); c != NULL;
	    c = lsn_next(c, "change")) {
		const char *op = lsn_prop(c, "op");
		const char *from = lsn_prop(c, "old-where");
		const char *old = lsn_diff_child_text(c, "old");
		const char *new = lsn_diff_child_text(c, "new");
		xmlNodePtr words = lsn_child(c, "words");

		k++;
		lsn_out_printf(o, "<tr class=\"hdr\" id=\"c%zu\"><th colspan=\"2\">"
		    "<a href=\"#c%zu\">%zu</a><span class=\"op\">%s</span>",
		    k, k, k, op);
		put_html_str(o, lsn_prop(c, "where"));
		if (from != NULL) {
			lsn_out_puts(o, " <span class=\"from\">(from ");
			put_html_str(o, from);
			lsn_out_puts(o, ")</span>");
		}
		lsn_out_printf(o, "</th></tr>\n<tr class=\"chg %s\">", op);
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
	lsn_out_puts(o, "</tbody>\n</table>\n</body>\n</html>\n");
	(void)flags;
	(void)err;
	return 0;
}
