/* SPDX-License-Identifier: MIT */
/*
 * question.c: ITU-T Question texts ("Question 10/17 – Title").
 *
 * A Question text has, by ITU-T convention, the clauses Motivation,
 * Question(s) (the study items), Tasks and Relationships, and lists the
 * Recommendations under its responsibility and the texts under
 * development. Its sections are given roles, and a <question> element
 * gathers what they hold as data.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"
#include "util/buf.h"

/*
 * A Question's title, parsed once for every pass that asks: "Question
 * 10/17 – Title", a draft's "Question X/17: Title", or "Question 10/17"
 * alone, its words on the next line.
 */
struct qtitle {
	/* "Question " then a number, or a capital and a slash, and a
	 * slash followed by a digit somewhere after: the line names a
	 * Question (structure.c's claim on a first line). */
	int	 named;
	/* The number exactly "N/G" (or "X/G") after "Question ": "10/17";
	 * "" when the line names a Question but its number is not that
	 * (the Question is then not built: "Question 3 of 5/17"). */
	char	 id[32];
	/* With an id: the offset of the title's words after the number
	 * and its dash or colon. */
	size_t	 words;
	/* No space after "Question ": the line stops at its number. */
	int	 number_only;
};

/* Parses s (len bytes, NUL-terminated after them) into q; returns
 * q->named. */
