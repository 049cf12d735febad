/* SPDX-License-Identifier: MIT */
/*
 * markdown.c: the model as CommonMark (with GFM tables and footnotes).
 *
 * cmark is the reference renderer: what we write must come back as the
 * same headings, lists, tables and text. The title is a level-1 heading
 * followed by the metadata as a list (or, on request, the metadata goes
 * first as YAML front matter for tools); document sections start
 * at level 2 and annex sections one level below their annex heading.
 *
 * Text is escaped in two passes, because what is special depends on
 * where a character lands: inline escaping (md_escape_inline) knows the
 * neighbours of a character within one text node; line escaping
 * (md_write_lines) knows which characters start a line once the block's
 * text is complete, and guards "#", "1.", "-", ">" and the like there.
 * Containers (list items, footnotes) are a prefix written at the start of
 * each line, as in cmark's own CommonMark renderer.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/error.h"

/* Deeper nesting than any real document has; guards the recursion. */
#define MD_MAX_DEPTH 200

/* A footnote's model id and the number it is written with. */
struct note {
	const char	*id;
	size_t		 number;
};

struct md {
	struct lsn_out	*o;
	struct lsn_buf	 prefix;    /* container indentation of each line */
	int		 line_open; /* the prefix of this line is written */
	int		 oom;
	int		 too_deep;
	/* Footnotes are numbered 1..n in document order; sorted by id for
	 * lookup (ids owned by the tree). */
	struct note	*notes;
	size_t		 n_notes;
	/* Anchor ids that some link points at, sorted (owned by the
	 * tree); other bookmarks (Word's _Toc..., _Ref...) are dropped. */
	const char	**targets;
	size_t		 n_targets;
	size_t		 cap_targets;
};

static char md_blocks(struct md *, lsn_node *first, int depth);
static void md_inline(struct md *, struct lsn_buf *, lsn_node *, int);

/* ------------------------------------------------------------------ */
/* Model access                                                        */

/* The text of an element's text children (not descendants); points into
 * the tree when there is one text node, else into *tmp. */
static const char *
elem_text(struct md *md, lsn_node *n, struct lsn_buf *tmp)
{
	lsn_node *c;
	const char *only = NULL;
	int count = 0;

	if (n == NULL)
		return "";
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == LSN_TEXT && c->content != NULL) {
			only = (const char *)c->content;
			count++;
		}
	if (count <= 1)
		return only != NULL ? only : "";
	lsn_buf_reset(tmp);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == LSN_TEXT && c->content != NULL)
			if (lsn_buf_puts(tmp, (const char *)c->content) == -1)
				md->oom = 1;
	return lsn_buf_str(tmp);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_alnum(unsigned char c)
{
	/* Bytes of multi-byte UTF-8 count as letters: emphasis flanking
	 * treats letters of any script alike. */
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * 1 when a label is a bullet ("•", "–", "-", Word's "o") rather than
 * a label a reader refers to ("a)", "(iv)", "1.2").
 */
static int
label_is_bullet(const char *label)
{
	const char *p;

	if (strcmp(label, "o") == 0)
		return 1;
	for (p = label; *p != '\0'; p++)
		if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || *p == ')' || *p == '.')
			return 0;
	return 1;
}

/* 1 when s is empty or white space only. */
static int
is_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!is_space(*s))
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Output with container prefixes                                      */

static void
md_put(struct md *md, const char *s, size_t n)
{
	lsn_out_put(md->o, s, n);
}

static void
md_puts(struct md *md, const char *s)
{
	lsn_out_puts(md->o, s);
}

/* Starts a line: writes the container prefix unless a list marker
 * already started it. */
static void
md_line(struct md *md)
{
	if (!md->line_open)
		md_put(md, md->prefix.data != NULL ? md->prefix.data : "",
		    md->prefix.len);
	md->line_open = 1;
}

static void
md_endline(struct md *md)
{
	md_put(md, "\n", 1);
	md->line_open = 0;
}

/* A blank line inside the current containers (prefix without its
 * trailing spaces, so no line ends in white space). */
static void
md_blank(struct md *md)
{
	size_t n = md->prefix.len;

	while (n > 0 && md->prefix.data[n - 1] == ' ')
		n--;
	if (n > 0)
		md_put(md, md->prefix.data, n);
	md_endline(md);
}

/* Pushes `width` spaces of indentation; returns the old length. */
static size_t
md_push(struct md *md, size_t width)
{
	size_t old = md->prefix.len, i;

	for (i = 0; i < width; i++)
		if (lsn_buf_putc(&md->prefix, ' ') == -1)
			md->oom = 1;
	return old;
}

static void
md_pop(struct md *md, size_t old)
{
	if (md->prefix.data != NULL && old <= md->prefix.len) {
		md->prefix.len = old;
		md->prefix.data[old] = '\0';
	}
}

/* ------------------------------------------------------------------ */
/* Escaping                                                            */

/*
 * 1 when "&" followed by s would be read as an entity or character
 * reference ("&amp;", "&#35;", "&#x23;"): a name or number, then ";".
 */
static int
starts_entity(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '#') {
		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X'))
			i++;
	}
	while (i < n && i < 40 && ((s[i] >= '0' && s[i] <= '9') ||
	    (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i > 0 && i < n && s[i] == ';';
}

/*
 * Appends text with every inline metacharacter of CommonMark and GFM
 * escaped. Line starts are handled later by md_write_lines. Newlines
 * are kept (they become hard breaks).
 */
static void
md_escape_inline(struct md *md, struct lsn_buf *b, const char *s,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int esc = 0;

		switch (c) {
		case '\\': case '`': case '*': case '[': case ']':
		case '<': case '>': case '~':
			esc = 1;
			break;
		case '_':
			/* Intraword "_" never opens or closes emphasis. */
			esc = !(i > 0 && is_alnum((unsigned char)s[i - 1]) &&
			    i + 1 < n && is_alnum((unsigned char)s[i + 1]));
			break;
		case '&':
			esc = starts_entity(s + i + 1, n - i - 1);
			break;
		case '|':
			/* Only tables need it, but a paragraph line of pipes
			 * could become a GFM table. */
			esc = 1;
			break;
		case '\r':
			continue;
		default:
			break;
		}
		if (esc && lsn_buf_putc(b, '\\') == -1)
			md->oom = 1;
		if (lsn_buf_putc(b, (char)c) == -1)
			md->oom = 1;
	}
}

/* 1 when the run of c at p (before e) is followed by a blank or the end. */
static int
run_then_blank(const char *p, const char *e, char c, size_t max)
{
	size_t n = 0;

	while (p < e && *p == c && n <= max)
		p++, n++;
	return n <= max && (p == e || *p == ' ' || *p == '\t');
}

/* 1 when the line is only c and spaces (a setext underline or a
 * thematic break). */
static int
only_char(const char *p, const char *e, char c)
{
	for (; p < e; p++)
		if (*p != c && *p != ' ' && *p != '\t')
			return 0;
	return 1;
}

/*
 * The ":" when the line [p, e) starts with a footnote reference we wrote
 * followed by a colon ("[^1]:"), which GFM reads as the definition of
 * the footnote (and CommonMark as a link reference definition); else
 * NULL. Text never starts a line with "[": md_escape_inline escapes it.
 */
static const char *
note_definition_colon(const char *p, const char *e)
{
	const char *q = p + 2;

	if (e - p < 5 || p[0] != '[' || p[1] != '^')
		return NULL;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	if (q == p + 2 || q + 1 >= e || q[0] != ']' || q[1] != ':')
		return NULL;
	return q + 1;
}

/*
 * 1 when the first character of a line [p, e) would start a block:
 * "# " a heading, "- " or "+ " a list item, ">" a quote, "---" or "==="
 * a setext underline or thematic break. Not "+41 22", "#1" or "-5 %":
 * escaping only what needs it keeps the text readable.
 */
static int
line_start_is_special(const char *p, const char *e)
{
	switch (*p) {
	case '>':
		return 1;
	case '#':
		return run_then_blank(p, e, '#', 6);
	case '-':
		return run_then_blank(p, e, '-', 1) || only_char(p, e, '-');
	case '+':
		return run_then_blank(p, e, '+', 1);
	case '=':
		return only_char(p, e, '=');
	default:
		return 0;
	}
}

/*
 * Writes the inline-escaped text `s` as the lines of one paragraph-like
 * block: leading and trailing white space of each line dropped (4 spaces
 * would make code), empty lines dropped (they would end the block),
 * newlines turned into hard breaks, and a backslash put before whatever
 * would make a line start a heading, list, quote, setext underline or
 * thematic break.
 */
static void
md_write_lines(struct md *md, const char *s)
{
	const char *p = s, *end, *e;
	int first = 1;

	while (*p != '\0') {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		e = end;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > p) {
			const char *q = p;

			if (!first) {
				md_puts(md, "\\");
				md_endline(md);
			}
			first = 0;
			md_line(md);
			if (line_start_is_special(p, e))
				md_puts(md, "\\");
			else if ((q = note_definition_colon(p, e)) != NULL) {
				/* "[^1]:" would define footnote 1. */
				md_put(md, p, (size_t)(q - p));
				md_puts(md, "\\");
				p = q;
			} else {
				/* "1." starts a list only before a space or
				 * the end of the line ("1.1" does not). */
				q = p;
				while (q < e && *q >= '0' && *q <= '9')
					q++;
				if (q > p && q < e &&
				    (*q == '.' || *q == ')') &&
				    (q + 1 == e || q[1] == ' ' ||
				    q[1] == '\t')) {
					md_put(md, p, (size_t)(q - p));
					md_puts(md, "\\");
					p = q;
				}
			}
			md_put(md, p, (size_t)(e - p));
		}
		p = *end == '\n' ? end + 1 : end;
	}
	if (!first)
		md_endline(md);
}

