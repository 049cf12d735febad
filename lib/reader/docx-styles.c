/* SPDX-License-Identifier: MIT */
/*
 * docx-styles.c: styles.xml. Keeps, per paragraph style, what the
 * reader needs: the name (para.style), the heading level and the list
 * numbering a style gives its paragraphs, resolved through w:basedOn.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader/docx-int.h"
#include "util/error.h"

/* Longest basedOn chain followed; real templates use fewer than 10. */
#define MAX_CHAIN 64


/* "heading 3" in any case -> 3; the built-in names Word stores. */
static int
heading_name_level(const char *name)
{
	if (name == NULL || strncasecmp(name, "heading", 7) != 0)
		return 0;
	name += 7;
	while (*name == ' ')
		name++;
	if (name[0] >= '1' && name[0] <= '9' && name[1] == '\0')
		return name[0] - '0';
	return 0;
}

/*
 * Every paragraph looks its style up, and Word's and LibreOffice's
 * documents define 170 and more: a binary search over by_id rather than
 * a scan. The first style of an id wins either way, as in Word.
 */
const struct lsn_style *
lsn_styles_find(const struct lsn_styles *st, const char *id)
{
	size_t	 i;

	if (id == NULL)
		return NULL;
	if (st->by_id == NULL) {
		for (i = 0; i < st->count; i++)
			if (strcmp(st->items[i].id, id) == 0)
				return &st->items[i];
		return NULL;
	}
	i = lsn_keys_find(st->by_id, st->count, id);
	return i != (size_t)-1 ? &st->items[i] : NULL;
}

/* Builds st->by_id; without memory for it lookups scan (no error). */
static void
index_ids(struct lsn_styles *st)
{
	size_t	 i;

	if (st->count < 2 ||
	    (st->by_id = malloc(st->count * sizeof(*st->by_id))) == NULL)
		return;
	for (i = 0; i < st->count; i++) {
		st->by_id[i].id = st->items[i].id;
		st->by_id[i].index = i;
	}
	lsn_keys_sort(st->by_id, st->count);
}

static void
resolve(struct lsn_styles *st)
{
	const struct lsn_style	*s;
	struct lsn_style	*top;
	size_t			 i;
	int			 steps, lvl;

	for (i = 0; i < st->count; i++) {
		top = &st->items[i];
		top->r_outline = -1;
		top->r_num_id = -1;
		top->r_ilvl = -1;
		top->r_valign = top->r_vanish = -1;
		/* ITU's Headingb is a bold run-in heading without a number:
		 * not part of the outline whatever it is based on. */
		if (top->name != NULL && strcasecmp(top->name, "Headingb") == 0)
			top->r_outline = 0;
		for (s = top, steps = 0; s != NULL && steps < MAX_CHAIN;
		    s = lsn_styles_find(st, s->based_on), steps++) {
			if (top->r_outline == -1) {
				if (s->outline_lvl >= 0)
					top->r_outline = s->outline_lvl <= 8 ?
					    s->outline_lvl + 1 : 0;
				else if ((lvl = heading_name_level(s->name)) > 0)
					top->r_outline = lvl;
			}
			if (top->r_num_id == -1 && s->num_id >= 0) {
				top->r_num_id = s->num_id;
				if (top->r_ilvl == -1)
					top->r_ilvl = s->ilvl;
			} else if (top->r_num_id == -1 && top->r_ilvl == -1 &&
			    s->ilvl >= 0)
				top->r_ilvl = s->ilvl;
			if (top->r_valign == -1)
				top->r_valign = s->valign;
			if (top->r_vanish == -1)
				top->r_vanish = s->vanish;
		}
		if (top->r_outline < 0)
			top->r_outline = 0;
	}
}

/* w:vertAlign's value: an LSN_VALIGN_*. */
int
lsn_docx_valign(struct lsn_xr *xr)
{
	char	*v = lsn_xr_attr(xr, "val");
	int	 r = LSN_VALIGN_BASELINE;

	if (v != NULL && strcmp(v, "superscript") == 0)
		r = LSN_VALIGN_SUPER;
	else if (v != NULL && strcmp(v, "subscript") == 0)
		r = LSN_VALIGN_SUB;
	xmlFree(v);
	return r;
}

/* An element of a style's w:rPr. */
static void
run_property(struct lsn_xr *xr, struct lsn_style *cur)
{
	if (xr->ns != LSN_NS_W)
		return;
	if (strcmp(xr->local, "vertAlign") == 0)
		cur->valign = lsn_docx_valign(xr);
	else if (strcmp(xr->local, "vanish") == 0)
		cur->vanish = lsn_xr_onoff(xr, "val");
}

/* styles.xml being read: where style_node is. */
struct style_read {
	struct lsn_styles	*st;
	struct lsn_style	*cur;       /* the w:style open, or NULL */
	size_t			 cap;
	int			 rpr_depth; /* of its w:rPr open, or -1 */
	int			 oom;
};

