/* SPDX-License-Identifier: MIT */
/*
 * labels.c: number labels ("3.1", "a)", "(iv)", "II.") parsed, typed
 * numbers at the start of text, bullets told from numbers.
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

static int
roman_value(const char *s, size_t n)
{
	int	 v = 0, prev = 0, d;
	size_t	 i;

	for (i = n; i > 0; i--) {
		switch (tolower((unsigned char)s[i - 1])) {
		case 'i': d = 1; break;
		case 'v': d = 5; break;
		case 'x': d = 10; break;
		case 'l': d = 50; break;
		case 'c': d = 100; break;
		default: return 0;
		}
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

int
lsn_number_parse(const char *label, struct lsn_number *num)
{
	const char	*s = label;
	size_t		 n;

	memset(num, 0, sizeof(*num));
	if (label == NULL)
		return 0;
	n = strlen(s);
	if (n > 2 && s[0] == '(' && s[n - 1] == ')') {
		num->paren = 1;
		s++;
		n -= 2;
	} else if (n > 1 && (s[n - 1] == '.' || s[n - 1] == ')')) {
		num->delim = s[n - 1];
		n--;
	}
	if (n == 0)
		return 0;
	if (isdigit((unsigned char)s[0])) {
		size_t i = 0;
		while (i < n && num->depth < 8) {
			int v = 0, digits = 0;
			while (i < n && isdigit((unsigned char)s[i]) &&
			    digits < 6) {
				v = v * 10 + (s[i++] - '0');
				digits++;
			}
			if (digits == 0)
				return num->depth = 0;
			num->part[num->depth++] = v;
			if (i < n && s[i] == '.')
				i++;
			else
				break;
		}
		if (i != n)
			return num->depth = 0;
		return 1;
	}
	/* A letter or numeral needs its delimiter: a bare "o" is Word's
	 * second-level bullet, not the 15th item. */
	if (num->delim == 0 && !num->paren)
		return 0;
	if (n == 1 && isalpha((unsigned char)s[0])) {
		/* "i)" is taken as a letter; a list of i, ii, iii fixes it. */
		num->letter = 1;
		num->part[0] = tolower((unsigned char)s[0]) - 'a' + 1;
		num->depth = 1;
		return 1;
	}
	if (roman_value(s, n) > 0) {
		num->roman = 1;
		num->part[0] = roman_value(s, n);
		num->depth = 1;
		return 1;
	}
	return 0;
}

size_t
lsn_number_prefix(const char *text, size_t len, struct lsn_number *num)
{
	size_t	 i = 0;
	char	 lab[16];

	memset(num, 0, sizeof(*num));
	while (i < len && i < 6 && isdigit((unsigned char)text[i]))
		i++;
	if (i == 0 || i >= len || (text[i] != '.' && text[i] != ')'))
		return 0;
	if (i + 1 < len && text[i + 1] != ' ')
		return 0;
	memcpy(lab, text, i + 1);
	lab[i + 1] = '\0';
	if (!lsn_number_parse(lab, num))
		return 0;
	i++;
	while (i < len && text[i] == ' ')
		i++;
	return i;
}

int
lsn_label_is_bullet(const char *label)
{
	struct lsn_number	 num;

	return label != NULL && !lsn_number_parse(label, &num);
}