/* Appends s as the body of a YAML double-quoted scalar. */
static void
yaml_quote(struct md *md, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	md_puts(md, "\"");
	for (; *p != '\0'; p++) {
		char tmp[8];

		if (*p == '"' || *p == '\\') {
			md_puts(md, "\\");
			md_put(md, (const char *)p, 1);
		} else if (*p == '\n')
			md_puts(md, "\\n");
		else if (*p == '\t')
			md_puts(md, "\\t");
		else if (*p < 0x20 || *p == 0x7f) {
			snprintf(tmp, sizeof(tmp), "\\x%02x", *p);
			md_puts(md, tmp);
		} else if (p[0] == 0xc2 && p[1] == 0x85) {
			md_puts(md, "\\N");          /* NEL breaks YAML lines */
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9)) {
			md_puts(md, p[2] == 0xa8 ? "\\L" : "\\P");
			p += 2;
		} else
			md_put(md, (const char *)p, 1);
	}
	md_puts(md, "\"");
}

/* HTML text or attribute value; newlines as <br>. */
static void
html_escape(struct md *md, struct lsn_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\n': rep = "<br>"; break;
		case '\r': rep = ""; break;
		default: break;
		}
		if ((rep != NULL ? lsn_buf_puts(b, rep) :
		    lsn_buf_putc(b, *s)) == -1)
			md->oom = 1;
	}
}

/* ------------------------------------------------------------------ */
/* Anchors and footnotes                                               */

/*
 * Lookups are binary searches in sorted arrays: a document may have
 * thousands of footnotes and internal links.
 */
static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
is_target(const struct md *md, const char *id)
{
	return md->n_targets > 0 && bsearch(&id, md->targets, md->n_targets,
	    sizeof(*md->targets), str_cmp) != NULL;
}

/* Records the fragment of every internal link ("#id"), unsorted. */
static void
collect_targets(struct md *md, lsn_node *n)
{
	for (; n != NULL && !md->oom; n = n->next) {
		const char *href;

		if (n->type != LSN_ELEMENT)
			continue;
		if (lsn_is_n(n, LSN_N_LINK) &&
		    (href = lsn_prop_n(n, LSN_N_HREF)) != NULL &&
		    href[0] == '#' && href[1] != '\0') {
			if (md->n_targets == md->cap_targets) {
				size_t cap = md->cap_targets ?
				    md->cap_targets * 2 : 16;
				const char **t = realloc(md->targets,
				    cap * sizeof(*t));

				if (t == NULL) {
					md->oom = 1;
					return;
				}
				md->targets = t;
				md->cap_targets = cap;
			}
			md->targets[md->n_targets++] = href + 1;
		}
		collect_targets(md, n->children);
	}
}

/* Sorts the targets and drops duplicates. */
static void
sort_targets(struct md *md)
{
	size_t i, j = 0;

	if (md->n_targets == 0)
		return;
	qsort(md->targets, md->n_targets, sizeof(*md->targets), str_cmp);
	for (i = 1; i < md->n_targets; i++)
		if (strcmp(md->targets[i], md->targets[j]) != 0)
			md->targets[++j] = md->targets[i];
	md->n_targets = j + 1;
}

/* By id, then number: the first of two footnotes with one id wins. */
static int
note_cmp(const void *pa, const void *pb)
{
	const struct note *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c != 0)
		return c;
	return a->number < b->number ? -1 : a->number > b->number;
}

/* The number (1-based) of footnote `id`, or 0 when there is none. */
static size_t
note_number(const struct md *md, const char *id)
{
	size_t lo = 0, hi = md->n_notes;

	/* The first entry with this id: the lowest number. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(md->notes[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < md->n_notes && strcmp(md->notes[lo].id, id) == 0)
		return md->notes[lo].number;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */

enum inline_mode {
	IN_TEXT = 0,    /* paragraph or list item: newlines are hard breaks */
	IN_HEADING,     /* one line: newlines become spaces, "#" escaped */
	IN_CELL,        /* pipe-table cell: one line, "|" escaped */
	IN_LINK         /* link text: no nested links */
};

/* Appends one text node's content in the given mode. */
static void
inline_text(struct md *md, struct lsn_buf *b, const char *s, int mode)
{
	size_t n = strlen(s), i, start = 0;

	if (mode == IN_TEXT || mode == IN_LINK) {
		md_escape_inline(md, b, s, n);
		return;
	}
	/* Headings and cells are one line: split at newlines ourselves. */
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && !(mode == IN_HEADING &&
		    s[i] == '#'))
			continue;
		md_escape_inline(md, b, s + start, i - start);
		if (i < n) {
			const char *rep = s[i] == '#' ? "\\#" :
			    mode == IN_CELL ? "<br>" : " ";

			if (lsn_buf_puts(b, rep) == -1)
				md->oom = 1;
		}
		start = i + 1;
	}
}

/*
 * A "!" just before a link we write would make it an image: escape it
 * unless it already is (an odd number of backslashes before it).
 */
static void
escape_bang(struct md *md, struct lsn_buf *b)
{
	size_t n = b->len, slashes = 0;

	if (n == 0 || b->data[n - 1] != '!')
		return;
	while (slashes + 1 < n && b->data[n - 2 - slashes] == '\\')
		slashes++;
	if (slashes % 2 == 1)
		return;
	if (lsn_buf_putc(b, '!') == -1) {
		md->oom = 1;
		return;
	}
	b->data[n - 1] = '\\';
}

/*
 * Appends the inline children of n (text, anchors, footnote references,
 * links, tracked changes) to b as escaped Markdown.
 */
static void
md_inline(struct md *md, struct lsn_buf *b, lsn_node *n, int mode)
{
	lsn_node *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
		const char *v;

		if (c->type == LSN_TEXT) {
			if (c->content != NULL)
				inline_text(md, b, (const char *)c->content,
				    mode);
			continue;
		}
		if (c->type != LSN_ELEMENT)
			continue;
		if (lsn_is_n(c, LSN_N_ANCHOR)) {
			v = lsn_prop_n(c, LSN_N_ID);
			if (v != NULL && is_target(md, v)) {
				lsn_buf_puts(b, "<a id=\"");
				html_escape(md, b, v);
				lsn_buf_puts(b, "\"></a>");
			}
		} else if (lsn_is_n(c, LSN_N_NOTE_REF)) {
			size_t num;

			v = lsn_prop_n(c, LSN_N_ID);
			/* A reference to no footnote has nothing to
			 * show (GFM would print "[^N]" literally). */
			if (v != NULL && (num = note_number(md, v)) > 0)
				lsn_buf_printf(b, "[^%zu]", num);
		} else if (lsn_is_n(c, LSN_N_LINK)) {
			v = lsn_prop_n(c, LSN_N_HREF);
			if (mode == IN_LINK || v == NULL || *v == '\0' ||
			    mode == IN_HEADING) {
				/* Links cannot nest; heading links would
				 * muddle the heading text: keep the text. */
				md_inline(md, b, c, mode);
				continue;
			}
			escape_bang(md, b);
			lsn_buf_putc(b, '[');
			md_inline(md, b, c, IN_LINK);
			lsn_buf_puts(b, "](<");
			for (; *v != '\0'; v++) {
				if (*v == '\n' || *v == '\r')
					continue;
				if (*v == '<' || *v == '>' || *v == '\\' ||
				    (*v == '|' && mode == IN_CELL))
					lsn_buf_putc(b, '\\');
				lsn_buf_putc(b, *v);
			}
			lsn_buf_puts(b, ">)");
		} else if (lsn_is_n(c, LSN_N_INS) ||
		    lsn_is_n(c, LSN_N_MOVE_TO)) {
			lsn_buf_puts(b, "<ins>");
			md_inline(md, b, c, mode);
			lsn_buf_puts(b, "</ins>");
		} else if (lsn_is_n(c, LSN_N_DEL) ||
		    lsn_is_n(c, LSN_N_MOVE_FROM)) {
			lsn_buf_puts(b, "<del>");
			md_inline(md, b, c, mode);
			lsn_buf_puts(b, "</del>");
		} else if (lsn_is_n(c, LSN_N_SUP) || lsn_is_n(c, LSN_N_SUB)) {
			/* raw HTML, which CommonMark passes through */
			lsn_buf_printf(b, "<%s>", (const char *)c->name);
			md_inline(md, b, c, mode);
			lsn_buf_printf(b, "</%s>", (const char *)c->name);
		} else
			md_inline(md, b, c, mode);
	}
	if (b->oom)
		md->oom = 1;
}

