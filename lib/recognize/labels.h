/* SPDX-License-Identifier: MIT */
/*
 * labels.h: the words of ITU cover sheets, TD headers and letter-style
 * liaison statements in ITU's six languages ("Source:", "Titre :",
 * "Источник:", "STUDY PERIOD", "Original: English"), as one table in
 * labels.c, and what a label or header line means.
 */
#ifndef LSN_LABELS_H
#define LSN_LABELS_H

#include <stddef.h>

/* What a cover label introduces. */
enum lsn_cover_field {
	LSN_CF_NONE = 0,
	LSN_CF_QUESTIONS, LSN_CF_SOURCE, LSN_CF_TITLE, LSN_CF_PURPOSE,
	LSN_CF_FOR_ACTION, LSN_CF_FOR_COMMENT, LSN_CF_FOR_INFORMATION,
	LSN_CF_APPROVAL, LSN_CF_DEADLINE, LSN_CF_CONTACT, LSN_CF_ABSTRACT,
	LSN_CF_MEETING, LSN_CF_DOCUMENT, LSN_CF_STUDY_PERIOD,
	LSN_CF_DATE,		/* the document's own date */
	LSN_CF_REPLY_TO,	/* the LS this one answers */
	LSN_CF_ORIGINAL,	/* "Original: English": the language */
	LSN_CF_STUDY_GROUP,	/* "Study Group: 16" (the skeleton's row) */
	LSN_CF_WORKING_PARTY,	/* "Working Party: 1" */
	LSN_CF_TO,		/* a letter's addressees ("To:") */
	LSN_CF_CC,		/* a letter's copies: for information */
	/* parts of a contact, in their own cells or lines */
	LSN_CF_TEL, LSN_CF_FAX, LSN_CF_EMAIL,
	LSN_CF_NFIELDS
};

/*
 * A cover label at the start of s[0..len): "Source:", "For action to:",
 * "Pour information :", "Вопрос(ы):", "QUESTIONS:". Case and accents as
 * written (capitals fold to small letters in every script); the colon
 * may be ASCII or full-width, after spaces. With need_colon the colon
 * must be there (paragraphs); without, a label alone in a cell may omit
 * it. Returns the field and, in *taken, the bytes of label, colon and
 * spaces; *lang (when not NULL) gets the label's language ("en", "fr",
 * "es", "ru", "ar", "zh"; NULL for a label all languages share).
 * The longest label wins ("For action to" over "For action").
 */
enum lsn_cover_field lsn_cover_label(const char *s, size_t len,
	    int need_colon, size_t *taken, const char **lang);

/*
 * A label of a cover row the model has no field for, at the start of
 * s[0..len) with its colon: a TD cover's "Keywords:" (English, French,
 * Spanish, Russian, Chinese). The row stays in the body, but its label
 * still ends the cell before it where an exporter glued the cells.
 * Returns the bytes of label, colon and the spaces after it (as
 * lsn_cover_label's *taken), or 0.
 */
size_t		 lsn_cover_row_label(const char *s, size_t len);

/* The field a purpose line names alone, as a letter writes it ("For
 * Information", "Pour action"): LSN_CF_FOR_ACTION, _FOR_COMMENT,
 * _FOR_INFORMATION, or LSN_CF_NONE. */
enum lsn_cover_field lsn_cover_purpose(const char *s, size_t len);

/* 1 when s[0..len) is a cover's document type alone: "LIAISON
 * STATEMENT", "TD", "DÉCLARATION DE LIAISON", "CONTRIBUTION" (six
 * languages). It stays in the body; no value goes on over it. */
int		 lsn_cover_doctype(const char *s, size_t len);

/* A reply's words ("reply to", "réponse à", "ответ на") in s[0..len),
 * where a title puts them (at its start, in brackets, after a dash,
 * colon or comma): their offset in *at, and the offset after them and
 * the spaces that follow; 0 for none. */
size_t		 lsn_reply_phrase(const char *s, size_t len, size_t *at);

/* The language code ("en", "fr", ...) a language's name gives in any
 * of the six languages ("English", "anglais", "английский"), or NULL. */
const char	*lsn_language_code(const char *s, size_t len);

/*
 * A header line naming a group: "STUDY GROUP 16" -> "SG16",
 * "TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP" -> "TSAG",
 * "WORKING PARTY 1/17" -> "WP1/17", in the six languages. Writes the
 * short form (NUL-terminated) into out[0..size) and returns 1, or 0.
 */
int		 lsn_group_line(const char *s, size_t len, char *out,
		    size_t size);

/* A "STUDY PERIOD 2025-2028" header line (six languages): returns the
 * offset of the years ("2025-2028") and their length in *n, or 0. */
size_t		 lsn_study_period_line(const char *s, size_t len, size_t *n);

#endif
