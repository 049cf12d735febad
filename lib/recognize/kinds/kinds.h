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
 *   recognize.c  the document's kind once the model is built:
 *                lsn_kind_of_document().
 */
#ifndef LSN_KINDS_H
#define LSN_KINDS_H

#include <stddef.h>

#include "recognize/lines.h"

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
};

/* The kinds, one file each (kinds/NAME.c). */
extern const struct lsn_kind lsn_kind_question;
extern const struct lsn_kind lsn_kind_tor;
extern const struct lsn_kind lsn_kind_ls;
extern const struct lsn_kind lsn_kind_report;
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

/* Helpers for the kinds' claims. */

/* 1 when the plain text of element n (NULL: none) contains word,
 * ASCII case-insensitively. */
int	lsn_kind_mentions(struct lsn_rctx *r, lsn_node *n, const char *word);

/* The first paragraph of the body, or of the first section; or NULL. */
lsn_node *lsn_kind_first_paragraph(lsn_node *root);

#endif
