/* SPDX-License-Identifier: MIT */
/*
 * cover.c: the LS cover sheet ("Question(s):", "Source:", "Title:" ...
 * rows of the ITU-T template's table, or the same as "Label: value"
 * paragraphs), the Abstract and the Actions requested.
 *
 * Rows whose every cell was taken into the model are consumed; anything
 * else in a cover table stays in the body as a table, so no text is lost.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/dates.h"
#include "recognize/lines.h"
#include "recognize/tuning.h"
#include "util/text.h"
#include "util/buf.h"

/* ------------------------------------------------------------------ */
/* Cover labels                                                        */

enum field {
	F_NONE = 0, F_QUESTIONS, F_SOURCE, F_TITLE, F_PURPOSE, F_FOR_ACTION,
	F_FOR_INFORMATION, F_APPROVAL, F_DEADLINE, F_CONTACT, F_ABSTRACT,
	F_MEETING, F_DOCUMENT, F_STUDY_PERIOD
};

static const struct {
	const char	*label;
	enum field	 field;
} labels[] = {
	{ "question(s)", F_QUESTIONS }, { "questions", F_QUESTIONS },
	{ "question", F_QUESTIONS }, { "source", F_SOURCE },
	{ "title", F_TITLE }, { "purpose", F_PURPOSE },
	{ "for action to", F_FOR_ACTION }, { "for action", F_FOR_ACTION },
	{ "action to", F_FOR_ACTION },
	{ "for information to", F_FOR_INFORMATION },
	{ "for information", F_FOR_INFORMATION },
	{ "for info to", F_FOR_INFORMATION },
	{ "for comment to", F_FOR_INFORMATION },
	{ "approval", F_APPROVAL }, { "approved", F_APPROVAL },
	{ "deadline", F_DEADLINE }, { "contact", F_CONTACT },
	{ "contacts", F_CONTACT }, { "contact(s)", F_CONTACT },
	{ "abstract", F_ABSTRACT }, { "summary", F_ABSTRACT },
	{ "meeting", F_MEETING }, { "place and date", F_MEETING },
	{ "document", F_DOCUMENT }, { "study period", F_STUDY_PERIOD },
};

/*
 * A cover label at the start of text: "Source:", "For action to:",
 * "Abstract". With `need_colon`, the colon must be there (paragraphs);
 * table cells may omit it. Returns the field and the bytes taken
 * (label, colon, spaces) in *taken.
 */
static enum field
label_at(const char *s, size_t len, int need_colon, size_t *taken)
{
	size_t	 i, n, k;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		n = strlen(labels[i].label);
		if (n > len || strncasecmp(s, labels[i].label, n) != 0)
			continue;
		k = n;
		while (k < len && s[k] == ' ')
			k++;
		if (k < len && s[k] == ':')
			k++;
		else if (need_colon || (k < len && n == k))
			/* "Titles of..." is no label; nor is "Source" with
			 * text after it outside a cell. */
			continue;
		else if (k < len)
			continue;
		while (k < len && s[k] == ' ')
			k++;
		*taken = k;
		return labels[i].field;
	}
	return F_NONE;
}

/* ------------------------------------------------------------------ */
/* State                                                               */

struct cover {
	struct lsn_rctx	*r;
	lsn_node	 *abstract;
	enum field	 current;  /* the label continuation rows add to */
	int		 contact_pending; /* a "Contact:" label opened one */
};

/* The meta field each single-valued cover field fills. */
static enum lsn_meta_field
meta_field(enum field f)
{
	switch (f) {
	case F_SOURCE:		return LSN_META_SOURCE;
	case F_TITLE:		return LSN_META_TITLE;
	case F_PURPOSE:		return LSN_META_PURPOSE;
	case F_APPROVAL:	return LSN_META_APPROVAL;
	case F_DEADLINE:	return LSN_META_DEADLINE;
	case F_MEETING:		return LSN_META_MEETING;
	case F_DOCUMENT:	return LSN_META_DOCUMENT;
	case F_STUDY_PERIOD:	return LSN_META_STUDY_PERIOD;
	default:		return LSN_META_NFIELDS;
	}
}

