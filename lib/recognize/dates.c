/* SPDX-License-Identifier: MIT */
/*
 * dates.c: dates as ITU writes them, in English, French, Spanish,
 * Russian, Arabic and Chinese, with their ISO 8601 form.
 *
 *   16 January 2025            2025-01-16
 *   15 – 24 October 2024       2024-10-15/2024-10-24
 *   3 December – 5 January 2026  2025-12-03/2026-01-05 (the range
 *                              crosses the year: it never ends before
 *                              it starts)
 *   3 December 2025 – 5 January 2026
 *   December 8, 2025; October 15-24, 2024; May 2025; March/April 2026
 *   1er janvier 2025; du 15 au 24 octobre 2024; 3 de diciembre de 2025;
 *   15–24 октября 2024 г.; 3 ديسمبر 2025; 2025年12月3日; 2025-05-30
 *   del 3 al 5 de diciembre de 2025; с 3 по 5 декабря 2025 г.; 1º de
 *   julio; DÉCEMBRE 2025; 03.12.2025; 07-04-2017; 12/2018 (on request)
 *
 * Every day is checked against its month and year (no 31 February).
 * English month names count only with a capital ("5 may 2025" is a
 * verb); the other languages write them in lower case, and a month
 * that opens a date in those (month before year) needs no capital either.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "recognize/dates.h"
#include "recognize/tuning.h"
#include "util/text.h"


/* Month names: English (capital needed), then the languages that write
 * them in lower case. Russian has the genitive ("октября") of dates and
 * the nominative of "октябрь 2025". Longer names come before their own
 * prefixes ("sept" before "sep"). */
