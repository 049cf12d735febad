/* SPDX-License-Identifier: MIT */
/*
 * text-unwrap.c: text whose writer wrapped it, such as pandoc's plain
 * output (`pandoc -t plain`), back to one paragraph a line.
 *
 * pandoc wraps paragraphs at 72 columns and separates blocks by blank
 * lines; list items start with "-   " or "1.  " and their wrapped lines
 * are indented to the item's text; tables are drawn with dashes, as
 * column rules ("-----  -----", one run of dashes a column, the cells'
 * text under them, a row of several lines in multiline tables, rows
 * then apart by blank lines) or grids ("+----+----+" and "|" between
 * cells). The text reader (text.c) reads one paragraph a line and a
 * table row as cells apart by tabs: this file rewrites wrapped text so,
 * and leaves any other text alone.
 *
 * Wrapped text is told by its lines (wrapped): at least
 * LSN_TEXT_WRAP_MIN_BREAKS line breaks that the width of
 * LSN_TEXT_WRAP_COLUMNS forced (the next line's first word would not
 * have fitted), and few lines of prose longer than that width (pandoc
 * leaves headings whole). The exporters of one paragraph a line write
 * long lines, and their short paragraphs end where the next word would
 * have fitted.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "reader/text-unwrap.h"
#include "util/buf.h"
#include "util/text.h"

struct line {
	const char	*s;
	size_t		 len;   /* bytes, without the line end */
	size_t		 cols;  /* columns (cp_width), at most
				 * LSN_TEXT_WRAP_COLUMNS + 1 (see cols_capped) */
	size_t		 runs;  /* dash_rule(): runs of a rule of dashes, or 0 */
	int		 space; /* a space before the column past the width */
	int		 grid;  /* grid_rule(): a grid border */
};

/*
 * The columns the code point at s[0..len) takes on a terminal, as
 * pandoc lays text out: 0 for a soft hyphen, zero-width characters and
 * combining marks (U+0300-U+036F), 2 for East Asian wide ones, else 1;
 * its length in bytes in *k.
 */
static size_t
cp_width(const char *s, size_t len, size_t *k)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned long		 c;

	*k = 1;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xF0 && len >= 4) {
		*k = 4;
		c = (unsigned long)(u[0] & 0x07) << 18 |
		    (unsigned long)(u[1] & 0x3F) << 12 |
		    (unsigned long)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	} else if (u[0] >= 0xE0 && len >= 3) {
		*k = 3;
		c = (unsigned long)(u[0] & 0x0F) << 12 |
		    (unsigned long)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	} else if (u[0] >= 0xC0 && len >= 2) {
		*k = 2;
		c = (unsigned long)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	} else
		return 1;       /* not UTF-8: the reader checked it before */
	if (c == 0xAD || (c >= 0x300 && c <= 0x36F) ||
	    (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF)
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000)
		return 2;
	return 1;
}

/* The columns s[0..len) takes. */
static size_t
columns(const char *s, size_t len)
{
	size_t	 i, k, n = 0;

	for (i = 0; i < len; i += k)
		n += cp_width(s + i, len - i, &k);
	return n;
}

/*
 * The columns s[0..len) takes, counted up to LSN_TEXT_WRAP_COLUMNS + 1:
 * widths are only compared with LSN_TEXT_WRAP_COLUMNS (wrapped,
 * forced), and most lines of text written one paragraph a line are
 * longer. *space: 1 when a space comes before the character that
 * passes that width (what wrapped() asks of a long line). ASCII runs
 * count a column a byte.
 */
static size_t
cols_capped(const char *s, size_t len, int *space)
{
	const size_t	 cols = LSN_TEXT_WRAP_COLUMNS;
	size_t		 i = 0, k, w, n = 0, r, fit;

	*space = 0;
	while (i < len) {
		/* n <= cols here: the run's first cols - n bytes fit. */
		r = lsn_ascii_run(s + i, len - i < cols + 1 - n ?
		    len - i : cols + 1 - n);
		fit = r < cols - n ? r : cols - n;
		if (!*space && memchr(s + i, ' ', fit) != NULL)
			*space = 1;
		i += r;
		n += r;
		if (n > cols || i == len)
			break;
		w = cp_width(s + i, len - i, &k);
		n += w;
		i += k;
		if (n > cols)
			break;
	}
	return n <= cols ? n : cols + 1;
}

