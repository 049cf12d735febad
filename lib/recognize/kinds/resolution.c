/* SPDX-License-Identifier: MIT */
/*
 * resolution.c: Resolutions of the World Telecommunication
 * Standardization Assembly. Their text is headed "RESOLUTION 1 (Rev.
 * Hammamet, 2016)" (in French "RÉSOLUTION", in Spanish "RESOLUCIÓN", in
 * Russian "РЕЗОЛЮЦИЯ") and the title on the next line; the parenthesis
 * says which assembly revised it last, the Resolution's edition.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

static const char *const res_words[] = {
	"Resolution", "R\xc3\xa9solution", "R\xc3\x89SOLUTION",
	"Resoluci\xc3\xb3n", "RESOLUCI\xc3\x93N",
	"\xd0\xa0\xd0\x95\xd0\x97\xd0\x9e\xd0\x9b\xd0\xae\xd0\xa6\xd0\x98"
	"\xd0\xaf",					/* РЕЗОЛЮЦИЯ */
	"\xd0\xa0\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbb\xd1\x8e\xd1\x86\xd0\xb8"
	"\xd1\x8f",					/* Резолюция */
	NULL
};
static const char *const res_langs[] = {
	"en", "fr", "fr", "es", "es", "ru", "ru"
};

/* "RESOLUTION 1 (Rev. Hammamet, 2016)" alone on its line. */
static int
res_heading(const char *s, size_t len, struct lsn_heading *h)
{
	size_t		 i, n, which;
	const char	*close;
	int32_t		 cp;

	if ((i = lsn_kind_word(s, len, res_words, &which)) == 0 ||
	    (n = strspn(s + i, "0123456789")) == 0)
		return 0;
	snprintf(h->number, sizeof(h->number), "Resolution %.*s", (int)n,
	    s + i);
	for (i += n; i < len && s[i] == ' '; i++)
		;
	if (i < len && s[i] == '(' &&
	    (close = memchr(s + i, ')', len - i)) != NULL) {
		snprintf(h->edition, sizeof(h->edition), "%.*s",
		    (int)(close - s - i - 1), s + i + 1);
		for (i = (size_t)(close - s) + 1; i < len && s[i] == ' '; i++)
			;
	}
	/* The title may follow on the line (a text export's lines
	 * joined); a sentence ("Resolution 1 says ...") may not. */
	if (i < len && (lsn_utf8_decode(s + i, len - i, &cp) == 0 ||
	    !lsn_is_upper(cp)))
		return 0;
	h->language = res_langs[which];
	h->taken = i;
	return 1;
}

const struct lsn_kind lsn_kind_resolution = {
	"resolution", NULL, NULL, NULL, NULL, res_heading
};
