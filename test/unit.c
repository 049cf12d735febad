/* SPDX-License-Identifier: MIT */
/*
 * unit.c: unit tests of the internals that file-pair tests reach only
 * indirectly: UTF-8, array growth, SHA-256, label and date parsing, cover
 * labels in six languages, the text reader's markers and labels, the
 * arena and the model builder, the diff's sort of word sets.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison.h"
#include "options.h"
#include "reader/readers.h"
#include "diff/diff.h"
#include "recognize/dates.h"
#include "recognize/labels.h"
#include "recognize/lines.h"
#include "recognize/questions.h"
#include "emit/emit.h"
#include "tree/tree.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "util/text.h"

static int failures, checks;

#define CHECK(cond) do { \
	checks++; \
	if (!(cond)) { \
		failures++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
		    __LINE__, #cond); \
	} \
} while (0)

static void
test_utf8(void)
{
	size_t	 bad = 0, n;
	char	*s;

	CHECK(lsn_utf8_check("abc\xc3\xa9", 5, &bad) == 0);
	CHECK(lsn_utf8_check("ab\xff" "c", 4, &bad) == -1 && bad == 2);
	CHECK(lsn_utf8_check("a\xe2\x80", 3, &bad) == -1 && bad == 1);
	/* e + combining acute -> é (NFC); NBSP -> space. */
	s = lsn_utf8_nfc("e\xcc\x81\xc2\xa0x", 6, &n);
	CHECK(s != NULL && n == 4 && memcmp(s, "\xc3\xa9 x", 4) == 0);
	free(s);
}

static void
test_array_grow(void)
{
	size_t	 cap = 0;
	int	*v = NULL, *w;

	/* from nothing: `first`, doubled until need fits */
	CHECK((v = lsn_array_grow(v, &cap, 5, sizeof(*v), 4)) != NULL &&
	    cap == 8);
	v[7] = 7;
	/* big enough already: the same array, cap unchanged */
	CHECK(lsn_array_grow(v, &cap, 8, sizeof(*v), 4) == v && cap == 8);
	CHECK((w = lsn_array_grow(v, &cap, 9, sizeof(*v), 4)) != NULL &&
	    cap == 16 && w[7] == 7);
	v = w;
	/* a size that would overflow: NULL, array and cap as they were */
	CHECK(lsn_array_grow(v, &cap, SIZE_MAX / 2, sizeof(*v), 4) == NULL &&
	    cap == 16);
	free(v);
}

