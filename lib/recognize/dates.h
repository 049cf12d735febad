/* SPDX-License-Identifier: MIT */
/*
 * dates.h: dates in ITU's languages and their ISO 8601 form (dates.c).
 */
#ifndef LSN_DATES_H
#define LSN_DATES_H

#include <stddef.h>

/* Room for the longest ISO form: "YYYY-MM-DD/YYYY-MM-DD" and its NUL. */
#define LSN_DATE_ISO_SIZE	32

/*
 * When s (len bytes) starts with a date or a range of dates, writes its
 * ISO form (YYYY-MM-DD, YYYY-MM, or START/END) into iso, which holds
 * LSN_DATE_ISO_SIZE bytes, stores the length of the date's text in
 * *matched, and returns 1. Only real calendar dates count, and a range
 * never ends before it starts: a date's shape off the calendar ("31
 * February 2025") returns -1 with its length in *matched, so that a
 * scan passes over it whole, and iso untouched. Else returns 0.
 * Allocates nothing.
 */
int	lsn_parse_date(const char *s, size_t len, char iso[LSN_DATE_ISO_SIZE],
	    size_t *matched);

#endif
