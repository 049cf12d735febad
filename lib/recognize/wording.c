/* SPDX-License-Identifier: MIT */
/*
 * wording.c: what the recognizer asks of a text's words: how many,
 * whether it reads like a title, its last character, case-insensitive
 * search and comparison.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/lines.h"
#include "recognize/tuning.h"
#include "util/text.h"

size_t
lsn_word_count(const char *s, size_t len)
{
	size_t	 i = 0, k, words = 0;
	int	 in = 0;
	int32_t	 cp;

	while (i < len) {
		k = lsn_utf8_decode(s + i, len - i, &cp);
		if (lsn_is_alnum(cp)) {
			if (!in)
				words++;
			in = 1;
		} else if (cp != '-' && cp != '\'' && cp != 0x2019)
			in = 0;
		i += k;
	}
	return words;
}

char
lsn_last_char(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len > 0 ? s[len - 1] : 0;
}

int
lsn_title_like(const char *s, size_t len, size_t max_words)
{
	size_t	 words;
	char	 last;
	int32_t	 cp;

	if (len == 0 || len > LSN_TITLE_BYTES)
		return 0;
	words = lsn_word_count(s, len);
	if (words == 0 || words > max_words)
		return 0;
	last = lsn_last_char(s, len);
	if (strchr(".;,:?!", last) != NULL)
		return 0;
	lsn_utf8_decode(s, len, &cp);
	/* Titles start with a capital, a digit or an opening bracket. */
	return lsn_is_upper(cp) || (cp >= '0' && cp <= '9') || cp == '(' ||
	    cp == '"' || cp == 0x201C;
}

long
lsn_find_ci(const char *hay, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;
	int	 c0;

	if (n == 0 || n > len)
		return n == 0 ? 0 : -1;
	/* strncasecmp's own first test, without a call at every byte */
	c0 = tolower((unsigned char)needle[0]);
	for (i = 0; i + n <= len; i++)
		if (tolower((unsigned char)hay[i]) == c0 &&
		    strncasecmp(hay + i, needle, n) == 0)
			return (long)i;
	return -1;
}

int
lsn_equals_ci(const char *s, size_t len, const char *word)
{
	size_t	 n = strlen(word);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ':'))
		len--;
	return len == n && strncasecmp(s, word, n) == 0;
}