static int
parse_title(const char *s, size_t len, struct qtitle *q)
{
	size_t		 k = lsn_prefix_ci(s, "question "), n, g, i;
	const char	*slash;

	memset(q, 0, sizeof(*q));
	if (k == 0 || k + 2 >= len)
		return 0;
	slash = memchr(s + k, '/', len - k);
	if (!(isdigit((unsigned char)s[k]) ||
	    (isupper((unsigned char)s[k]) && s[k + 1] == '/')) ||
	    slash == NULL || !isdigit((unsigned char)slash[1]))
		return 0;
	q->named = 1;
	for (i = k; i < len && s[i] != ' '; i++)
		;
	q->number_only = i == len;
	/* A draft new Question may be "Question X/17". */
	n = isupper((unsigned char)s[k]) && s[k + 1] == '/' ? 1 :
	    strspn(s + k, "0123456789");
	g = n > 0 && s[k + n] == '/' ? strspn(s + k + n + 1, "0123456789") : 0;
	if (g == 0 || n + 1 + g >= sizeof(q->id))
		return 1;
	n += 1 + g;
	memcpy(q->id, s + k, n);
	q->id[n] = '\0';
	/* The title follows a dash or colon. */
	i = k + n;
	i += strspn(s + i, " ");
	if (strncmp(s + i, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(s + i, "\xe2\x80\x94", 3) == 0)
		i += 3;
	else if (s[i] == '-' || s[i] == ':')
		i++;
	i += strspn(s + i, " ");
	q->words = i;
	return 1;
}

static const char *
question_role(const char *t)
{
	size_t	 n = strlen(t);

	if (lsn_equals_ci(t, n, "motivation"))
		return "motivation";
	if (lsn_equals_ci(t, n, "question") ||
	    lsn_equals_ci(t, n, "questions") ||
	    lsn_equals_ci(t, n, "study items") ||
	    lsn_equals_ci(t, n, "study questions") ||
	    lsn_equals_ci(t, n, "question(s)"))
		return "study-items";
	if (lsn_equals_ci(t, n, "tasks") || lsn_equals_ci(t, n, "task"))
		return "tasks";
	if (lsn_equals_ci(t, n, "relationships") ||
	    lsn_equals_ci(t, n, "relationship"))
		return "relationships";
	return NULL;
}

/* Text after the colon of a lead-in that contains `lead`, or NULL. */
static const char *
listing_after(const char *t, const char *lead)
{
	const char	*colon = strchr(t, ':');

	if (colon == NULL || lsn_find_ci(t, (size_t)(colon - t), lead) < 0)
		return NULL;
	colon++;
	while (*colon == ' ')
		colon++;
	return colon;
}

static const char *
responsible_list(const char *t)
{
	if (lsn_prefix_ci(t, "recommendation") == 0)
		return NULL;
	return listing_after(t, "under responsibility") != NULL ?
	    listing_after(t, "under responsibility") :
	    listing_after(t, "under the responsibility");
}

static const char *
development_list(const char *t)
{
	if (lsn_prefix_ci(t, "texts under development") == 0 &&
	    lsn_prefix_ci(t, "draft texts under development") == 0 &&
	    lsn_prefix_ci(t, "work items under development") == 0)
		return NULL;
	return listing_after(t, "under development");
}

/*
 * Splits a listing "X.1, X.2 and Supplements 7, 35" at commas and " and "
 * outside parentheses into <item>s of parent. A bare number after
 * "Supplements 7" inherits its word: "Supplements 35".
 */
static void
split_listing(struct lsn_rctx *r, lsn_node *parent, const char *el,
    const char *s)
{
	size_t	 n = strlen(s), i, start = 0, plen = 0;
	int	 depth = 0;
	char	 prefix[64];

	prefix[0] = '\0';
	for (i = 0; i <= n; i++) {
		size_t cut = 0;

		if (i < n && s[i] == '(')
			depth++;
		else if (i < n && s[i] == ')' && depth > 0)
			depth--;
		if (i == n || (depth == 0 && (s[i] == ',' || s[i] == ';')))
			cut = 1;
		else if (depth == 0 && strncmp(s + i, " and ", 5) == 0)
			cut = 5;
		if (!cut)
			continue;
		{
			size_t a = start, e = i, k;
			char buf[512];

			while (a < e && s[a] == ' ')
				a++;
			while (e > a && (s[e - 1] == ' ' || s[e - 1] == '.'))
				e--;
			if (e > a) {
				if (strspn(s + a, "0123456789") == e - a &&
				    plen > 0 && plen + (e - a) < sizeof(buf)) {
					memcpy(buf, prefix, plen);
					memcpy(buf + plen, s + a, e - a);
					buf[plen + e - a] = '\0';
					lsn_el_text(&r->b, parent, el, buf);
				} else {
					char *v = lsn_arena_strndup(&r->a,
					    s + a, e - a);
					if (v != NULL)
						lsn_el_text(&r->b, parent, el,
						    v);
					/* "Supplements 7": remember "Supplements ". */
					plen = 0;
					for (k = e;
					    k > a &&
					    isdigit((unsigned char)s[k - 1]);
					    k--)
						;
					if (k < e && k > a + 1 &&
					    s[k - 1] == ' ' &&
					    isalpha((unsigned char)s[a]) &&
					    k - a < sizeof(prefix)) {
						memcpy(prefix, s + a, k - a);
						plen = k - a;
					}
				}
			}
		}
		start = i + cut;
		if (cut > 1)
			i += cut - 1;
	}
}

/*
 * Appends the task number of the k digits at t, then a space. The schema
 * types addresses as positive integers, and libxml2 checks at most 24
 * digits: a zero ("(q0)") or an overlong run is no task number.
 */
static void
put_task_number(struct lsn_buf *out, const char *t, size_t k)
{
	while (k > 0 && *t == '0') {
		t++;
		k--;
	}
	if (k == 0 || k > 9)
		return;
	lsn_buf_put(out, t, k);
	lsn_buf_putc(out, ' ');
}

/* Numbers after "addresses ... questions 1, 2 and 7" and "(q7)". */
static void
addresses(const char *t, struct lsn_buf *out)
{
	size_t	 n = strlen(t), i;
	long	 at;

	/* "(q1)", "(q1, q2)", "(Q3)" */
	for (i = 0; i + 2 < n; i++) {
		if (t[i] != '(' || (t[i + 1] != 'q' && t[i + 1] != 'Q') ||
		    !isdigit((unsigned char)t[i + 2]))
			continue;
		i++;
		while (i < n && t[i] != ')') {
			if (t[i] == 'q' || t[i] == 'Q')
				i++;
			if (isdigit((unsigned char)t[i])) {
				size_t k = strspn(t + i, "0123456789");
				put_task_number(out, t + i, k);
				i += k;
			} else if (t[i] == ',' || t[i] == ' ')
				i++;
			else
				break;
		}
	}
	if ((at = lsn_find_ci(t, n, "address")) < 0)
		return;
	/* Up to the word "question(s)" or "item(s)", then a number list. */
	for (i = (size_t)at; i < n; i++) {
		if (lsn_prefix_ci(t + i, "question") ||
		    lsn_prefix_ci(t + i, "item")) {
			while (i < n && isalpha((unsigned char)t[i]))
				i++;
			break;
		}
		if (t[i] == '.')
			return;
	}
	while (i < n) {
		size_t k;

		while (i < n && (t[i] == ' ' || t[i] == ',' || t[i] == '&'))
			i++;
		if (strncmp(t + i, "and ", 4) == 0) {
			i += 4;
			continue;
		}
		if (!isdigit((unsigned char)t[i]))
			break;
		k = strspn(t + i, "0123456789");
		put_task_number(out, t + i, k);
		i += k;
	}
}

/* Study items or tasks from the lists of a section. */
static void
numbered_items(struct lsn_rctx *r, lsn_node *q, lsn_node *sec,
    const char *el, int tasks)
{
	lsn_node	 *blk, *item, *child;

	for (blk = lsn_child(sec, NULL); blk != NULL;
	    blk = lsn_next(blk, NULL)) {
		if (!lsn_is_n(blk, LSN_N_LIST))
			continue;
		for (item = lsn_child_n(blk, LSN_N_ITEM); item != NULL;
		    item = lsn_next_n(item, LSN_N_ITEM)) {
			struct lsn_arena_mark mark;
			char		*text;
			const char	*num = lsn_prop_n(item, LSN_N_NUMBER);
			struct lsn_number typed;
			size_t		 cut = 0, len;
			lsn_node	 *e;
			struct lsn_buf	 addr = LSN_BUF_INIT;
			char		 nbuf[16];

			/* The item's text copies serve this turn only: given
			 * back at its end, they no longer add up to a tenth
			 * of the peak heap. Only the model keeps anything. */
			lsn_arena_mark(&r->a, &mark);
			if ((text = lsn_plain(r,
			    lsn_child_n(item, LSN_N_TEXT))) == NULL)
				return;
			len = strlen(text);
			if (num == NULL && (cut = lsn_number_prefix(text, len,
			    &typed)) > 0 && typed.depth == 1) {
				snprintf(nbuf, sizeof(nbuf), "%d",
				    typed.part[0]);
				num = nbuf;
			} else
				cut = 0;
			e = lsn_el_text(&r->b, q, el, text + cut);
			if (num != NULL)
				lsn_attr_n(&r->b, e, LSN_N_NUMBER, num);
			if (tasks) {
				addresses(text, &addr);
				for (child = lsn_child_n(item, LSN_N_P);
				    child != NULL;
				    child = lsn_next_n(child, LSN_N_P)) {
					char *ct = lsn_plain(r, child);
					if (ct != NULL)
						addresses(ct, &addr);
				}
				if (addr.len > 0) {
					addr.data[--addr.len] = '\0';
					lsn_attr_n(&r->b, e, LSN_N_ADDRESSES,
					    addr.data);
				}
				lsn_buf_free(&addr);
			}
			lsn_arena_release(&r->a, &mark);
		}
	}
}

enum rel {
	REL_NONE = -1, REL_REC, REL_QUESTION, REL_SG, REL_STD, REL_OTHER,
	REL_WSIS, REL_SDG, REL__COUNT
};

static const char *const rel_el[REL__COUNT] = {
	"recommendation", "question", "study-group", "standardization-body",
	"other-body", "wsis-action-line", "sdg"
};

static enum rel
rel_category(const char *t)
{
	if (lsn_prefix_ci(t, "recommendation"))
		return REL_REC;
	if (lsn_prefix_ci(t, "question"))
		return REL_QUESTION;
	if (lsn_prefix_ci(t, "study group"))
		return REL_SG;
	if (lsn_prefix_ci(t, "standardization bodies") ||
	    lsn_prefix_ci(t, "standardisation bodies") ||
	    lsn_prefix_ci(t, "standards bodies") ||
	    lsn_prefix_ci(t, "standards development") ||
	    lsn_prefix_ci(t, "standardization organ") ||
	    lsn_prefix_ci(t, "standards organ"))
		return REL_STD;
	if (lsn_prefix_ci(t, "other bodies") || lsn_prefix_ci(t, "other organ"))
		return REL_OTHER;
	if (lsn_prefix_ci(t, "wsis"))
		return REL_WSIS;
	if (lsn_prefix_ci(t, "sustainable development") ||
	    lsn_prefix_ci(t, "sdg"))
		return REL_SDG;
	return REL_NONE;
}

static int
rec_like(const char *s, size_t n)
{
	return n >= 3 && isupper((unsigned char)s[0]) && s[1] == '.' &&
	    isdigit((unsigned char)s[2]);
}

/* One related item, split as its category reads best. */
static void
rel_value(struct lsn_rctx *r, lsn_node *parent, enum rel cat, const char *t)
{
	size_t	 n = strlen(t), i, k;
	int	 any = 0;
	char	 tok[32];

	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ';' || t[n - 1] == ' '))
		n--;
	if (n == 0)
		return;
	if (cat == REL_SDG || cat == REL_WSIS) {
		for (i = 0; i < n; i++) {
			int c5 = cat == REL_WSIS &&
			    (t[i] == 'C' || t[i] == 'c') &&
			    i + 1 < n && isdigit((unsigned char)t[i + 1]);
			if (!(c5 ||
			    (cat == REL_SDG && isdigit((unsigned char)t[i]))) ||
			    (i > 0 && isalnum((unsigned char)t[i - 1])))
				continue;
			k = (size_t)c5 + strspn(t + i + c5, "0123456789");
			if (k < sizeof(tok)) {
				memcpy(tok, t + i, k);
				tok[k] = '\0';
				if (c5)
					tok[0] = 'C';
				lsn_el_text(&r->b, parent, rel_el[cat], tok);
				any = 1;
			}
			i += k;
		}
		if (any)
			return;
	}
	if (cat == REL_REC) {
		/* "X.200, X.273 and X.1051": split when every part is one. */
		const char *p = t;
		int all = 1;
		size_t parts = 0;

		while (p < t + n) {
			size_t m = strcspn(p, ",");
			const char *a = strstr(p, " and ");
			if (a != NULL && a < p + m)
				m = (size_t)(a - p);
			if (p + m > t + n)
				m = (size_t)(t + n - p);
			while (m > 0 && *p == ' ')
				p++, m--;
			if (!rec_like(p, m))
				all = 0;
			parts++;
			p += m;
			if (strncmp(p, " and ", 5) == 0)
				p += 5;
			else if (*p == ',')
				p++;
		}
		if (all && parts > 1) {
			char *s = lsn_arena_strndup(&r->a, t, n);
			if (s != NULL)
				split_listing(r, parent, rel_el[cat], s);
			return;
		}
	}
	{
		char *s = lsn_arena_strndup(&r->a, t, n);
		if (s != NULL)
			lsn_el_text(&r->b, parent, rel_el[cat], s);
	}
}