static void
test_sha256(void)
{
	struct lsn_sha256	 c;
	char			 hex[65];

	lsn_sha256_init(&c);
	lsn_sha256_update(&c, "abc", 3);
	lsn_sha256_hex(&c, hex);
	CHECK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad") == 0);
	lsn_sha256_init(&c);
	lsn_sha256_hex(&c, hex);
	CHECK(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855") == 0);
	/* 56 bytes: the padding spills into a second block. */
	lsn_sha256_init(&c);
	lsn_sha256_update(&c, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
	lsn_sha256_hex(&c, hex);
	CHECK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1") == 0);
	/* FIPS 180-2's million "a", fed in uneven pieces. */
	{
		char	 a[1000];
		size_t	 done, n;

		memset(a, 'a', sizeof(a));
		lsn_sha256_init(&c);
		for (done = 0; done < 1000000; done += n) {
			n = done % 997 + 1;
			if (n > 1000000 - done)
				n = 1000000 - done;
			lsn_sha256_update(&c, a, n);
		}
		lsn_sha256_hex(&c, hex);
		CHECK(strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		    "f1809a48a497200e046d39ccc7112cd0") == 0);
	}
}

static void
test_numbers(void)
{
	struct lsn_number	 n;

	CHECK(lsn_number_parse("3.1", &n) && n.depth == 2 && n.part[1] == 1);
	CHECK(lsn_number_parse("12)", &n) && n.depth == 1 && n.part[0] == 12 &&
	    n.delim == ')');
	CHECK(lsn_number_parse("(b)", &n) && n.letter && n.part[0] == 2 && n.paren);
	CHECK(lsn_number_parse("iv.", &n) && n.roman && n.part[0] == 4);
	CHECK(!lsn_number_parse("\xe2\x80\x93", &n));
	CHECK(lsn_label_is_bullet("\xc2\xb7"));
	CHECK(!lsn_label_is_bullet("1."));
	CHECK(lsn_title_like("Scope and objectives", 20, 10));
	CHECK(!lsn_title_like("It addresses questions 4 and 5.", 31, 10));
	CHECK(!lsn_title_like("lower case start", 16, 10));
	/* an annex's or appendix's id before its clause numbers */
	CHECK(lsn_part_clause_id("A.1 Scope", 9) == 1);
	CHECK(lsn_part_clause_id("IV.2.3", 6) == 2);
	CHECK(lsn_part_clause_id("F1.1\tPreface", 12) == 2);
	CHECK(lsn_part_clause_id("F12.1", 5) == 3);
	CHECK(lsn_part_clause_id("F123.1", 6) == 0);
	CHECK(lsn_part_clause_id("F1.", 3) == 0);
	CHECK(lsn_part_clause_id("Ab.1", 4) == 0);
	CHECK(lsn_part_clause_id("a.1", 3) == 0);
	CHECK(lsn_part_clause_id("A", 1) == 0);
}

static void
test_dates(void)
{
	/* input, ISO form, length of the date's text */
	static const struct { const char *in, *iso; size_t len; } cases[] = {
		{ "16 January 2025", "2025-01-16", 15 },
		{ "3-11 December 2025)", "2025-12-03/2025-12-11", 18 },
		{ "15 \xe2\x80\x93 24 October 2024", "2024-10-15/2024-10-24", 22 },
		{ "May 2025 to", "2025-05", 8 },
		{ "March/April 2026", "2026-03/2026-04", 16 },
		{ "2025-05-30)", "2025-05-30", 10 },
		{ "December 8, 2025", "2025-12-08", 16 },
		{ "30 November - 2 December 2026", "2026-11-30/2026-12-02", 29 },
		/* a range across the year: the start is in the year before */
		{ "3 December - 5 January 2026", "2025-12-03/2026-01-05", 27 },
		{ "3 December 2025 - 5 January 2026", "2025-12-03/2026-01-05", 32 },
		{ "November/January 2026", "2025-11/2026-01", 21 },
		{ "November 2025 \xe2\x80\x93 March 2026", "2025-11/2026-03", 28 },
		{ "October 15-24, 2024", "2024-10-15/2024-10-24", 19 },
		{ "15 to 24 October 2024", "2024-10-15/2024-10-24", 21 },
		{ "29 February 2024", "2024-02-29", 16 },
		{ "1st March 2025", "2025-03-01", 14 },
		{ "Sept. 2025", "2025-09", 10 },
		/* French, Spanish, Russian, Arabic, Chinese */
		{ "1er janvier 2025", "2025-01-01", 16 },
		/* no other month name opens with "e" */
		{ "15 de enero de 2025", "2025-01-15", 19 },
		{ "Enero 2025", "2025-01", 10 },
		{ "15 au 24 octobre 2024", "2024-10-15/2024-10-24", 21 },
		{ "3 d\xc3\xa9" "cembre 2025", "2025-12-03", 16 },
		{ "f\xc3\xa9vrier 2026", "2026-02", 13 },
		{ "Mars 2026", "2026-03", 9 },
		{ "3 de diciembre de 2025", "2025-12-03", 22 },
		{ "del 15 al 24", NULL, 0 },
		{ "15 al 24 de octubre de 2024", "2024-10-15/2024-10-24", 27 },
		{ "15\xe2\x80\x93" "24 \xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f 2024 \xd0\xb3.",
		    "2024-10-15/2024-10-24", 31 },
		{ "\xd0\x9c\xd0\xb0\xd1\x80\xd1\x82 2025", "2025-03", 13 },
		{ "3 \xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1 2025", "2025-12-03", 19 },
		{ "2025\xe5\xb9\xb4" "12\xe6\x9c\x88" "3\xe6\x97\xa5", "2025-12-03", 16 },
		{ "2024\xe5\xb9\xb4" "10\xe6\x9c\x88" "15\xe6\x97\xa5\xe8\x87\xb3" "24\xe6\x97\xa5",
		    "2024-10-15/2024-10-24", 25 },
		{ "2025\xe5\xb9\xb4" "5\xe6\x9c\x88", "2025-05", 11 },
		/* the forms of each language, with the range's words */
		{ "du 3 au 5 d\xc3\xa9" "cembre 2025", "2025-12-03/2025-12-05", 24 },
		{ "du 28 novembre au 2 decembre 2025", "2025-11-28/2025-12-02", 33 },
		{ "3 d\xc3\xa9" "cembre \xe2\x80\x93 5 janvier 2026",
		    "2025-12-03/2026-01-05", 30 },
		{ "D\xc3\x89" "CEMBRE 2025", "2025-12", 14 },
		{ "1\xe1\xb5\x89\xca\xb3 ao\xc3\xbbt 2025", "2025-08-01", 17 },
		{ "del 3 al 5 de diciembre de 2025", "2025-12-03/2025-12-05", 31 },
		{ "del 30 de junio al 1 de julio de 2026",
		    "2026-06-30/2026-07-01", 37 },
		{ "1\xc2\xba de diciembre de 2025", "2025-12-01", 24 },
		{ "1.\xc2\xba de julio de 2026", "2026-07-01", 21 },
		{ "diciembre de 2025", "2025-12", 17 },
		/* 3-5 декабря 2025 г.; с 28 ноября по 2 декабря 2025 г. */
		{ "3-5 \xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f 2025 \xd0\xb3.",
		    "2025-12-03/2025-12-05", 27 },
		{ "\xd1\x81 28 \xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f \xd0\xbf\xd0\xbe 2 "
		    "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f 2025 \xd0\xb3.",
		    "2025-11-28/2025-12-02", 49 },
		/* 3 ДЕКАБРЯ 2025 года */
		{ "3 \xd0\x94\xd0\x95\xd0\x9a\xd0\x90\xd0\x91\xd0\xa0\xd0\xaf 2025 "
		    "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0", "2025-12-03", 30 },
		/* من 3 إلى 5 ديسمبر 2025 */
		{ "\xd9\x85\xd9\x86 3 \xd8\xa5\xd9\x84\xd9\x89 5 "
		    "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1 2025",
		    "2025-12-03/2025-12-05", 33 },
		/* 2025年12月3-5日, 2025年12月30日至1月2日 */
		{ "2025\xe5\xb9\xb4" "12\xe6\x9c\x88" "3-5\xe6\x97\xa5",
		    "2025-12-03/2025-12-05", 18 },
		{ "2025\xe5\xb9\xb4" "12\xe6\x9c\x88" "30\xe6\x97\xa5\xe8\x87\xb3"
		    "1\xe6\x9c\x88" "2\xe6\x97\xa5", "2025-12-30/2026-01-02", 28 },
		/* numbers only; ranges across months and years */
		{ "03.12.2025,", "2025-12-03", 10 },
		{ "3.12.2025", "2025-12-03", 9 },
		{ "07-04-2017", "2017-04-07", 10 },
		{ "2025-12-03/2025-12-05", "2025-12-03/2025-12-05", 21 },
		{ "28 November \xe2\x80\x93 2 December 2025",
		    "2025-11-28/2025-12-02", 31 },
		{ "30 June-1 July 2026", "2026-06-30/2026-07-01", 19 },
		{ "5 January - 3 December 2026", "2026-01-05/2026-12-03", 27 },
		{ "29 February 2000", "2000-02-29", 16 },
		{ "December 30 - January 2, 2026", "2025-12-30/2026-01-02", 29 },
		{ "December 3, 2025 \xe2\x80\x93 January 5, 2026",
		    "2025-12-03/2026-01-05", 36 },
		{ "du 1er au 3 d\xc3\xa9" "cembre 2025", "2025-12-01/2025-12-03", 26 },
		/* not dates: off the calendar, a verb, a number, a town */
		{ "31 February 2025", NULL, 0 },
		{ "29 February 2025", NULL, 0 },
		{ "2025-02-30", NULL, 0 },
		{ "32 May 2025", NULL, 0 },
		{ "5 may 2025", NULL, 0 },
		{ "2025", NULL, 0 },
		{ "Marseille 2025", NULL, 0 },
		{ "24 - 15 October 2024", NULL, 0 },
		{ "29 f\xc3\xa9vrier 2023", NULL, 0 },
		{ "29 February 1900", NULL, 0 },
		{ "31 de abril de 2025", NULL, 0 },
		{ "31.02.2025", NULL, 0 },
		{ "04-31-2017", NULL, 0 },
		{ "1-2-3-2025", NULL, 0 },
		{ "2025\xe5\xb9\xb4" "2\xe6\x9c\x88" "30\xe6\x97\xa5", NULL, 0 },
		/* reversed: no range, nor a date in it */
		{ "5 d\xc3\xa9" "cembre - 3 d\xc3\xa9" "cembre 2025", NULL, 0 },
		{ "3 December 2026 - 5 January 2026", NULL, 0 },
		{ "November 2026 - March 2026", NULL, 0 },
		{ "December 3, 2025 - January 5, 2025", NULL, 0 },
		{ "2025-12-05/2025-12-03", NULL, 0 },
		/* a month and year only where the caller asks; a number */
		{ "12/2018", NULL, 0 },
		{ "1.03.12.2025.4", NULL, 0 },
		{ "du 15 au 24", NULL, 0 },
	};
	char	 iso[LSN_DATE_ISO_SIZE];
	size_t	 i, m;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int ok = lsn_parse_date(cases[i].in, strlen(cases[i].in), iso, &m) > 0;
		int good = cases[i].iso == NULL ? !ok : ok &&
		    strcmp(iso, cases[i].iso) == 0 && m == cases[i].len;

		CHECK(good);
		if (!good)
			fprintf(stderr, "  date %s -> %s (%zu)\n", cases[i].in,
			    ok ? iso : "none", ok ? m : 0);
	}
	/* off the calendar: passed over whole */
	CHECK(lsn_parse_date("31 February 2025 x", 18, iso, &m) == -1 && m == 16);
	CHECK(lsn_parse_date("3 December 2026 - 5 January 2026", 32, iso,
	    &m) == -1 && m == 32);
	/* an edition's month and year, when asked for */
	CHECK(lsn_parse_date_flags("10/2016)", 8, LSN_DATE_MONTH_YEAR, iso,
	    &m) == 1 && strcmp(iso, "2016-10") == 0 && m == 7);
	CHECK(lsn_parse_date_flags("13/2016", 7, LSN_DATE_MONTH_YEAR, iso,
	    &m) == -1);
	CHECK(lsn_parse_date_flags("12/13", 5, LSN_DATE_MONTH_YEAR, iso,
	    &m) == 0);
	/* the first date of a cover's value, past one off the calendar */
	{
		const char *v = "Geneva, 30 February 2025; 3-5 December 2025";
		size_t at = 0;

		CHECK(lsn_find_date(v, strlen(v), 0, iso, &at, &m) == 1 &&
		    at == 26 && m == 17 &&
		    strcmp(iso, "2025-12-03/2025-12-05") == 0);
		CHECK(lsn_find_date("v1.03.12.2025", 13, 0, iso, &at,
		    &m) == 0);
		CHECK(lsn_find_date("1-2-3-2025", 10, 0, iso, &at, &m) == 0);
		CHECK(lsn_find_date("Q12/2018", 8, LSN_DATE_MONTH_YEAR, iso,
		    &at, &m) == 0);
	}
}

