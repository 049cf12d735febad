/* SPDX-License-Identifier: MIT */
/*
 * docx-rels.c: a part's relationships (its .rels part read, targets
 * resolved to part names) and the sorted id indexes the reader's
 * look-ups by id share.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

#include "reader/docx-int.h"
#include "util/buf.h"
#include "util/error.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Resolves a relative target against the folder of source into a part
 * name: "../media/x.png" from "word/document.xml" is "media/x.png".
 * Returns a new string (caller frees) or NULL when memory ran out.
 */
static char *
resolve_target(const char *source, const char *target)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const char	*slash, *p, *seg;
	size_t		 n;

	if (target[0] == '/')
		target++;
	else if ((slash = strrchr(source, '/')) != NULL)
		lsn_buf_put(&b, source, (size_t)(slash - source) + 1);
	for (p = target; *p != '\0'; ) {
		seg = p;
		while (*p != '\0' && *p != '/')
			p++;
		n = (size_t)(p - seg);
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			/* drop the last folder of b ("a/b/" -> "a/") */
			if (b.len > 0)
				b.len--;
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
			if (b.data != NULL)
				b.data[b.len] = '\0';
		} else if (!(n == 1 && seg[0] == '.') && n > 0) {
			size_t i;

			/* part names in the zip are not percent-encoded */
			for (i = 0; i < n; i++) {
				int h, l;

				if (seg[i] == '%' && i + 2 < n &&
				    (h = hexval(seg[i + 1])) >= 0 &&
				    (l = hexval(seg[i + 2])) >= 0) {
					lsn_buf_putc(&b, (char)(h * 16 + l));
					i += 2;
				} else
					lsn_buf_putc(&b, seg[i]);
			}
			if (*p == '/')
				lsn_buf_putc(&b, '/');
		}
		if (*p == '/')
			p++;
	}
	return lsn_buf_detach(&b, NULL);
}

static char *
rels_part_name(const char *source)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const char	*slash;

	if ((slash = strrchr(source, '/')) != NULL) {
		lsn_buf_put(&b, source, (size_t)(slash - source) + 1);
		source = slash + 1;
	}
	lsn_buf_printf(&b, "_rels/%s.rels", source);
	return lsn_buf_detach(&b, NULL);
}

void
lsn_rels_free(struct lsn_rels *rels)
{
	size_t	 i;

	for (i = 0; i < rels->count; i++) {
		xmlFree(rels->items[i].id);
		xmlFree(rels->items[i].type);
		free(rels->items[i].target);
	}
	free(rels->items);
	free(rels->by_id);
	rels->items = NULL;
	rels->by_id = NULL;
	rels->count = 0;
}

/* A .rels part being read: where rel_node is. */
struct rels_read {
	struct lsn_rels	*rels;
	const char	*source;
	size_t		 cap;
	int		 oom;
};

/* One node of a .rels part (lsn_xr_run): 0, or -1 (oom). */
static int
rel_node(void *arg, struct lsn_xr *xr)
{
	struct rels_read	*s = arg;
	struct lsn_rels		*rels = s->rels;
	struct lsn_rel		*n, *rel;
	char			*target, *mode;

	if (xr->type != XML_READER_TYPE_ELEMENT ||
	    strcmp(xr->local, "Relationship") != 0)
		return 0;
	if (rels->count == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		if ((n = realloc(rels->items, s->cap * sizeof(*n))) == NULL) {
			s->oom = 1;
			return -1;
		}
		rels->items = n;
	}
	rel = &rels->items[rels->count];
	memset(rel, 0, sizeof(*rel));
	rel->id = lsn_xr_attr(xr, "Id");
	rel->type = lsn_xr_attr(xr, "Type");
	target = lsn_xr_attr(xr, "Target");
	mode = lsn_xr_attr(xr, "TargetMode");
	rel->external = mode != NULL && strcmp(mode, "External") == 0;
	xmlFree(mode);
	if (rel->id == NULL || rel->type == NULL || target == NULL) {
		xmlFree(rel->id);
		xmlFree(rel->type);
		xmlFree(target);
		return 0;  /* not usable; Word ignores it too */
	}
	rel->target = rel->external ? strdup(target) :
	    resolve_target(s->source, target);
	xmlFree(target);
	rels->count++;
	if (rel->target == NULL) {
		s->oom = 1;
		return -1;
	}
	return 0;
}

int
lsn_rels_read(struct lsn_pkg *pkg, const char *source, struct lsn_rels *rels)
{
	struct lsn_xr		 xr;
	struct rels_read	 s;
	char			*name;
	int			 ret;

	memset(rels, 0, sizeof(*rels));
	if ((name = rels_part_name(source)) == NULL)
		goto oom;
	ret = lsn_xr_open(&xr, pkg, name);
	free(name);
	if (ret <= 0)
		return ret;
	memset(&s, 0, sizeof(s));
	s.rels = rels;
	s.source = source;
	ret = lsn_xr_run(&xr, rel_node, &s);
	lsn_xr_close(&xr);
	if (s.oom)
		goto oom;
	/* a hyperlink each looks its target up: 60 000 links over 60 000
	 * relationships took seconds by a scan; without memory, scan */
	if (ret >= 0 && rels->count > 1 &&
	    (rels->by_id = malloc(rels->count * sizeof(*rels->by_id))) != NULL) {
		size_t i;

		for (i = 0; i < rels->count; i++) {
			rels->by_id[i].id = rels->items[i].id;
			rels->by_id[i].index = i;
		}
		lsn_keys_sort(rels->by_id, rels->count);
	}
	return ret < 0 ? -1 : 0;
oom:
	lsn_rels_free(rels);
	lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, NULL, 0, 0,
	    "out of memory");
	return -1;
}

const struct lsn_rel *
lsn_rels_by_type(const struct lsn_rels *rels, const char *suffix)
{
	size_t	 i, tl, sl = strlen(suffix);

	for (i = 0; i < rels->count; i++) {
		tl = strlen(rels->items[i].type);
		if (tl > sl && rels->items[i].type[tl - sl - 1] == '/' &&
		    strcmp(rels->items[i].type + tl - sl, suffix) == 0)
			return &rels->items[i];
	}
	return NULL;
}

const struct lsn_rel *
lsn_rels_by_id(const struct lsn_rels *rels, const char *id)
{
	size_t	 i;

	if (rels->by_id != NULL) {
		i = lsn_keys_find(rels->by_id, rels->count, id);
		return i != (size_t)-1 ? &rels->items[i] : NULL;
	}
	for (i = 0; i < rels->count; i++)
		if (strcmp(rels->items[i].id, id) == 0)
			return &rels->items[i];
	return NULL;
}

/* By id, then by position: equal ids keep document order. */
static int
key_cmp(const void *a, const void *b)
{
	const struct lsn_key *x = a, *y = b;
	int	 cmp = strcmp(x->id, y->id);

	if (cmp != 0)
		return cmp;
	return x->index < y->index ? -1 : x->index > y->index;
}

void
lsn_keys_sort(struct lsn_key *keys, size_t n)
{
	if (n > 1)
		qsort(keys, n, sizeof(*keys), key_cmp);
}

size_t
lsn_keys_find(const struct lsn_key *keys, size_t n, const char *id)
{
	size_t	 lo = 0, hi = n, mid;

	/* the first key whose id is not below id */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && strcmp(keys[lo].id, id) == 0)
		return keys[lo].index;
	return (size_t)-1;
}

int
lsn_docx_int(const char *s, int dflt)
{
	char	*end;
	long	 v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < -1000000 || v > 1000000000)
		return dflt;
	return (int)v;
}
