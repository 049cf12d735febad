/* SPDX-License-Identifier: MIT */
/*
 * labels.c: number labels ("3.1", "a)", "(iv)", "II.") parsed, typed
 * numbers at the start of text, bullets told from numbers; the table of
 * cover labels in ITU's six languages and the header lines built of
 * them (groups, study period, language names).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/labels.h"
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

/* ------------------------------------------------------------------ */
/* Cover labels in ITU's six languages                                 */

/*
 * One row per label and language, as ITU's LS and TD templates, Rec.
 * ITU-T A.1's Figure 1-1 and other bodies' liaison letters write them.
 * lang NULL: the same word in several languages ("Source", "Contact",
 * "Question(s)", "Fax"), which says nothing of the document's language.
 */
static const struct cover_label {
	const char		*label;
	const char		*lang;
	enum lsn_cover_field	 field;
} cover_labels[] = {
	/* English */
	{ "question(s)", NULL, LSN_CF_QUESTIONS },
	{ "questions", NULL, LSN_CF_QUESTIONS },
	{ "question", NULL, LSN_CF_QUESTIONS },
	{ "source", NULL, LSN_CF_SOURCE },
	{ "from", "en", LSN_CF_SOURCE },
	{ "title", "en", LSN_CF_TITLE },
	{ "subject", "en", LSN_CF_TITLE },
	{ "purpose", "en", LSN_CF_PURPOSE },
	{ "for action to", "en", LSN_CF_FOR_ACTION },
	{ "for action", "en", LSN_CF_FOR_ACTION },
	{ "action to", "en", LSN_CF_FOR_ACTION },
	{ "for comment to", "en", LSN_CF_FOR_COMMENT },
	{ "for comments to", "en", LSN_CF_FOR_COMMENT },
	{ "for comment", "en", LSN_CF_FOR_COMMENT },
	{ "for comments", "en", LSN_CF_FOR_COMMENT },
	{ "for information to", "en", LSN_CF_FOR_INFORMATION },
	{ "for information", "en", LSN_CF_FOR_INFORMATION },
	{ "for info to", "en", LSN_CF_FOR_INFORMATION },
	{ "for info", "en", LSN_CF_FOR_INFORMATION },
	{ "approval", "en", LSN_CF_APPROVAL },
	{ "approved", "en", LSN_CF_APPROVAL },
	{ "deadline", "en", LSN_CF_DEADLINE },
	{ "contact", NULL, LSN_CF_CONTACT },
	{ "contacts", "en", LSN_CF_CONTACT },
	{ "contact(s)", "en", LSN_CF_CONTACT },
	{ "contact person", "en", LSN_CF_CONTACT },
	{ "contact persons", "en", LSN_CF_CONTACT },
	{ "abstract", "en", LSN_CF_ABSTRACT },
	{ "summary", "en", LSN_CF_ABSTRACT },
	{ "meeting", "en", LSN_CF_MEETING },
	{ "meeting, date", "en", LSN_CF_MEETING },
	{ "place and date", "en", LSN_CF_MEETING },
	{ "document", "en", LSN_CF_DOCUMENT },
	{ "study period", "en", LSN_CF_STUDY_PERIOD },
	{ "date", NULL, LSN_CF_DATE },
	{ "submission date", "en", LSN_CF_DATE },
	{ "reply to", "en", LSN_CF_REPLY_TO },
	{ "in reply to", "en", LSN_CF_REPLY_TO },
	{ "response to", "en", LSN_CF_REPLY_TO },
	{ "original", NULL, LSN_CF_ORIGINAL },
	{ "study group", "en", LSN_CF_STUDY_GROUP },
	{ "working party", "en", LSN_CF_WORKING_PARTY },
	{ "to", "en", LSN_CF_TO },
	{ "cc", NULL, LSN_CF_CC },
	{ "tel", NULL, LSN_CF_TEL },
	{ "tel.", NULL, LSN_CF_TEL },
	{ "telephone", "en", LSN_CF_TEL },
	{ "phone", "en", LSN_CF_TEL },
	{ "mobile", "en", LSN_CF_TEL },
	{ "fax", NULL, LSN_CF_FAX },
	{ "fax.", NULL, LSN_CF_FAX },
	{ "e-mail", NULL, LSN_CF_EMAIL },
	{ "email", NULL, LSN_CF_EMAIL },
	{ "e-mail address", "en", LSN_CF_EMAIL },
	/* French */
	{ "titre", "fr", LSN_CF_TITLE },
	{ "objet", "fr", LSN_CF_PURPOSE },
	{ "pour action à", "fr", LSN_CF_FOR_ACTION },
	{ "pour action", "fr", LSN_CF_FOR_ACTION },
	{ "pour suite à donner", "fr", LSN_CF_FOR_ACTION },
	{ "pour observations à", "fr", LSN_CF_FOR_COMMENT },
	{ "pour observations", "fr", LSN_CF_FOR_COMMENT },
	{ "pour commentaires à", "fr", LSN_CF_FOR_COMMENT },
	{ "pour commentaires", "fr", LSN_CF_FOR_COMMENT },
	{ "pour information à", "fr", LSN_CF_FOR_INFORMATION },
	{ "pour information", "fr", LSN_CF_FOR_INFORMATION },
	{ "approbation", "fr", LSN_CF_APPROVAL },
	{ "date limite", "fr", LSN_CF_DEADLINE },
	{ "délai", "fr", LSN_CF_DEADLINE },
	{ "personne à contacter", "fr", LSN_CF_CONTACT },
	{ "résumé", "fr", LSN_CF_ABSTRACT },
	{ "réunion", "fr", LSN_CF_MEETING },
	{ "lieu et date", "fr", LSN_CF_MEETING },
	{ "période d'études", "fr", LSN_CF_STUDY_PERIOD },
	{ "réponse à", "fr", LSN_CF_REPLY_TO },
	{ "en réponse à", "fr", LSN_CF_REPLY_TO },
	{ "commission d'études", "fr", LSN_CF_STUDY_GROUP },
	{ "groupe de travail", "fr", LSN_CF_WORKING_PARTY },
	{ "destinataire", "fr", LSN_CF_TO },
	{ "destinataires", "fr", LSN_CF_TO },
	{ "copie", "fr", LSN_CF_CC },
	{ "tél", "fr", LSN_CF_TEL },
	{ "tél.", "fr", LSN_CF_TEL },
	{ "téléphone", "fr", LSN_CF_TEL },
	{ "télécopie", "fr", LSN_CF_FAX },
	{ "courriel", "fr", LSN_CF_EMAIL },
	{ "adresse électronique", "fr", LSN_CF_EMAIL },
	/* Spanish */
	{ "cuestión(es)", "es", LSN_CF_QUESTIONS },
	{ "cuestiones", "es", LSN_CF_QUESTIONS },
	{ "cuestión", "es", LSN_CF_QUESTIONS },
	{ "origen", "es", LSN_CF_SOURCE },
	{ "fuente", "es", LSN_CF_SOURCE },
	{ "título", "es", LSN_CF_TITLE },
	{ "propósito", "es", LSN_CF_PURPOSE },
	{ "objeto", "es", LSN_CF_PURPOSE },
	{ "para acción a", "es", LSN_CF_FOR_ACTION },
	{ "para acción", "es", LSN_CF_FOR_ACTION },
	{ "para comentarios a", "es", LSN_CF_FOR_COMMENT },
	{ "para comentarios", "es", LSN_CF_FOR_COMMENT },
	{ "para información a", "es", LSN_CF_FOR_INFORMATION },
	{ "para información", "es", LSN_CF_FOR_INFORMATION },
	{ "aprobación", "es", LSN_CF_APPROVAL },
	{ "plazo", "es", LSN_CF_DEADLINE },
	{ "fecha límite", "es", LSN_CF_DEADLINE },
	{ "contacto", "es", LSN_CF_CONTACT },
	{ "resumen", "es", LSN_CF_ABSTRACT },
	{ "reunión", "es", LSN_CF_MEETING },
	{ "lugar y fecha", "es", LSN_CF_MEETING },
	{ "periodo de estudios", "es", LSN_CF_STUDY_PERIOD },
	{ "período de estudios", "es", LSN_CF_STUDY_PERIOD },
	{ "fecha", "es", LSN_CF_DATE },
	{ "respuesta a", "es", LSN_CF_REPLY_TO },
	{ "en respuesta a", "es", LSN_CF_REPLY_TO },
	{ "comisión de estudio", "es", LSN_CF_STUDY_GROUP },
	{ "comisión de estudios", "es", LSN_CF_STUDY_GROUP },
	{ "grupo de trabajo", "es", LSN_CF_WORKING_PARTY },
	{ "destinatario", "es", LSN_CF_TO },
	{ "destinatarios", "es", LSN_CF_TO },
	{ "copia", "es", LSN_CF_CC },
	{ "teléfono", "es", LSN_CF_TEL },
	{ "correo-e", "es", LSN_CF_EMAIL },
	{ "correo electrónico", "es", LSN_CF_EMAIL },
	/* Russian */
	{ "вопрос(ы)", "ru", LSN_CF_QUESTIONS },
	{ "вопросы", "ru", LSN_CF_QUESTIONS },
	{ "вопрос", "ru", LSN_CF_QUESTIONS },
	{ "источник", "ru", LSN_CF_SOURCE },
	{ "название", "ru", LSN_CF_TITLE },
	{ "тема", "ru", LSN_CF_TITLE },
	{ "цель", "ru", LSN_CF_PURPOSE },
	{ "для принятия мер", "ru", LSN_CF_FOR_ACTION },
	{ "для действий", "ru", LSN_CF_FOR_ACTION },
	{ "для комментариев", "ru", LSN_CF_FOR_COMMENT },
	{ "для замечаний", "ru", LSN_CF_FOR_COMMENT },
	{ "для информации", "ru", LSN_CF_FOR_INFORMATION },
	{ "утверждение", "ru", LSN_CF_APPROVAL },
	{ "одобрение", "ru", LSN_CF_APPROVAL },
	{ "предельный срок", "ru", LSN_CF_DEADLINE },
	{ "срок", "ru", LSN_CF_DEADLINE },
	{ "для контактов", "ru", LSN_CF_CONTACT },
	{ "контактное лицо", "ru", LSN_CF_CONTACT },
	{ "контакт", "ru", LSN_CF_CONTACT },
	{ "резюме", "ru", LSN_CF_ABSTRACT },
	{ "аннотация", "ru", LSN_CF_ABSTRACT },
	{ "собрание", "ru", LSN_CF_MEETING },
	{ "место и дата", "ru", LSN_CF_MEETING },
	{ "исследовательский период", "ru", LSN_CF_STUDY_PERIOD },
	{ "дата", "ru", LSN_CF_DATE },
	{ "ответ на", "ru", LSN_CF_REPLY_TO },
	{ "оригинал", "ru", LSN_CF_ORIGINAL },
	{ "исследовательская комиссия", "ru", LSN_CF_STUDY_GROUP },
	{ "рабочая группа", "ru", LSN_CF_WORKING_PARTY },
	{ "кому", "ru", LSN_CF_TO },
	{ "копия", "ru", LSN_CF_CC },
	{ "тел", "ru", LSN_CF_TEL },
	{ "тел.", "ru", LSN_CF_TEL },
	{ "телефон", "ru", LSN_CF_TEL },
	{ "факс", "ru", LSN_CF_FAX },
	{ "эл. почта", "ru", LSN_CF_EMAIL },
	{ "электронная почта", "ru", LSN_CF_EMAIL },
	/* Arabic */
	{ "المسألة (المسائل)", "ar", LSN_CF_QUESTIONS },
	{ "المسائل", "ar", LSN_CF_QUESTIONS },
	{ "المسألة", "ar", LSN_CF_QUESTIONS },
	{ "المصدر", "ar", LSN_CF_SOURCE },
	{ "العنوان", "ar", LSN_CF_TITLE },
	{ "الغرض", "ar", LSN_CF_PURPOSE },
	{ "للعمل", "ar", LSN_CF_FOR_ACTION },
	{ "للتعليق", "ar", LSN_CF_FOR_COMMENT },
	{ "للعلم", "ar", LSN_CF_FOR_INFORMATION },
	{ "للمعلومات", "ar", LSN_CF_FOR_INFORMATION },
	{ "الموافقة", "ar", LSN_CF_APPROVAL },
	{ "الموعد النهائي", "ar", LSN_CF_DEADLINE },
	{ "جهة الاتصال", "ar", LSN_CF_CONTACT },
	{ "ملخص", "ar", LSN_CF_ABSTRACT },
	{ "الاجتماع", "ar", LSN_CF_MEETING },
	{ "فترة الدراسة", "ar", LSN_CF_STUDY_PERIOD },
	{ "التاريخ", "ar", LSN_CF_DATE },
	{ "رداً على", "ar", LSN_CF_REPLY_TO },
	{ "الأصل", "ar", LSN_CF_ORIGINAL },
	{ "لجنة الدراسات", "ar", LSN_CF_STUDY_GROUP },
	{ "فرقة العمل", "ar", LSN_CF_WORKING_PARTY },
	{ "الهاتف", "ar", LSN_CF_TEL },
	{ "الفاكس", "ar", LSN_CF_FAX },
	{ "البريد الإلكتروني", "ar", LSN_CF_EMAIL },
	/* Chinese */
	{ "课题", "zh", LSN_CF_QUESTIONS },
	{ "来源", "zh", LSN_CF_SOURCE },
	{ "标题", "zh", LSN_CF_TITLE },
	{ "目的", "zh", LSN_CF_PURPOSE },
	{ "供采取行动", "zh", LSN_CF_FOR_ACTION },
	{ "供评论", "zh", LSN_CF_FOR_COMMENT },
	{ "供参考", "zh", LSN_CF_FOR_INFORMATION },
	{ "供了解", "zh", LSN_CF_FOR_INFORMATION },
	{ "批准", "zh", LSN_CF_APPROVAL },
	{ "截止日期", "zh", LSN_CF_DEADLINE },
	{ "联系人", "zh", LSN_CF_CONTACT },
	{ "摘要", "zh", LSN_CF_ABSTRACT },
	{ "会议", "zh", LSN_CF_MEETING },
	{ "研究期", "zh", LSN_CF_STUDY_PERIOD },
	{ "日期", "zh", LSN_CF_DATE },
	{ "答复", "zh", LSN_CF_REPLY_TO },
	{ "原文", "zh", LSN_CF_ORIGINAL },
	{ "研究组", "zh", LSN_CF_STUDY_GROUP },
	{ "工作组", "zh", LSN_CF_WORKING_PARTY },
	{ "电话", "zh", LSN_CF_TEL },
	{ "传真", "zh", LSN_CF_FAX },
	{ "电子邮件", "zh", LSN_CF_EMAIL },
};