static const struct month_name {
	const char	*name;
	unsigned char	 month;
	unsigned char	 english;
} month_names[] = {
	{ "january", 1, 1 }, { "jan", 1, 1 },
	{ "february", 2, 1 }, { "feb", 2, 1 },
	{ "march", 3, 1 }, { "mar", 3, 1 },
	{ "april", 4, 1 }, { "apr", 4, 1 },
	{ "may", 5, 1 },
	{ "june", 6, 1 }, { "jun", 6, 1 },
	{ "july", 7, 1 }, { "jul", 7, 1 },
	{ "august", 8, 1 }, { "aug", 8, 1 },
	{ "september", 9, 1 }, { "sept", 9, 1 }, { "sep", 9, 1 },
	{ "october", 10, 1 }, { "oct", 10, 1 },
	{ "november", 11, 1 }, { "nov", 11, 1 },
	{ "december", 12, 1 }, { "dec", 12, 1 },
	/* French */
	{ "janvier", 1, 0 }, { "janv", 1, 0 },
	{ "f\xc3\xa9vrier", 2, 0 }, { "fevrier", 2, 0 }, { "f\xc3\xa9vr", 2,
	    0 },
	{ "mars", 3, 0 }, { "avril", 4, 0 }, { "avr", 4, 0 },
	{ "mai", 5, 0 }, { "juin", 6, 0 },
	{ "juillet", 7, 0 }, { "juil", 7, 0 },
	{ "ao\xc3\xbbt", 8, 0 }, { "aout", 8, 0 },
	{ "septembre", 9, 0 }, { "octobre", 10, 0 }, { "novembre", 11, 0 },
	{ "d\xc3\xa9" "cembre", 12, 0 }, { "decembre", 12, 0 },
	{ "d\xc3\xa9" "c", 12, 0 },
	/* Spanish */
	{ "enero", 1, 0 }, { "febrero", 2, 0 }, { "marzo", 3, 0 },
	{ "abril", 4, 0 }, { "mayo", 5, 0 }, { "junio", 6, 0 },
	{ "julio", 7, 0 }, { "agosto", 8, 0 }, { "septiembre", 9, 0 },
	{ "setiembre", 9, 0 }, { "octubre", 10, 0 }, { "noviembre", 11, 0 },
	{ "diciembre", 12, 0 },
	/* Russian, genitive then nominative */
	{ "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f", 1, 0 },
	{ "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f", 2, 0 },
	{ "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", 3, 0 },
	{ "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", 4, 0 },
	{ "\xd0\xbc\xd0\xb0\xd1\x8f", 5, 0 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", 6, 0 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f", 7, 0 },
	{ "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0", 8, 0 },
	{ "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 9,
	    0 },
	{ "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 10, 0 },
	{ "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 11, 0 },
	{ "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f", 12, 0 },
	{ "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8c", 1, 0 },
	{ "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c", 2, 0 },
	{ "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82", 3, 0 },
	{ "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8c", 4, 0 },
	{ "\xd0\xbc\xd0\xb0\xd0\xb9", 5, 0 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8c", 6, 0 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8c", 7, 0 },
	{ "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82", 8, 0 },
	{ "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 9,
	    0 },
	{ "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 10, 0 },
	{ "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 11, 0 },
	{ "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8c", 12, 0 },
	/* Arabic (the names used at ITU; أبريل also written إبريل) */
	{ "\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1", 1, 0 },
	{ "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1", 2, 0 },
	{ "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3", 3, 0 },
	{ "\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", 4, 0 },
	{ "\xd8\xa5\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", 4, 0 },
	{ "\xd9\x85\xd8\xa7\xd9\x8a\xd9\x88", 5, 0 },
	{ "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88", 6, 0 },
	{ "\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88", 7, 0 },
	{ "\xd8\xa3\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3", 8, 0 },
	{ "\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1", 9, 0 },
	{ "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1", 10, 0 },
	{ "\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1", 11, 0 },
	{ "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1", 12, 0 },
};

/* The Chinese date characters. */
#define CJK_YEAR	"\xe5\xb9\xb4"	/* 年 */
#define CJK_MONTH	"\xe6\x9c\x88"	/* 月 */
#define CJK_DAY		"\xe6\x97\xa5"	/* 日 */
#define CJK_TO		"\xe8\x87\xb3"	/* 至 */

struct ymd {
	int	 y, m, d;  /* 0: not given */
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_ascii_alpha(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * The letter at s folded to lower case into buf: ASCII, the Cyrillic
 * capitals (А-Я, Ё) and the accented Latin capitals (À-Þ), which keep
 * their length in UTF-8, so a name and the text stay aligned byte for
 * byte ("DÉCEMBRE", "ДЕКАБРЯ"). Returns the letter's length in s (1 or
 * 2; other bytes are copied one by one), 0 at the end.
 */
static size_t
fold(const unsigned char *s, size_t len, unsigned char buf[2])
{
	if (len == 0)
		return 0;
	if (s[0] < 0x80 || len < 2) {
		buf[0] = (unsigned char)ascii_lower(s[0]);
		return 1;
	}
	buf[0] = s[0];
	buf[1] = s[1];
	if (s[0] == 0xd0 && s[1] >= 0x90 && s[1] <= 0x9f)
		buf[1] = s[1] + 0x20;   /* А-П -> а-п */
	else if (s[0] == 0xd0 && s[1] >= 0xa0 && s[1] <= 0xaf) {
		buf[0] = 0xd1;
		buf[1] = s[1] - 0x20;   /* Р-Я -> р-я */
	} else if (s[0] == 0xd0 && s[1] == 0x81) {
		buf[0] = 0xd1;
		buf[1] = 0x91;          /* Ё -> ё */
	} else if (s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0x9e &&
	    s[1] != 0x97)
		buf[1] = s[1] + 0x20;   /* À-Þ -> à-þ, but for × */
	else if (s[0] < 0xc0)
		return 1;               /* a lone continuation byte */
	return 2;
}

/* 1 when the byte at s can continue a word: a month name must end at
 * a word's end ("Marseille" holds no date). */
static int
continues_word(const char *s, size_t len)
{
	return len > 0 && (is_ascii_alpha((unsigned char)s[0]) ||
	    (unsigned char)s[0] >= 0x80);
}

#define MONTH_NAMES	(sizeof(month_names) / sizeof(month_names[0]))
/* Longer than any name in month_names, in bytes. */
#define MONTH_NAME_MAX	24

/* month_names' indices by the length of the name, and a filter built
 * once: a hash of the two bytes a name opens with keys the lengths of
 * the names that open so, English names (which need a capital) apart.
 * Most words fail the filter; the others are compared only with the
 * names of their own length. */
#define MONTH_FILTER	512
static unsigned char	 month_by_length[MONTH_NAME_MAX][2]; /* first, count */
static unsigned char	 month_order[MONTH_NAMES];
static uint32_t		 month_filter[2][MONTH_FILTER]; /* [english] */
static pthread_once_t	 month_index_once = PTHREAD_ONCE_INIT;

static size_t
month_filter_slot(unsigned char a, unsigned char b)
{
	return ((size_t)a * 31 + b) % MONTH_FILTER;
}

static void
index_months(void)
{
	size_t	 l, i, k = 0;

	for (l = 0; l < MONTH_NAME_MAX; l++) {
		month_by_length[l][0] = (unsigned char)k;
		for (i = 0; i < MONTH_NAMES; i++)
			if (strlen(month_names[i].name) == l)
				month_order[k++] = (unsigned char)i;
		month_by_length[l][1] = (unsigned char)(k -
		    month_by_length[l][0]);
	}
	for (i = 0; i < MONTH_NAMES; i++) {
		const unsigned char *u =
		    (const unsigned char *)month_names[i].name;

		month_filter[month_names[i].english][month_filter_slot(u[0],
		    u[1])] |= (uint32_t)1 << strlen(month_names[i].name);
	}
}

/*
 * A month name at s: returns 1-12 and its length in *n (with an
 * abbreviation's dot), else 0. An English name needs its capital. The
 * name is the whole word: every byte of a name continues a word, and
 * a name must end where the word does ("Marseille" holds no date).
 */
static int
month_at(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char	 f[3], word[MONTH_NAME_MAX];
	size_t		 w, k, fl, c;
	uint32_t	 lengths;

	if (len < 3)
		return 0;
	/* The first two bytes, folded: a two-byte letter's own, or an
	 * ASCII letter and the lead byte of what follows. Two ASCII
	 * bytes (most words) need no call. */
	if (u[0] < 0x80 && u[1] < 0x80) {
		f[0] = (unsigned char)ascii_lower(u[0]);
		f[1] = (unsigned char)ascii_lower(u[1]);
	} else if ((fl = fold(u, len, f)) == 0 ||
	    (fl == 1 && fold(u + 1, len - 1, f + 1) == 0))
		return 0;
	pthread_once(&month_index_once, index_months);
	k = month_filter_slot(f[0], f[1]);
	lengths = month_filter[0][k] |
	    (u[0] >= 'A' && u[0] <= 'Z' ? month_filter[1][k] : 0);
	if (lengths == 0)
		return 0;
	for (w = 0; w < len && continues_word(s + w, len - w); w++)
		if (w + 1 >= MONTH_NAME_MAX)
			return 0;
	if ((lengths & (uint32_t)1 << w) == 0)
		return 0;
	/* The word is folded whole only when a name of its length opens
	 * with its first two bytes. */
	for (c = 0; c < month_by_length[w][1]; c++) {
		const char *name =
		    month_names[month_order[month_by_length[w][0] + c]].name;

		if ((unsigned char)name[0] == f[0] &&
		    (unsigned char)name[1] == f[1])
			break;
	}
	if (c == month_by_length[w][1])
		return 0;
	for (k = 0; k < w; k += fl)
		if ((fl = fold(u + k, w - k, word + k)) == 0)
			return 0;
	for (; c < month_by_length[w][1]; c++) {
		const struct month_name *mn =
		    &month_names[month_order[month_by_length[w][0] + c]];

		if (memcmp(word, mn->name, w) != 0 ||
		    (mn->english && !(u[0] >= 'A' && u[0] <= 'Z')))
			continue;
		*n = w;
		/* "Sept.", "janv." */
		if (w < len && s[w] == '.' && w < 6)
			(*n)++;
		return mn->month;
	}
	return 0;
}

/* Up to max digits at s, not followed by another digit: their value
 * in *v and their count, else 0. */
static size_t
digits_at(const char *s, size_t len, size_t max, int *v)
{
	size_t	 i = 0;

	*v = 0;
	while (i < len && i < max && is_digit((unsigned char)s[i]))
		*v = *v * 10 + (s[i++] - '0');
	if (i < len && is_digit((unsigned char)s[i])) {
		*v = 0;
		return 0;
	}
	return i;
}

static size_t
spaces(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' ||
	    (i + 2 <= len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)))
		i += s[i] == ' ' || s[i] == '\t' ? 1 : 2;
	return i;
}

/* s at i starts with word w followed by a space (or the end). */
static int
word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t	 l = strlen(w);

	return i + l <= len && memcmp(s + i, w, l) == 0 &&
	    (i + l == len || s[i + l] == ' ');
}

/*
 * A range's separator at s[i], with the spaces around it: "-", "–",
 * "—", "/" (when slash is set), "to", "au", "al", "till", "à", "по",
 * "إلى". Returns
 * the index after it, or 0.
 */
static size_t
range_at(const char *s, size_t len, size_t i, int slash)
{
	static const char *const words[] = { "to", "au", "al", "till",
	    "until", "\xc3\xa0", "\xd0\xbf\xd0\xbe" /* по */,
	    "\xd8\xa5\xd9\x84\xd9\x89" /* إلى */,
	    "\xd8\xa7\xd9\x84\xd9\x89" /* الى */ };
	size_t	 j = spaces(s, len, i), w;

	if (j < len && s[j] == '-')
		return spaces(s, len, j + 1);
	if (j + 3 <= len && (memcmp(s + j, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s + j, "\xe2\x80\x94", 3) == 0))
		return spaces(s, len, j + 3);
	if (slash && j < len && s[j] == '/')
		return spaces(s, len, j + 1);
	/* a word needs a space before it */
	if (j == i)
		return 0;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if (word_at(s, len, j, words[w]))
			return spaces(s, len, j + strlen(words[w]));
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int
valid_year(int y)
{
	return y >= LSN_YEAR_MIN && y <= LSN_YEAR_MAX;
}

/* d (0: none) is a day of month m of year y. */
static int
valid(const struct ymd *d)
{
	return valid_year(d->y) && d->m >= 1 && d->m <= 12 &&
	    (d->d == 0 || (d->d >= 1 && d->d <= days_in(d->y, d->m)));
}

static int
before(const struct ymd *a, const struct ymd *b)
{
	if (a->y != b->y)
		return a->y < b->y;
	if (a->m != b->m)
		return a->m < b->m;
	return a->d < b->d;
}

/* Writes d as YYYY-MM-DD or YYYY-MM at out (11 bytes at most, with
 * the NUL); returns its length. Its parts are valid: the modulos only
 * tell the compiler their width. */
static int
put_ymd(char *out, const struct ymd *d)
{
	unsigned y = (unsigned)d->y % 10000, m = (unsigned)d->m % 100,
	    day = (unsigned)d->d % 100;

	if (d->d > 0)
		return snprintf(out, 11, "%04u-%02u-%02u", y, m, day);
	return snprintf(out, 11, "%04u-%02u", y, m);
}

/* Writes a date or a range (b NULL: a single date) into iso. */
static void
format_iso(char *iso, const struct ymd *a, const struct ymd *b)
{
	int	 n = put_ymd(iso, a);

	if (b != NULL) {
		iso[n] = '/';
		put_ymd(iso + n + 1, b);
	}
}

/*
 * A range or a date from its parts: checks each against the calendar
 * and puts the start a year back when only the end carried the year
 * and the start's month comes after the end's ("3 December – 5 January
 * 2026"; "5 – 3 December 2025" stays reversed). Returns 1, or -1 for a
 * date's shape off the calendar or a range that ends before it starts.
 */
static int
finish(char *iso, struct ymd *a, struct ymd *b, int start_had_year)
{
	if (b == NULL)
		return valid(a) ? (format_iso(iso, a, NULL), 1) : -1;
	if (!start_had_year && a->m > b->m)
		a->y--;
	if (!valid(a) || !valid(b) || before(b, a))
		return -1;
	format_iso(iso, a, b);
	return 1;
}

/* A day number with its ordinal suffix ("1er", "1ᵉʳ", "1st", "2nd",
 * "3rd", "4th", Spanish "1º", "1.º", "1°") at s[i]: its length, 0 for
 * none. */
static size_t
day_at(const char *s, size_t len, size_t i, int *d)
{
	static const struct lsn_word suffixes[] = { LSN_WORD("er"),
	    LSN_WORD("st"), LSN_WORD("nd"), LSN_WORD("rd"), LSN_WORD("th"),
	    LSN_WORD("\xe1\xb5\x89\xca\xb3") /* ᵉʳ */,
	    LSN_WORD("\xc2\xba") /* º */, LSN_WORD(".\xc2\xba"),
	    LSN_WORD("\xc2\xb0") /* ° */ };
	size_t	 n, k, l;

	if ((n = digits_at(s + i, len - i, 2, d)) == 0 || *d < 1 || *d > 31) {
		*d = 0;
		return 0;
	}
	for (k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
		l = suffixes[k].len;
		if (i + n + l <= len && s[i + n] == suffixes[k].s[0] &&
		    memcmp(s + i + n, suffixes[k].s, l) == 0 &&
		    !continues_word(s + i + n + l, len - i - n - l))
			return n + l;
	}
	return n;
}

/* Spanish "de" (and "del") between day, month and year. */
static size_t
de_at(const char *s, size_t len, size_t i)
{
	size_t	 j = spaces(s, len, i);

	if (word_at(s, len, j, "de"))
		return spaces(s, len, j + 2);
	return i;
}

/* A year of four digits at s[i] (after an optional comma and "de"):
 * the index after it, or 0. */
static size_t
year_at(const char *s, size_t len, size_t i, int *y)
{
	size_t	 j = i, n;

	if (j < len && s[j] == ',')
		j++;
	j = de_at(s, len, spaces(s, len, j));
	if ((n = digits_at(s + j, len - j, 4, y)) != 4 || !valid_year(*y))
		return 0;
	return j + n;
}

/* "D [de] Month" at s[i]: fills d and m, returns the index after the
 * month, or 0. */
static size_t
day_month_at(const char *s, size_t len, size_t i, struct ymd *v)
{
	size_t	 n, j;

	if ((n = day_at(s, len, i, &v->d)) == 0)
		return 0;
	j = de_at(s, len, spaces(s, len, i + n));
	if (j == i + n || (v->m = month_at(s + j, len - j, &n)) == 0)
		return 0;
	return j + n;
}

/* Day first: "16 January 2025", "15 – 24 October 2024", "3 December –
 * 5 January 2026", "3 December 2025 – 5 January 2026". */
static int
day_first(const char *s, size_t len, char *iso, size_t *matched)
{
	struct ymd	 a = { 0, 0, 0 }, b = { 0, 0, 0 };
	size_t		 i, j, k, n;

	/* "15 – 24 October 2024": two days, one month */
	if ((n = day_at(s, len, 0, &a.d)) > 0 &&
	    (k = range_at(s, len, n, 0)) > 0 &&
	    (j = day_month_at(s, len, k, &b)) > 0) {
		a.m = b.m;
		if ((i = year_at(s, len, j, &b.y)) == 0)
			return 0;
		a.y = b.y;
		*matched = i;
		/* one month: "24 - 15 October" is no range */
		return finish(iso, &a, &b, 1);
	}
	memset(&a, 0, sizeof(a));
	if ((j = day_month_at(s, len, 0, &a)) == 0)
		return 0;
	/* "3 December – 5 January 2026" */
	if ((k = range_at(s, len, j, 0)) > 0 &&
	    (n = day_month_at(s, len, k, &b)) > 0 &&
	    (i = year_at(s, len, n, &b.y)) > 0) {
		a.y = b.y;
		*matched = i;
		return finish(iso, &a, &b, 0);
	}
	if ((i = year_at(s, len, j, &a.y)) == 0)
		return 0;
	/* "3 December 2025 – 5 January 2026" */
	memset(&b, 0, sizeof(b));
	if ((k = range_at(s, len, i, 0)) > 0 &&
	    (n = day_month_at(s, len, k, &b)) > 0 &&
	    (j = year_at(s, len, n, &b.y)) > 0) {
		/* reversed ("5 January 2026 – 3 December 2025"): no date */
		*matched = j;
		return finish(iso, &a, &b, 1);
	}
	*matched = i;
	return finish(iso, &a, NULL, 1);
}

/* "Month D" at s[i] (American order): fills m and d, returns the index
 * after the day, or 0. */
static size_t
month_day_at(const char *s, size_t len, size_t i, struct ymd *v)
{
	size_t	 n, j, k;

	if ((v->m = month_at(s + i, len - i, &n)) == 0 ||
	    (j = spaces(s, len, i + n)) == i + n ||
	    (k = day_at(s, len, j, &v->d)) == 0)
		return 0;
	return j + k;
}

/* Month first: "December 8, 2025", "October 15-24, 2024", "May 2025",
 * "March/April 2026", "November 2025 – March 2026", "December 30 –
 * January 2, 2026", "December 3, 2025 – January 5, 2026". */
static int
month_first(const char *s, size_t len, char *iso, size_t *matched)
{
	struct ymd	 a = { 0, 0, 0 }, b = { 0, 0, 0 };
	size_t		 i, j, k, n;

	if ((a.m = month_at(s, len, &n)) == 0)
		return 0;
	j = spaces(s, len, n);
	/* "December 8, 2025", "October 15-24, 2024" */
	if (j > n && (k = day_at(s, len, j, &a.d)) > 0 && j + k < len &&
	    (s[j + k] == ',' || s[j + k] == ' ' || s[j + k] == '-' ||
	    (unsigned char)s[j + k] == 0xe2)) {
		size_t r = range_at(s, len, j + k, 0), dn;

		b = a;
		if (r > 0 && (dn = day_at(s, len, r, &b.d)) > 0)
			k = r + dn - j;
		else if (r > 0 && (dn = month_day_at(s, len, r, &b)) > 0 &&
		    (i = year_at(s, len, dn, &b.y)) > 0) {
			/* "December 30 – January 2, 2026" */
			a.y = b.y;
			*matched = i;
			return finish(iso, &a, &b, 0);
		} else
			b.d = 0;
		if ((i = year_at(s, len, j + k, &a.y)) > 0) {
			*matched = i;
			b.y = a.y;
			if (b.d > 0)
				return finish(iso, &a, &b, 1);
			/* "December 3, 2025 – January 5, 2026" */
			if ((r = range_at(s, len, i, 0)) > 0 &&
			    (dn = month_day_at(s, len, r, &b)) > 0 &&
			    (k = year_at(s, len, dn, &b.y)) > 0) {
				*matched = k;
				return finish(iso, &a, &b, 1);
			}
			return finish(iso, &a, NULL, 1);
		}
		a.d = 0;
		memset(&b, 0, sizeof(b));
	}
	/* "March/April 2026" */
	if ((k = range_at(s, len, n, 1)) > 0 &&
	    (b.m = month_at(s + k, len - k, &i)) > 0 &&
	    (j = year_at(s, len, k + i, &b.y)) > 0) {
		a.y = b.y;
		*matched = j;
		return finish(iso, &a, &b, 0);
	}
	if ((j = year_at(s, len, n, &a.y)) == 0)
		return 0;
	/* "November 2025 – March 2026" */
	memset(&b, 0, sizeof(b));
	if ((k = range_at(s, len, j, 0)) > 0 &&
	    (b.m = month_at(s + k, len - k, &i)) > 0 &&
	    (n = year_at(s, len, k + i, &b.y)) > 0) {
		*matched = n;
		return finish(iso, &a, &b, 1);
	}
	*matched = j;
	return finish(iso, &a, NULL, 1);
}

/* A range's separator in a Chinese date at s[i]: 至, "-", "–", "~",
 * "～". Returns the index after it (and its spaces), or 0. */
static size_t
cjk_to(const char *s, size_t len, size_t i)
{
	static const char *const seps[] = { CJK_TO, "\xe2\x80\x93", "-", "~",
	    "\xef\xbd\x9e" };
	size_t	 j = spaces(s, len, i), k, l;

	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		l = strlen(seps[k]);
		if (j + l <= len && memcmp(s + j, seps[k], l) == 0)
			return spaces(s, len, j + l);
	}
	return 0;
}

/* Chinese: "2025年12月3日", "2024年10月15日至24日", "2025年12月3-5日",
 * "2025年12月30日至1月2日" (the end in the next year), "2025年5月". */
static int
chinese(const char *s, size_t len, char *iso, size_t *matched)
{
	struct ymd	 a = { 0, 0, 0 }, b;
	size_t		 i, j, k, n;
	int		 v;

	if (digits_at(s, len, 4, &a.y) != 4 || len < 7 ||
	    memcmp(s + 4, CJK_YEAR, 3) != 0)
		return 0;
	i = spaces(s, len, 7);
	if ((n = digits_at(s + i, len - i, 2, &a.m)) == 0 ||
	    i + n + 3 > len || memcmp(s + i + n, CJK_MONTH, 3) != 0)
		return 0;
	i = spaces(s, len, i + n + 3);
	if ((n = digits_at(s + i, len - i, 2, &a.d)) == 0) {
		*matched = i;
		while (*matched > 0 && s[*matched - 1] == ' ')
			(*matched)--;
		return finish(iso, &a, NULL, 1);
	}
	b = a;
	/* "3-5日": the day's range before 日 */
	if ((j = cjk_to(s, len, i + n)) > 0 &&
	    (k = digits_at(s + j, len - j, 2, &b.d)) > 0 &&
	    j + k + 3 <= len && memcmp(s + j + k, CJK_DAY, 3) == 0) {
		*matched = j + k + 3;
		return finish(iso, &a, &b, 1);
	}
	if (i + n + 3 > len || memcmp(s + i + n, CJK_DAY, 3) != 0) {
		a.d = 0;
		*matched = i;
		while (*matched > 0 && s[*matched - 1] == ' ')
			(*matched)--;
		return finish(iso, &a, NULL, 1);
	}
	i += n + 3;
	*matched = i;
	/* 至 [M月] D日 */
	if ((j = cjk_to(s, len, i)) > 0) {
		if ((k = digits_at(s + j, len - j, 2, &v)) > 0 &&
		    j + k + 3 <= len && memcmp(s + j + k, CJK_MONTH, 3) == 0) {
			b.m = v;
			/* 12月30日至1月2日: into the next year */
			if (b.m < a.m)
				b.y++;
			j = spaces(s, len, j + k + 3);
			k = digits_at(s + j, len - j, 2, &v);
		}
		if (k > 0 && j + k + 3 <= len &&
		    memcmp(s + j + k, CJK_DAY, 3) == 0) {
			b.d = v;
			*matched = j + k + 3;
			return finish(iso, &a, &b, 1);
		}
	}
	return finish(iso, &a, NULL, 1);
}

/* A word before a date or range that belongs to it: French "du",
 * Spanish "del", Russian "с", Arabic "من" ("du 3 au 5 décembre 2025").
 * Returns the index of what follows it and its space, or 0. */
static size_t
prefix_at(const char *s, size_t len)
{
	static const struct lsn_word words[] = { LSN_WORD("du"),
	    LSN_WORD("Du"), LSN_WORD("del"), LSN_WORD("Del"),
	    LSN_WORD("\xd1\x81") /* с */, LSN_WORD("\xd0\xa1") /* С */,
	    LSN_WORD("\xd9\x85\xd9\x86") /* من */ };
	size_t	 w, l, j;

	/* the words' first bytes, without a strchr at every word */
	if (len == 0 || ((unsigned char)s[0] != 'd' &&
	    (unsigned char)s[0] != 'D' && (unsigned char)s[0] != 0xd0 &&
	    (unsigned char)s[0] != 0xd1 && (unsigned char)s[0] != 0xd9))
		return 0;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		l = words[w].len;
		if (l < len && s[0] == words[w].s[0] &&
		    memcmp(s, words[w].s, l) == 0 &&
		    (j = spaces(s, len, l)) > l && j < len &&
		    is_digit((unsigned char)s[j]))
			return j;
	}
	return 0;
}

/* Russian "г." or "года" after a date's year at s[i] ("5 декабря 2025
 * г."): the index after it, else i. */
static size_t
year_word(const char *s, size_t len, size_t i)
{
	static const char *const words[] = { "\xd0\xb3.",
	    "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0" };
	size_t	 j = spaces(s, len, i), w, l;

	if (i == 0 || !is_digit((unsigned char)s[i - 1]))
		return i;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		l = strlen(words[w]);
		if (j + l <= len && memcmp(s + j, words[w], l) == 0 &&
		    !continues_word(s + j + l, len - j - l))
			return j + l;
	}
	return i;
}

