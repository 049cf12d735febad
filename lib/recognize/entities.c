/* SPDX-License-Identifier: MIT */
/*
 * entities.c: inline entities of the whole model: ITU-T Questions
 * ("Q10/17", "Question 7/17"), Study Groups and Working Parties ("SG17",
 * "Study Groups 17 and 20", "WP3/20"), Recommendations ("X.1252",
 * "ITU-T A.1"), e-mail addresses, URLs (without trailing punctuation)
 * and dates with their ISO form. Each is listed once, in order of first
 * appearance.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/dates.h"
#include "recognize/lines.h"
#include "recognize/questions.h"
#include "recognize/tuning.h"
#include "util/text.h"
#include "util/buf.h"

#define OPENS_ANY	1
#define OPENS_WORD	2

enum kind { K_QUESTION, K_SG, K_REC, K_EMAIL, K_URL, K_DATE, K__COUNT };

static const char *const kind_el[K__COUNT] = {
	"question", "study-group", "recommendation", "email", "url", "date"
};

/*
 * The values listed so far, one set per kind: an open-addressing hash
 * table of offsets into `text` (values NUL-separated there). A linear
 * scan made a document with thousands of distinct entities quadratic.
 */
struct seen {
	struct lsn_buf	 text;
	size_t		*slot;     /* offset + 1; 0 is empty */
	size_t		 size;     /* a power of two, or 0 */
	size_t		 count;
};

struct found {
	struct lsn_rctx	*r;
	lsn_node	 *bucket[K__COUNT];
	struct seen	 seen[K__COUNT];
	struct lsn_buf	 text;        /* the element scanned, reused */
	unsigned char	 alnum[256];  /* isalnum() of each byte, looked up
				       * once: it is asked of every byte */
	unsigned char	 opens[256];  /* OPENS_ANY: a byte any entity may
				       * start with; OPENS_WORD: a date or a
				       * Question only */
};

/* Slot of s in the set: where it is, or the empty one it would take. */
static size_t *
seen_slot(struct seen *set, const char *s, size_t n)
{
	size_t	 i = lsn_hash(s, n) & (set->size - 1);
	const char *v;

	while (set->slot[i] != 0) {
		v = set->text.data + set->slot[i] - 1;
		if (strlen(v) == n && memcmp(v, s, n) == 0)
			break;
		i = (i + 1) & (set->size - 1);
	}
	return &set->slot[i];
}

/* Adds s to the set: 1 if new, 0 if there already, -1 out of memory. */
static int
seen_add(struct seen *set, const char *s, size_t n)
{
	size_t	*slot, off, i, *old = set->slot, oldsize = set->size;

	if (2 * (set->count + 1) > set->size) {
		set->size = oldsize ? 2 * oldsize : 64;
		if ((set->slot = calloc(set->size,
		    sizeof(*set->slot))) == NULL) {
			set->slot = old;
			set->size = oldsize;
			return -1;
		}
		for (i = 0; i < oldsize; i++)
			if (old[i] != 0) {
				const char *v = set->text.data + old[i] - 1;
				*seen_slot(set, v, strlen(v)) = old[i];
			}
		free(old);
	}
	slot = seen_slot(set, s, n);
	if (*slot != 0)
		return 0;
	off = set->text.len;
	lsn_buf_put(&set->text, s, n);
	lsn_buf_putc(&set->text, '\0');
	if (set->text.oom)
		return -1;
	*slot = off + 1;
	set->count++;
	return 1;
}

static void
add(struct found *f, enum kind k, const char *s, size_t n, const char *iso)
{
	lsn_node	 *e;

	if (n == 0)
		return;
	switch (seen_add(&f->seen[k], s, n)) {
	case 1:
		break;
	case 0:
		return;
	default:
		/* A value left out would change the output: fail instead. */
		f->r->b.oom = 1;
		return;
	}
	e = lsn_el(&f->r->b, f->bucket[k], kind_el[k]);
	lsn_text(&f->r->b, e, s, n);
	if (iso != NULL)
		lsn_attr_n(&f->r->b, e, LSN_N_ISO, iso);
}

