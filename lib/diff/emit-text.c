/* SPDX-License-Identifier: MIT */
/*
 * emit-text.c: the diff for terminals. Each change is a header line
 * (operation and location) and its text, indented, with deleted words
 * in [-...-] and inserted words in {+...+} (as git --word-diff), in red
 * and green too with LIAISON_DIFF_COLOR (the markers stay: colour alone
 * is lost on a monochrome terminal, in a pipe and to colour-blind
 * readers). Nothing is written when the documents say the same.
 * Control characters of the documents are shown as pictures
 * (lsn_out_put): a diff must not be able to drive the terminal.
 */
#include "config.h"

#include <string.h>

#include "diff/diff.h"
#include "tree/tree.h"

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
				lsn_out_raw(o, reset);
			lsn_out_puts(o, "\n" INDENT);
			if (color != NULL)
				lsn_out_raw(o, color);
			run = i + 1;
		}
	lsn_out_put(o, s + run, n - run);
}

static void
put_words(struct lsn_out *o, lsn_node *words, int color)
{
	for (lsn_node *w = lsn_child(words, NULL); w != NULL;
	    w = lsn_next(w, NULL)) {
		const char *t = lsn_diff_node_text(w);
		size_t n = strlen(t);
		if (lsn_is_n(w, LSN_N_EQUAL))
			put_indented(o, t, n, NULL, NULL);
		else if (lsn_is_n(w, LSN_N_DELETE)) {
			if (color)
				lsn_out_raw(o, C_DEL);
			lsn_out_puts(o, "[-");
			put_indented(o, t, n, color ? C_DEL : NULL, C_RESET);
			lsn_out_puts(o, "-]");
			if (color)
				lsn_out_raw(o, C_RESET);
		} else {
			if (color)
				lsn_out_raw(o, C_INS);
			lsn_out_puts(o, "{+");
			put_indented(o, t, n, color ? C_INS : NULL, C_RESET);
			lsn_out_puts(o, "+}");
			if (color)
				lsn_out_raw(o, C_RESET);
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
			lsn_out_raw(o, mark == '+' ? C_INS : C_DEL);
		lsn_out_putc(o, mark);
		lsn_out_putc(o, ' ');
		lsn_out_put(o, s, e != NULL ? (size_t)(e - s) : strlen(s));
		if (color)
			lsn_out_raw(o, C_RESET);
		lsn_out_putc(o, '\n');
		s = e != NULL ? e + 1 : s;
	} while (e != NULL);
}

int
lsn_diff_emit_text(struct lsn_tree *diff, unsigned int flags, struct lsn_out *o,
    liaison_error **err)
{
	lsn_node	 *root = lsn_root(diff), *st;
	int		 color = (flags & LIAISON_DIFF_COLOR) != 0;
	size_t		 n = 0;

	o->visible = 1;
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE)) {
		const char *op = lsn_prop_n(c, LSN_N_OP);
		const char *from = lsn_prop_n(c, LSN_N_OLD_WHERE);
		const char *old = lsn_diff_child_text(c, "old");
		const char *new = lsn_diff_child_text(c, "new");

		if (n++ > 0)
			lsn_out_putc(o, '\n');
		if (color)
			lsn_out_raw(o, C_HEAD);
		lsn_out_printf(o, "%s: %s", op, lsn_prop_n(c, LSN_N_WHERE));
		if (from != NULL && strcmp(op, "move") == 0)
			lsn_out_printf(o, " (from %s)", from);
		if (color)
			lsn_out_raw(o, C_RESET);
		lsn_out_putc(o, '\n');
		if (old != NULL && new != NULL) {
			lsn_out_puts(o, INDENT);
			put_words(o, lsn_child_n(c, LSN_N_WORDS), color);
			lsn_out_putc(o, '\n');
		} else if (old != NULL)
			put_lines(o, old, '-', color);
		else if (new != NULL)
			put_lines(o, new, '+', color);
	}
	if (n > 0 && (st = lsn_child_n(root, LSN_N_STATS)) != NULL) {
		lsn_out_putc(o, '\n');
		if (color)
			lsn_out_raw(o, C_DIM);
		lsn_out_printf(o, "%zu change%s: %s inserted, %s deleted, "
		    "%s replaced, %s moved; %s unchanged",
		    n, n == 1 ? "" : "s",
		    lsn_prop_n(st, LSN_N_INSERTED),
		    lsn_prop_n(st, LSN_N_DELETED),
		    lsn_prop_n(st, LSN_N_REPLACED), lsn_prop_n(st, LSN_N_MOVED),
		    lsn_prop_n(st, LSN_N_UNCHANGED));
		if (color)
			lsn_out_raw(o, C_RESET);
		lsn_out_putc(o, '\n');
	}
	(void)err;
	return 0;
}
