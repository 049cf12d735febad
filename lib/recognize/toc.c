/* SPDX-License-Identifier: MIT */
/*
 * toc.c: a table of contents is a list of where things are, never the
 * document's sections. Its entries leave the body for <toc>, each with
 * its clause number, title and page:
 *
 *   - paragraphs in Word's TOC styles ("toc 1" ... "toc 9", LibreOffice's
 *     "Contents 1" ...): the result of a TOC field;
 *   - in text exports, lines ending in a page number after a "Table of
 *     Contents" line (in ITU's languages), or a run of such lines whose
 *     first entry comes again later as a line of its own (the clause it
 *     points at).
 *
 * What the entries' page column header ("Page") and the TOC's own title
 * say stays in the body, so that no word is lost.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "recognize/lines.h"
#include "recognize/toc.h"
#include "recognize/tuning.h"
#include "util/text.h"

/* TOC titles, compared whole and case-insensitively. */
static const char *const toc_titles[] = {
	"table of contents", "contents", "table des mati\xc3\xa8res",
	"sommaire", "\xc3\x8dndice", "\xc3\xadndice", "contenido",
	"\xd0\xa1\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5",	/* Содержание */
	"\xd0\xa1\xd0\x9e\xd0\x94\xd0\x95\xd0\xa0\xd0\x96\xd0\x90\xd0\x9d\xd0\x98\xd0\x95",	/* СОДЕРЖАНИЕ */
	"\xe7\x9b\xae\xe5\xbd\x95",	/* 目录 */
	"\xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd8\xaa\xd9\x88\xd9\x8a\xd8\xa7\xd8\xaa",	/* المحتويات */
};

/* Words that open an annex or appendix entry: "Annex A – Title". */
static const char *const part_words[] = {
	"Annex", "ANNEX", "Appendix", "APPENDIX", "Annexe", "ANNEXE",
	"Appendice", "APPENDICE", "Anexo", "ANEXO", "Ap\xc3\xa9ndice",
	"AP\xc3\x89NDICE", "Supplement", "Bibliography",
	"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", /* Приложение */
	"\xd0\x94\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", /* Добавление */
};

int
lsn_toc_style(const char *style)
{
	size_t	 n;

	/* the first letter before strncasecmp: asked of every line */
	if (style == NULL || ((style[0] | 0x20) != 't' &&
	    (style[0] | 0x20) != 'c'))
		return 0;
	if (strncasecmp(style, "toc", 3) == 0)
		n = 3;
	else if (strncasecmp(style, "contents", 8) == 0)
		n = 8;
	else
		return 0;
	if (style[n] == ' ')
		n++;
	return isdigit((unsigned char)style[n]) &&
	    (style[n + 1] == '\0' || (isdigit((unsigned char)style[n + 1]) &&
	    style[n + 2] == '\0'));
}

static int
is_toc_title(const struct lsn_line *l)
{
	size_t	 i;

	if (l->type != LSN_LINE_PARA || l->len == 0 ||
	    l->len > LSN_TOC_TITLE_BYTES)
		return 0;
	for (i = 0; i < sizeof(toc_titles) / sizeof(toc_titles[0]); i++)
		if (lsn_equals_ci(l->text, l->len, toc_titles[i]))
			return 1;
	return 0;
}

static int
is_roman(const char *s, size_t n)
{
	size_t	 i;

	/* strchr finds the terminator too: a NUL byte is no numeral */
	for (i = 0; i < n; i++)
		if (s[i] == '\0' || strchr("ivxlcdm", s[i]) == NULL)
			return 0;
	return n > 0 && n <= 6;
}

/*
 * An entry's parts in text t (n bytes): the page at its end (digits,
 * a lower-case roman number, "A-1"), with dot leaders and a PAGEREF
 * field's code before it cut; the clause number or annex word at its
 * start. Returns 1 when t ends in a page.
 */
struct entry {
	size_t	 num_len;            /* t[0..num_len): number, or 0 */
	size_t	 title_at, title_len;
	size_t	 page_at, page_len;
};