/* ------------------------------------------------------------------ */
/* Lists                                                               */

/*
 * How a list can be written: as a CommonMark list (ordered lists keep
 * their start number and delimiter) or, when its labels are ones
 * CommonMark cannot number ("a)", "(iv)", "1.1", gaps), as one
 * paragraph per item beginning with its label.
 */
struct list_plan {
	int	 ordered;
	int	 labelled;  /* fall back to label paragraphs */
	long	 start;
	char	 delim;     /* '.' or ')' */
};

/* Parses "12." / "12)" into *num and *delim; 0 when it is not that. */
static int
parse_number_label(const char *label, long *num, char *delim)
{
	const char *p = label;
	long v = 0;

	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 99999999L)  /* CommonMark allows 9 digits */
			return 0;
		v = v * 10 + (*p - '0');
	}
	if (*p != '.' && *p != ')')
		return 0;
	*delim = *p++;
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return 0;
	*num = v;
	return 1;
}

static void
plan_list(lsn_node *list, struct list_plan *pl)
{
	const char *ordered = lsn_prop_n(list, LSN_N_ORDERED);
	lsn_node *item;
	long expect = 0;
	int first = 1;

	memset(pl, 0, sizeof(*pl));
	pl->ordered = ordered != NULL && strcmp(ordered, "true") == 0;
	pl->start = 1;
	pl->delim = '.';
	for (item = lsn_child_n(list, LSN_N_ITEM); item != NULL;
	    item = lsn_next_n(item, LSN_N_ITEM)) {
		const char *label = lsn_prop_n(item, LSN_N_LABEL);
		const char *number = lsn_prop_n(item, LSN_N_NUMBER);
		long num = 0;
		char delim = '.';
		int has_num = 0;

		if (!pl->ordered) {
			/* A bullet is any label that is not a word or
			 * number; "a)" in an unordered list is a label. */
			if (label != NULL && !label_is_bullet(label))
				pl->labelled = 1;
			continue;
		}
		if (label != NULL && !is_blank(label)) {
			if (!parse_number_label(label, &num, &delim)) {
				pl->labelled = 1;
				continue;
			}
			has_num = 1;
		} else if (number != NULL) {
			char *end;

			num = strtol(number, &end, 10);
			if (*end != '\0' || num < 0 || num > 999999999L) {
				pl->labelled = 1;
				continue;
			}
			has_num = 1;
		}
		if (first) {
			pl->start = has_num ? num : 1;
			pl->delim = delim;
			expect = pl->start;
			first = 0;
		} else if ((has_num && num != expect) || delim != pl->delim)
			pl->labelled = 1;
		expect++;
	}
}

/* ------------------------------------------------------------------ */
/* HTML, for tables whose cells hold more than one line of text        */

static void html_blocks(struct md *, struct lsn_buf *, lsn_node *, int);

static void
html_inline(struct md *md, struct lsn_buf *b, lsn_node *n, int in_link)
{
	lsn_node *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
		const char *v;

		if (c->type == LSN_TEXT) {
			if (c->content != NULL)
				html_escape(md, b, (const char *)c->content);
		} else if (c->type != LSN_ELEMENT)
			continue;
		else if (lsn_is_n(c, LSN_N_ANCHOR)) {
			v = lsn_prop_n(c, LSN_N_ID);
			if (v != NULL && is_target(md, v)) {
				lsn_buf_puts(b, "<a id=\"");
				html_escape(md, b, v);
				lsn_buf_puts(b, "\"></a>");
			}
		} else if (lsn_is_n(c, LSN_N_NOTE_REF)) {
			size_t num;

			v = lsn_prop_n(c, LSN_N_ID);
			if (v != NULL && (num = note_number(md, v)) > 0)
				lsn_buf_printf(b, "<sup>%zu</sup>", num);
		} else if (lsn_is_n(c, LSN_N_LINK) && !in_link &&
		    (v = lsn_prop_n(c, LSN_N_HREF)) != NULL && *v != '\0') {
			lsn_buf_puts(b, "<a href=\"");
			html_escape(md, b, v);
			lsn_buf_puts(b, "\">");
			html_inline(md, b, c, 1);
			lsn_buf_puts(b, "</a>");
		} else if (lsn_is_n(c, LSN_N_INS) ||
		    lsn_is_n(c, LSN_N_MOVE_TO)) {
			lsn_buf_puts(b, "<ins>");
			html_inline(md, b, c, in_link);
			lsn_buf_puts(b, "</ins>");
		} else if (lsn_is_n(c, LSN_N_DEL) ||
		    lsn_is_n(c, LSN_N_MOVE_FROM)) {
			lsn_buf_puts(b, "<del>");
			html_inline(md, b, c, in_link);
			lsn_buf_puts(b, "</del>");
		} else if (lsn_is_n(c, LSN_N_SUP) || lsn_is_n(c, LSN_N_SUB)) {
			lsn_buf_printf(b, "<%s>", (const char *)c->name);
			html_inline(md, b, c, in_link);
			lsn_buf_printf(b, "</%s>", (const char *)c->name);
		} else
			html_inline(md, b, c, in_link);
	}
	if (b->oom)
		md->oom = 1;
}

static void
html_table(struct md *md, struct lsn_buf *b, lsn_node *table, int depth)
{
	lsn_node *row, *cell;

	lsn_buf_puts(b, "<table>");
	for (row = lsn_child_n(table, LSN_N_ROW); row != NULL;
	    row = lsn_next_n(row, LSN_N_ROW)) {
		lsn_buf_puts(b, "<tr>");
		for (cell = lsn_child_n(row, LSN_N_CELL); cell != NULL;
		    cell = lsn_next_n(cell, LSN_N_CELL)) {
			const char *span;

			lsn_buf_puts(b, "<td");
			if ((span = lsn_prop_n(cell, LSN_N_COLSPAN)) != NULL) {
				lsn_buf_puts(b, " colspan=\"");
				html_escape(md, b, span);
				lsn_buf_puts(b, "\"");
			}
			if ((span = lsn_prop_n(cell, LSN_N_ROWSPAN)) != NULL) {
				lsn_buf_puts(b, " rowspan=\"");
				html_escape(md, b, span);
				lsn_buf_puts(b, "\"");
			}
			lsn_buf_puts(b, ">");
			html_blocks(md, b, cell->children, depth + 1);
			lsn_buf_puts(b, "</td>");
		}
		lsn_buf_puts(b, "</tr>");
	}
	lsn_buf_puts(b, "</table>");
}

/*
 * A list in HTML, planned as in Markdown: <ol start> or <ul>, or one
 * paragraph per item led by its label when HTML cannot number it.
 */
static void
html_list(struct md *md, struct lsn_buf *b, lsn_node *list, int depth)
{
	struct list_plan pl;
	lsn_node *item, *text;

	plan_list(list, &pl);
	if (!pl.labelled) {
		if (pl.ordered && pl.start != 1)
			lsn_buf_printf(b, "<ol start=\"%ld\">", pl.start);
		else
			lsn_buf_puts(b, pl.ordered ? "<ol>" : "<ul>");
	}
	for (item = lsn_child_n(list, LSN_N_ITEM); item != NULL;
	    item = lsn_next_n(item, LSN_N_ITEM)) {
		const char *label = lsn_prop_n(item, LSN_N_LABEL);

		text = lsn_child_n(item, LSN_N_TEXT);
		if (pl.labelled) {
			lsn_buf_puts(b, "<p>");
			if (label != NULL && !is_blank(label)) {
				html_escape(md, b, label);
				lsn_buf_putc(b, ' ');
			}
			html_inline(md, b, text, 0);
			lsn_buf_puts(b, "</p>");
		} else {
			lsn_buf_puts(b, "<li>");
			html_inline(md, b, text, 0);
		}
		html_blocks(md, b, text != NULL ? text->next :
		    lsn_child(item, NULL), depth + 1);
		if (!pl.labelled)
			lsn_buf_puts(b, "</li>");
	}
	if (!pl.labelled)
		lsn_buf_puts(b, pl.ordered ? "</ol>" : "</ul>");
}

