/* SPDX-License-Identifier: MIT */
/*
 * docx-numfmt.c: a list counter written in one of Word's number formats
 * (w:numFmt, ECMA-376 Part 1 §17.18.59 ST_NumberFormat).
 *
 * Done as Word shows them: decimal, decimalZero, upper/lowerRoman (1 to
 * 3999), upper/lowerLetter (a..z, aa..zz: the letter repeated), ordinal
 * (1st), cardinalText and ordinalText (English: "One", "Twenty-one",
 * "First"), hex, chicago (*, †, ‡, §, then doubled), numberInDash
 * ("- 1 -"), none, decimalHalfWidth; decimalFullWidth(2), hindiNumbers
 * (Arabic-Indic digits), thaiNumbers, ideographDigital, koreanDigital
 * (digit by digit); decimalEnclosedCircle(Chinese), decimalEnclosedParen,
 * decimalEnclosedFullstop (1 to 20), ideographEnclosedCircle (1 to 10);
 * japaneseCounting, chineseCounting(Thousand), taiwaneseCounting(Thousand),
 * koreanCounting (ten-thousands and below, in the Japanese way: 十, 十一,
 * 二十, 百, 百一); hebrew1 (Hebrew numerals, 15 = טו), hebrew2,
 * arabicAlpha, arabicAbjad, russianLower/Upper, ganada, chosung, aiueo,
 * iroha (and their full-width forms), ideographTraditional,
 * ideographZodiac, thaiLetters (letter lists, repeated past the end like
 * Word's letters).
 * Falling back to decimal: the formats left (japaneseLegal, koreanLegal,
 * koreanDigital2, chineseLegalSimplified, vietnameseCounting, thaiCounting,
 * hindiCounting, hindiVowels, hindiConsonants, bahtText, dollarText,
 * custom, ...), values a format cannot write (0 or past its range), and
 * unknown names: a reader still sees the right count.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "reader/docx-int.h"
#include "util/buf.h"

/* Letter lists, one item a word: item k of n is repeated (k-1)/n+1
 * times, as Word repeats a..z. */
static const struct {
	const char	*fmt;
	const char	*items;
} lists[] = {
	{ "russianLower", "а б в г д е ж з и к л м н о п р с т у ф х ц ч ш "
	    "щ э ю я" },
	{ "russianUpper", "А Б В Г Д Е Ж З И К Л М Н О П Р С Т У Ф Х Ц Ч Ш "
	    "Щ Э Ю Я" },
	{ "hebrew2", "א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת" },
	{ "arabicAlpha", "أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م "
	    "ن ه و ي" },
	{ "arabicAbjad", "أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ "
	    "ذ ض ظ غ" },
	{ "ganada", "가 나 다 라 마 바 사 아 자 차 카 타 파 하" },
	{ "chosung", "ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ" },
	{ "aiueo", "ｱ ｲ ｳ ｴ ｵ ｶ ｷ ｸ ｹ ｺ ｻ ｼ ｽ ｾ ｿ ﾀ ﾁ ﾂ ﾃ ﾄ ﾅ ﾆ ﾇ ﾈ ﾉ ﾊ ﾋ "
	    "ﾌ ﾍ ﾎ ﾏ ﾐ ﾑ ﾒ ﾓ ﾔ ﾕ ﾖ ﾗ ﾘ ﾙ ﾚ ﾛ ﾜ ｦ ﾝ" },
	{ "aiueoFullWidth", "ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ タ チ "
	    "ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ マ ミ ム メ モ ヤ ユ ヨ ラ リ ル "
	    "レ ロ ワ ヲ ン" },
	{ "iroha", "ｲ ﾛ ﾊ ﾆ ﾎ ﾍ ﾄ ﾁ ﾘ ﾇ ﾙ ｦ ﾜ ｶ ﾖ ﾀ ﾚ ｿ ﾂ ﾈ ﾅ ﾗ ﾑ ｳ ヰ ﾉ ｵ "
	    "ｸ ﾔ ﾏ ｹ ﾌ ｺ ｴ ﾃ ｱ ｻ ｷ ﾕ ﾒ ﾐ ｼ ヱ ﾋ ﾓ ｾ ｽ ﾝ" },
	{ "irohaFullWidth", "イ ロ ハ ニ ホ ヘ ト チ リ ヌ ル ヲ ワ カ ヨ タ レ "
	    "ソ ツ ネ ナ ラ ム ウ ヰ ノ オ ク ヤ マ ケ フ コ エ テ ア サ キ ユ メ ミ "
	    "シ ヱ ヒ モ セ ス ン" },
	{ "ideographTraditional", "甲 乙 丙 丁 戊 己 庚 辛 壬 癸" },
	{ "ideographZodiac", "子 丑 寅 卯 辰 巳 午 未 申 酉 戌 亥" },
	{ "thaiLetters", "ก ข ฃ ค ฅ ฆ ง จ ฉ ช ซ ฌ ญ ฎ ฏ ฐ ฑ ฒ ณ ด ต ถ ท ธ "
	    "น บ ป ผ ฝ พ ฟ ภ ม ย ร ฤ ล ฦ ว ศ ษ ส ห ฬ อ ฮ" },
};

