/* SPDX-License-Identifier: MIT */
/*
 * tor.c: Terms of Reference of ITU-T groups (JCA, JCG, CG, FG...).
 *
 * A ToR is recognized from its title ("Terms of Reference of the ...
 * (GROUP)"); its sections get the roles of Recommendation ITU-T A.1's
 * clauses (scope, objectives, work methods, meetings, leadership, ...),
 * and the people named with their roles and the mailing lists are
 * gathered into a <terms-of-reference> element.
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
#include "util/buf.h"

static const struct {
	const char	*word;
	const char	*role;
} role_words[] = {
	{ "scope and objective", "scope-and-objectives" },
	{ "objectives and scope", "scope-and-objectives" },
	{ "scope", "scope" },
	{ "objective", "objectives" },
	{ "mandate", "objectives" },
	{ "structure", "structure" },
	{ "work method", "work-methods" },
	{ "working method", "work-methods" },
	{ "methods of work", "work-methods" },
	{ "working arrangement", "work-methods" },
	{ "working procedure", "work-methods" },
	{ "participation", "participation" },
	{ "membership", "participation" },
	{ "meeting", "meetings" },
	{ "leadership", "leadership" },
	{ "convenor", "leadership" },
	{ "chairm", "leadership" },
	{ "co-chair", "leadership" },
	{ "administrative support", "administrative-support" },
	{ "secretariat", "administrative-support" },
	{ "progress report", "progress-reports" },
	{ "reporting", "progress-reports" },
	{ "contact", "contacts" },
	{ "lifetime", "lifetime" },
	{ "life time", "lifetime" },
	{ "duration", "lifetime" },
	{ "termination", "lifetime" },
};

/* The ToR's title, parsed once: "Terms of Reference of ...", "... ToR
 * ...", up to LSN_TOR_TITLE_BYTES (s NUL-terminated after len bytes). */
static int
tor_named(const char *s, size_t len)
{
	return len > 0 && len <= LSN_TOR_TITLE_BYTES &&
	    (lsn_find_ci(s, len, "terms of reference") >= 0 ||
	    strstr(s, "ToR") != NULL);
}

static const char *
tor_role(const char *title)
{
	size_t	 i, n = strlen(title);

	for (i = 0; i < sizeof(role_words) / sizeof(role_words[0]); i++)
		if (lsn_find_ci(title, n, role_words[i].word) >= 0)
			return role_words[i].role;
	return "other";
}

static const char *const honorifics[] = {
	"Mr", "Ms", "Mrs", "Miss", "Dr", "Prof", "Professor", "Mme", "Sir", NULL
};

static const char *const role_nouns[] = {
	"Co-Convenor", "Convenor", "Co-Convener", "Convener", "Co-chairman",
	"Co-chairmen", "Co-Chair", "Vice-Chair", "Vice-chairman", "Chairman",
	"Chairmen", "Chair", "Co-Rapporteur", "Rapporteur", "Coordinator",
	"Secretariat", "Secretary", "Editor", "Liaison officer", NULL
};

/* The role noun of a text, singular, as the text spells it. */
static char *
role_in(struct lsn_rctx *r, const char *t, size_t n)
{
	size_t	 i, k, best_at = (size_t)-1, best_len = 0;
	long	 at;
	char	*s;

	for (i = 0; role_nouns[i] != NULL; i++) {
		if ((at = lsn_find_ci(t, n, role_nouns[i])) < 0)
			continue;
		k = strlen(role_nouns[i]);
		/* The earliest, then the longest ("Co-Convenor" over "Convenor"). */
		if ((size_t)at < best_at ||
		    ((size_t)at == best_at && k > best_len)) {
			best_at = (size_t)at;
			best_len = k;
		}
	}
	if (best_len == 0)
		return NULL;
	if ((s = lsn_arena_strndup(&r->a, t + best_at, best_len)) == NULL)
		return NULL;
	k = strlen(s);
	if (k > 3 && strcmp(s + k - 3, "men") == 0)
		s[k - 2] = 'a';
	return s;
}

struct torstate {
	struct lsn_rctx	*r;
	lsn_node	 *people;   /* holding element, moved at the end */
	lsn_node	 *lists;
	struct lsn_buf	 seen;     /* NUL-separated names and lists */
};

static int
seen(struct torstate *st, const char *s, size_t n)
{
	const char	*p = lsn_buf_str(&st->seen), *end = p + st->seen.len;

	for (; p < end; p += strlen(p) + 1)
		if (strlen(p) == n && memcmp(p, s, n) == 0)
			return 1;
	lsn_buf_put(&st->seen, s, n);
	lsn_buf_putc(&st->seen, '\0');
	return 0;
}

/*
 * People named with an honorific: "Mr Bret Jordan, chair of WP2/17":
 * the capitalized words after the honorific make the name.
 */