/* "2025-12-03" at s (its ten bytes), in a: 1, else 0. */
static int
iso_at(const char *s, size_t len, struct ymd *a)
{
	return len >= 10 && digits_at(s, len, 4, &a->y) == 4 &&
	    s[4] == '-' && digits_at(s + 5, len - 5, 2, &a->m) == 2 &&
	    s[7] == '-' && digits_at(s + 8, len - 8, 2, &a->d) == 2;
}

/*
 * Numbers only: "2025-12-03", "2025-12-03/2025-12-05" (ISO's interval,
 * or any range separator), "03.12.2025" and "07-04-2017" (day first,
 * as ITU's French, Spanish and Russian texts write them; an American
 * month first never comes with dots or hyphens there), and with
 * LSN_DATE_MONTH_YEAR "12/2018". Returns as
 * lsn_parse_date_flags does.
 */
static int
numeric(const char *s, size_t len, int flags, char *iso, size_t *matched)
{
	struct ymd	 a = { 0, 0, 0 }, b = { 0, 0, 0 };
	size_t		 i, k, n;

	if (iso_at(s, len, &a)) {
		*matched = 10;
		if ((k = range_at(s, len, 10, 1)) > 0 &&
		    iso_at(s + k, len - k, &b)) {
			*matched = k + 10;
			return finish(iso, &a, &b, 1);
		}
		return finish(iso, &a, NULL, 1);
	}
	/* D.M.YYYY or D-M-YYYY, not inside a longer number
	 * ("1.03.12.2025.4") */
	if ((n = digits_at(s, len, 2, &a.d)) > 0 && n < len &&
	    (s[n] == '.' || s[n] == '-') &&
	    (k = digits_at(s + n + 1, len - n - 1, 2, &a.m)) > 0 &&
	    (i = n + 1 + k) < len && s[i] == s[n] &&
	    digits_at(s + i + 1, len - i - 1, 4, &a.y) == 4 &&
	    !(i + 5 + 1 < len && (s[i + 5] == '.' || s[i + 5] == '-') &&
	    is_digit((unsigned char)s[i + 6]))) {
		*matched = i + 5;
		return finish(iso, &a, NULL, 1);
	}
	/* MM/YYYY: an edition, when the caller expects one */
	if ((flags & LSN_DATE_MONTH_YEAR) &&
	    (n = digits_at(s, len, 2, &a.m)) > 0 && n < len && s[n] == '/' &&
	    digits_at(s + n + 1, len - n - 1, 4, &a.y) == 4 &&
	    !(n + 5 < len && s[n + 5] == '/')) {
		*matched = n + 5;
		a.d = 0;
		return a.m >= 1 && a.m <= 12 ? finish(iso, &a, NULL, 1) : -1;
	}
	return 0;
}

