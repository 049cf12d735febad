/* SPDX-License-Identifier: MIT */
/*
 * cover.c: the cover of a document: the LS cover sheet and TD header
 * of ITU's templates ("Question(s):", "Source:", "Title:" ... rows of a
 * table, or the same as "Label: value" paragraphs), Rec. ITU-T A.1's
 * Figure 1-1 layout (labels stacked in one cell over their values,
 * Tel/Fax/E-mail in cells of their own), letter-style liaison
 * statements of other bodies ("To:", "For Information", "Date:"), a
 * text export's cover (each cell on its own line, a label above its
 * value), in ITU's six languages (labels.c); then the Abstract and the
 * Actions requested. Fills r->meta.
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
#include "recognize/labels.h"
#include "recognize/lines.h"
#include "recognize/meta.h"
#include "recognize/questions.h"
#include "recognize/tuning.h"
#include "util/text.h"
#include "util/buf.h"

#define NO_CONTACT	((size_t)-1)

/* ------------------------------------------------------------------ */
/* State                                                               */

struct cover {
	struct lsn_rctx		*r;
	lsn_node		*abstract;
	enum lsn_cover_field	 current; /* the label continuation rows
					     and lines add to */
	size_t			 contact; /* the contact being filled, or
					     NO_CONTACT: the next piece
					     starts one */
	enum lsn_cover_field	 part;	  /* TEL, FAX or EMAIL whose value
					     the next cell or line gives */
	struct lsn_buf		 to, cc;  /* a letter's addressees and
					     copies, NUL-separated, waiting
					     for their purpose */
	enum lsn_cover_field	 purpose; /* FOR_* a purpose line names */
	int			 clause_sought; /* first_clause looked on */
};

/* The meta field each single-valued cover field fills. */
static enum lsn_meta_field
meta_field(enum lsn_cover_field f)
{
	switch (f) {
	case LSN_CF_SOURCE:		return LSN_META_SOURCE;
	case LSN_CF_TITLE:		return LSN_META_TITLE;
	case LSN_CF_PURPOSE:		return LSN_META_PURPOSE;
	case LSN_CF_APPROVAL:		return LSN_META_APPROVAL;
	case LSN_CF_DEADLINE:		return LSN_META_DEADLINE;
	case LSN_CF_MEETING:		return LSN_META_MEETING;
	case LSN_CF_DOCUMENT:		return LSN_META_DOCUMENT;
	case LSN_CF_STUDY_PERIOD:	return LSN_META_STUDY_PERIOD;
	case LSN_CF_DATE:		return LSN_META_DATE;
	case LSN_CF_REPLY_TO:		return LSN_META_REPLY_TO;
	default:			return LSN_META_NFIELDS;
	}
}

/* The meta list each many-valued cover field fills. */
static enum lsn_meta_list
meta_list(enum lsn_cover_field f)
{
	switch (f) {
	case LSN_CF_QUESTIONS:		return LSN_META_QUESTIONS;
	case LSN_CF_FOR_ACTION:		return LSN_META_FOR_ACTION;
	case LSN_CF_FOR_COMMENT:	return LSN_META_FOR_COMMENT;
	case LSN_CF_FOR_INFORMATION:
	case LSN_CF_CC:			return LSN_META_FOR_INFORMATION;
	default:			return LSN_META_NLISTS;
	}
}

/* A value of f, or its continuation on another row or line. */
static void
set_single(struct cover *c, enum lsn_cover_field f, const char *s, size_t n)
{
	enum lsn_meta_field m = meta_field(f);

	if (m != LSN_META_NFIELDS)
		lsn_meta_continue(c->r, m, s, n);
}

/* The ISO date of the first date in s[0..n) as field m's, once. */
static void
date_iso(struct cover *c, enum lsn_meta_field m, const char *s, size_t n)
{
	char	 iso[LSN_DATE_ISO_SIZE];
	size_t	 at, matched;

	if (lsn_meta_iso(c->r, m) != NULL)
		return;
	for (at = 0; at < n; at++)
		if ((at == 0 || s[at - 1] == ' ') &&
		    lsn_parse_date(s + at, n - at, iso, &matched) > 0) {
			lsn_meta_set_iso(c->r, m, iso);
			return;
		}
}

/* The word "and" between the last two values of a list, in ITU's
 * languages ("CE 13 et CE 17", "CE 2 y CE 12", "ИК 3 и ИК 13"), and
 * the Chinese list comma "、". Not Arabic "و" joined to the next word
 * nor Chinese "和": both also open or sit inside plain words. */
static const struct lsn_word list_and[] = {
	LSN_WORD(" and "), LSN_WORD(" et "), LSN_WORD(" y "),
	LSN_WORD(" \xd0\xb8 ") /* и */, LSN_WORD(" \xd9\x88 ") /* و */,
	LSN_WORD("\xe3\x80\x81") /* 、 */
};

/* The separator of a list at s[i]: its length, else 0. */
static size_t
list_separator(const char *s, size_t n, size_t i)
{
	size_t	 w;

	if (s[i] == ',' || s[i] == ';')
		return 1;
	for (w = 0; w < sizeof(list_and) / sizeof(list_and[0]); w++)
		if (s[i] == list_and[w].s[0] && i + list_and[w].len <= n &&
		    memcmp(s + i, list_and[w].s, list_and[w].len) == 0)
			return list_and[w].len;
	return 0;
}

/*
 * Splits "TSAG, SG2 and SG13" into NUL-separated values appended to b
 * (a Question(s) value: lsn_split_questions).
 */
static void
split_list(struct lsn_buf *b, const char *s, size_t n)
{
	size_t	 i, start = 0, a, e, cut;

	for (i = 0; i <= n; i++) {
		if ((cut = i == n ? 1 : list_separator(s, n, i)) == 0)
			continue;
		for (a = start, e = i; a < e && s[a] == ' '; a++)
			;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '.'))
			e--;
		if (e > a) {
			lsn_buf_put(b, s + a, e - a);
			lsn_buf_putc(b, '\0');
		}
		start = i + cut;
		i += cut - 1;
	}
}

/* The values of s[0..n) added to meta list l: Questions as
 * lsn_split_questions reads them, others as split_list. */
static void
add_list(struct cover *c, enum lsn_meta_list l, const char *s, size_t n)
{
	struct lsn_buf	 b = { 0 };
	const char	*p, *end;

	if (l == LSN_META_QUESTIONS)
		lsn_split_questions(&b, s, n);
	else
		split_list(&b, s, n);
	if (b.oom)
		c->r->a.oom = 1;
	for (p = lsn_buf_str(&b), end = p + b.len; p < end; p += strlen(p) + 1)
		lsn_meta_add(c->r, l, p, strlen(p));
	lsn_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Contacts                                                            */

/* The contact being filled; a new one when none is. */
static size_t
this_contact(struct cover *c)
{
	if (c->contact == NO_CONTACT ||
	    c->contact >= lsn_meta_ncontacts(c->r))
		c->contact = lsn_meta_contact_add(c->r);
	return c->contact;
}

/* Sets part p of the contact being filled unless it has one. */
static void
contact_part(struct cover *c, enum lsn_contact_part p, const char *s,
    size_t n)
{
	size_t	 k = this_contact(c);

	if (k != NO_CONTACT && lsn_meta_contact_get(c->r, k, p) == NULL)
		lsn_meta_contact_set(c->r, k, p, s, n, 0);
}

/* The part of a contact a Tel, Fax or E-mail label gives. */
static enum lsn_contact_part
part_of(enum lsn_cover_field f)
{
	return f == LSN_CF_TEL ? LSN_CONTACT_PHONE :
	    f == LSN_CF_FAX ? LSN_CONTACT_FAX : LSN_CONTACT_EMAIL;
}

/* The address in s[0..n) around its '@' (p), without the punctuation
 * around it. */
static void
contact_email(struct cover *c, const char *s, size_t n, const char *p)
{
	const char *a = p, *e = p;

	while (a > s && !isspace((unsigned char)a[-1]) && a[-1] != ':')
		a--;
	while (e < s + n && !isspace((unsigned char)*e))
		e++;
	while (e > p && strchr(".,;)", e[-1]) != NULL)
		e--;
	contact_part(c, LSN_CONTACT_EMAIL, a, (size_t)(e - a));
}

/* "Tel" or "Fax" and a number with no colon between: "Tel +41 22 ...". */
static enum lsn_cover_field
bare_part_label(const char *s, size_t n, size_t *taken)
{
	static const struct { const char *w; enum lsn_cover_field f; } w[] = {
		{ "tel", LSN_CF_TEL }, { "phone", LSN_CF_TEL },
		{ "mobile", LSN_CF_TEL }, { "fax", LSN_CF_FAX },
	};
	size_t	 i, k;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if ((k = lsn_prefix_ci(s, w[i].w)) == 0 || k > n)
			continue;
		if (k < n && s[k] == '.')
			k++;
		if (k < n && s[k] == ' ')
			k++;
		if (k < n && (s[k] == '+' || s[k] == '(' ||
		    isdigit((unsigned char)s[k]))) {
			*taken = k;
			return w[i].f;
		}
	}
	return LSN_CF_NONE;
}

