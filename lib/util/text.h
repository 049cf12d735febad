/* SPDX-License-Identifier: MIT */
/*
 * text.h: UTF-8 helpers over utf8proc.
 */
#ifndef LSN_TEXT_H
#define LSN_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Checks that s[0..len) is valid UTF-8. Returns 0, or -1 with the byte
 * offset of the first bad sequence in *bad.
 */
int	 lsn_utf8_check(const char *s, size_t len, size_t *bad);

/*
 * Normalizes valid UTF-8 to NFC and maps no-break spaces (U+00A0,
 * U+202F, U+2007) to U+0020 and the no-break hyphen (U+2011) to "-":
 * a line's layout, not its text (the DOCX reader maps Word's the same
 * way). Returns a new NUL-terminated string the
 * caller frees, with its length in *outlen; NULL when memory ran out.
 * Pure ASCII is copied without calling utf8proc.
 */
char	*lsn_utf8_nfc(const char *s, size_t len, size_t *outlen);
/*
 * 1 when NFC (utf8proc_map with UTF8PROC_STABLE | UTF8PROC_COMPOSE)
 * certainly leaves s[0..len) as it is, so the call can be skipped; 0
 * when it might not. Reads s, allocates nothing; pure ASCII and the
 * dashes, quotes and bullets of office text answer 1.
 */
int	 lsn_utf8_is_nfc(const char *s, size_t len);

/* Decodes one code point at s (len bytes left); returns its byte length
 * (>= 1) and stores it in *cp (U+FFFD for a bad sequence). */
size_t	 lsn_utf8_decode(const char *s, size_t len, int32_t *cp);

/* 1 for Unicode white space (including tab and no-break spaces). */
int	 lsn_is_space(int32_t cp);
/* 1 for a directional formatting character: the marks (LRM, RLM, ALM),
 * embeddings and overrides, isolates. Before a paragraph's text it only
 * sets its direction. */
int	 lsn_is_bidi_mark(int32_t cp);
/* 1 for letters and digits (Unicode categories L* and N*). */
int	 lsn_is_alnum(int32_t cp);
/* 1 for an upper-case letter (Lu, Lt). */
int	 lsn_is_upper(int32_t cp);

/* A literal and its length, for tables of words scanned at every word
 * of a text (no strlen per look). */
struct lsn_word {
	const char	*s;
	size_t		 len;
};
#define LSN_WORD(lit)	{ lit, sizeof(lit) - 1 }

/* The number of ASCII digits in a row at s[i] (s is n bytes long). */
size_t	 lsn_digit_run(const char *s, size_t n, size_t i);

/*
 * The id of an annex or appendix that opens a clause number at s[0..len):
 * "A" of "A.1", "IV" of "IV.2.3", "F1" of "F1.1" (an annex numbered in a
 * series, Z.100's Annex F1: a capital and at most two digits). Its bytes
 * when a dot and a digit follow it, else 0.
 */
size_t	 lsn_part_clause_id(const char *s, size_t len);

/* Byte offsets of s[0..len) with leading/trailing white space removed. */
void	 lsn_trim(const char *s, size_t len, size_t *start, size_t *end);

/* ASCII case-insensitive prefix test; returns the prefix length or 0. */
size_t	 lsn_prefix_ci(const char *s, const char *prefix);

/*
 * Eight bytes at a time: x holds eight bytes; nonzero when one of them
 * is below n (n at most 0x80). (v - n) borrows into a byte's high bit
 * where the byte's own is clear; the answer for the word is exact.
 */
#define LSN_ONES	0x0101010101010101ULL
#define LSN_HIGHS	0x8080808080808080ULL
#define LSN_HAS_BELOW(x, n)	(((x) - LSN_ONES * (n)) & ~(x) & LSN_HIGHS)

/* The length of the ASCII run s[0..len) starts with (len when all of
 * it), read eight bytes at a time: most text is long runs of ASCII. */
size_t	 lsn_ascii_run(const char *s, size_t len);

/* A hash of s[0..n) for tables of strings (the TOC's lines and titles,
 * the text reader's note ids): its low bits vary; reads s only. */
size_t	 lsn_hash_bytes(const char *s, size_t n);

#endif