/* Formats that write each decimal digit as another character: the code
 * point of zero (digits follow it), or a table of ten words. */
static const struct {
	const char	*fmt;
	unsigned int	 zero;
	const char	*digits;
} digit_fmts[] = {
	{ "decimalHalfWidth", '0', NULL },
	{ "decimalFullWidth", 0xFF10, NULL },
	{ "decimalFullWidth2", 0xFF10, NULL },
	{ "hindiNumbers", 0x0660, NULL },
	{ "thaiNumbers", 0x0E50, NULL },
	{ "ideographDigital", 0, "〇 一 二 三 四 五 六 七 八 九" },
	{ "japaneseDigitalTenThousand", 0, "〇 一 二 三 四 五 六 七 八 九" },
	{ "koreanDigital", 0, "영 일 이 삼 사 오 육 칠 팔 구" },
};

/* Enclosed numbers: Unicode has them for 1..max only. */
static const struct {
	const char	*fmt;
	unsigned int	 first;
	int		 max;
} enclosed[] = {
	{ "decimalEnclosedCircle", 0x2460, 20 },
	{ "decimalEnclosedCircleChinese", 0x2460, 20 },
	{ "decimalEnclosedParen", 0x2474, 20 },
	{ "decimalEnclosedFullstop", 0x2488, 20 },
	{ "ideographEnclosedCircle", 0x3220, 10 },
};

/* Counting in words of ideographs: digits, then 十 百 千 (or Korean). */
static const struct {
	const char	*fmt;
	const char	*digits;   /* 1..9 */
	const char	*units;    /* 10, 100, 1000 */
} counting[] = {
	{ "japaneseCounting", "一 二 三 四 五 六 七 八 九", "十 百 千" },
	{ "chineseCounting", "一 二 三 四 五 六 七 八 九", "十 百 千" },
	{ "chineseCountingThousand", "一 二 三 四 五 六 七 八 九", "十 百 千" },
	{ "taiwaneseCounting", "一 二 三 四 五 六 七 八 九", "十 百 千" },
	{ "taiwaneseCountingThousand", "一 二 三 四 五 六 七 八 九", "十 百 千" },
	{ "koreanCounting", "일 이 삼 사 오 육 칠 팔 구", "십 백 천" },
};

/* Appends word k (0-based) of a space-separated list; 0 or -1. */
static int
put_word(struct lsn_buf *b, const char *list, int k)
{
	const char	*p = list, *e;

	for (; k > 0 && p != NULL; k--)
		if ((p = strchr(p, ' ')) != NULL)
			p++;
	if (p == NULL)
		return -1;
	e = strchr(p, ' ');
	return lsn_buf_put(b, p, e != NULL ? (size_t)(e - p) : strlen(p));
}

static int
count_words(const char *list)
{
	int	 n = 1;

	for (; *list != '\0'; list++)
		if (*list == ' ')
			n++;
	return n;
}

