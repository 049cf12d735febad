/* SPDX-License-Identifier: MIT */
/*
 * titlepage.h: the title page pass (titlepage.c).
 */
#ifndef LSN_TITLEPAGE_H
#define LSN_TITLEPAGE_H

#include "recognize/lines.h"

struct lsn_kind;

/*
 * Reads the title page and the first page's heading at the front of
 * body (before its first clause; lines used by the cover or the TOC
 * left out) and fills r's meta where it has no value yet: number,
 * edition, title, language. Returns the kind the heading names
 * ("Recommendation ITU-T ..." a Recommendation), or NULL when the front
 * has no such heading or an LS cover was found. Allocates in r's arena
 * only.
 */
const struct lsn_kind	*lsn_titlepage(struct lsn_rctx *r,
			    struct lsn_lines *body);

#endif
