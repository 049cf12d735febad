/* SPDX-License-Identifier: MIT */
/*
 * ls.c: the liaison statement. It has no element of its own: its cover
 * (lsn_cover) fills meta; the kind is claimed from what the model says.
 */
#include "config.h"

#include "recognize/kinds/kinds.h"
#include "util/text.h"

/*
 * An LS says so: its document number ("SG17-LS12"), its title ("LS on
 * ...", "... liaison ..."), its destinations (for action, comment or
 * information), or its abstract (or, with none, its first paragraph)
 * speaks of a liaison.
 */
static int
ls_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	lsn_node	 *meta = lsn_child_n(root, LSN_N_META);
	lsn_node	 *abstract = lsn_child_n(root, LSN_N_ABSTRACT);
	lsn_node	 *title = lsn_child_n(meta, LSN_N_TITLE);
	const char	 *t;

	return lsn_kind_mentions(r, lsn_child_n(meta, LSN_N_DOCUMENT), "-LS") ||
	    lsn_kind_mentions(r, title, "liaison") ||
	    (title != NULL && (t = lsn_plain(r, title)) != NULL &&
	    lsn_prefix_ci(t, "LS ")) ||
	    lsn_child_n(meta, LSN_N_FOR_ACTION) != NULL ||
	    lsn_child_n(meta, LSN_N_FOR_INFORMATION) != NULL ||
	    lsn_child_n(meta, LSN_N_FOR_COMMENT) != NULL ||
	    lsn_kind_mentions(r, abstract, "liaison") ||
	    (abstract == NULL &&
	    lsn_kind_mentions(r, lsn_kind_first_paragraph(root), "liaison"));
}

const struct lsn_kind lsn_kind_ls = {
	"liaison-statement", NULL, NULL, NULL, ls_claim_model, NULL
};
