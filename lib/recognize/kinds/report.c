/* SPDX-License-Identifier: MIT */
/*
 * report.c: reports (of a meeting, a group, a rapporteur). No element of
 * their own yet; the kind is claimed from what the model says.
 */
#include "config.h"

#include "recognize/kinds/kinds.h"

/* The abstract or the title speaks of a report; with no abstract, the
 * first paragraph or the first clause's heading does. */
static int
report_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	lsn_node	 *meta = lsn_child_n(root, LSN_N_META);
	lsn_node	 *abstract = lsn_child_n(root, LSN_N_ABSTRACT);

	return lsn_kind_mentions(r, abstract, "report") ||
	    lsn_kind_mentions(r, lsn_child_n(meta, LSN_N_TITLE), "report") ||
	    (abstract == NULL &&
	    (lsn_kind_mentions(r, lsn_kind_first_paragraph(root), "report") ||
	    lsn_kind_mentions(r,
	    lsn_child_n(lsn_child_n(root, LSN_N_SECTION), LSN_N_HEADING),
	    "report")));
}

const struct lsn_kind lsn_kind_report = {
	"report", NULL, NULL, NULL, report_claim_model
};