/* A value for a pending part: a number for Tel and Fax. */
static int
part_value(enum lsn_cover_field part, const char *s, size_t n)
{
	if (part == LSN_CF_EMAIL)
		return memchr(s, '@', n) != NULL;
	return n > 0 && (s[0] == '+' || s[0] == '(' ||
	    isdigit((unsigned char)s[0]));
}

/* 1 when s[0..n) is a template's placeholders and nothing else:
 * "<Name>", or "<Name> <Organization> <Country>" (a writer joined the
 * lines of their cell). */
static int
placeholders(const char *s, size_t n)
{
	size_t	 i = 0;

	if (n < 2)
		return 0;
	while (i < n) {
		if (s[i] != '<')
			return 0;
		for (i++; i < n && s[i] != '>'; i++)
			if (s[i] == '<')
				return 0;
		if (i == n)
			return 0;
		for (i++; i < n && s[i] == ' '; i++)
			;
	}
	return 1;
}

/* The Tel, Fax or E-mail label with its colon at s[0..n), its bytes in
 * *taken; LSN_CF_NONE for none. */
static enum lsn_cover_field
part_label_at(const char *s, size_t n, size_t *taken)
{
	enum lsn_cover_field	 f = lsn_cover_label(s, n, 1, taken, NULL);

	return f == LSN_CF_TEL || f == LSN_CF_FAX || f == LSN_CF_EMAIL ?
	    f : LSN_CF_NONE;
}

/* Where in s[0..n) a Tel, Fax or E-mail label with its colon starts
 * after a space, or 0. */
static size_t
next_part_label(const char *s, size_t n)
{
	size_t	 i, taken;

	for (i = 1; i < n; i++)
		if (s[i - 1] == ' ' && s[i] != ' ' &&
		    part_label_at(s + i, n - i, &taken) != LSN_CF_NONE)
			return i;
	return 0;
}

/*
 * One piece of a contact: a name, organization or country (in that
 * order, as the templates' "<Name> <Organization> <Country>"), "Tel:
 * ...", "E-mail: ...", a label alone whose value follows in the next
 * cell or line ("Tel:" | "+41 22 ..."), or that value. Returns 0 for
 * text that is no piece of the contact (a sentence, or a fourth line
 * of name and address): it stays in the body.
 */
static int
contact_one(struct cover *c, const char *s, size_t n)
{
	enum lsn_cover_field	 f;
	size_t			 taken, k, words;
	const char		*p;
	static const enum lsn_contact_part slots[] = { LSN_CONTACT_NAME,
	    LSN_CONTACT_ORGANIZATION, LSN_CONTACT_COUNTRY };

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || placeholders(s, n))
		return 1;
	/* "Tel: Fax: Email:", a template's labels alone with their lines
	 * joined by a writer: each but the last is a label alone */
	while ((f = part_label_at(s, n, &taken)) != LSN_CF_NONE) {
		for (k = taken; k < n && s[k] == ' '; k++)
			;
		if (k == n || part_label_at(s + k, n - k, &words) ==
		    LSN_CF_NONE)
			break;
		c->part = f;
		(void)this_contact(c);
		s += k;
		n -= k;
	}
	f = lsn_cover_label(s, n, 1, &taken, NULL);
	if (f != LSN_CF_TEL && f != LSN_CF_FAX && f != LSN_CF_EMAIL)
		f = bare_part_label(s, n, &taken);
	if (f != LSN_CF_NONE) {
		if (taken >= n) {
			c->part = f;
			(void)this_contact(c);
			return 1;
		}
		c->part = LSN_CF_NONE;
		/* "Tel: +1 613 820 6643 E-mail: ...", a cell's lines joined
		 * by a writer: the next label ends this value (a loop: one
		 * call a label, whatever their number) */
		if ((k = next_part_label(s + taken, n - taken)) > 0) {
			do {
				(void)contact_one(c, s, taken + k);
				s += taken + k;
				n -= taken + k;
				(void)lsn_cover_label(s, n, 1, &taken, NULL);
			} while (taken < n &&
			    (k = next_part_label(s + taken, n - taken)) > 0);
			return contact_one(c, s, n);
		}
		if (f == LSN_CF_EMAIL && (p = memchr(s + taken, '@',
		    n - taken)) != NULL)
			contact_email(c, s + taken, n - taken, p);
		else
			contact_part(c, part_of(f), s + taken, n - taken);
		return 1;
	}
	if ((p = memchr(s, '@', n)) != NULL) {
		if (c->part == LSN_CF_EMAIL)
			c->part = LSN_CF_NONE;
		contact_email(c, s, n, p);
		return 1;
	}
	if (c->part != LSN_CF_NONE && part_value(c->part, s, n)) {
		contact_part(c, part_of(c->part), s, n);
		c->part = LSN_CF_NONE;
		return 1;
	}
	/* a sentence is no name: "ABC Inc." is, "We thank you." not */
	if ((words = lsn_word_count(s, n)) > LSN_CONTACT_PIECE_WORDS ||
	    (lsn_last_char(s, n) == '.' && words > LSN_CONTACT_DOT_WORDS))
		return 0;
	k = this_contact(c);
	for (taken = 0; taken < sizeof(slots) / sizeof(slots[0]); taken++)
		if (lsn_meta_contact_get(c->r, k, slots[taken]) == NULL) {
			contact_part(c, slots[taken], s, n);
			return 1;
		}
	return 0;
}

/* 1 when a comma-separated piece of s[0..n) is an address or starts
 * with Tel/Fax/E-mail: the one-line contact "Name, Organization,
 * Country, E-mail: ...". */
static int
one_line_contact(const char *s, size_t n)
{
	size_t	 i, taken;

	if (memchr(s, ',', n) == NULL)
		return 0;
	if (memchr(s, '@', n) != NULL)
		return 1;
	for (i = 1; i < n; i++) {
		enum lsn_cover_field f;

		if (s[i - 1] != ',' && s[i - 1] != ';')
			continue;
		while (i < n && s[i] == ' ')
			i++;
		f = lsn_cover_label(s + i, n - i, 1, &taken, NULL);
		if (f == LSN_CF_TEL || f == LSN_CF_FAX || f == LSN_CF_EMAIL)
			return 1;
	}
	return 0;
}

/* A line of a contact block, split at its commas when it is a whole
 * contact on one line. Returns 0 when it is no part of the contact. */
static int
contact_piece(struct cover *c, const char *s, size_t n)
{
	size_t	 a = 0, i;
	int	 all = 1;

	if (!one_line_contact(s, n))
		return contact_one(c, s, n);
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != ',' && s[i] != ';')
			continue;
		while (a < i && s[a] == ' ')
			a++;
		if (!contact_one(c, s + a, i - a))
			all = 0;
		a = i + 1;
	}
	return all;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

