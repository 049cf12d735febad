/* SPDX-License-Identifier: MIT */
/*
 * meta.h: the document's meta fields, gathered from every pass that
 * finds one (the LS cover, the TD header, the title page, the first
 * line of a standalone ToR or Question) and written as <meta> once, in
 * the schema's order, before the document's kind is decided.
 *
 * Values are copied into the recognizer's arena: callers keep what they
 * pass, and nothing here is freed by hand (the arena goes with the
 * recognizer). Out of memory sets the arena's oom flag, as elsewhere.
 */
#ifndef LSN_META_H
#define LSN_META_H

#include <stddef.h>

#include "tree/tree.h"

struct lsn_rctx;

/* One value each; in the schema's order of <meta>. */
enum lsn_meta_field {
	LSN_META_TITLE, LSN_META_SOURCE, LSN_META_PURPOSE,
	LSN_META_DOCUMENT, LSN_META_STUDY_PERIOD, LSN_META_MEETING,
	LSN_META_APPROVAL,
	LSN_META_DEADLINE,	/* with an ISO date: deadline_iso */
	LSN_META_REPLY_TO,	/* the LS this one answers, as written */
	LSN_META_DATE,		/* the document's own date, with date_iso */
	LSN_META_LANGUAGE,	/* "en", "fr", "es", "ru", "ar", "zh" */
	LSN_META_GROUP,		/* "SG17", "TSAG", "WP1/17", "Q11/17" */
	LSN_META_NUMBER,	/* "A.1", "P.340 Amd.1", "T.832 Err.1" */
	LSN_META_EDITION,	/* "10/2016" */
	LSN_META_NFIELDS
};

/* Many values each, in order of appearance. */
enum lsn_meta_list {
	LSN_META_QUESTIONS, LSN_META_FOR_ACTION, LSN_META_FOR_INFORMATION,
	LSN_META_FOR_COMMENT, LSN_META_NLISTS
};

enum lsn_contact_part {
	LSN_CONTACT_NAME, LSN_CONTACT_ORGANIZATION, LSN_CONTACT_COUNTRY,
	LSN_CONTACT_EMAIL, LSN_CONTACT_PHONE, LSN_CONTACT_FAX,
	LSN_CONTACT_NPARTS
};

/* The gatherer (struct lsn_rctx holds one); zeroed is empty. */
struct lsn_meta {
	char		*single[LSN_META_NFIELDS];
	char		*iso[LSN_META_NFIELDS];	/* DEADLINE and DATE only */
	char		**list[LSN_META_NLISTS];
	size_t		 nlist[LSN_META_NLISTS], caplist[LSN_META_NLISTS];
	char		*(*contacts)[LSN_CONTACT_NPARTS];
	size_t		 ncontacts, capcontacts;
};

/* The value of f, or NULL. */
const char	*lsn_meta_get(struct lsn_rctx *r, enum lsn_meta_field f);
/* Sets f to s[0..n) (spaces trimmed) when f has no value yet and the
 * trimmed value is not empty; 1 when set. */
int		 lsn_meta_set(struct lsn_rctx *r, enum lsn_meta_field f,
		    const char *s, size_t n);
/* Replaces f's value; an empty s clears it. */
void		 lsn_meta_replace(struct lsn_rctx *r, enum lsn_meta_field f,
		    const char *s, size_t n);
/* Appends s to f's value after a space (a value continued on another
 * row or line), or sets it when f has none. */
void		 lsn_meta_continue(struct lsn_rctx *r, enum lsn_meta_field f,
		    const char *s, size_t n);
/* The ISO date ("YYYY-MM-DD") of DEADLINE or DATE; NULL clears it. */
void		 lsn_meta_set_iso(struct lsn_rctx *r, enum lsn_meta_field f,
		    const char *iso);
const char	*lsn_meta_iso(struct lsn_rctx *r, enum lsn_meta_field f);

/* Adds s[0..n) (trimmed) to list l unless empty. */
void		 lsn_meta_add(struct lsn_rctx *r, enum lsn_meta_list l,
		    const char *s, size_t n);
size_t		 lsn_meta_count(struct lsn_rctx *r, enum lsn_meta_list l);

/* A new, empty contact; its index (or (size_t)-1 out of memory). */
size_t		 lsn_meta_contact_add(struct lsn_rctx *r);
size_t		 lsn_meta_ncontacts(struct lsn_rctx *r);
/* Part p of contact i, or NULL. */
const char	*lsn_meta_contact_get(struct lsn_rctx *r, size_t i,
		    enum lsn_contact_part p);
/* Sets part p of contact i to s[0..n) (trimmed); with `extend`, appends
 * to a value it has after a space. */
void		 lsn_meta_contact_set(struct lsn_rctx *r, size_t i,
		    enum lsn_contact_part p, const char *s, size_t n,
		    int extend);

/* Writes what was gathered as children of meta, in the schema's order. */
void		 lsn_meta_emit(struct lsn_rctx *r, lsn_node *meta);

#endif
