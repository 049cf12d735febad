/* SPDX-License-Identifier: MIT */
/*
 * docx-text.c: characters of symbol fonts. Word stores a w:sym or a
 * bullet in the Symbol or Wingdings font as the font's own code (often
 * shifted into the private use area, U+F0xx); a reader sees the glyph,
 * so we give its Unicode equivalent where we know it.
 */
#include "config.h"

#include <utf8proc.h>

#include <stddef.h>
#include <strings.h>

#include "reader/docx-int.h"
#include "util/buf.h"

struct glyph {
	unsigned char	 code;
	const char	*utf8;
};

/* Adobe's Symbol encoding: where it differs from Latin-1. */
static const struct glyph symbol_font[] = {
	{ 0x22, "\xe2\x88\x80" }, /* ∀ */ { 0x24, "\xe2\x88\x83" }, /* ∃ */
	{ 0x27, "\xe2\x88\x8b" }, /* ∋ */ { 0x2a, "\xe2\x88\x97" }, /* ∗ */
	{ 0x2d, "\xe2\x88\x92" }, /* − */ { 0x40, "\xe2\x89\x85" }, /* ≅ */
	{ 0x41, "\xce\x91" }, { 0x42, "\xce\x92" }, { 0x43, "\xce\xa7" },
	{ 0x44, "\xce\x94" }, { 0x45, "\xce\x95" }, { 0x46, "\xce\xa6" },
	{ 0x47, "\xce\x93" }, { 0x48, "\xce\x97" }, { 0x49, "\xce\x99" },
	{ 0x4a, "\xcf\x91" }, { 0x4b, "\xce\x9a" }, { 0x4c, "\xce\x9b" },
	{ 0x4d, "\xce\x9c" }, { 0x4e, "\xce\x9d" }, { 0x4f, "\xce\x9f" },
	{ 0x50, "\xce\xa0" }, { 0x51, "\xce\x98" }, { 0x52, "\xce\xa1" },
	{ 0x53, "\xce\xa3" }, { 0x54, "\xce\xa4" }, { 0x55, "\xce\xa5" },
	{ 0x56, "\xcf\x82" }, { 0x57, "\xce\xa9" }, { 0x58, "\xce\x9e" },
	{ 0x59, "\xce\xa8" }, { 0x5a, "\xce\x96" },
	{ 0x5c, "\xe2\x88\xb4" }, /* ∴ */ { 0x5e, "\xe2\x8a\xa5" }, /* ⊥ */
	{ 0x61, "\xce\xb1" }, { 0x62, "\xce\xb2" }, { 0x63, "\xcf\x87" },
	{ 0x64, "\xce\xb4" }, { 0x65, "\xce\xb5" }, { 0x66, "\xcf\x86" },
	{ 0x67, "\xce\xb3" }, { 0x68, "\xce\xb7" }, { 0x69, "\xce\xb9" },
	{ 0x6a, "\xcf\x95" }, { 0x6b, "\xce\xba" }, { 0x6c, "\xce\xbb" },
	{ 0x6d, "\xce\xbc" }, { 0x6e, "\xce\xbd" }, { 0x6f, "\xce\xbf" },
	{ 0x70, "\xcf\x80" }, { 0x71, "\xce\xb8" }, { 0x72, "\xcf\x81" },
	{ 0x73, "\xcf\x83" }, { 0x74, "\xcf\x84" }, { 0x75, "\xcf\x85" },
	{ 0x76, "\xcf\x96" }, { 0x77, "\xcf\x89" }, { 0x78, "\xce\xbe" },
	{ 0x79, "\xcf\x88" }, { 0x7a, "\xce\xb6" },
	{ 0x7e, "\xe2\x88\xbc" }, /* ∼ */
	{ 0xa2, "\xe2\x80\xb2" }, /* ′ */ { 0xa3, "\xe2\x89\xa4" }, /* ≤ */
	{ 0xa4, "\xe2\x81\x84" }, /* ⁄ */ { 0xa5, "\xe2\x88\x9e" }, /* ∞ */
	{ 0xa6, "\xc6\x92" },     /* ƒ */ { 0xa7, "\xe2\x99\xa3" }, /* ♣ */
	{ 0xa8, "\xe2\x99\xa6" }, /* ♦ */ { 0xa9, "\xe2\x99\xa5" }, /* ♥ */
	{ 0xaa, "\xe2\x99\xa0" }, /* ♠ */ { 0xab, "\xe2\x86\x94" }, /* ↔ */
	{ 0xac, "\xe2\x86\x90" }, /* ← */ { 0xad, "\xe2\x86\x91" }, /* ↑ */
	{ 0xae, "\xe2\x86\x92" }, /* → */ { 0xaf, "\xe2\x86\x93" }, /* ↓ */
	{ 0xb0, "\xc2\xb0" },     /* ° */ { 0xb1, "\xc2\xb1" },     /* ± */
	{ 0xb2, "\xe2\x80\xb3" }, /* ″ */ { 0xb3, "\xe2\x89\xa5" }, /* ≥ */
	{ 0xb4, "\xc3\x97" },     /* × */ { 0xb5, "\xe2\x88\x9d" }, /* ∝ */
	{ 0xb6, "\xe2\x88\x82" }, /* ∂ */ { 0xb7, "\xe2\x80\xa2" }, /* • */
	{ 0xb8, "\xc3\xb7" },     /* ÷ */ { 0xb9, "\xe2\x89\xa0" }, /* ≠ */
	{ 0xba, "\xe2\x89\xa1" }, /* ≡ */ { 0xbb, "\xe2\x89\x88" }, /* ≈ */
	{ 0xbc, "\xe2\x80\xa6" }, /* … */ { 0xc0, "\xe2\x84\xb5" }, /* ℵ */
	{ 0xc4, "\xe2\x8a\x97" }, /* ⊗ */ { 0xc5, "\xe2\x8a\x95" }, /* ⊕ */
	{ 0xc6, "\xe2\x88\x85" }, /* ∅ */ { 0xc7, "\xe2\x88\xa9" }, /* ∩ */
	{ 0xc8, "\xe2\x88\xaa" }, /* ∪ */ { 0xc9, "\xe2\x8a\x83" }, /* ⊃ */
	{ 0xca, "\xe2\x8a\x87" }, /* ⊇ */ { 0xcb, "\xe2\x8a\x84" }, /* ⊄ */
	{ 0xcc, "\xe2\x8a\x82" }, /* ⊂ */ { 0xcd, "\xe2\x8a\x86" }, /* ⊆ */
	{ 0xce, "\xe2\x88\x88" }, /* ∈ */ { 0xcf, "\xe2\x88\x89" }, /* ∉ */
	{ 0xd0, "\xe2\x88\xa0" }, /* ∠ */ { 0xd1, "\xe2\x88\x87" }, /* ∇ */
	{ 0xd2, "\xc2\xae" },     /* ® */ { 0xd3, "\xc2\xa9" },     /* © */
	{ 0xd4, "\xe2\x84\xa2" }, /* ™ */ { 0xd5, "\xe2\x88\x8f" }, /* ∏ */
	{ 0xd6, "\xe2\x88\x9a" }, /* √ */ { 0xd7, "\xe2\x8b\x85" }, /* ⋅ */
	{ 0xd8, "\xc2\xac" },     /* ¬ */ { 0xd9, "\xe2\x88\xa7" }, /* ∧ */
	{ 0xda, "\xe2\x88\xa8" }, /* ∨ */ { 0xdb, "\xe2\x87\x94" }, /* ⇔ */
	{ 0xdc, "\xe2\x87\x90" }, /* ⇐ */ { 0xdd, "\xe2\x87\x91" }, /* ⇑ */
	{ 0xde, "\xe2\x87\x92" }, /* ⇒ */ { 0xdf, "\xe2\x87\x93" }, /* ⇓ */
	{ 0xe0, "\xe2\x97\x8a" }, /* ◊ */ { 0xe1, "\xe2\x8c\xa9" }, /* 〈 */
	{ 0xe2, "\xc2\xae" },     /* ® */ { 0xe3, "\xc2\xa9" },     /* © */
	{ 0xe4, "\xe2\x84\xa2" }, /* ™ */ { 0xe5, "\xe2\x88\x91" }, /* ∑ */
	{ 0xf1, "\xe2\x8c\xaa" }, /* 〉 */ { 0xf2, "\xe2\x88\xab" }, /* ∫ */
};

