/* SPDX-License-Identifier: MIT */
/*
 * kinds.c: the registry of document kinds, and the walks over it that
 * the passes call instead of naming a kind (see kinds.h).
 */
#include "config.h"

#include <string.h>

#include "recognize/kinds/kinds.h"
#include "util/text.h"

const struct lsn_kind *const lsn_kinds[] = {
	&lsn_kind_question,
	&lsn_kind_tor,
	&lsn_kind_ls,
	&lsn_kind_report,
	&lsn_kind_document,	/* last: what nothing else claims */
	NULL
};

const struct lsn_kind *
lsn_kind_of_title(const char *s, size_t len)
{
	const struct lsn_kind	*best = NULL;
	int			 c, bestc = 0;
	size_t			 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->claim_title != NULL &&
		    (c = lsn_kinds[i]->claim_title(s, len)) > bestc) {
			best = lsn_kinds[i];
			bestc = c;
		}
	return best;
}

int
lsn_kind_title_continues(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->title_continues != NULL &&
		    lsn_kinds[i]->title_continues(s, len))
			return 1;
	return 0;
}

const struct lsn_kind *
lsn_kind_build_part(struct lsn_rctx *r, lsn_node *annex, const char *title,
    const char *note)
{
	size_t	 i;

	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->build != NULL &&
		    lsn_kinds[i]->build(r, annex, title, note)) {
			lsn_attr_n(&r->b, annex, LSN_N_KIND,
			    lsn_kinds[i]->name);
			return lsn_kinds[i];
		}
	return NULL;
}

const char *
lsn_kind_of_document(struct lsn_rctx *r, lsn_node *root,
    const struct lsn_kind *built)
{
	const struct lsn_kind	*best = &lsn_kind_document;
	int			 c, bestc = 0;
	size_t			 i;

	if (built != NULL)
		return built->name;
	for (i = 0; lsn_kinds[i] != NULL; i++)
		if (lsn_kinds[i]->claim_model != NULL &&
		    (c = lsn_kinds[i]->claim_model(r, root)) > bestc) {
			best = lsn_kinds[i];
			bestc = c;
		}
	return best->name;
}

int
lsn_kind_mentions(struct lsn_rctx *r, lsn_node *n, const char *word)
{
	char	*t;

	if (n == NULL || (t = lsn_plain(r, n)) == NULL)
		return 0;
	return lsn_find_ci(t, strlen(t), word) >= 0;
}

lsn_node *
lsn_kind_first_paragraph(lsn_node *root)
{
	lsn_node	 *body = lsn_child_n(root, LSN_N_BODY), *s, *p;

	if (body != NULL && (p = lsn_child_n(body, LSN_N_P)) != NULL)
		return p;
	for (s = lsn_child_n(root, LSN_N_SECTION); s != NULL;
	    s = lsn_next_n(s, LSN_N_SECTION))
		if ((p = lsn_child_n(s, LSN_N_P)) != NULL)
			return p;
	return NULL;
}