/* "Study Group: 16", "Working Party: 1" (the skeleton's cover rows):
 * the group as "SG16", "WP1/16". */
static void
group_value(struct cover *c, enum lsn_cover_field f, const char *s,
    size_t n)
{
	char		 g[LSN_DOCNUM_MAX_BYTES];
	const char	*sg;
	size_t		 i;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '/')
			return;
	if (n == 0 || n + 8 > sizeof(g))
		return;
	if (f == LSN_CF_STUDY_GROUP) {
		snprintf(g, sizeof(g), "SG%.*s", (int)n, s);
		lsn_meta_set(c->r, LSN_META_GROUP, g, strlen(g));
		return;
	}
	/* A working party is more precise than its study group. */
	sg = lsn_meta_get(c->r, LSN_META_GROUP);
	if (memchr(s, '/', n) == NULL && sg != NULL &&
	    strncmp(sg, "SG", 2) == 0 && strlen(sg) < 8)
		snprintf(g, sizeof(g), "WP%.*s/%s", (int)n, s, sg + 2);
	else
		snprintf(g, sizeof(g), "WP%.*s", (int)n, s);
	lsn_meta_replace(c->r, LSN_META_GROUP, g, strlen(g));
}

/* Takes a value for field f from s[0..n) (a cell line or the rest of a
 * paragraph; l the line, for an abstract's blocks). Returns 1 when the
 * text was used. */
static int
take_text(struct cover *c, enum lsn_cover_field f, const struct lsn_line *l,
    size_t from)
{
	const char	*s = l->text + from;
	size_t		 n = l->len - from;
	const char	*code;

	/* a template's placeholder ("<Name>", "<Country>") is no value;
	 * it stays in the body */
	if (placeholders(s, n))
		return 0;
	switch (f) {
	case LSN_CF_NONE:
		return 0;
	case LSN_CF_QUESTIONS:
		add_list(c, LSN_META_QUESTIONS, s, n);
		return 1;
	case LSN_CF_FOR_ACTION:
	case LSN_CF_FOR_COMMENT:
	case LSN_CF_FOR_INFORMATION:
		add_list(c, meta_list(f), s, n);
		return 1;
	case LSN_CF_TO:
	case LSN_CF_CC:
		split_list(f == LSN_CF_TO ? &c->to : &c->cc, s, n);
		return 1;
	case LSN_CF_CONTACT:
	case LSN_CF_TEL:
	case LSN_CF_FAX:
	case LSN_CF_EMAIL:
		return contact_piece(c, s, n);
	case LSN_CF_ABSTRACT: {
		struct lsn_line copy = *l;

		if (c->abstract == NULL)
			c->abstract = lsn_el_n(&c->r->b, NULL, LSN_N_ABSTRACT);
		lsn_line_cut_front(&copy, from);
		if (copy.len > 0)
			lsn_blocks(c->r, c->abstract, &copy, 1);
		return 1;
	}
	/* Meta not as written ("en", "SG16"): the text stays too. */
	case LSN_CF_ORIGINAL:
		if ((code = lsn_language_code(s, n)) != NULL)
			lsn_meta_set(c->r, LSN_META_LANGUAGE, code,
			    strlen(code));
		return 0;
	case LSN_CF_STUDY_GROUP:
	case LSN_CF_WORKING_PARTY:
		group_value(c, f, s, n);
		return 0;
	case LSN_CF_PURPOSE:
		if (lsn_cover_purpose(s, n) != LSN_CF_NONE)
			c->purpose = lsn_cover_purpose(s, n);
		break;
	case LSN_CF_DEADLINE:
		date_iso(c, LSN_META_DEADLINE, s, n);
		break;
	case LSN_CF_DATE:
		date_iso(c, LSN_META_DATE, s, n);
		break;
	default:
		break;
	}
	set_single(c, f, s, n);
	return 1;
}

/* "TSAG-LS7", "SG17-LS123", "TSAG-TD123-R1", "SG16-TD45/PLEN": an ITU
 * document number in one word. */
