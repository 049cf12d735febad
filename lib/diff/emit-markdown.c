/* SPDX-License-Identifier: MIT */
/*
 * emit-markdown.c: the diff as a CommonMark list (GitHub flavour for
 * strikethrough): one numbered item per change, deleted words as
 * ~~...~~ and inserted words as **...** (or <del>/<ins> where the
 * delimiters could not open or close).
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "diff/diff.h"
#include "tree/tree.h"

/*
 * Text with Markdown punctuation escaped and line breaks kept inside the
 * list item (hard break, then the item's indentation). What would start
 * a block at the beginning of a line (a list marker, a heading, a quote)
 * is escaped there only, so running text keeps "ITU-T" readable.
 */
static void
put_md(struct lsn_out *o, const char *s, size_t n, int *bol)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n') {
			lsn_out_puts(o, "\\\n   ");
			*bol = 1;
			continue;
		}
		if (strchr("\\`*_[]<>~|&", c) != NULL)
			lsn_out_putc(o, '\\');
		else if (*bol && strchr("-+#=", c) != NULL)
			lsn_out_putc(o, '\\');
		else if (*bol && c >= '0' && c <= '9') {
			/* "1." or "1)" at a line start would open a list. */
			size_t j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			lsn_out_put(o, s + i, j - i);
			if (j < n && (s[j] == '.' || s[j] == ')')) {
				lsn_out_putc(o, '\\');
				lsn_out_putc(o, s[j]);
				j++;
			}
			i = j - 1;
			*bol = 0;
			continue;
		}
		if (c != ' ')
			*bol = 0;
		lsn_out_putc(o, c);
	}
}

static int
is_punct(int c)
{
	return c >= 0 && c < 0x80 && ispunct(c);
}

static int
is_space(int c)
{
	return c < 0 || c == ' ' || c == '\n' || c == '\t';
}

/*
 * Marks s as deleted (~~s~~) or inserted (**s**). Spaces at either end
 * go outside, since emphasis must hug its text. `left` and `right` are
 * the characters next to s in the output (-1: none). Where CommonMark's
 * flanking rules would not let the delimiters open or close (as in
 * "2025**, with**"), the HTML elements <del> and <ins> are used instead.
 */
static void
put_marked(struct lsn_out *o, const char *s, int insert, int left,
    int right, int *bol)
{
	size_t	 n = strlen(s), a = 0, b = n;
	int	 first, last, before, after, flank;

	while (a < n && (s[a] == ' ' || s[a] == '\n'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n'))
		b--;
	put_md(o, s, a, bol);
	if (b > a) {
		first = (unsigned char)s[a];
		last = (unsigned char)s[b - 1];
		before = a > 0 ? ' ' : left;
		after = b < n ? ' ' : right;
		flank = (!is_punct(first) || is_space(before) ||
		    is_punct(before)) && (!is_punct(last) || is_space(after) ||
		    is_punct(after));
		lsn_out_puts(o, flank ? (insert ? "**" : "~~") :
		    (insert ? "<ins>" : "<del>"));
		put_md(o, s + a, b - a, bol);
		lsn_out_puts(o, flank ? (insert ? "**" : "~~") :
		    (insert ? "</ins>" : "</del>"));
	}
	put_md(o, s + b, n - b, bol);
}

/* First and last character of a word element's text (-1 when none). */
static int
first_char(lsn_node *w)
{
	const char *t = w != NULL ? lsn_diff_node_text(w) : "";

	return *t != '\0' ? (unsigned char)t[0] : -1;
}

static int
last_char(lsn_node *w)
{
	const char *t = w != NULL ? lsn_diff_node_text(w) : "";
	size_t n = strlen(t);

	return n > 0 ? (unsigned char)t[n - 1] : -1;
}

int
lsn_diff_emit_markdown(struct lsn_tree *diff, unsigned int flags,
    struct lsn_out *o, liaison_error **err)
{
	lsn_node	 *root = lsn_root(diff), *st;
	const char	*of = lsn_prop_n(lsn_child_n(root, LSN_N_OLD_INPUT),
	    LSN_N_FILE);
	const char	*nf = lsn_prop_n(lsn_child_n(root, LSN_N_NEW_INPUT),
	    LSN_N_FILE);
	size_t		 n = 0;
	int		 bol = 0;

	o->visible = 1;   /* control characters as pictures */
	lsn_out_puts(o, "# Changes\n\nFrom ");
	put_md(o, of != NULL ? of : "old", strlen(of != NULL ? of : "old"),
	    &bol);
	lsn_out_puts(o, " to ");
	put_md(o, nf != NULL ? nf : "new", strlen(nf != NULL ? nf : "new"),
	    &bol);
	lsn_out_puts(o, ".\n\n");
	for (lsn_node *c = lsn_child_n(root, LSN_N_CHANGE); c != NULL;
	    c = lsn_next_n(c, LSN_N_CHANGE)) {
		const char *from = lsn_prop_n(c, LSN_N_OLD_WHERE);
		const char *old = lsn_diff_child_text(c, "old");
		const char *new = lsn_diff_child_text(c, "new");
		const char *w = lsn_prop_n(c, LSN_N_WHERE);

		lsn_out_printf(o, "%zu. *%s*: ", ++n, lsn_prop_n(c, LSN_N_OP));
		bol = 0;
		put_md(o, w, strlen(w), &bol);
		if (from != NULL &&
		    strcmp(lsn_prop_n(c, LSN_N_OP), "move") == 0) {
			lsn_out_puts(o, " (from ");
			put_md(o, from, strlen(from), &bol);
			lsn_out_putc(o, ')');
		}
		lsn_out_puts(o, "\\\n   ");
		bol = 1;
		if (old != NULL && new != NULL) {
			lsn_node *prev = NULL;
			for (lsn_node *x = lsn_child(
			    lsn_child_n(c, LSN_N_WORDS), NULL);
			    x != NULL; prev = x, x = lsn_next(x, NULL)) {
				const char *t = lsn_diff_node_text(x);
				if (lsn_is_n(x, LSN_N_EQUAL))
					put_md(o, t, strlen(t), &bol);
				else
					put_marked(o, t,
					    lsn_is_n(x, LSN_N_INSERT),
					    last_char(prev),
					    first_char(lsn_next(x, NULL)),
					    &bol);
			}
		} else if (old != NULL)
			put_marked(o, old, 0, -1, -1, &bol);
		else if (new != NULL)
			put_marked(o, new, 1, -1, -1, &bol);
		lsn_out_puts(o, "\n\n");
	}
	if (n == 0)
		lsn_out_puts(o, "No changes.\n");
	else if ((st = lsn_child_n(root, LSN_N_STATS)) != NULL)
		lsn_out_printf(o, "%zu change%s: %s inserted, %s deleted, "
		    "%s replaced, %s moved; %s unchanged.\n", n,
		    n == 1 ? "" : "s", lsn_prop_n(st, LSN_N_INSERTED),
		    lsn_prop_n(st, LSN_N_DELETED),
		    lsn_prop_n(st, LSN_N_REPLACED),
		    lsn_prop_n(st, LSN_N_MOVED),
		    lsn_prop_n(st, LSN_N_UNCHANGED));
	(void)flags;
	(void)err;
	return 0;
}