/* The number and title of an entry in t[0..end) (its page cut). */
static int
parse_number_title(const char *t, size_t end, struct entry *e)
{
	size_t	 i = 0, k;

	/* the number: "1", "1.1", "10.2.3", "1bis", "A.1", "IV.2", "F1.1" */
	k = lsn_part_clause_id(t, end);
	if (isdigit((unsigned char)t[0]) || k > 0) {
		i = isdigit((unsigned char)t[0]) ? 1 : k;
		while (i < end && (isdigit((unsigned char)t[i]) ||
		    (t[i] == '.' && i + 1 < end &&
		    isdigit((unsigned char)t[i + 1]))))
			i++;
		if (i + 3 <= end && strncmp(t + i, "bis", 3) == 0)
			i += 3;
		if (i < end && (t[i] == '.' || t[i] == ')'))
			i++;
		if (i < end && t[i] != ' ')
			i = 0;
	} else {
		for (k = 0; k < sizeof(part_words) / sizeof(part_words[0]);
		    k++) {
			size_t l = strlen(part_words[k]);

			if (l < end && strncmp(t, part_words[k], l) == 0 &&
			    t[l] == ' ') {
				/* "Annex A", "Appendix IV" */
				i = l + 1;
				while (i < end && t[i] != ' ')
					i++;
				break;
			}
		}
	}
	e->num_len = i;
	while (e->num_len > 0 && (t[e->num_len - 1] == '.' ||
	    t[e->num_len - 1] == ')') && isdigit((unsigned char)t[0]))
		e->num_len--;
	/* the title, after the number and a dash that separates them */
	k = i;
	while (k < end && t[k] == ' ')
		k++;
	if (i > 0 && !isdigit((unsigned char)t[0])) {
		if (k + 3 <= end && (memcmp(t + k, "\xe2\x80\x93", 3) == 0 ||
		    memcmp(t + k, "\xe2\x80\x94", 3) == 0))
			k += 3;
		else if (k < end && t[k] == '-')
			k++;
		while (k < end && t[k] == ' ')
			k++;
	}
	if (k >= end && i > 0 && !isdigit((unsigned char)t[0])) {
		/* "Annex B" alone is a title ("2.2) Annex B"), no number */
		e->num_len = 0;
		k = 0;
	}
	e->title_at = k;
	e->title_len = end > k ? end - k : 0;
	return e->title_len > 0;
}

static int
parse_entry(const char *t, size_t n, struct entry *e)
{
	size_t	 p = n, end, i, k;

	memset(e, 0, sizeof(*e));
	while (p > 0 && t[p - 1] != ' ' && t[p - 1] != '.' && t[p - 1] != '\t')
		p--;
	/* the page stands apart: after a space or dot leaders, not the
	 * ".1" of "ITU-T A.1" */
	if (p == n || p == 0 || (t[p - 1] == '.' && (p < 2 || t[p - 2] != '.')))
		return 0;
	for (i = p; i < n; i++)
		if (!isdigit((unsigned char)t[i]) && t[i] != '-')
			break;
	if (i < n && !is_roman(t + p, n - p))
		return 0;
	if (!isdigit((unsigned char)t[p]) && !is_roman(t + p, n - p))
		return 0;
	/* cut leaders and field code: "Title ....... 4", "Title PAGEREF
	 * _Toc471716650 \h 4" */
	end = p;
	while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '.' ||
	    t[end - 1] == '\t'))
		end--;
	if (end >= 2 && t[end - 1] == 'h' && t[end - 2] == '\\') {
		for (k = end; k >= 7; k--)
			if (strncmp(t + k - 7, "PAGEREF", 7) == 0) {
				end = k - 7;
				while (end > 0 && t[end - 1] == ' ')
					end--;
				break;
			}
	}
	if (end == 0 || !parse_number_title(t, end, e))
		return 0;
	e->page_at = p;
	e->page_len = n - p;
	return 1;
}

/*
 * A TOC-styled line without a page (a TOC field of titles only): the
 * whole line is the entry, its number parsed as for others. The page
 * column's header ("Page", one word without a digit) is none.
 */