static int
is_document_word(const char *s, size_t n)
{
	size_t	 i;
	int	 dash = 0, kind = 0;

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

/* "TD 123 (PLEN/16)", "TD 45 Rev.1 (WP2/16)", "C 12 (GEN/17)": the TD
 * header's document number; a contribution's "C n" needs its group. */
static int
is_document_td(const char *s, size_t n)
{
	size_t	 i = 0, d;

	if (n > 3 && strncmp(s, "TD ", 3) == 0)
		i = 3;
	else if (n > 2 && strncmp(s, "C ", 2) == 0 && s[n - 1] == ')')
		i = 2;
	else
		return 0;
	for (d = i; i < n && isdigit((unsigned char)s[i]); i++)
		;
	if (i == d)
		return 0;
	if (i + 5 <= n && strncmp(s + i, " Rev.", 5) == 0)
		for (i += 5; i < n && isdigit((unsigned char)s[i]); i++)
			;
	if (i == n)
		return 1;
	/* " (PLEN/16)": a group, a slash and the study group */
	return i + 2 < n && s[i] == ' ' && s[i + 1] == '(' &&
	    s[n - 1] == ')' && memchr(s + i, '/', n - i) != NULL &&
	    memchr(s + i + 2, ' ', n - i - 3) == NULL;
}

static int
is_document_number(const char *s, size_t n)
{
	if (n < LSN_DOCNUM_MIN_BYTES || n > LSN_DOCNUM_MAX_BYTES ||
	    !isupper((unsigned char)s[0]))
		return 0;
	return is_document_word(s, n) || is_document_td(s, n);
}

/* Header lines of the templates: study period, document number, the
 * group ("STUDY GROUP 16"). Returns 1 when the line is in meta as
 * written (the document number); the others stay in the body too. */
static int
header_text(struct cover *c, const char *s, size_t n)
{
	size_t	 k, len;
	char	 g[LSN_DOCNUM_MAX_BYTES];

	if ((k = lsn_study_period_line(s, n, &len)) > 0) {
		set_single(c, LSN_CF_STUDY_PERIOD, s + k, len);
		return 0;
	}
	if (is_document_number(s, n)) {
		set_single(c, LSN_CF_DOCUMENT, s, n);
		return 1;
	}
	if (lsn_group_line(s, n, g, sizeof(g))) {
		/* a working party named after its study group is the more
		 * precise */
		if (g[0] == 'W')
			lsn_meta_replace(c->r, LSN_META_GROUP, g, strlen(g));
		else
			lsn_meta_set(c->r, LSN_META_GROUP, g, strlen(g));
	}
	return 0;
}

/* A line that looks like a Question list: "10/17, 16/17", "Q4/13",
 * "All/17". */
static int
question_like(const struct lsn_line *l)
{
	const char	*s = l->text;

	if (l->len == 0 || l->len > LSN_COVER_QUESTION_BYTES)
		return 0;
	if (s[0] == 'Q' || s[0] == 'q')
		s++;
	return isdigit((unsigned char)s[0]) || lsn_prefix_ci(s, "all/") > 0;
}

/* A cell or line that names a meeting: a place and a date. */
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

/* A label that opens a field; a "Contact:" opens a new contact. */
static void
open_field(struct cover *c, enum lsn_cover_field f)
{
	if (f == LSN_CF_TEL || f == LSN_CF_FAX || f == LSN_CF_EMAIL)
		f = LSN_CF_CONTACT;
	else if (f == LSN_CF_CONTACT) {
		c->contact = NO_CONTACT;
		c->part = LSN_CF_NONE;
	}
	c->current = f;
}

/* ------------------------------------------------------------------ */
/* Soft line breaks                                                    */

/*
 * The lines of a paragraph joined by soft line breaks, each a line of
 * its own (text only: no marks, label or breaks), in *out (arena).
 * Returns their number; 0 out of memory.
 */
static size_t
split_breaks(struct cover *c, const struct lsn_line *l, struct lsn_line **out)
{
	struct lsn_line	*seg;
	size_t		 nseg = 0, k, a, e;

	if ((seg = lsn_arena_alloc(&c->r->a, (l->nbreaks + 1) *
	    sizeof(*seg))) == NULL)
		return 0;
	for (a = 0, k = 0; k <= l->nbreaks; k++) {
		e = k < l->nbreaks && l->breaks[k] < l->len ? l->breaks[k] :
		    l->len;
		if (e < a)
			continue;
		memset(&seg[nseg], 0, sizeof(seg[0]));
		seg[nseg].type = e > a ? LSN_LINE_PARA : LSN_LINE_BLANK;
		seg[nseg].text = l->text + a;
		seg[nseg].len = e - a;
		seg[nseg].srcline = l->srcline;
		nseg++;
		if ((a = e + 1) > l->len)
			break;
	}
	*out = seg;
	return nseg;
}

/*
 * A cell as the cover reads it: a paragraph of lines joined by soft
 * line breaks ("<Name>", "<Organization>", "<Country>"; "Tel:", "Fax:",
 * "Email:", as ITU's templates fill a cell) is a paragraph a line. The
 * cell itself is left as it is: a row that stays in the body keeps its
 * paragraphs.
 */
static struct lsn_cell
cell_view(struct cover *c, const struct lsn_cell *cell)
{
	struct lsn_cell	 v = *cell;
	struct lsn_line	*seg;
	size_t		 i, k, n, total = 0;

	for (i = 0; i < cell->lines.n; i++)
		total += cell->lines.v[i].nbreaks;
	if (total == 0)
		return v;
	total += cell->lines.n;
	if ((v.lines.v = lsn_arena_alloc(&c->r->a, total *
	    sizeof(*v.lines.v))) == NULL)
		return *cell;
	v.lines.n = v.lines.cap = 0;
	for (i = 0; i < cell->lines.n; i++) {
		const struct lsn_line *l = &cell->lines.v[i];

		if (l->nbreaks == 0 || l->type != LSN_LINE_PARA ||
		    (n = split_breaks(c, l, &seg)) == 0) {
			v.lines.v[v.lines.n++] = *l;
			continue;
		}
		for (k = 0; k < n && v.lines.n < total; k++)
			v.lines.v[v.lines.n++] = seg[k];
	}
	v.lines.cap = total;
	return v;
}

/* ------------------------------------------------------------------ */
/* Cover tables                                                        */

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
cell_values(struct cover *c, enum lsn_cover_field f,
    const struct lsn_cell *cell, size_t skip_first)
{
	size_t	 i;
	int	 all = 1, first = 1;

	for (i = 0; i < cell->lines.n; i++) {
		const struct lsn_line *l = &cell->lines.v[i];

		if (l->type != LSN_LINE_PARA)
			continue;
		if (!take_text(c, f, l, first ? skip_first : 0))
			all = 0;
		first = 0;
	}
	return all;
}

/* A label alone on a line ("FOR ACTION TO:", "Tel:"): its field, else
 * LSN_CF_NONE. */
static enum lsn_cover_field
bare_label(const struct lsn_line *l)
{
	enum lsn_cover_field	 f;
	size_t			 taken;

	if (l->type != LSN_LINE_PARA || l->label != NULL)
		return LSN_CF_NONE;
	f = lsn_cover_label(l->text, l->len, 1, &taken, NULL);
	return taken == l->len ? f : LSN_CF_NONE;
}

/* 1 for a cell of two or more labels, one a paragraph, with no value:
 * A.1's "FOR ACTION TO: / FOR COMMENT TO: / FOR INFORMATION TO:", the
 * skeleton's "Tel: / Fax: / Email:". */
static int
stacked_labels(const struct lsn_cell *cell)
{
	size_t	 i, n = 0;

	for (i = 0; i < cell->lines.n; i++) {
		const struct lsn_line *l = &cell->lines.v[i];

		if (l->type == LSN_LINE_BLANK)
			continue;
		if (bare_label(l) == LSN_CF_NONE)
			return 0;
		n++;
	}
	return n >= 2;
}

/*
 * The labels of a stacked cell with their values, paragraph by
 * paragraph, in the cell `values` (or none): the value beside a label
 * is the paragraph at its place, as Word shows the two cells side by
 * side. Returns 1 when every value was taken.
 */
static int
stacked_values(struct cover *c, const struct lsn_cell *labels,
    const struct lsn_cell *values)
{
	size_t			 i;
	int			 all = 1;
	enum lsn_cover_field	 f;

	for (i = 0; i < labels->lines.n; i++) {
		const struct lsn_line *v;

		if ((f = bare_label(&labels->lines.v[i])) ==
		    LSN_CF_NONE)
			continue;
		open_field(c, f);
		if (f == LSN_CF_TEL || f == LSN_CF_FAX || f == LSN_CF_EMAIL)
			c->part = f;
		if (values == NULL || i >= values->lines.n)
			continue;
		v = &values->lines.v[i];
		if (v->type == LSN_LINE_PARA && !take_text(c, f, v, 0))
			all = 0;
		c->part = LSN_CF_NONE;
	}
	/* values below the last label's place belong to it */
	for (; values != NULL && i < values->lines.n; i++)
		if (values->lines.v[i].type == LSN_LINE_PARA &&
		    !take_text(c, c->current, &values->lines.v[i], 0))
			all = 0;
	return all;
}

/* A cell of header lines ("INTERNATIONAL TELECOMMUNICATION UNION /
 * ... / STUDY PERIOD 2025-2028"): each that is one goes into meta;
 * 1 when all did. */
static int
header_cell(struct cover *c, const struct lsn_cell *cell)
{
	size_t	 i;
	int	 all = 1;

	for (i = 0; i < cell->lines.n; i++) {
		const struct lsn_line *l = &cell->lines.v[i];

		if (l->type == LSN_LINE_PARA && !header_text(c, l->text, l->len))
			all = 0;
	}
	return all;
}

/*
 * A cover table row. Returns 1 when every cell was taken into meta or
 * abstract (the row can go), 0 when the row must stay in the body.
 */
static int
cover_row(struct cover *c, const struct lsn_row *row)
{
	size_t			 j, k, taken;
	const struct lsn_line	*l;
	enum lsn_cover_field	 f = LSN_CF_NONE, g;
	int			 all = 1, empty_first = 1;

	for (j = 0; j < row->n; j++) {
		struct lsn_cell view = cell_view(c, &row->cells[j]), next;
		const struct lsn_cell *cell = &view;

		if ((l = first_line(cell)) == NULL)
			continue;
		if (stacked_labels(cell)) {
			/* their values: the next cell with text */
			for (k = j + 1; k < row->n &&
			    first_line(&row->cells[k]) == NULL; k++)
				;
			if (k < row->n)
				next = cell_view(c, &row->cells[k]);
			if (!stacked_values(c, cell, k < row->n ? &next : NULL))
				all = 0;
			f = c->current;
			empty_first = 0;
			j = k < row->n ? k : j;
			continue;
		}
		/* A label after a value starts a field of its own: the TD
		 * header's "Question(s): | 4/17 | Meeting: | Geneva" row;
		 * Tel, Fax and E-mail are parts of the contact. */
		g = lsn_cover_label(l->text, l->len, f != LSN_CF_NONE && j > 0,
		    &taken, NULL);
		if (g != LSN_CF_NONE) {
			open_field(c, g);
			f = c->current;
			empty_first = 0;
			if (!cell_values(c, g == LSN_CF_TEL || g == LSN_CF_FAX ||
			    g == LSN_CF_EMAIL ? g : f, cell,
			    g == LSN_CF_TEL || g == LSN_CF_FAX ||
			    g == LSN_CF_EMAIL ? 0 : taken))
				all = 0;
			continue;
		}
		if (f == LSN_CF_NONE && empty_first && j > 0 &&
		    c->current != LSN_CF_NONE) {
			/* A row continuing the label above (first cell empty). */
			f = c->current;
		}
		empty_first = 0;
		/* the TD header's place and date beside the Questions */
		if (f == LSN_CF_QUESTIONS && j > 0 && (meeting_text(l) ||
		    (!question_like(l) &&
		    lsn_meta_count(c->r, LSN_META_QUESTIONS) > 0))) {
			set_single(c, LSN_CF_MEETING, l->text, l->len);
			continue;
		}
		if (f != LSN_CF_NONE) {
			if (!cell_values(c, f, cell, 0))
				all = 0;
			continue;
		}
		if (!header_cell(c, cell))
			all = 0;
	}
	if (f == LSN_CF_NONE)
		c->current = LSN_CF_NONE;
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
			    lsn_cover_label(l->text, l->len, 0, &taken, NULL) !=
			    LSN_CF_NONE &&
			    lsn_last_char(l->text, l->len) == ':')
				return 1;
		}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Actions requested                                                   */