static void
people_in(struct torstate *st, const char *t, const char *section_role)
{
	size_t	 n = strlen(t), i, k, h;

	for (i = 0; i < n; i++) {
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			continue;
		for (h = 0; honorifics[h] != NULL; h++) {
			k = strlen(honorifics[h]);
			if (strncmp(t + i, honorifics[h], k) == 0 &&
			    (t[i + k] == ' ' ||
			    (t[i + k] == '.' && t[i + k + 1] == ' ')))
				break;
		}
		if (honorifics[h] == NULL)
			continue;
		{
			size_t a = i + k + (t[i + k] == '.') + 1, e = a,
			    words = 0;
			char *role;
			lsn_node *p;

			while (e < n && words < 5 &&
			    isupper((unsigned char)t[e])) {
				size_t w = e;

				while (e < n && t[e] != ' ' && t[e] != ',' &&
				    t[e] != ';' && t[e] != '(' && t[e] != ')')
					e++;
				words++;
				/* "Smith." ends a sentence; an initial "A." does not. */
				if (t[e - 1] == '.' && e - w > 2)
					break;
				if (e < n && t[e] == ' ' && e + 1 < n &&
				    isupper((unsigned char)t[e + 1]))
					e++;
				else
					break;
			}
			while (e > a && (t[e - 1] == '.' || t[e - 1] == ' '))
				e--;
			if (words == 0 || e <= a || seen(st, t + a, e - a)) {
				i = e;
				continue;
			}
			role = section_role != NULL ? (char *)section_role :
			    role_in(st->r, t, i);
			p = lsn_el_n(&st->r->b, st->people, LSN_N_PERSON);
			if (role != NULL)
				lsn_attr_n(&st->r->b, p, LSN_N_ROLE, role);
			lsn_text(&st->r->b, p, t + a, e - a);
			i = e;
		}
	}
}

/* E-mail addresses that are mailing lists ("lists." domains, or named
 * as a mailing list just before). */
static void
lists_in(struct torstate *st, const char *t)
{
	size_t	 n = strlen(t), i, a, e;

	for (i = 0; i < n; i++) {
		if (t[i] != '@')
			continue;
		for (a = i; a > 0 && (isalnum((unsigned char)t[a - 1]) ||
		    strchr("._%+-", t[a - 1]) != NULL); a--)
			;
		for (e = i + 1; e < n && (isalnum((unsigned char)t[e]) ||
		    strchr(".-", t[e]) != NULL); e++)
			;
		while (e > i + 1 && t[e - 1] == '.')
			e--;
		if (a == i || e == i + 1)
			continue;
		if (strncasecmp(t + i + 1, "lists.", 6) == 0 ||
		    lsn_find_ci(t + (a > LSN_TOR_LIST_CONTEXT ?
		    a - LSN_TOR_LIST_CONTEXT : 0),
		    a > LSN_TOR_LIST_CONTEXT ? LSN_TOR_LIST_CONTEXT : a,
		    "mailing list") >= 0 ||
		    lsn_find_ci(t + (a > LSN_TOR_REFLECTOR_CONTEXT ?
		    a - LSN_TOR_REFLECTOR_CONTEXT : 0),
		    a > LSN_TOR_REFLECTOR_CONTEXT ?
		    LSN_TOR_REFLECTOR_CONTEXT : a,
		    "reflector") >= 0) {
			if (!seen(st, t + a, e - a)) {
				char *s = lsn_arena_strndup(&st->r->a, t + a,
				    e - a);
				if (s != NULL)
					lsn_el_text(&st->r->b, st->lists,
					    "mailing-list", s);
			}
		}
		i = e;
	}
}

/* "(Co-chairmen)" in a heading: the role of the people listed below. */
static char *
heading_role(struct lsn_rctx *r, const char *title)
{
	const char	*open = strchr(title, '('), *close;

	if (open == NULL || (close = strchr(open, ')')) == NULL)
		return NULL;
	return role_in(r, open + 1, (size_t)(close - open - 1));
}

static void
walk_text(struct torstate *st, lsn_node *n, const char *role)
{
	lsn_node	 *c;

	for (c = lsn_child(n, NULL); c != NULL; c = lsn_next(c, NULL)) {
		if (lsn_is_n(c, LSN_N_P) || lsn_is_n(c, LSN_N_TEXT)) {
			char *t = lsn_plain(st->r, c);
			if (t != NULL) {
				people_in(st, t, role);
				lists_in(st, t);
			}
		} else if (lsn_is_n(c, LSN_N_LIST) || lsn_is_n(c, LSN_N_ITEM) ||
		    lsn_is_n(c, LSN_N_TABLE) || lsn_is_n(c, LSN_N_ROW) ||
		    lsn_is_n(c, LSN_N_CELL))
			walk_text(st, c, role);
	}
}