/* Byte offset where column col of s[0..len) starts (len when the line
 * is shorter; a wide character that col falls inside counts from its
 * start). */
static size_t
byte_at(const char *s, size_t len, size_t col)
{
	size_t	 i, k, w, n = 0;

	for (i = 0; i < len; i += k) {
		w = cp_width(s + i, len - i, &k);
		if (n + w > col && w > 0)
			return i;
		n += w;
	}
	return len;
}

static size_t
indent(const struct line *l)
{
	size_t	 i = 0;

	while (i < l->len && l->s[i] == ' ')
		i++;
	return i;
}

static int
blank(const struct line *l)
{
	size_t	 i;

	for (i = 0; i < l->len; i++)
		if (l->s[i] != ' ' && l->s[i] != '\t')
			return 0;
	return 1;
}

/*
 * A rule of dashes: "  ------ -----" (runs of at least 3 dashes apart
 * by spaces, nothing else). Returns the number of runs, 0 when the
 * line is no rule.
 */
static size_t
dash_rule(const struct line *l)
{
	size_t	 i = indent(l), runs = 0, n;

	if (i == l->len)
		return 0;
	while (i < l->len) {
		for (n = 0; i < l->len && l->s[i] == '-'; i++)
			n++;
		if (n < 3)
			return 0;
		runs++;
		while (i < l->len && l->s[i] == ' ')
			i++;
	}
	return runs;
}

/* A grid border: "+----+:===+" (indented or not). */
static int
grid_rule(const struct line *l)
{
	size_t	 i = indent(l), end = l->len;

	while (end > i && l->s[end - 1] == ' ')
		end--;
	if (end - i < 3 || l->s[i] != '+' || l->s[end - 1] != '+')
		return 0;
	for (; i < end; i++)
		if (strchr("+-=:", l->s[i]) == NULL)
			return 0;
	return 1;
}

/* 1 when s[0..n) are all letters of roman numerals (the line is not
 * NUL-terminated: strspn would read past it). */
static int
roman_letters(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strchr("ivxlIVXL", s[i]) == NULL || s[i] == '\0')
			return 0;
	return 1;
}

/* A list item's marker at the start of l ("-   ", "1.  ", "(a) "), its
 * text starting at a multiple of 4 columns as pandoc aligns it: the
 * offset of the text, 0 for none. */
static size_t
list_marker(const struct line *l)
{
	size_t	 i = indent(l), k = i;

	if (k < l->len && (l->s[k] == '-' || l->s[k] == '*' || l->s[k] == '+'))
		k++;
	else {
		int open = k < l->len && l->s[k] == '(';
		size_t d;

		k += open;
		for (d = k; k < l->len && k - d < 4 &&
		    ((l->s[k] >= '0' && l->s[k] <= '9') ||
		    (l->s[k] >= 'a' && l->s[k] <= 'z') ||
		    (l->s[k] >= 'A' && l->s[k] <= 'Z')); k++)
			;
		if (k == d || k >= l->len)
			return 0;
		/* One letter, or digits, or a roman numeral of few letters. */
		if (k - d > 1 && !(l->s[d] >= '0' && l->s[d] <= '9') &&
		    !roman_letters(l->s + d, k - d))
			return 0;
		if (open ? l->s[k] != ')' : l->s[k] != '.' && l->s[k] != ')')
			return 0;
		k++;
	}
	if (k >= l->len || l->s[k] != ' ')
		return 0;
	while (k < l->len && l->s[k] == ' ')
		k++;
	return k % 4 == 0 && k < l->len ? k : 0;
}

/* The first word of l: its columns. */
static size_t
first_word(const struct line *l)
{
	size_t	 i = indent(l), j = i;

	while (j < l->len && l->s[j] != ' ')
		j++;
	return columns(l->s + i, j - i);
}