static int
styled_entry(const struct lsn_line *l, struct entry *e)
{
	size_t	 i;

	memset(e, 0, sizeof(*e));
	for (i = 0; i < l->len; i++)
		if (isdigit((unsigned char)l->text[i]))
			break;
	if (i == l->len && lsn_word_count(l->text, l->len) <
	    LSN_TOC_ENTRY_MIN_WORDS)
		return 0;
	if (!parse_number_title(l->text, l->len, e))
		return 0;
	e->page_at = l->len;
	e->page_len = 0;
	return 1;
}

/* 1 for an annex's or appendix's clause number as a label: "A.1",
 * "II.3.2", "F1.1" (a part's id, a dot, numbers). */
static int
part_clause(const char *s)
{
	size_t	 k = lsn_part_clause_id(s, strlen(s));

	return k > 0 && s[k + 1 + strspn(s + k + 1, "0123456789.")] == '\0';
}

/* Adds entry e of line l to toc (creating it on first use). */
static void
add_entry(struct lsn_rctx *r, lsn_node **toc, struct lsn_line *l,
    const struct entry *e)
{
	lsn_node	 *en;
	char		*s;
	struct lsn_number num;

	if (*toc == NULL && (*toc = lsn_el_n(&r->b, NULL, LSN_N_TOC)) == NULL)
		return;
	if ((en = lsn_el_n(&r->b, *toc, LSN_N_ENTRY)) == NULL)
		return;
	if (e->num_len > 0 &&
	    (s = lsn_arena_strndup(&r->a, l->text, e->num_len)) != NULL)
		lsn_attr_n(&r->b, en, LSN_N_NUMBER, s);
	else if (l->label != NULL && ((lsn_number_parse(l->label, &num) &&
	    !num.letter) || part_clause(l->label)) &&
	    (s = lsn_arena_strdup(&r->a, l->label)) != NULL) {
		/* a text export's "1.1" the reader took as a label */
		size_t n = strlen(s);

		while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ')'))
			s[--n] = '\0';
		lsn_attr_n(&r->b, en, LSN_N_NUMBER, s);
	}
	if (e->page_len > 0 && (s = lsn_arena_strndup(&r->a,
	    l->text + e->page_at, e->page_len)) != NULL)
		lsn_attr_n(&r->b, en, LSN_N_PAGE, s);
	lsn_text(&r->b, en, l->text + e->title_at, e->title_len);
	l->used = 1;
}

/* 1 when number b can follow a: "2" after "1", "6.1" after "6",
 * "7" or "6.2" after "6.1". */
static int
next_in_toc(const struct lsn_number *a, const struct lsn_number *b)
{
	int	 i, d = b->depth;

	if (a->depth == 0 || d == 0 || d > a->depth + 1 || a->letter ||
	    b->letter || a->roman || b->roman)
		return 0;
	for (i = 0; i < d - 1; i++)
		if (b->part[i] != a->part[i])
			return 0;
	return b->part[d - 1] == (d > a->depth ? 1 : a->part[d - 1] + 1);
}

/* A clause number as a word at the start of t[0..n) ("6", "6.1", "6.1."
 * before a space), parsed into *num: its length, or 0. */
static size_t
number_word(const char *t, size_t n, struct lsn_number *num)
{
	char	 w[16];
	size_t	 k = strspn(t, "0123456789.");

	if (k == 0 || k >= n || k >= sizeof(w) || t[k] != ' ' ||
	    !isdigit((unsigned char)t[0]))
		return 0;
	memcpy(w, t, k);
	w[k] = '\0';
	return lsn_number_parse(w, num) ? k : 0;
}

/* 1 when t[0..n) starts with a word that opens an annex entry. */
static int
part_word_at(const char *t, size_t n)
{
	size_t	 k, l;

	for (k = 0; k < sizeof(part_words) / sizeof(part_words[0]); k++) {
		l = strlen(part_words[k]);
		if (l < n && strncmp(t, part_words[k], l) == 0 &&
		    (t[l] == ' ' || t[l] == ':'))
			return 1;
	}
	return 0;
}

/*
 * Where the next of the entries joined on one line starts after the
 * page at t[i..n): the page's length when a space and the next entry
 * follow it, a number that comes after *cur (updated) or an annex's
 * word; else 0.
 */
