/* SPDX-License-Identifier: MIT */
/*
 * toc.h: the table of contents pass (toc.c).
 */
#ifndef LSN_TOC_H
#define LSN_TOC_H

#include "recognize/lines.h"

/*
 * Takes the entries of the tables of contents out of body (marking
 * their lines used) and returns a <toc> element holding them, not yet
 * linked, in the model's arena; NULL when the document has none (or
 * memory ran out: r->b.oom says which).
 */
lsn_node	*lsn_toc(struct lsn_rctx *r, struct lsn_lines *body);

/* 1 for a paragraph style of a TOC's entries ("toc 1", "TOC2",
 * "Contents 3"). */
int		lsn_toc_style(const char *style);

#endif
