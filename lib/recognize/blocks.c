/* SPDX-License-Identifier: MIT */
/*
 * blocks.c: runs of lines -> paragraphs, lists and tables.
 *
 * Lists are where text exports lose most: auto-numbered items all print
 * as "1.", nesting is flattened, continuation paragraphs sit between
 * items, and an item can be glued onto the end of the previous one. The
 * list builder restores what the numbering proves and no more.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/lines.h"
#include "recognize/tuning.h"
#include "util/buf.h"

int
lsn_is_rule(const struct lsn_line *l)
{
	size_t	 i;

	if (l->type != LSN_LINE_PARA || l->label != NULL || l->len < 3)
		return 0;
	for (i = 0; i < l->len; i++)
		if (strchr("_-=*~.", l->text[i]) == NULL)
			return 0;
	return 1;
}

static int
skippable(const struct lsn_line *l)
{
	return l->used || l->type == LSN_LINE_BLANK || lsn_is_rule(l);
}

static int
is_item(const struct lsn_line *l)
{
	return l->type == LSN_LINE_PARA && l->label != NULL && !l->used;
}

/* The family of a label: bullets are one family whatever the glyph
 * (exports mix them); numbers by style and delimiter. */
struct family {
	int	 bullet;
	int	 letter, roman, paren;
	char	 delim;
	int	 depth;
	int	 as_roman;  /* "i." is 1, not 9: the list reads i, ii, iii */
};

static struct family
family_of(const struct lsn_line *l, struct lsn_number *num)
{
	struct family	 f;

	memset(&f, 0, sizeof(f));
	if (!lsn_number_parse(l->label, num)) {
		/* Word's numbering with words around the number ("Step
		 * 1:") counts like numbers; other labels are bullets. */
		if (l->label_auto && l->value >= 0) {
			f.depth = 1;
			num->depth = 1;
			num->part[0] = l->value;
		} else
			f.bullet = 1;
		return f;
	}
	f.letter = num->letter;
	f.roman = num->roman;
	f.paren = num->paren;
	f.delim = num->delim;
	f.depth = num->depth;
	return f;
}

static int
same_family(struct family a, struct family b)
{
	if (a.bullet || b.bullet)
		return a.bullet == b.bullet;
	/* "i)" reads as a letter and as a roman numeral. */
	return a.paren == b.paren && a.delim == b.delim && a.depth == b.depth &&
	    (a.letter || a.roman) == (b.letter || b.roman);
}

/*
 * The number a reader sees in an item's label: the counter Word's
 * numbering gave it, else the last part of the label read as a number;
 * a single letter that is a roman numeral counts as one in a list that
 * reads i, ii, iii (as_roman).
 */
static int
item_value(const struct lsn_line *l, int as_roman)
{
	struct lsn_number	 num;
	static const char	 romans[] = "ivxlcdm";
	static const int	 values[] = { 1, 5, 10, 50, 100, 500, 1000 };
	const char		*r;

	if (l->label_auto && l->value >= 0)
		return l->value;
	if (!lsn_number_parse(l->label, &num) || num.depth == 0)
		return 0;
	if (as_roman && num.letter && (r = strchr(romans,
	    tolower((unsigned char)l->label[num.paren]))) != NULL)
		return values[r - romans];
	return num.part[num.depth - 1];
}

/*
 * Whether a list of letters or roman numerals starting with item l reads
 * as roman numerals: its first label is a roman numeral of more than one
 * letter ("ii."), or "i." not followed by "j." (h., i., j. are letters).
 */
static int
reads_roman(const struct lsn_line *l, const struct lsn_line *next)
{
	struct lsn_number	 num;
	const char		*s = l->label;

	if (!lsn_number_parse(s, &num) || !(num.letter || num.roman))
		return 0;
	if (num.roman)
		return 1;
	if (tolower((unsigned char)s[num.paren]) != 'i')
		return 0;
	return next == NULL || !lsn_number_parse(next->label, &num) ||
	    !num.letter ||
	    tolower((unsigned char)next->label[num.paren]) != 'j';
}

static int
level_of(const struct lsn_line *l)
{
	return l->ilvl > 0 ? l->ilvl : 0;
}

/* ------------------------------------------------------------------ */
/* Paragraphs and tables                                               */