static size_t
joined_at(const char *t, size_t i, size_t n, struct lsn_number *cur)
{
	struct lsn_number nx;
	size_t	 k = i;

	while (k < n && isdigit((unsigned char)t[k]))
		k++;
	if (k == i || k + 1 >= n || t[k] != ' ')
		return 0;
	if (part_word_at(t + k + 1, n - k - 1)) {
		cur->depth = 0;
		return k - i;
	}
	if (number_word(t + k + 1, n - k - 1, &nx) == 0 ||
	    !next_in_toc(cur, &nx))
		return 0;
	*cur = nx;
	return k - i;
}

/*
 * Adds the entries of line l, whose entry e the caller parsed: several
 * when an exporter joined a TOC field's paragraphs into one line ("1
 * Scope 1 2 Introduction 1 3 ...": the seeds' exporter does so to
 * G.Imp729's), cut where a page is followed by the number of the
 * entry that comes next, or an annex's word; at least
 * LSN_TOC_JOINED_MIN of them. Else e alone.
 */
static void
add_entries(struct lsn_rctx *r, lsn_node **toc, struct lsn_line *l,
    const struct entry *e)
{
	struct lsn_line	 piece;
	struct lsn_number cur;
	struct entry	 pe;
	size_t		 i, at, pg, pieces, round;

	/* a first round counts and checks the pieces, a second adds them */
	for (round = 0; round < 2; round++) {
		memset(&cur, 0, sizeof(cur));
		if (l->label != NULL ? !lsn_number_parse(l->label, &cur) :
		    number_word(l->text, l->len, &cur) == 0)
			goto whole;
		for (pieces = 0, at = 0, i = 0; i <= l->len; i++) {
			pg = 0;
			if (i < l->len && (i == 0 || l->text[i - 1] != ' ' ||
			    (pg = joined_at(l->text, i, l->len, &cur)) == 0))
				continue;
			piece = *l;
			piece.text = l->text + at;
			piece.len = (i < l->len ? i + pg : l->len) - at;
			if (at > 0)
				piece.label = NULL;
			if (!parse_entry(piece.text, piece.len, &pe))
				goto whole;
			pieces++;
			if (round == 1)
				add_entry(r, toc, &piece, &pe);
			at = i + pg + 1;
			i = at;
		}
		if (pieces < LSN_TOC_JOINED_MIN)
			goto whole;
	}
	l->used = 1;
	return;
whole:
	if (round == 0)
		add_entry(r, toc, l, e);
}

/*
 * The paragraphs of the body by their text, made once for the untitled
 * TOC test, so that asking whether a clause comes again after a run
 * costs a look-up, not a pass over the rest of the body (quadratic in
 * runs of entry-like lines). Line numbers are kept + 1 (0: none): a
 * slot holds a text's last line, older[i] the line before i with the
 * same text.
 */
struct text_index {
	size_t	*slots;
	size_t	*older;
	size_t	 cap;    /* a power of two; 0: not made */
};

/* The slot of text s[0..n): its last line + 1, or an empty one. */
static size_t *
text_slot(const struct text_index *x, const struct lsn_lines *body,
    const char *s, size_t n)
{
	size_t	 i;

	for (i = lsn_hash_bytes(s, n) & (x->cap - 1); x->slots[i] != 0;
	    i = (i + 1) & (x->cap - 1)) {
		const struct lsn_line *o = &body->v[x->slots[i] - 1];

		if (o->len == n && memcmp(o->text, s, n) == 0)
			break;
	}
	return &x->slots[i];
}

/* Indexes every paragraph of body; 0, or -1 when memory ran out. */
static int
text_index_make(struct lsn_rctx *r, const struct lsn_lines *body,
    struct text_index *x)
{
	size_t	*sl, i, cap;