/* Spaces (of any kind) at s[k..len): the offset after them. */
static size_t
skip_spaces(const char *s, size_t len, size_t k)
{
	int32_t	 cp;
	size_t	 n;

	while (k < len) {
		n = lsn_utf8_decode(s + k, len - k, &cp);
		if (!lsn_is_space(cp))
			break;
		k += n;
	}
	return k;
}

/* A colon at s[k]: ASCII or full-width (U+FF1A); its bytes or 0. */
static size_t
colon_at(const char *s, size_t len, size_t k)
{
	if (k < len && s[k] == ':')
		return 1;
	if (k + 3 <= len && memcmp(s + k, "\xef\xbc\x9a", 3) == 0)
		return 3;
	return 0;
}

/*
 * The bytes a label of n bytes at the start of s[0..len) takes with its
 * colon and the spaces around it, or 0 when no colon follows it. Without
 * need_colon a label alone on its line needs none.
 */
static size_t
label_taken(const char *s, size_t len, size_t n, int need_colon)
{
	size_t	 k = skip_spaces(s, len, n), c;

	if ((c = colon_at(s, len, k)) > 0)
		return skip_spaces(s, len, k + c);
	/* "Titles of..." is no label; nor is "Source" with text after it
	 * and no colon. */
	return need_colon || k < len ? 0 : k;
}