/* Questions taken from a list, "Q4/13;" each */
static void
take_q(void *arg, const char *number, size_t len, const char *group)
{
	struct lsn_buf *b = arg;

	lsn_buf_putc(b, 'Q');
	lsn_buf_put(b, number, len);
	lsn_buf_putc(b, '/');
	lsn_buf_puts(b, group);
	lsn_buf_putc(b, ';');
}

static void
test_questions(void)
{
	/* running text: input, Questions, length read */
	static const struct { const char *in, *out; size_t end; } lists[] = {
		{ "Q4, 5, 12/13 met", "Q4/13;Q5/13;Q12/13;", 12 },
		{ "Questions 1, 2 and 5/17.", "Q1/17;Q2/17;Q5/17;", 23 },
		{ "Q.9/17", "Q9/17;", 6 },
		{ "Q.4 and Q.5/16", "Q4/16;Q5/16;", 14 },
		{ "Q8/ITU-R SG11", "Q8/ITU-R SG11;", 13 },
		{ "Questions 45/15, 3/4, 8/ITU-R SG11", "Q45/15;Q3/4;Q8/ITU-R SG11;",
		    34 },
		{ "Questions 22 et 23/17", "Q22/17;Q23/17;", 21 },
		{ "Cuestiones 32 y 33/13", "Q32/13;Q33/13;", 21 },
		/* Вопросы 42 и 43/15 */
		{ "\xd0\x92\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd1\x8b 42 \xd0\xb8 43/15",
		    "Q42/15;Q43/15;", 26 },
		/* والمسائل 52 و53/2 */
		{ "\xd9\x88\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xa7\xd8\xa6\xd9\x84 52 \xd9\x88" "53/2",
		    "Q52/2;Q53/2;", 26 },
		/* 课题62、63/11 */
		{ "\xe8\xaf\xbe\xe9\xa2\x98" "62\xe3\x80\x81" "63/11", "Q62/11;Q63/11;", 16 },
		/* no Study Group, no Question; a year is no group */
		{ "Q7 alone", "", 0 },
		{ "Q1, 2 and", "", 0 },
		{ "Q12/2018", "", 0 },
		{ "Quality 4/13", "", 0 },
	};
	/* a cover's row: input, values separated by ';' */
	static const struct { const char *in, *out; } rows[] = {
		{ "Q4, 5 and 12/13", "4/13;5/13;12/13;" },
		{ "45/15, 3/4, 8/ITU-R SG11", "45/15;3/4;8/ITU-R SG11;" },
		{ "Q.9/17", "9/17;" },
		{ "q4/17; Q5/17.", "4/17;5/17;" },
		{ "Questions 1, 2 and 5/17", "1/17;2/17;5/17;" },
		{ "1 et 2/15", "1/15;2/15;" },
		{ "All/17, 3", "All/17;3;" },
	};
	struct lsn_buf	 b = { 0 };
	size_t		 i, end, k;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		int good;

		lsn_buf_reset(&b);
		end = lsn_question_list_at(lists[i].in, strlen(lists[i].in), 0,
		    take_q, &b);
		good = b.len == strlen(lists[i].out) &&
		    memcmp(lsn_buf_str(&b), lists[i].out, b.len) == 0 &&
		    end == lists[i].end;
		CHECK(good);
		if (!good)
			fprintf(stderr, "  questions %s -> %.*s (%zu)\n",
			    lists[i].in, (int)b.len, lsn_buf_str(&b), end);
	}
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int good;

		lsn_buf_reset(&b);
		lsn_split_questions(&b, rows[i].in, strlen(rows[i].in));
		for (k = 0; k < b.len; k++)
			if (b.data[k] == '\0')
				b.data[k] = ';';
		good = b.len == strlen(rows[i].out) &&
		    memcmp(lsn_buf_str(&b), rows[i].out, b.len) == 0;
		CHECK(good);
		if (!good)
			fprintf(stderr, "  row %s -> %.*s\n", rows[i].in,
			    (int)b.len, lsn_buf_str(&b));
	}
	lsn_buf_free(&b);
}