static void
emit_paragraph(struct lsn_rctx *r, lsn_node *parent, const struct lsn_line *l)
{
	lsn_node	 *p = lsn_el_n(&r->b, parent, LSN_N_P);

	lsn_inline(&r->b, p, l, 0, l->len);
}

static void
emit_table(struct lsn_rctx *r, lsn_node *parent, struct lsn_table *t)
{
	lsn_node	 *tab = lsn_el_n(&r->b, parent, LSN_N_TABLE), *row,
	    *cell;
	size_t		 i, j, k;

	if (t->alt != NULL)
		lsn_el_text(&r->b, tab, "alt", t->alt);

	for (i = 0; i < t->n; i++) {
		int col = 0;

		row = lsn_el_n(&r->b, tab, LSN_N_ROW);
		for (j = 0; j < t->rows[i].n; j++) {
			struct lsn_cell *c = &t->rows[i].cells[j];
			int rowspan = 1;

			if (c->vmerge_continue && c->lines.n == 0) {
				col += c->colspan;
				continue;
			}
			/* A vertical merge: count the rows it continues into. */
			for (k = i + 1; k < t->n; k++) {
				int kcol = 0, found = 0;
				size_t m;

				for (m = 0; m < t->rows[k].n; m++) {
					struct lsn_cell *d = &t->rows[k].cells[m];
					if (kcol == col) {
						found = d->vmerge_continue;
						break;
					}
					kcol += d->colspan;
				}
				if (!found)
					break;
				rowspan++;
			}
			cell = lsn_el_n(&r->b, row, LSN_N_CELL);
			if (c->colspan > 1)
				lsn_attr_int(&r->b, cell, "colspan",
				    c->colspan);
			if (rowspan > 1)
				lsn_attr_int(&r->b, cell, "rowspan", rowspan);
			else if (c->rowspan > 1)
				lsn_attr_int(&r->b, cell, "rowspan",
				    c->rowspan);
			lsn_blocks(r, cell, c->lines.v, c->lines.n);
			col += c->colspan;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Figures and equations                                               */

/* 1 when `word` (lowercase ASCII letters) is in s, in any case. */
static int
has_word(const char *s, const char *word)
{
	size_t	 n = strlen(word);
	char	 lo = word[0], up = (char)(lo - 'a' + 'A');

	/* word is lowercase ASCII: its first letter in either case first,
	 * strncasecmp only there (this runs for every paragraph's style) */
	for (; s != NULL && *s != '\0'; s++)
		if ((*s == lo || *s == up) && strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/*
 * A figure's caption: a paragraph in a caption style (Word's "Caption",
 * ITU's "Figure_NoTitle"; not a table's, not ITU's "Figure_legend" or the
 * "Figure" style of the picture's own paragraph), or one that reads "Figure
 * 1-1 – ...", "Figure A.2: ..." or just "Figure 3". Body text that
 * starts "Figure 3 shows" is not one.
 */
/*
 * 1 when t reads as a caption of one of words[] ("Figure 1-1 – ...",
 * "Table A.2: ...", "Figure 3").
 */
static int
caption_text(const char *t, const char *const *words)
{
	size_t	 i = 0, k;

	for (; *words != NULL; words++)
		if (strncmp(t, *words, (k = strlen(*words))) == 0 &&
		    t[k] == ' ') {
			i = k + 1;
			break;
		}
	if (i == 0)
		return 0;
	if (!(t[i] >= '0' && t[i] <= '9') && !(t[i] >= 'A' && t[i] <= 'Z'))
		return 0;
	while (t[i] != '\0' && t[i] != ' ' && t[i] != ':')
		i++;
	if (t[i] == '\0' || t[i] == ':')
		return 1;
	i++;
	/* a dash after the number: '-', en or em dash */
	return t[i] == '-' || strncmp(t + i, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(t + i, "\xe2\x80\x94", 3) == 0;
}

/* The words of figure captions, and of tables', in ITU's languages. */
static const char *const figure_words[] = {
	"Figure", "Figura", "Fig.",
	"\xd0\xa0\xd0\xb8\xd1\x81\xd1\x83\xd0\xbd\xd0\xbe\xd0\xba",	/* Рисунок */
	NULL
};
static const char *const table_words[] = {
	"Table", "Tableau", "Cuadro",
	"\xd0\xa2\xd0\xb0\xd0\xb1\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb0",	/* Таблица */
	NULL
};

static int
is_caption(const struct lsn_line *l)
{
	if (l->type != LSN_LINE_PARA || l->used || l->label != NULL ||
	    l->len == 0 || l->len > LSN_CAPTION_BYTES)
		return 0;
	if (l->style != NULL && !has_word(l->style, "table") &&
	    (has_word(l->style, "caption") ||
	    (strncasecmp(l->style, "figure", 6) == 0 &&
	    has_word(l->style, "title"))))
		return 1;
	return caption_text(l->text, figure_words);
}

int
lsn_caption_line(const struct lsn_line *l)
{
	return l->type == LSN_LINE_PARA && l->len > 0 &&
	    l->len <= LSN_CAPTION_BYTES && (caption_text(l->text,
	    figure_words) || caption_text(l->text, table_words));
}

/* A figure with its caption line (or NULL) and alt text. */
static void
emit_figure(struct lsn_rctx *r, lsn_node *parent, const struct lsn_line *fig,
    struct lsn_line *caption)
{
	lsn_node	 *f = lsn_el_n(&r->b, parent, LSN_N_FIGURE);

	if (caption != NULL) {
		lsn_inline(&r->b, lsn_el_n(&r->b, f, LSN_N_CAPTION), caption, 0,
		    caption->len);
		caption->used = 1;
	}
	if (fig->len > 0)
		lsn_el_text(&r->b, f, "alt", fig->text);
}

/*
 * Emits the figure at v[i] (or, when v[i] is a caption, the figure
 * after it) with its caption: the paragraph after it, else the one
 * before. Returns the lines taken, 0 when v[i] is neither.
 */
static size_t
figure_at(struct lsn_rctx *r, lsn_node *parent, struct lsn_line *v,
    size_t i, size_t n)
{
	size_t	 j;

	if (v[i].type == LSN_LINE_FIGURE) {
		for (j = i + 1; j < n && v[j].type == LSN_LINE_BLANK; j++)
			;
		if (j < n && is_caption(&v[j])) {
			emit_figure(r, parent, &v[i], &v[j]);
			return j + 1 - i;
		}
		emit_figure(r, parent, &v[i], NULL);
		return 1;
	}
	if (!is_caption(&v[i]))
		return 0;
	for (j = i + 1; j < n && v[j].type == LSN_LINE_BLANK; j++)
		;
	if (j >= n || v[j].type != LSN_LINE_FIGURE)
		return 0;
	/* the caption after the figure is its own, if there is one */
	{
		size_t k;

		for (k = j + 1; k < n && v[k].type == LSN_LINE_BLANK; k++)
			;
		if (k < n && is_caption(&v[k]))
			return 0;
	}
	emit_figure(r, parent, &v[j], &v[i]);
	return j + 1 - i;
}

/* ------------------------------------------------------------------ */
/* Lists                                                               */

struct item {
	struct lsn_line	*line;
	size_t		 child;    /* children: v[child..child_end) */
	size_t		 child_end;
	long		 number;   /* -1: none */
	char		*label;
};

/* The items of one list while it is built; v is malloc'd, and freed by
 * lsn_blocks once the list is in the model. (In the arena, every list's
 * array and each of its outgrown copies stayed until recognition ended:
 * 8% of the peak heap on the 1.5 MB bench document.) */
struct items {
	struct item	*v;
	size_t		 n, cap;
};

/* A new zeroed item at the end (v may move), or NULL and oom. */
static struct item *
push_item(struct lsn_rctx *r, struct items *it)
{
	struct item	*v;

	if (r->a.oom)
		return NULL;
	if ((v = lsn_array_grow(it->v, &it->cap, it->n + 1, sizeof(*v),
	    16)) == NULL) {
		r->a.oom = 1;
		return NULL;
	}
	it->v = v;
	memset(&it->v[it->n], 0, sizeof(it->v[0]));
	return &it->v[it->n++];
}

/* Next line at or after i that is not skippable, or n. */
static size_t
next_line(struct lsn_line *v, size_t i, size_t n)
{
	while (i < n && skippable(&v[i]))
		i++;
	return i;
}

/*
 * Text exports flatten nesting. A bullet item that ends with ':' and is
 * followed by bullet items introduces them: those items become its
 * children, up to the next such item. Sets ilvl on the lines.
 */
static void
infer_nesting(struct lsn_line *v, size_t start, size_t n)
{
	size_t	 i, end = start;
	int	 any = 0, parent = 0;

	for (i = start; i < n; i++) {
		if (v[i].type == LSN_LINE_BLANK)
			continue;
		if (!is_item(&v[i]) || !lsn_label_is_bullet(v[i].label) ||
		    v[i].label_auto || v[i].ilvl >= 0)
			break;
		end = i + 1;
	}
	for (i = start; i + 1 < end; i++)
		if (is_item(&v[i]) &&
		    lsn_last_char(v[i].text, v[i].len) == ':' &&
		    is_item(&v[next_line(v, i + 1, end)]))
			any = 1;
	if (!any)
		return;
	for (i = start; i < end; i++) {
		if (!is_item(&v[i]))
			continue;
		if (lsn_last_char(v[i].text, v[i].len) == ':' &&
		    next_line(v, i + 1, end) < end) {
			v[i].ilvl = 0;
			parent = 1;
		} else
			v[i].ilvl = parent ? 1 : 0;
	}
}

/*
 * Splits item it->v[k] where the export glued the items numbered
 * from..to-1 onto its end ("...sources?9)\tHow can..."), as the next
 * item's number `to` proves. Returns the number of items inserted.
 */
static size_t
split_glued(struct lsn_rctx *r, struct items *it, size_t k, long from,
    long to, char delim)
{
	size_t	 inserted = 0;
	long	 m;

	for (m = from; m < to; m++) {
		struct item	*cur = &it->v[k + inserted], *nw;
		struct lsn_line	*l = cur->line, *tail;
		char		 lab[24];
		size_t		 lablen, i, found = 0;

		snprintf(lab, sizeof(lab), "%ld%c", m, delim);
		lablen = strlen(lab);
		for (i = 1; i + lablen < l->len; i++) {
			char before = l->text[i - 1];
			if (memcmp(l->text + i, lab, lablen) != 0 ||
			    l->text[i + lablen] != ' ')
				continue;
			/* Glued after a sentence end, with or without space. */
			if (strchr(".?!;:", before) != NULL ||
			    (before == ' ' && i >= 2 &&
			    strchr(".?!;:", l->text[i - 2]) != NULL)) {
				found = i;
				break;
			}
		}
		if (found == 0)
			break;
		if ((tail = lsn_arena_alloc(&r->a, sizeof(*tail))) == NULL)
			return inserted;
		*tail = *l;
		tail->label = lsn_arena_strndup(&r->a, lab, lablen);
		if (l->nmarks > 0) {
			size_t j, w = 0;

			tail->marks = lsn_arena_alloc(&r->a,
			    l->nmarks * sizeof(*tail->marks));
			if (tail->marks == NULL)
				return inserted;
			/* Marks from the cut on go with the tail. */
			for (j = 0; j < l->nmarks; j++)
				if (l->marks[j].start >= found)
					tail->marks[w++] = l->marks[j];
			tail->nmarks = w;
		}
		lsn_line_cut_front(tail, found + lablen);
		/* The head keeps the text before the glued label. */
		{
			struct lsn_line *head = lsn_arena_alloc(&r->a,
			    sizeof(*head));
			size_t e = found, j, w = 0;

			if (head == NULL)
				return inserted;
			*head = *l;
			while (e > 0 && head->text[e - 1] == ' ')
				e--;
			head->text = lsn_arena_strndup(&r->a, l->text, e);
			head->len = e;
			if (l->nmarks > 0) {
				head->marks = lsn_arena_alloc(&r->a,
				    l->nmarks * sizeof(*head->marks));
				if (head->marks == NULL)
					return inserted;
				for (j = 0; j < l->nmarks; j++)
					if (l->marks[j].start < found) {
						head->marks[w] = l->marks[j];
						if (head->marks[w].end > e)
							head->marks[w].end = e;
						w++;
					}
				head->nmarks = w;
			}
			cur->line = head;
		}
		if (push_item(r, it) == NULL)
			return inserted;
		cur = &it->v[k + inserted];
		memmove(&it->v[k + inserted + 2], &it->v[k + inserted + 1],
		    (it->n - (k + inserted + 2)) * sizeof(it->v[0]));
		nw = &it->v[k + inserted + 1];
		memset(nw, 0, sizeof(*nw));
		nw->line = tail;
		nw->number = m;
		nw->label = tail->label;
		/* Continuation lines follow the last part. */
		nw->child = cur->child;
		nw->child_end = cur->child_end;
		cur->child = cur->child_end = 0;
		inserted++;
	}
	return inserted;
}

/*
 * Numbers the items as a reader sees them: a run where every item says
 * "1." (an auto-numbered list exported as text) counts up; glued items
 * are split out when the next item's number proves them.
 */
static void
fix_numbers(struct lsn_rctx *r, struct items *it, struct family fam)
{
	size_t	 k;
	int	 all_same = it->n >= 2;
	char	 lab[24];

	if (fam.bullet) {
		for (k = 0; k < it->n; k++)
			it->v[k].number = -1;
		return;
	}
	for (k = 0; k < it->n; k++) {
		struct lsn_number num;

		lsn_number_parse(it->v[k].line->label, &num);
		it->v[k].number = item_value(it->v[k].line, fam.as_roman);
		it->v[k].label = it->v[k].line->label;
		if (k > 0 && (strcmp(it->v[k].label, it->v[0].label) != 0 ||
		    it->v[k].line->label_auto))
			all_same = 0;
	}
	if (all_same && fam.depth == 1 && !fam.letter && !fam.roman) {
		long first = it->v[0].number;

		for (k = 0; k < it->n; k++) {
			it->v[k].number = first + (long)k;
			if (fam.paren)
				snprintf(lab, sizeof(lab), "(%ld)",
				    it->v[k].number);
			else
				snprintf(lab, sizeof(lab), "%ld%c",
				    it->v[k].number, fam.delim);
			it->v[k].label = lsn_arena_strndup(&r->a, lab,
			    strlen(lab));
		}
		return;
	}
	if (fam.depth == 1 && !fam.letter && !fam.roman && !fam.paren &&
	    fam.delim != 0)
		for (k = 0; k + 1 < it->n; k++)
			if (it->v[k + 1].number > it->v[k].number + 1 &&
			    it->v[k + 1].number - it->v[k].number <
			    LSN_GLUED_GAP)
				k += split_glued(r, it, k, it->v[k].number + 1,
				    it->v[k + 1].number, fam.delim);
}

/*
 * Collects the list starting at v[start] (an item). Returns the index
 * after it. Between items of the same level come continuation lines
 * (paragraphs, deeper items), kept as the item's children.
 */
static size_t
collect_list(struct lsn_rctx *r, struct lsn_line *v, size_t start, size_t n,
    struct items *it, struct family *famp)
{
	struct lsn_number	 num;
	struct family		 fam = family_of(&v[start], &num);
	int			 base = level_of(&v[start]);
	int			 numbers_repeat = 1;
	size_t			 k = start, last_end = start, conts = 0;
	size_t			 items_with_one = 0;
	struct item		*cur = NULL;

	/* the item after the first at its level, for i., ii. or h., i. */
	for (k = start + 1; k < n; k++)
		if (is_item(&v[k]) && level_of(&v[k]) <= base)
			break;
	fam.as_roman = reads_roman(&v[start], k < n &&
	    level_of(&v[k]) == base ? &v[k] : NULL);
	k = start;

	while (k < n) {
		struct lsn_line	*l = &v[k];
		size_t		 nx;

		if (skippable(l)) {
			k++;
			continue;
		}
		if (is_item(l) && level_of(l) == base) {
			struct lsn_number m;
			struct family f = family_of(l, &m);

			if (!same_family(f, fam))
				break;
			/*
			 * Numbering that starts again (1, 2, 3, then 1) is a new
			 * list, as a reader sees it; a run of identical labels
			 * ("1." on every item of a text export) is not.
			 * Alike bullets stay one list whatever numbering
			 * instances they use (LibreOffice gives each paragraph
			 * its own).
			 */
			if (cur != NULL && !fam.bullet &&
			    strcmp(l->label, cur->line->label) != 0 &&
			    item_value(l, fam.as_roman) <=
			    item_value(cur->line, fam.as_roman))
				break;
			if (cur != NULL && !fam.bullet &&
			    strcmp(l->label, cur->line->label) != 0)
				numbers_repeat = 0;
			if (cur != NULL) {
				cur->child_end = k;
				if (conts == 1)
					items_with_one++;
			}
			if ((cur = push_item(r, it)) == NULL)
				return n;
			cur->line = l;
			cur->child = cur->child_end = k + 1;
			conts = 0;
			last_end = ++k;
			continue;
		}
		if (is_item(l) && level_of(l) > base) {
			/* A nested item: a child of the current item. */
			k++;
			last_end = k;
			continue;
		}
		if (is_item(l) || l->type == LSN_LINE_TABLE || l->outline > 0)
			break;
		/*
		 * A plain paragraph between items continues the current item
		 * when the same list goes on after it: its numbers go on, or
		 * (text exports) every item says "1." and the paragraph does
		 * not introduce a new list with a colon.
		 */
		nx = next_line(v, k + 1, n);
		/* DOCX: the same numbering instance goes on after it. */
		if (nx < n && is_item(&v[nx]) && v[nx].label_auto &&
		    v[nx].num_id > 0 && v[nx].num_id == v[start].num_id &&
		    level_of(&v[nx]) <= base) {
			conts++;
			k++;
			last_end = k;
			continue;
		}
		if (nx < n && is_item(&v[nx]) && level_of(&v[nx]) == base &&
		    !fam.bullet && lsn_last_char(l->text, l->len) != ':') {
			struct lsn_number m;
			struct family f = family_of(&v[nx], &m);

			if (same_family(f, fam) &&
			    ((numbers_repeat && strcmp(v[nx].label,
			    cur->line->label) == 0) ||
			    item_value(&v[nx], fam.as_roman) ==
			    item_value(cur->line, fam.as_roman) + 1)) {
				conts++;
				k++;
				last_end = k;
				continue;
			}
		}
		/*
		 * After the last item: when every earlier item had exactly
		 * one continuation paragraph, the last one has one too.
		 */
		if (it->n >= 2 && conts == 0 && items_with_one == it->n - 1) {
			k++;
			last_end = k;
		}
		break;
	}
	if (cur != NULL)
		cur->child_end = last_end;
	*famp = fam;
	return last_end;
}

static void
emit_list(struct lsn_rctx *r, lsn_node *parent, struct lsn_line *v,
    struct items *it, struct family fam)
{
	lsn_node	 *list = lsn_el_n(&r->b, parent, LSN_N_LIST), *item,
	    *text;
	size_t		 k;

	lsn_attr_n(&r->b, list, LSN_N_ORDERED, fam.bullet ? "false" : "true");
	for (k = 0; k < it->n; k++) {
		struct item *e = &it->v[k];

		item = lsn_el_n(&r->b, list, LSN_N_ITEM);
		lsn_attr_n(&r->b, item, LSN_N_LABEL,
		    e->label != NULL ? e->label : e->line->label);
		if (e->number >= 0)
			lsn_attr_int(&r->b, item, "number", e->number);
		text = lsn_el_n(&r->b, item, LSN_N_TEXT);
		lsn_inline(&r->b, text, e->line, 0, e->line->len);
		if (e->child_end > e->child)
			lsn_blocks(r, item, v + e->child,
			    e->child_end - e->child);
	}
}

void
lsn_blocks(struct lsn_rctx *r, lsn_node *parent, struct lsn_line *v,
    size_t n)
{
	size_t	 i = 0, k;

	while (i < n && !r->b.oom && !r->a.oom) {
		struct lsn_line	*l = &v[i];

		if (skippable(l)) {
			i++;
			continue;
		}
		if (l->type == LSN_LINE_TABLE) {
			emit_table(r, parent, l->table);
			i++;
		} else if (l->type == LSN_LINE_EQUATION) {
			lsn_el_text(&r->b, parent, "equation", l->text);
			i++;
		} else if ((k = figure_at(r, parent, v, i, n)) > 0) {
			i += k;
		} else if (is_item(l)) {
			struct items	 it;
			struct family	 fam;

			memset(&it, 0, sizeof(it));
			memset(&fam, 0, sizeof(fam));
			infer_nesting(v, i, n);
			i = collect_list(r, v, i, n, &it, &fam);
			fix_numbers(r, &it, fam);
			emit_list(r, parent, v, &it, fam);
			free(it.v);
		} else {
			emit_paragraph(r, parent, l);
			i++;
		}
	}
}