/* ---- figures and equations (their own functions, kept apart) ---- */

static void md_paragraph(struct md *, lsn_node *, const char *);

/* The text content of element n (a new string; NULL for none). */
static char *
node_text(lsn_node *n)
{
	return lsn_text_of(n);
}

/*
 * A figure as an image with no source (CommonMark keeps its alt text)
 * and its caption as a paragraph under it; an equation as a fenced
 * block of its linear form, info string "math", fenced longer than any
 * run of backticks in it.
 */
static void
md_figure(struct md *md, lsn_node *n)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	char		*t;
	size_t		 run = 0, longest = 2, i;

	if (lsn_is_n(n, LSN_N_EQUATION)) {
		/* raw lines: code is not escaped */
		t = node_text(n);
		for (i = 0; t != NULL && t[i] != '\0'; i++) {
			run = t[i] == '`' ? run + 1 : 0;
			if (run > longest)
				longest = run;
		}
		for (i = 0; i <= longest; i++)
			lsn_buf_putc(&b, '`');
		md_line(md);
		md_puts(md, lsn_buf_str(&b));
		md_puts(md, "math");
		md_endline(md);
		for (i = 0; t != NULL && t[i] != '\0'; ) {
			size_t len = strcspn(t + i, "\n");

			md_line(md);
			md_put(md, t + i, len);
			md_endline(md);
			i += len + (t[i + len] == '\n');
		}
		md_line(md);
		md_puts(md, lsn_buf_str(&b));
		md_endline(md);
		free(t);
		lsn_buf_free(&b);
		return;
	} else {
		t = node_text(lsn_child_n(n, LSN_N_ALT));
		lsn_buf_puts(&b, "![");
		if (t != NULL)
			md_escape_inline(md, &b, t, strlen(t));
		lsn_buf_puts(&b, "]()");
	}
	free(t);
	if (b.oom)
		md->oom = 1;
	md_write_lines(md, lsn_buf_str(&b));
	lsn_buf_free(&b);
	if (lsn_child_n(n, LSN_N_CAPTION) != NULL) {
		md_blank(md);
		md_paragraph(md, lsn_child_n(n, LSN_N_CAPTION), NULL);
	}
}

/* The same in an HTML block (a table cell's). */
static void
html_figure(struct md *md, struct lsn_buf *b, lsn_node *n)
{
	char *t = node_text(lsn_is_n(n, LSN_N_FIGURE)
	    ? lsn_child_n(n, LSN_N_ALT) : n);

	if (lsn_is_n(n, LSN_N_EQUATION)) {
		lsn_buf_puts(b, "<pre><code class=\"language-math\">");
		html_escape(md, b, t != NULL ? t : "");
		lsn_buf_puts(b, "</code></pre>");
		free(t);
		return;
	}
	lsn_buf_puts(b, "<figure><img alt=\"");
	html_escape(md, b, t != NULL ? t : "");
	lsn_buf_puts(b, "\">");
	if (lsn_child_n(n, LSN_N_CAPTION) != NULL) {
		lsn_buf_puts(b, "<figcaption>");
		html_inline(md, b, lsn_child_n(n, LSN_N_CAPTION), 0);
		lsn_buf_puts(b, "</figcaption>");
	}
	lsn_buf_puts(b, "</figure>");
	free(t);
}

/* Blocks as HTML on one line: an HTML block ends at a blank line, so
 * none may appear inside. */
static void
html_blocks(struct md *md, struct lsn_buf *b, lsn_node *n, int depth)
{
	if (depth > MD_MAX_DEPTH) {
		md->too_deep = 1;
		return;
	}
	for (; n != NULL; n = n->next) {
		if (n->type != LSN_ELEMENT)
			continue;
		if (lsn_is_n(n, LSN_N_P)) {
			lsn_buf_puts(b, "<p>");
			html_inline(md, b, n, 0);
			lsn_buf_puts(b, "</p>");
		} else if (lsn_is_n(n, LSN_N_LIST))
			html_list(md, b, n, depth + 1);
		else if (lsn_is_n(n, LSN_N_TABLE))
			html_table(md, b, n, depth + 1);
		else if (lsn_is_n(n, LSN_N_FIGURE) ||
		    lsn_is_n(n, LSN_N_EQUATION))
			html_figure(md, b, n);
	}
	if (b->oom)
		md->oom = 1;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

/* Writes an inline element (p, item text) as paragraph lines. */
static void
md_paragraph(struct md *md, lsn_node *n, const char *lead)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (lead != NULL)
		md_escape_inline(md, &b, lead, strlen(lead));
	if (lead != NULL && n != NULL)
		lsn_buf_putc(&b, ' ');
	md_inline(md, &b, n, IN_TEXT);
	if (b.oom)
		md->oom = 1;
	md_write_lines(md, lsn_buf_str(&b));
	lsn_buf_free(&b);
}

/* 1 when a paragraph element has nothing to show. */
static int
is_empty_inline(struct md *md, lsn_node *n)
{
	struct lsn_buf b = LSN_BUF_INIT;
	int empty;

	md_inline(md, &b, n, IN_TEXT);
	empty = is_blank(lsn_buf_str(&b));
	lsn_buf_free(&b);
	return empty;
}

/*
 * 1 when n is a list that may follow a paragraph line directly (keeping
 * its parent list tight): CommonMark lets a list interrupt a paragraph
 * only when it is a real list (not labels), an ordered one starts at 1,
 * and its first item does not begin with an empty line.
 */
static int
list_can_interrupt(struct md *md, lsn_node *n)
{
	struct list_plan pl;
	lsn_node *first;

	if (!lsn_is_n(n, LSN_N_LIST))
		return 0;
	plan_list(n, &pl);
	if (pl.labelled || (pl.ordered && pl.start != 1))
		return 0;
	first = lsn_child_n(n, LSN_N_ITEM);
	return first != NULL && lsn_child_n(first, LSN_N_TEXT) != NULL &&
	    !is_empty_inline(md, lsn_child_n(first, LSN_N_TEXT));
}

/*
 * Writes a list as planned by plan_list. Returns what md_blocks does:
 * the kind of list that ends the output at this indentation ('-', '.',
 * ')'), or 0. A list written as labels leaves its items' blocks at the
 * list's own indentation, so a list there may end it.
 */
static char
md_list(struct md *md, lsn_node *list, const struct list_plan *plan,
    int depth)
{
	const struct list_plan pl = *plan;
	lsn_node *item, *text;
	long num;
	int n = 0;
	char last = 0;

	num = pl.start;
	for (item = lsn_child_n(list, LSN_N_ITEM); item != NULL;
	    item = lsn_next_n(item, LSN_N_ITEM), num++, n++) {
		const char *label = lsn_prop_n(item, LSN_N_LABEL);
		lsn_node *rest;
		char marker[24];
		size_t old;

		text = lsn_child_n(item, LSN_N_TEXT);
		rest = text != NULL ? lsn_next(text, NULL) :
		    lsn_child(item, NULL);
		if (pl.labelled) {
			/* One paragraph per item, led by its label. */
			if (n > 0)
				md_blank(md);
			md_paragraph(md, text, label != NULL &&
			    !is_blank(label) ? label : NULL);
			last = 0;
			if (rest != NULL) {
				md_blank(md);
				last = md_blocks(md, rest, depth + 1);
			}
			continue;
		}
		if (pl.ordered)
			snprintf(marker, sizeof(marker), "%ld%c ", num,
			    pl.delim);
		else
			snprintf(marker, sizeof(marker), "- ");
		md_line(md);
		if (text != NULL && !is_empty_inline(md, text)) {
			md_puts(md, marker);
			old = md_push(md, strlen(marker));
			md_paragraph(md, text, NULL);
			/* A nested list may follow the text directly (the
			 * list stays tight); other blocks need a blank line
			 * or they would join the text. */
			if (rest != NULL && !list_can_interrupt(md, rest))
				md_blank(md);
		} else {
			/* An empty item is its marker alone; its blocks
			 * start on the next line (one blank line at most may
			 * begin an item, so none is added). */
			md_put(md, marker, strlen(marker) - 1);
			md_endline(md);
			old = md_push(md, strlen(marker));
		}
		if (rest != NULL)
			md_blocks(md, rest, depth + 1);
		md_pop(md, old);
	}
	if (!pl.labelled)
		last = pl.ordered ? pl.delim : '-';
	return last;
}

