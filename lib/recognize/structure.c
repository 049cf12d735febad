/* SPDX-License-Identifier: MIT */
/*
 * structure.c: the document's skeleton: annexes, numbered and
 * unnumbered headings, and the section tree with its blocks.
 *
 * Headings come from styles when the reader knows them (DOCX outline
 * levels), at the depth their number gives when it fits. In text, a
 * numbered heading is a short title-like line whose number fits the
 * numbering so far (2 after 1, 3.1 inside 3); a line that only looks
 * like a heading but breaks that sequence is a list item. The number
 * right after the last one vouches for a longer title, and a first
 * subclause below it for any. A table of contents that agrees with the
 * text decides at the depths it lists. An unnumbered heading is an
 * isolated short line, looked for only in a part of the document that
 * has no numbered headings at all, and not in an annex or appendix of a
 * document with a TOC (its headings are those the TOC names).
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/kinds/kinds.h"
#include "recognize/meta.h"
#include "recognize/toc.h"
#include "recognize/tuning.h"
#include "util/text.h"

struct heading {
	size_t		 line;
	int		 level;
	char		 number[48];  /* "" when unnumbered */
	const char	*role;        /* a Resolution's part, or NULL */
	size_t		 cut;         /* bytes of typed number to drop */
};

struct headings {
	struct heading	*v;
	size_t		 n, cap;
};

static int
usable(const struct lsn_line *l)
{
	return !l->used && l->type != LSN_LINE_BLANK && !lsn_is_rule(l);
}

static size_t
next_usable(struct lsn_line *v, size_t i, size_t n)
{
	while (i < n && !usable(&v[i]))
		i++;
	return i;
}

/* ------------------------------------------------------------------ */
/* Parts: annexes and appendices                                       */

enum part { PART_NONE = 0, PART_ANNEX, PART_APPENDIX };

/*
 * The words that open a part, in ITU's six languages, compared
 * case-insensitively (ASCII letters) after the capitals of the others
 * are listed. An appendix is ITU's informative part ("Appendix I"), an
 * annex its normative one ("Annex A").
 */
static const struct {
	const char	*word;
	enum part	 part;
} part_words[] = {
	{ "annex", PART_ANNEX }, { "annexe", PART_ANNEX },
	{ "anexo", PART_ANNEX },
	/* Приложение, ПРИЛОЖЕНИЕ */
	{ "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5\xd0\xbd"
	  "\xd0\xb8\xd0\xb5", PART_ANNEX },
	{ "\xd0\x9f\xd0\xa0\xd0\x98\xd0\x9b\xd0\x9e\xd0\x96\xd0\x95\xd0\x9d"
	  "\xd0\x98\xd0\x95", PART_ANNEX },
	/* الملحق */
	{ "\xd8\xa7\xd9\x84\xd9\x85\xd9\x84\xd8\xad\xd9\x82", PART_ANNEX },
	/* 附件 */
	{ "\xe9\x99\x84\xe4\xbb\xb6", PART_ANNEX },
	{ "appendix", PART_APPENDIX }, { "appendice", PART_APPENDIX },
	{ "ap\xc3\xa9ndice", PART_APPENDIX }, { "AP\xc3\x89NDICE", PART_APPENDIX },
	/* Дополнение, ДОПОЛНЕНИЕ */
	{ "\xd0\x94\xd0\xbe\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd"
	  "\xd0\xb8\xd0\xb5", PART_APPENDIX },
	{ "\xd0\x94\xd0\x9e\xd0\x9f\xd0\x9e\xd0\x9b\xd0\x9d\xd0\x95\xd0\x9d"
	  "\xd0\x98\xd0\x95", PART_APPENDIX },
	/* التذييل */
	{ "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb0\xd9\x8a\xd9\x8a\xd9\x84",
	  PART_APPENDIX },
	/* 附录 */
	{ "\xe9\x99\x84\xe5\xbd\x95", PART_APPENDIX },
};

/*
 * The part word s[0..len) starts with: the bytes it takes with the
 * space after it (Chinese writes none: "附件A"), its part in *part; 0
 * for none.
 */
static size_t
part_word(const char *s, size_t len, enum part *part)
{
	size_t	 i, k;

	for (i = 0; i < sizeof(part_words) / sizeof(part_words[0]); i++) {
		/* lsn_prefix_ci's first test, before strlen */
		if (len == 0 || ((unsigned char)s[0] | 0x20) !=
		    ((unsigned char)part_words[i].word[0] | 0x20))
			continue;
		k = strlen(part_words[i].word);
		if (k >= len || lsn_prefix_ci(s, part_words[i].word) != k)
			continue;
		*part = part_words[i].part;
		if (s[k] == ' ')
			return k + 1;
		if ((unsigned char)s[0] >= 0xe0)
			return k;
	}
	return 0;
}

/*
 * A part's id at s[0..len): one capital letter (Latin, or Cyrillic in
 * Russian texts), a number, or a roman numeral, followed by no other
 * letter or digit. Its bytes, or 0.
 */
static size_t
part_id(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 n = 0;

	if (len >= 2 && u[0] == 0xd0 && u[1] >= 0x90 && u[1] <= 0xaf)
		n = 2;    /* А-Я */
	else {
		while (n < len && n < 8 && isalnum(u[n]))
			n++;
		if (!(n == 1 && isupper(u[0])) && strspn(s, "0123456789") < n &&
		    strspn(s, "IVXLC") < n)
			return 0;
	}
	/* "Приложение для ..." is a sentence: no letter after the id */
	if (n == 0 || (n < len && (isalnum(u[n]) || u[n] == 0xd0 ||
	    u[n] == 0xd1)))
		return 0;
	return n;
}

/*
 * Word's numbering "Annex %1" on a heading: the label says "Annex A"
 * (maybe with closing punctuation), the text is the title.
 */
static enum part
part_label(const struct lsn_line *l, char *id, size_t idsize, size_t *title)
{
	const char	*s = l->label;
	size_t		 k, n, len;
	enum part	 part;

	if (!l->label_auto || l->outline == 0)
		return PART_NONE;
	len = strlen(s);
	if ((k = part_word(s, len, &part)) == 0 ||
	    (n = part_id(s + k, len - k)) == 0 || n >= idsize ||
	    s[k + n + strspn(s + k + n, " .:")] != '\0')
		return PART_NONE;
	memcpy(id, s + k, n);
	id[n] = '\0';
	*title = 0;
	return part;
}

/* ITU's template styles of a part's heading ("Annex_NoTitle",
 * "Appendix_No & title"): what follows the id is the title, whatever
 * it reads like ("<Annex Title>" in the template). */
static int
part_style(const char *style)
{
	return style != NULL && (strncasecmp(style, "annex_no", 8) == 0 ||
	    strncasecmp(style, "appendix_no", 11) == 0);
}

/*
 * "Annex A", "ANNEX 1", "Annex B – Title", "Annex C: Title", "Appendix
 * II", "Annexe A", "Приложение А": the part it opens, its id, and the
 * offset of a title on the same line (or len when none).
 */
