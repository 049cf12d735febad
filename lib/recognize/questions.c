/* SPDX-License-Identifier: MIT */
/*
 * questions.c: lists of ITU Questions in ITU's languages, one grammar
 * for running text (entities.c) and a cover's Question(s) row (cover.c).
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "recognize/questions.h"
#include "recognize/tuning.h"
#include "util/buf.h"
#include "util/text.h"

/* The words that open a Question or a list of them, longer forms
 * before their prefixes. Each needs a digit after it. */
static const struct lsn_word opening[] = {
	LSN_WORD("Questions "), LSN_WORD("Question "), LSN_WORD("Cuestiones "),
	LSN_WORD("Cuesti\xc3\xb3n "),
	LSN_WORD("\xd0\x92\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd1\x8b "), /* Вопросы */
	LSN_WORD("\xd0\x92\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81 "),         /* Вопрос */
	/* المسائل, المسألة, and with "و" (and) joined to them */
	LSN_WORD("\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xa7\xd8\xa6\xd9\x84 "),
	LSN_WORD("\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xa3\xd9\x84\xd8\xa9 "),
	LSN_WORD("\xd9\x88\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xa7\xd8\xa6\xd9\x84 "),
	LSN_WORD("\xd9\x88\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xa3\xd9\x84\xd8\xa9 "),
	LSN_WORD("\xe8\xaf\xbe\xe9\xa2\x98"),                                  /* 课题 */
	LSN_WORD("Q."), LSN_WORD("Q")
};

/* Between two numbers of a list: "4, 5", "4 and 5/13", "4 et 5",
 * "4 y 5", "4 и 5", "4 & 5", "4、5", Arabic "4 و5". The cover's rows
 * also cut at ';'. */