/* 1 when some row of the table has a cell. */
static int
table_has_cells(lsn_node *table)
{
	lsn_node *row;

	for (row = lsn_child_n(table, LSN_N_ROW); row != NULL;
	    row = lsn_next_n(row, LSN_N_ROW))
		if (lsn_child_n(row, LSN_N_CELL) != NULL)
			return 1;
	return 0;
}

/* Pipe table when every cell holds at most one paragraph; else HTML. */
static int
table_is_simple(lsn_node *table)
{
	lsn_node *row, *cell, *c;

	for (row = lsn_child_n(table, LSN_N_ROW); row != NULL;
	    row = lsn_next_n(row, LSN_N_ROW))
		for (cell = lsn_child_n(row, LSN_N_CELL); cell != NULL;
		    cell = lsn_next_n(cell, LSN_N_CELL)) {
			int paras = 0;

			if (lsn_prop_n(cell, LSN_N_COLSPAN) != NULL ||
			    lsn_prop_n(cell, LSN_N_ROWSPAN) != NULL)
				return 0;
			for (c = lsn_child(cell, NULL); c != NULL;
			    c = lsn_next(c, NULL))
				if (!lsn_is_n(c, LSN_N_P) || ++paras > 1)
					return 0;
		}
	return 1;
}

static void
md_table(struct md *md, lsn_node *table, int depth)
{
	lsn_node *row, *cell;
	size_t cols = 0, n, r = 0;

	for (row = lsn_child_n(table, LSN_N_ROW); row != NULL;
	    row = lsn_next_n(row, LSN_N_ROW)) {
		n = 0;
		for (cell = lsn_child_n(row, LSN_N_CELL); cell != NULL;
		    cell = lsn_next_n(cell, LSN_N_CELL))
			n++;
		if (n > cols)
			cols = n;
	}
	if (cols == 0)
		return;
	if (!table_is_simple(table)) {
		struct lsn_buf b = LSN_BUF_INIT;

		html_table(md, &b, table, depth);
		if (b.oom)
			md->oom = 1;
		md_line(md);
		md_put(md, lsn_buf_str(&b), b.len);
		md_endline(md);
		lsn_buf_free(&b);
		return;
	}
	for (row = lsn_child_n(table, LSN_N_ROW); row != NULL;
	    row = lsn_next_n(row, LSN_N_ROW), r++) {
		struct lsn_buf b = LSN_BUF_INIT;
		size_t i = 0;

		lsn_buf_putc(&b, '|');
		for (cell = lsn_child_n(row, LSN_N_CELL); cell != NULL;
		    cell = lsn_next_n(cell, LSN_N_CELL), i++) {
			struct lsn_buf t = LSN_BUF_INIT;
			const char *s;
			size_t len;

			md_inline(md, &t, lsn_child_n(cell, LSN_N_P), IN_CELL);
			s = lsn_buf_str(&t);
			len = t.len;
			while (len > 0 && is_space(s[len - 1]))
				len--;
			while (len > 0 && is_space(*s))
				s++, len--;
			lsn_buf_putc(&b, ' ');
			lsn_buf_put(&b, s, len);
			lsn_buf_puts(&b, " |");
			if (t.oom)
				md->oom = 1;
			lsn_buf_free(&t);
		}
		for (; i < cols; i++)
			lsn_buf_puts(&b, "  |");
		if (b.oom)
			md->oom = 1;
		md_line(md);
		md_put(md, lsn_buf_str(&b), b.len);
		md_endline(md);
		lsn_buf_free(&b);
		if (r == 0) {
			md_line(md);
			md_puts(md, "|");
			for (i = 0; i < cols; i++)
				md_puts(md, " --- |");
			md_endline(md);
		}
	}
}

/*
 * Writes the block siblings starting at `first` (p, list, table),
 * separated by blank lines. Two lists of one kind in a row would merge
 * into one, so a comment keeps them apart (as cmark does). Other
 * elements are not blocks and are skipped. Returns the kind of the list
 * that ends the output ('-', '.', ')'), or 0.
 */
static char
md_blocks(struct md *md, lsn_node *first, int depth)
{
	lsn_node *n;
	int written = 0;
	char prev_list = 0;  /* '-', '.', ')' after a list, else 0 */

	if (depth > MD_MAX_DEPTH) {
		md->too_deep = 1;
		return 0;
	}
	for (n = first; n != NULL; n = n->next) {
		if (n->type != LSN_ELEMENT)
			continue;
		if (lsn_is_n(n, LSN_N_P)) {
			if (is_empty_inline(md, n))
				continue;
			if (written)
				md_blank(md);
			md_paragraph(md, n, NULL);
			prev_list = 0;
		} else if (lsn_is_n(n, LSN_N_LIST)) {
			struct list_plan pl;
			char kind;

			if (lsn_child_n(n, LSN_N_ITEM) == NULL)
				continue;
			plan_list(n, &pl);
			kind = pl.labelled ? 0 : pl.ordered ? pl.delim : '-';
			if (written)
				md_blank(md);
			if (kind != 0 && kind == prev_list) {
				md_line(md);
				md_puts(md, "<!-- end list -->");
				md_endline(md);
				md_blank(md);
			}
			prev_list = md_list(md, n, &pl, depth + 1);
		} else if (lsn_is_n(n, LSN_N_TABLE)) {
			if (!table_has_cells(n))
				continue;
			if (written)
				md_blank(md);
			md_table(md, n, depth + 1);
			prev_list = 0;
		} else if (lsn_is_n(n, LSN_N_FIGURE) ||
		    lsn_is_n(n, LSN_N_EQUATION)) {
			if (written)
				md_blank(md);
			md_figure(md, n);
			prev_list = 0;
		} else
			continue;
		written = 1;
	}
	return prev_list;
}

/* ------------------------------------------------------------------ */
/* Document structure                                                  */

/* An ATX heading: level 1-6 (deeper levels stay at 6). */
static void
md_heading(struct md *md, int level, const char *number, lsn_node *inl,
    const char *lead)
{
	struct lsn_buf b = LSN_BUF_INIT;
	const char *s;
	size_t len;
	int i;

	if (level > 6)
		level = 6;
	if (lead != NULL)
		inline_text(md, &b, lead, IN_HEADING);
	if (number != NULL && !is_blank(number)) {
		if (b.len > 0)
			lsn_buf_putc(&b, ' ');
		inline_text(md, &b, number, IN_HEADING);
	}
	if (inl != NULL) {
		struct lsn_buf t = LSN_BUF_INIT;

		md_inline(md, &t, inl, IN_HEADING);
		if (!is_blank(lsn_buf_str(&t))) {
			if (b.len > 0)
				lsn_buf_puts(&b, lead != NULL &&
				    number == NULL ? " \xe2\x80\x93 " : " ");
			lsn_buf_put(&b, lsn_buf_str(&t), t.len);
		}
		lsn_buf_free(&t);
	}
	if (b.oom)
		md->oom = 1;
	s = lsn_buf_str(&b);
	len = b.len;
	while (len > 0 && is_space(*s))
		s++, len--;
	while (len > 0 && is_space(s[len - 1]))
		len--;
	md_line(md);
	for (i = 0; i < level; i++)
		md_puts(md, "#");
	if (len > 0) {
		md_puts(md, " ");
		md_put(md, s, len);
	}
	md_endline(md);
	lsn_buf_free(&b);
}

static void
md_section(struct md *md, lsn_node *sec, int base, int depth)
{
	const char *lv = lsn_prop_n(sec, LSN_N_LEVEL);
	lsn_node *heading = lsn_child_n(sec, LSN_N_HEADING), *c;
	long level = lv != NULL ? strtol(lv, NULL, 10) : 1;

	if (depth > MD_MAX_DEPTH) {
		md->too_deep = 1;
		return;
	}
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	md_blank(md);
	md_heading(md, (int)level + base, lsn_prop_n(sec, LSN_N_NUMBER),
	    heading,
	    NULL);
	c = heading != NULL ? heading->next : lsn_child(sec, NULL);
	for (; c != NULL && c->type != LSN_ELEMENT; c = c->next)
		;
	if (c != NULL && !lsn_is_n(c, LSN_N_SECTION)) {
		md_blank(md);
		md_blocks(md, c, depth + 1);
	}
	for (c = lsn_child_n(sec, LSN_N_SECTION); c != NULL;
	    c = lsn_next_n(c, LSN_N_SECTION))
		md_section(md, c, base, depth + 1);
}

/* A titled group of blocks (abstract, actions requested, annex body). */
static void
md_titled_blocks(struct md *md, lsn_node *container, int level,
    const char *title)
{
	lsn_node *first;

	if (container == NULL || (first = lsn_child(container, NULL)) == NULL)
		return;
	if (title != NULL) {
		md_blank(md);
		md_heading(md, level, NULL, NULL, title);
	}
	md_blank(md);
	md_blocks(md, first, 1);
}