/*
 * 1 when lines[0..n) look wrapped (see the head of this file). pandoc
 * does not wrap headings: a long line of prose is allowed for every
 * LSN_TEXT_WRAP_LONG_LINES forced breaks.
 */
static int
wrapped(const struct line *lines, size_t n)
{
	size_t	 i, breaks = 0, longs = 0;

	for (i = 0; i < n; i++) {
		const struct line *l = &lines[i];

		if (l->cols > LSN_TEXT_WRAP_COLUMNS) {
			if (indent(l) < 2 && !l->grid && l->s[0] != '|' &&
			    l->space)
				longs++;
			continue;
		}
		if (i + 1 < n && !blank(l) && !blank(&lines[i + 1]) &&
		    indent(l) < 2 && l->runs == 0 &&
		    l->cols + 1 + first_word(&lines[i + 1]) >
		    LSN_TEXT_WRAP_COLUMNS)
			breaks++;
	}
	return breaks >= LSN_TEXT_WRAP_MIN_BREAKS &&
	    longs * LSN_TEXT_WRAP_LONG_LINES <= breaks;
}

/*
 * Appends s[0..len) trimmed, after a space when out's line has text. A
 * vertical tab becomes a space: in this file's output it parts the
 * paragraphs of a table's cell (LSN_TEXT_CELL_PARA).
 */
static int
put_words(struct lsn_buf *out, size_t line_start, const char *s, size_t len)
{
	size_t	 a, b, i;

	lsn_trim(s, len, &a, &b);
	if (a == b)
		return 0;
	if (out->len > line_start && lsn_buf_putc(out, ' ') == -1)
		return -1;
	i = out->len;
	if (lsn_buf_put(out, s + a, b - a) == -1)
		return -1;
	for (; i < out->len; i++)
		if (out->data[i] == LSN_TEXT_CELL_PARA)
			out->data[i] = ' ';
	return 0;
}

/* 1 when s[0..len) is spaces only. */
static int
spaces(const char *s, size_t len)
{
	size_t	 a, b;

	lsn_trim(s, len, &a, &b);
	return a == b;
}

/*
 * One row of a table from lines[from..to), cut into ncols cells at the
 * columns starts[0..ncols] (a cell runs to the next start; the last one
 * of a rule table to the end of the line, of a grid to its closing
 * '|'): the cells apart by tabs, a cell's lines joined by spaces, the
 * paragraphs of a grid's cell (a blank line in the cell parts them)
 * apart by LSN_TEXT_CELL_PARA, then a line end. A row of one column
 * ends in LSN_TEXT_CELL_PARA too: it has no tab to tell it from a
 * paragraph, and Word's table of one column is a table. Tabs inside a
 * cell become spaces. Returns 0 or -1 (out of memory).
 */
static int
put_row(struct lsn_buf *out, const struct line *lines, size_t from,
    size_t to, const size_t *starts, size_t ncols, int grid)
{
	size_t	 c, i, cell, para;
	int	 brk;

	for (c = 0; c < ncols; c++) {
		if (c > 0 && lsn_buf_putc(out, '\t') == -1)
			return -1;
		cell = para = out->len;
		brk = 0;
		for (i = from; i < to; i++) {
			const struct line *l = &lines[i];
			size_t a = byte_at(l->s, l->len, starts[c] + (grid != 0));
			size_t b = c + 1 < ncols || grid ?
			    byte_at(l->s, l->len, starts[c + 1]) : l->len;

			if (b <= a || spaces(l->s + a, b - a)) {
				brk = grid && out->len > cell;
				continue;
			}
			if (brk) {
				if (lsn_buf_putc(out, LSN_TEXT_CELL_PARA) == -1)
					return -1;
				para = out->len;
				brk = 0;
			}
			if (put_words(out, para, l->s + a, b - a) == -1)
				return -1;
		}
		for (i = cell; i < out->len; i++)
			if (out->data[i] == '\t')
				out->data[i] = ' ';
	}
	if (ncols == 1 && lsn_buf_putc(out, LSN_TEXT_CELL_PARA) == -1)
		return -1;
	return lsn_buf_putc(out, '\n');
}