static void
put_roman(struct lsn_buf *b, int n, int upper)
{
	static const struct { int v; const char *u, *l; } r[] = {
		{ 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" },
		{ 400, "CD", "cd" }, { 100, "C", "c" }, { 90, "XC", "xc" },
		{ 50, "L", "l" }, { 40, "XL", "xl" }, { 10, "X", "x" },
		{ 9, "IX", "ix" }, { 5, "V", "v" }, { 4, "IV", "iv" },
		{ 1, "I", "i" }
	};
	size_t	 i;

	for (i = 0; i < sizeof(r) / sizeof(r[0]) && n > 0; i++)
		while (n >= r[i].v) {
			lsn_buf_puts(b, upper ? r[i].u : r[i].l);
			n -= r[i].v;
		}
}

/* Item n (>= 1) of a list of `count` items, repeated past the end the
 * way Word writes aa, bb after z. At most LSN_NUMFMT_REPEAT copies. */
#define LSN_NUMFMT_REPEAT	64
static void
put_repeated(struct lsn_buf *b, const char *list, int n)
{
	int	 count = count_words(list), times, i;

	times = (n - 1) / count + 1;
	for (i = 0; i < times && i < LSN_NUMFMT_REPEAT; i++)
		put_word(b, list, (n - 1) % count);
}

/* English words for 0 < n < 1000000, lower case. */
static void
put_cardinal(struct lsn_buf *b, int n)
{
	static const char *const ones[] = { "", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	    "seventeen", "eighteen", "nineteen" };
	static const char *const tens[] = { "", "", "twenty", "thirty",
	    "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };

	if (n >= 1000) {
		put_cardinal(b, n / 1000);
		lsn_buf_puts(b, " thousand");
		if ((n %= 1000) == 0)
			return;
		lsn_buf_putc(b, ' ');
	}
	if (n >= 100) {
		lsn_buf_puts(b, ones[n / 100]);
		lsn_buf_puts(b, " hundred");
		if ((n %= 100) == 0)
			return;
		lsn_buf_putc(b, ' ');
	}
	if (n >= 20) {
		lsn_buf_puts(b, tens[n / 10]);
		if (n % 10 != 0)
			lsn_buf_putc(b, '-');
		n %= 10;
	}
	lsn_buf_puts(b, ones[n]);
}

/* The ordinal of the cardinal just written from byte `from` on: its last
 * word changes ("one" -> "first", "twenty" -> "twentieth"). */
static void
make_ordinal(struct lsn_buf *b, size_t from)
{
	static const struct { const char *card, *ord; } irr[] = {
		{ "one", "first" }, { "two", "second" }, { "three", "third" },
		{ "five", "fifth" }, { "eight", "eighth" }, { "nine", "ninth" },
		{ "twelve", "twelfth" }
	};
	size_t	 i, w = b->len, n;

	while (w > from && b->data[w - 1] != ' ' && b->data[w - 1] != '-')
		w--;
	n = b->len - w;
	for (i = 0; i < sizeof(irr) / sizeof(irr[0]); i++)
		if (strlen(irr[i].card) == n &&
		    memcmp(b->data + w, irr[i].card, n) == 0) {
			b->len = w;
			b->data[w] = '\0';
			lsn_buf_puts(b, irr[i].ord);
			return;
		}
	if (n > 0 && b->data[b->len - 1] == 'y') {
		b->len--;
		lsn_buf_puts(b, "ieth");
	} else
		lsn_buf_puts(b, "th");
}

/* Ideographic counting, 0 < n < 10000, in the Japanese way: a 1 before
 * 十, 百 and 千 is not written, nor are zeros. */
static void
put_counting(struct lsn_buf *b, const char *digits, const char *units,
    int n)
{
	static const int	 pow10[] = { 1000, 100, 10 };
	int			 k, d;

	for (k = 0; k < 3; k++) {
		d = n / pow10[k] % 10;
		if (d == 0)
			continue;
		if (d > 1)
			put_word(b, digits, d - 1);
		put_word(b, units, 2 - k);
	}
	if (n % 10 != 0)
		put_word(b, digits, n % 10 - 1);
}

/* Hebrew numerals (hebrew1), 0 < n < 1000: hundreds, tens, ones; 15 and
 * 16 are written 9+6 and 9+7 (טו, טז), as everywhere. */
static void
put_hebrew(struct lsn_buf *b, int n)
{
	static const char ones[] = "א ב ג ד ה ו ז ח ט";
	static const char tens[] = "י כ ל מ נ ס ע פ צ";
	static const char hundreds[] = "ק ר ש ת";
	int	 h = n / 100;

	for (; h > 4; h -= 4)
		put_word(b, hundreds, 3);
	if (h > 0)
		put_word(b, hundreds, h - 1);
	n %= 100;
	if (n == 15 || n == 16) {
		put_word(b, ones, 8);
		put_word(b, ones, n - 9 - 1);
		return;
	}
	if (n >= 10)
		put_word(b, tens, n / 10 - 1);
	if (n % 10 != 0)
		put_word(b, ones, n % 10 - 1);
}

int
lsn_numfmt_put(struct lsn_buf *b, const char *fmt, int n)
{
	static const char *const chicago[] = { "*", "\xe2\x80\xa0",
	    "\xe2\x80\xa1", "\xc2\xa7" };
	size_t	 i, from;
	char	 dec[16], *p;
	int	 k;
	unsigned int	 d;

	if (fmt == NULL || strcmp(fmt, "decimal") == 0)
		goto decimal;
	if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		return b->oom ? -1 : 0;
	if (strcmp(fmt, "decimalZero") == 0)
		lsn_buf_printf(b, n >= 0 && n < 10 ? "0%d" : "%d", n);
	else if (n <= 0)
		goto decimal;
	else if (strcmp(fmt, "upperRoman") == 0 ||
	    strcmp(fmt, "lowerRoman") == 0) {
		if (n >= 4000)
			goto decimal;
		put_roman(b, n, fmt[0] == 'u');
	} else if (strcmp(fmt, "upperLetter") == 0)
		put_repeated(b, "A B C D E F G H I J K L M N O P Q R S T U V "
		    "W X Y Z", n);
	else if (strcmp(fmt, "lowerLetter") == 0)
		put_repeated(b, "a b c d e f g h i j k l m n o p q r s t u v "
		    "w x y z", n);
	else if (strcmp(fmt, "ordinal") == 0) {
		int	 t = n % 100, u = n % 10;

		lsn_buf_printf(b, "%d%s", n, (t >= 11 && t <= 13) ? "th" :
		    u == 1 ? "st" : u == 2 ? "nd" : u == 3 ? "rd" : "th");
	} else if (strcmp(fmt, "cardinalText") == 0 ||
	    strcmp(fmt, "ordinalText") == 0) {
		if (n >= 1000000)
			goto decimal;
		from = b->len;
		put_cardinal(b, n);
		if (fmt[0] == 'o' && !b->oom)
			make_ordinal(b, from);
		if (!b->oom && b->len > from)
			b->data[from] = (char)(b->data[from] - 'a' + 'A');
	} else if (strcmp(fmt, "hex") == 0)
		lsn_buf_printf(b, "%X", (unsigned int)n);
	else if (strcmp(fmt, "chicago") == 0) {
		for (k = 0; k <= (n - 1) / 4 && k < LSN_NUMFMT_REPEAT; k++)
			lsn_buf_puts(b, chicago[(n - 1) % 4]);
	} else if (strcmp(fmt, "numberInDash") == 0)
		lsn_buf_printf(b, "- %d -", n);
	else if (strcmp(fmt, "hebrew1") == 0) {
		if (n >= 1000)
			goto decimal;
		put_hebrew(b, n);
	} else {
		for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
			if (strcmp(fmt, lists[i].fmt) == 0) {
				put_repeated(b, lists[i].items, n);
				return b->oom ? -1 : 0;
			}
		for (i = 0; i < sizeof(enclosed) / sizeof(enclosed[0]); i++)
			if (strcmp(fmt, enclosed[i].fmt) == 0) {
				if (n > enclosed[i].max)
					goto decimal;
				lsn_buf_put_cp(b, enclosed[i].first +
				    (unsigned int)n - 1);
				return b->oom ? -1 : 0;
			}
		for (i = 0; i < sizeof(counting) / sizeof(counting[0]); i++)
			if (strcmp(fmt, counting[i].fmt) == 0) {
				if (n >= 10000)
					goto decimal;
				put_counting(b, counting[i].digits,
				    counting[i].units, n);
				return b->oom ? -1 : 0;
			}
		for (i = 0; i < sizeof(digit_fmts) / sizeof(digit_fmts[0]);
		    i++)
			if (strcmp(fmt, digit_fmts[i].fmt) == 0) {
				snprintf(dec, sizeof(dec), "%d", n);
				for (p = dec; *p != '\0'; p++)
					if (digit_fmts[i].digits != NULL)
						put_word(b, digit_fmts[i].digits,
						    *p - '0');
					else
						lsn_buf_put_cp(b,
						    digit_fmts[i].zero +
						    (unsigned int)(*p - '0'));
				return b->oom ? -1 : 0;
			}
		goto decimal;
	}
	return b->oom ? -1 : 0;
decimal:
	/* most labels: digits without printf's cost */
	d = n < 0 ? 0u - (unsigned int)n : (unsigned int)n;
	p = dec + sizeof(dec);
	do
		*--p = (char)('0' + d % 10);
	while ((d /= 10) > 0);
	if (n < 0)
		*--p = '-';
	lsn_buf_put(b, p, (size_t)(dec + sizeof(dec) - p));
	return b->oom ? -1 : 0;
}