static void
md_annex(struct md *md, lsn_node *annex)
{
	const char *id = lsn_prop_n(annex, LSN_N_ID);
	lsn_node *note = lsn_child_n(annex, LSN_N_NOTE), *c;
	struct lsn_buf lead = LSN_BUF_INIT, tmp = LSN_BUF_INIT;

	/* "Annex A", "Appendix I", unless the id names itself. */
	if (id == NULL || strchr(id, ' ') == NULL)
		lsn_buf_puts(&lead, lsn_is_n(annex, LSN_N_APPENDIX) ?
		    "Appendix " : "Annex ");
	lsn_buf_puts(&lead, id != NULL ? id : "");
	if (lead.oom)
		md->oom = 1;
	md_blank(md);
	md_heading(md, 2, NULL, lsn_child_n(annex, LSN_N_TITLE),
	    lsn_buf_str(&lead));
	lsn_buf_free(&lead);
	if (note != NULL && !is_blank(elem_text(md, note, &tmp))) {
		struct lsn_buf b = LSN_BUF_INIT;
		const char *s = elem_text(md, note, &tmp);

		md_escape_inline(md, &b, s, strlen(s));
		md_blank(md);
		md_write_lines(md, lsn_buf_str(&b));
		if (b.oom)
			md->oom = 1;
		lsn_buf_free(&b);
	}
	lsn_buf_free(&tmp);
	md_titled_blocks(md, lsn_child_n(annex, LSN_N_BODY), 0, NULL);
	for (c = lsn_child_n(annex, LSN_N_SECTION); c != NULL;
	    c = lsn_next_n(c, LSN_N_SECTION))
		md_section(md, c, 2, 1);
}

/* ------------------------------------------------------------------ */
/* Front matter                                                        */

static void
yaml_key(struct md *md, const char *indent, const char *key,
    const char *value)
{
	md_puts(md, indent);
	md_puts(md, key);
	md_puts(md, ": ");
	yaml_quote(md, value);
	md_puts(md, "\n");
}

/* "key:" followed by "  - value" for every child element `name`. */
static void
yaml_list(struct md *md, lsn_node *parent, const char *name,
    const char *key, struct lsn_buf *tmp)
{
	lsn_node *c = lsn_child(parent, name);

	if (c == NULL)
		return;
	md_puts(md, key);
	md_puts(md, ":\n");
	for (; c != NULL; c = lsn_next(c, name)) {
		md_puts(md, "  - ");
		yaml_quote(md, elem_text(md, c, tmp));
		md_puts(md, "\n");
	}
}

/* The Terms of Reference's own data; its text is in the sections. */
static void
yaml_tor(struct md *md, lsn_node *tor, struct lsn_buf *tmp)
{
	lsn_node *c;
	const char *v;

	md_puts(md, "terms_of_reference:\n");
	if ((v = lsn_prop_n(tor, LSN_N_GROUP)) != NULL)
		yaml_key(md, "  ", "group", v);
	if ((c = lsn_child_n(tor, LSN_N_NAME)) != NULL)
		yaml_key(md, "  ", "name", elem_text(md, c, tmp));
	if ((c = lsn_child_n(tor, LSN_N_PERSON)) != NULL) {
		md_puts(md, "  people:\n");
		for (; c != NULL; c = lsn_next_n(c, LSN_N_PERSON)) {
			yaml_key(md, "    - ", "name", elem_text(md, c, tmp));
			if ((v = lsn_prop_n(c, LSN_N_ROLE)) != NULL)
				yaml_key(md, "      ", "role", v);
		}
	}
	if ((c = lsn_child_n(tor, LSN_N_MAILING_LIST)) != NULL) {
		md_puts(md, "  mailing_lists:\n");
		for (; c != NULL; c = lsn_next_n(c, LSN_N_MAILING_LIST)) {
			md_puts(md, "    - ");
			yaml_quote(md, elem_text(md, c, tmp));
			md_puts(md, "\n");
		}
	}
	if (lsn_child(tor, NULL) == NULL &&
	    lsn_prop_n(tor, LSN_N_GROUP) == NULL)
		md_puts(md, "  {}\n");
}

/* An annex in the front matter: what it is, not its text. */
static void
yaml_annex(struct md *md, lsn_node *annex)
{
	lsn_node *c;
	const char *v;

	yaml_key(md, "  - ", "id",
	    (v = lsn_prop_n(annex, LSN_N_ID)) != NULL ? v :
	    "");
	if ((v = lsn_prop_n(annex, LSN_N_KIND)) != NULL)
		yaml_key(md, "    ", "kind", v);
	/* The title's text without its anchors and markers. */
	if ((c = lsn_child_n(annex, LSN_N_TITLE)) != NULL) {
		char *t = lsn_text_of(c);

		if (t == NULL)
			md->oom = 1;
		else {
			yaml_key(md, "    ", "title", (const char *)t);
			free(t);
		}
	}
	if ((c = lsn_child_n(annex, LSN_N_QUESTION)) != NULL &&
	    (v = lsn_prop_n(c, LSN_N_ID)) != NULL)
		yaml_key(md, "    ", "question", v);
	if ((c = lsn_child_n(annex, LSN_N_TERMS_OF_REFERENCE)) != NULL &&
	    (v = lsn_prop_n(c, LSN_N_GROUP)) != NULL)
		yaml_key(md, "    ", "terms_of_reference", v);
}

/* One bullet item ("* " or "- ") holding text, already Markdown, its
 * continuation lines indented under it. */
static void
md_bullet(struct md *md, char marker, const char *text)
{
	char	 lead[3] = { marker, ' ', '\0' };
	size_t	 old;

	md_line(md);
	md_puts(md, lead);
	old = md_push(md, 2);
	md_write_lines(md, text);
	md_pop(md, old);
}

/*
 * The table of contents as a list, after the text before the first
 * clause, where a TOC stands: "- 1.1 Frequency of meetings … 1". The
 * ellipsis stands for the dot leaders in every language.
 */
static void
md_toc(struct md *md, lsn_node *toc)
{
	struct lsn_buf	 b = LSN_BUF_INIT, tmp = LSN_BUF_INIT;
	lsn_node	 *e;
	const char	*v;

	if (lsn_child_n(toc, LSN_N_ENTRY) == NULL)
		return;
	md_blank(md);
	for (e = lsn_child_n(toc, LSN_N_ENTRY); e != NULL;
	    e = lsn_next_n(e, LSN_N_ENTRY)) {
		lsn_buf_reset(&b);
		if ((v = lsn_prop_n(e, LSN_N_NUMBER)) != NULL) {
			md_escape_inline(md, &b, v, strlen(v));
			/* "Annex A – Title", "1.1 Title", "A.1 Title" */
			lsn_buf_puts(&b, strchr(v, ' ') == NULL ? " " :
			    " \xe2\x80\x93 ");
		}
		v = elem_text(md, e, &tmp);
		md_escape_inline(md, &b, v, strlen(v));
		if ((v = lsn_prop_n(e, LSN_N_PAGE)) != NULL) {
			lsn_buf_puts(&b, " \xe2\x80\xa6 ");
			md_escape_inline(md, &b, v, strlen(v));
		}
		if (b.oom)
			md->oom = 1;
		/* '-', not the metadata's '*': a list of its own even
		 * right after the metadata */
		md_bullet(md, '-', lsn_buf_str(&b));
	}
	lsn_buf_free(&b);
	lsn_buf_free(&tmp);
}