/* The text reader on a small input: labels, markers, notes, tables. */
static void
test_text_reader(void)
{
	static const char in[] =
	    "\xef\xbb\xbf[bookmark: _Toc1]1\tScope\r\n"
	    "\xe2\x80\x93\tAn item[footnoteRef:1] here. [1:  The note.]\n"
	    "\tCell\tTwo\n"
	    "\n"
	    "3.1 Title case\n"
	    "2025 was a year.\n";
	struct lsn_stream	 s;
	struct lsn_para		 items[12];
	liaison_error		*err = NULL;
	size_t			 i;

	memset(&s, 0, sizeof(s));
	CHECK(lsn_read_text(in, sizeof(in) - 1, "t", NULL, &s, &err) == LIAISON_OK);
	CHECK(s.count >= 12);
	if (s.count < 12) {
		lsn_stream_free(&s);
		return;
	}
	for (i = 0; i < 12; i++)
		lsn_stream_get(&s, i, &items[i]);
	CHECK(strcmp(items[0].label, "1") == 0 &&
	    strcmp(items[0].text, "Scope") == 0 && items[0].nmarks == 1 &&
	    items[0].marks[0].type == LSN_MARK_ANCHOR);
	CHECK(strcmp(items[1].label, "\xe2\x80\x93") == 0 &&
	    strcmp(items[1].text, "An item here.") == 0 &&
	    items[1].marks[0].type == LSN_MARK_NOTEREF &&
	    items[1].marks[0].start == 7);
	CHECK(items[2].event == LSN_EV_NOTE_START &&
	    strcmp(items[2].note_id, "1") == 0);
	CHECK(strcmp(items[3].text, "The note.") == 0);
	CHECK(items[5].event == LSN_EV_TABLE_START);
	lsn_stream_free(&s);

	memset(&s, 0, sizeof(s));
	CHECK(lsn_read_text("ok\n\xc3\x28", 5, "bad.txt", NULL, &s, &err) ==
	    LIAISON_ERR_UTF8);
	CHECK(err != NULL && liaison_error_line(err) == 2);
	liaison_error_free(err);
	lsn_stream_free(&s);
}