	for (cap = 16; cap < 2 * body->n + 1; cap *= 2)
		continue;
	if ((x->slots = lsn_arena_alloc(&r->a, cap * sizeof(*x->slots))) ==
	    NULL || (x->older = lsn_arena_alloc(&r->a,
	    (body->n + 1) * sizeof(*x->older))) == NULL)
		return -1;
	x->cap = cap;
	for (i = 0; i < body->n; i++) {
		const struct lsn_line *o = &body->v[i];

		if (o->type != LSN_LINE_PARA)
			continue;
		sl = text_slot(x, body, o->text, o->len);
		x->older[i] = *sl;
		*sl = i + 1;
	}
	return 0;
}

/* 1 when line o's label is the entry's number: o is then the heading
 * whose text is the entry's title alone. */
static int
label_is_number(const struct lsn_line *o, const struct lsn_line *l,
    const struct entry *e)
{
	return o->label != NULL && e->num_len > 0 &&
	    strncmp(o->label, l->text, e->num_len) == 0;
}

/* 1 when an entry's "number title" is again a line after line `from`:
 * the clause it points at. */
static int
repeated_later(struct lsn_rctx *r, const struct lsn_lines *body,
    struct text_index *x, size_t from, const struct lsn_line *l,
    const struct entry *e)
{
	size_t	 n = e->title_at + e->title_len, k;

	/* out of memory: the arena says so, and recognition fails */
	if (x->cap == 0 && text_index_make(r, body, x) == -1)
		return 0;
	/* "1 Scope" as a heading line: the entry without its page */
	while (n > 0 && l->text[n - 1] == ' ')
		n--;
	/* the whole entry as a line */
	for (k = *text_slot(x, body, l->text, n); k > from; k = x->older[k - 1])
		if (!label_is_number(&body->v[k - 1], l, e))
			return 1;
	/* a heading whose number is its label, its title the text */
	if (e->title_at > n)
		return 0;
	for (k = *text_slot(x, body, l->text + e->title_at, n - e->title_at);
	    k > from; k = x->older[k - 1])
		if (label_is_number(&body->v[k - 1], l, e))
			return 1;
	return 0;
}

/* The page column's header: one word, no digit ("Page", "Стр."). */
static int
page_header(const struct lsn_line *l)
{
	size_t	 i;

	if (l->type != LSN_LINE_PARA || l->len == 0 ||
	    l->len > LSN_TOC_PAGE_HEADER_BYTES ||
	    lsn_word_count(l->text, l->len) != 1)
		return 0;
	for (i = 0; i < l->len; i++)
		if (isdigit((unsigned char)l->text[i]))
			return 0;
	return 1;
}

/* 1 for a cell with nothing in it (the empty column between a TOC
 * entry's title and page in a text export). */
static int
empty_cell(const struct lsn_lines *cl)
{
	return cl->n == 0 || (cl->n == 1 && cl->v[0].type == LSN_LINE_BLANK);
}

/*
 * A table row of one-line cells as a paragraph, as a text export makes
 * of "Annex A – Title<TAB>5": its cells joined by tabs (in the arena),
 * empty ones left out. NULL for anything else, or when memory ran out.
 */
static const struct lsn_line *
row_para(struct lsn_rctx *r, const struct lsn_row *row, struct lsn_line *flat)
{
	size_t		 c, len = 0;
	char		*t;

	if (row->n < 2)
		return NULL;
	for (c = 0; c < row->n; c++) {
		const struct lsn_lines *cl = &row->cells[c].lines;

		if (empty_cell(cl))
			continue;
		if (cl->n != 1 || cl->v[0].type != LSN_LINE_PARA)
			return NULL;
		len += cl->v[0].len + 1;
	}
	if ((t = lsn_arena_alloc(&r->a, len + 1)) == NULL)
		return NULL;
	memset(flat, 0, sizeof(*flat));
	flat->type = LSN_LINE_PARA;
	flat->text = t;
	for (c = 0; c < row->n; c++) {
		const struct lsn_line *cell = &row->cells[c].lines.v[0];

		if (empty_cell(&row->cells[c].lines))
			continue;
		if (flat->len > 0)
			t[flat->len++] = '\t';
		memcpy(t + flat->len, cell->text, cell->len);
		flat->len += cell->len;
	}
	t[flat->len] = '\0';
	return flat;
}