/* Wingdings: the glyphs that turn up as bullets and ticks. */
static const struct glyph wingdings_font[] = {
	{ 0x6c, "\xe2\x97\x8f" }, /* ● */ { 0x6e, "\xe2\x96\xa0" }, /* ■ */
	{ 0x6f, "\xe2\x96\xa1" }, /* □ */ { 0x71, "\xe2\x9d\x91" }, /* ❑ */
	{ 0x75, "\xe2\x97\x86" }, /* ◆ */ { 0x76, "\xe2\x9d\x96" }, /* ❖ */
	{ 0x9f, "\xe2\x80\xa2" }, /* • */ { 0xa1, "\xe2\x97\x8b" }, /* ○ */
	{ 0xa7, "\xe2\x96\xaa" }, /* ▪ */ { 0xa8, "\xe2\x97\xbb" }, /* ◻ */
	{ 0xd8, "\xe2\x9e\xa2" }, /* ➢ */ { 0xe0, "\xe2\x86\x92" }, /* → */
	{ 0xe8, "\xe2\x9e\x94" }, /* ➔ */ { 0xf0, "\xe2\x87\xa8" }, /* ⇨ */
	{ 0xfb, "\xe2\x9c\x97" }, /* ✗ */ { 0xfc, "\xe2\x9c\x93" }, /* ✓ */
	{ 0xfd, "\xe2\x98\x92" }, /* ☒ */ { 0xfe, "\xe2\x98\x91" }, /* ☑ */
};

