/* SPDX-License-Identifier: MIT */
/*
 * kinds.c: the registry of document kinds, and the walks over it that
 * the passes call instead of naming a kind (see kinds.h).
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

const struct lsn_kind *const lsn_kinds[] = {
	&lsn_kind_question,
	&lsn_kind_tor,
	&lsn_kind_ls,
	&lsn_kind_report,
	&lsn_kind_recommendation,
	&lsn_kind_supplement,
	&lsn_kind_implementers_guide,
	&lsn_kind_resolution,
	&lsn_kind_document,	/* last: what nothing else claims */
	NULL
};

const struct lsn_kind *
lsn_kind_of_title(const char *s, size_t len)
{
	const struct lsn_kind	*best = NULL;
	int			 c, bestc = 0;
	size_t			 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->claim_title != NULL &&
		    (c = lsn_kinds[i]->claim_title(s, len)) > bestc) {
			best = lsn_kinds[i];
			bestc = c;
		}
	return best;
}

int
lsn_kind_title_continues(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->title_continues != NULL &&
		    lsn_kinds[i]->title_continues(s, len))
			return 1;
	return 0;
}

const struct lsn_kind *
lsn_kind_build_part(struct lsn_rctx *r, lsn_node *annex, const char *title,
    const char *note)
{
	size_t	 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->build != NULL &&
		    lsn_kinds[i]->build(r, annex, title, note)) {
			lsn_attr_n(&r->b, annex, LSN_N_KIND,
			    lsn_kinds[i]->name);
			return lsn_kinds[i];
		}
	return NULL;
}

const char *
lsn_kind_of_document(struct lsn_rctx *r, lsn_node *root,
    const struct lsn_kind *built)
{
	const struct lsn_kind	*best = &lsn_kind_document;
	int			 c, bestc = 0;
	size_t			 i;

	if (built != NULL)
		return built->name;
	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->claim_model != NULL &&
		    (c = lsn_kinds[i]->claim_model(r, root)) > bestc) {
			best = lsn_kinds[i];
			bestc = c;
		}
	return best->name;
}

int
lsn_kind_mentions(struct lsn_rctx *r, lsn_node *n, const char *word)
{
	char	*t;

	if (n == NULL || (t = lsn_plain(r, n)) == NULL)
		return 0;
	return lsn_find_ci(t, strlen(t), word) >= 0;
}

lsn_node *
lsn_kind_first_paragraph(lsn_node *root)
{
	lsn_node	 *body = lsn_child_n(root, LSN_N_BODY), *s, *p;

	if (body != NULL && (p = lsn_child_n(body, LSN_N_P)) != NULL)
		return p;
	for (s = lsn_child_n(root, LSN_N_SECTION); s != NULL;
	    s = lsn_next_n(s, LSN_N_SECTION))
		if ((p = lsn_child_n(s, LSN_N_P)) != NULL)
			return p;
	return NULL;
}

const struct lsn_kind *
lsn_kind_of_heading(const char *s, size_t len, struct lsn_heading *h)
{
	size_t	 i;

	for (i = 0; lsn_kinds[i] != NULL; i++) {
		memset(h, 0, sizeof(*h));
		if (lsn_kinds[i]->claim_heading != NULL &&
		    lsn_kinds[i]->claim_heading(s, len, h))
			return lsn_kinds[i];
	}
	memset(h, 0, sizeof(*h));
	return NULL;
}

/* A stage of approval before a TD's title is one word and a colon
 * ("Consent:", "Determination:", "Approval:"): within so many bytes. */
#define TD_STAGE_BYTES	20

const char *
lsn_kind_td_title(struct lsn_rctx *r, lsn_node *root)
{
	lsn_node	*title = lsn_child_n(lsn_child_n(root, LSN_N_META),
			    LSN_N_TITLE);
	const char	*t, *colon;
	size_t		 len;

	if (title == NULL || (t = lsn_plain(r, title)) == NULL)
		return NULL;
	len = strlen(t);
	if ((colon = memchr(t, ':', len < TD_STAGE_BYTES ? len :
	    TD_STAGE_BYTES)) != NULL)
		for (t = colon + 1; *t == ' '; t++)
			;
	if (lsn_prefix_ci(t, "Draft new "))
		t += 10;
	else if (lsn_prefix_ci(t, "Draft "))
		t += 6;
	return t;
}

/* "МСЭ-Т" is written with a Cyrillic or a Latin T. */
const char *const lsn_kind_itut[] = {
	"ITU-T", "UIT-T", "\xd0\x9c\xd0\xa1\xd0\xad-\xd0\xa2",
	"\xd0\x9c\xd0\xa1\xd0\xad-T", NULL
};

size_t
lsn_kind_word(const char *s, size_t len, const char *const words[],
    size_t *which)
{
	size_t	 i, k, n;

	for (i = 0; words[i] != NULL; i++) {
		n = strlen(words[i]);
		if (n > len)
			continue;
		for (k = 0; k < n; k++)
			if (tolower((unsigned char)s[k]) !=
			    tolower((unsigned char)words[i][k]))
				break;
		if (k < n || (n < len && s[n] != ' ' &&
		    strchr(":.,", s[n]) == NULL))
			continue;
		if (which != NULL)
			*which = i;
		while (n < len && s[n] == ' ')
			n++;
		return n;
	}
	return 0;
}

/* The Latin capital a Cyrillic capital at s looks like (series letters
 * typed in Russian texts: "Е.119"), or 0. */
static char
latin_lookalike(const unsigned char *s, size_t len)
{
	static const char	 from[] = "\x90\x92\x95\x9a\x9c\x9d\x9e\xa0"
				     "\xa1\xa2\xa5";
	static const char	 to[] = "ABEKMHOPCTX";
	const char		*p;

	if (len < 2 || s[0] != 0xd0 || s[1] == 0 ||
	    (p = strchr(from, s[1])) == NULL)
		return 0;
	return to[p - from];
}

size_t
lsn_kind_rec_number(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, o = 0, end_i = 0, end_o = 0;
	char			 c;

	for (;;) {
		/* The series letter, then '.' and a letter or digit. */
		if (i < len && isupper(u[i]))
			c = (char)u[i++];
		else if ((c = latin_lookalike(u + i, len - i)) != 0)
			i += 2;
		else
			break;
		if (i + 1 >= len || s[i] != '.' || !isalnum(u[i + 1]) ||
		    o + 3 >= cap)
			break;
		out[o++] = c;
		out[o++] = s[i++];
		/* Letters, digits, and '.' or '-' between them. */
		while (i < len && o + 1 < cap && (isalnum(u[i]) ||
		    ((s[i] == '.' || s[i] == '-') && i + 1 < len &&
		    isalnum(u[i + 1]))))
			out[o++] = s[i++];
		end_i = i;
		end_o = o;
		/* "E.180/Q.35": one text, two numbers. */
		if (i + 2 < len && s[i] == '/' && o + 1 < cap) {
			out[o++] = s[i++];
			continue;
		}
		break;
	}
	if (end_o < 3)
		return 0;
	out[end_o] = '\0';
	return end_i;
}