/* Line i as a paragraph: itself, or a table of one row (row_para). */
static const struct lsn_line *
as_para(struct lsn_rctx *r, const struct lsn_lines *body, size_t i,
    struct lsn_line *flat)
{
	const struct lsn_line *l = &body->v[i];

	if (l->type == LSN_LINE_PARA)
		return l;
	if (l->type != LSN_LINE_TABLE || l->table->n != 1)
		return NULL;
	return row_para(r, &l->table->rows[0], flat);
}

/*
 * Consecutive entries of a text export, each "Title<TAB><TAB>16", that
 * its reader made one table of several rows: 1 when line l is such a
 * table, every row an entry; with add, the entries are added to toc.
 */
static int
entry_rows(struct lsn_rctx *r, struct lsn_line *l, lsn_node **toc, int add)
{
	struct lsn_line	 flat;
	const struct lsn_line *p;
	struct entry	 e;
	size_t		 k;

	if (l->used || l->type != LSN_LINE_TABLE || l->table->n < 2)
		return 0;
	for (k = 0; k < l->table->n; k++) {
		if ((p = row_para(r, &l->table->rows[k], &flat)) == NULL ||
		    !parse_entry(p->text, p->len, &e))
			return 0;
		if (add)
			add_entry(r, toc, (struct lsn_line *)p, &e);
	}
	if (add)
		l->used = 1;
	return 1;
}

/*
 * An entry wrapped over two lines by an exporter ("1.7 Preparation of
 * reports ... joint" then "working parties ... Questions 4"): 1 when
 * line i has no page and line i + 1, unlabelled, ends in one.
 */
static int
wrapped_at(struct lsn_rctx *r, const struct lsn_lines *body, size_t i)
{
	const struct lsn_line *a = &body->v[i], *b;
	struct lsn_line	 flat;
	struct entry	 e;

	if (i + 1 >= body->n || body->v[i + 1].used ||
	    (b = as_para(r, body, i + 1, &flat)) == NULL)
		return 0;
	return a->type == LSN_LINE_PARA && b->label == NULL && a->len > 0 &&
	    !page_header(a) && !lsn_toc_style(a->style) &&
	    !lsn_toc_style(b->style) && !parse_entry(a->text, a->len, &e) &&
	    parse_entry(b->text, b->len, &e);
}

/* Lines i and i + 1 as one (wrapped_at), in the arena; the result's
 * text is NULL when memory ran out. */
static struct lsn_line
joined(struct lsn_rctx *r, const struct lsn_lines *body, size_t i)
{
	struct lsn_line	 l = body->v[i], flat;
	const struct lsn_line *b = as_para(r, body, i + 1, &flat);
	char		*t = NULL;

	l.nmarks = 0;
	l.marks = NULL;
	if (b != NULL &&
	    (t = lsn_arena_alloc(&r->a, l.len + 1 + b->len + 1)) != NULL) {
		memcpy(t, body->v[i].text, l.len);
		t[l.len] = ' ';
		memcpy(t + l.len + 1, b->text, b->len);
		t[l.len + 1 + b->len] = '\0';
		l.len += 1 + b->len;
	}
	l.text = t;
	return l;
}

/*
 * Entries in the cells of table t, taken out of them; the rest (the
 * "Page" header) stays. styled: Word's TOC field inside a table
 * (G.Imp729 lays its TOC out so), its TOC-styled lines, in nested
 * tables to a few levels. Else a TOC typed or exported into a table
 * under its title (pandoc's plain text draws G.Imp729's one-cell TOC
 * table as a grid): the paragraphs that read as entries. Returns the
 * entries found.
 */
static size_t
table_entries(struct lsn_rctx *r, lsn_node **toc, struct lsn_table *t,
    int styled, int depth)
{
	struct entry	 e;
	size_t		 i, j, k, found = 0;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->rows[i].n; j++) {
			struct lsn_lines *cl = &t->rows[i].cells[j].lines;

			for (k = 0; k < cl->n; k++) {
				struct lsn_line *l = &cl->v[k];

				if (l->used)
					continue;
				if (l->type == LSN_LINE_TABLE && styled &&
				    depth < LSN_TOC_TABLE_DEPTH)
					found += table_entries(r, toc,
					    l->table, styled, depth + 1);
				else if (l->type == LSN_LINE_PARA &&
				    (styled ? lsn_toc_style(l->style) &&
				    (parse_entry(l->text, l->len, &e) ||
				    styled_entry(l, &e)) :
				    parse_entry(l->text, l->len, &e))) {
					add_entry(r, toc, l, &e);
					found++;
				}
			}
		}
	return found;
}

