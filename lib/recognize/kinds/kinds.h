/* SPDX-License-Identifier: MIT */
/*
 * kinds.h: document kinds behind one interface, and their registry.
 *
 * A kind is what a whole document is (document/@kind) or, for some, what
 * an annex is (annex/@kind): a Question, a ToR, a liaison statement, a
 * report, or the generic document. Each lives in its own file here and
 * fills one struct lsn_kind; kinds.c lists them in lsn_kinds[]. Adding a
 * kind is one file, one row in that table, and its value in the schema
 * (doc-kind in schemas/liaison.rnc, and annex/@kind if annexes can be one).
 *
 * The passes ask the registry, never a kind by name:
 *   structure.c  the first line of the main part: lsn_kind_of_title();
 *                the kind's build on the root at the end; each annex:
 *                lsn_kind_build_part();
 *   titlepage.c  the heading of the title page or of the text's first
 *                page ("Recommendation ITU-T Y.3507"): lsn_kind_of_heading();
 *   recognize.c  the document's kind once the model is built:
 *                lsn_kind_of_document().
 */
#ifndef LSN_KINDS_H
#define LSN_KINDS_H

#include <stddef.h>

#include "recognize/lines.h"

/* Room for an ITU identifier ("P.340 Amd.1", "Q Suppl. 62") and an
 * edition ("10/2016", "Rev. Hammamet, 2016"), with their NULs. */
#define LSN_KIND_NUMBER_SIZE	64

/*
 * What the heading of a title page or first page says of the document
 * (kinds' claim_heading fills it; titlepage.c reads it).
 */
struct lsn_heading {
	/* ITU's identifier of the text: "Y.3507", "Q Suppl. 62",
	 * "G.Imp729", "Resolution 1"; a part ("Amd.1") may be added. */
	char		 number[LSN_KIND_NUMBER_SIZE];
	/* The edition when the heading dates the text itself ("Erratum
	 * (03/2017) to ..."), else "". */
	char		 edition[LSN_KIND_NUMBER_SIZE];
	/* The language of the heading's words ("en", "fr", ...), or NULL. */
	const char	*language;
	/* Bytes of the line the heading takes; the title may follow in the
	 * rest of the line, else it is the next paragraph. */
	size_t		 taken;
	/* > 0: the heading is its own title, its first so many bytes. */
	size_t		 title_len;
	/* 1: a part may follow the title ("Amendment 1", "Annex F1"), see
	 * lsn_kind_rec_part(). */
	int		 parts;
};

struct lsn_kind {
	/* The kind's value of document/@kind and, for kinds an annex can
	 * be, annex/@kind (the schema's doc-kind). */
	const char	*name;
	/*
	 * Does the first line of a document's main part (s, len bytes; a
	 * paragraph without a label) name the document this kind ("Question
	 * 10/17 – ...", "Terms of Reference of ...")? A confidence, 0 for no.
	 * NULL: the kind is never named by its first line.
	 */
	int		(*claim_title)(const char *s, size_t len);
	/*
	 * Does a title stop after the kind's number, its words on the next
	 * line ("Question 10/17")? 1 or 0; NULL: never.
	 */
	int		(*title_continues)(const char *s, size_t len);
	/*
	 * Builds the kind's element (<question>, <terms-of-reference>) in
	 * container (the root or an <annex>) from its plain-text title and
	 * note (a parenthetical line after the title, or NULL), and gives
	 * the container's sections their roles. Returns 1 when built, 0 when
	 * the title is not of this kind after all (nothing added then).
	 * NULL: the kind has no element of its own.
	 */
	int		(*build)(struct lsn_rctx *r, lsn_node *container,
			    const char *title, const char *note);
	/*
	 * Once the model is built (meta, abstract, sections): does it claim
	 * the document as this kind? A confidence, 0 for no. NULL: never.
	 */
	int		(*claim_model)(struct lsn_rctx *r, lsn_node *root);
	/*
	 * Is the line s (len bytes, spaces collapsed, NUL after them) the
	 * heading of a title page or first page naming the document this
	 * kind ("Recommendation ITU-T Y.3507", "Supplement 62 to ITU-T
	 * Q-series Recommendations", "RESOLUTION 1 (Rev. Hammamet, 2016)")?
	 * Fills h and returns 1, else 0. NULL: no such heading.
	 */
	int		(*claim_heading)(const char *s, size_t len,
			    struct lsn_heading *h);
};