static void
md_front_matter(struct md *md, lsn_node *root)
{
	static const struct {
		const char *element, *key;
	} singles[] = {
		{ "title", "title" }, { "source", "source" },
		{ "purpose", "purpose" }, { "document", "document" },
		{ "study-period", "study_period" }, { "meeting", "meeting" },
		{ "reply-to", "reply_to" }, { "language", "language" },
		{ "group", "group" }, { "number", "number" },
		{ "edition", "edition" },
	};
	static const char *const contact_fields[] = { "name",
	    "organization", "country", "email", "phone", "fax" };
	lsn_node *meta = lsn_child_n(root, LSN_N_META), *input, *c, *f;
	struct lsn_buf tmp = LSN_BUF_INIT;
	const char *v;
	size_t i;

	md_puts(md, "---\n");
	if ((v = lsn_prop_n(root, LSN_N_KIND)) != NULL)
		yaml_key(md, "", "kind", v);
	for (i = 0; i < sizeof(singles) / sizeof(singles[0]); i++)
		if ((c = lsn_child(meta, singles[i].element)) != NULL)
			yaml_key(md, "", singles[i].key,
			    elem_text(md, c, &tmp));
	yaml_list(md, meta, "question", "questions", &tmp);
	yaml_list(md, meta, "for-action", "for_action", &tmp);
	yaml_list(md, meta, "for-information", "for_information", &tmp);
	yaml_list(md, meta, "for-comment", "for_comment", &tmp);
	if ((c = lsn_child_n(meta, LSN_N_APPROVAL)) != NULL)
		yaml_key(md, "", "approval", elem_text(md, c, &tmp));
	if ((c = lsn_child_n(meta, LSN_N_DEADLINE)) != NULL) {
		yaml_key(md, "", "deadline", elem_text(md, c, &tmp));
		if ((v = lsn_prop_n(c, LSN_N_ISO)) != NULL)
			yaml_key(md, "", "deadline_iso", v);
	}
	if ((c = lsn_child_n(meta, LSN_N_DATE)) != NULL) {
		yaml_key(md, "", "date", elem_text(md, c, &tmp));
		if ((v = lsn_prop_n(c, LSN_N_ISO)) != NULL)
			yaml_key(md, "", "date_iso", v);
	}
	if ((c = lsn_child_n(meta, LSN_N_CONTACT)) != NULL) {
		md_puts(md, "contacts:\n");
		for (; c != NULL; c = lsn_next_n(c, LSN_N_CONTACT)) {
			const char *indent = "  - ";

			for (i = 0; i < sizeof(contact_fields) /
			    sizeof(contact_fields[0]); i++)
				if ((f = lsn_child(c, contact_fields[i])) !=
				    NULL) {
					yaml_key(md, indent, contact_fields[i],
					    elem_text(md, f, &tmp));
					indent = "    ";
				}
			if (strcmp(indent, "  - ") == 0)
				md_puts(md, "  - {}\n");
		}
	}
	if ((c = lsn_child_n(root, LSN_N_TERMS_OF_REFERENCE)) != NULL)
		yaml_tor(md, c, &tmp);
	if ((c = lsn_child_n(root, LSN_N_QUESTION)) != NULL) {
		md_puts(md, "question:\n");
		if ((v = lsn_prop_n(c, LSN_N_ID)) != NULL)
			yaml_key(md, "  ", "id", v);
		if ((f = lsn_child_n(c, LSN_N_TITLE)) != NULL)
			yaml_key(md, "  ", "title", elem_text(md, f, &tmp));
		if ((f = lsn_child_n(c, LSN_N_STATUS)) != NULL)
			yaml_key(md, "  ", "status", elem_text(md, f, &tmp));
	}
	if ((c = lsn_child_n(root, LSN_N_ANNEX)) != NULL) {
		md_puts(md, "annexes:\n");
		for (; c != NULL; c = lsn_next_n(c, LSN_N_ANNEX))
			yaml_annex(md, c);
	}
	if ((c = lsn_child_n(root, LSN_N_APPENDIX)) != NULL) {
		md_puts(md, "appendices:\n");
		for (; c != NULL; c = lsn_next_n(c, LSN_N_APPENDIX))
			yaml_annex(md, c);
	}
	if ((input = lsn_child_n(root, LSN_N_INPUT)) != NULL) {
		md_puts(md, "input:\n");
		if ((v = lsn_prop_n(input, LSN_N_FILE)) != NULL)
			yaml_key(md, "  ", "file", v);
		if ((v = lsn_prop_n(input, LSN_N_FORMAT)) != NULL)
			yaml_key(md, "  ", "format", v);
		if ((v = lsn_prop_n(input, LSN_N_SHA256)) != NULL)
			yaml_key(md, "  ", "sha256", v);
	}
	md_puts(md, "---\n");
	lsn_buf_free(&tmp);
}

/* ------------------------------------------------------------------ */
/* Metadata block                                                      */

/*
 * The default place of the metadata: a bullet list under the title, one
 * "**Key:** value" item per field, which every CommonMark renderer shows
 * as it is (YAML front matter is metadata for tools: cmark renders it as
 * a rule, a paragraph and a setext heading). "*" bullets: the body's
 * lists use "-", so a body list right after the block stays its own.
 */

/* One item; parts[0..n) joined by sep make the value (plain text). */
static void
meta_item(struct md *md, const char *key, const char *const *parts,
    size_t n, const char *sep)
{
	struct lsn_buf b = LSN_BUF_INIT;
	size_t i, shown = 0;

	lsn_buf_puts(&b, "**");
	md_escape_inline(md, &b, key, strlen(key));
	lsn_buf_puts(&b, ":** ");
	for (i = 0; i < n; i++) {
		if (parts[i] == NULL || is_blank(parts[i]))
			continue;
		if (shown++ > 0)
			lsn_buf_puts(&b, sep);
		md_escape_inline(md, &b, parts[i], strlen(parts[i]));
	}
	if (b.oom)
		md->oom = 1;
	if (shown > 0)
		md_bullet(md, '*', lsn_buf_str(&b));
	lsn_buf_free(&b);
}

static void
meta_one(struct md *md, const char *key, const char *value)
{
	meta_item(md, key, &value, 1, "");
}

/* "value (detail)", or value alone when detail is NULL or blank. */
static void
meta_detail(struct md *md, const char *key, const char *value,
    const char *detail)
{
	struct lsn_buf b = LSN_BUF_INIT;

	if (detail == NULL || is_blank(detail)) {
		meta_one(md, key, value);
		return;
	}
	lsn_buf_printf(&b, "%s (%s)", value != NULL ? value : "", detail);
	if (b.oom)
		md->oom = 1;
	meta_one(md, key, lsn_buf_str(&b));
	lsn_buf_free(&b);
}

/* Every child element `name` of parent, joined by sep, as one item. */
static void
meta_children(struct md *md, lsn_node *parent, const char *name,
    const char *key, const char *sep)
{
	const char *parts[64];
	struct lsn_buf tmp[64];
	lsn_node *c = lsn_child(parent, name);
	size_t n = 0, i;

	/* 64 values is more than any cover sheet lists; more go on
	 * further items of the same key. */
	while (c != NULL) {
		for (n = 0; c != NULL && n < 64; c = lsn_next(c, name), n++) {
			memset(&tmp[n], 0, sizeof(tmp[n]));
			parts[n] = elem_text(md, c, &tmp[n]);
		}
		meta_item(md, key, parts, n, sep);
		for (i = 0; i < n; i++)
			lsn_buf_free(&tmp[i]);
	}
}

/* "Jane Doe, Example Corp., Switzerland, jane@example.org, +41 ..." */
static void
meta_contact(struct md *md, lsn_node *contact)
{
	static const char *const fields[] = { "name", "organization",
	    "country", "email", "phone", "fax" };
	const char *parts[6];
	struct lsn_buf tmp[6];
	size_t i;

	for (i = 0; i < 6; i++) {
		memset(&tmp[i], 0, sizeof(tmp[i]));
		parts[i] = elem_text(md, lsn_child(contact, fields[i]),
		    &tmp[i]);
	}
	/* A fax number says so: it would read as a second phone. */
	if (parts[5] != NULL && !is_blank(parts[5])) {
		struct lsn_buf fax = LSN_BUF_INIT;

		lsn_buf_puts(&fax, "fax ");
		lsn_buf_puts(&fax, parts[5]);
		if (fax.oom)
			md->oom = 1;
		lsn_buf_free(&tmp[5]);
		tmp[5] = fax;
		parts[5] = lsn_buf_str(&tmp[5]);
	}
	meta_item(md, "Contact", parts, 6, ", ");
	for (i = 0; i < 6; i++)
		lsn_buf_free(&tmp[i]);
}

