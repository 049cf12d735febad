/* SPDX-License-Identifier: MIT */
/*
 * recommendation.c: ITU-T Recommendations, their drafts, amendments,
 * corrigenda, errata and separately published annexes.
 *
 * ITU's template heads a Recommendation's title page and the first page
 * of its text with "Recommendation ITU-T Y.3507" and the title below
 * (A.12; in French "Recommandation UIT-T", in Spanish "Recomendación
 * UIT-T", in Russian "Рекомендация МСЭ-Т"); a draft says "Draft new
 * Recommendation ITU-T J.1108"; a part follows the title ("Amendment
 * 1", "Corrigendum 2", "Annex F1"); an erratum's covering note says
 * "Erratum (03/2017) to Recommendation ITU-T T.832 (08/2016), title".
 * A TD that carries a draft names it in its title ("Draft new
 * Recommendation ITU-T X.1234: ...", "Consent: H.782 ...").
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

/* The word "Recommendation" in ITU's languages, and their codes. */
static const char *const rec_words[] = {
	"Recommendation", "Recommandation", "Recomendaci\xc3\xb3n",
	"\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb4"
	"\xd0\xb0\xd1\x86\xd0\xb8\xd1\x8f",		/* Рекомендация */
	"\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb4"
	"\xd0\xb0\xd1\x86\xd0\xb8\xd0\xb8",		/* Рекомендации */
	NULL
};
static const char *const rec_langs[] = { "en", "fr", "es", "ru", "ru" };

/* A draft's first word: "Draft new Recommendation", "Projet de
 * nouvelle Recommandation", "Proyecto de nueva Recomendación", "Проект
 * новой Рекомендации". */
static const char *const draft_words[] = {
	"Draft", "Projet", "Proyecto",
	"\xd0\x9f\xd1\x80\xd0\xbe\xd0\xb5\xd0\xba\xd1\x82",	/* Проект */
	NULL
};
/* Words between a draft's first word and "Recommendation", at most. */
#define DRAFT_WORDS	3

/* The parts of a Recommendation published apart, and ITU's short
 * forms of them in an identifier ("P.340 Amd.1"). */
static const char *const part_words[] = {
	"Amendment", "Amendement", "Enmienda",
	"\xd0\x98\xd0\xb7\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xbd\xd0\xb8"
	"\xd0\xb5",					/* Изменение */
	"\xd0\x9f\xd0\xbe\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xba\xd0\xb0",
							/* Поправка */
	"Corrigendum", "Corrig\xc3\xa9ndum",
	"\xd0\x98\xd1\x81\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5"
	"\xd0\xbd\xd0\xb8\xd0\xb5",			/* Исправление */
	"Annex", "Annexe", "Anexo",
	"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5\xd0\xbd"
	"\xd0\xb8\xd0\xb5",				/* Приложение */
	NULL
};
static const char *const part_short[] = {
	"Amd.", "Amd.", "Amd.", "Amd.", "Amd.", "Cor.", "Cor.", "Cor.",
	"Annex ", "Annex ", "Annex ", "Annex "
};

/* An erratum's covering note: "Erratum (03/2017) to Recommendation". */
static const char *const erratum_words[] = { "Erratum", "Errata", NULL };
/* What joins "Erratum" to the Recommendation: "to", "à la", "a la". */
static const char *const joining_words[] = {
	"to", "\xc3\xa0", "a", "la", "de", NULL
};

/* The stages of approval a TD's title starts with ("Consent: H.782"). */
static const char *const stage_words[] = {
	"Consent", "Determination", "Approval", "Agreement", "Draft", NULL
};

/* Bytes of "(...)" at s (a year, an edition, "(ex J.roip-trans)"), at
 * most 40, and the spaces after it; 0 for none. */
static size_t
parenthetical(const char *s, size_t len)
{
	const char	*close;
	size_t		 n;

	if (len == 0 || s[0] != '(' ||
	    (close = memchr(s, ')', len < 40 ? len : 40)) == NULL)
		return 0;
	n = (size_t)(close - s) + 1;
	while (n < len && s[n] == ' ')
		n++;
	return n;
}

