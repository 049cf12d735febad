/* SPDX-License-Identifier: MIT */
/*
 * meta.c: the gatherer of meta fields (see meta.h). The passes that find
 * a field do not know where in <meta> it goes; lsn_meta_emit does.
 */
#include "config.h"

#include <string.h>

#include "recognize/lines.h"
#include "recognize/meta.h"

/* The element of each field, in the schema's order of <meta>. */
static const enum lsn_name field_el[LSN_META_NFIELDS] = {
	LSN_N_TITLE, LSN_N_SOURCE, LSN_N_PURPOSE, LSN_N_DOCUMENT,
	LSN_N_STUDY_PERIOD, LSN_N_MEETING, LSN_N_APPROVAL, LSN_N_DEADLINE,
	LSN_N_REPLY_TO, LSN_N_DATE, LSN_N_LANGUAGE, LSN_N_GROUP,
	LSN_N_NUMBER, LSN_N_EDITION
};
static const enum lsn_name list_el[LSN_META_NLISTS] = {
	LSN_N_QUESTION, LSN_N_FOR_ACTION, LSN_N_FOR_INFORMATION,
	LSN_N_FOR_COMMENT
};
static const enum lsn_name contact_el[LSN_CONTACT_NPARTS] = {
	LSN_N_NAME, LSN_N_ORGANIZATION, LSN_N_COUNTRY, LSN_N_EMAIL,
	LSN_N_PHONE, LSN_N_FAX
};

/* s[0..n) without its leading and trailing spaces, in the arena. */
static char *
trimmed(struct lsn_rctx *r, const char *s, size_t n, size_t *len)
{
	while (n > 0 && s[0] == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	*len = n;
	return n == 0 ? NULL : lsn_arena_strndup(&r->a, s, n);
}

/* old, a space, then s[0..n): a new string in the arena. */
static char *
joined(struct lsn_rctx *r, const char *old, const char *s, size_t n)
{
	size_t	 m = strlen(old);
	char	*p;

	if ((p = lsn_arena_alloc(&r->a, m + n + 2)) == NULL)
		return NULL;
	memcpy(p, old, m);
	p[m] = ' ';
	memcpy(p + m + 1, s, n);
	p[m + 1 + n] = '\0';
	return p;
}

const char *
lsn_meta_get(struct lsn_rctx *r, enum lsn_meta_field f)
{
	return r->meta.single[f];
}

int
lsn_meta_set(struct lsn_rctx *r, enum lsn_meta_field f, const char *s,
    size_t n)
{
	size_t	 len;

	if (r->meta.single[f] != NULL)
		return 0;
	r->meta.single[f] = trimmed(r, s, n, &len);
	return r->meta.single[f] != NULL;
}

void
lsn_meta_replace(struct lsn_rctx *r, enum lsn_meta_field f, const char *s,
    size_t n)
{
	size_t	 len;

	r->meta.single[f] = trimmed(r, s, n, &len);
}

void
lsn_meta_continue(struct lsn_rctx *r, enum lsn_meta_field f, const char *s,
    size_t n)
{
	char	*t;

	if (r->meta.single[f] == NULL) {
		lsn_meta_set(r, f, s, n);
		return;
	}
	/* The continuation keeps its own spaces, as the row gave them. */
	if (n == 0 || (t = joined(r, r->meta.single[f], s, n)) == NULL)
		return;
	r->meta.single[f] = t;
}

void
lsn_meta_set_iso(struct lsn_rctx *r, enum lsn_meta_field f, const char *iso)
{
	r->meta.iso[f] = iso == NULL ? NULL : lsn_arena_strdup(&r->a, iso);
}

const char *
lsn_meta_iso(struct lsn_rctx *r, enum lsn_meta_field f)
{
	return r->meta.iso[f];
}

void
lsn_meta_add(struct lsn_rctx *r, enum lsn_meta_list l, const char *s,
    size_t n)
{
	struct lsn_meta	*m = &r->meta;
	size_t		 len;
	char		*t, **v;

	if ((t = trimmed(r, s, n, &len)) == NULL)
		return;
	v = lsn_arena_grow(&r->a, m->list[l], &m->caplist[l], m->nlist[l] + 1,
	    sizeof(*v));
	if (v == NULL)
		return;
	m->list[l] = v;
	v[m->nlist[l]++] = t;
}

size_t
lsn_meta_count(struct lsn_rctx *r, enum lsn_meta_list l)
{
	return r->meta.nlist[l];
}

size_t
lsn_meta_contact_add(struct lsn_rctx *r)
{
	struct lsn_meta	*m = &r->meta;
	void		*v;

	v = lsn_arena_grow(&r->a, m->contacts, &m->capcontacts,
	    m->ncontacts + 1, sizeof(*m->contacts));
	if (v == NULL)
		return (size_t)-1;
	m->contacts = v;
	memset(m->contacts[m->ncontacts], 0, sizeof(m->contacts[0]));
	return m->ncontacts++;
}

size_t
lsn_meta_ncontacts(struct lsn_rctx *r)
{
	return r->meta.ncontacts;
}

const char *
lsn_meta_contact_get(struct lsn_rctx *r, size_t i, enum lsn_contact_part p)
{
	return i < r->meta.ncontacts ? r->meta.contacts[i][p] : NULL;
}

void
lsn_meta_contact_set(struct lsn_rctx *r, size_t i, enum lsn_contact_part p,
    const char *s, size_t n, int extend)
{
	char	**slot, *t;
	size_t	 len;

	if (i >= r->meta.ncontacts)
		return;
	slot = &r->meta.contacts[i][p];
	if ((t = trimmed(r, s, n, &len)) == NULL)
		return;
	if (extend && *slot != NULL)
		t = joined(r, *slot, t, len);
	if (t != NULL)
		*slot = t;
}

void
lsn_meta_emit(struct lsn_rctx *r, lsn_node *meta)
{
	struct lsn_meta	*m = &r->meta;
	struct lsn_builder *b = &r->b;
	size_t		 f, l, i, p;
	lsn_node	*n, *c;

	/* Singles up to and after the lists, which the schema puts between
	 * meeting and approval. */
	for (f = 0; f < LSN_META_NFIELDS; f++) {
		if (f == LSN_META_APPROVAL)
			for (l = 0; l < LSN_META_NLISTS; l++)
				for (i = 0; i < m->nlist[l]; i++)
					lsn_el_text_n(b, meta, list_el[l],
					    m->list[l][i]);
		if (m->single[f] == NULL)
			continue;
		n = lsn_el_text_n(b, meta, field_el[f], m->single[f]);
		if (m->iso[f] != NULL && strlen(m->iso[f]) == 10)
			lsn_attr_n(b, n, LSN_N_ISO, m->iso[f]);
	}
	for (i = 0; i < m->ncontacts; i++) {
		/* a template's labels with no values are no contact */
		for (p = 0; p < LSN_CONTACT_NPARTS; p++)
			if (m->contacts[i][p] != NULL)
				break;
		if (p == LSN_CONTACT_NPARTS)
			continue;
		c = lsn_el_n(b, meta, LSN_N_CONTACT);
		for (p = 0; p < LSN_CONTACT_NPARTS; p++)
			if (m->contacts[i][p] != NULL)
				lsn_el_text_n(b, c, contact_el[p],
				    m->contacts[i][p]);
	}
}