/* after_title: a heading precedes (else the block starts the file). */
static void
md_meta_block(struct md *md, lsn_node *root, int after_title)
{
	static const struct {
		const char *element, *key;
	} singles[] = {
		{ "source", "Source" }, { "purpose", "Purpose" },
		{ "document", "Document" },
		{ "study-period", "Study period" }, { "meeting", "Meeting" },
		{ "number", "Number" }, { "edition", "Edition" },
		{ "group", "Group" }, { "language", "Language" },
		{ "reply-to", "Reply to" },
	};
	lsn_node *meta = lsn_child_n(root, LSN_N_META), *c, *f;
	struct lsn_buf tmp = LSN_BUF_INIT, kind = LSN_BUF_INIT;
	const char *v, *parts[3];
	size_t i;

	if (after_title)
		md_blank(md);
	if ((v = lsn_prop_n(root, LSN_N_KIND)) != NULL) {
		/* "liaison-statement" reads "liaison statement" */
		for (; *v != '\0'; v++)
			lsn_buf_putc(&kind, *v == '-' ? ' ' : *v);
		meta_one(md, "Kind", lsn_buf_str(&kind));
	}
	for (i = 0; i < sizeof(singles) / sizeof(singles[0]); i++)
		if ((c = lsn_child(meta, singles[i].element)) != NULL)
			meta_one(md, singles[i].key, elem_text(md, c, &tmp));
	meta_children(md, meta, "question", "Questions", ", ");
	meta_children(md, meta, "for-action", "For action", "; ");
	meta_children(md, meta, "for-information", "For information", "; ");
	meta_children(md, meta, "for-comment", "For comment", "; ");
	if ((c = lsn_child_n(meta, LSN_N_APPROVAL)) != NULL)
		meta_one(md, "Approval", elem_text(md, c, &tmp));
	if ((c = lsn_child_n(meta, LSN_N_DEADLINE)) != NULL) {
		meta_detail(md, "Deadline", elem_text(md, c, &tmp),
		    lsn_prop_n(c, LSN_N_ISO));
	}
	if ((c = lsn_child_n(meta, LSN_N_DATE)) != NULL)
		meta_detail(md, "Date", elem_text(md, c, &tmp),
		    lsn_prop_n(c, LSN_N_ISO));
	for (c = lsn_child_n(meta, LSN_N_CONTACT); c != NULL;
	    c = lsn_next_n(c, LSN_N_CONTACT))
		meta_contact(md, c);
	if ((c = lsn_child_n(root, LSN_N_TERMS_OF_REFERENCE)) != NULL) {
		struct lsn_buf role = LSN_BUF_INIT;

		parts[0] = lsn_prop_n(c, LSN_N_GROUP);
		parts[1] = elem_text(md, lsn_child_n(c, LSN_N_NAME), &tmp);
		meta_item(md, "Group", parts, 2, " \xe2\x80\x93 ");
		for (f = lsn_child_n(c, LSN_N_PERSON); f != NULL;
		    f = lsn_next_n(f, LSN_N_PERSON)) {
			v = lsn_prop_n(f, LSN_N_ROLE);
			lsn_buf_reset(&role);
			/* "Convenor", "Co-convenor": the role is the key */
			lsn_buf_puts(&role, v != NULL && !is_blank(v) ? v :
			    "Person");
			if (role.oom)
				md->oom = 1;
			meta_one(md, lsn_buf_str(&role),
			    elem_text(md, f, &tmp));
		}
		lsn_buf_free(&role);
		meta_children(md, c, "mailing-list", "Mailing list", ", ");
	}
	if ((c = lsn_child_n(root, LSN_N_QUESTION)) != NULL) {
		struct lsn_buf t2 = LSN_BUF_INIT;

		parts[0] = lsn_prop_n(c, LSN_N_ID);
		parts[1] = elem_text(md, lsn_child_n(c, LSN_N_TITLE), &tmp);
		parts[2] = elem_text(md, lsn_child_n(c, LSN_N_STATUS), &t2);
		meta_item(md, "Question", parts, 3, " \xe2\x80\x93 ");
		lsn_buf_free(&t2);
	}
	if ((c = lsn_child_n(root, LSN_N_INPUT)) != NULL) {
		meta_detail(md, "Input", lsn_prop_n(c, LSN_N_FILE),
		    lsn_prop_n(c, LSN_N_FORMAT));
		meta_one(md, "SHA-256", lsn_prop_n(c, LSN_N_SHA256));
	}
	if (kind.oom)
		md->oom = 1;
	lsn_buf_free(&kind);
	lsn_buf_free(&tmp);
}

/* ------------------------------------------------------------------ */
/* Footnotes                                                           */

static void
md_footnotes(struct md *md, lsn_node *root)
{
	lsn_node *fn;
	size_t num = 0;

	for (fn = lsn_child_n(root, LSN_N_FOOTNOTE); fn != NULL;
	    fn = lsn_next_n(fn, LSN_N_FOOTNOTE)) {
		char label[32];
		size_t old;
		lsn_node *first = lsn_child(fn, NULL);

		num++;
		snprintf(label, sizeof(label), "[^%zu]:", num);
		md_blank(md);
		md_line(md);
		md_puts(md, label);
		if (first == NULL) {
			md_endline(md);
			continue;
		}
		/* The first block goes on the label's line when it is a
		 * paragraph; the rest is indented four spaces. */
		old = md_push(md, 4);
		if (lsn_is_n(first, LSN_N_P)) {
			md_puts(md, " ");
			md_paragraph(md, first, NULL);
			if (is_empty_inline(md, first))
				md_endline(md);
			first = lsn_next(first, NULL);
			if (first != NULL)
				md_blank(md);
		} else {
			md_endline(md);
			md_blank(md);
		}
		if (first != NULL)
			md_blocks(md, first, 1);
		md_pop(md, old);
	}
}

/* ------------------------------------------------------------------ */

int
lsn_emit_markdown(struct lsn_tree *model, int front_matter, struct lsn_out *o,
    liaison_error **err)
{
	struct md md;
	lsn_node *root, *c, *title;
	size_t n = 0;
	int titled = 0;

	memset(&md, 0, sizeof(md));
	md.o = o;
	o->visible = 1;   /* control characters as pictures */
	root = model != NULL ? lsn_root(model) : NULL;
	if (root == NULL || !lsn_is_n(root, LSN_N_DOCUMENT)) {
		lsn_error_set(err, LIAISON_ERR_INTERNAL, NULL, NULL, 0, 0,
		    "markdown: the model has no <document> root");
		return -1;
	}
	for (c = lsn_child_n(root, LSN_N_FOOTNOTE); c != NULL;
	    c = lsn_next_n(c, LSN_N_FOOTNOTE))
		n++;
	if (n > 0 && (md.notes = calloc(n, sizeof(*md.notes))) == NULL) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
		return -1;
	}
	for (c = lsn_child_n(root, LSN_N_FOOTNOTE); c != NULL;
	    c = lsn_next_n(c, LSN_N_FOOTNOTE)) {
		const char *id = lsn_prop_n(c, LSN_N_ID);

		md.notes[md.n_notes].id = id != NULL ? id : "";
		md.notes[md.n_notes].number = md.n_notes + 1;
		md.n_notes++;
	}
	if (md.n_notes > 0)
		qsort(md.notes, md.n_notes, sizeof(*md.notes), note_cmp);
	collect_targets(&md, root->children);
	sort_targets(&md);

	if (front_matter)
		md_front_matter(&md, root);
	title = lsn_child_n(lsn_child_n(root, LSN_N_META), LSN_N_TITLE);
	if (title != NULL) {
		struct lsn_buf tmp = LSN_BUF_INIT;
		const char *t = elem_text(&md, title, &tmp);

		if (!is_blank(t)) {
			if (front_matter)
				md_blank(&md);
			md_heading(&md, 1, NULL, NULL, t);
			titled = 1;
		}
		lsn_buf_free(&tmp);
	}
	if (!front_matter)
		md_meta_block(&md, root, titled);
	md_titled_blocks(&md, lsn_child_n(root, LSN_N_ABSTRACT), 2, "Abstract");
	md_titled_blocks(&md, lsn_child_n(root, LSN_N_ACTIONS_REQUESTED), 2,
	    "Actions requested");
	/* After an abstract the body needs its own heading, or it reads as
	 * more of the abstract. */
	md_titled_blocks(&md, lsn_child_n(root, LSN_N_BODY), 2,
	    lsn_child_n(root, LSN_N_ABSTRACT) != NULL ||
	    lsn_child_n(root, LSN_N_ACTIONS_REQUESTED) != NULL ? "Text" : NULL);
	md_toc(&md, lsn_child_n(root, LSN_N_TOC));
	for (c = lsn_child_n(root, LSN_N_SECTION); c != NULL;
	    c = lsn_next_n(c, LSN_N_SECTION))
		md_section(&md, c, 1, 1);
	for (c = lsn_child_n(root, LSN_N_ANNEX); c != NULL;
	    c = lsn_next_n(c, LSN_N_ANNEX))
		md_annex(&md, c);
	for (c = lsn_child_n(root, LSN_N_APPENDIX); c != NULL;
	    c = lsn_next_n(c, LSN_N_APPENDIX))
		md_annex(&md, c);
	md_footnotes(&md, root);

	free(md.notes);
	free(md.targets);
	lsn_buf_free(&md.prefix);
	if (md.oom) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
		return -1;
	}
	if (md.too_deep) {
		lsn_error_set(err, LIAISON_ERR_LIMIT, NULL, NULL, 0, 0,
		    "markdown: the model nests deeper than %d levels",
		    MD_MAX_DEPTH);
		return -1;
	}
	if (o->error)
		return lsn_out_fail(o, "Markdown", err);
	return 0;
}