/*
 * Lines from a stream: they keep copies of what they need (the stream
 * is freed first here, as the recognizer does), one per distinct style
 * name however many paragraphs and styles (the set grows past 32), and
 * labels and texts packed whatever their alignment.
 */
static void
test_lines(void)
{
	struct lsn_stream	 s;
	struct lsn_para		 p;
	struct lsn_mark		 m;
	struct lsn_arena	 a;
	struct lsn_doc_lines	 d;
	char			 style[32], text[32], label[] = "a)",
				 url[] = "https://www.itu.int/";
	size_t			 i, ok = 0;
	const size_t		 nstyles = 100, n = 3 * nstyles;

	memset(&s, 0, sizeof(s));
	memset(&a, 0, sizeof(a));
	for (i = 0; i < n; i++) {
		lsn_para_init(&p);
		snprintf(style, sizeof(style), "Style %zu", i % nstyles);
		snprintf(text, sizeof(text), "  para  %zu ", i);
		p.style = style;
		p.text = text;
		p.len = strlen(text);
		p.label = i % 2 ? label : NULL;
		if (i == 7) {
			memset(&m, 0, sizeof(m));
			m.type = LSN_MARK_LINK;
			m.start = 2;
			m.end = 6;
			m.value = url;
			p.marks = &m;
			p.nmarks = 1;
		}
		CHECK(lsn_stream_add(&s, &p) == 0);
	}
	CHECK(lsn_lines_build(&a, &s, &d) == 0);
	lsn_stream_free(&s);
	CHECK(d.body.n == n && d.nstyles == nstyles);
	for (i = 0; i < d.body.n && i < n; i++) {
		snprintf(style, sizeof(style), "Style %zu", i % nstyles);
		snprintf(text, sizeof(text), "para %zu", i);
		ok += d.body.v[i].style != NULL &&
		    strcmp(d.body.v[i].style, style) == 0 &&
		    strcmp(d.body.v[i].text, text) == 0 &&
		    (i % 2 ? d.body.v[i].label != NULL &&
		    strcmp(d.body.v[i].label, "a)") == 0 :
		    d.body.v[i].label == NULL) &&
		    (i < nstyles || d.body.v[i].style ==
		    d.body.v[i - nstyles].style);
	}
	CHECK(ok == n);
	CHECK(d.body.n > 7 && d.body.v[7].nmarks == 1 &&
	    strcmp(d.body.v[7].marks[0].value, "https://www.itu.int/") == 0 &&
	    d.body.v[7].marks[0].start == 0 && d.body.v[7].marks[0].end == 4);
	lsn_arena_free(&a);
}

static void
test_arena(void)
{
	struct lsn_arena	 a;
	char			*p, *q;

	memset(&a, 0, sizeof(a));
	/* the last thing taken grows where it is */
	if ((p = lsn_arena_strndup(&a, "abc", 3)) == NULL ||
	    lsn_arena_extend(&a, p, 4, 3) != p) {
		CHECK(!"extended in place");
		lsn_arena_free(&a);
		return;
	}
	memcpy(p + 3, "def", 4);
	CHECK(strcmp(p, "abcdef") == 0);
	q = lsn_arena_strdup(&a, "x");
	/* not once something else was taken, nor past its chunk */
	CHECK(q != NULL && lsn_arena_extend(&a, p, 7, 1) == NULL);
	CHECK(lsn_arena_extend(&a, q, 2, (size_t)1 << 30) == NULL);
	CHECK(strcmp(p, "abcdef") == 0 && strcmp(q, "x") == 0 && !a.oom);
	lsn_arena_free(&a);
}

/* n as XML on one line, escaping nothing (the tests' text needs none). */
static void
dump_into(struct lsn_buf *b, const lsn_node *n)
{
	const struct lsn_attr	*a;
	const lsn_node		*c;

	if (n->type == LSN_TEXT) {
		lsn_buf_puts(b, n->content);
		return;
	}
	lsn_buf_putc(b, '<');
	lsn_buf_puts(b, n->name);
	for (a = n->attrs; a != NULL; a = a->next) {
		lsn_buf_putc(b, ' ');
		lsn_buf_puts(b, a->name);
		lsn_buf_puts(b, "=\"");
		lsn_buf_puts(b, a->value);
		lsn_buf_putc(b, '"');
	}
	if (n->children == NULL) {
		lsn_buf_puts(b, "/>");
		return;
	}
	lsn_buf_putc(b, '>');
	for (c = n->children; c != NULL; c = c->next)
		dump_into(b, c);
	lsn_buf_puts(b, "</");
	lsn_buf_puts(b, n->name);
	lsn_buf_putc(b, '>');
}