/* Bytes of a dash ("–", "—", "-") and the spaces after it at s, or 0. */
static size_t
dash(const char *s, size_t len)
{
	size_t	 n = 0;

	if (len >= 3 && (memcmp(s, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x94", 3) == 0))
		n = 3;
	else if (len >= 1 && s[0] == '-')
		n = 1;
	else
		return 0;
	while (n < len && s[n] == ' ')
		n++;
	return n;
}

size_t
lsn_kind_rec_part(const char *s, size_t len, char *out, size_t cap)
{
	size_t	 k, which, n, digits;

	if ((k = lsn_kind_word(s, len, part_words, &which)) == 0 ||
	    k == len)
		return 0;
	for (n = k; n < len && isalnum((unsigned char)s[n]); n++)
		;
	/* Amendments and corrigenda are numbered ("1"), annexes lettered
	 * ("B", "F1"). */
	digits = strspn(s + k, "0123456789");
	if (strncmp(part_short[which], "Annex", 5) == 0 ?
	    !isupper((unsigned char)s[k]) ||
	    strspn(s + k + 1, "0123456789") != n - k - 1 :
	    digits == 0 || digits != n - k)
		return 0;
	if ((size_t)snprintf(out, cap, "%s%.*s", part_short[which],
	    (int)(n - k), s + k) >= cap)
		return 0;
	return n;
}

/*
 * "Recommendation ITU-T N" (or "ITU-T Recommendation N") at s: the
 * number into h, the language; returns the bytes taken or 0. A template's
 * "<No.>" counts, with no number.
 */
static size_t
rec_core(const char *s, size_t len, struct lsn_heading *h)
{
	size_t	 i = 0, k, which = 0, n;

	if ((k = lsn_kind_word(s, len, rec_words, &which)) != 0) {
		i = k;
		if ((k = lsn_kind_word(s + i, len - i, lsn_kind_itut,
		    NULL)) == 0)
			return 0;
		i += k;
		h->language = rec_langs[which];
	} else if ((k = lsn_kind_word(s, len, lsn_kind_itut, NULL)) != 0 &&
	    (n = lsn_prefix_ci(s + k, "Recommendation ")) != 0) {
		i = k + n;
		h->language = "en";
	} else
		return 0;
	if (i < len && s[i] == '<') {
		const char *close = memchr(s + i, '>', len - i);
		return close != NULL ? (size_t)(close - s) + 1 : 0;
	}
	if ((k = lsn_kind_rec_number(s + i, len - i, h->number,
	    sizeof(h->number))) == 0)
		return 0;
	return i + k;
}

/* Appends " Err.1" or a part's short form to h's number. */
static void
add_part(struct lsn_heading *h, const char *sep, const char *part)
{
	size_t	 n = strlen(h->number);

	if (n > 0)
		snprintf(h->number + n, sizeof(h->number) - n, "%s%s", sep,
		    part);
}

/* "Erratum [n] (MM/YYYY) to Recommendation ITU-T T.832 (08/2016),
 * title": ITU numbers a Recommendation's errata from 1, and the note of
 * an only erratum says no number. */
static int
erratum(const char *s, size_t len, struct lsn_heading *h)
{
	size_t	 i, k, w, n;
	char	 num[16] = "1";

	if ((i = lsn_kind_word(s, len, erratum_words, NULL)) == 0)
		return 0;
	if ((n = strspn(s + i, "0123456789")) > 0 && n < sizeof(num)) {
		memcpy(num, s + i, n);
		num[n] = '\0';
		for (i += n; i < len && s[i] == ' '; i++)
			;
	}
	if ((k = parenthetical(s + i, len - i)) != 0) {
		if (k > 2 && s[i + 1] != 'e')
			snprintf(h->edition, sizeof(h->edition), "%.*s",
			    (int)strcspn(s + i + 1, ")"), s + i + 1);
		i += k;
	}
	for (w = 0; w < 2 && (k = lsn_kind_word(s + i, len - i,
	    joining_words, NULL)) != 0; w++)
		i += k;
	if ((k = rec_core(s + i, len - i, h)) == 0 || h->number[0] == '\0')
		return 0;
	i += k;
	while (i < len && s[i] == ' ')
		i++;
	i += parenthetical(s + i, len - i);
	if (i < len && s[i] == ',')
		for (i++; i < len && s[i] == ' '; i++)
			;
	add_part(h, " Err.", num);
	h->taken = i;
	return 1;
}

static int
rec_heading(const char *s, size_t len, struct lsn_heading *h)
{
	size_t	 i = 0, k, w;
	char	 part[LSN_KIND_NUMBER_SIZE];
	int32_t	 cp;

	if (erratum(s, len, h))
		return 1;
	memset(h, 0, sizeof(*h));
	if ((k = lsn_kind_word(s, len, draft_words, NULL)) != 0) {
		/* "Draft new", "Draft [New]", "Projet de nouvelle" */
		for (i = k, w = 0; w <= DRAFT_WORDS && i < len &&
		    lsn_kind_word(s + i, len - i, rec_words, NULL) == 0; w++) {
			while (i < len && s[i] != ' ')
				i++;
			while (i < len && s[i] == ' ')
				i++;
		}
	}
	if ((k = rec_core(s + i, len - i, h)) == 0)
		return 0;
	for (i += k; i < len && s[i] == ' '; i++)
		;
	/* "(2000)", "(ex J.roip-trans)", "– Amendment 1", in any order */
	for (;;) {
		if ((k = parenthetical(s + i, len - i)) != 0)
			i += k;
		else if ((k = dash(s + i, len - i)) != 0 &&
		    (w = lsn_kind_rec_part(s + i + k, len - i - k, part,
		    sizeof(part))) != 0) {
			add_part(h, " ", part);
			for (i += k + w; i < len && s[i] == ' '; i++)
				;
		} else
			break;
	}
	/* A title may follow on the line (a text export's lines joined);
	 * a sentence ("Recommendation ITU-T A.1 describes ...") may not. */
	if (i < len && (lsn_utf8_decode(s + i, len - i, &cp) == 0 ||
	    (!lsn_is_upper(cp) && !isdigit((unsigned char)s[i]) &&
	    s[i] != '<')))
		return 0;
	h->taken = i;
	h->parts = 1;
	return 1;
}

/* 1 when a TD's title says it carries a Recommendation: "Draft new
 * Recommendation ITU-T X.1234: ...", "Consent: H.782 ...", "Draft
 * amendment 1 to ...". */
static int
names_draft(const char *t)
{
	size_t	 len = strlen(t), k, w;
	char	 num[LSN_KIND_NUMBER_SIZE];

	if ((k = lsn_kind_word(t, len, stage_words, &w)) == 0)
		return 0;
	if (t[k - 1] == ':' || (k < len && t[k] == ':')) {
		/* "Consent: H.782 ...", "Approval: Draft new ..." */
		while (k < len && (t[k] == ':' || t[k] == ' '))
			k++;
		if (lsn_kind_rec_number(t + k, len - k, num, sizeof(num)) ||
		    lsn_kind_word(t + k, len - k, lsn_kind_itut, NULL))
			return 1;
		return names_draft(t + k);
	}
	if (strcmp(stage_words[w], "Draft") != 0)
		return 0;
	/* "Draft new Recommendation", "Draft revised Recommendation",
	 * "Draft Recommendation", "Draft amendment", "Draft corrigendum" */
	if (lsn_prefix_ci(t + k, "new ") || lsn_prefix_ci(t + k, "revised "))
		while (k < len && t[k] != ' ')
			k++;
	while (k < len && t[k] == ' ')
		k++;
	return lsn_kind_word(t + k, len - k, rec_words, NULL) != 0 ||
	    lsn_prefix_ci(t + k, "amendment ") || lsn_prefix_ci(t + k,
	    "corrigendum ");
}

static int
rec_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	lsn_node	*title = lsn_child_n(lsn_child_n(root, LSN_N_META),
			    LSN_N_TITLE);
	const char	*t;

	return title != NULL && (t = lsn_plain(r, title)) != NULL &&
	    names_draft(t) ? 2 : 0;
}

const struct lsn_kind lsn_kind_recommendation = {
	"recommendation", NULL, NULL, NULL, rec_claim_model, rec_heading
};