static void
relationships(struct lsn_rctx *r, lsn_node *rel, lsn_node *sec)
{
	lsn_node	 *blk, *item, *bucket[REL__COUNT];
	enum rel	 cat = REL_NONE;
	int		 k;

	/* Gathered per category first: the schema orders them. */
	for (k = 0; k < REL__COUNT; k++)
		if ((bucket[k] = lsn_el(&r->b, NULL, "bucket")) == NULL)
			return;
	for (blk = lsn_child(sec, NULL); blk != NULL;
	    blk = lsn_next(blk, NULL)) {
		if (lsn_is_n(blk, LSN_N_P)) {
			char *t = lsn_plain(r, blk), *colon;
			enum rel c;

			if (t == NULL || (c = rel_category(t)) == REL_NONE)
				continue;
			cat = c;
			if ((colon = strchr(t, ':')) != NULL &&
			    colon[1] != '\0')
				rel_value(r, bucket[cat], cat, colon + 1 +
				    strspn(colon + 1, " "));
		} else if (lsn_is_n(blk, LSN_N_LIST) && cat != REL_NONE) {
			for (item = lsn_child_n(blk, LSN_N_ITEM); item != NULL;
			    item = lsn_next_n(item, LSN_N_ITEM)) {
				char *t = lsn_plain(r,
				    lsn_child_n(item, LSN_N_TEXT));
				if (t != NULL)
					rel_value(r, bucket[cat], cat, t);
			}
		}
	}
	/* the emptied buckets stay in the model's arena, unlinked */
	for (k = 0; k < REL__COUNT; k++)
		lsn_move_children(bucket[k], rel);
}

