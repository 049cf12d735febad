/*
 * emit-text.c: the diff for terminals. Each change is a header line
 * (operation and location) and its text, indented, with deleted words
 * in [-...-] and inserted words in {+...+} (as git --word-diff), or in
 * red and green with LIAISON_DIFF_COLOR. Nothing is written when the
 * documents say the same.
 */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "model/model.h"

#define C_RESET "\033[m"
#define C_HEAD  "\033[1m"
#define C_DEL   "\033[31m"
#define C_INS   "\033[32m"
#define C_DIM   "\033[2m"

#define INDENT "    "

/* Text with every line break followed by the indent. */
static void
put_indented(struct lsn_out *o, const char *s, size_t n, const char *color,
    const char *reset)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '\n') {
			lsn_out_put(o, s + run, i - run);
			if (color != NULL)
				lsn_out_puts(o, reset);
			lsn_out_puts(o, "\n" INDENT);
			if (color != NULL)
				lsn_out_puts(o, color);
			run = i + 1;
		}
	lsn_out_put(o, s + run, n - run);
}

static void
put_words(struct lsn_out *o, xmlNodePtr words, int color)
{
	for (xmlNodePtr w = lsn_child(words, NULL); w != NULL;
	    w = lsn_next(w, NULL)) {
		const char *t = lsn_diff_node_text(w);
		size_t n = strlen(t);
		if (lsn_is(w, "equal"))
			put_indented(o, t, n, NULL, NULL);
		else if (lsn_is(w, "delete")) {
			lsn_out_puts(o, color ? C_DEL : "[-");
			put_indented(o, t, n, color ? C_DEL : NULL, C_RESET);
			lsn_out_puts(o, color ? C_RESET : "-]");
		} else {
			lsn_out_puts(o, color ? C_INS : "{+");
			put_indented(o, t, n, color ? C_INS : NULL, C_RESET);
			lsn_out_puts(o, color ? C_RESET : "+}");
		}
	}
}

/* Whole text inserted or deleted: each line with + or -. */
static void
put_lines(struct lsn_out *o, const char *s, char mark, int color)
{
	const char *e;

	do {
		e = strchr(s, '\n');
		lsn_out_puts(o, INDENT);
		if (color)
			lsn_out_puts(o, mark == '+' ? C_INS : C_DEL);
		lsn_out_putc(o, mark);
		lsn_out_putc(o, ' ');
		lsn_out_put(o, s, e != NULL ? (size_t)(e - s) : strlen(s));
		if (color)
			lsn_out_puts(o, C_RESET);
		lsn_out_putc(o, '\n');
		s = e != NULL ? e + 1 : s;
	} while (e != NULL);
}

int
lsn_diff_emit_text(xmlDocPtr diff, unsigned int flags, struct lsn_out *o,
    liaison_error **err)
{
	xmlNodePtr	 root = xmlDocGetRootElement(diff), st;
	int		 color = (flags & LIAISON_DIFF_COLOR) != 0;
	size_t		 n = 0;

	for (xmlNodePtr c = lsn_child(root, "change"); c != NULL;
	    c = lsn_next(c, "change")) {
		const char *op = lsn_prop(c, "op");
		const char *from = lsn_prop(c, "old-where");
		const char *old = lsn_diff_child_text(c, "old");
		const char *new = lsn_diff_child_text(c, "new");

		if (n++ > 0)
			lsn_out_putc(o, '\n');
		if (color)
			lsn_out_puts(o, C_HEAD);
		lsn_out_printf(o, "%s: %s", op, lsn_prop(c, "where"));
		if (from != NULL)
			lsn_out_printf(o, " (from %s)", from);
		if (color)
			lsn_out_puts(o, C_RESET);
		lsn_out_putc(o, '\n');
		if (old != NULL && new != NULL) {
			lsn_out_puts(o, INDENT);
			put_words(o, lsn_child(c, "words"), color);
			lsn_out_putc(o, '\n');
		} else if (old != NULL)
			put_lines(o, old, '-', color);
		else if (new != NULL)
			put_lines(o, new, '+', color);
	}
	if (n > 0 && (st = lsn_child(root, "stats")) != NULL) {
		lsn_out_printf(o, "\n%s%zu change%s: %s inserted, %s deleted, "
		    "%s replaced, %s moved; %s unchanged%s\n",
		    color ? C_DIM : "", n, n == 1 ? "" : "s",
		    lsn_prop(st, "inserted"), lsn_prop(st, "deleted"),
		    lsn_prop(st, "replaced"), lsn_prop(st, "moved"),
		    lsn_prop(st, "unchanged"), color ? C_RESET : "");
	}
	(void)err;
	return 0;
}