static const char *
lookup(const struct glyph *t, size_t n, unsigned int code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].utf8;
	return NULL;
}

const char *
lsn_symbol_glyph(const char *font, unsigned int code)
{
	int	 pua = code >= 0xF000 && code <= 0xF0FF;

	if (pua)
		code -= 0xF000;
	if (code > 0xFF)
		return NULL;
	if (font != NULL && strncasecmp(font, "Wingdings", 9) == 0)
		return lookup(wingdings_font, sizeof(wingdings_font) /
		    sizeof(wingdings_font[0]), code);
	if ((font != NULL && strcasecmp(font, "Symbol") == 0) || pua) {
		/* Codes not in the table are Latin-1 in Symbol too: the
		 * caller keeps the character as it is. */
		return lookup(symbol_font, sizeof(symbol_font) /
		    sizeof(symbol_font[0]), code);
	}
	return NULL;
}

/*
 * The superscript or subscript form of code point cp, or 0. The
 * characters pandoc's plain writer maps too (digits, + - = ( ) and the
 * minus sign): Unicode's letters of the kind are phonetic modifiers,
 * not a superscript a reader of the document would expect.
 */
static unsigned int
script_cp(int super, unsigned int cp)
{
	static const unsigned int sup_digit[10] = {
		0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076,
		0x2077, 0x2078, 0x2079
	};

	if (cp >= '0' && cp <= '9')
		return super ? sup_digit[cp - '0'] : 0x2080 + (cp - '0');
	switch (cp) {
	case '+':
		return super ? 0x207A : 0x208A;
	case '-':
	case 0x2212:
		return super ? 0x207B : 0x208B;
	case '=':
		return super ? 0x207C : 0x208C;
	case '(':
		return super ? 0x207D : 0x208D;
	case ')':
		return super ? 0x207E : 0x208E;
	}
	return 0;
}

int
lsn_script_text(int super, const char *s, size_t n, struct lsn_buf *out)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	unsigned int		 to;
	size_t			 i = 0;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || (to = script_cp(super, (unsigned int)cp)) == 0)
			return 0;
		if (lsn_buf_put_cp(out, to) == -1)
			return -1;
		i += (size_t)k;
	}
	return 1;
}
