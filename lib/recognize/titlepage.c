/* SPDX-License-Identifier: MIT */
/*
 * titlepage.c: the title page of an ITU-T text and the heading of its
 * first page (ITU's template, Rec. A.12).
 *
 * The title page is a table: "ITU-T", the number ("Y.3507"), the sector
 * ("TELECOMMUNICATION STANDARDIZATION SECTOR OF ITU"), the edition
 * ("(12/2018)"), the series and subject line, the title, and again
 * "Recommendation ITU-T Y.3507". The page after the series list, and
 * the first page of the text, repeat "Recommendation ITU-T Y.3507" with
 * the title below it, and a part after the title ("Amendment 1",
 * "Corrigendum 2", "Annex F1"). Which heading names which kind is the
 * kinds' business (claim_heading in kinds/); this pass reads the front
 * of the document as its paragraphs, whatever wrote it, and fills meta:
 * number, edition, title, language.
 *
 * Paragraphs are read alike from every rendering: a DOCX's paragraphs
 * and its table cells' paragraphs in reading order; a text export's
 * lines joined until a blank line (pandoc wraps, LibreOffice writes a
 * cell a line); pandoc's grid tables ("+---+" and "| cell |" lines)
 * cell by cell. Hyphens and spaces that differ between writers ("ITU‑T"
 * with a no-break hyphen) are made plain first.
 *
 * Where the front matter goes: the title page's table and the series
 * list that follows it stay in <body> where they stood (the schema has
 * no element for front matter, and no word may be lost); only meta and
 * the kind are taken from them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "recognize/dates.h"
#include "recognize/kinds/kinds.h"
#include "recognize/meta.h"
#include "recognize/titlepage.h"
#include "recognize/tuning.h"
#include "util/buf.h"
#include "util/text.h"

/* One paragraph of the front, its spaces and hyphens made plain. */
struct piece {
	char	*s;
	size_t	 n;
};

struct front {
	struct lsn_rctx	*r;
	struct piece	*v;
	size_t		 n, cap;
	struct lsn_buf	 para;		/* a text export's joined lines */
	const struct lsn_line *last;	/* the last line joined to para */
	/* a pandoc grid row: each column's text, paragraphs split by
	 * '\n' */
	struct lsn_buf	 col[LSN_TITLEPAGE_GRID_COLUMNS];
	size_t		 ncol;
	int		 full;
};

/* Appends s[0..n) as a piece, plain: no-break and zero-width spaces,
 * soft and no-break hyphens as a reader sees them. */
static void
add_piece(struct front *f, const char *s, size_t n)
{
	struct piece	*v;
	char		*o;
	size_t		 i, k = 0;

	if (f->n >= LSN_TITLEPAGE_PIECES) {
		f->full = 1;
		return;
	}
	if ((o = lsn_arena_take(&f->r->a, n + 1, 1)) == NULL) {
		f->full = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (i + 1 < n && (unsigned char)c == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0) {
			c = ' ';
			i++;
		} else if (i + 1 < n && (unsigned char)c == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xad) {
			i++;
			continue;
		} else if (i + 2 < n && (unsigned char)c == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			if (d == 0x90 || d == 0x91) {		/* ‐ ‑ */
				c = '-';
				i += 2;
			} else if (d == 0x8b) {			/* ZWSP */
				i += 2;
				continue;
			} else if (d >= 0x80 && d <= 0x8a) {	/* spaces */
				c = ' ';
				i += 2;
			}
		} else if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (c == ' ' && (k == 0 || o[k - 1] == ' '))
			continue;
		o[k++] = c;
	}
	while (k > 0 && o[k - 1] == ' ')
		k--;
	o[k] = '\0';
	if (k == 0)
		return;
	if ((v = lsn_arena_grow(&f->r->a, f->v, &f->cap, f->n + 1,
	    sizeof(*f->v))) == NULL) {
		f->full = 1;	/* out of memory: the arena says so */
		return;
	}
	f->v = v;
	f->v[f->n].s = o;
	f->v[f->n++].n = k;
}

/* The joined lines of a text export so far become a piece. */
static void
end_para(struct front *f)
{
	if (f->para.len > 0)
		add_piece(f, f->para.data, f->para.len);
	lsn_buf_reset(&f->para);
	f->last = NULL;
}