/* The kinds, one file each (kinds/NAME.c). */
extern const struct lsn_kind lsn_kind_question;
extern const struct lsn_kind lsn_kind_tor;
extern const struct lsn_kind lsn_kind_ls;
extern const struct lsn_kind lsn_kind_report;
extern const struct lsn_kind lsn_kind_recommendation;
extern const struct lsn_kind lsn_kind_supplement;
extern const struct lsn_kind lsn_kind_implementers_guide;
extern const struct lsn_kind lsn_kind_resolution;
extern const struct lsn_kind lsn_kind_document;

/*
 * The registry, NULL-terminated, in order of precedence: where two kinds
 * claim with the same confidence the earlier row wins. The generic
 * document comes last and is the kind of whatever nothing else claims.
 */
extern const struct lsn_kind *const lsn_kinds[];

/* The kind the first line of a main part names (s, len bytes), or NULL. */
const struct lsn_kind *lsn_kind_of_title(const char *s, size_t len);

/* 1 when some kind's title stops after its number (s, len bytes). */
int	lsn_kind_title_continues(const char *s, size_t len);

/*
 * Builds the annex's kind from its title and note: the first kind of the
 * registry whose build accepts it, which also sets annex/@kind. Returns
 * that kind, or NULL when no kind builds (the annex keeps its kind).
 */
const struct lsn_kind *lsn_kind_build_part(struct lsn_rctx *r,
	    lsn_node *annex, const char *title, const char *note);

/*
 * The value of document/@kind: `built` (the kind built on the root from
 * the first line, or NULL), else the registry's best claim_model, else
 * the generic document's. A static string.
 */
const char *lsn_kind_of_document(struct lsn_rctx *r, lsn_node *root,
	    const struct lsn_kind *built);

/*
 * The kind whose heading the line s (len bytes) is, h filled (see
 * claim_heading), or NULL.
 */
const struct lsn_kind *lsn_kind_of_heading(const char *s, size_t len,
	    struct lsn_heading *h);

/* Helpers for the kinds' claims. */

/* 1 when the plain text of element n (NULL: none) contains word,
 * ASCII case-insensitively. */
int	lsn_kind_mentions(struct lsn_rctx *r, lsn_node *n, const char *word);

/* The first paragraph of the body, or of the first section; or NULL. */
lsn_node *lsn_kind_first_paragraph(lsn_node *root);

/*
 * When s (len bytes) starts with one of words (ASCII case-insensitively;
 * other scripts as listed) followed by a space, the end or one of ":.,",
 * returns the bytes of the word and the spaces after it; else 0. Sets
 * *which to the index of the word found when which is not NULL.
 */
size_t	lsn_kind_word(const char *s, size_t len, const char *const words[],
	    size_t *which);

/*
 * When s (len bytes) starts with a Recommendation's number ("Y.3507",
 * "G.650.1", "J.fdx-req", "E.180/Q.35"; a Cyrillic series letter read as
 * the Latin one it looks like), writes it into out (cap bytes, NUL-
 * terminated) and returns the bytes it takes; else 0.
 */
size_t	lsn_kind_rec_number(const char *s, size_t len, char *out,
	    size_t cap);

/*
 * The part of a Recommendation that s (len bytes) starts with:
 * "Amendment 1" -> "Amd.1", "Corrigendum 2" -> "Cor.2", "Annex F1" ->
 * "Annex F1" (and their French, Spanish and Russian words), written
 * into out (cap bytes). Returns the bytes taken, or 0 (recommendation.c).
 */
size_t	lsn_kind_rec_part(const char *s, size_t len, char *out, size_t cap);

/*
 * The title in meta (a TD cover's, or the document property) past a
 * stage of approval and a draft's words: "Approval: Implementers'
 * Guide ..." and "Draft new Supplement ..." give the text's name.
 * In r's arena; NULL without a title.
 */
const char *lsn_kind_td_title(struct lsn_rctx *r, lsn_node *root);

/* The words that name ITU-T in ITU's languages: "ITU-T", "UIT-T",
 * "МСЭ-Т" (with a Latin or Cyrillic T). NULL-terminated. */
extern const char *const lsn_kind_itut[];

#endif
