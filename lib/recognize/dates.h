/* SPDX-License-Identifier: MIT */
/*
 * dates.h: dates in ITU's languages and their ISO 8601 form (dates.c).
 * Nothing here allocates: the caller owns every buffer.
 */
#ifndef LSN_DATES_H
#define LSN_DATES_H

#include <stddef.h>

/* Room for the longest ISO form: "YYYY-MM-DD/YYYY-MM-DD" and its NUL. */
#define LSN_DATE_ISO_SIZE	32

/* lsn_parse_date_flags: also read "12/2018" as a month (YYYY-MM), as a
 * Recommendation's edition is written; elsewhere that is a fraction or
 * a Question. */
#define LSN_DATE_MONTH_YEAR	0x1

/*
 * When s (len bytes, not necessarily NUL-terminated) starts with a date
 * or a range of dates, writes its ISO form (YYYY-MM-DD, YYYY-MM, or
 * START/END, NUL-terminated) into iso, which holds LSN_DATE_ISO_SIZE
 * bytes, stores the length of the date's text in *matched, and returns
 * 1. The text may open with a word of the range ("du", "del", "с",
 * "من") and end with Russian "г." or "года", both counted in *matched.
 * Forms: "16 January 2025", "December 8, 2025", "3-5 December 2025",
 * "3 December – 5 January 2026" (the start a year back), "1er
 * décembre", "1º de diciembre de 2025", "3–5 декабря 2025 г.", "3
 * ديسمبر 2025", "2025年12月3日", "2025-12-03", "03.12.2025", "May 2025".
 * English month names need their capital ("5 may 2025" is a verb).
 * Only real calendar dates count, and a range never ends before it
 * starts: a date's shape off the calendar ("31 February 2025") or a
 * reversed range ("5 – 3 December 2025") returns -1 with its length in
 * *matched, so that a scan passes over it whole, and iso untouched.
 * Else returns 0 and touches neither.
 */
int	lsn_parse_date(const char *s, size_t len, char iso[LSN_DATE_ISO_SIZE],
	    size_t *matched);

/*
 * 0 when no date (with any flags) can start at s[0..len): most words
 * are told so without parsing (the entity scan asks at every word).
 * 1 when one may.
 */
int	lsn_date_may_open(const char *s, size_t len);

/* lsn_parse_date with flags (LSN_DATE_MONTH_YEAR, or 0). */
int	lsn_parse_date_flags(const char *s, size_t len, int flags,
	    char iso[LSN_DATE_ISO_SIZE], size_t *matched);

/*
 * The first date of s (len bytes) that opens a word ("Geneva, 3-5
 * December 2025"), passing over dates off the calendar whole: returns 1
 * with its offset in *at, its length in *matched and its ISO form in
 * iso, as lsn_parse_date_flags; else 0, *at and *matched untouched.
 */
int	lsn_find_date(const char *s, size_t len, int flags,
	    char iso[LSN_DATE_ISO_SIZE], size_t *at, size_t *matched);

/*
 * 1 when s[i] is a digit that continues a number ("1.03.12.2025",
 * "3/12/2025", "1-2-3-2025"): no date opens there. s holds at least i + 1 bytes.
 */
int	lsn_date_inside_number(const char *s, size_t i);

#endif
