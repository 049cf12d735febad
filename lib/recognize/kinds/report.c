/* SPDX-License-Identifier: MIT */
/*
 * report.c: reports of a meeting, a group (Question, Working Party,
 * Study Group) or a rapporteur, and progress reports. No element of
 * their own yet; the kind is claimed from what the model says.
 *
 * Rec. ITU-T A.1 (Appendix I) has a meeting report's title name the
 * Question, venue and date, "of the form 'Rapporteur Report Qx/x'";
 * TSB's and groups' reports are titled "Report of ...", progress
 * reports "Progress report ...".
 */
#include "config.h"

#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

/* The words a report's title starts with, by A.1's convention and the
 * groups' usage. */
static const char *const report_starts[] = {
	"Report", "Rapporteur report", "Rapporteur's report",
	"Progress report", "Meeting report", "Draft report", "Final report",
	NULL
};

/* A title that says what it is: "Report of Question 11/17 meeting",
 * "Rapporteur Report Q4/13", "Progress report of ...". */
static int
report_title(struct lsn_rctx *r, lsn_node *title)
{
	const char	*t;
	size_t		 len;

	if (title == NULL || (t = lsn_plain(r, title)) == NULL)
		return 0;
	len = strlen(t);
	return lsn_kind_word(t, len, report_starts, NULL) != 0;
}

/* The title names a report (confidence 2), or the abstract or the
 * title speaks of one; with no abstract, the first paragraph or the
 * first clause's heading does (1). */
static int
report_claim_model(struct lsn_rctx *r, lsn_node *root)
{
	lsn_node	 *meta = lsn_child_n(root, LSN_N_META);
	lsn_node	 *abstract = lsn_child_n(root, LSN_N_ABSTRACT);

	if (report_title(r, lsn_child_n(meta, LSN_N_TITLE)))
		return 2;
	return lsn_kind_mentions(r, abstract, "report") ||
	    lsn_kind_mentions(r, lsn_child_n(meta, LSN_N_TITLE), "report") ||
	    (abstract == NULL &&
	    (lsn_kind_mentions(r, lsn_kind_first_paragraph(root), "report") ||
	    lsn_kind_mentions(r,
	    lsn_child_n(lsn_child_n(root, LSN_N_SECTION), LSN_N_HEADING),
	    "report")));
}

const struct lsn_kind lsn_kind_report = {
	"report", NULL, NULL, NULL, report_claim_model, NULL
};
