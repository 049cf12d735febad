/* SPDX-License-Identifier: MIT */
/*
 * structure.c: the document's skeleton: annexes, numbered and
 * unnumbered headings, and the section tree with its blocks.
 *
 * Headings come from styles when the reader knows them (DOCX outline
 * levels). In text, a numbered heading is a short title-like line whose
 * number fits the numbering so far (2 after 1, 3.1 inside 3); a line that
 * only looks like a heading but breaks that sequence is a list item. An
 * unnumbered heading is an isolated short line, and is only looked for in
 * a part of the document that has no numbered headings at all.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/kinds/kinds.h"
#include "recognize/tuning.h"
#include "util/text.h"

struct heading {
	size_t		 line;
	int		 level;
	char		 number[48];  /* "" when unnumbered */
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
/* Annexes                                                             */

/*
 * "Annex A", "ANNEX 1", "Annex B – Title", "Annex C: Title". Stores the
 * id and the offset of a title on the same line (or len when none).
 */
/*
 * Word's numbering "Annex %1" on a heading: the label says "Annex A"
 * (maybe with closing punctuation), the text is the title.
 */
static int
annex_label(const struct lsn_line *l, char *id, size_t idsize, size_t *title)
{
	const char	*s = l->label;
	size_t		 k, n;

	if (!l->label_auto || l->outline == 0 ||
	    (k = lsn_prefix_ci(s, "annex")) == 0 || s[k] != ' ')
		return 0;
	s += k + 1;
	for (n = 0; isalnum((unsigned char)s[n]); n++)
		;
	if (n == 0 || n >= idsize || s[n + strspn(s + n, " .:")] != '\0')
		return 0;
	memcpy(id, s, n);
	id[n] = '\0';
	*title = 0;
	return 1;
}