/* A value of f, or its continuation on another row or line. */
static void
set_single(struct cover *c, enum field f, const char *s, size_t n)
{
	enum lsn_meta_field m = meta_field(f);

	if (m != LSN_META_NFIELDS)
		lsn_meta_continue(c->r, m, s, n);
}

/* 1 when s[0..n) is digits only: a Question number whose Study Group
 * comes with a later one ("4, 5, 12/13"). */
static int
bare_number(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/*
 * Gives each bare number after `from` in b (NUL-separated values) the
 * Study Group suffix ("/13"): each value is rewritten once, so a long
 * list stays linear.
 */
static void
suffix_pending(struct lsn_buf *b, size_t from, const char *suffix,
    size_t len)
{
	struct lsn_buf	 tail = { 0 };
	const char	*p, *end;

	lsn_buf_put(&tail, b->data + from, b->len - from);
	if (tail.oom) {
		b->oom = 1;
		return;
	}
	b->len = from;
	for (p = tail.data, end = p + tail.len; p < end; p += strlen(p) + 1) {
		lsn_buf_puts(b, p);
		lsn_buf_put(b, suffix, len);
		lsn_buf_putc(b, '\0');
	}
	lsn_buf_free(&tail);
}

/*
 * Splits "TSAG, SG2 and SG13" into NUL-separated values. With
 * `questions`, "Q3/17" is written "3/17", as the cover's Question(s)
 * row usually gives them, and numbers before one with its Study Group
 * share it: "Q4, 5, 12/13" is 4/13, 5/13 and 12/13.
 */
static void
split_list(struct lsn_buf *b, const char *s, size_t n, int questions)
{
	size_t	 i = 0, start = 0, pending = (size_t)-1;

	for (i = 0; i <= n; i++) {
		size_t cut = 0;

		if (i == n || s[i] == ',' || s[i] == ';')
			cut = 1;
		else if (i + 5 <= n && strncmp(s + i, " and ", 5) == 0)
			cut = 5;
		if (!cut)
			continue;
		{
			size_t a = start, e = i;
			const char *slash;

			while (a < e && s[a] == ' ')
				a++;
			while (e > a && (s[e - 1] == ' ' || s[e - 1] == '.'))
				e--;
			if (questions && e > a + 1 &&
			    (s[a] == 'Q' || s[a] == 'q') &&
			    isdigit((unsigned char)s[a + 1]))
				a++;
			if (questions && pending != (size_t)-1 && e > a &&
			    (slash = memchr(s + a, '/', e - a)) != NULL &&
			    bare_number(s + a, (size_t)(slash - (s + a))))
				suffix_pending(b, pending, slash,
				    (size_t)(s + e - slash));
			if (questions && bare_number(s + a, e - a)) {
				if (pending == (size_t)-1)
					pending = b->len;
			} else
				pending = (size_t)-1;
			if (e > a) {
				lsn_buf_put(b, s + a, e - a);
				lsn_buf_putc(b, '\0');
			}
		}
		start = i + cut;
		if (cut > 1)
			i += cut - 1;
	}
}

/* The values of s[0..n) (see split_list) added to meta list l. */
static void
add_list(struct cover *c, enum lsn_meta_list l, const char *s, size_t n,
    int questions)
{
	struct lsn_buf	 b = { 0 };
	const char	*p, *end;

	split_list(&b, s, n, questions);
	if (b.oom)
		c->r->a.oom = 1;
	for (p = lsn_buf_str(&b), end = p + b.len; p < end; p += strlen(p) + 1)
		lsn_meta_add(c->r, l, p, strlen(p));
	lsn_buf_free(&b);
}

/* Sets part p of contact k unless it has one. */
static void
contact_part(struct cover *c, size_t k, enum lsn_contact_part p,
    const char *s, size_t n)
{
	if (lsn_meta_contact_get(c->r, k, p) == NULL)
		lsn_meta_contact_set(c->r, k, p, s, n, 0);
}

/* One piece of a contact block: a name, "Tel: ...", "E-mail: ..." */
static void
contact_piece(struct cover *c, const char *s, size_t n)
{
	size_t		 k, at;
	const char	*p;

	if (n == 0)
		return;
	if ((lsn_meta_ncontacts(c->r) == 0 || c->contact_pending) &&
	    lsn_meta_contact_add(c->r) == (size_t)-1)
		return;
	c->contact_pending = 0;
	k = lsn_meta_ncontacts(c->r) - 1;
	if ((at = lsn_prefix_ci(s, "tel")) > 0 ||
	    (at = lsn_prefix_ci(s, "phone")) > 0 ||
	    (at = lsn_prefix_ci(s, "mobile")) > 0) {
		while (at < n &&
		    (isalpha((unsigned char)s[at]) || s[at] == '.' ||
		    s[at] == ':' || s[at] == ' '))
			at++;
		contact_part(c, k, LSN_CONTACT_PHONE, s + at, n - at);
		return;
	}
	if ((p = memchr(s, '@', n)) != NULL) {
		const char *a = p, *e = p;
		while (a > s && !isspace((unsigned char)a[-1]) && a[-1] != ':')
			a--;
		while (e < s + n && !isspace((unsigned char)*e))
			e++;
		while (e > p && strchr(".,;)", e[-1]) != NULL)
			e--;
		contact_part(c, k, LSN_CONTACT_EMAIL, a, (size_t)(e - a));
		return;
	}
	if (lsn_prefix_ci(s, "fax") > 0)
		return;
	if (lsn_meta_contact_get(c->r, k, LSN_CONTACT_NAME) == NULL)
		contact_part(c, k, LSN_CONTACT_NAME, s, n);
	else if (lsn_meta_contact_get(c->r, k,
	    LSN_CONTACT_ORGANIZATION) == NULL)
		contact_part(c, k, LSN_CONTACT_ORGANIZATION, s, n);
	else
		contact_part(c, k, LSN_CONTACT_COUNTRY, s, n);
}

/* Takes a value for field f from text s (a cell line or the rest of a
 * paragraph). Returns 1 when the text was used. */
static int
take_value(struct cover *c, enum field f, const struct lsn_line *l,
    size_t from)
{
	const char	*s = l->text + from;
	size_t		 n = l->len - from;

	switch (f) {
	case F_QUESTIONS:
		add_list(c, LSN_META_QUESTIONS, s, n, 1);
		return 1;
	case F_FOR_ACTION:
		add_list(c, LSN_META_FOR_ACTION, s, n, 0);
		return 1;
	case F_FOR_INFORMATION:
		add_list(c, LSN_META_FOR_INFORMATION, s, n, 0);
		return 1;
	case F_CONTACT:
		contact_piece(c, s, n);
		return 1;
	case F_ABSTRACT: {
		struct lsn_line copy = *l;

		if (c->abstract == NULL)
			c->abstract = lsn_el_n(&c->r->b, NULL, LSN_N_ABSTRACT);
		lsn_line_cut_front(&copy, from);
		if (copy.len > 0)
			lsn_blocks(c->r, c->abstract, &copy, 1);
		return 1;
	}
	default:
		if (f == F_DEADLINE &&
		    lsn_meta_iso(c->r, LSN_META_DEADLINE) == NULL) {
			char iso[LSN_DATE_ISO_SIZE];
			size_t at, matched;
			for (at = 0; at < n; at++)
				if ((at == 0 || s[at - 1] == ' ') &&
				    lsn_parse_date(s + at, n - at, iso,
				    &matched) > 0) {
					lsn_meta_set_iso(c->r,
					    LSN_META_DEADLINE, iso);
					break;
				}
		}
		if (f == F_NONE)
			return 0;
		set_single(c, f, s, n);
		return 1;
	}
}

/* "TSAG-LS7", "SG17-LS123", "TSAG-TD123-R1": an ITU document number. */
static int
is_document_number(const char *s, size_t n)
{
	size_t	 i;
	int	 dash = 0, kind = 0;

	if (n < LSN_DOCNUM_MIN_BYTES || n > LSN_DOCNUM_MAX_BYTES ||
	    !isupper((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			return 0;
		if (s[i] == '-') {
			dash = 1;
			if (i + 2 < n && (strncmp(s + i + 1, "LS", 2) == 0 ||
			    strncmp(s + i + 1, "TD", 2) == 0) &&
			    i + 3 < n && isdigit((unsigned char)s[i + 3]))
				kind = 1;
		}
	}
	return dash && kind;
}

/* Header lines of the template: study period, document number. */
static int
header_text(struct cover *c, const char *s, size_t n)
{
	size_t	 k;

	if ((k = lsn_prefix_ci(s, "study period")) > 0 && k < n) {
		set_single(c, F_STUDY_PERIOD, s + k, n - k);
		return 1;
	}
	if (is_document_number(s, n)) {
		set_single(c, F_DOCUMENT, s, n);
		return 1;
	}
	return 0;
}

/* The first paragraph of a cell, or NULL. */
static const struct lsn_line *
first_line(const struct lsn_cell *cell)
{
	size_t	 i;

	for (i = 0; i < cell->lines.n; i++)
		if (cell->lines.v[i].type == LSN_LINE_PARA)
			return &cell->lines.v[i];
	return NULL;
}

/* All lines of a cell as values of field f; 1 if all were taken. */
static int
cell_values(struct cover *c, enum field f, const struct lsn_cell *cell,
    size_t skip_first)
{
	size_t	 i;
	int	 all = 1, first = 1;

	for (i = 0; i < cell->lines.n; i++) {
		const struct lsn_line *l = &cell->lines.v[i];

		if (l->type != LSN_LINE_PARA)
			continue;
		if (!take_value(c, f, l, first ? skip_first : 0))
			all = 0;
		first = 0;
	}
	return all;
}

/* A cell that names a meeting: a place and a date. */
static int
meeting_text(const struct lsn_line *l)
{
	size_t	 i, m;
	char	 iso[LSN_DATE_ISO_SIZE];

	for (i = 0; i < l->len; i++)
		if ((i == 0 || l->text[i - 1] == ' ') &&
		    lsn_parse_date(l->text + i, l->len - i, iso, &m) > 0)
			return 1;
	return 0;
}

/*
 * A cover table row. Returns 1 when every cell was taken into meta or
 * abstract (the row can go), 0 when the row must stay in the body.
 */
static int
cover_row(struct cover *c, const struct lsn_row *row)
{
	size_t			 j, taken;
	const struct lsn_line	*l;
	enum field		 f = F_NONE, next;
	int			 all = 1, empty_first = 1;

	for (j = 0; j < row->n; j++) {
		const struct lsn_cell *cell = &row->cells[j];

		if ((l = first_line(cell)) == NULL)
			continue;
		/* A label after a value starts a field of its own: the TD
		 * header's "Question(s): | 4/17 | Meeting: | Geneva" row. */
		if ((f == F_NONE && (f = label_at(l->text, l->len, 0,
		    &taken)) != F_NONE) || (f != F_NONE && j > 0 &&
		    (next = label_at(l->text, l->len, 1, &taken)) != F_NONE &&
		    (f = next) != F_NONE)) {
			c->current = f;
			if (f == F_CONTACT)
				c->contact_pending = 1;
			if (!cell_values(c, f, cell, taken))
				all = 0;
			continue;
		}
		if (f == F_NONE && empty_first && j > 0 &&
		    c->current != F_NONE) {
			/* A row continuing the label above (first cell empty). */
			f = c->current;
		}
		empty_first = 0;
		if (f == F_QUESTIONS && j > 0 && meeting_text(l)) {
			set_single(c, F_MEETING, l->text, l->len);
			continue;
		}
		if (f != F_NONE) {
			if (!cell_values(c, f, cell, 0))
				all = 0;
			continue;
		}
		if (!header_text(c, l->text, l->len) || cell->lines.n > 1)
			all = 0;
	}
	if (f == F_NONE)
		c->current = F_NONE;
	return all;
}

/* Removes the rows marked in drop[] from the table; 1 if none is left. */
static int
drop_rows(struct lsn_table *t, const char *drop)
{
	size_t	 i, w = 0;

	for (i = 0; i < t->n; i++)
		if (!drop[i])
			t->rows[w++] = t->rows[i];
	t->n = w;
	return w == 0;
}

static int
is_cover_table(const struct lsn_table *t)
{
	size_t	 i, j, taken;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->rows[i].n && j < 2; j++) {
			const struct lsn_line *l = first_line(&t->rows[i].cells[j]);
			if (l != NULL &&
			    label_at(l->text, l->len, 0, &taken) != F_NONE &&
			    lsn_last_char(l->text, l->len) == ':')
				return 1;
		}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Actions requested                                                   */

static size_t
actions_label(const struct lsn_line *l)
{
	static const char *const forms[] = {
		"actions requested", "action requested", "action(s) requested",
		"actions required", "action required", "action(s) required",
		NULL
	};
	size_t	 i, n, k;

	if (l->type != LSN_LINE_PARA || l->label != NULL)
		return 0;
	for (i = 0; forms[i] != NULL; i++) {
		if ((n = lsn_prefix_ci(l->text, forms[i])) == 0)
			continue;
		k = n;
		while (k < l->len && l->text[k] == ' ')
			k++;
		if (k == l->len)
			return k;
		if (l->text[k] == ':') {
			k++;
			while (k < l->len && l->text[k] == ' ')
				k++;
			return k;
		}
	}
	return 0;
}

static void
take_actions(struct lsn_rctx *r, struct lsn_lines *body, lsn_node **actions)
{
	size_t	 i, j, from;

	for (i = 0; i < body->n; i++) {
		struct lsn_line *l = &body->v[i];

		if (l->used || (from = actions_label(l)) == 0)
			continue;
		*actions = lsn_el_n(&r->b, NULL, LSN_N_ACTIONS_REQUESTED);
		l->used = 1;
		if (from < l->len) {
			struct lsn_line copy = *l;
			copy.used = 0;
			lsn_line_cut_front(&copy, from);
			lsn_blocks(r, *actions, &copy, 1);
		}
		/* What follows, up to a blank line or a heading-like line. */
		for (j = i + 1; j < body->n; j++) {
			struct lsn_line *m = &body->v[j];
			struct lsn_number num;

			if (m->type == LSN_LINE_BLANK || m->outline > 0 ||
			    m->used || lsn_is_rule(m))
				break;
			if (m->label != NULL &&
			    lsn_number_parse(m->label, &num) &&
			    lsn_title_like(m->text, m->len,
			    LSN_TITLE_WORDS_COVER_END))
				break;
		}
		lsn_blocks(r, *actions, body->v + i + 1, j - (i + 1));
		for (from = i + 1; from < j; from++)
			body->v[from].used = 1;
		return;
	}
}

/* ------------------------------------------------------------------ */

void
lsn_cover(struct lsn_rctx *r, struct lsn_lines *body, lsn_node **abstract,
    lsn_node **actions)
{
	struct cover	 c;
	size_t		 i, j, taken, words = 0;

	memset(&c, 0, sizeof(c));
	c.r = r;
	*abstract = *actions = NULL;

	/*
	 * The cover region: from the start up to the first substantial
	 * paragraph or heading outside a table.
	 */
	for (i = 0; i < body->n && i < LSN_COVER_LINES; i++) {
		struct lsn_line *l = &body->v[i];
		enum field f;

		if (l->type == LSN_LINE_BLANK) {
			if (c.current == F_ABSTRACT && c.abstract != NULL)
				c.current = F_NONE;
			continue;
		}
		if (l->type == LSN_LINE_TABLE) {
			struct lsn_table *t = l->table;
			char *drop;

			/* Other tables of the header stay in the body. */
			if (!is_cover_table(t))
				continue;
			if ((drop = lsn_arena_alloc(&r->a, t->n + 1)) == NULL)
				break;
			for (j = 0; j < t->n; j++)
				drop[j] = (char)cover_row(&c, &t->rows[j]);
			if (drop_rows(t, drop))
				l->used = 1;
			/* A cell's value ends with its table. */
			c.current = F_NONE;
			continue;
		}
		if (l->label != NULL || l->outline > 0)
			break;
		if ((f = label_at(l->text, l->len, 1, &taken)) != F_NONE) {
			c.current = f;
			if (f == F_CONTACT)
				c.contact_pending = 1;
			if (taken < l->len)
				take_value(&c, f, l, taken);
			l->used = 1;
			continue;
		}
		if (c.current == F_ABSTRACT || c.current == F_CONTACT) {
			take_value(&c, c.current, l, 0);
			l->used = 1;
			continue;
		}
		if (header_text(&c, l->text, l->len)) {
			l->used = 1;
			continue;
		}
		words = lsn_word_count(l->text, l->len);
		if (words > LSN_COVER_END_WORDS || actions_label(l))
			break;
	}
	take_actions(r, body, actions);
	*abstract = c.abstract;
}