/*
 * The columns where the runs of a dash rule start, or where the '+' of
 * a grid border are (the cells between them): at most
 * LSN_TEXT_MAX_COLUMNS + 1. Returns their number.
 */
static size_t
column_starts(const struct line *l, size_t *starts, int grid)
{
	size_t	 i, k, col = 0, n = 0;
	int	 in = 0;

	for (i = 0; i < l->len && n <= LSN_TEXT_MAX_COLUMNS; i += k) {
		if (grid ? l->s[i] == '+' : l->s[i] == '-' && !in)
			starts[n++] = col;
		in = l->s[i] == '-';
		col += cp_width(l->s + i, l->len - i, &k);
	}
	return n;
}

/*
 * A grid table from lines[i]: each row between two borders. Returns the
 * line after it; *err set on running out of memory.
 */
static size_t
grid_table(struct lsn_buf *out, const struct line *lines, size_t n,
    size_t i, int *err)
{
	size_t	 starts[LSN_TEXT_MAX_COLUMNS + 1], ncols, from;

	ncols = column_starts(&lines[i], starts, 1);
	ncols = ncols > 0 ? ncols - 1 : 0;
	from = ++i;
	for (; i < n && !blank(&lines[i]); i++) {
		if (!lines[i].grid)
			continue;
		if (i > from && ncols > 0 &&
		    put_row(out, lines, from, i, starts, ncols, 1) == -1)
			*err = 1;
		from = i + 1;
	}
	return i;
}

/*
 * A table of dash rules from lines[i]. A header line above a rule of
 * columns: a simple table, one row a line up to a blank line. A rule
 * first: the table ends at the next rule of as many runs; its rows are
 * one a line, or, when blank lines part them (or the first rule is one
 * run: pandoc's multiline tables), the lines between blank lines and
 * rules; the columns come from the first rule of several runs. Returns
 * the line after the table, or i when it is none.
 */
static size_t
dash_table(struct lsn_buf *out, const struct line *lines, size_t n,
    size_t i, int *err)
{
	size_t	 starts[LSN_TEXT_MAX_COLUMNS + 1], ncols, j, close, rule, from;
	size_t	 runs = lines[i].runs;
	int	 multiline = runs == 1;

	if (runs == 0) {
		ncols = column_starts(&lines[i + 1], starts, 0);
		if (put_row(out, lines, i, i + 1, starts, ncols, 0) == -1)
			*err = 1;
		for (j = i + 2; j < n && !blank(&lines[j]) &&
		    lines[j].runs == 0; j++)
			if (put_row(out, lines, j, j + 1, starts, ncols, 0) == -1)
				*err = 1;
		return j < n && lines[j].runs > 0 ? j + 1 : j;
	}
	/* pandoc indents the lines of these tables: a line that is not
	 * ends the search (and keeps it linear in the table's length). */
	for (close = i + 1; close < n && lines[close].runs != runs;
	    close++) {
		if (blank(&lines[close]))
			multiline = 1;
		else if (indent(&lines[close]) == 0)
			return i;
	}
	if (close == n)
		return i;
	for (rule = i; rule < close && lines[rule].runs < 2; rule++)
		;
	/* One column: the rule under the header is one run as well, and
	 * rows follow it up to the closing rule. */
	if (runs == 1 && rule == close && close + 1 < n &&
	    !blank(&lines[close + 1]) && indent(&lines[close + 1]) >= 2) {
		for (j = close + 1; j < n && lines[j].runs != 1 &&
		    (blank(&lines[j]) || indent(&lines[j]) > 0); j++)
			;
		if (j < n && lines[j].runs == 1) {
			rule = close;
			close = j;
		}
	}
	if (rule < close)
		ncols = column_starts(&lines[rule], starts, 0);
	else {
		ncols = 1;      /* one column */
		starts[0] = indent(&lines[i]);
	}
	if (!multiline) {
		for (j = i + 1; j < close; j++)
			if (j != rule && put_row(out, lines, j, j + 1, starts,
			    ncols, 0) == -1)
				*err = 1;
		return close + 1;
	}
	for (from = j = i + 1; j <= close; j++) {
		if (j != close && j != rule && !blank(&lines[j]))
			continue;
		if (j > from && put_row(out, lines, from, j, starts, ncols, 0)
		    == -1)
			*err = 1;
		from = j + 1;
	}
	return close + 1;
}

