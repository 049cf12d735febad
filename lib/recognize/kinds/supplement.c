/* SPDX-License-Identifier: MIT */
/*
 * supplement.c: supplements to a series of ITU-T Recommendations (A.13):
 * "Supplement 62 to ITU-T Q-series Recommendations", in French
 * "Supplément 62 aux Recommandations UIT-T de la série Q", in Spanish
 * "Suplemento 62 a las Recomendaciones UIT-T de la serie Q", in Russian
 * "Добавление 62 к Рекомендациям МСЭ-Т серии Q". ITU identifies it as
 * "Q Suppl. 62".
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

static const char *const suppl_words[] = {
	"Supplement", "Suppl\xc3\xa9ment", "Suplemento",
	"\xd0\x94\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd"
	"\xd0\xb8\xd0\xb5",				/* Добавление */
	NULL
};
static const char *const suppl_langs[] = { "en", "fr", "es", "ru" };
/* "série Q", "serie Q", "серии Q": the series letter after the word. */
static const char *const series_words[] = {
	"s\xc3\xa9rie", "serie", "\xd1\x81\xd0\xb5\xd1\x80\xd0\xb8\xd0\xb8",
	NULL
};
/* The words between the number and the series, at most. */
#define SUPPL_WORDS	8

static int
suppl_heading(const char *s, size_t len, struct lsn_heading *h)
{
	size_t	 i, k, n, w, which;
	char	 series = 0;
	int32_t	 cp;

	if ((i = lsn_kind_word(s, len, suppl_words, &which)) == 0 ||
	    (n = strspn(s + i, "0123456789")) == 0)
		return 0;
	snprintf(h->number, sizeof(h->number), "Suppl. %.*s", (int)n, s + i);
	i += n;
	for (w = 0; w < SUPPL_WORDS && i < len && series == 0; w++) {
		while (i < len && s[i] == ' ')
			i++;
		if (i + 8 <= len && isupper((unsigned char)s[i]) &&
		    lsn_prefix_ci(s + i + 1, "-series")) {
			/* "Q-series Recommendations" */
			series = s[i];
			i += 8;
			while (i < len && s[i] == ' ')
				i++;
			if ((k = lsn_prefix_ci(s + i, "Recommendations")) != 0)
				i += k;
			break;
		}
		if ((k = lsn_kind_word(s + i, len - i, series_words,
		    NULL)) != 0 && i + k < len &&
		    isupper((unsigned char)s[i + k]) &&
		    (i + k + 1 == len || s[i + k + 1] == ' ')) {
			series = s[i + k];
			i += k + 1;
			break;
		}
		while (i < len && s[i] != ' ')
			i++;
	}
	if (series == 0)
		return 0;
	/* "Q Suppl. 62" */
	n = strlen(h->number);
	if (n + 3 > sizeof(h->number))
		return 0;
	memmove(h->number + 2, h->number, n + 1);
	h->number[0] = series;
	h->number[1] = ' ';
	h->language = suppl_langs[which];
	while (i < len && s[i] == ' ')
		i++;
	/* A title may follow on the line; a sentence ("Supplement 62 ...
	 * gives") may not. */
	if (i < len && (lsn_utf8_decode(s + i, len - i, &cp) == 0 ||
	    !lsn_is_upper(cp)))
		return 0;
	h->taken = i;
	return 1;
}

/* A TD's title: "Draft Supplement 62 to ITU-T Q-series ...",
 * "Agreement: Supplement ...". */
static int
suppl_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	const char		*t = lsn_kind_td_title(r, root);
	struct lsn_heading	 h;

	memset(&h, 0, sizeof(h));
	return t != NULL && suppl_heading(t, strlen(t), &h) ? 2 : 0;
}

const struct lsn_kind lsn_kind_supplement = {
	"supplement", NULL, NULL, NULL, suppl_claim_model, suppl_heading
};