lsn_node *
lsn_toc(struct lsn_rctx *r, struct lsn_lines *body)
{
	lsn_node	 *toc = NULL;
	struct entry	 e;
	struct lsn_line	 flat;
	struct text_index texts = { NULL, NULL, 0 };
	const struct lsn_line *p;
	size_t		 i, j, run;

	for (i = 0; i < body->n; i++) {
		struct lsn_line *l = &body->v[i];

		if (!l->used && l->type == LSN_LINE_TABLE)
			(void)table_entries(r, &toc, l->table, 1, 0);
		if (l->used || l->type != LSN_LINE_PARA)
			continue;
		/* Word's TOC field result: every styled line is an entry
		 * (or its header: "Page") */
		if (lsn_toc_style(l->style)) {
			if (parse_entry(l->text, l->len, &e) ||
			    styled_entry(l, &e))
				add_entry(r, &toc, l, &e);
			continue;
		}
		if (!is_toc_title(l) &&
		    !(l->len > 0 && isdigit((unsigned char)l->text[0])) &&
		    l->label == NULL)
			continue;
		if (is_toc_title(l)) {
			for (j = i + 1; j < body->n &&
			    body->v[j].type == LSN_LINE_BLANK; j++)
				;
			if (j < body->n && !body->v[j].used &&
			    body->v[j].type == LSN_LINE_TABLE &&
			    table_entries(r, &toc, body->v[j].table, 0, 0) > 0) {
				i = j;
				continue;
			}
		}
		/* a run of lines ending in page numbers, blanks between */
		j = i + (is_toc_title(l) ? 1 : 0);
		run = 0;
		while (j < body->n) {
			const struct lsn_line *o = &body->v[j];

			if (o->type == LSN_LINE_BLANK || page_header(o) ||
			    (!o->used && (p = as_para(r, body, j, &flat)) !=
			    NULL && page_header(p))) {
				/* blank, or the page column's header (again
				 * on each page); it stays in the body */
				j++;
				continue;
			}
			if (!o->used && wrapped_at(r, body, j)) {
				run++;
				j += 2;
				continue;
			}
			if (entry_rows(r, &body->v[j], NULL, 0)) {
				run++;
				j++;
				continue;
			}
			if (o->used ||
			    (o = as_para(r, body, j, &flat)) == NULL ||
			    lsn_toc_style(o->style) ||
			    !parse_entry(o->text, o->len, &e))
				break;
			run++;
			j++;
		}
		if (run == 0)
			continue;
		if (!is_toc_title(l)) {
			/* untitled: several entries, the first one a clause
			 * that comes again after them; a run that is not
			 * is passed over whole, so each line is tried once */
			if (run < LSN_TOC_UNTITLED_MIN ||
			    !parse_entry(l->text, l->len, &e) ||
			    !repeated_later(r, body, &texts, j, l, &e)) {
				i = j - 1;
				continue;
			}
		}
		for (; i < j; i++) {
			struct lsn_line *o = &body->v[i];

			if (o->type == LSN_LINE_BLANK || is_toc_title(o) ||
			    entry_rows(r, o, &toc, 1))
				continue;
			if (wrapped_at(r, body, i)) {
				struct lsn_line both = joined(r, body, i);

				if (both.text == NULL)
					return toc;
				if (parse_entry(both.text, both.len, &e)) {
					add_entry(r, &toc, &both, &e);
					o->used = body->v[i + 1].used = 1;
				}
				i++;
				continue;
			}
			if ((p = as_para(r, body, i, &flat)) != NULL &&
			    parse_entry(p->text, p->len, &e)) {
				add_entries(r, &toc, (struct lsn_line *)p, &e);
				o->used = 1;
			}
		}
		i--;
	}
	return toc;
}