static int
word_start(const struct found *f, const char *t, size_t i)
{
	return i == 0 || !f->alnum[(unsigned char)t[i - 1]];
}

/*
 * Could links() find anything in t? Every URL has "http://",
 * "https://" or "www." (any case) and every address an '@': a text
 * without '@', ':' and "www." is skipped with three fast searches.
 */
static int
has_links(const char *t, size_t n)
{
	const char	*p = t, *end = t + n;

	if (memchr(t, '@', n) != NULL || memchr(t, ':', n) != NULL)
		return 1;
	while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
		if (p - t >= 3 && (p[-1] | 0x20) == 'w' &&
		    (p[-2] | 0x20) == 'w' && (p[-3] | 0x20) == 'w')
			return 1;
		p++;
	}
	return 0;
}

/* URL or e-mail spans are masked so that nothing else is read in them. */
static void
links(struct found *f, char *t, size_t n)
{
	size_t	 i, a, e;

	for (i = 0; i < n; i++) {
		/* Most bytes are neither 'h' nor 'w': one test, not three. */
		if (((t[i] | 0x20) == 'h' || (t[i] | 0x20) == 'w') &&
		    (lsn_prefix_ci(t + i, "http://") ||
		    lsn_prefix_ci(t + i, "https://") ||
		    (lsn_prefix_ci(t + i, "www.") && word_start(f, t, i)))) {
			int depth = 0;

			for (e = i; e < n && !isspace((unsigned char)t[e]) &&
			    t[e] != '<' && t[e] != '>' && t[e] != '"'; e++)
				;
			/* Trailing punctuation is the sentence's; a closing
			 * bracket is the URL's only when it opened one. */
			for (;;) {
				size_t k;
				if (e == i)
					break;
				if (strchr(".,;:!?'", t[e - 1]) != NULL) {
					e--;
					continue;
				}
				if (t[e - 1] == ')' || t[e - 1] == ']') {
					char open = t[e - 1] == ')' ? '(' : '[';
					depth = 0;
					for (k = i; k < e; k++)
						depth += (t[k] == open) - (t[k] == t[e - 1]);
					if (depth < 0) {
						e--;
						continue;
					}
				}
				break;
			}
			add(f, K_URL, t + i, e - i, NULL);
			memset(t + i, ' ', e - i);
			i = e;
			continue;
		}
		if (t[i] != '@')
			continue;
		for (a = i; a > 0 && (isalnum((unsigned char)t[a - 1]) ||
		    strchr("._%+-", t[a - 1]) != NULL); a--)
			;
		for (e = i + 1; e < n && (isalnum((unsigned char)t[e]) ||
		    t[e] == '.' || t[e] == '-'); e++)
			;
		while (e > i + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
			e--;
		if (a < i && e > i + 1 && memchr(t + i, '.', e - i) != NULL) {
			while (a < i && t[a] == '.')
				a++;
			add(f, K_EMAIL, t + a, e - a, NULL);
			memset(t + a, ' ', e - a);
		}
		i = e > i ? e - 1 : i;
	}
}

/*
 * The scanners below each look at one word start, t[i], and return where
 * their own scan resumes: i when nothing was taken there, else the last
 * position they consumed (the next look is one further). scan() runs
 * them in one pass, each with its own resume point, which finds what
 * four passes over the text found.
 */

/* "Study Group(s) 17, 20 and 21" / "SG17" / "SG 2" / "WP3/20" */
static size_t
groups_at(struct found *f, const char *t, size_t n, size_t i)
{
	size_t	 k, j;
	char	 buf[48];

	/* "SG", "Study Group", "WP", "working party" */
	if (t[i] != 'S' && t[i] != 'W' && t[i] != 'w')
		return i;
	if (strncmp(t + i, "SG", 2) == 0) {
		j = i + 2;
		if (j < n && t[j] == ' ')
			j++;
		if ((k = lsn_digit_run(t, n, j)) == 0 || k > 2)
			return i;
		/* "SG17-PLEN-TD181" is a document number. */
		if (j + k < n && (t[j + k] == '-' || t[j + k] == '/' ||
		    isalnum((unsigned char)t[j + k])))
			return i;
		snprintf(buf, sizeof(buf), "%s%.*s",
		    i >= 6 && strncmp(t + i - 6, "ITU-D ", 6) == 0 ?
		    "ITU-D SG" : i >= 6 &&
		    strncmp(t + i - 6, "ITU-R ", 6) == 0 ?
		    "ITU-R SG" : "SG", (int)k, t + j);
		add(f, K_SG, buf, strlen(buf), NULL);
		return j + k;
	}
	if (strncmp(t + i, "WP", 2) == 0 ||
	    lsn_prefix_ci(t + i, "working party ")) {
		size_t k2;

		j = i + (t[i + 1] == 'P' ? 2 : 14);
		if (j < n && t[j] == ' ')
			j++;
		if ((k = lsn_digit_run(t, n, j)) == 0 || k > 2 || j + k >= n ||
		    t[j + k] != '/')
			return i;
		k2 = lsn_digit_run(t, n, j + k + 1);
		if (k2 == 0 || k2 > 2)
			return i;
		snprintf(buf, sizeof(buf), "WP%.*s/%.*s", (int)k,
		    t + j, (int)k2, t + j + k + 1);
		add(f, K_SG, buf, strlen(buf), NULL);
		return j + k + 1 + k2;
	}
	if (lsn_prefix_ci(t + i, "study group") &&
	    isupper((unsigned char)t[i])) {
		j = i + 11;
		if (j < n && t[j] == 's')
			j++;
		/* A list of numbers: "17, 20 and 21" */
		for (;;) {
			while (j < n && t[j] == ' ')
				j++;
			if ((k = lsn_digit_run(t, n, j)) == 0 || k > 2 ||
			    (j + k < n && (isalnum((unsigned char)t[j + k]) ||
			    t[j + k] == '/')))
				break;
			snprintf(buf, sizeof(buf), "SG%.*s", (int)k, t + j);
			add(f, K_SG, buf, strlen(buf), NULL);
			j += k;
			if (j < n && t[j] == ',')
				j++;
			else if (strncmp(t + j, " and ", 5) == 0)
				j += 5;
			else if (strncmp(t + j, " & ", 3) == 0)
				j += 3;
			else
				break;
		}
		return j;
	}
	return i;
}

/* One Question of a list: "Q" number "/" group. */
static void
take_question(void *arg, const char *number, size_t len, const char *group)
{
	struct found	*f = arg;
	char		 buf[48];

	snprintf(buf, sizeof(buf), "Q%.*s/%s", (int)len, number, group);
	add(f, K_QUESTION, buf, strlen(buf), NULL);
}

/* "Q10/17", "Question 7/17", "Questions 3/17 and 10/17", "Q4, 5,
 * 12/13" (all of SG13), "Q8/ITU-R SG11", "Q.9/17", "Вопрос 9/17"
 * (questions.c). The scan resumes after the last Question taken:
 * what follows a list ("and Questions 3/17") is read again. */
static size_t
questions_at(struct found *f, const char *t, size_t n, size_t i)
{
	return lsn_question_list_at(t, n, i, take_question, f);
}

/* Every Question of t, alone (the cover's Question row). */
static void
questions(struct found *f, const char *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (word_start(f, t, i))
			i = questions_at(f, t, n, i);
}

/*
 * Recommendations: a series letter, a dot and a number ("X.1252",
 * "Y.3800", "X.1080.0"). Short numbers ("B.1", "A.1") are clause or
 * annex numbers as often as Recommendations, so they count only after
 * "ITU-T " or "Recommendation(s) ". Needs i + 2 < n.
 */
static size_t
recommendation_at(struct found *f, const char *t, size_t n, size_t i)
{
	size_t	 k, e;

	if (!isupper((unsigned char)t[i]) ||
	    t[i] == 'C' || t[i] == 'W' || t[i + 1] != '.' ||
	    (k = lsn_digit_run(t, n, i + 2)) == 0)
		return i;
	e = i + 2 + k;
	while (e + 1 < n && t[e] == '.' && isdigit((unsigned char)t[e + 1]))
		e += 1 + lsn_digit_run(t, n, e + 1);
	if (k <= 2 && !(i >= 6 && strncmp(t + i - 6, "ITU-T ", 6) == 0) &&
	    !(i >= 15 && lsn_prefix_ci(t + i - 15, "recommendation ")) &&
	    !(i >= 16 && lsn_prefix_ci(t + i - 16, "recommendations ")))
		return i;
	/* "X.1252a" is fine ("rev", "bis" drafts); "X.12b34" is not. */
	add(f, K_REC, t + i, e - i, NULL);
	return e;
}

static size_t
date_at(struct found *f, const char *t, size_t n, size_t i)
{
	size_t	 m;
	char	 iso[LSN_DATE_ISO_SIZE];

	if (!lsn_date_may_open(t + i, n - i) || lsn_date_inside_number(t, i))
		return i;
	switch (lsn_parse_date(t + i, n - i, iso, &m)) {
	case 1:
		add(f, K_DATE, t + i, m, iso);
		return i + m;
	case -1:
		/* "31 February 2025": no date, nor is "February 2025" in it */
		return i + m;
	default:
		return i;
	}
}

/* 1 when the byte before t[i] ends a letter of more than one byte:
 * not a sign of Latin-1 ("«", NBSP) nor of General Punctuation ("–",
 * "“"), which may open a word. */
static int
after_letter(const char *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;

	return i > 0 && u[i - 1] >= 0x80 && !(i >= 2 && u[i - 2] == 0xc2) &&
	    !(i >= 3 && u[i - 3] == 0xe2 && u[i - 2] == 0x80);
}

/*
 * Scans t (n bytes, NUL-terminated, written on): links first, masking
 * them, then Questions, groups, Recommendations and dates at every word
 * start, in one pass. Every scanner needs an alphanumeric word start,
 * and one of the bytes in f->opens: most words (lower-case) are passed
 * over by one look-up a byte.
 */
static void
scan(struct found *f, char *t, size_t n)
{
	size_t	 i, q = 0, g = 0, rec = 0, d = 0;

	if (has_links(t, n))
		links(f, t, n);
	for (i = 0; i < n; i++) {
		unsigned char	 c = (unsigned char)t[i];
		size_t		 w = i + 1;

		/* i is never inside an ASCII word: the rest of each word is
		 * skipped here, so every alphanumeric byte seen opens one. */
		if (f->alnum[c])
			while (w < n && f->alnum[(unsigned char)t[w]])
				w++;
		if (f->opens[c] == OPENS_WORD) {
			/* a month in lower case, a Cyrillic or Arabic word
			 * (its lead byte after no letter), a Chinese
			 * character (anywhere: no spaces part words there) */
			if ((c >= 0xe0 || !after_letter(t, i)) &&
			    !(c >= 0x80 && i > 0 &&
			    f->alnum[(unsigned char)t[i - 1]])) {
				/* no Question opens with a lower-case letter */
				if (i >= q && c >= 0x80)
					q = questions_at(f, t, n, i) + 1;
				if (i >= d)
					d = date_at(f, t, n, i) + 1;
			}
		} else if (f->opens[c]) {
			if (i >= q)
				q = questions_at(f, t, n, i) + 1;
			if (i >= g)
				g = groups_at(f, t, n, i) + 1;
			if (i >= rec && i + 2 < n)
				rec = recommendation_at(f, t, n, i) + 1;
			if (i >= d)
				d = date_at(f, t, n, i) + 1;
		}
		i = w - 1;
	}
}

/*
 * Appends the text of n's descendants to b, in document order (what
 * xmlNodeGetContent returns), without recursion.
 */
static void
gather(struct lsn_buf *b, lsn_node *n)
{
	lsn_node	 *c = n->children;

	while (c != NULL && c != n) {
		if (c->type == LSN_TEXT && c->content != NULL)
			lsn_buf_puts(b, (const char *)c->content);
		if (c->type == LSN_ELEMENT && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != n && c->next == NULL)
			c = c->parent;
		if (c != n)
			c = c->next;
	}
}

/* The text containers of the model, in document order. */
static void
walk(struct found *f, lsn_node *n)
{
	lsn_node	 *c;

	for (c = lsn_child(n, NULL); c != NULL; c = lsn_next(c, NULL)) {
		if (lsn_is_n(c, LSN_N_ENTITIES) || lsn_is_n(c, LSN_N_INPUT) ||
		    (lsn_is_n(c, LSN_N_QUESTION) && !lsn_is_n(n, LSN_N_META)) ||
		    lsn_is_n(c, LSN_N_TERMS_OF_REFERENCE))
			continue;
		if (lsn_is_n(c, LSN_N_QUESTION) && lsn_is_n(n, LSN_N_META)) {
			/* The cover's Question(s) row says "10/17". */
			char *q = lsn_plain(f->r, c), buf[40];
			if (q != NULL && strlen(q) < LSN_COVER_QUESTION_BYTES &&
			    isdigit((unsigned char)q[0]) &&
			    strchr(q, '/') != NULL) {
				snprintf(buf, sizeof(buf), "Q%s", q);
				questions(f, buf, strlen(buf));
			}
			continue;
		}
		if (lsn_is_n(c, LSN_N_P) || lsn_is_n(c, LSN_N_HEADING) ||
		    lsn_is_n(c, LSN_N_TEXT) ||
		    lsn_is_n(c, LSN_N_TITLE) || lsn_is_n(c, LSN_N_NOTE) ||
		    (lsn_is_n(n, LSN_N_META) && lsn_child(c, NULL) == NULL) ||
		    lsn_is_n(n, LSN_N_CONTACT)) {
			/* One copy, written on by links(); the text was
			 * copied three times per element before. */
			lsn_buf_reset(&f->text);
			gather(&f->text, c);
			if (f->text.oom) {
				f->r->b.oom = 1;
				return;
			}
			if (f->text.len > 0)
				scan(f, f->text.data, f->text.len);
			/* An item's text comes before its blocks. */
			continue;
		}
		walk(f, c);
	}
}

void
lsn_entities(struct lsn_rctx *r, lsn_node *root, lsn_node *entities)
{
	struct found	 f;
	int		 k;

	memset(&f, 0, sizeof(f));
	f.r = r;
	/* Questions open with 'Q' or 'C', groups with 'S', 'W' or 'w',
	 * Recommendations with a capital, dates with a digit, a month's
	 * capital, or the first letter of a month in the languages that
	 * write it in lower case ("décembre", "diciembre", "декабря",
	 * "ديسمبر"; "du"/"del" 3 ...); Questions and dates only open
	 * with those and with "Вопрос", "المسألة", "课题". */
	for (k = 0; k < 256; k++) {
		f.alnum[k] = isalnum(k) != 0;
		f.opens[k] = isupper(k) || isdigit(k) || k == 'w' ?
		    OPENS_ANY : 0;
		if (f.opens[k] == 0 && ((k != '\0' &&
		    strchr("jfmasonde", k) != NULL) || k == 0xd0 ||
		    k == 0xd1 || k == 0xd8 || k == 0xd9 || k == 0xe8))
			f.opens[k] = OPENS_WORD;
	}
	for (k = 0; k < K__COUNT; k++)
		if ((f.bucket[k] = lsn_el(&r->b, NULL, "bucket")) == NULL)
			goto out;
	walk(&f, root);
	/* the emptied buckets stay in the model's arena, unlinked */
	for (k = 0; k < K__COUNT; k++)
		lsn_move_children(f.bucket[k], entities);
out:
	for (k = 0; k < K__COUNT; k++) {
		lsn_buf_free(&f.seen[k].text);
		free(f.seen[k].slot);
	}
	lsn_buf_free(&f.text);
}