/* n as one line of XML; the caller frees it. */
static char *
dump(const lsn_node *n)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	char		*s;

	dump_into(&b, n);
	s = b.oom ? NULL : strdup(lsn_buf_str(&b));
	lsn_buf_free(&b);
	return s;
}

static void
test_builder(void)
{
	struct lsn_builder	 b;
	lsn_node		 *root, *p, *q, *copy;
	char			*t;
	char			*x, *y;
	int			 i;

	CHECK(lsn_tree_new(&b) == 0);
	root = lsn_root_el(&b, "document");
	CHECK(root != NULL && b.tree->root == root);
	lsn_attr(&b, root, "kind", "document");
	lsn_attr(&b, root, "model", "liaison/1");
	/* set again: one attribute, the new value, in its place */
	lsn_attr(&b, root, "kind", "question");
	CHECK(strcmp(lsn_prop(root, "kind"), "question") == 0 &&
	    root->attrs != NULL && root->attrs->next != NULL &&
	    root->attrs->next->next == NULL);
	/* text after text is one node: grown in place, then copied when
	 * something else was allocated in between */
	p = lsn_el(&b, root, "p");
	lsn_text(&b, p, "one", 3);
	lsn_text(&b, p, " two", 4);
	q = lsn_el(&b, root, "p");
	lsn_text(&b, p, " three", 6);
	lsn_attr(&b, q, "empty", "");
	CHECK(p->children != NULL && p->children == p->last &&
	    strcmp((const char *)p->children->content, "one two three") == 0);
	lsn_el(&b, p, "anchor");
	lsn_text(&b, p, "ab", 2);
	t = p->last->content;
	for (i = 1; i < 1000; i++)
		lsn_text(&b, p, "ab", 2);
	/* appended where it was, not copied each time */
	CHECK(p->last->type == LSN_TEXT && p->last->content == t &&
	    strlen((const char *)p->last->content) == 2000);
	/* a copy says the same, in nodes of its own */
	copy = lsn_copy(&b, root, p);
	CHECK(copy != NULL && copy != p && copy->parent == root &&
	    copy->children != p->children);
	x = dump(p);
	y = dump(copy);
	CHECK(x != NULL && y != NULL && strcmp(x, y) == 0);
	free(x);
	free(y);
	x = dump(q);
	CHECK(x != NULL && strcmp(x, "<p empty=\"\"/>") == 0);
	free(x);
	CHECK(!b.oom);
	/* moved: unlinked from one place, linked at another */
	lsn_unlink(q);
	CHECK(q->parent == NULL && root->last == copy && copy->prev == p);
	lsn_append(copy, q);
	CHECK(q->parent == copy && copy->last == q && q->prev != NULL);
	lsn_unlink(q);
	lsn_insert_before(p, q);
	CHECK(root->children == q && q->next == p && p->prev == q &&
	    q->parent == root);
	/* moving children moves them all, in order, and keeps texts apart
	 * (the bad free of issue 14 came from a joining move) */
	x = dump(copy);
	lsn_move_children(copy, q);
	y = dump(q);
	CHECK(copy->children == NULL && copy->last == NULL && x != NULL &&
	    y != NULL && strcmp(x + strlen("<p>"), y + strlen("<p empty=\"\">"))
	    == 0);
	free(x);
	free(y);
	lsn_tree_free(b.tree);
	lsn_tree_free(NULL);
}

/* A mark for test_inline. */
static struct lsn_mark
mark(enum lsn_mark_type type, size_t start, size_t end, const char *value)
{
	struct lsn_mark	 m;

	memset(&m, 0, sizeof(m));
	m.type = type;
	m.start = start;
	m.end = end;
	m.value = (char *)value;
	return m;
}