enum lsn_cover_field
lsn_cover_label(const char *s, size_t len, int need_colon, size_t *taken,
    const char **lang)
{
	size_t			 i, n, k, best_n = 0;
	const struct cover_label *best = NULL;
	unsigned char		 s0 = len > 0 ? (unsigned char)s[0] : 0, l0;

	for (i = 0; i < sizeof(cover_labels) / sizeof(cover_labels[0]); i++) {
		/* Text opening with an ASCII character matches only the
		 * labels opening with it: one test rules out most rows
		 * (no label opens with a character that folds to ASCII). */
		l0 = (unsigned char)cover_labels[i].label[0];
		if (s0 < 0x80 && (l0 >= 0x80 || tolower(l0) != tolower(s0)))
			continue;
		if ((n = lsn_prefix_fold(s, len, cover_labels[i].label)) == 0 ||
		    n <= best_n || (k = label_taken(s, len, n, need_colon)) == 0)
			continue;
		best = &cover_labels[i];
		best_n = n;
		*taken = k;
	}
	if (best == NULL)
		return LSN_CF_NONE;
	if (lang != NULL)
		*lang = best->lang;
	return best->field;
}

/* Rows of a TD cover with no field in the model (Arabic left out: its
 * form in ITU's templates is not known here). */
static const char *const row_labels[] = {
	"keywords", "mots cl\xc3\xa9s", "mots-cl\xc3\xa9s", "palabras clave",
	"\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb5\xd0\xb2\xd1\x8b\xd0\xb5 "
	"\xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0",		/* ключевые слова */
	"\xe5\x85\xb3\xe9\x94\xae\xe8\xaf\x8d",			/* 关键词 */
};