static int
annex_line(const struct lsn_line *l, char *id, size_t idsize, size_t *title)
{
	size_t	 k, i, n;

	if (l->type == LSN_LINE_PARA && l->label != NULL)
		return annex_label(l, id, idsize, title);
	if (l->type != LSN_LINE_PARA || l->len > LSN_ANNEX_LINE_BYTES)
		return 0;
	if ((k = lsn_prefix_ci(l->text, "annex")) == 0 || k >= l->len ||
	    l->text[k] != ' ')
		return 0;
	i = k + 1;
	n = 0;
	while (i + n < l->len && isalnum((unsigned char)l->text[i + n]) &&
	    n < 8)
		n++;
	if (n == 0 || n >= idsize)
		return 0;
	/* One capital letter, a number, or a roman numeral. */
	if (!(n == 1 && isupper((unsigned char)l->text[i])) &&
	    strspn(l->text + i, "0123456789") < n &&
	    strspn(l->text + i, "IVXLC") < n)
		return 0;
	memcpy(id, l->text + i, n);
	id[n] = '\0';
	i += n;
	while (i < l->len && l->text[i] == ' ')
		i++;
	if (i == l->len) {
		*title = l->len;
		return 1;
	}
	if (l->text[i] == ':' || l->text[i] == '-' || l->text[i] == '.') {
		i++;
	} else if (i + 3 <= l->len &&
	    (memcmp(l->text + i, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(l->text + i, "\xe2\x80\x94", 3) == 0)) {
		i += 3;
	} else if (l->text[i] == '(' && lsn_last_char(l->text, l->len) == ')') {
		/* "Annex A (normative)": the parenthesis is part of the title */
	} else if (!lsn_title_like(l->text + i, l->len - i,
	    LSN_TITLE_WORDS_ANNEX)) {
		/* "Annex A contains ..." is a sentence; "Annex A Draft
		 * Terms of Reference" (a tab in the export) is a title. */
		return 0;
	}
	while (i < l->len && l->text[i] == ' ')
		i++;
	*title = i;
	return 1;
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

/* Typed "1 Title" / "1. Title" / "3.1 Title" at the start of a DOCX
 * heading's text: the number and the bytes it takes. */
static size_t
typed_number(const struct lsn_line *l, struct lsn_number *num)
{
	size_t	 i = 0, n;
	char	 lab[48];

	while (i < l->len && i < LSN_TYPED_NUMBER_BYTES &&
	    (isdigit((unsigned char)l->text[i]) ||
	    (l->text[i] == '.' && i > 0)))
		i++;
	if (i == 0 || i >= l->len)
		return 0;
	n = i;
	if (l->text[i] == ')')
		n = ++i;
	if (l->text[i] != ' ')
		return 0;
	memcpy(lab, l->text, n);
	lab[n] = '\0';
	if (!lsn_number_parse(lab, num))
		return 0;
	while (i < l->len && l->text[i] == ' ')
		i++;
	return i;
}

static void
number_string(const struct lsn_number *num, char *buf, size_t size)
{
	int	 k;
	size_t	 o = 0;

	buf[0] = '\0';
	for (k = 0; k < num->depth && o + 12 < size; k++)
		o += (size_t)snprintf(buf + o, size - o, k ? ".%d" : "%d",
		    num->part[k]);
}

/* Numbering state of one container. */
struct numbering {
	int	 cur[8];
	int	 depth;
};

static int
fits(const struct numbering *s, const struct lsn_number *num)
{
	int	 d = num->depth, k;

	if (d < 1 || d > 8)
		return 0;
	if (d == 1) {
		if (s->depth == 0)
			return num->part[0] >= 0 &&
			    num->part[0] <= LSN_HEADING_FIRST_MAX;
		return num->part[0] > s->cur[0] &&
		    num->part[0] <= s->cur[0] + LSN_HEADING_STEP;
	}
	if (s->depth < d - 1)
		return 0;
	for (k = 0; k < d - 1; k++)
		if (num->part[k] != s->cur[k])
			return 0;
	if (s->depth >= d)
		return num->part[d - 1] > s->cur[d - 1] &&
		    num->part[d - 1] <= s->cur[d - 1] + LSN_HEADING_STEP;
	return num->part[d - 1] >= 0 &&
	    num->part[d - 1] <= LSN_SUBHEADING_FIRST_MAX;
}

static void
advance(struct numbering *s, const struct lsn_number *num)
{
	int	 k;

	for (k = 0; k < num->depth; k++)
		s->cur[k] = num->part[k];
	s->depth = num->depth;
}

int
lsn_style_unnumbered_heading(const char *style)
{
	return style != NULL && (strcasecmp(style, "headingb") == 0 ||
	    strcasecmp(style, "heading b") == 0);
}

/* A numbered label that can be a heading number: digits, no bullet,
 * letter, roman numeral or parenthesis. */
static int
heading_label(const struct lsn_line *l, struct lsn_number *num)
{
	return l->label != NULL && lsn_number_parse(l->label, num) &&
	    !num->letter && !num->roman && !num->paren;
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

static struct heading *
push_heading(struct lsn_rctx *r, struct headings *h)
{
	h->v = lsn_arena_grow(&r->a, h->v, &h->cap, h->n + 1, sizeof(*h->v));
	if (r->a.oom)
		return NULL;
	memset(&h->v[h->n], 0, sizeof(h->v[0]));
	return &h->v[h->n++];
}

/* Numbered and style headings of v[0..n). */
static void
find_numbered(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    struct headings *out)
{
	struct numbering	 st;
	struct lsn_number	 num, nx;
	struct heading		*h;
	size_t			 i, j, cut;
	int			 prev_run = 0;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < n; i++) {
		struct lsn_line *l = &v[i];

		if (!usable(l) || l->type != LSN_LINE_PARA)
			continue;
		if (l->outline > 0) {
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = l->outline;
			if (heading_label(l, &num) ||
			    ((cut = typed_number(l, &num)) > 0 &&
			    (h->cut = cut) > 0)) {
				number_string(&num, h->number,
				    sizeof(h->number));
				advance(&st, &num);
			} else
				worded_number(l, h->number, sizeof(h->number));
			continue;
		}
		/*
		 * A number typed before the title ("1 Introduction", as text
		 * exports print numbered headings without a tab) counts as a
		 * label when the title after it reads like one.
		 */
		if (lsn_style_unnumbered_heading(l->style)) {
			/* Below the numbered clause it follows, if any. */
			if ((h = push_heading(r, out)) == NULL)
				return;
			h->line = i;
			h->level = st.depth + 1;
			prev_run = 0;
			continue;
		}
		/* Word's own list numbering on a paragraph that is not a
		 * heading by style is a list item. */
		if (l->label_auto && r->docx) {
			prev_run = 0;
			continue;
		}
		cut = 0;
		if (l->label == NULL && (cut = typed_number(l, &num)) > 0 &&
		    (num.letter || num.roman || num.paren ||
		    !lsn_title_like(l->text + cut, l->len - cut,
		    LSN_TITLE_WORDS_NUMBERED)))
			cut = 0;
		if ((cut == 0 && !heading_label(l, &num)) ||
		    !lsn_title_like(l->text + cut, l->len - cut,
		    LSN_TITLE_WORDS_NUMBERED)) {
			prev_run = 0;
			continue;
		}
		/* Consecutive short numbered lines are a list, not headings. */
		j = next_usable(v, i + 1, n);
		if (j < n && heading_label(&v[j], &nx) &&
		    nx.depth == num.depth &&
		    nx.part[nx.depth - 1] == num.part[num.depth - 1] + 1 &&
		    lsn_title_like(v[j].text, v[j].len,
		    LSN_TITLE_WORDS_NUMBERED)) {
			prev_run = 1;
			continue;
		}
		if (prev_run || !fits(&st, &num)) {
			prev_run = 0;
			continue;
		}
		if ((h = push_heading(r, out)) == NULL)
			return;
		h->line = i;
		h->level = num.depth;
		h->cut = cut;
		number_string(&num, h->number, sizeof(h->number));
		advance(&st, &num);
	}
}

/* Unnumbered headings: isolated short title-like lines. */
static void
find_unnumbered(struct lsn_rctx *r, struct lsn_line *v, size_t n,
    struct headings *out)
{
	struct heading	*h;
	size_t		 i, j;
	int		 prev_title = 0, prev_heading = 1;

	for (i = 0; i < n; i++) {
		struct lsn_line *l = &v[i];
		int title;

		if (!usable(l))
			continue;
		title = l->type == LSN_LINE_PARA && l->label == NULL &&
		    lsn_title_like(l->text, l->len,
		    LSN_TITLE_WORDS_UNNUMBERED) &&
		    !parenthetical(l);
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

/* ------------------------------------------------------------------ */
/* Building                                                            */

/*
 * Sections of region v[0..n) under `container`; the lines before the
 * first heading go into a <body> element created on demand.
 */
static void
build_region(struct lsn_rctx *r, lsn_node *container, struct lsn_line *v,
    size_t n, lsn_node *body)
{
	struct headings	 hs;
	lsn_node	 *stack_el[16];
	int		 stack_lvl[16];
	int		 top = 0;
	size_t		 k, first;

	memset(&hs, 0, sizeof(hs));
	find_numbered(r, v, n, &hs);
	if (hs.n == 0 && !r->style_headings)
		find_unnumbered(r, v, n, &hs);
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

static void
build_annex(struct lsn_rctx *r, lsn_node *root, struct lsn_line *v, size_t n,
    const char *id, size_t title_at)
{
	lsn_node	 *annex = lsn_el_n(&r->b, root, LSN_N_ANNEX), *title,
	    *note = NULL;
	struct lsn_line	*head = &v[0];
	size_t		 i = 1, j;
	const char	*title_text, *note_text = NULL;

	lsn_attr_n(&r->b, annex, LSN_N_ID, id);
	lsn_attr_n(&r->b, annex, LSN_N_KIND, "other");
	title = lsn_el_n(&r->b, annex, LSN_N_TITLE);
	head->used = 1;
	if (title_at < head->len)
		lsn_inline(&r->b, title, head, title_at, head->len);
	else {
		anchors_only(r, title, head);
		j = next_usable(v, 1, n);
		if (j < n && v[j].type == LSN_LINE_PARA && v[j].label == NULL &&
		    v[j].outline == 0 && lsn_word_count(v[j].text, v[j].len) <=
		    LSN_ANNEX_TITLE_WORDS) {
			lsn_inline(&r->b, title, &v[j], 0, v[j].len);
			v[j].used = 1;
			i = j + 1;
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
	if (j < n && parenthetical(&v[j])) {
		note = lsn_el_n(&r->b, annex, LSN_N_NOTE);
		lsn_text(&r->b, note, v[j].text, v[j].len);
		v[j].used = 1;
	}
	build_region(r, annex, v + 1, n - 1, NULL);
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

const struct lsn_kind *
lsn_structure(struct lsn_rctx *r, lsn_node *root, struct lsn_lines *lines,
    lsn_node *meta)
{
	struct lsn_line	*v = lines->v;
	size_t		 n = lines->n, i, start, main_end;
	char		 id[16];
	size_t		 title_at;
	const struct lsn_kind *kind = NULL;
	lsn_node	 *body = NULL, *title = NULL;
	char		*title_text = NULL, *note_text = NULL;

	/* The main part ends at the first annex. */
	for (main_end = 0; main_end < n; main_end++)
		if (usable(&v[main_end]) &&
		    annex_line(&v[main_end], id, sizeof(id), &title_at))
			break;

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
		if (lsn_child_n(meta, LSN_N_TITLE) == NULL) {
			lsn_node *first = lsn_child(meta, NULL);
			if ((title = lsn_el_n(&r->b, NULL,
			    LSN_N_TITLE)) == NULL)
				return NULL;
			if (first != NULL)
				lsn_insert_before(first, title);
			else
				lsn_append(meta, title);
			lsn_text(&r->b, title, both->text, both->len);
		}
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
	build_region(r, root, v, main_end, body);

	for (start = main_end; start < n; ) {
		size_t end, t2;
		char id2[16];

		annex_line(&v[start], id, sizeof(id), &title_at);
		for (end = start + 1; end < n; end++)
			if (usable(&v[end]) &&
			    annex_line(&v[end], id2, sizeof(id2), &t2))
				break;
		build_annex(r, root, v + start, end - start, id, title_at);
		start = end;
	}
	/* The kind the first line named, if its text bears it out. */
	if (kind != NULL && (kind->build == NULL ||
	    !kind->build(r, root, title_text, note_text)))
		kind = NULL;
	return kind;
}