/* Characters of s[0..n) (UTF-8 lead bytes). */
static size_t
chars(const char *s, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/*
 * Does text line b continue the paragraph line a ends? When a was cut
 * by a wrapping exporter (pandoc at 72 characters): the next word did
 * not fit, and a is no longer than such lines are; or when b starts
 * with a lower-case letter (a line break inside a sentence, as
 * LibreOffice writes Word's). A line of its own is neither: exports
 * that write a paragraph a line ("Rules of procedure" then "The
 * assembly adopts ...") join nothing.
 */
static int
continues(const struct lsn_line *a, const struct lsn_line *b)
{
	size_t	 ca = chars(a->text, a->len), word;
	int32_t	 cp;

	word = strcspn(b->text, " ");
	if (ca <= LSN_TITLEPAGE_WRAP_MAX && ca + 1 + chars(b->text, word) >
	    LSN_TITLEPAGE_WRAP_MIN)
		return 1;
	return lsn_utf8_decode(b->text, b->len, &cp) > 0 &&
	    lsn_is_alnum(cp) && !lsn_is_upper(cp) && !(cp >= '0' && cp <= '9');
}

/* A pandoc grid row ends: each column's paragraphs become pieces, left
 * to right, as the cells of a DOCX row. */
static void
end_row(struct front *f)
{
	size_t		 c;
	const char	*s, *nl;

	for (c = 0; c < f->ncol; c++) {
		for (s = lsn_buf_str(&f->col[c]); *s != '\0'; s = nl + 1) {
			if ((nl = strchr(s, '\n')) == NULL)
				nl = s + strlen(s);
			add_piece(f, s, (size_t)(nl - s));
			if (*nl == '\0')
				break;
		}
		lsn_buf_reset(&f->col[c]);
	}
	f->ncol = 0;
}

/* "+-----+----+" or "+=====+": a border of a pandoc grid table. */
static int
grid_border(const char *s, size_t n)
{
	return n >= 2 && s[0] == '+' && strspn(s, "+-=: ") == n;
}

/* "------ -------": a rule of a pandoc simple table. */
static int
simple_rule(const char *s, size_t n)
{
	return n >= 3 && s[0] == '-' && strspn(s, "- ") == n;
}

/* "| ITU-T | Y |": a pandoc grid table's line; its cells' text goes to
 * their columns, a blank cell ends the paragraph in it. */
static void
grid_line(struct front *f, const char *s, size_t n)
{
	size_t		 c = 0, a, b;
	const char	*bar;

	for (s++, n--; n > 0 && c < LSN_TITLEPAGE_GRID_COLUMNS; c++) {
		bar = memchr(s, '|', n);
		b = bar != NULL ? (size_t)(bar - s) : n;
		lsn_trim(s, b, &a, &b);
		if (b > a) {
			if (f->col[c].len > 0 &&
			    f->col[c].data[f->col[c].len - 1] != '\n')
				lsn_buf_putc(&f->col[c], ' ');
			lsn_buf_put(&f->col[c], s + a, b - a);
		} else if (f->col[c].len > 0 &&
		    f->col[c].data[f->col[c].len - 1] != '\n')
			lsn_buf_putc(&f->col[c], '\n');
		if (bar == NULL)
			break;
		n -= (size_t)(bar - s) + 1;
		s = bar + 1;
	}
	if (c + 1 > f->ncol)
		f->ncol = c + 1 <= LSN_TITLEPAGE_GRID_COLUMNS ? c + 1 : c;
}

/* Does line l start the text's first clause ("1 Scope")? The front
 * ends there. TOC lines are used by then and never do. */
static int
first_clause(const struct lsn_rctx *r, const struct lsn_line *l)
{
	struct lsn_number	 num;
	size_t			 k;

	if (l->label != NULL)
		return lsn_number_parse(l->label, &num) && num.depth == 1 &&
		    !num.letter && !num.roman && num.part[0] >= 1 &&
		    num.part[0] <= LSN_HEADING_FIRST_MAX &&
		    (!r->docx || l->outline == 1);
	if ((k = lsn_number_prefix(l->text, l->len, &num)) == 0 ||
	    num.depth != 1 || num.part[0] < 1 ||
	    num.part[0] > LSN_HEADING_FIRST_MAX || num.letter || num.roman)
		return 0;
	return (!r->docx || l->outline == 1) &&
	    lsn_title_like(l->text + k, l->len - k, LSN_TITLE_WORDS_NUMBERED);
}

/* Reads the paragraphs of lines v[0..n) into f; returns 1 at the first
 * clause (nothing after it is front matter). */
static int
read_front(struct front *f, struct lsn_line *v, size_t n, int top)
{
	size_t	 i, row, cell;

	for (i = 0; i < n && !f->full && !f->r->a.oom; i++) {
		struct lsn_line *l = &v[i];

		if (l->used)
			continue;
		if (l->type == LSN_LINE_TABLE) {
			end_para(f);
			for (row = 0; row < l->table->n; row++)
				for (cell = 0; cell < l->table->rows[row].n;
				    cell++)
					if (read_front(f, l->table->rows[row].
					    cells[cell].lines.v, l->table->
					    rows[row].cells[cell].lines.n, 0))
						return 1;
			continue;
		}
		/* A list item is no part of a title page or heading:
		 * "– Recommendation ITU-T X.1252" in a list of them. */
		if (l->type != LSN_LINE_PARA || l->len == 0 ||
		    (l->label != NULL && !(top && first_clause(f->r, l)))) {
			end_para(f);
			continue;
		}
		if (top && first_clause(f->r, l)) {
			end_para(f);
			end_row(f);
			return 1;
		}
		if (f->r->docx) {
			add_piece(f, l->text, l->len);
			continue;
		}
		if (grid_border(l->text, l->len)) {
			end_para(f);
			end_row(f);
		} else if (l->text[0] == '|' && l->len > 1 &&
		    l->text[l->len - 1] == '|') {
			end_para(f);
			grid_line(f, l->text, l->len);
		} else if (simple_rule(l->text, l->len))
			end_para(f);
		else {
			/* Lines are joined as a wrapping exporter cut them. */
			end_row(f);
			if (f->last != NULL && !continues(f->last, l))
				end_para(f);
			if (f->para.len > 0)
				lsn_buf_putc(&f->para, ' ');
			lsn_buf_put(&f->para, l->text, l->len);
			f->last = l;
		}
	}
	if (top) {
		end_para(f);
		end_row(f);
	}
	return 0;
}

/* The edition a title page piece gives: a "(MM/YYYY)" in it, or the
 * piece "(27 October 2017)" (an implementers' guide's date) as
 * "10/2017", into ed (LSN_KIND_NUMBER_SIZE bytes). 1 when found. */
static int
edition(const struct piece *p, char *ed)
{
	const char	*s = p->s, *q;
	char		 iso[LSN_DATE_ISO_SIZE];
	size_t		 matched;

	for (q = s; (q = strchr(q, '(')) != NULL; q++)
		if ((q == s || q[-1] == ' ') &&
		    strspn(q + 1, "0123456789") == 2 && q[3] == '/' &&
		    strspn(q + 4, "0123456789") == 4 && q[8] == ')' &&
		    (q[9] == '\0' || q[9] == ' ') &&
		    ((q[1] == '0' && q[2] >= '1') ||
		    (q[1] == '1' && q[2] <= '2'))) {
			memcpy(ed, q + 1, 7);
			ed[7] = '\0';
			return 1;
		}
	if (p->n > 2 && s[0] == '(' && s[p->n - 1] == ')' &&
	    lsn_parse_date(s + 1, p->n - 2, iso, &matched) == 1 &&
	    matched == p->n - 2 && strlen(iso) == 10) {
		memcpy(ed, iso + 5, 2);
		ed[2] = '/';
		memcpy(ed + 3, iso, 4);
		ed[7] = '\0';
		return 1;
	}
	return 0;
}

/* The headings of a Recommendation's first pages, never its title when
 * they follow "Recommendation ITU-T X.999" (a draft with no title yet):
 * the TOC's, the summary's, the keywords', in ITU's languages. */
static const char *const not_titles[] = {
	"Contents", "Table of contents", "Table des mati\xc3\xa8res",
	"Sommaire", "\xc3\x8dndice", "Contenido",
	"\xd0\xa1\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd"
	"\xd0\xb8\xd0\xb5",					/* Содержание */
	"Summary", "R\xc3\xa9sum\xc3\xa9", "Resumen",
	"\xd0\xa0\xd0\xb5\xd0\xb7\xd1\x8e\xd0\xbc\xd0\xb5",	/* Резюме */
	"Keywords", "Mots cl\xc3\xa9s", "Palabras clave",
	"\xd0\x9a\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb5\xd0\xb2\xd1\x8b\xd0\xb5 "
	"\xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0",		/* Ключевые слова */
	"Introduction", "Introducci\xc3\xb3n", "Scope", "History",
	"Historique", "Foreword", "Avant-propos", "Pr\xc3\xb3logo",
	NULL
};

/* A title's first letter is no lower-case one, and it has some: the
 * series list's "ITU-T Y-SERIES RECOMMENDATIONS" and "CAUTION !" are
 * no titles, nor is a sentence. A template's "<title>" is none either. */
static int
title_like(const char *s, size_t n)
{
	int32_t	 cp;
	size_t	 i, k;
	int	 lower = 0;

	if (n == 0 || n > LSN_TITLEPAGE_TITLE_BYTES || s[0] == '<')
		return 0;
	for (i = 0; not_titles[i] != NULL; i++)
		if (lsn_equals_ci(s, n, not_titles[i]))
			return 0;
	for (i = 0; i < n; i += k) {
		if ((k = lsn_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if (i == 0 && !lsn_is_alnum(cp))
			return 0;	/* "[logo_E]", a figure's mark */
		if (lsn_is_alnum(cp) && !lsn_is_upper(cp) &&
		    !(cp >= '0' && cp <= '9')) {
			if (i == 0)
				return 0;
			lower = 1;
		}
	}
	return lower;
}

/* Where in title t (n bytes) a part starts ("... terminals Amendment
 * 1"): its offset, the part into part; n when none. */
static size_t
part_in(const char *t, size_t n, char *part, size_t cap)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (t[i - 1] == ' ' &&
		    lsn_kind_rec_part(t + i, n - i, part, cap) != 0)
			return i - 1;
	return n;
}

/* What may stand before a heading in its paragraph: a covering note's
 * "Subject:", the ISO twin's "INTERNATIONAL STANDARD ISO/IEC 9594-1" of
 * a common text (the two headings one paragraph in a text export). */
static const char *const subject_words[] = {
	"Subject:", "Objet:", "Asunto:", "\xd0\xa2\xd0\xb5\xd0\xbc\xd0\xb0:",
	NULL
};
static const char *const twin_words[] = {
	"INTERNATIONAL STANDARD ISO/IEC", "NORME INTERNATIONALE ISO/CEI",
	"NORMA INTERNACIONAL ISO/CEI", NULL
};

/* The kind whose heading piece p is, h filled with its offsets in the
 * piece, or NULL. */
static const struct lsn_kind *
heading(const struct piece *p, struct lsn_heading *h)
{
	const struct lsn_kind	*k;
	size_t			 at;

	if ((k = lsn_kind_of_heading(p->s, p->n, h)) != NULL)
		return k;
	if ((at = lsn_kind_word(p->s, p->n, subject_words, NULL)) == 0 &&
	    (at = lsn_kind_word(p->s, p->n, twin_words, NULL)) != 0)
		/* "9594-1" */
		while (at < p->n && p->s[at] != ' ')
			at++;
	while (at < p->n && p->s[at] == ' ')
		at++;
	if (at == 0 || at == p->n ||
	    (k = lsn_kind_of_heading(p->s + at, p->n - at, h)) == NULL)
		return NULL;
	h->taken += at;
	if (h->title_len > 0)
		h->title_len += at;
	return k;
}

/* A date of a History row: "2016-10-28", "07-04-2017" (French),
 * "07.04.2017" (Russian). */
static int
history_date(const char *t, size_t n)
{
	return n == 10 && strspn(t, "0123456789-.") == 10 &&
	    ((t[4] == '-' && t[7] == '-') ||
	    ((t[2] == '-' || t[2] == '.') && t[5] == t[2]));
}

/*
 * The group that approved the text's latest edition, from the History
 * table after the summary (ITU's template: Edition, Recommendation,
 * Approval, Study Group, Unique ID): the last row naming "ITU-T
 * <number>" then, a few words on ("(2009) Cor. 1"), its approval date
 * and the group ("TSAG", "17", "2-я"). Read as words over the
 * paragraphs v[0..n), whatever cut them into cells or lines. Writes
 * "SG17" or "TSAG" into group (LSN_KIND_NUMBER_SIZE bytes); 1 if found.
 */
static int
history_group(struct lsn_rctx *r, const struct piece *v, size_t n,
    const char *number, char *group)
{
	struct word {
		const char	*s;
		size_t		 n;
	}		*w = NULL;
	size_t		 base = strcspn(number, " "), nw = 0, cap = 0, i, d,
			 p, k;
	const char	*s, *e;
	char		 num[LSN_KIND_NUMBER_SIZE];
	int		 found = 0;

	if (base == 0 || strchr(number, '.') == NULL)
		return 0;
	for (p = 0; p < n; p++)
		for (s = v[p].s; *s != '\0'; s = e) {
			while (*s == ' ')
				s++;
			if (*s == '\0')
				break;
			e = s + strcspn(s, " ");
			if ((w = lsn_arena_grow(&r->a, w, &cap, nw + 1,
			    sizeof(*w))) == NULL)
				return 0;
			w[nw].s = s;
			w[nw++].n = (size_t)(e - s);
		}
	for (i = 0; i + 3 < nw; i++) {
		/* "МСЭ-Т Е.119": the number read as the heading's was */
		if (lsn_kind_word(w[i].s, w[i].n, lsn_kind_itut, NULL) !=
		    w[i].n || lsn_kind_rec_number(w[i + 1].s, w[i + 1].n, num,
		    sizeof(num)) != w[i + 1].n || strlen(num) != base ||
		    memcmp(num, number, base) != 0)
			continue;
		for (d = i + 2; d + 1 < nw && d < i + LSN_TITLEPAGE_ROW_WORDS &&
		    !history_date(w[d].s, w[d].n); d++)
			;
		if (d + 1 >= nw || !history_date(w[d].s, w[d].n))
			continue;
		/* "г." after a Russian date */
		if (d + 2 < nw && w[d + 1].n == 3 &&
		    memcmp(w[d + 1].s, "\xd0\xb3.", 3) == 0)
			d++;
		k = strspn(w[d + 1].s, "0123456789");
		if (w[d + 1].n == 4 && memcmp(w[d + 1].s, "TSAG", 4) == 0)
			found = snprintf(group, LSN_KIND_NUMBER_SIZE, "TSAG") > 0;
		else if (k >= 1 && k <= 2 && (k == w[d + 1].n ||
		    w[d + 1].s[k] == '-'))
			found = snprintf(group, LSN_KIND_NUMBER_SIZE, "SG%.*s",
			    (int)k, w[d + 1].s) > 0;
	}
	return found;
}

/* Appends " " and part to number (LSN_KIND_NUMBER_SIZE bytes). */
static void
add_part(char *number, const char *part)
{
	size_t	 n = strlen(number);

	if (n > 0 && n + 1 + strlen(part) < LSN_KIND_NUMBER_SIZE) {
		number[n] = ' ';
		strcpy(number + n + 1, part);
	}
}

const struct lsn_kind *
lsn_titlepage(struct lsn_rctx *r, struct lsn_lines *body)
{
	struct front		 f;
	struct lsn_heading	 h, first, next;
	const struct lsn_kind	*kind = NULL, *k;
	const char		*title = NULL, *ct;
	char			 ed[LSN_KIND_NUMBER_SIZE] = "",
				 part[LSN_KIND_NUMBER_SIZE];
	size_t			 i, tp, tn = 0, cut, c;
	int			 part_cut = 0;

	/* An LS's cover says what it is, whatever it carries. */
	if (lsn_meta_count(r, LSN_META_FOR_ACTION) > 0 ||
	    lsn_meta_count(r, LSN_META_FOR_INFORMATION) > 0 ||
	    lsn_meta_count(r, LSN_META_FOR_COMMENT) > 0)
		return NULL;
	memset(&f, 0, sizeof(f));
	f.r = r;
	read_front(&f, body->v, body->n, 1);
	lsn_buf_free(&f.para);
	for (c = 0; c < LSN_TITLEPAGE_GRID_COLUMNS; c++)
		lsn_buf_free(&f.col[c]);

	memset(&first, 0, sizeof(first));
	for (i = 0; i < f.n; i++, title = NULL, part_cut = 0) {
		if (ed[0] == '\0')
			edition(&f.v[i], ed);
		if ((k = heading(&f.v[i], &h)) == NULL)
			continue;
		/* The title: the heading itself (an implementers' guide),
		 * the rest of its line, or the next paragraph. */
		tp = i;
		if (h.title_len > 0)
			tn = h.title_len;
		else if (h.taken < f.v[i].n) {
			title = f.v[i].s + h.taken;
			tn = f.v[i].n - h.taken;
		} else if (i + 1 < f.n && heading(&f.v[i + 1], &next) ==
		    NULL) {
			tp = i + 1;
			tn = f.v[tp].n;
		} else
			continue;
		if (title == NULL)
			title = f.v[tp].s;
		if (title[0] != '<' && (h.title_len == 0 &&
		    !title_like(title, tn)))
			continue;
		if (h.parts) {
			/* A part after the title: on its line (joined
			 * lines) or starting the next paragraph. */
			if ((cut = part_in(title, tn, part, sizeof(part))) <
			    tn) {
				add_part(h.number, part);
				part_cut = 1;
				tn = cut;
			} else if (tp + 1 < f.n && lsn_kind_rec_part(
			    f.v[tp + 1].s, f.v[tp + 1].n, part,
			    sizeof(part)) != 0) {
				add_part(h.number, part);
				part_cut = 1;
			}
		}
		/* Only a heading with its title counts: "Recommendation
		 * ITU-T X.1" alone may be a line of any text. */
		kind = k;
		first = h;
		break;
	}
	/* A heading with no title after it counts as the document's first
	 * paragraph only: it names the text as a ToR's or Question's first
	 * line does ("Draft new Recommendation ITU-T X.999", then its
	 * TOC). */
	if (kind == NULL && f.n > 0 &&
	    (kind = heading(&f.v[0], &first)) != NULL)
		i = 0;
	/* A cover that took the heading as its title (a covering note's
	 * "Subject: Erratum (03/2017) to Recommendation ITU-T T.832 ...")
	 * still names the text; the title stays the cover's. */
	if (kind == NULL && (ct = lsn_meta_get(r, LSN_META_TITLE)) != NULL &&
	    (kind = lsn_kind_of_heading(ct, strlen(ct), &first)) != NULL)
		i = f.n;
	if (kind == NULL)
		return NULL;
	if (title != NULL && title[0] != '<') {
		/* A title after its heading cut by a line break (an export
		 * writes Word's as a new line) is the start of the title
		 * page's own, which holds it whole: that one. Not a title
		 * that is the heading (an implementers' guide) or that a
		 * part ("Annex F1") was cut from. */
		for (c = 0; first.title_len == 0 && !part_cut && c < f.n; c++)
			if (f.v[c].n > tn + 1 && f.v[c].s[tn] == ' ' &&
			    memcmp(f.v[c].s, title, tn) == 0) {
				title = f.v[c].s;
				for (tn = f.v[c].n; tn > 0 && title[tn - 1] == ' ';)
					tn--;
				break;
			}
		lsn_meta_set(r, LSN_META_TITLE, title, tn);
	}
	lsn_meta_set(r, LSN_META_NUMBER, first.number, strlen(first.number));
	if (first.edition[0] != '\0')
		lsn_meta_set(r, LSN_META_EDITION, first.edition,
		    strlen(first.edition));
	else
		lsn_meta_set(r, LSN_META_EDITION, ed, strlen(ed));
	if (first.language != NULL)
		lsn_meta_set(r, LSN_META_LANGUAGE, first.language,
		    strlen(first.language));
	if (i < f.n && history_group(r, f.v + i, f.n - i, first.number, part))
		lsn_meta_set(r, LSN_META_GROUP, part, strlen(part));
	return kind;
}