static void
test_inline(void)
{
	struct lsn_builder	 b;
	struct lsn_line		 l;
	struct lsn_mark		 many[3000], few[7];
	lsn_node		 *p;
	char			 text[] = "see the link here.", *x, id[16];
	const char		*expect = "<p><anchor id=\"b\"/>"
	    "<anchor id=\"a\"/>see <link href=\"http://x/\"><ins author="
	    "\"Ann\" offset=\"4\">the </ins>link<note-ref id=\"1\"/></link>"
	    " here<anchor id=\"end\"/>.</p>";
	char			*content;
	lsn_node		 *c;
	size_t			 i, n = 0, in_order = 0;
	static char		 ids[3000][16];

	CHECK(lsn_tree_new(&b) == 0);
	memset(&l, 0, sizeof(l));
	l.text = text;
	l.len = strlen(text);
	/* Two anchors at one place in line order; at 4 a link (4..12) and a
	 * change (4..8) inside it, the longer first; a note at the link's
	 * end goes inside it; a span past the range is not emitted. */
	few[0] = mark(LSN_MARK_ANCHOR, 0, 0, "b");
	few[1] = mark(LSN_MARK_ANCHOR, 0, 0, "a");
	few[2] = mark(LSN_MARK_INS, 4, 8, "Ann");
	few[3] = mark(LSN_MARK_LINK, 4, 12, "http://x/");
	few[4] = mark(LSN_MARK_NOTEREF, 12, 12, "1");
	few[5] = mark(LSN_MARK_LINK, 13, 40, "http://past/");
	few[6] = mark(LSN_MARK_ANCHOR, 17, 17, "end");
	l.marks = few;
	l.nmarks = 7;
	p = lsn_el(&b, NULL, "p");
	lsn_inline(&b, p, &l, 0, l.len);
	x = dump(p);
	CHECK(x != NULL && strcmp(x, expect) == 0);
	if (x != NULL && strcmp(x, expect) != 0)
		fprintf(stderr, "test_inline: got %s\n", x);
	free(x);
	/* Thousands of anchors: one at each of the first 18 places, the
	 * rest all at the end, each once and in line order. */
	for (i = 0; i < 3000; i++) {
		snprintf(ids[i], sizeof(ids[i]), "m%zu", i);
		many[i] = mark(LSN_MARK_ANCHOR, i < 18 ? i : 18, 0, ids[i]);
		many[i].end = many[i].start;
	}
	l.marks = many;
	l.nmarks = 3000;
	p = lsn_el(&b, NULL, "p");
	lsn_inline(&b, p, &l, 0, l.len);
	for (c = p->children; c != NULL; c = c->next)
		if (lsn_is(c, "anchor")) {
			snprintf(id, sizeof(id), "m%zu", n);
			in_order += strcmp(lsn_prop(c, "id"), id) == 0;
			n++;
		}
	CHECK(n == 3000 && in_order == 3000 && !b.oom);
	content = lsn_text_of(p);
	CHECK(content != NULL && strcmp(content, text) == 0);
	free(content);
	lsn_tree_free(b.tree);
}

/* Text outputs show control characters as pictures; a C1 control split
 * over two writes, or over a chunk written to a file, is still seen. */