/* One node of styles.xml (lsn_xr_run): 1 to skip, 0, -1 (oom). */
static int
style_node(void *arg, struct lsn_xr *xr)
{
	struct style_read	*s = arg;
	struct lsn_styles	*st = s->st;
	struct lsn_style	*cur = s->cur, *n;
	char			*v;

	if (xr->type == XML_READER_TYPE_END_ELEMENT &&
	    xr->ns == LSN_NS_W && strcmp(xr->local, "style") == 0) {
		s->cur = NULL;
		return 0;
	}
	if (xr->type == XML_READER_TYPE_END_ELEMENT &&
	    xr->depth == s->rpr_depth)
		s->rpr_depth = -1;
	if (xr->type != XML_READER_TYPE_ELEMENT || xr->ns != LSN_NS_W)
		return 0;
	if (strcmp(xr->local, "style") == 0) {
		if (st->count == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			if ((n = realloc(st->items,
			    s->cap * sizeof(*n))) == NULL) {
				s->oom = 1;
				return -1;
			}
			st->items = n;
		}
		cur = s->cur = &st->items[st->count];
		memset(cur, 0, sizeof(*cur));
		cur->outline_lvl = cur->num_id = cur->ilvl = -1;
		cur->valign = cur->vanish = -1;
		if ((cur->id = lsn_xr_attr(xr, "styleId")) == NULL) {
			s->cur = NULL;
			return 1;
		}
		v = lsn_xr_attr(xr, "type");
		cur->is_para = v == NULL || strcmp(v, "paragraph") == 0;
		xmlFree(v);
		v = lsn_xr_attr(xr, "default");
		cur->is_default = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0 || strcmp(v, "on") == 0);
		xmlFree(v);
		if (cur->is_default && cur->is_para &&
		    st->default_para == (size_t)-1)
			st->default_para = st->count;
		st->count++;
		if (xr->empty)
			s->cur = NULL;
		return 0;
	}
	/* a style's own run properties: script and hidden text */
	if (strcmp(xr->local, "rPr") == 0 && cur != NULL &&
	    s->rpr_depth == -1 && !xr->empty) {
		s->rpr_depth = xr->depth;
		return 0;
	}
	if (s->rpr_depth >= 0) {
		if (cur != NULL && xr->depth == s->rpr_depth + 1)
			run_property(xr, cur);
		return 1;
	}
	if (strcmp(xr->local, "docDefaults") == 0 ||
	    strcmp(xr->local, "latentStyles") == 0 ||
	    strcmp(xr->local, "rPr") == 0 ||
	    strcmp(xr->local, "tblPr") == 0 ||
	    strcmp(xr->local, "trPr") == 0 ||
	    strcmp(xr->local, "tcPr") == 0 ||
	    strcmp(xr->local, "tblStylePr") == 0 ||
	    strcmp(xr->local, "pPrChange") == 0)
		return 1;
	if (cur == NULL)
		return 0;
	if (strcmp(xr->local, "name") == 0 && cur->name == NULL) {
		cur->name = lsn_xr_attr(xr, "val");
		if (cur->name != NULL &&
		    strlen(cur->name) > LSN_DOCX_STYLE_NAME_MAX) {
			xmlFree(cur->name);
			cur->name = NULL;
		}
	}
	else if (strcmp(xr->local, "basedOn") == 0 &&
	    cur->based_on == NULL)
		cur->based_on = lsn_xr_attr(xr, "val");
	else if (strcmp(xr->local, "outlineLvl") == 0) {
		v = lsn_xr_attr(xr, "val");
		cur->outline_lvl = lsn_docx_int(v, -1);
		if (cur->outline_lvl > 9)
			cur->outline_lvl = -1;
		xmlFree(v);
	} else if (strcmp(xr->local, "numId") == 0) {
		v = lsn_xr_attr(xr, "val");
		cur->num_id = lsn_docx_int(v, -1);
		xmlFree(v);
	} else if (strcmp(xr->local, "ilvl") == 0) {
		v = lsn_xr_attr(xr, "val");
		cur->ilvl = lsn_docx_int(v, -1);
		if (cur->ilvl >= LSN_NUM_LEVELS)
			cur->ilvl = LSN_NUM_LEVELS - 1;
		xmlFree(v);
	}
	return 0;
}

int
lsn_styles_read(struct lsn_pkg *pkg, const char *part, struct lsn_styles *st)
{
	struct lsn_xr		 xr;
	struct style_read	 s;
	int			 ret;

	memset(st, 0, sizeof(*st));
	st->default_para = (size_t)-1;
	if ((ret = lsn_xr_open(&xr, pkg, part)) <= 0)
		return ret;
	memset(&s, 0, sizeof(s));
	s.st = st;
	s.rpr_depth = -1;
	ret = lsn_xr_run(&xr, style_node, &s);
	lsn_xr_close(&xr);
	if (s.oom) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, part, 0,
		    0, "out of memory");
		return -1;
	}
	if (ret < 0)
		return -1;
	index_ids(st);
	resolve(st);
	return 0;
}

void
lsn_styles_free(struct lsn_styles *st)
{
	size_t	 i;

	for (i = 0; i < st->count; i++) {
		xmlFree(st->items[i].id);
		xmlFree(st->items[i].name);
		xmlFree(st->items[i].based_on);
	}
	free(st->items);
	free(st->by_id);
	memset(st, 0, sizeof(*st));
}