size_t
lsn_cover_row_label(const char *s, size_t len)
{
	size_t	 i, n, k;

	for (i = 0; i < sizeof(row_labels) / sizeof(row_labels[0]); i++)
		if ((n = lsn_prefix_fold(s, len, row_labels[i])) > 0 &&
		    (k = label_taken(s, len, n, 1)) > 0)
			return k;
	return 0;
}

enum lsn_cover_field
lsn_cover_purpose(const char *s, size_t len)
{
	enum lsn_cover_field	 f;
	size_t			 taken;

	while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	f = lsn_cover_label(s, len, 0, &taken, NULL);
	return f == LSN_CF_FOR_ACTION || f == LSN_CF_FOR_COMMENT ||
	    f == LSN_CF_FOR_INFORMATION ? f : LSN_CF_NONE;
}

/* The document types a cover names on a line of their own. */
static const char *const doctypes[] = {
	"liaison statement", "td", "temporary document", "contribution",
	"déclaration de liaison", "document temporaire",
	"declaración de coordinación", "documento temporal", "contribución",
	"заявление о взаимодействии", "временный документ", "вклад",
	"بيان اتصال", "وثيقة مؤقتة", "مساهمة",
	"联络声明", "临时文件", "文稿",
};

int
lsn_cover_doctype(const char *s, size_t len)
{
	size_t	 i;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	for (i = 0; i < sizeof(doctypes) / sizeof(doctypes[0]); i++)
		if (len > 0 && lsn_prefix_fold(s, len, doctypes[i]) == len)
			return 1;
	return 0;
}