static const struct lsn_word between[] = {
	LSN_WORD(", "), LSN_WORD(","), LSN_WORD(" and "), LSN_WORD(" et "), LSN_WORD(" y "),
	LSN_WORD(" \xd0\xb8 ") /* и */, LSN_WORD(" & "), LSN_WORD("\xe3\x80\x81") /* 、 */,
	LSN_WORD(" \xd9\x88 ") /* و */, LSN_WORD(" \xd9\x88")
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(int c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The bytes opening words start with, marked once: most words of a
 * text start with none, and are passed over by one look-up. */
static unsigned char	 opening_first[256];
static pthread_once_t	 opening_first_once = PTHREAD_ONCE_INIT;

static void
mark_opening_first(void)
{
	size_t	 w;

	for (w = 0; w < sizeof(opening) / sizeof(opening[0]); w++)
		opening_first[(unsigned char)opening[w].s[0]] = 1;
}

/* An opening word at t[i] followed by a digit: its length, else 0.
 * With ci, the ASCII words in any case (a cover's "q4/13"). */
static size_t
opening_at(const char *t, size_t n, size_t i, int ci)
{
	size_t	 w, l, k;
	int	 c0 = ci ? t[i] & ~0x20 : t[i];

	pthread_once(&opening_first_once, mark_opening_first);
	if (!opening_first[(unsigned char)c0] &&
	    !opening_first[(unsigned char)t[i]])
		return 0;
	for (w = 0; w < sizeof(opening) / sizeof(opening[0]); w++) {
		/* Most words fail on their first byte (upper case for ci:
		 * every ASCII opening word starts with a capital). */
		if (opening[w].s[0] != c0 && opening[w].s[0] != t[i])
			continue;
		l = opening[w].len;
		if (i + l >= n || !is_digit((unsigned char)t[i + l]))
			continue;
		for (k = 0; k < l; k++)
			if (t[i + k] != opening[w].s[k] && !(ci &&
			    (t[i + k] | 0x20) == (opening[w].s[k] | 0x20) &&
			    is_alnum((unsigned char)t[i + k])))
				break;
		if (k == l)
			return l;
	}
	return 0;
}

/* A separator of a list at t[j] (see between[]): its length, else 0. */
static size_t
between_at(const char *t, size_t n, size_t j)
{
	size_t	 w, l;

	for (w = 0; w < sizeof(between) / sizeof(between[0]); w++) {
		l = between[w].len;
		/* " و" joins the next number: "1 و2" */
		if (j + l <= n && memcmp(t + j, between[w].s, l) == 0 &&
		    (between[w].s[l - 1] != '\x88' ||
		    (j + l < n && is_digit((unsigned char)t[j + l]))))
			return l;
	}
	return 0;
}

/* The Study Group after a Question's slash at t[j]: "17" or "ITU-R
 * SG11". Writes it into group and returns its length in t, else 0. */
static size_t
question_group(const char *t, size_t n, size_t j, char *group, size_t size)
{
	size_t	 k;

	if ((k = lsn_digit_run(t, n, j)) > 0 && k <= 2 &&
	    !(j + k < n && is_alnum((unsigned char)t[j + k]))) {
		snprintf(group, size, "%.*s", (int)k, t + j);
		return k;
	}
	if (n - j > 8 && (strncmp(t + j, "ITU-R SG", 8) == 0 ||
	    strncmp(t + j, "ITU-D SG", 8) == 0) &&
	    (k = lsn_digit_run(t, n, j + 8)) > 0 && k <= 2 &&
	    !(j + 8 + k < n && is_alnum((unsigned char)t[j + 8 + k]))) {
		snprintf(group, size, "%.*s", (int)(8 + k), t + j);
		return 8 + k;
	}
	return 0;
}

size_t
lsn_question_list_at(const char *t, size_t n, size_t i,
    lsn_question_fn *take, void *arg)
{
	size_t	 j, k, g, p, npending = 0, end = i;
	size_t	 pending[LSN_QUESTIONS_PENDING_MAX][2];
	char	 group[16];

	if ((j = opening_at(t, n, i, 0)) == 0)
		return i;
	j += i;
	for (;;) {
		if ((k = lsn_digit_run(t, n, j)) == 0 || k > 3 || j + k >= n)
			break;
		if (t[j + k] == '/') {
			if ((g = question_group(t, n, j + k + 1, group,
			    sizeof(group))) == 0)
				break;
			for (p = 0; p < npending; p++)
				take(arg, t + pending[p][0], pending[p][1],
				    group);
			npending = 0;
			take(arg, t + j, k, group);
			j += k + 1 + g;
			end = j;
		} else if (npending < LSN_QUESTIONS_PENDING_MAX &&
		    between_at(t, n, j + k) > 0) {
			pending[npending][0] = j;
			pending[npending][1] = k;
			npending++;
			j += k;
		} else
			break;
		if ((k = between_at(t, n, j)) == 0)
			break;
		j += k;
		/* "Q4 and Q5/13", "Q.4, Q.5/13" */
		if (j + 1 < n && t[j] == 'Q')
			j += t[j + 1] == '.' ? 2 : 1;
	}
	return end;
}

/* 1 when s[0..n) is digits only: a Question number whose Study Group
 * comes with a later one ("4, 5, 12/13"). */
static int
bare_number(const char *s, size_t n)
{
	return n > 0 && lsn_digit_run(s, n, 0) == n;
}

/*
 * Gives each bare number after `from` in b (NUL-separated values) the
 * Study Group suffix ("/13"): each value is rewritten once, so a long
 * list stays linear.
 */
static void
suffix_pending(struct lsn_buf *b, size_t from, const char *suffix,
    size_t len)
{
	struct lsn_buf	 tail = { 0 };
	const char	*p, *end;

	lsn_buf_put(&tail, b->data + from, b->len - from);
	if (tail.oom) {
		b->oom = 1;
		return;
	}
	b->len = from;
	for (p = tail.data, end = p + tail.len; p < end; p += strlen(p) + 1) {
		lsn_buf_puts(b, p);
		lsn_buf_put(b, suffix, len);
		lsn_buf_putc(b, '\0');
	}
	lsn_buf_free(&tail);
}

void
lsn_split_questions(struct lsn_buf *b, const char *s, size_t n)
{
	size_t	 i, start = 0, pending = (size_t)-1, cut, a, e;
	const char *slash;

	for (i = 0; i <= n; i++) {
		cut = 0;
		if (i == n || s[i] == ';')
			cut = 1;
		else if ((cut = between_at(s, n, i)) == 0)
			continue;
		a = start;
		e = i;
		while (a < e && s[a] == ' ')
			a++;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '.'))
			e--;
		a += opening_at(s, e, a, 1);
		if (pending != (size_t)-1 && e > a &&
		    (slash = memchr(s + a, '/', e - a)) != NULL &&
		    bare_number(s + a, (size_t)(slash - (s + a))))
			suffix_pending(b, pending, slash,
			    (size_t)(s + e - slash));
		if (bare_number(s + a, e - a)) {
			if (pending == (size_t)-1)
				pending = b->len;
		} else
			pending = (size_t)-1;
		if (e > a) {
			lsn_buf_put(b, s + a, e - a);
			lsn_buf_putc(b, '\0');
		}
		start = i + cut;
		if (cut > 1)
			i += cut - 1;
	}
}