size_t
lsn_actions_label(const struct lsn_line *l)
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
	size_t	 i, j, k, from, start;

	for (i = 0; i < body->n; i++) {
		struct lsn_line *l = &body->v[i];

		if (l->used || (from = lsn_actions_label(l)) == 0)
			continue;
		*actions = lsn_el_n(&r->b, NULL, LSN_N_ACTIONS_REQUESTED);
		l->used = 1;
		if (from < l->len) {
			struct lsn_line copy = *l;
			copy.used = 0;
			lsn_line_cut_front(&copy, from);
			lsn_blocks(r, *actions, &copy, 1);
		}
		/*
		 * What follows, up to a blank line or a heading-like line.
		 * pandoc's text puts a blank line between any two blocks:
		 * those right after a label alone on its line, and those
		 * between the items of a list, are passed over.
		 */
		for (start = i + 1; from == l->len && start < body->n &&
		    body->v[start].type == LSN_LINE_BLANK; start++)
			;
		for (j = start; j < body->n; j++) {
			struct lsn_line *m = &body->v[j];
			struct lsn_number num;

			if (m->type == LSN_LINE_BLANK && j > start &&
			    body->v[j - 1].label != NULL) {
				for (k = j; k < body->n &&
				    body->v[k].type == LSN_LINE_BLANK; k++)
					;
				if (k < body->n && body->v[k].label != NULL &&
				    !body->v[k].used) {
					j = k - 1;
					continue;
				}
			}
			if (m->type == LSN_LINE_BLANK || m->outline > 0 ||
			    m->used || lsn_is_rule(m))
				break;
			if (m->label != NULL &&
			    lsn_number_parse(m->label, &num) &&
			    lsn_title_like(m->text, m->len,
			    LSN_TITLE_WORDS_COVER_END))
				break;
		}
		/* the blank lines passed over end the list: drop them */
		while (j > start && body->v[j - 1].type == LSN_LINE_BLANK)
			j--;
		lsn_blocks(r, *actions, body->v + start, j - start);
		for (from = i + 1; from < j; from++)
			body->v[from].used = 1;
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Labels above their values (text exports)                            */

/* 1 when a cover label (with its colon) starts line l. */
static int
label_line(const struct lsn_line *l)
{
	size_t	 taken;

	return l->type == LSN_LINE_PARA && l->label == NULL &&
	    lsn_cover_label(l->text, l->len, 1, &taken, NULL) != LSN_CF_NONE;
}

/* 1 for a Tel, Fax or E-mail line, an address, or the value a part
 * label waits for. */
static int
contact_part_line(struct cover *c, const struct lsn_line *l)
{
	enum lsn_cover_field	 f;
	size_t			 taken;

	if (l->type != LSN_LINE_PARA)
		return 0;
	f = lsn_cover_label(l->text, l->len, 1, &taken, NULL);
	return f == LSN_CF_TEL || f == LSN_CF_FAX || f == LSN_CF_EMAIL ||
	    (c->part != LSN_CF_NONE && part_value(c->part, l->text, l->len)) ||
	    memchr(l->text, '@', l->len) != NULL;
}

/* 1 when line i of v continues a contact after a blank line (a grid's
 * empty cell): a part of it, or a line of its address before one ("ABC
 * Company" above "Fax:", as A.1's Figure 1-1 has it). */
static int
contact_goes_on(struct cover *c, const struct lsn_line *v, size_t n,
    size_t i)
{
	size_t	 taken;

	for (; i < n && v[i].type == LSN_LINE_BLANK; i++)
		;
	if (i >= n || v[i].type != LSN_LINE_PARA)
		return 0;
	if (contact_part_line(c, &v[i]))
		return 1;
	return lsn_cover_label(v[i].text, v[i].len, 1, &taken, NULL) ==
	    LSN_CF_NONE && lsn_word_count(v[i].text, v[i].len) <=
	    LSN_CONTACT_PIECE_WORDS && i + 1 < n &&
	    contact_part_line(c, &v[i + 1]);
}

/* A line that may be (part of) a value below its label: no label, no
 * heading, no rule, no document type ("LIAISON STATEMENT"). */
static int
value_line(const struct lsn_line *l)
{
	return l->type == LSN_LINE_PARA && l->label == NULL &&
	    l->outline == 0 && !label_line(l) && !lsn_is_rule(l) &&
	    !lsn_cover_doctype(l->text, l->len);
}

/* Clause `no` typed at the start of l ("1 Scope", "1. Scope", "1)
 * Scope": a text export's heading without its tab): 1 when a short
 * title with a capital or a non-ASCII letter follows. */
static int
typed_clause(const struct lsn_line *l, int no)
{
	size_t	 i = 0;
	int	 val = 0;

	if (l->type != LSN_LINE_PARA || l->label != NULL)
		return 0;
	while (i < l->len && i < 3 && isdigit((unsigned char)l->text[i]))
		val = val * 10 + (l->text[i++] - '0');
	if (i == 0 || val != no)
		return 0;
	if (i < l->len && (l->text[i] == '.' || l->text[i] == ')'))
		i++;
	if (i + 1 >= l->len || l->text[i] != ' ' ||
	    !(isupper((unsigned char)l->text[i + 1]) ||
	    (unsigned char)l->text[i + 1] >= 0x80))
		return 0;
	return lsn_title_like(l->text + i + 1, l->len - i - 1,
	    LSN_TITLE_WORDS_COVER_END);
}

/*
 * 1 when line i of v is the document's first clause, typed right after
 * the cover with no blank line or label to end it ("1 Scope" below a
 * contact's lines): clause 1 typed, and clause 2 typed further on.
 * The rest of the document is looked through once only.
 */
static int
first_clause(struct cover *c, const struct lsn_line *v, size_t n, size_t i)
{
	size_t	 j;

	if (c->clause_sought || !typed_clause(&v[i], 1))
		return 0;
	c->clause_sought = 1;
	for (j = i + 1; j < n; j++)
		if (typed_clause(&v[j], 2))
			return 1;
	return 0;
}

/*
 * The values of labels alone on their lines, from line i of v: a text
 * export writes each cover cell on a line of its own, the label above
 * its value, and a cell of stacked labels above the cell of their
 * values. A blank line is an empty cell. Returns the line after those
 * taken.
 */
static size_t
values_below_1(struct cover *c, struct lsn_line *v, size_t n, size_t i)
{
	size_t			 k = 0, m, j, e;
	enum lsn_cover_field	 f[LSN_COVER_VALUE_LINES * 2];

	while (i + k < n && k < sizeof(f) / sizeof(f[0]) &&
	    (f[k] = bare_label(&v[i + k])) != LSN_CF_NONE) {
		open_field(c, f[k]);
		v[i + k].used = 1;
		k++;
	}
	j = i + k;
	if (k == 0)
		return i + 1;
	if (k > 1) {
		/* stacked: the next k lines are their values, in order */
		for (m = 0; m < k && j < n && !label_line(&v[j]) &&
		    (v[j].type == LSN_LINE_PARA || v[j].type == LSN_LINE_BLANK);
		    m++, j++) {
			if (v[j].type == LSN_LINE_BLANK)
				continue;
			if (f[m] == LSN_CF_TEL || f[m] == LSN_CF_FAX ||
			    f[m] == LSN_CF_EMAIL)
				c->part = f[m];
			if (take_text(c, f[m], &v[j], 0))
				v[j].used = 1;
			c->part = LSN_CF_NONE;
		}
		return j;
	}
	if (f[0] == LSN_CF_TEL || f[0] == LSN_CF_FAX || f[0] == LSN_CF_EMAIL)
		c->part = f[0];
	switch (c->current) {
	case LSN_CF_CONTACT:
		/* a contact's lines, blank ones between when the block
		 * goes on after them (a grid's empty cells) */
		while (j < n) {
			if (v[j].type == LSN_LINE_BLANK) {
				/* past the blank lines at once: each is
				 * looked at once */
				for (m = j; m < n && v[m].type ==
				    LSN_LINE_BLANK; m++)
					;
				if (!contact_goes_on(c, v, n, m))
					break;
				j = m;
				continue;
			}
			if (v[j].type != LSN_LINE_PARA || v[j].label != NULL ||
			    (label_line(&v[j]) &&
			    !contact_goes_on(c, v, n, j)) ||
			    first_clause(c, v, n, j))
				break;
			if (j + 1 < n && bare_label(&v[j]) !=
			    LSN_CF_NONE && bare_label(&v[j + 1]) !=
			    LSN_CF_NONE) {
				/* "Tel:", "Fax:", "Email:" over their values */
				j = values_below_1(c, v, n, j);
				continue;
			}
			if (!take_text(c, LSN_CF_CONTACT, &v[j], 0))
				break;
			v[j].used = 1;
			j++;
		}
		return j;
	case LSN_CF_QUESTIONS:
		/* the Questions, then the TD header's place and date */
		for (; j < n && value_line(&v[j]); j++) {
			if (question_like(&v[j]) && !meeting_text(&v[j]))
				take_text(c, LSN_CF_QUESTIONS, &v[j], 0);
			else if (meeting_text(&v[j]) || lsn_meta_count(c->r,
			    LSN_META_QUESTIONS) > 0) {
				set_single(c, LSN_CF_MEETING, v[j].text,
				    v[j].len);
				v[j++].used = 1;
				break;
			} else
				break;
			v[j].used = 1;
		}
		return j;
	default:
		break;
	}
	if (j >= n || !value_line(&v[j]))
		return j;
	/* One line; more only when a label follows them: the cell's own
	 * lines, not the text after the cover. */
	for (e = j + 1; e < n && e < j + LSN_COVER_VALUE_LINES &&
	    value_line(&v[e]); e++)
		;
	if (e >= n || !label_line(&v[e]))
		e = j + 1;
	for (; j < e; j++)
		if (take_text(c, c->current, &v[j], 0))
			v[j].used = 1;
		else
			/* in meta not as written ("Original: English"):
			 * label and value stay in the body */
			v[i].used = 0;
	return j;
}

/* values_below_1, then the field is over: what follows its lines is no
 * value of it (a text export has no blank line after the cover). */
static size_t
values_below(struct cover *c, struct lsn_line *v, size_t n, size_t i)
{
	i = values_below_1(c, v, n, i);
	c->current = LSN_CF_NONE;
	return i;
}

/* ------------------------------------------------------------------ */
/* What the cover implies                                              */

/*
 * The LS a title replies to: "Reply to liaison statement from WP 5/4
 * (Geneva, 5-9 February 1997)" as in A.1's Figure 1-1, "LS/r on X
 * (reply to SG13-LS45)", in the six languages.
 */
static void
reply_from_title(struct cover *c)
{
	const char	*t = lsn_meta_get(c->r, LSN_META_TITLE);
	size_t		 n, at, end;

	if (t == NULL || lsn_meta_get(c->r, LSN_META_REPLY_TO) != NULL)
		return;
	n = strlen(t);
	if ((end = lsn_reply_phrase(t, n, &at)) == 0)
		return;
	/* inside brackets, the reference ends with them */
	if (at > 0 && t[at - 1] == '(')
		n = end + strcspn(t + end, ")");
	lsn_meta_set(c->r, LSN_META_REPLY_TO, t + end, n - end);
}

/* The group a document number names: "SG17-LS42" SG17, "TSAG-TD5"
 * TSAG, "TD 123 (PLEN/16)" SG16, "TD 7 (WP1/16)" WP1/16. */
static void
group_from_document(struct cover *c)
{
	const char	*d = lsn_meta_get(c->r, LSN_META_DOCUMENT), *p, *q;
	char		 g[LSN_DOCNUM_MAX_BYTES];

	if (d == NULL || lsn_meta_get(c->r, LSN_META_GROUP) != NULL)
		return;
	if ((p = strchr(d, '(')) != NULL && (q = strchr(p, '/')) != NULL &&
	    strchr(q, ')') != NULL) {
		size_t n = strcspn(q + 1, ")");

		if (strncmp(p + 1, "WP", 2) == 0)
			snprintf(g, sizeof(g), "%.*s", (int)(q + 1 + n -
			    (p + 1)), p + 1);
		else
			snprintf(g, sizeof(g), "SG%.*s", (int)n, q + 1);
	} else if (strncmp(d, "TSAG-", 5) == 0)
		snprintf(g, sizeof(g), "TSAG");
	else if (strncmp(d, "SG", 2) == 0 && isdigit((unsigned char)d[2]))
		snprintf(g, sizeof(g), "SG%.*s", (int)strspn(d + 2,
		    "0123456789"), d + 2);
	else
		return;
	lsn_meta_set(c->r, LSN_META_GROUP, g, strlen(g));
}

/* What the cover gathered implies: a letter's addressees by its
 * purpose, the reply from the title, the group from the number. (The
 * language is "Original:"'s alone: the labels' would differ between
 * renderings that keep the cover table and those that do not.) */
static void
finish(struct cover *c)
{
	const char	*p, *end;
	enum lsn_cover_field to = c->purpose != LSN_CF_NONE ? c->purpose :
	    LSN_CF_FOR_ACTION;	/* "To:", as "Cc:" is for information */

	for (p = lsn_buf_str(&c->to), end = p + c->to.len; p < end;
	    p += strlen(p) + 1)
		lsn_meta_add(c->r, meta_list(to), p, strlen(p));
	for (p = lsn_buf_str(&c->cc), end = p + c->cc.len; p < end;
	    p += strlen(p) + 1)
		lsn_meta_add(c->r, LSN_META_FOR_INFORMATION, p, strlen(p));
	if (c->to.oom || c->cc.oom)
		c->r->a.oom = 1;
	lsn_buf_free(&c->to);
	lsn_buf_free(&c->cc);
	reply_from_title(c);
	group_from_document(c);
}

/* ------------------------------------------------------------------ */
/* A table of contacts                                                 */

/* The titles of a table of contacts, compared whole and
 * case-insensitively, in ITU's languages. */
static const char *const contact_titles[] = {
	"contact information", "contacts", "contact details",
	"informations de contact", "coordonn\xc3\xa9" "es",
	"informaci\xc3\xb3n de contacto",
	"\xd0\xba\xd0\xbe\xd0\xbd\xd1\x82\xd0\xb0\xd0\xba\xd1\x82\xd0\xbd\xd0\xb0\xd1\x8f "
	"\xd0\xb8\xd0\xbd\xd1\x84\xd0\xbe\xd1\x80\xd0\xbc\xd0\xb0\xd1\x86\xd0\xb8\xd1\x8f",
							/* контактная информация */
	NULL
};

static int
contact_title(const struct lsn_line *l)
{
	const char *const *t;

	if (l->type != LSN_LINE_PARA || l->label != NULL)
		return 0;
	for (t = contact_titles; *t != NULL; t++)
		if (lsn_equals_ci(l->text, l->len, *t))
			return 1;
	return 0;
}

/* 1 when a row of a table of contacts reaches someone: an address or
 * a Tel label in one of its cells' lines. */
static int
contact_row(const struct lsn_row *r)
{
	size_t			 cell, k, taken;
	enum lsn_cover_field	 f;

	for (cell = 0; cell < r->n; cell++)
		for (k = 0; k < r->cells[cell].lines.n; k++) {
			const struct lsn_line *l = &r->cells[cell].lines.v[k];

			if (l->type != LSN_LINE_PARA)
				continue;
			if (memchr(l->text, '@', l->len) != NULL)
				return 1;
			f = lsn_cover_label(l->text, l->len, 1, &taken, NULL);
			if (f == LSN_CF_TEL)
				return 1;
		}
	return 0;
}

/* The end of the run of lines from v[i] (of n) up to a blank line;
 * *reach: 1 when one of them reaches someone (an address, a Tel). */
static size_t
line_group(const struct lsn_line *v, size_t n, size_t i, int *reach)
{
	size_t			 taken;
	enum lsn_cover_field	 f;

	for (*reach = 0; i < n && v[i].type == LSN_LINE_PARA &&
	    !v[i].used; i++) {
		f = lsn_cover_label(v[i].text, v[i].len, 1, &taken, NULL);
		if (memchr(v[i].text, '@', v[i].len) != NULL ||
		    f == LSN_CF_TEL || f == LSN_CF_EMAIL)
			*reach = 1;
	}
	return i;
}

/*
 * The same table as a text export writes it (LibreOffice: each cell's
 * lines, the cells apart by blank lines): runs of lines, each contact
 * the runs up to one that reaches someone, the first of three or more
 * its role. Ends at a run that reaches no one after
 * LSN_CONTACT_GROUPS runs, or at anything but lines. The lines stay in
 * the body.
 */
static void
contact_lines(struct cover *c, struct lsn_line *v, size_t n)
{
	size_t	 i = 0, start[LSN_CONTACT_GROUPS], end[LSN_CONTACT_GROUPS];
	size_t	 g = 0, k, line;
	int	 reach;

	while (i < n && i < LSN_COVER_LINES) {
		while (i < n && v[i].type == LSN_LINE_BLANK)
			i++;
		if (i == n || v[i].type != LSN_LINE_PARA || v[i].used ||
		    g == LSN_CONTACT_GROUPS)
			break;
		start[g] = i;
		end[g] = i = line_group(v, n, i, &reach);
		g++;
		if (!reach)
			continue;
		c->contact = NO_CONTACT;
		c->part = LSN_CF_NONE;
		for (k = g >= 3 ? 1 : 0; k < g; k++)
			for (line = start[k]; line < end[k]; line++)
				(void)contact_piece(c, v[line].text,
				    v[line].len);
		g = 0;
	}
	c->contact = NO_CONTACT;
	c->part = LSN_CF_NONE;
}

/*
 * The contacts of a table under its title ("Contact information", as
 * ITU's implementers' guides give their rapporteurs and editors): each
 * row a contact, [role] [name, organization, country] [Tel, E-mail],
 * the lines of its cells read as a cover's contact cell. A first cell
 * of three or more is the contact's role (a group, a Question) and no
 * piece of it. The table stays in the body.
 */
static void
contact_table(struct cover *c, struct lsn_line *v, size_t n)
{
	struct lsn_cell	 view;
	size_t		 i, j, row, cell, k, cells;

	for (i = 0; i < n && i < LSN_COVER_LINES; i++) {
		if (!contact_title(&v[i]))
			continue;
		for (j = i + 1; j < n && v[j].type == LSN_LINE_BLANK; j++)
			;
		if (j < n && v[j].type == LSN_LINE_PARA && !v[j].used) {
			contact_lines(c, v + j, n - j);
			return;
		}
		if (j == n || v[j].type != LSN_LINE_TABLE || v[j].used)
			continue;
		for (row = 0; row < v[j].table->n; row++) {
			const struct lsn_row *r = &v[j].table->rows[row];

			if (!contact_row(r))
				continue;
			for (cells = 0, cell = 0; cell < r->n; cell++)
				cells += first_line(&r->cells[cell]) != NULL;
			c->contact = NO_CONTACT;
			c->part = LSN_CF_NONE;
			for (cell = cells >= 3 ? 1 : 0; cell < r->n; cell++) {
				view = cell_view(c, &r->cells[cell]);
				for (k = 0; k < view.lines.n; k++)
					if (view.lines.v[k].type ==
					    LSN_LINE_PARA)
						(void)contact_piece(c,
						    view.lines.v[k].text,
						    view.lines.v[k].len);
			}
		}
		c->contact = NO_CONTACT;
		c->part = LSN_CF_NONE;
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Cover paragraphs                                                    */

enum para_verdict {
	PARA_TAKEN, PARA_LEFT, PARA_END,
	PARA_WHOLE	/* its lines are no cover's: read it as one */
};

/*
 * Paragraph v[*i] of n in the cover region: taken into meta (marked
 * used), left in the body, or the end of the cover. A label alone takes
 * its values from the lines below, and *i moves to the last of them.
 */
static enum para_verdict
cover_para(struct cover *c, struct lsn_line *v, size_t n, size_t *i)
{
	struct lsn_line		*l = &v[*i];
	enum lsn_cover_field	 f;
	size_t			 taken;

	if ((f = lsn_cover_label(l->text, l->len, 1, &taken, NULL)) !=
	    LSN_CF_NONE) {
		if (taken == l->len) {
			/* the label alone: its value below */
			*i = values_below(c, v, n, *i) - 1;
			return PARA_TAKEN;
		}
		open_field(c, f);
		if (!take_text(c, f, l, f == LSN_CF_TEL || f == LSN_CF_FAX ||
		    f == LSN_CF_EMAIL ? 0 : taken))
			return PARA_LEFT;
		l->used = 1;
		return PARA_TAKEN;
	}
	if ((f = lsn_cover_purpose(l->text, l->len)) != LSN_CF_NONE) {
		/* a letter's "For Information" */
		c->purpose = f;
		l->used = 1;
		return PARA_TAKEN;
	}
	if (c->current == LSN_CF_ABSTRACT || c->current == LSN_CF_CONTACT) {
		if (take_text(c, c->current, l, 0)) {
			l->used = 1;
			return PARA_TAKEN;
		}
		c->current = LSN_CF_NONE;
	}
	if (header_text(c, l->text, l->len)) {
		l->used = 1;
		return PARA_TAKEN;
	}
	if (lsn_word_count(l->text, l->len) > LSN_COVER_END_WORDS ||
	    lsn_actions_label(l))
		return PARA_END;
	return PARA_LEFT;
}

/*
 * A paragraph of lines joined by soft line breaks, as a letter's head
 * is typed ("Liaison Statement" / "To: ..." / "For Information" /
 * "Date: ..."): its lines read as paragraphs of their own when the
 * first (after a document type) is a cover label or a purpose. What the
 * cover took leaves the paragraph; a document type before it stays (it
 * names the kind), as does the text from the first line not taken.
 * Returns the verdict of the paragraph, or PARA_WHOLE.
 */
static enum para_verdict
cover_broken(struct cover *c, struct lsn_line *l)
{
	struct lsn_line		*seg;
	size_t			 nseg, k, taken, first;
	enum para_verdict	 verdict = PARA_TAKEN;

	if ((nseg = split_breaks(c, l, &seg)) == 0)
		return PARA_WHOLE;
	first = nseg > 1 && lsn_cover_doctype(seg[0].text, seg[0].len);
	if (first >= nseg || (lsn_cover_label(seg[first].text,
	    seg[first].len, 1, &taken, NULL) == LSN_CF_NONE &&
	    lsn_cover_purpose(seg[first].text, seg[first].len) ==
	    LSN_CF_NONE))
		return PARA_WHOLE;
	for (k = first; k < nseg; k++) {
		if (seg[k].type == LSN_LINE_BLANK)
			continue;
		if ((verdict = cover_para(c, seg, nseg, &k)) != PARA_TAKEN)
			break;
	}
	for (k = first; k < nseg && (seg[k].used ||
	    seg[k].type == LSN_LINE_BLANK); k++)
		;
	if (k < nseg) {
		/* the text from the first line not taken stays */
		lsn_line_cut_front(l, (size_t)(seg[k].text - l->text));
		return verdict == PARA_TAKEN ? PARA_LEFT : verdict;
	}
	if (first) {
		/* the document type alone stays: it names the kind */
		l->len = seg[0].len;
		for (k = 0; k < l->nmarks; k++)
			if (l->marks[k].end > l->len)
				l->marks[k].start = l->marks[k].end = l->len;
		l->nbreaks = 0;
		return PARA_LEFT;
	}
	l->used = 1;
	return PARA_TAKEN;
}

/* ------------------------------------------------------------------ */
/* Cover cells an exporter glued together                              */

/*
 * Where the labels glued to the values before them start in line l
 * ("Question(s):Q3/17Source:ITU-T Study Group 17Title:...": docx2txt
 * joins the cells of a cover table with nothing between): at[0] is 0,
 * then each label (a capital or a non-ASCII letter first, with its
 * colon; a row's the model has no field for counts, lsn_cover_row_label)
 * in the first LSN_COVER_GLUED_BYTES with no space before it (a
 * one-line contact's "..., E-mail: ..." is no cell of its own), at most
 * LSN_COVER_GLUED_LABELS. The line starts with a label, or with a
 * value when `go_on` (the glued table goes on from the line before).
 * Returns the number of pieces, 1 for none glued.
 */
static size_t
glued_at(const struct lsn_line *l, int go_on,
    size_t at[LSN_COVER_GLUED_LABELS])
{
	size_t	 n = 1, p, taken;
	size_t	 end = l->len < LSN_COVER_GLUED_BYTES ? l->len :
		    LSN_COVER_GLUED_BYTES;

	at[0] = 0;
	if (l->type != LSN_LINE_PARA || l->label != NULL || l->nmarks > 0 ||
	    l->nbreaks > 0 || l->outline > 0)
		return 1;
	if (lsn_cover_label(l->text, l->len, 1, &taken, NULL) != LSN_CF_NONE)
		p = taken;
	else if (!go_on)
		return 1;
	else
		p = 1;	/* a value first: a label after it */
	for (; p < end && n < LSN_COVER_GLUED_LABELS; p++) {
		unsigned char ch = (unsigned char)l->text[p];

		if ((isupper(ch) || ch >= 0xc0) && l->text[p - 1] != ' ' &&
		    (lsn_cover_label(l->text + p, l->len - p, 1, &taken,
		    NULL) != LSN_CF_NONE || (taken = lsn_cover_row_label(
		    l->text + p, l->len - p)) > 0)) {
			at[n++] = p;
			p += taken - 1;
		}
	}
	return n;
}

/* 1 when l is a cover label and nothing else ("Deadline:"). */
static int
label_alone(const struct lsn_line *l)
{
	size_t	 taken;

	return l->type == LSN_LINE_PARA && lsn_cover_label(l->text, l->len,
	    1, &taken, NULL) != LSN_CF_NONE && taken == l->len;
}

/* The next line after i that is not blank, or NULL. */
static const struct lsn_line *
next_nonblank(const struct lsn_lines *body, size_t i)
{
	for (i++; i < body->n; i++)
		if (body->v[i].type != LSN_LINE_BLANK)
			return &body->v[i];
	return NULL;
}

/*
 * Cuts the glued lines of the cover region into a line per cell, as a
 * text export that keeps the cells apart writes them: the cover's
 * reading of labels and values then holds. Such an exporter writes no
 * empty cell: a label with another right after it (glued, or on the
 * next line) has an empty value and is taken at once (marked used); the
 * last label of a line takes its value from the next line only when
 * that line is a value glued to more labels (a cell's paragraphs are
 * lines).
 */
static void
unglue(struct cover *c, struct lsn_lines *body)
{
	struct lsn_line	*nv;
	const struct lsn_line *nx;
	size_t		 at[LSN_COVER_GLUED_LABELS];
	size_t		 nat[LSN_COVER_GLUED_LABELS];
	size_t		 i, k, n, o, extra = 0;
	size_t		 taken;
	size_t		 region = body->n < LSN_COVER_LINES ? body->n :
			    LSN_COVER_LINES;
	int		 go_on = 0;

	for (i = 0; i < region; i++) {
		if (body->v[i].type == LSN_LINE_BLANK)
			continue;
		n = glued_at(&body->v[i], go_on, at);
		extra += n - 1;
		go_on = n > 1;
	}
	if (extra == 0 || (nv = lsn_arena_alloc(&c->r->a, (body->n + extra) *
	    sizeof(*nv))) == NULL)
		return;
	go_on = 0;
	for (i = 0, o = 0; i < body->n; i++) {
		const struct lsn_line *l = &body->v[i];

		if (i >= region || l->type == LSN_LINE_BLANK) {
			nv[o++] = *l;
			continue;
		}
		/* past a line's blanks once: each blank is passed once */
		n = glued_at(l, go_on, at);
		nx = next_nonblank(body, i);
		if (n == 1) {
			nv[o++] = *l;
			/* an empty cell's label below the glued ones */
			if (go_on && label_alone(l) && nx != NULL &&
			    label_alone(nx))
				nv[o - 1].used = 1;
			else
				go_on = 0;
			continue;
		}
		go_on = 1;
		for (k = 0; k < n; k++) {
			struct lsn_line *piece = &nv[o++];

			*piece = *l;
			piece->text = l->text + at[k];
			piece->len = (k + 1 < n ? at[k + 1] : l->len) - at[k];
			while (piece->len > 0 &&
			    piece->text[piece->len - 1] == ' ')
				piece->len--;
			if (!label_alone(piece))
				continue;
			if (k + 1 < n || nx == NULL ||
			    lsn_cover_label(nx->text, nx->len, 1, &taken,
			    NULL) != LSN_CF_NONE || glued_at(nx, 1, nat) == 1)
				piece->used = 1;
		}
	}
	body->v = nv;
	body->n = body->cap = o;
}

/* ------------------------------------------------------------------ */

void
lsn_cover(struct lsn_rctx *r, struct lsn_lines *body, lsn_node **abstract,
    lsn_node **actions)
{
	struct cover		 c;
	size_t			 i, j;
	enum para_verdict	 verdict;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.contact = NO_CONTACT;
	*abstract = *actions = NULL;
	unglue(&c, body);

	/*
	 * The cover region: from the start up to the first substantial
	 * paragraph or heading outside a table.
	 */
	for (i = 0; i < body->n && i < LSN_COVER_LINES; i++) {
		struct lsn_line *l = &body->v[i];

		if (l->type == LSN_LINE_BLANK) {
			if (c.current == LSN_CF_ABSTRACT && c.abstract != NULL)
				c.current = LSN_CF_NONE;
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
			c.current = LSN_CF_NONE;
			continue;
		}
		if (l->type != LSN_LINE_PARA || l->used)
			continue;
		if (l->label != NULL || l->outline > 0 ||
		    first_clause(&c, body->v, body->n, i))
			break;
		verdict = l->nbreaks > 0 ? cover_broken(&c, l) : PARA_WHOLE;
		if (verdict == PARA_WHOLE)
			verdict = cover_para(&c, body->v, body->n, &i);
		if (verdict == PARA_END)
			break;
	}
	/* the lines up to the cover's last are its page: no headings */
	for (j = i < body->n ? i + 1 : body->n; j-- > 0;)
		if (body->v[j].used) {
			r->cover_last = &body->v[j];
			break;
		}
	contact_table(&c, body->v, body->n);
	finish(&c);
	take_actions(r, body, actions);
	*abstract = c.abstract;
}