/* Every <section> below n, in document order, calling fn. */
static void
each_section(lsn_node *n, void (*fn)(lsn_node *, void *), void *arg)
{
	lsn_node	 *s;

	for (s = lsn_child_n(n, LSN_N_SECTION); s != NULL;
	    s = lsn_next_n(s, LSN_N_SECTION)) {
		fn(s, arg);
		each_section(s, fn, arg);
	}
}

struct qstate {
	struct lsn_rctx	*r;
	lsn_node	 *sec[4];
	    /* motivation, study items, tasks, relationships */
	lsn_node	 *responsible, *development;
};

static void
assign_role(lsn_node *s, void *arg)
{
	struct qstate	*st = arg;
	const char	*role = question_role(lsn_section_title(st->r, s));
	static const char *const roles[4] = {
		"motivation", "study-items", "tasks", "relationships"
	};
	int		 k;

	if (role == NULL)
		return;
	for (k = 0; k < 4; k++)
		if (strcmp(role, roles[k]) == 0 && st->sec[k] == NULL) {
			st->sec[k] = s;
			lsn_attr_n(&st->r->b, s, LSN_N_ROLE, role);
		}
}

static void
find_listings(lsn_node *s, void *arg)
{
	struct qstate	*st = arg;
	lsn_node	 *p;

	for (p = lsn_child_n(s, LSN_N_P); p != NULL;
	    p = lsn_next_n(p, LSN_N_P)) {
		struct lsn_arena_mark	 mark;
		char			*t;

		/* the copy is needed for this turn only: a Question's
		 * paragraphs, all of them, were kept to the end */
		lsn_arena_mark(&st->r->a, &mark);
		if ((t = lsn_plain(st->r, p)) != NULL) {
			if (st->responsible == NULL &&
			    responsible_list(t) != NULL)
				st->responsible = p;
			else if (st->development == NULL &&
			    development_list(t) != NULL)
				st->development = p;
		}
		lsn_arena_release(&st->r->a, &mark);
	}
}

