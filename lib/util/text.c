/* SPDX-License-Identifier: MIT */
/*
 * text.c: UTF-8 helpers over utf8proc.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "util/text.h"

size_t
lsn_ascii_run(const char *s, size_t len)
{
	size_t	 i = 0;
	uint64_t x;

	for (; i + 8 <= len; i += 8) {
		memcpy(&x, s + i, 8);
		if ((x & LSN_HIGHS) != 0)
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

int
lsn_utf8_check(const char *s, size_t len, size_t *bad)
{
	size_t			 i = 0;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;

	while ((i += lsn_ascii_run(s + i, len - i)) < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			*bad = i;
			return -1;
		}
		i += (size_t)n;
	}
	return 0;
}

size_t
lsn_utf8_decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &c);
	if (n < 1) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)n;
}

static int
is_nbsp(int32_t cp)
{
	return cp == 0x00A0 || cp == 0x202F || cp == 0x2007;
}

/*
 * 1 when NFC leaves s as it is: every code point is below U+0300 (no
 * combining mark there, nothing there composes with a later starter) or
 * a starter with no canonical decomposition that no composition pair
 * involves; Hangul composes by rule, so it goes the slow way. Dashes,
 * quotes and bullets pass; utf8proc_map cost 19% of a text conversion.
 */
static int
nfc_unchanged(const char *s, size_t len)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i = 0;

	while ((i += lsn_ascii_run(s + i, len - i)) < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n < 1)
			return 0;
		i += (size_t)n;
		if (cp < 0x300)
			continue;
		if ((cp >= 0x1100 && cp <= 0x11FF) ||
		    (cp >= 0x3130 && cp <= 0x318F) ||
		    (cp >= 0xA960 && cp <= 0xA97F) ||
		    (cp >= 0xAC00 && cp <= 0xD7FF))
			return 0;
		p = utf8proc_get_property(cp);
		if (p->combining_class != 0 || p->comb_index != UINT16_MAX ||
		    (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0))
			return 0;
	}
	return 1;
}

int
lsn_utf8_is_nfc(const char *s, size_t len)
{
	size_t	 i = lsn_ascii_run(s, len);

	return i == len || nfc_unchanged(s + i, len - i);
}

char *
lsn_utf8_nfc(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t	*mapped = NULL;
	utf8proc_ssize_t	 n;
	size_t			 i = lsn_ascii_run(s, len), o;
	char			*out;
	int			 ascii = i == len;

	if (ascii || nfc_unchanged(s + i, len - i)) {
		if ((out = malloc(len + 1)) == NULL)
			return NULL;
		memcpy(out, s, len);
		out[len] = '\0';
		*outlen = len;
		if (ascii)
			return out;
		mapped = (utf8proc_uint8_t *)out;
		n = (utf8proc_ssize_t)len;
	} else {
		n = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)len, &mapped,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0)
			return NULL;
	}
	/*
	 * Replace no-break spaces and hyphens in place (each is 2 or 3
	 * bytes -> 1): U+00A0 is C2 A0, U+2007 and U+202F are E2 80 87 and
	 * E2 80 AF, U+2011 is E2 80 91. Lead bytes never occur inside
	 * another character, so matching bytes finds what decoding each
	 * character found, without a call per character.
	 */
	out = (char *)mapped;
	for (i = o = 0; i < (size_t)n; i++) {
		unsigned char c;
		size_t run = lsn_ascii_run(out + i, (size_t)n - i);

		if (run > 0) {
			if (o != i)
				memmove(out + o, out + i, run);
			o += run;
			i += run - 1;
			continue;
		}
		c = (unsigned char)out[i];
		if (c == 0xC2 && i + 1 < (size_t)n &&
		    (unsigned char)out[i + 1] == 0xA0) {
			out[o++] = ' ';
			i += 1;
		} else if (c == 0xE2 && i + 2 < (size_t)n &&
		    (unsigned char)out[i + 1] == 0x80 &&
		    ((unsigned char)out[i + 2] == 0x87 ||
		    (unsigned char)out[i + 2] == 0xAF ||
		    (unsigned char)out[i + 2] == 0x91)) {
			out[o++] = out[i + 2] == (char)0x91 ? '-' : ' ';
			i += 2;
		} else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

int
lsn_is_bidi_mark(int32_t cp)
{
	return cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

int
lsn_is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v')
		return 1;
	if (cp < 0x80)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || is_nbsp(cp) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0x200B;
}

int
lsn_is_alnum(int32_t cp)
{
	utf8proc_category_t	 c;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

int
lsn_is_upper(int32_t cp)
{
	utf8proc_category_t	 c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

void
lsn_trim(const char *s, size_t len, size_t *start, size_t *end)
{
	size_t	 a = 0, b = len, k;
	int32_t	 cp;

	while (a < b) {
		k = lsn_utf8_decode(s + a, b - a, &cp);
		if (!lsn_is_space(cp))
			break;
		a += k;
	}
	while (b > a) {
		/* Step back over one code point. */
		size_t p = b - 1;
		while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		lsn_utf8_decode(s + p, b - p, &cp);
		if (!lsn_is_space(cp))
			break;
		b = p;
	}
	*start = a;
	*end = b;
}

/* ASCII case folding, byte by byte: the recognizer calls this at every
 * position of every paragraph, and most calls fail on the first byte
 * (strlen + strncasecmp cost 20% of a conversion). A NUL in s is a
 * mismatch, so s is never read past its end. */
size_t
lsn_prefix_ci(const char *s, const char *prefix)
{
	size_t	 i;
	unsigned char a, b;

	for (i = 0; prefix[i] != '\0'; i++) {
		a = (unsigned char)s[i];
		b = (unsigned char)prefix[i];
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return 0;
	}
	return i;
}

size_t
lsn_part_clause_id(const char *s, size_t len)
{
	size_t	 k = 0;

	if (len == 0 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	while (k < len && k < 6 && s[k] != '\0' && strchr("IVXLC", s[k]))
		k++;
	if (k <= 1)
		k = 1 + (len > 1 ? (lsn_digit_run(s, len < 3 ? len : 3, 1)) : 0);
	return k + 1 < len && s[k] == '.' && s[k + 1] >= '0' &&
	    s[k + 1] <= '9' ? k : 0;
}

size_t
lsn_digit_run(const char *s, size_t n, size_t i)
{
	size_t	 k = 0;

	while (i + k < n && s[i + k] >= '0' && s[i + k] <= '9')
		k++;
	return k;
}

size_t
lsn_hash_bytes(const char *s, size_t n)
{
	uint64_t	 h = 14695981039346656037ULL ^ n, w;

	/* Eight bytes a step (FNV's multiply, its high bits folded down
	 * as a table's slot takes the low ones): callers hash every
	 * paragraph of a document. */
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 1099511628211ULL;
		h ^= h >> 29;
	}
	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return (size_t)(h ^ h >> 32);
}
