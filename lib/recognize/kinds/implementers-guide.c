/* SPDX-License-Identifier: MIT */
/*
 * implementers-guide.c: a Recommendation's implementers' guide (A.1
 * clause 1.8.2: the defects of a Recommendation and their resolutions,
 * agreed by a study group). Its title page and first page say
 * "Implementers' guide for ITU-T Rec. G.729 (2012)"; ITU identifies it
 * as "G.Imp729", the series letter, "Imp", then the number.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

/* "Implementers'" as ITU writes it, the apostrophe straight or curly,
 * and as some texts misspell it. */
static const char *const imp_words[] = {
	"Implementers'", "Implementers\xe2\x80\x99", "Implementors'",
	"Implementors\xe2\x80\x99", NULL
};
static const char *const guide_words[] = { "guide", NULL };
static const char *const for_words[] = { "for", "to", "of", NULL };
static const char *const rec_words[] = {
	"Rec.", "Recommendation", "Recommendations", NULL
};

/* The bytes of "Implementers' guide for [ITU-T] [Rec.] [ITU-T]" at s,
 * or 0. */
static size_t
imp_prefix(const char *s, size_t len)
{
	size_t	 i, k;

	if ((i = lsn_kind_word(s, len, imp_words, NULL)) == 0 ||
	    (k = lsn_kind_word(s + i, len - i, guide_words, NULL)) == 0)
		return 0;
	i += k;
	if ((k = lsn_kind_word(s + i, len - i, for_words, NULL)) == 0)
		return 0;
	i += k;
	i += lsn_kind_word(s + i, len - i, lsn_kind_itut, NULL);
	i += lsn_kind_word(s + i, len - i, rec_words, NULL);
	i += lsn_kind_word(s + i, len - i, lsn_kind_itut, NULL);
	return i;
}

/* "Implementers' guide for ITU-T Rec. G.729 (2012)": the heading is the
 * title, up to the Recommendation's edition; the title page may go on
 * with the Recommendation's title. */
static int
imp_heading(const char *s, size_t len, struct lsn_heading *h)
{
	char		 num[LSN_KIND_NUMBER_SIZE];
	const char	*dot, *close;
	size_t		 i, k;

	if ((i = imp_prefix(s, len)) == 0 ||
	    (k = lsn_kind_rec_number(s + i, len - i, num, sizeof(num))) == 0)
		return 0;
	i += k;
	if (i + 1 < len && s[i] == ' ' && s[i + 1] == '(' &&
	    (close = memchr(s + i, ')', len - i)) != NULL &&
	    close - (s + i) < 16)
		i = (size_t)(close - s) + 1;
	dot = strchr(num, '.');
	snprintf(h->number, sizeof(h->number), "%.*sImp%s",
	    (int)(dot - num + 1), num, dot + 1);
	h->language = "en";
	h->taken = i;
	h->title_len = i;
	return 1;
}

/* A TD's title: "Approval: Implementers' Guide for G.729 ...", "Draft
 * Implementers' Guide for ...". */
static int
imp_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	const char	*t = lsn_kind_td_title(r, root);

	return t != NULL &&
	    lsn_kind_word(t, strlen(t), imp_words, NULL) != 0 ? 2 : 0;
}

const struct lsn_kind lsn_kind_implementers_guide = {
	"implementers-guide", NULL, NULL, NULL, imp_claim_model, imp_heading
};
