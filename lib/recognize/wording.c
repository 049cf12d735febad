/* SPDX-License-Identifier: MIT */
/*
 * wording.c: what the recognizer asks of a text's words: how many,
 * whether it reads like a title, its last character, case-insensitive
 * search and comparison (ASCII, or folded in every script for labels).
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

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
		unsigned char c = (unsigned char)s[i];
		int alnum;

		/* ASCII without the calls: most of a text */
		if (c < 0x80) {
			cp = c;
			k = 1;
			alnum = (c >= '0' && c <= '9') ||
			    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		} else {
			k = lsn_utf8_decode(s + i, len - i, &cp);
			alnum = lsn_is_alnum(cp);
		}
		if (alnum) {
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
	/* The first and last characters before the words are counted:
	 * most lines fail on them. (strchr finds the NUL of a blank
	 * line's last character too.) */
	last = lsn_last_char(s, len);
	if (strchr(".;,:?!", last) != NULL)
		return 0;
	lsn_utf8_decode(s, len, &cp);
	/* Titles start with a capital, a digit or an opening bracket. */
	if (!(lsn_is_upper(cp) || (cp >= '0' && cp <= '9') || cp == '(' ||
	    cp == '"' || cp == 0x201C))
		return 0;
	words = lsn_word_count(s, len);
	return words > 0 && words <= max_words;
}

long
lsn_find_ci(const char *hay, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;
	unsigned char lo, up;

	if (n == 0 || n > len)
		return n == 0 ? 0 : -1;
	/* strncasecmp's own first test, without a call at every byte */
	lo = (unsigned char)tolower((unsigned char)needle[0]);
	up = (unsigned char)toupper((unsigned char)needle[0]);
	for (i = 0; i + n <= len; i++)
		if (((unsigned char)hay[i] == lo ||
		    (unsigned char)hay[i] == up) &&
		    strncasecmp(hay + i, needle, n) == 0)
			return (long)i;
	return -1;
}

int
lsn_equals_ci(const char *s, size_t len, const char *word)
{
	size_t	 n;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ':'))
		len--;
	/* strncasecmp's first test, before strlen: most words fail it */
	if (len > 0 && tolower((unsigned char)s[0]) !=
	    tolower((unsigned char)word[0]))
		return 0;
	n = strlen(word);
	return len == n && strncasecmp(s, word, n) == 0;
}

/* A code point as label matching sees it: small letter, ASCII
 * apostrophe, hyphen and space for their typographic forms. */
static int32_t
fold_cp(int32_t cp)
{
	switch (cp) {
	case 0x2019: case 0x2018: case 0x02BC:
		return '\'';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return '-';
	case 0x00A0: case 0x202F: case 0x2007:
		return ' ';
	default:
		return utf8proc_tolower(cp);
	}
}

size_t
lsn_prefix_fold(const char *s, size_t len, const char *prefix)
{
	size_t	 i = 0, j = 0, plen = strlen(prefix), k, m;
	int32_t	 a, b;

	while (j < plen) {
		if (i >= len)
			return 0;
		/* ASCII on both sides: most labels, no decoding */
		if ((unsigned char)s[i] < 0x80 &&
		    (unsigned char)prefix[j] < 0x80) {
			if (tolower((unsigned char)s[i]) !=
			    tolower((unsigned char)prefix[j]))
				return 0;
			i++;
			j++;
			continue;
		}
		k = lsn_utf8_decode(s + i, len - i, &a);
		m = lsn_utf8_decode(prefix + j, plen - j, &b);
		if (fold_cp(a) != fold_cp(b))
			return 0;
		i += k;
		j += m;
	}
	return i;
}