/* 1 when a reply's words may start at s[i]: the title's start, a
 * bracket, or after a dash, colon or comma ("Object Identifier
 * Registration – Reply to liaison statement from WP 5/4"), not in the
 * middle of a phrase ("how to reply to a survey"). */
static int
reply_start(const char *s, size_t i)
{
	if (i == 0 || s[i - 1] == '(')
		return 1;
	if (i < 2 || s[i - 1] != ' ')
		return 0;
	if (strchr("-:;,", s[i - 2]) != NULL)
		return 1;
	/* en and em dash */
	return i >= 4 && memcmp(s + i - 4, "\xe2\x80", 2) == 0 &&
	    (s[i - 2] == '\x93' || s[i - 2] == '\x94');
}

size_t
lsn_reply_phrase(const char *s, size_t len, size_t *at)
{
	size_t	 i, k, n;

	for (i = 0; i < len; i++) {
		if (!reply_start(s, i))
			continue;
		for (k = 0; k < sizeof(cover_labels) / sizeof(cover_labels[0]);
		    k++) {
			if (cover_labels[k].field != LSN_CF_REPLY_TO ||
			    (n = lsn_prefix_fold(s + i, len - i,
			    cover_labels[k].label)) == 0 ||
			    i + n >= len || s[i + n] != ' ')
				continue;
			*at = i;
			return skip_spaces(s, len, i + n);
		}
	}
	return 0;
}