int
lsn_parse_date_flags(const char *s, size_t len, int flags,
    char iso[LSN_DATE_ISO_SIZE], size_t *matched)
{
	size_t	 p = prefix_at(s, len), m = 0;
	int	 r = 0;

	s += p;
	len -= p;
	if (len == 0)
		return 0;
	if (is_digit((unsigned char)s[0])) {
		if ((r = numeric(s, len, flags, iso, &m)) == 0 &&
		    (r = chinese(s, len, iso, &m)) == 0)
			r = day_first(s, len, iso, &m);
	} else if (p == 0)
		/* A month opens it: a letter, or a Cyrillic or Arabic one */
		r = month_first(s, len, iso, &m);
	if (r != 0)
		*matched = p + year_word(s, len, m);
	return r;
}

int
lsn_date_may_open(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 n;

	/* What lsn_parse_date_flags needs first: a digit, a prefix word's
	 * first byte (prefix_at), or a month name (month_first). */
	return len > 0 && (is_digit(u[0]) || u[0] == 'd' || u[0] == 'D' ||
	    u[0] == 0xd0 || u[0] == 0xd1 || u[0] == 0xd9 ||
	    month_at(s, len, &n) != 0);
}

int
lsn_parse_date(const char *s, size_t len, char iso[LSN_DATE_ISO_SIZE],
    size_t *matched)
{
	return lsn_parse_date_flags(s, len, 0, iso, matched);
}

int
lsn_date_inside_number(const char *s, size_t i)
{
	return i >= 2 && (s[i - 1] == '.' || s[i - 1] == '/' ||
	    s[i - 1] == '-') &&
	    is_digit((unsigned char)s[i - 2]) &&
	    is_digit((unsigned char)s[i]);
}

/* A byte that may continue a word: an ASCII letter or digit, or any
 * byte of a multibyte letter. */
static int
word_byte(unsigned char c)
{
	return is_digit(c) || is_ascii_alpha(c) || c >= 0x80;
}

int
lsn_find_date(const char *s, size_t len, int flags,
    char iso[LSN_DATE_ISO_SIZE], size_t *at, size_t *matched)
{
	size_t	 i, m;

	for (i = 0; i < len; i++) {
		if (i > 0 && (word_byte((unsigned char)s[i - 1]) ||
		    lsn_date_inside_number(s, i)))
			continue;
		switch (lsn_parse_date_flags(s + i, len - i, flags, iso,
		    &m)) {
		case 1:
			*at = i;
			*matched = m;
			return 1;
		case -1:
			i += m - 1;
			break;
		}
	}
	return 0;
}