static int
question_build(struct lsn_rctx *r, lsn_node *container, const char *title,
    const char *note)
{
	struct qstate	 st;
	struct qtitle	 qt;
	lsn_node	 *q, *e, *blk;

	if (title == NULL || !parse_title(title, strlen(title), &qt) ||
	    qt.id[0] == '\0')
		return 0;

	memset(&st, 0, sizeof(st));
	st.r = r;
	each_section(container, assign_role, &st);
	each_section(container, find_listings, &st);

	q = lsn_el_n(&r->b, container, LSN_N_QUESTION);
	lsn_attr_n(&r->b, q, LSN_N_ID, qt.id);
	lsn_el_text(&r->b, q, "title", title + qt.words);
	if (note != NULL && note[0] != '\0')
		lsn_el_text(&r->b, q, "status", note);
	e = lsn_el_n(&r->b, q, LSN_N_MOTIVATION);
	if (st.sec[0] != NULL)
		for (blk = lsn_child(st.sec[0], NULL); blk != NULL;
		    blk = lsn_next(blk, NULL)) {
			if (!(lsn_is_n(blk, LSN_N_P) ||
			    lsn_is_n(blk, LSN_N_LIST) ||
			    lsn_is_n(blk, LSN_N_TABLE)) ||
			    blk == st.responsible ||
			    blk == st.development)
				continue;
			if (lsn_copy(&r->b, e, blk) == NULL)
				return 1;
		}
	if (st.sec[1] != NULL)
		numbered_items(r, q, st.sec[1], "study-item", 0);
	if (st.sec[2] != NULL)
		numbered_items(r, q, st.sec[2], "task", 1);
	e = lsn_el_n(&r->b, q, LSN_N_RELATIONSHIPS);
	if (st.sec[3] != NULL)
		relationships(r, e, st.sec[3]);
	e = lsn_el_n(&r->b, q, LSN_N_RESPONSIBLE_FOR);
	if (st.responsible != NULL)
		split_listing(r, e, "item",
		    responsible_list(lsn_plain(r, st.responsible)));
	e = lsn_el_n(&r->b, q, LSN_N_UNDER_DEVELOPMENT);
	if (st.development != NULL)
		split_listing(r, e, "item",
		    development_list(lsn_plain(r, st.development)));
	return 1;
}

/* The first line names a Question (struct qtitle's `named`). */
static int
question_title(const char *s, size_t len)
{
	struct qtitle	 q;

	return parse_title(s, len, &q);
}

/* A Question title that stops after its number ("Question 10/17"),
 * its title on the next line. */
static int
question_number_only(const char *s, size_t len)
{
	struct qtitle	 q;

	return parse_title(s, len, &q) && q.number_only;
}

const struct lsn_kind lsn_kind_question = {
	"question", question_title, question_number_only, question_build, NULL,
	NULL
};