/* The names of the six languages in each of them. */
static const struct {
	const char	*name;
	const char	*code;
} language_names[] = {
	{ "english", "en" }, { "anglais", "en" }, { "inglés", "en" },
	{ "английский", "en" }, { "الإنكليزية", "en" },
	{ "الإنجليزية", "en" }, { "英文", "en" },
	{ "french", "fr" }, { "français", "fr" }, { "francés", "fr" },
	{ "французский", "fr" }, { "الفرنسية", "fr" }, { "法文", "fr" },
	{ "spanish", "es" }, { "espagnol", "es" }, { "español", "es" },
	{ "испанский", "es" }, { "الإسبانية", "es" }, { "西班牙文", "es" },
	{ "russian", "ru" }, { "russe", "ru" }, { "ruso", "ru" },
	{ "русский", "ru" }, { "الروسية", "ru" }, { "俄文", "ru" },
	{ "arabic", "ar" }, { "arabe", "ar" }, { "árabe", "ar" },
	{ "арабский", "ar" }, { "العربية", "ar" }, { "阿拉伯文", "ar" },
	{ "chinese", "zh" }, { "chinois", "zh" }, { "chino", "zh" },
	{ "китайский", "zh" }, { "الصينية", "zh" }, { "中文", "zh" },
};

const char *
lsn_language_code(const char *s, size_t len)
{
	size_t	 i, n;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '.'))
		len--;
	for (i = 0; i < sizeof(language_names) / sizeof(language_names[0]);
	    i++)
		if ((n = lsn_prefix_fold(s, len, language_names[i].name)) > 0 &&
		    n == len)
			return language_names[i].code;
	return NULL;
}

/* Bytes of the longest label of field f at the start of s, colon or
 * not ("STUDY PERIOD 2025-2028", "STUDY GROUP 16"); 0 for none. */
static size_t
label_words(const char *s, size_t len, enum lsn_cover_field f)
{
	size_t	 i, n, best = 0;

	for (i = 0; i < sizeof(cover_labels) / sizeof(cover_labels[0]); i++)
		if (cover_labels[i].field == f &&
		    (n = lsn_prefix_fold(s, len, cover_labels[i].label)) > best)
			best = n;
	return best;
}

/* The advisory group's name in the six languages: "TSAG". */
static const char *const tsag_names[] = {
	"telecommunication standardization advisory group",
	"groupe consultatif de la normalisation des télécommunications",
	"grupo asesor de normalización de las telecomunicaciones",
	"консультативная группа по стандартизации электросвязи",
	"الفريق الاستشاري لتقييس الاتصالات",
	"电信标准化顾问组",
};

int
lsn_group_line(const char *s, size_t len, char *out, size_t size)
{
	size_t		 i, n, k, e;
	const char	*prefix = "SG";

	n = lsn_prefix_ci(s, "ITU-T ");
	if (n > len)
		n = 0;
	s += n;
	len -= n;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	for (i = 0; i < sizeof(tsag_names) / sizeof(tsag_names[0]); i++)
		if (lsn_prefix_fold(s, len, tsag_names[i]) == len && len > 0) {
			snprintf(out, size, "TSAG");
			return 1;
		}
	if ((n = label_words(s, len, LSN_CF_STUDY_GROUP)) == 0) {
		if ((n = label_words(s, len, LSN_CF_WORKING_PARTY)) == 0)
			return 0;
		prefix = "WP";
	}
	/* "16", "1/17": digits with at most one slash, and no more */
	k = skip_spaces(s, len, n);
	for (e = k; e < len && (isdigit((unsigned char)s[e]) ||
	    (s[e] == '/' && e > k)); e++)
		;
	if (e == k || e != len || e - k + 3 > size)
		return 0;
	snprintf(out, size, "%s%.*s", prefix, (int)(e - k), s + k);
	return 1;
}

size_t
lsn_study_period_line(const char *s, size_t len, size_t *n)
{
	size_t	 a, e;

	if ((a = label_words(s, len, LSN_CF_STUDY_PERIOD)) == 0)
		return 0;
	for (; a < len && !isdigit((unsigned char)s[a]); a++)
		if (s[a] != ' ' && s[a] != ':')
			return 0;
	for (e = len; e > a && !isdigit((unsigned char)s[e - 1]); e--)
		;
	if (e < a + 4)
		return 0;
	*n = e - a;
	return a;
}