static void
walk_sections(struct torstate *st, lsn_node *container)
{
	lsn_node	 *s;

	for (s = lsn_child_n(container, LSN_N_SECTION); s != NULL;
	    s = lsn_next_n(s, LSN_N_SECTION)) {
		char *title = lsn_section_title(st->r, s);
		const char *role = tor_role(title != NULL ? title : "");

		lsn_attr_n(&st->r->b, s, LSN_N_ROLE, role);
		walk_text(st, s, strcmp(role, "leadership") == 0 ?
		    heading_role(st->r, title) : NULL);
		walk_sections(st, s);
	}
}

/* The group's acronym: the last "(ACRONYM)" of the title. */
static int
group_of(const char *title, size_t *at, size_t *len)
{
	const char	*p = title, *open = NULL;
	size_t		 n;

	while ((p = strchr(p, '(')) != NULL) {
		const char *close = strchr(p, ')');
		if (close == NULL)
			break;
		n = (size_t)(close - p - 1);
		if (n > 1 && n < LSN_TOR_ACRONYM_BYTES &&
		    memchr(p + 1, ' ', n) == NULL &&
		    isupper((unsigned char)p[1]) && !(n == 3 &&
		    strncmp(p + 1, "ToR", 3) == 0))
			open = p;
		p = close + 1;
	}
	if (open == NULL)
		return 0;
	*at = (size_t)(open - title);
	*len = (size_t)(strchr(open, ')') - open - 1);
	return 1;
}

/* The group's name: after "Terms of Reference (ToR) of the new ITU-T",
 * up to the acronym. */
static char *
name_of(struct lsn_rctx *r, const char *title, size_t end)
{
	static const char *const skip[] = {
		"(tor)", "of", "for", "the", "a", "new", "proposed", "revised",
		"draft", "itu-t", "itu", NULL
	};
	long	 at = lsn_find_ci(title, end, "terms of reference");
	size_t	 i, k;
	int	 again = 1;

	if (at < 0)
		return NULL;
	i = (size_t)at + strlen("terms of reference");
	while (again) {
		again = 0;
		while (i < end && title[i] == ' ')
			i++;
		for (k = 0; skip[k] != NULL; k++) {
			size_t n = strlen(skip[k]);
			if (i + n <= end &&
			    strncasecmp(title + i, skip[k], n) == 0 &&
			    (i + n == end || title[i + n] == ' ')) {
				i += n;
				again = 1;
				break;
			}
		}
	}
	while (end > i && (title[end - 1] == ' ' || title[end - 1] == ','))
		end--;
	return end > i ? lsn_arena_strndup(&r->a, title + i, end - i) : NULL;
}

static int
tor_build(struct lsn_rctx *r, lsn_node *container, const char *title,
    const char *note)
{
	struct torstate	 st;
	lsn_node	 *tor, *c;
	size_t		 at = 0, len = 0, n;
	char		*group = NULL, *name;

	(void)note;
	if (title == NULL || !tor_named(title, n = strlen(title)))
		return 0;
	if (group_of(title, &at, &len))
		group = lsn_arena_strndup(&r->a, title + at + 1, len);
	name = name_of(r, title, group != NULL ? at : n);

	memset(&st, 0, sizeof(st));
	st.r = r;
	st.people = lsn_el(&r->b, NULL, "people");
	st.lists = lsn_el(&r->b, NULL, "lists");
	if (st.people == NULL || st.lists == NULL)
		return 1;	/* out of memory: the builder's flag says so */
	/* Text before the first section (a ToR's preamble) counts too. */
	if ((c = lsn_child_n(container, LSN_N_BODY)) != NULL)
		walk_text(&st, c, NULL);
	walk_sections(&st, container);

	tor = lsn_el_n(&r->b, container, LSN_N_TERMS_OF_REFERENCE);
	if (group != NULL)
		lsn_attr_n(&r->b, tor, LSN_N_GROUP, group);
	if (name != NULL)
		lsn_el_text(&r->b, tor, "name", name);
	/* The emptied holders stay in the model's arena, unlinked; without
	 * tor (out of memory) the nodes stay in them. */
	if (tor != NULL) {
		lsn_move_children(st.people, tor);
		lsn_move_children(st.lists, tor);
	}
	lsn_buf_free(&st.seen);
	return 1;
}

/* A first line naming a ToR: its title, and not a sentence. The build
 * takes titles up to LSN_TOR_TITLE_BYTES, the claim only shorter ones. */
static int
tor_title(const char *s, size_t len)
{
	return len < LSN_TOR_TITLE_BYTES && tor_named(s, len) &&
	    lsn_last_char(s, len) != '.';
}

const struct lsn_kind lsn_kind_tor = {
	"terms-of-reference", tor_title, NULL, tor_build, NULL, NULL
};