/* 1 when the width forced the break between l and next: next's first
 * word would not have fitted on l. Any other break is the writer's
 * line break ("Annex A", then its title on a line of its own). */
static int
forced(const struct line *l, const struct line *next)
{
	return l->cols + 1 + first_word(next) > LSN_TEXT_WRAP_COLUMNS;
}

/*
 * A block of text lines[i..) up to a blank line: a paragraph (its lines
 * joined by spaces where the width broke them), or list items (each
 * item's lines joined, one item a line). Returns the line after it.
 */
static size_t
prose(struct lsn_buf *out, const struct line *lines, size_t n, size_t i,
    int *err)
{
	int	 list = list_marker(&lines[i]) > 0;
	size_t	 start = out->len, first = i;

	for (; i < n && !blank(&lines[i]); i++) {
		if (i > first && ((list && list_marker(&lines[i]) > 0) ||
		    !forced(&lines[i - 1], &lines[i]))) {
			if (lsn_buf_putc(out, '\n') == -1)
				*err = 1;
			start = out->len;
		}
		if (i == first || (list && list_marker(&lines[i]) > 0)) {
			/* The first line keeps its indentation and marker. */
			if (lsn_buf_put(out, lines[i].s, lines[i].len) == -1)
				*err = 1;
		} else if (put_words(out, start, lines[i].s, lines[i].len) == -1)
			*err = 1;
	}
	if (lsn_buf_putc(out, '\n') == -1)
		*err = 1;
	return i;
}

char *
lsn_text_unwrap(const char *data, size_t len, size_t *outlen)
{
	struct line	*lines;
	size_t		 n = 0, cap, i, e;
	struct lsn_buf	 out;
	char		*p2;
	int		 err = 0;

	/* Count the lines first: a text of more lines than any document
	 * pandoc writes is left alone, so that the line table (some 50
	 * bytes a line) stays bounded. */
	for (i = 0, cap = 1; i < len; cap++) {
		const char *p = memchr(data + i, '\n', len - i);

		if (p == NULL || cap > LSN_TEXT_WRAP_MAX_LINES)
			break;
		i = (size_t)(p - data) + 1;
	}
	if (cap > LSN_TEXT_WRAP_MAX_LINES)
		return NULL;
	if ((lines = calloc(cap, sizeof(*lines))) == NULL)
		return (char *)-1;
	for (i = 0; i < len && n < cap; i = e + 1) {
		const char *p = memchr(data + i, '\n', len - i);

		e = p != NULL ? (size_t)(p - data) : len;
		lines[n].s = data + i;
		lines[n].len = e - i;
		if (lines[n].len > 0 && lines[n].s[lines[n].len - 1] == '\r')
			lines[n].len--;  /* CRLF */
		lines[n].cols = cols_capped(lines[n].s, lines[n].len,
		    &lines[n].space);
		lines[n].runs = dash_rule(&lines[n]);
		lines[n].grid = grid_rule(&lines[n]);
		n++;
	}
	if (!wrapped(lines, n)) {
		free(lines);
		return NULL;
	}
	memset(&out, 0, sizeof(out));
	for (i = 0; i < n && !err;) {
		size_t next = i;

		if (blank(&lines[i])) {
			if (lsn_buf_putc(&out, '\n') == -1)
				err = 1;
			i++;
			continue;
		}
		if (lines[i].grid)
			next = grid_table(&out, lines, n, i, &err);
		else if (lines[i].runs > 0 || (i + 1 < n &&
		    lines[i + 1].runs >= 2 && indent(&lines[i]) >= 2))
			next = dash_table(&out, lines, n, i, &err);
		if (next == i)
			next = prose(&out, lines, n, i, &err);
		i = next;
	}
	free(lines);
	if (err) {
		lsn_buf_free(&out);
		return (char *)-1;
	}
	/* The buffer is NUL-terminated. */
	return (p2 = lsn_buf_detach(&out, outlen)) != NULL ? p2 : (char *)-1;
}