static enum part
part_line(const struct lsn_line *l, char *id, size_t idsize, size_t *title)
{
	size_t		 k, i, n;
	enum part	 part;

	if (l->type == LSN_LINE_PARA && l->label != NULL)
		return part_label(l, id, idsize, title);
	if (l->type != LSN_LINE_PARA || l->len > LSN_ANNEX_LINE_BYTES)
		return PART_NONE;
	if ((k = part_word(l->text, l->len, &part)) == 0 ||
	    (n = part_id(l->text + k, l->len - k)) == 0 || n >= idsize)
		return PART_NONE;
	i = k;
	memcpy(id, l->text + i, n);
	id[n] = '\0';
	i += n;
	while (i < l->len && l->text[i] == ' ')
		i++;
	if (i == l->len) {
		*title = l->len;
		return part;
	}
	if (l->text[i] == ':' || l->text[i] == '-' || l->text[i] == '.') {
		i++;
	} else if (i + 3 <= l->len &&
	    (memcmp(l->text + i, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(l->text + i, "\xe2\x80\x94", 3) == 0)) {
		i += 3;
	} else if (l->text[i] == '(' && lsn_last_char(l->text, l->len) == ')') {
		/* "Annex A (normative)": the parenthesis is part of the title */
	} else if (!part_style(l->style) && !lsn_title_like(l->text + i,
	    l->len - i, LSN_TITLE_WORDS_ANNEX)) {
		/* "Annex A contains ..." is a sentence; "Annex A Draft
		 * Terms of Reference" (a tab in the export) is a title. */
		return PART_NONE;
	}
	while (i < l->len && l->text[i] == ' ')
		i++;
	*title = i;
	return part;
}

/* A line wholly in parentheses: "(JCA-IdM)", "(Continuation of ...)". */
static int
parenthetical(const struct lsn_line *l)
{
	return l->type == LSN_LINE_PARA && l->label == NULL && l->len >= 3 &&
	    l->text[0] == '(' && lsn_last_char(l->text, l->len) == ')';
}

/* "(JCA-IdM)": one token, the group's acronym, continuing a title. */
static int
acronym_line(const struct lsn_line *l)
{
	return parenthetical(l) && memchr(l->text, ' ', l->len) == NULL &&
	    l->len < LSN_ACRONYM_BYTES;
}

/* ------------------------------------------------------------------ */
/* Headings                                                            */

/*
 * A clause number: "1", "3.1.2", "1bis", "1bis.1" (WTSA Resolutions add
 * clauses between others so), and in a part "A.1", "II.2.3" (the part's
 * id, a dot, the numbers). The numbers are in num; bis has bit k set
 * when number k carries "bis"; part is the id printed before, or NULL.
 */
struct clause {
	struct lsn_number num;
	unsigned	 bis;
	const char	*part;
};

/*
 * The clause number at s[0..len), in a part with id `part` (NULL in the
 * main text): the bytes it takes, with a "." or ")" after it; 0 for
 * none. Only digits, "bis", dots and the part's id: "a)", "(1)" and
 * "iv." are list labels.
 */
static size_t
clause_number(const char *s, size_t len, const char *part, struct clause *c)
{
	size_t	 i = 0, k;
	int	 v, digits;

	memset(c, 0, sizeof(*c));
	if (part != NULL && (k = strlen(part)) > 0 && k + 1 < len &&
	    strncmp(s, part, k) == 0 && s[k] == '.' &&
	    isdigit((unsigned char)s[k + 1])) {
		c->part = part;
		i = k + 1;
	}
	while (i < len && i < LSN_TYPED_NUMBER_BYTES && c->num.depth < 8) {
		for (v = 0, digits = 0; i < len && digits < 6 &&
		    isdigit((unsigned char)s[i]); i++, digits++)
			v = v * 10 + (s[i] - '0');
		if (digits == 0)
			return 0;
		if (i + 3 <= len && strncmp(s + i, "bis", 3) == 0) {
			c->bis |= 1u << c->num.depth;
			i += 3;
		}
		c->num.part[c->num.depth++] = v;
		if (i + 1 < len && s[i] == '.' && isdigit((unsigned char)s[i + 1]))
			i++;
		else
			break;
	}
	if (c->num.depth == 0)
		return 0;
	if (i < len && (s[i] == '.' || s[i] == ')'))
		c->num.delim = s[i++];
	if (i < len && isalnum((unsigned char)s[i]))
		return 0;
	return i;
}

/* Typed "1 Title" / "1. Title" / "3.1 Title" / "A.1 Title" at the start
 * of a line's text: the number and the bytes it takes with the space
 * after it. */
static size_t
typed_number(const struct lsn_line *l, const char *part, struct clause *c)
{
	size_t	 i;

	if ((i = clause_number(l->text, l->len, part, c)) == 0 ||
	    i >= l->len || l->text[i] != ' ')
		return 0;
	while (i < l->len && l->text[i] == ' ')
		i++;
	return i;
}

static void
number_string(const struct clause *c, char *buf, size_t size)
{
	int	 k;
	size_t	 o = 0;

	buf[0] = '\0';
	if (c->part != NULL && strlen(c->part) + 2 < size)
		o = (size_t)snprintf(buf, size, "%s.", c->part);
	for (k = 0; k < c->num.depth && o + 16 < size; k++)
		o += (size_t)snprintf(buf + o, size - o, "%s%d%s",
		    k ? "." : "", c->num.part[k],
		    c->bis & (1u << k) ? "bis" : "");
}

/* Numbering state of one container; "1bis" follows "1". */
struct numbering {
	int	 cur[8];
	unsigned bis;
	int	 depth;
};

/* 1 when number k of c comes after cur (v, or vbis when bis). */
static int
after(const struct clause *c, int k, int cur, int bis)
{
	int	 v = c->num.part[k], b = (c->bis >> k) & 1;

	return (v > cur || (v == cur && b && !bis)) &&
	    v <= cur + LSN_HEADING_STEP;
}

/* 1 when the first depth parts of numbers a and b are the same. */
static int
same_prefix(const int *a, const int *b, int depth)
{
	int	 k;

	for (k = 0; k < depth; k++)
		if (a[k] != b[k])
			return 0;
	return 1;
}

static int
fits(const struct numbering *s, const struct clause *c)
{
	int	 d = c->num.depth, k;

	if (d < 1 || d > 8)
		return 0;
	if (d == 1) {
		if (s->depth == 0)
			return c->num.part[0] >= 0 &&
			    c->num.part[0] <= LSN_HEADING_FIRST_MAX;
		return after(c, 0, s->cur[0], s->bis & 1);
	}
	if (s->depth < d - 1)
		return 0;
	if (!same_prefix(c->num.part, s->cur, d - 1))
		return 0;
	for (k = 0; k < d - 1; k++)
		if (((c->bis >> k) & 1) != ((s->bis >> k) & 1))
			return 0;
	if (s->depth >= d)
		return after(c, d - 1, s->cur[d - 1], (s->bis >> (d - 1)) & 1);
	return c->num.part[d - 1] >= 0 &&
	    c->num.part[d - 1] <= LSN_SUBHEADING_FIRST_MAX;
}

static void
advance(struct numbering *s, const struct clause *c)
{
	int	 k;

	for (k = 0; k < c->num.depth; k++)
		s->cur[k] = c->num.part[k];
	s->bis = c->bis;
	s->depth = c->num.depth;
}

/* 1 when c is the number right after s: the next at its depth ("6.2.5"
 * after "6.2.4", "7" after "6.2.4") or the first below it ("6.2.4.1"). */
static int
next_number(const struct numbering *s, const struct clause *c)
{
	int	 d = c->num.depth;

	if (d < 1 || d > s->depth + 1 || c->bis != 0 ||
	    !same_prefix(c->num.part, s->cur, d - 1))
		return 0;
	return c->num.part[d - 1] ==
	    (d == s->depth + 1 ? 1 : s->cur[d - 1] + 1);
}

/*
 * A typed number behind a stray period (".8 Title", a typo ITU's own
 * E.840 published in a Heading 1) when, without the period, it is the
 * number that comes next: the bytes it takes, as typed_number.
 */
static size_t
stray_dot_number(const struct lsn_line *l, const char *part,
    const struct numbering *st, struct clause *c)
{
	struct lsn_line	 t;
	size_t		 i;

	if (l->len < 3 || l->text[0] != '.' ||
	    !isdigit((unsigned char)l->text[1]))
		return 0;
	t = *l;
	t.text++;
	t.len--;
	if ((i = typed_number(&t, part, c)) == 0 || !fits(st, c))
		return 0;
	return i + 1;
}

int
lsn_style_unnumbered_heading(const char *style)
{
	return style != NULL && (strcasecmp(style, "headingb") == 0 ||
	    strcasecmp(style, "heading b") == 0);
}

/* A label that can be a heading number: a clause number (digits, a
 * part's "A.1"), no bullet, letter, roman numeral or parenthesis. */
static int
heading_label(const struct lsn_line *l, const char *part, struct clause *c)
{
	size_t	 n;

	return l->label != NULL && (n = clause_number(l->label,
	    strlen(l->label), part, c)) > 0 && l->label[n] == '\0';
}

/*
 * The number in a Word numbering label that is not digits alone ("I.",
 * "A.1", or with words: "SECTION 1", "Annex A:", "Article I."): its last
 * word without the delimiter after it, as printed. Returns 1 and fills
 * buf, or 0.
 */
static int
worded_number(const struct lsn_line *l, char *buf, size_t size)
{
	const char	*s = l->label, *w;
	size_t		 n, i;

	if (s == NULL || !l->label_auto || l->value < 0)
		return 0;
	n = strlen(s);
	while (n > 0 && strchr(" .:)\t", s[n - 1]) != NULL)
		n--;
	for (w = s + n; w > s && w[-1] != ' ' && w[-1] != '\t'; w--)
		;
	if (w == s + n || (size_t)(s + n - w) >= size)
		return 0;
	for (i = 0; w + i < s + n; i++)
		if (!isalnum((unsigned char)w[i]) && w[i] != '.')
			return 0;
	memcpy(buf, w, i);
	buf[i] = '\0';
	return 1;
}

/*
 * An amendment's or corrigendum's own heading ("Amendment 1", then the
 * part's title, in a title style) on the text's first page: a line of
 * its title page, not a section. (An annex published alone opens its
 * part instead.)
 */
static int
own_part_heading(const struct lsn_line *l)
{
	char	 buf[32];

	return lsn_kind_rec_part(l->text, l->len, buf, sizeof(buf)) > 0 &&
	    strncmp(buf, "Annex", 5) != 0;
}

static struct heading *
push_heading(struct lsn_rctx *r, struct headings *h)
{
	h->v = lsn_arena_grow(&r->a, h->v, &h->cap, h->n + 1, sizeof(*h->v));
	if (r->a.oom)
		return NULL;
	memset(&h->v[h->n], 0, sizeof(h->v[0]));
	return &h->v[h->n++];
}

/* 1 when s[0..len) has a letter: "3 0 135 15 180" (a table row in a
 * text export) is no clause title. */
static int
has_letter(const char *s, size_t len)
{
	size_t	 i = 0;
	int32_t	 cp;

	while (i < len) {
		i += lsn_utf8_decode(s + i, len - i, &cp);
		if (lsn_is_alnum(cp) && !(cp >= '0' && cp <= '9'))
			return 1;
	}
	return 0;
}

/*
 * The parts of a Resolution, each opened by a line of its own in lower
 * case: "considering", "resolves", "instructs the Director of TSB",
 * "invites Member States", with "further" or "also" ("considering
 * further", "further resolves"), in ITU's languages.
 */
static const struct {
	const char	*word;
	const char	*role;
} role_words[] = {
	{ "considering", "considering" },
	{ "consid\xc3\xa9rant", "considering" },
	{ "considerando", "considering" },
	{ "\xd1\x83\xd1\x87\xd0\xb8\xd1\x82\xd1\x8b\xd0\xb2\xd0\xb0\xd1\x8f",
	  "considering" },			/* учитывая */
	{ "recognizing", "recognizing" }, { "recognising", "recognizing" },
	{ "reconnaissant", "recognizing" },
	{ "reconociendo", "recognizing" },
	{ "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb7\xd0\xbd\xd0\xb0\xd0\xb2\xd0\xb0\xd1\x8f",
	  "recognizing" },			/* признавая */
	{ "noting", "noting" }, { "notant", "noting" },
	{ "observando", "noting" },
	{ "\xd0\xbe\xd1\x82\xd0\xbc\xd0\xb5\xd1\x87\xd0\xb0\xd1\x8f",
	  "noting" },				/* отмечая */
	{ "resolves", "resolves" }, { "d\xc3\xa9" "cide", "resolves" },
	{ "resuelve", "resolves" },
	{ "\xd1\x80\xd0\xb5\xd1\x88\xd0\xb0\xd0\xb5\xd1\x82",
	  "resolves" },				/* решает */
	{ "instructs", "instructs" }, { "charge", "instructs" },
	{ "encarga", "instructs" },
	{ "\xd0\xbf\xd0\xbe\xd1\x80\xd1\x83\xd1\x87\xd0\xb0\xd0\xb5\xd1\x82",
	  "instructs" },			/* поручает */
	{ "invites", "invites" }, { "invite", "invites" },
	{ "invita", "invites" },
	{ "\xd0\xbf\xd1\x80\xd0\xb5\xd0\xb4\xd0\xbb\xd0\xb0\xd0\xb3\xd0\xb0\xd0\xb5\xd1\x82",
	  "invites" },				/* предлагает */
};

/* What a part word may have before it: "further resolves". */
static const char *const role_before[] = {
	"further ", "also ", "en outre ", "adem\xc3\xa1s ",
	"\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb5 ",	/* далее */
};

/* The word after a part word that makes the line a sentence ("noting
 * that ..."): the part's items follow on lines of their own. */
static const char *const role_sentence[] = {
	"that", "que", "\xd1\x87\xd1\x82\xd0\xbe",	/* что */
};

/* The role of a line opening a Resolution's part, or NULL. */
static const char *
role_line(const struct lsn_line *l)
{
	const char	*t = l->text;
	size_t		 len = l->len, i, k, w;

	if (l->type != LSN_LINE_PARA || l->label != NULL || len == 0 ||
	    lsn_word_count(t, len) > LSN_ROLE_LINE_WORDS ||
	    strchr(".;?!", lsn_last_char(t, len)) != NULL)
		return NULL;
	for (i = 0; i < sizeof(role_before) / sizeof(role_before[0]); i++)
		if (strncmp(t, role_before[i], k = strlen(role_before[i])) == 0) {
			t += k;
			len -= k;
			break;
		}
	for (i = 0; i < sizeof(role_words) / sizeof(role_words[0]); i++) {
		k = strlen(role_words[i].word);
		if (k > len || strncmp(t, role_words[i].word, k) != 0 ||
		    (k < len && t[k] != ' ' && t[k] != ',' && t[k] != ':'))
			continue;
		while (k < len && (t[k] == ' ' || t[k] == ',' || t[k] == ':'))
			k++;
		for (w = 0; w < sizeof(role_sentence) /
		    sizeof(role_sentence[0]); w++) {
			size_t n = strlen(role_sentence[w]);

			if (k + n <= len && strncmp(t + k, role_sentence[w],
			    n) == 0 && (k + n == len || t[k + n] == ' '))
				return NULL;
		}
		return role_words[i].role;
	}
	return NULL;
}

/* 1 when v[0..n) has a Resolution's parts: at least two role lines, as
 * every Resolution has ("considering" ... "resolves"). */
static int
has_roles(struct lsn_line *v, size_t n)
{
	size_t	 i, found = 0;

	for (i = 0; i < n && found < 2; i++)
		if (usable(&v[i]) && role_line(&v[i]) != NULL)
			found++;
	return found >= 2;
}

/* The words of a WTSA Resolution's "SECTION 1" in ITU's languages. */
static const char *const section_words[] = {
	"SECTION", "Section", "SECCI\xc3\x93N", "Secci\xc3\xb3n",
	"\xd0\xa0\xd0\x90\xd0\x97\xd0\x94\xd0\x95\xd0\x9b",	/* РАЗДЕЛ */
	"\xd0\xa0\xd0\xb0\xd0\xb7\xd0\xb4\xd0\xb5\xd0\xbb",	/* Раздел */
};

/*
 * "SECTION 1", "Section 2 – Title": the heading of a group of clauses
 * (WTSA Resolutions). Its number in *no, "SECTION 1" as written in
 * word[0..*wlen), and the bytes to cut before the title (the line's
 * length when it has none); 0 for no such line.
 */
static size_t
section_line(const struct lsn_line *l, int *no, size_t *wlen)
{
	size_t	 i, k, w;

	if (l->type != LSN_LINE_PARA || l->label != NULL ||
	    !lsn_title_like(l->text, l->len, LSN_TITLE_WORDS_NUMBERED))
		return 0;
	for (w = 0; w < sizeof(section_words) / sizeof(section_words[0]); w++)
		if ((k = strlen(section_words[w])) + 1 < l->len &&
		    strncmp(l->text, section_words[w], k) == 0 &&
		    l->text[k] == ' ')
			break;
	if (w == sizeof(section_words) / sizeof(section_words[0]))
		return 0;
	for (i = ++k, *no = 0; i < l->len && i - k < 3 &&
	    isdigit((unsigned char)l->text[i]); i++)
		*no = *no * 10 + (l->text[i] - '0');
	if (i == k || (i < l->len && isalnum((unsigned char)l->text[i])))
		return 0;
	*wlen = i;
	/* the title after a dash, colon or full stop: "Section 2 of
	 * Resolution 1" is a reference */
	while (i < l->len && l->text[i] == ' ')
		i++;
	if (i == l->len)
		return i;
	if (l->text[i] == ':' || l->text[i] == '.' || l->text[i] == '-')
		i++;
	else if (i + 3 <= l->len &&
	    (memcmp(l->text + i, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(l->text + i, "\xe2\x80\x94", 3) == 0))
		i += 3;
	else
		return 0;
	while (i < l->len && l->text[i] == ' ')
		i++;
	return i;
}

/*
 * The TOC's entries of one part, their titles hashed for finding the
 * lines that repeat them: find_by_toc and toc_unnumbered walk the
 * lines once, each line looked up once, each title's entries in a chain
 * (same) that a cursor walks once, so that both stay linear.
 */
struct toc_title {
	const char	*title;
	size_t		 len;
	const char	*number;  /* NULL: an unnumbered entry */
	int		 depth;
	size_t		 same;    /* the next entry of the same title + 1 */
};

struct toc_titles {
	struct toc_title *t;
	size_t		 n, cap;
	size_t		*slot;    /* a title's first entry + 1, 0: empty */
	size_t		*cursor;  /* the entry of that title to try next + 1 */
	size_t		*nslot;   /* a number's first entry + 1, 0: empty */
	size_t		 size;    /* of the slots: a power of two */
	size_t		 maxlen;  /* of the titles chained */
};

/* The entries of the part (NULL: the main text) with a title, numbered
 * ones only when their number is a clause number of the part. Returns
 * their number; 0 also when memory ran out. */
static size_t
toc_titles_collect(struct lsn_rctx *r, const char *part,
    struct toc_titles *tt)
{
	struct clause	 c;
	lsn_node	 *e;

	memset(tt, 0, sizeof(*tt));
	if (r->toc == NULL)
		return 0;
	for (e = lsn_child_n(r->toc, LSN_N_ENTRY); e != NULL;
	    e = lsn_next_n(e, LSN_N_ENTRY)) {
		const char *num = lsn_prop_n(e, LSN_N_NUMBER);
		char *title;

		memset(&c, 0, sizeof(c));
		c.num.depth = 1;
		if (num != NULL && (clause_number(num, strlen(num), part,
		    &c) != strlen(num) || (part != NULL && c.part == NULL)))
			continue;
		if ((title = lsn_plain(r, e)) == NULL)
			return 0;
		if (title[0] == '\0')
			continue;
		tt->t = lsn_arena_grow(&r->a, tt->t, &tt->cap, tt->n + 1,
		    sizeof(*tt->t));
		if (r->a.oom)
			return 0;
		tt->t[tt->n].title = title;
		tt->t[tt->n].len = strlen(title);
		tt->t[tt->n].number = num;
		tt->t[tt->n].depth = c.num.depth;
		tt->t[tt->n].same = 0;
		tt->n++;
	}
	return tt->n;
}

/* The slot of s[0..len) in tt: its chain's, or the empty one where it
 * would go. */
static size_t
toc_titles_slot(const struct toc_titles *tt, const char *s, size_t len)
{
	size_t	 h = lsn_hash_bytes(s, len) & (tt->size - 1);

	while (tt->slot[h] != 0 && (tt->t[tt->slot[h] - 1].len != len ||
	    memcmp(tt->t[tt->slot[h] - 1].title, s, len) != 0))
		h = (h + 1) & (tt->size - 1);
	return h;
}

/* Chains the titles of tt's entries (those with skip[k] 0 only, when
 * skip is not NULL); 0, or -1 when memory ran out. */
static int
toc_titles_chain(struct lsn_rctx *r, struct toc_titles *tt,
    const unsigned char *skip)
{
	size_t	 k, h;

	if (tt->size == 0)
		for (tt->size = 16; tt->size < tt->n * 2; tt->size *= 2)
			;
	tt->slot = lsn_arena_alloc(&r->a, tt->size * sizeof(*tt->slot));
	tt->cursor = lsn_arena_alloc(&r->a, tt->size * sizeof(*tt->cursor));
	if (tt->slot == NULL || tt->cursor == NULL)
		return -1;
	memset(tt->slot, 0, tt->size * sizeof(*tt->slot));
	for (k = tt->n; k-- > 0;) {
		if (skip != NULL && skip[k])
			continue;
		h = toc_titles_slot(tt, tt->t[k].title, tt->t[k].len);
		tt->t[k].same = tt->slot[h];
		tt->slot[h] = tt->cursor[h] = k + 1;
		if (tt->t[k].len > tt->maxlen)
			tt->maxlen = tt->t[k].len;
	}
	return 0;
}

/* The first entry titled s[0..len) whose index + 1 is above floor
 * (entries at or below it are passed for good), + 1; 0 for none. */
static size_t
toc_titles_next(struct toc_titles *tt, const char *s, size_t len,
    size_t floor)
{
	size_t	 h;

	if (len == 0 || len > tt->maxlen)
		return 0;
	h = toc_titles_slot(tt, s, len);
	while (tt->cursor[h] != 0 && tt->cursor[h] <= floor)
		tt->cursor[h] = tt->t[tt->cursor[h] - 1].same;
	return tt->cursor[h];
}

/* The bytes of a clause number without the delimiter after it ("7."
 * in a TOC is clause 7). */
static size_t
number_len(const char *num)
{
	size_t	 len = strlen(num);

	return len > 0 && (num[len - 1] == '.' || num[len - 1] == ')') ?
	    len - 1 : len;
}

/* The slot of number num[0..len) in tt->nslot: its entry's, or the empty
 * one where it would go. */
static size_t
toc_number_slot(const struct toc_titles *tt, const char *num, size_t len)
{
	size_t	 h = lsn_hash_bytes(num, len) & (tt->size - 1), e;

	while ((e = tt->nslot[h]) != 0 &&
	    (number_len(tt->t[e - 1].number) != len ||
	    memcmp(tt->t[e - 1].number, num, len) != 0))
		h = (h + 1) & (tt->size - 1);
	return h;
}

/* Hashes tt's numbered entries by number, the first of each kept; 0, or
 * -1 when memory ran out. */
static int
toc_numbers_index(struct lsn_rctx *r, struct toc_titles *tt)
{
	size_t	 k, h;

	if (tt->size == 0)
		for (tt->size = 16; tt->size < tt->n * 2; tt->size *= 2)
			;
	if ((tt->nslot = lsn_arena_alloc(&r->a,
	    tt->size * sizeof(*tt->nslot))) == NULL)
		return -1;
	memset(tt->nslot, 0, tt->size * sizeof(*tt->nslot));
	for (k = tt->n; k-- > 0;) {
		const char *num = tt->t[k].number;

		if (num == NULL)
			continue;
		h = toc_number_slot(tt, num, number_len(num));
		tt->nslot[h] = k + 1;
	}
	return 0;
}

/* The first entry numbered num (as number_string writes it) + 1; 0 for
 * none. */
static size_t
toc_number_find(const struct toc_titles *tt, const char *num)
{
	return tt->nslot[toc_number_slot(tt, num, strlen(num))];
}

/* 1 when a and b are one title: alike but for case (ASCII), runs of
 * spaces and tabs, and a full stop or spaces at either end. */
static int
same_title(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	 i = 0, j = 0;

	while (alen > 0 && strchr(" \t.", a[alen - 1]) != NULL)
		alen--;
	while (blen > 0 && strchr(" \t.", b[blen - 1]) != NULL)
		blen--;
	while (i < alen && (a[i] == ' ' || a[i] == '\t'))
		i++;
	while (j < blen && (b[j] == ' ' || b[j] == '\t'))
		j++;
	while (i < alen && j < blen) {
		if (a[i] == ' ' || a[i] == '\t') {
			if (b[j] != ' ' && b[j] != '\t')
				return 0;
			while (i < alen && (a[i] == ' ' || a[i] == '\t'))
				i++;
			while (j < blen && (b[j] == ' ' || b[j] == '\t'))
				j++;
			continue;
		}
		if (tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[j]))
			return 0;
		i++;
		j++;
	}
	return i == alen && j == blen;
}

/*
 * A TOC that agrees with the text: the numbered entries of one part,
 * each looked for as a numbered line with the entry's title, in the
 * text's order. When enough are found, the TOC decides at the depths it
 * lists: a numbered line there is a heading when an entry was found at
 * it, and not when it carries the number of an entry found elsewhere
 * or of none (the items of a list in a table, "7. Symmetry"; a bit
 * table's header row "8 7 6 5 4 3 2 1"); an entry not found leaves its
 * number to the rules of text.
 */
struct toc_guide {
	struct toc_titles tt;
	unsigned char	*at;      /* per line: 1 where an entry was found */
	unsigned char	*found;   /* per entry: 1 once found */
	int		 depth;   /* the deepest numbered entry's */
};

/* A line's clause number (a label's, or typed before the title) and the
 * bytes before its title; 0 for a line without one. */
static int
line_number(const struct lsn_line *l, const char *part, struct clause *c,
    size_t *cut)
{
	*cut = 0;
	if (l->label != NULL)
		return heading_label(l, part, c);
	return (*cut = typed_number(l, part, c)) > 0;
}

/* Fills g for v[0..n) of the part; 1 when the TOC decides (at least
 * LSN_TOC_AGREE_MIN entries found, and half of them), else 0. */
static int
toc_guide_init(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    const char *part, struct toc_guide *g)
{
	struct clause	 c;
	char		 num[48];
	size_t		 i, k, cut, numbered = 0, found = 0;

	memset(g, 0, sizeof(*g));
	if (toc_titles_collect(r, part, &g->tt) == 0)
		return 0;
	for (k = 0; k < g->tt.n; k++)
		if (g->tt.t[k].number != NULL) {
			numbered++;
			if (g->tt.t[k].depth > g->depth)
				g->depth = g->tt.t[k].depth;
		}
	if (numbered < LSN_TOC_AGREE_MIN ||
	    toc_numbers_index(r, &g->tt) == -1 ||
	    (g->at = lsn_arena_alloc(&r->a, n)) == NULL ||
	    (g->found = lsn_arena_alloc(&r->a, g->tt.n)) == NULL)
		return 0;
	memset(g->at, 0, n);
	memset(g->found, 0, g->tt.n);
	for (i = 0; i < n; i++) {
		const struct lsn_line *l = &v[i];

		if (!usable(l) || l->type != LSN_LINE_PARA ||
		    !line_number(l, part, &c, &cut) ||
		    c.num.depth > g->depth)
			continue;
		number_string(&c, num, sizeof(num));
		if ((k = toc_number_find(&g->tt, num)) == 0 ||
		    g->found[k - 1] || !same_title(l->text + cut,
		    l->len - cut, g->tt.t[k - 1].title, g->tt.t[k - 1].len))
			continue;
		g->found[k - 1] = 1;
		g->at[i] = 1;
		found++;
	}
	return found >= LSN_TOC_AGREE_MIN && found * 2 >= numbered;
}

/* What the TOC says of line i: 1 a heading (its number in *c, the bytes
 * before its title in *cut), -1 not one, 0 nothing. */
static int
toc_guide_says(const struct toc_guide *g, const struct lsn_line *l,
    size_t i, const char *part, struct clause *c, size_t *cut)
{
	char	 num[48];
	size_t	 k;

	if (!line_number(l, part, c, cut) || c->num.depth > g->depth)
		return 0;
	if (g->at[i])
		return 1;
	number_string(c, num, sizeof(num));
	k = toc_number_find(&g->tt, num);
	return k == 0 || g->found[k - 1] ? -1 : 0;
}

/*
 * The title of line i, numbered c (the next number) and cut bytes
 * before its title, which is no short title-like line: a heading all
 * the same when it is a subclause's longer title (up to
 * LSN_TITLE_WORDS_LONG words: "6.2.5 Cause value (only applicable in
 * the context of ...)"; a caption may open with "1"), or when
 * the next numbered line within LSN_CHILD_LOOKAHEAD lines is its first
 * subclause (lower case or a full stop: "3.4.1 mode field
 * definitions" above "3.4.1.1").
 */
static int
long_title(struct lsn_line *v, size_t i, size_t n, const char *part,
    size_t cut, const struct clause *c)
{
	const struct lsn_line *l = &v[i];
	struct clause	 sub;
	size_t		 j, seen, subcut;

	if (c->num.depth > 1 &&
	    lsn_title_like(l->text + cut, l->len - cut, LSN_TITLE_WORDS_LONG))
		return 1;
	if (l->len - cut > LSN_TITLE_BYTES ||
	    lsn_word_count(l->text + cut, l->len - cut) > LSN_TITLE_WORDS_LONG)
		return 0;
	for (j = i + 1, seen = 0; j < n && seen < LSN_CHILD_LOOKAHEAD; j++) {
		if (!usable(&v[j]))
			continue;
		seen++;
		if (v[j].type != LSN_LINE_PARA ||
		    !line_number(&v[j], part, &sub, &subcut))
			continue;
		return sub.num.depth == c->num.depth + 1 && sub.bis == 0 &&
		    sub.num.part[c->num.depth] == 1 &&
		    same_prefix(sub.num.part, c->num.part, c->num.depth);
	}
	return 0;
}

/*
 * A first subclause numbered above LSN_SUBHEADING_FIRST_MAX, line i
 * numbered c under the clause s ends at ("F1.3.6.5" right under
 * "F1.3.6": pandoc writes the table that holds F1.3.6.1 to F1.3.6.4 as
 * a grid): a heading when one of the LSN_RUN_LOOKAHEAD numbered lines
 * after it is its next sibling with a title. *next (built on first
 * use, in the arena) gives each line the next numbered line.
 */
static int
late_first(struct lsn_rctx *r, struct lsn_line *v, size_t n, size_t i,
    const char *part, const struct numbering *s, const struct clause *c,
    size_t **next)
{
	struct clause	 sib;
	size_t		 j, k, cut, seen;
	int		 d = c->num.depth;

	if (d != s->depth + 1 || c->bis != 0 ||
	    c->num.part[d - 1] <= LSN_SUBHEADING_FIRST_MAX ||
	    !same_prefix(c->num.part, s->cur, d - 1))
		return 0;
	if (*next == NULL) {
		if ((*next = lsn_arena_alloc(&r->a, n * sizeof(**next))) ==
		    NULL)
			return 0;
		for (j = n, k = n; j-- > 0;) {
			(*next)[j] = k;
			if (usable(&v[j]) && v[j].type == LSN_LINE_PARA &&
			    line_number(&v[j], part, &sib, &cut))
				k = j;
		}
	}
	for (j = (*next)[i], seen = 0; j < n && seen < LSN_RUN_LOOKAHEAD;
	    j = (*next)[j], seen++) {
		(void)line_number(&v[j], part, &sib, &cut);
		if (sib.num.depth == d && sib.bis == 0 &&
		    same_prefix(sib.num.part, c->num.part, d - 1) &&
		    sib.num.part[d - 1] == c->num.part[d - 1] + 1)
			return lsn_title_like(v[j].text + cut, v[j].len - cut,
			    LSN_TITLE_WORDS_NUMBERED);
	}
	return 0;
}

/*
 * Numbered and style headings of v[0..n), in a part with id `part`
 * (NULL for the main text). Under "SECTION n" headings the clauses are
 * a level deeper, and may start again at "n.1".
 */
static void
find_numbered(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    const char *part, struct headings *out)
{
	struct numbering	 st, sect;
	struct clause		 num, nx;
	struct heading		*h;
	size_t			 i, j, cut, wlen;
	int			 prev_run = 0, sect_level = 0, in_sect = 0, no;
	int			 sect_base = 0;  /* 1: clauses "n.1" under it */
	int			 roles, guided, says;
	const char		*role;
	struct toc_guide	 g;
	size_t			*next = NULL;  /* late_first's index */

	memset(&st, 0, sizeof(st));
	memset(&sect, 0, sizeof(sect));
	roles = part == NULL && has_roles(v, n);
	guided = toc_guide_init(r, v, n, part, &g);
	for (i = 0; i < n; i++) {
		struct lsn_line *l = &v[i];

		if (!usable(l) || l->type != LSN_LINE_PARA)
			continue;
		if (roles && (role = role_line(l)) != NULL) {
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = sect_level + 1;
			h->role = role;
			prev_run = 0;
			continue;
		}
		if (part == NULL && (cut = section_line(l, &no, &wlen)) > 0) {
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = sect_level = l->outline > 0 ? l->outline : 1;
			h->cut = cut;
			if (wlen < sizeof(h->number)) {
				memcpy(h->number, l->text, wlen);
				h->number[wlen] = '\0';
			}
			/* "n.1" may follow; "k + 1" may go on */
			sect.cur[0] = no;
			sect.depth = 1;
			in_sect = 1;
			prev_run = 0;
			continue;
		}
		if (l->outline > 0) {
			if (part == NULL && out->n == 0 && own_part_heading(l))
				continue;
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = l->outline;
			if (sect_level > 0 && h->level <= sect_level)
				h->level = sect_level + 1;
			if (heading_label(l, part, &num) ||
			    ((cut = typed_number(l, part, &num)) > 0 &&
			    (h->cut = cut) > 0) ||
			    ((cut = stray_dot_number(l, part, &st, &num)) > 0 &&
			    (h->cut = cut) > 0)) {
				number_string(&num, h->number,
				    sizeof(h->number));
				/* "1.1" in a level-1 style under clause 1,
				 * "V.3" in a level-4 one after "V.2.6": the
				 * number says where it stands */
				if (sect_level == 0 &&
				    num.num.depth != h->level &&
				    fits(&st, &num))
					h->level = num.num.depth;
				advance(&st, &num);
				in_sect = 0;
			} else
				worded_number(l, h->number, sizeof(h->number));
			continue;
		}
		/*
		 * A number typed before the title ("1 Introduction", as text
		 * exports print numbered headings without a tab) counts as a
		 * label when the title after it reads like one.
		 */
		/* A closing "Actions requested:" alone on its line, after
		 * the clauses (the cover's own was taken), is what ITU's
		 * template styles Headingb: whatever its style, text
		 * exports give the line alone. */
		if (lsn_style_unnumbered_heading(l->style) ||
		    (st.depth > 0 && lsn_actions_label(l) == l->len)) {
			/* Below the numbered clause it follows, if any. */
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = st.depth + 1 + sect_level;
			prev_run = 0;
			continue;
		}
		/* Word's own list numbering on a paragraph that is not a
		 * heading by style is a list item. */
		if (l->label_auto && r->docx) {
			prev_run = 0;
			continue;
		}
		says = guided ? toc_guide_says(&g, l, i, part, &num, &cut) : 0;
		if (says < 0) {
			prev_run = 0;
			continue;
		}
		if (says == 0) {
			cut = 0;
			if (l->label == NULL ?
			    ((cut = typed_number(l, part, &num)) == 0 &&
			    (cut = stray_dot_number(l, part, &st, &num)) == 0) ||
			    !has_letter(l->text + cut, l->len - cut) :
			    !heading_label(l, part, &num)) {
				prev_run = 0;
				continue;
			}
			if (!lsn_title_like(l->text + cut, l->len - cut,
			    LSN_TITLE_WORDS_NUMBERED) && (in_sect ||
			    !next_number(&st, &num) ||
			    !long_title(v, i, n, part, cut, &num))) {
				prev_run = 0;
				continue;
			}
			/* Consecutive short numbered lines are a list, not
			 * headings, unless they are the clauses of the clause
			 * they follow ("6.1.2.2.1" ... under "6.1.2.2"). */
			j = next_usable(v, i + 1, n);
			if (j < n && (num.num.depth < 2 || in_sect ||
			    !fits(&st, &num)) && heading_label(&v[j], part, &nx) &&
			    nx.num.depth == num.num.depth &&
			    nx.num.part[nx.num.depth - 1] ==
			    num.num.part[num.num.depth - 1] + 1 &&
			    lsn_title_like(v[j].text, v[j].len,
			    LSN_TITLE_WORDS_NUMBERED)) {
				prev_run = 1;
				continue;
			}
			if (prev_run) {
				prev_run = 0;
				continue;
			}
		}
		if (in_sect && num.num.depth > 1 && fits(&sect, &num))
			sect_base = 1;
		else if (says > 0 || fits(&st, &num) ||
		    (!in_sect && late_first(r, v, n, i, part, &st, &num, &next)))
			sect_base = in_sect ? 0 : sect_base;
		else
			continue;
		if ((h = push_heading(r, out)) == NULL)
			return;
		h->line = i;
		h->level = num.num.depth + sect_level - sect_base;
		h->cut = cut;
		number_string(&num, h->number, sizeof(h->number));
		advance(&st, &num);
		in_sect = 0;
	}
}

/* Unnumbered headings: isolated short title-like lines, from line
 * `from` on. */
static void
find_unnumbered(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    size_t from, struct headings *out)
{
	struct heading	*h;
	size_t		 i, j;
	int		 prev_title = 0, prev_heading = 1;

	for (i = from; i < n; i++) {
		struct lsn_line *l = &v[i];
		int title;

		if (!usable(l))
			continue;
		title = l->type == LSN_LINE_PARA && l->label == NULL &&
		    lsn_title_like(l->text, l->len,
		    LSN_TITLE_WORDS_UNNUMBERED) &&
		    !parenthetical(l) && !lsn_caption_line(l);
		if (title && (!prev_title || prev_heading)) {
			j = next_usable(v, i + 1, n);
			if (j < n && !(v[j].type == LSN_LINE_PARA &&
			    v[j].label == NULL &&
			    lsn_title_like(v[j].text, v[j].len,
			    LSN_TITLE_WORDS_UNNUMBERED))) {
				if ((h = push_heading(r, out)) == NULL)
					return;
				h->line = i;
				h->level = 1;
				prev_title = 1;
				prev_heading = 1;
				continue;
			}
		}
		prev_title = title;
		prev_heading = 0;
	}
}

/* A line that may repeat an entry's title: an unlabelled paragraph. */
static int
title_line(const struct lsn_line *l)
{
	return usable(l) && l->type == LSN_LINE_PARA && l->label == NULL;
}

/*
 * Headings the TOC names, for text whose writer dropped Word's heading
 * numbers (pandoc's plain text): a line that is the title of an entry
 * of this part, after the entry found last, is that clause's heading,
 * with the entry's number (an unnumbered entry, "Annex: Defect report
 * form" in a guide's main text: a heading of the first level). Fewer
 * than LSN_TOC_GUIDED_MIN numbered ones found: none.
 */
static void
find_by_toc(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    const char *part, struct headings *out)
{
	struct toc_titles tt;
	struct heading	*hd;
	size_t		 i, k, last = 0, found = 0, start = out->n;

	if (toc_titles_collect(r, part, &tt) == 0 ||
	    toc_titles_chain(r, &tt, NULL) == -1)
		return;
	for (i = 0; i < n; i++) {
		if (!title_line(&v[i]) || (k = toc_titles_next(&tt,
		    v[i].text, v[i].len, last)) == 0)
			continue;
		if ((hd = push_heading(r, out)) == NULL)
			return;
		hd->line = i;
		hd->level = tt.t[k - 1].depth;
		if (tt.t[k - 1].number != NULL &&
		    strlen(tt.t[k - 1].number) < sizeof(hd->number)) {
			memcpy(hd->number, tt.t[k - 1].number,
			    strlen(tt.t[k - 1].number) + 1);
			found++;
		}
		last = k;
	}
	if (found < LSN_TOC_GUIDED_MIN)
		out->n = start;
}

/*
 * Headings the TOC names between numbered ones, in text whose clauses
 * were found by their numbers: LibreOffice's text export of G.Imp729
 * ends with "Annex: G.729 Defect Report Form", a heading by style
 * alone; the seeds' exporter drops the number Word's list numbering
 * gives its "6.1 Problem to be resolved". A line that is the title of
 * an entry no heading has (unnumbered, or its number not found), after
 * the heading of the entry before it in the TOC and before the heading
 * of the one after it, is that entry's heading (the first level for an
 * unnumbered one), merged into hs by line.
 */
static void
toc_unnumbered(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    const char *part, struct headings *hs)
{
	struct toc_titles tt;
	struct headings	 add;
	struct heading	*hd;
	unsigned char	*have;    /* 1: the entry has a heading */
	size_t		*tix, i, k, a, b, o;
	size_t		 next = 0, lo = SIZE_MAX, hi, last = 0, nmiss = 0;

	if (hs->n == 0 || toc_titles_collect(r, part, &tt) == 0)
		return;
	/* each heading's entry: its number's first entry (SIZE_MAX: none) */
	tix = lsn_arena_alloc(&r->a, (hs->n + 1) * sizeof(*tix));
	have = lsn_arena_alloc(&r->a, tt.n);
	if (tix == NULL || have == NULL || toc_numbers_index(r, &tt) == -1)
		return;
	memset(have, 0, tt.n);
	for (i = 0; i < hs->n; i++) {
		tix[i] = hs->v[i].number[0] != '\0' &&
		    (k = toc_number_find(&tt, hs->v[i].number)) != 0 ?
		    k - 1 : SIZE_MAX;
		if (tix[i] != SIZE_MAX)
			have[tix[i]] = 1;
	}
	/* an entry whose number another entry with a heading has, has it */
	for (k = 0; k < tt.n; k++) {
		const char *num = tt.t[k].number;
		char	 buf[32];

		if (!have[k] && num != NULL && number_len(num) < sizeof(buf)) {
			memcpy(buf, num, number_len(num));
			buf[number_len(num)] = '\0';
			if ((a = toc_number_find(&tt, buf)) != 0 && have[a - 1])
				have[k] = 1;
		}
		nmiss += !have[k];
	}
	if (nmiss == 0 || nmiss == tt.n || toc_titles_chain(r, &tt, have) == -1)
		return;
	memset(&add, 0, sizeof(add));
	for (i = 0; i < n; i++) {
		for (; next < hs->n && hs->v[next].line <= i; next++)
			lo = tix[next];
		if ((next > 0 && hs->v[next - 1].line == i) ||
		    lo == SIZE_MAX || !title_line(&v[i]))
			continue;
		hi = next < hs->n ? tix[next] : SIZE_MAX;
		if ((k = toc_titles_next(&tt, v[i].text, v[i].len,
		    lo + 1 > last ? lo + 1 : last)) == 0 || k - 1 >= hi)
			continue;
		if ((hd = push_heading(r, &add)) == NULL)
			return;
		hd->line = i;
		hd->level = 1;
		if (tt.t[k - 1].number != NULL &&
		    number_len(tt.t[k - 1].number) < sizeof(hd->number)) {
			hd->level = tt.t[k - 1].depth;
			memcpy(hd->number, tt.t[k - 1].number,
			    number_len(tt.t[k - 1].number));
			hd->number[number_len(tt.t[k - 1].number)] = '\0';
		}
		last = k;
	}
	if (add.n == 0)
		return;
	/* merged by line: both lists are in order */
	a = hs->n;
	b = add.n;
	for (k = 0; k < b; k++)
		if (push_heading(r, hs) == NULL)
			return;
	for (o = a + b; o-- > 0;) {
		if (b > 0 && (a == 0 || add.v[b - 1].line > hs->v[a - 1].line))
			hs->v[o] = add.v[--b];
		else
			hs->v[o] = hs->v[--a];
	}
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

/*
 * Sections of region v[0..n) under `container`; the lines before the
 * first heading go into a <body> element created on demand.
 */
static void
build_region(struct lsn_rctx *r, lsn_node *container, struct lsn_line *v,
    size_t n, const char *part, lsn_node *body)
{
	struct headings	 hs;
	lsn_node	 *stack_el[16];
	int		 stack_lvl[16];
	int		 top = 0;
	size_t		 k, first;

	memset(&hs, 0, sizeof(hs));
	find_numbered(r, v, n, part, &hs);
	if (hs.n > 0 && !r->style_headings)
		toc_unnumbered(r, v, n, part, &hs);
	if (hs.n == 0 && !r->style_headings)
		find_by_toc(r, v, n, part, &hs);
	/* A part of a document with a TOC has the headings the TOC names:
	 * its short lines are table cells, code and equations */
	/* nor in the cover's page: its banners ("COVERING NOTE", "ITU –
	 * TELECOMMUNICATION STANDARDIZATION SECTOR") are no headings */
	if (hs.n == 0 && !r->style_headings && (part == NULL || r->toc == NULL))
		find_unnumbered(r, v, n, part == NULL &&
		    r->cover_last != NULL && r->cover_last >= v &&
		    r->cover_last < v + n ? (size_t)(r->cover_last - v) + 1 : 0,
		    &hs);
	first = hs.n > 0 ? hs.v[0].line : n;
	for (k = 0; k < first; k++)
		if (usable(&v[k])) {
			if (body == NULL)
				body = lsn_el_n(&r->b, container, LSN_N_BODY);
			lsn_blocks(r, body, v, first);
			break;
		}
	for (k = 0; k < hs.n && !r->b.oom; k++) {
		struct heading	*h = &hs.v[k];
		struct lsn_line	*l = &v[h->line];
		size_t		 end = k + 1 < hs.n ? hs.v[k + 1].line : n;
		lsn_node	 *parent, *sec, *head;
		int		 level = h->level > 0 ? h->level : 1;

		while (top > 0 && stack_lvl[top - 1] >= level)
			top--;
		parent = top > 0 ? stack_el[top - 1] : container;
		sec = lsn_el_n(&r->b, parent, LSN_N_SECTION);
		if (h->number[0] != '\0')
			lsn_attr_n(&r->b, sec, LSN_N_NUMBER, h->number);
		if (h->role != NULL)
			lsn_attr_n(&r->b, sec, LSN_N_ROLE, h->role);
		/* Levels below a parent are at least one deeper. */
		if (top > 0 && level <= stack_lvl[top - 1])
			level = stack_lvl[top - 1] + 1;
		lsn_attr_int(&r->b, sec, "level", level);
		head = lsn_el_n(&r->b, sec, LSN_N_HEADING);
		lsn_inline(&r->b, head, l, h->cut < l->len ? h->cut : l->len,
		    l->len);
		l->used = 1;
		lsn_blocks(r, sec, v + h->line + 1, end - (h->line + 1));
		if (top < 16) {
			stack_el[top] = sec;
			stack_lvl[top] = level;
			top++;
		}
	}
}

/* Point marks (anchors) of a line, as inline content of parent. */
static void
anchors_only(struct lsn_rctx *r, lsn_node *parent, const struct lsn_line *l)
{
	size_t	 i;

	for (i = 0; i < l->nmarks; i++)
		if (l->marks[i].type == LSN_MARK_ANCHOR) {
			lsn_node *a = lsn_el_n(&r->b, parent, LSN_N_ANCHOR);
			lsn_attr_n(&r->b, a, LSN_N_ID,
			    l->marks[i].value != NULL ?
			    l->marks[i].value : "");
		}
}

char *
lsn_section_title(struct lsn_rctx *r, lsn_node *section)
{
	return lsn_plain(r, lsn_child_n(section, LSN_N_HEADING));
}

char *
lsn_plain(struct lsn_rctx *r, lsn_node *n)
{
	lsn_node	*c;
	size_t		 len = 0, k;
	char		*p, *w;

	if (n == NULL)
		return lsn_arena_strndup(&r->a, "", 0);
	if (n->type == LSN_TEXT)
		return lsn_arena_strdup(&r->a, n->content);
	/* The element's text measured then copied straight into the
	 * arena: no malloc, one copy (this is asked of every list item
	 * and paragraph the Question and ToR passes read). */
	for (c = n->children; c != NULL; c = lsn_next_under(n, c))
		if (c->type == LSN_TEXT)
			len += strlen(c->content);
	if ((p = w = lsn_arena_alloc(&r->a, len + 1)) == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = lsn_next_under(n, c))
		if (c->type == LSN_TEXT) {
			k = strlen(c->content);
			memcpy(w, c->content, k);
			w += k;
		}
	*w = '\0';
	return p;
}

/*
 * Where a part's note starts in the title on its heading line
 * s[from..len): a closing parenthesis of at least LSN_ANNEX_NOTE_WORDS
 * words ("(This annex forms an integral part of this Recommendation.)";
 * "(normative)" is the title's). len when there is none.
 */
static size_t
note_at(const char *s, size_t len, size_t from)
{
	size_t	 i;
	int	 depth = 0;

	if (lsn_last_char(s, len) != ')')
		return len;
	while (len > from && s[len - 1] == ' ')
		len--;
	for (i = len; i > from; i--) {
		if (s[i - 1] == ')')
			depth++;
		else if (s[i - 1] == '(' && --depth == 0)
			break;
	}
	if (i == from || depth != 0 ||
	    lsn_word_count(s + i - 1, len - (i - 1)) < LSN_ANNEX_NOTE_WORDS)
		return len;
	return i - 1;
}

/*
 * A part's note from line j: a parenthetical, one line or, in a text
 * export, a few lines with no blank between, the first opening the
 * parenthesis and the last closing it. The index after it, or j for
 * none.
 */
static size_t
note_lines(struct lsn_line *v, size_t j, size_t n)
{
	size_t	 k;

	if (parenthetical(&v[j]))
		return j + 1;
	if (v[j].type != LSN_LINE_PARA || v[j].label != NULL ||
	    v[j].len == 0 || v[j].text[0] != '(' || v[j].outline > 0)
		return j;
	for (k = j + 1; k < n && k < j + LSN_ANNEX_NOTE_LINES; k++) {
		if (v[k].type != LSN_LINE_PARA || v[k].label != NULL ||
		    v[k].used || v[k].outline > 0)
			return j;
		if (lsn_last_char(v[k].text, v[k].len) == ')')
			return k + 1;
	}
	return j;
}

/*
 * A part's title on line j of a text export, broken over lines (a line
 * break in the heading, or pandoc's wrapping): its lines run on, none
 * ending a sentence, up to a blank line or the note, within
 * LSN_ANNEX_TITLE_LINES lines. The index after its last line.
 */
static size_t
title_end(struct lsn_line *v, size_t j, size_t n)
{
	size_t	 k;

	for (k = j + 1; k < n && k < j + LSN_ANNEX_TITLE_LINES; k++) {
		if (v[k].type == LSN_LINE_BLANK ||
		    (v[k].type == LSN_LINE_PARA && v[k].len > 0 &&
		    v[k].text[0] == '('))
			return k;
		if (v[k].type != LSN_LINE_PARA || v[k].label != NULL ||
		    v[k].used || v[k].outline > 0 || v[k].len == 0 ||
		    strchr(".;:!?", lsn_last_char(v[k].text, v[k].len)) != NULL)
			break;
	}
	return j + 1;
}

static void
build_annex(struct lsn_rctx *r, lsn_node *root, struct lsn_line *v, size_t n,
    enum part part, const char *id, size_t title_at)
{
	lsn_node	 *annex = lsn_el_n(&r->b, root, part == PART_APPENDIX ?
	    LSN_N_APPENDIX : LSN_N_ANNEX), *title,
	    *note = NULL;
	struct lsn_line	*head = &v[0];
	size_t		 i = 1, j, k, first;
	const char	*title_text, *note_text = NULL;

	lsn_attr_n(&r->b, annex, LSN_N_ID, id);
	lsn_attr_n(&r->b, annex, LSN_N_KIND, "other");
	title = lsn_el_n(&r->b, annex, LSN_N_TITLE);
	head->used = 1;
	if (title_at < head->len) {
		/* "Annex A – Title (This annex forms ...)": the note apart */
		size_t at = note_at(head->text, head->len, title_at), end = at;

		while (end > title_at && head->text[end - 1] == ' ')
			end--;
		if (at < head->len) {
			note = lsn_el_n(&r->b, NULL, LSN_N_NOTE);
			lsn_text(&r->b, note, head->text + at, head->len - at);
		}
		if (end > title_at)
			lsn_inline(&r->b, title, head, title_at, end);
		else
			anchors_only(r, title, head);
	} else {
		anchors_only(r, title, head);
		j = next_usable(v, 1, n);
		/* the next line is the title, unless it is the note */
		if (j < n && v[j].type == LSN_LINE_PARA && v[j].label == NULL &&
		    v[j].outline == 0 && !parenthetical(&v[j]) &&
		    !(v[j].len > 0 && v[j].text[0] == '(' &&
		    note_lines(v, j, n) > j) &&
		    lsn_word_count(v[j].text, v[j].len) <=
		    LSN_ANNEX_TITLE_WORDS) {
			lsn_inline(&r->b, title, &v[j], 0, v[j].len);
			v[j].used = 1;
			/* the rest of a title broken over lines in text */
			for (k = r->docx ? j + 1 : title_end(v, j, n),
			    j++; j < k; j++) {
				lsn_text(&r->b, title, " ", 1);
				lsn_inline(&r->b, title, &v[j], 0, v[j].len);
				v[j].used = 1;
			}
			i = j;
		}
	}
	j = next_usable(v, i, n);
	/* "Question 10/17" with its title on the next line. */
	if (j < n && v[j].type == LSN_LINE_PARA && v[j].label == NULL &&
	    v[j].outline == 0 && !parenthetical(&v[j]) &&
	    lsn_title_like(v[j].text, v[j].len, LSN_TITLE_WORDS_CONTINUED)) {
		char *t = lsn_plain(r, title);
		if (t != NULL && lsn_kind_title_continues(t, strlen(t))) {
			lsn_text(&r->b, title, " \xe2\x80\x93 ", 5);
			lsn_inline(&r->b, title, &v[j], 0, v[j].len);
			v[j].used = 1;
			j = next_usable(v, j + 1, n);
		}
	}
	if (j < n && acronym_line(&v[j])) {
		lsn_text(&r->b, title, " ", 1);
		lsn_inline(&r->b, title, &v[j], 0, v[j].len);
		v[j].used = 1;
		j = next_usable(v, j + 1, n);
	}
	if (note != NULL)
		lsn_append(annex, note);
	else if (j < n && (k = note_lines(v, j, n)) > j) {
		/* the note, maybe wrapped over lines by a text export */
		note = lsn_el_n(&r->b, annex, LSN_N_NOTE);
		for (first = j; j < k; j++) {
			if (v[j].used || v[j].type != LSN_LINE_PARA)
				continue;
			if (j > first)
				lsn_text(&r->b, note, " ", 1);
			lsn_text(&r->b, note, v[j].text, v[j].len);
			v[j].used = 1;
		}
	}
	build_region(r, annex, v + 1, n - 1, id, NULL);
	title_text = lsn_plain(r, title);
	if (note != NULL)
		note_text = lsn_plain(r, note);
	if (lsn_kind_build_part(r, annex, title_text, note_text) == NULL) {
		/* An annex that is one list and nothing else. */
		lsn_node *body = lsn_child_n(annex, LSN_N_BODY);
		if (lsn_child_n(annex, LSN_N_SECTION) == NULL && body != NULL &&
		    lsn_child(body, NULL) != NULL &&
		    lsn_is_n(lsn_child(body, NULL), LSN_N_LIST) &&
		    lsn_next(lsn_child(body, NULL), NULL) == NULL)
			lsn_attr_n(&r->b, annex, LSN_N_KIND, "list");
	}
}

/*
 * ITU's Bibliography heading, a line of its own: the Recommendation's
 * back matter, after the clauses, annexes and appendices, and none of
 * theirs (a text export loses the heading style that makes it a
 * heading in the DOCX).
 */
static const char *const bibliography_words[] = {
	"Bibliography", "Bibliographie", "Bibliograf\xc3\xad" "a",
	"BIBLIOGRAF\xc3\x8d" "A",
	/* Библиография, БИБЛИОГРАФИЯ */
	"\xd0\x91\xd0\xb8\xd0\xb1\xd0\xbb\xd0\xb8\xd0\xbe\xd0\xb3\xd1\x80"
	"\xd0\xb0\xd1\x84\xd0\xb8\xd1\x8f",
	"\xd0\x91\xd0\x98\xd0\x91\xd0\x9b\xd0\x98\xd0\x9e\xd0\x93\xd0\xa0"
	"\xd0\x90\xd0\xa4\xd0\x98\xd0\xaf",
};

static int
bibliography_line(const struct lsn_line *l)
{
	size_t	 i, k;

	/* (a TOC entry without its page, as LibreOffice saves one, is no
	 * heading) */
	if (l->type != LSN_LINE_PARA || l->label != NULL || !usable(l) ||
	    lsn_toc_style(l->style))
		return 0;
	for (i = 0; i < sizeof(bibliography_words) /
	    sizeof(bibliography_words[0]); i++) {
		k = strlen(bibliography_words[i]);
		if (l->len == k && lsn_prefix_ci(l->text,
		    bibliography_words[i]) == k)
			return 1;
	}
	return 0;
}

/*
 * The lines that open the document's divisions after its clauses, the
 * annexes, appendices and Bibliography, in order, into an arena array
 * *div (with n after the last, so that division k ends where k + 1
 * begins); their count, or -1 when out of memory. Found once, before
 * any is built: building marks the heading lines used.
 */
static long
divisions(struct lsn_rctx *r, struct lsn_line *v, size_t n, size_t **div)
{
	char	 id[16];
	size_t	 i, k = 0, title_at;

	for (i = 0; i < n; i++)
		if (usable(&v[i]) && (bibliography_line(&v[i]) ||
		    part_line(&v[i], id, sizeof(id), &title_at)))
			k++;
	if ((*div = lsn_arena_alloc(&r->a, (k + 1) * sizeof(**div))) == NULL)
		return -1;
	for (i = 0, k = 0; i < n; i++)
		if (usable(&v[i]) && (bibliography_line(&v[i]) ||
		    part_line(&v[i], id, sizeof(id), &title_at)))
			(*div)[k++] = i;
	(*div)[k] = n;
	return (long)k;
}

/* The Bibliography v[0..n): an unnumbered section of the document. */
static void
build_bibliography(struct lsn_rctx *r, lsn_node *root, struct lsn_line *v,
    size_t n)
{
	lsn_node	*sec = lsn_el_n(&r->b, root, LSN_N_SECTION);

	lsn_attr_int(&r->b, sec, "level", 1);
	lsn_inline(&r->b, lsn_el_n(&r->b, sec, LSN_N_HEADING), &v[0], 0,
	    v[0].len);
	v[0].used = 1;
	lsn_blocks(r, sec, v + 1, n - 1);
}

/*
 * The id of an annex published on its own ("Z.100 Annex F1", as the
 * title page numbers it) into id: its clauses are "F1.1", "F1.2" in
 * the main text. NULL for any other text.
 */
static const char *
standalone_annex(struct lsn_rctx *r, char *id, size_t size)
{
	const char	*num = lsn_meta_get(r, LSN_META_NUMBER), *a;
	size_t		 n;

	if (num == NULL || (a = strstr(num, " Annex ")) == NULL)
		return NULL;
	a += 7;
	n = strlen(a);
	if (n == 0 || n >= size || !isupper((unsigned char)a[0]) ||
	    strspn(a + 1, "0123456789") != n - 1)
		return NULL;
	memcpy(id, a, n + 1);
	return id;
}

const struct lsn_kind *
lsn_structure(struct lsn_rctx *r, lsn_node *root, struct lsn_lines *lines)
{
	struct lsn_line	*v = lines->v;
	size_t		 n = lines->n, i, k, main_end, *div;
	long		 ndiv;
	enum part	 part, pass;
	char		 id[16];
	size_t		 title_at;
	const struct lsn_kind *kind = NULL;
	lsn_node	 *body = NULL;
	char		*title_text = NULL, *note_text = NULL;

	/* The main part ends at the first annex or the Bibliography. */
	if ((ndiv = divisions(r, v, n, &div)) < 0)
		return NULL;
	main_end = div[0];

	/* A standalone ToR or Question names itself on its first line. */
	i = next_usable(v, 0, main_end);
	if (i < main_end && v[i].type == LSN_LINE_PARA && v[i].label == NULL &&
	    (kind = lsn_kind_of_title(v[i].text, v[i].len)) != NULL) {
		size_t j = next_usable(v, i + 1, main_end);
		struct lsn_line *both = NULL;

		/* "Question 10/17" with its title on the next line. */
		if (kind->title_continues != NULL &&
		    kind->title_continues(v[i].text, v[i].len) &&
		    j < main_end && v[j].type == LSN_LINE_PARA &&
		    v[j].label == NULL && !parenthetical(&v[j]) &&
		    lsn_title_like(v[j].text, v[j].len,
		    LSN_TITLE_WORDS_CONTINUED) &&
		    (both = lsn_arena_alloc(&r->a, sizeof(*both))) != NULL) {
			size_t len = v[i].len + 5 + v[j].len;
			*both = v[i];
			both->nmarks = 0;
			if ((both->text = lsn_arena_alloc(&r->a,
			    len + 1)) == NULL)
				return NULL;
			memcpy(both->text, v[i].text, v[i].len);
			memcpy(both->text + v[i].len, " \xe2\x80\x93 ", 5);
			memcpy(both->text + v[i].len + 5, v[j].text, v[j].len);
			both->len = len;
			v[j].used = 1;
		}
		if (both == NULL)
			both = &v[i];
		lsn_meta_set(r, LSN_META_TITLE, both->text, both->len);
		title_text = lsn_arena_strndup(&r->a, both->text, both->len);
		v[i].used = 1;
		i = next_usable(v, i + 1, main_end);
		if (i < main_end && parenthetical(&v[i])) {
			note_text = lsn_arena_strndup(&r->a, v[i].text,
			    v[i].len);
			body = lsn_el_n(&r->b, root, LSN_N_BODY);
			lsn_blocks(r, body, &v[i], 1);
			v[i].used = 1;
		}
	}
	build_region(r, root, v, main_end, standalone_annex(r, id,
	    sizeof(id)), body);
	/* The Bibliography, wherever it stands, after the clauses (the
	 * schema's order: sections before annexes) */
	for (k = 0; k < (size_t)ndiv; k++)
		if (bibliography_line(&v[div[k]]))
			build_bibliography(r, root, v + div[k],
			    div[k + 1] - div[k]);

	/* The annexes, then the appendices (the schema's order, and
	 * ITU's: an appendix never comes before an annex) */
	for (pass = PART_ANNEX; pass <= PART_APPENDIX; pass++)
		for (k = 0; k < (size_t)ndiv; k++) {
			part = part_line(&v[div[k]], id, sizeof(id),
			    &title_at);
			if (part == pass)
				build_annex(r, root, v + div[k],
				    div[k + 1] - div[k], part, id, title_at);
		}
	/* The kind the first line named, if its text bears it out. */
	if (kind != NULL && (kind->build == NULL ||
	    !kind->build(r, root, title_text, note_text)))
		kind = NULL;
	return kind;
}