static void
test_visible(void)
{
	struct lsn_out	 o;
	char		 big[LSN_OUT_CHUNK];
	FILE		*fp;
	long		 size;

	memset(&o, 0, sizeof(o));
	o.visible = 1;
	lsn_out_puts(&o, "a\033[2K\r\tb\n\x7f\xc2\x9b|\xc2");
	lsn_out_putc(&o, '\x85');
	lsn_out_putc(&o, '\a');
	lsn_out_printf(&o, "%s", "\xc2\xa0\x01");
	lsn_out_raw(&o, "\033[m");
	CHECK(o.buf.data != NULL && strcmp(o.buf.data,
	    "a\xe2\x90\x9b[2K\xe2\x90\x8d\tb\n\xe2\x90\xa1\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xe2\x90\x87\xc2\xa0\xe2\x90\x81\033[m") == 0);
	lsn_buf_free(&o.buf);

	/* The 0xC2 ends the first chunk written to the file. */
	if ((fp = tmpfile()) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.visible = 1;
	o.fp = fp;
	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = '\xc2';
	lsn_out_put(&o, big, sizeof(big));
	lsn_out_put(&o, "\x9b", 1);
	CHECK(lsn_out_close(&o, NULL) == LIAISON_OK);
	size = ftell(fp);
	CHECK(size == (long)sizeof(big) + 2);
	if (fseek(fp, -4, SEEK_END) == 0) {
		char tail[4];

		CHECK(fread(tail, 1, 4, fp) == 4 &&
		    memcmp(tail, "x\xef\xbf\xbd", 4) == 0);
	}
	fclose(fp);
}

/* Cover labels and header lines in ITU's six languages (labels.c). */
static void
test_cover_labels(void)
{
	size_t		 taken = 0, n = 0, at = 0;
	const char	*lang = NULL, *s;
	char		 g[16];

#define LABEL(text, colon, field) \
	lsn_cover_label(text, strlen(text), colon, &taken, &lang) == (field)
	CHECK(LABEL("FOR COMMENT TO:", 1, LSN_CF_FOR_COMMENT) &&
	    taken == 15 && strcmp(lang, "en") == 0);
	CHECK(LABEL("For action to: TSAG", 1, LSN_CF_FOR_ACTION) &&
	    taken == 15);
	CHECK(LABEL("Pour information :", 1, LSN_CF_FOR_INFORMATION) &&
	    taken == 18 && strcmp(lang, "fr") == 0);
	CHECK(LABEL("Objet : Discussion", 1, LSN_CF_PURPOSE));
	CHECK(LABEL("Cuesti\xc3\xb3n(es): 2/3", 1, LSN_CF_QUESTIONS) &&
	    strcmp(lang, "es") == 0);
	/* "ВОПРОС(Ы):" in capitals, "Для контактов:" */
	CHECK(LABEL("\xd0\x92\xd0\x9e\xd0\x9f\xd0\xa0\xd0\x9e\xd0\xa1(\xd0\xab):",
	    1, LSN_CF_QUESTIONS) && strcmp(lang, "ru") == 0);
	CHECK(LABEL("\xd0\x94\xd0\xbb\xd1\x8f \xd0\xba\xd0\xbe\xd0\xbd\xd1\x82"
	    "\xd0\xb0\xd0\xba\xd1\x82\xd0\xbe\xd0\xb2: X", 1, LSN_CF_CONTACT) &&
	    taken == 27);
	/* "课题：" with the full-width colon */
	CHECK(LABEL("\xe8\xaf\xbe\xe9\xa2\x98\xef\xbc\x9a" "1/16", 1,
	    LSN_CF_QUESTIONS) && taken == 9 && strcmp(lang, "zh") == 0);
	/* "E‑mail:" with a non-breaking hyphen */
	CHECK(LABEL("E\xe2\x80\x91mail: a@b.org", 1, LSN_CF_EMAIL));
	CHECK(LABEL("Source", 0, LSN_CF_SOURCE));
	CHECK(LABEL("Source", 1, LSN_CF_NONE));
	CHECK(LABEL("Titles of the documents", 0, LSN_CF_NONE));
	CHECK(LABEL("Tomorrow: rain", 1, LSN_CF_NONE));
#undef LABEL
	CHECK(lsn_cover_purpose("For Information", 15) ==
	    LSN_CF_FOR_INFORMATION);
	CHECK(lsn_cover_purpose("For information on X", 20) == LSN_CF_NONE);
	CHECK((s = lsn_language_code("anglais", 7)) != NULL &&
	    strcmp(s, "en") == 0);
	/* "Английский" with its capital */
	CHECK((s = lsn_language_code("\xd0\x90\xd0\xbd\xd0\xb3\xd0\xbb\xd0\xb8"
	    "\xd0\xb9\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9", 20)) != NULL &&
	    strcmp(s, "en") == 0);
	CHECK(lsn_language_code("Klingon", 7) == NULL);
	CHECK(lsn_group_line("STUDY GROUP 16", 14, g, sizeof(g)) &&
	    strcmp(g, "SG16") == 0);
	/* the typographic apostrophe of "COMMISSION D’ÉTUDES 17" */
	s = "COMMISSION D\xe2\x80\x99\xc3\x89TUDES 17";
	CHECK(lsn_group_line(s, strlen(s), g, sizeof(g)) &&
	    strcmp(g, "SG17") == 0);
	s = "TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP";
	CHECK(lsn_group_line(s, strlen(s), g, sizeof(g)) &&
	    strcmp(g, "TSAG") == 0);
	CHECK(lsn_group_line("WORKING PARTY 1/17", 18, g, sizeof(g)) &&
	    strcmp(g, "WP1/17") == 0);
	CHECK(!lsn_group_line("STUDY GROUP 16 meeting", 22, g, sizeof(g)));
	s = "P\xc3\x89RIODE D'\xc3\x89TUDES 2025-2028";
	CHECK((at = lsn_study_period_line(s, strlen(s), &n)) > 0 && n == 9 &&
	    strncmp(s + at, "2025-2028", 9) == 0);
	CHECK(lsn_study_period_line("STUDY PERIODS", 13, &n) == 0);
	CHECK(lsn_cover_doctype("LIAISON STATEMENT", 17));
	CHECK(!lsn_cover_doctype("Liaison statements", 18));
	s = "LS/r on X (reply to SG13-LS45)";
	CHECK(lsn_reply_phrase(s, strlen(s), &at) == 20 && at == 11);
	s = "How to reply to a survey";
	CHECK(lsn_reply_phrase(s, strlen(s), &at) == 0);
	s = "Registration \xe2\x80\x93 Reply to LS from WP 5/4";
	CHECK(lsn_reply_phrase(s, strlen(s), &at) == 26 && at == 17);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* lsn_u32_sort_unique against qsort and a plain dedupe, on both sides
 * of its insertion-sort threshold and with bytes all values share. */
static void
test_sort_unique(void)
{
	static const size_t sizes[] = { 0, 1, 2, 31, 32, 33, 1000, 70000 };
	uint32_t	 seed = 12345, *v, *w;
	size_t		 n, k, m, i, s;
	int		 same;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (int shape = 0; shape < 3; shape++) {
			n = sizes[s];
			v = malloc((n + 1) * sizeof(*v));
			w = malloc((n + 1) * sizeof(*w));
			CHECK(v != NULL && w != NULL);
			if (v == NULL || w == NULL)
				return;
			for (i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				/* 0: any value; 1: few values, many repeats;
				 * 2: the high bytes shared (passes skipped) */
				v[i] = shape == 0 ? seed : shape == 1 ?
				    (seed >> 16) % 50 : 0xabcd0000u |
				    ((seed >> 8) & 0xffff);
				w[i] = v[i];
			}
			k = lsn_u32_sort_unique(v, n);
			if (n > 0)
				qsort(w, n, sizeof(*w), cmp_u32);
			for (i = m = 0; i < n; i++)
				if (m == 0 || w[m - 1] != w[i])
					w[m++] = w[i];
			same = k == m;
			for (i = 0; same && i < k; i++)
				same = v[i] == w[i];
			CHECK(same);
			free(v);
			free(w);
		}
	}
}

int
main(void)
{
	test_utf8();
	test_array_grow();
	test_sha256();
	test_numbers();
	test_dates();
	test_questions();
	test_cover_labels();
	test_text_reader();
	test_lines();
	test_arena();
	test_builder();
	test_inline();
	test_visible();
	test_sort_unique();
	printf("%d passed, %d failed\n", checks - failures, failures);
	return failures > 0;
}
