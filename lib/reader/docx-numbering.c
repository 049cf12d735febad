/* SPDX-License-Identifier: MIT */
/*
 * docx-numbering.c: numbering.xml and the labels a reader of the
 * document sees.
 *
 * The counting follows Word, not the letter of ECMA-376 as some readers
 * take it: every w:num that points at one w:abstractNum shares that
 * definition's counters (so "continue numbering" across numIds works);
 * a w:lvlOverride/w:startOverride restarts its level the first time a
 * paragraph of that w:num is numbered (this is how Word writes "restart
 * numbering": a new numId with an override), while a w:lvlOverride that
 * only redefines the level (w:lvl, no w:startOverride) continues the
 * count; a level skipped on the way down counts as used; using a level
 * resets the deeper levels unless their w:lvlRestart says otherwise.
 * The numbers themselves are written by docx-numfmt.c.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader/docx-int.h"
#include "util/buf.h"
#include "util/error.h"


static void
lvl_init(struct lsn_lvl *l)
{
	memset(l, 0, sizeof(*l));
	l->restart = -1;
}

static void
lvl_free(struct lsn_lvl *l)
{
	xmlFree(l->fmt);
	xmlFree(l->text);
	xmlFree(l->font);
	xmlFree(l->pstyle);
	lvl_init(l);
}

/*
 * Every numbered paragraph looks its w:num and abstractNum up: 40 000
 * w:num took seconds by a scan. An index sorted by id, then position,
 * finds the first of an id, as the scan did (and Word does).
 */
static int
id_cmp(const void *a, const void *b)
{
	const struct lsn_int_key *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A sorted index of n items (abs or nums), or NULL: then look-ups scan. */
static struct lsn_int_key *
index_ids(const struct lsn_numbering *nb, int abs, size_t n)
{
	struct lsn_int_key	*idx;
	size_t			 i;

	if (n < 2 || (idx = malloc(n * sizeof(*idx))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		idx[i].id = abs ? nb->abs[i].id : nb->nums[i].id;
		idx[i].index = i;
	}
	qsort(idx, n, sizeof(*idx), id_cmp);
	return idx;
}

/* The position of the first item of id `id` (abs or nums), or -1. */
static size_t
find_id(const struct lsn_numbering *nb, int abs, int id)
{
	const struct lsn_int_key *idx = abs ? nb->abs_by_id : nb->nums_by_id;
	size_t		 n = abs ? nb->nabs : nb->nnums, lo = 0, hi = n, i;

	if (idx == NULL) {
		for (i = 0; i < n; i++)
			if ((abs ? nb->abs[i].id : nb->nums[i].id) == id)
				return i;
		return (size_t)-1;
	}
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if (idx[i].id < id)
			lo = i + 1;
		else
			hi = i;
	}
	return lo < n && idx[lo].id == id ? idx[lo].index : (size_t)-1;
}

static struct lsn_abstract *
find_abs(const struct lsn_numbering *nb, int id)
{
	size_t	 i = find_id(nb, 1, id);

	return i != (size_t)-1 ? &nb->abs[i] : NULL;
}

static struct lsn_num *
find_num(const struct lsn_numbering *nb, int id)
{
	size_t	 i = find_id(nb, 0, id);

	return i != (size_t)-1 ? &nb->nums[i] : NULL;
}

/* Stores an attribute value into *dst, replacing what was there. */
static void
set_attr(struct lsn_xr *xr, char **dst, const char *local)
{
	char	*v = lsn_xr_attr(xr, local);

	if (v == NULL)
		return;
	xmlFree(*dst);
	*dst = v;
}

/* numbering.xml being read: where num_node is. */
struct num_read {
	struct lsn_numbering	*nb;
	struct lsn_abstract	*abs;    /* the w:abstractNum open, or NULL */
	struct lsn_num		*num;    /* the w:num open, or NULL */
	struct lsn_lvl		*lvl;    /* the w:lvl open, or NULL */
	size_t			 cap_abs, cap_num;
	int			 override_lvl; /* of the w:lvlOverride open */
	int			 oom;
};

/* One node of numbering.xml (lsn_xr_run): 1 to skip, 0, -1 (oom). */
static int
num_node(void *arg, struct lsn_xr *xr)
{
	struct num_read		*s = arg;
	struct lsn_numbering	*nb = s->nb;
	int			 k;
	char			*v;

	if (xr->ns != LSN_NS_W)
		return 0;
	if (xr->type == XML_READER_TYPE_END_ELEMENT) {
		if (strcmp(xr->local, "abstractNum") == 0)
			s->abs = NULL, s->lvl = NULL;
		else if (strcmp(xr->local, "num") == 0)
			s->num = NULL, s->lvl = NULL;
		else if (strcmp(xr->local, "lvl") == 0)
			s->lvl = NULL;
		else if (strcmp(xr->local, "lvlOverride") == 0)
			s->override_lvl = -1;
		return 0;
	}
	if (xr->type != XML_READER_TYPE_ELEMENT)
		return 0;
	if (strcmp(xr->local, "abstractNum") == 0) {
		if (nb->nabs == s->cap_abs) {
			struct lsn_abstract *n;

			s->cap_abs = s->cap_abs ? s->cap_abs * 2 : 16;
			if ((n = realloc(nb->abs,
			    s->cap_abs * sizeof(*n))) == NULL) {
				s->oom = 1;
				return -1;
			}
			nb->abs = n;
		}
		s->abs = &nb->abs[nb->nabs++];
		memset(s->abs, 0, sizeof(*s->abs));
		for (k = 0; k < LSN_NUM_LEVELS; k++)
			lvl_init(&s->abs->lvl[k]);
		v = lsn_xr_attr(xr, "abstractNumId");
		s->abs->id = lsn_docx_int(v, -1);
		xmlFree(v);
		s->num = NULL;
		if (xr->empty)
			s->abs = NULL;
	} else if (strcmp(xr->local, "num") == 0) {
		if (nb->nnums == s->cap_num) {
			struct lsn_num *n;

			s->cap_num = s->cap_num ? s->cap_num * 2 : 16;
			if ((n = realloc(nb->nums,
			    s->cap_num * sizeof(*n))) == NULL) {
				s->oom = 1;
				return -1;
			}
			nb->nums = n;
		}
		s->num = &nb->nums[nb->nnums++];
		memset(s->num, 0, sizeof(*s->num));
		s->num->abstract_id = -1;
		for (k = 0; k < LSN_NUM_LEVELS; k++) {
			lvl_init(&s->num->lvl[k]);
			s->num->start_override[k] = -1;
		}
		v = lsn_xr_attr(xr, "numId");
		s->num->id = lsn_docx_int(v, -1);
		xmlFree(v);
		s->abs = NULL;
		if (xr->empty)
			s->num = NULL;
	} else if (s->num != NULL && strcmp(xr->local, "abstractNumId") == 0) {
		v = lsn_xr_attr(xr, "val");
		s->num->abstract_id = lsn_docx_int(v, -1);
		xmlFree(v);
	} else if (s->num != NULL && strcmp(xr->local, "lvlOverride") == 0) {
		v = lsn_xr_attr(xr, "ilvl");
		s->override_lvl = lsn_docx_int(v, -1);
		xmlFree(v);
		if (s->override_lvl < 0 || s->override_lvl >= LSN_NUM_LEVELS) {
			s->override_lvl = -1;
			return 1;
		}
	} else if (s->num != NULL && s->override_lvl >= 0 &&
	    strcmp(xr->local, "startOverride") == 0) {
		v = lsn_xr_attr(xr, "val");
		s->num->start_override[s->override_lvl] = lsn_docx_int(v, 0);
		xmlFree(v);
	} else if (strcmp(xr->local, "lvl") == 0) {
		if (s->abs != NULL) {
			v = lsn_xr_attr(xr, "ilvl");
			k = lsn_docx_int(v, -1);
			xmlFree(v);
		} else if (s->num != NULL)
			k = s->override_lvl;
		else
			k = -1;
		if (k < 0 || k >= LSN_NUM_LEVELS || xr->empty)
			return 1;
		s->lvl = s->abs != NULL ? &s->abs->lvl[k] : &s->num->lvl[k];
		lvl_free(s->lvl);
		s->lvl->defined = 1;
	} else if (s->abs != NULL && s->lvl == NULL &&
	    strcmp(xr->local, "numStyleLink") == 0) {
		set_attr(xr, &s->abs->style_link, "val");
	} else if (s->lvl != NULL) {
		struct lsn_lvl	*lvl = s->lvl;

		if (strcmp(xr->local, "start") == 0) {
			v = lsn_xr_attr(xr, "val");
			lvl->start = lsn_docx_int(v, 0);
			xmlFree(v);
		} else if (strcmp(xr->local, "numFmt") == 0)
			set_attr(xr, &lvl->fmt, "val");
		else if (strcmp(xr->local, "lvlText") == 0)
			set_attr(xr, &lvl->text, "val");
		else if (strcmp(xr->local, "lvlRestart") == 0) {
			v = lsn_xr_attr(xr, "val");
			lvl->restart = lsn_docx_int(v, -1);
			xmlFree(v);
		} else if (strcmp(xr->local, "isLgl") == 0)
			lvl->legal = lsn_xr_onoff(xr, "val");
		else if (strcmp(xr->local, "pStyle") == 0)
			set_attr(xr, &lvl->pstyle, "val");
		else if (strcmp(xr->local, "rFonts") == 0 &&
		    lvl->font == NULL) {
			set_attr(xr, &lvl->font, "ascii");
			if (lvl->font == NULL)
				set_attr(xr, &lvl->font, "hAnsi");
		} else if (strcmp(xr->local, "pPr") == 0 ||
		    strcmp(xr->local, "legacy") == 0)
			return 1;
	}
	return 0;
}

int
lsn_numbering_read(struct lsn_pkg *pkg, const char *part,
    struct lsn_numbering *nb)
{
	struct lsn_xr		 xr;
	struct num_read		 s;
	int			 ret;

	memset(nb, 0, sizeof(*nb));
	if ((ret = lsn_xr_open(&xr, pkg, part)) <= 0)
		return ret;
	memset(&s, 0, sizeof(s));
	s.nb = nb;
	s.override_lvl = -1;
	ret = lsn_xr_run(&xr, num_node, &s);
	lsn_xr_close(&xr);
	if (s.oom) {
		lsn_error_set(pkg->err, LIAISON_ERR_NOMEM, pkg->name, part, 0,
		    0, "out of memory");
		return -1;
	}
	if (ret >= 0) {
		nb->abs_by_id = index_ids(nb, 1, nb->nabs);
		nb->nums_by_id = index_ids(nb, 0, nb->nnums);
	}
	return ret < 0 ? -1 : 0;
}

void
lsn_numbering_free(struct lsn_numbering *nb)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < nb->nabs; i++) {
		xmlFree(nb->abs[i].style_link);
		for (k = 0; k < LSN_NUM_LEVELS; k++)
			lvl_free(&nb->abs[i].lvl[k]);
	}
	for (i = 0; i < nb->nnums; i++)
		for (k = 0; k < LSN_NUM_LEVELS; k++)
			lvl_free(&nb->nums[i].lvl[k]);
	free(nb->abs);
	free(nb->nums);
	free(nb->abs_by_id);
	free(nb->nums_by_id);
	memset(nb, 0, sizeof(*nb));
}

/*
 * The definition holding the levels and counters of a list: the
 * abstractNum of num, followed through numStyleLink (a list style whose
 * numId names the abstractNum that really defines the levels).
 */
static struct lsn_abstract *
list_definition(const struct lsn_numbering *nb, const struct lsn_styles *st,
    const struct lsn_num *num)
{
	struct lsn_abstract	*abs;
	const struct lsn_style	*s;
	const struct lsn_num	*linked;
	int			 hops;

	abs = find_abs(nb, num->abstract_id);
	for (hops = 0; abs != NULL && abs->style_link != NULL && hops < 8;
	    hops++) {
		if ((s = lsn_styles_find(st, abs->style_link)) == NULL ||
		    s->r_num_id <= 0 ||
		    (linked = find_num(nb, s->r_num_id)) == NULL)
			break;
		abs = find_abs(nb, linked->abstract_id);
	}
	return abs;
}

static const struct lsn_lvl *
level_of(const struct lsn_num *num, const struct lsn_abstract *abs, int k)
{
	if (num->lvl[k].defined)
		return &num->lvl[k];
	return &abs->lvl[k];
}

int
lsn_numbering_style_level(const struct lsn_numbering *nb, int num_id,
    const char *style)
{
	const struct lsn_num		*num;
	const struct lsn_abstract	*abs;
	const struct lsn_lvl		*l;
	int				 k;

	if (style == NULL || (num = find_num(nb, num_id)) == NULL ||
	    (abs = find_abs(nb, num->abstract_id)) == NULL)
		return -1;
	for (k = 0; k < LSN_NUM_LEVELS; k++) {
		l = level_of(num, abs, k);
		if (l->pstyle != NULL && strcmp(l->pstyle, style) == 0)
			return k;
	}
	return -1;
}

/* Decodes one UTF-8 sequence (input is valid UTF-8 from libxml2). */
static unsigned int
next_cp(const char **sp)
{
	const unsigned char	*s = (const unsigned char *)*sp;
	unsigned int		 cp;
	int			 n, i;

	if (s[0] < 0x80) {
		*sp += 1;
		return s[0];
	}
	n = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : 1;
	cp = s[0] & (0x3F >> n);
	for (i = 1; i <= n && (s[i] & 0xC0) == 0x80; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	*sp += i;
	return cp;
}

static int
is_symbol_font(const char *font)
{
	return font != NULL && (strcasecmp(font, "Symbol") == 0 ||
	    strncasecmp(font, "Wingdings", 9) == 0 ||
	    strcasecmp(font, "Webdings") == 0);
}

/* A bullet's lvlText, with symbol-font glyphs turned into Unicode. */
static void
put_bullet(struct lsn_buf *b, const struct lsn_lvl *l)
{
	const char	*p = l->text, *g;
	unsigned int	 cp;

	while (*p != '\0') {
		cp = next_cp(&p);
		if ((cp >= 0xE000 && cp <= 0xF8FF) ||
		    (is_symbol_font(l->font) && cp >= 0x20 && cp < 0x100)) {
			g = lsn_symbol_glyph(l->font, cp);
			if (g == NULL && cp >= 0xE000)
				g = "\xe2\x80\xa2"; /* a bullet is a bullet */
			if (g != NULL) {
				lsn_buf_puts(b, g);
				continue;
			}
		}
		lsn_buf_put_cp(b, cp);
	}
}

/* 1 when level l writes no number of its own (bullets, none): Word
 * prints nothing for a placeholder pointing at it. */
static int
shows_no_number(const struct lsn_lvl *l)
{
	return l->fmt != NULL && (strcmp(l->fmt, "bullet") == 0 ||
	    strcmp(l->fmt, "none") == 0);
}

/*
 * Advances the counters of abs for a paragraph of num at level ilvl, the
 * way Word counts: a restart override (w:startOverride) takes effect the
 * first time its w:num is used, a level override without one continues
 * the count; the levels above ilvl that were skipped count as used at
 * their start value (the next item there is start + 1); the deeper
 * levels restart unless their w:lvlRestart says otherwise.
 */
static void
advance(struct lsn_num *num, struct lsn_abstract *abs, int ilvl)
{
	const struct lsn_lvl	*l;
	int			 k;

	for (k = 0; k < LSN_NUM_LEVELS; k++)
		if (num->start_override[k] >= 0 && !num->override_used[k]) {
			num->override_used[k] = 1;
			abs->count[k] = num->start_override[k];
			abs->started[k] = -1;  /* pending: start from count */
		}
	for (k = 0; k <= ilvl; k++) {
		l = level_of(num, abs, k);
		if (abs->started[k] == 1 && k == ilvl && abs->count[k] < INT_MAX)
			abs->count[k]++;
		else if (abs->started[k] == 0)
			abs->count[k] = l->start;
		abs->started[k] = 1;
	}
	for (k = ilvl + 1; k < LSN_NUM_LEVELS; k++) {
		int restart = level_of(num, abs, k)->restart;

		/* lvlRestart is one-based: restart when a level at or above
		 * it is used; 0 never */
		if (abs->started[k] == 1 && (restart < 0 || ilvl < restart))
			abs->started[k] = 0;
	}
}

int
lsn_numbering_label(struct lsn_numbering *nb, const struct lsn_styles *st,
    int num_id, int ilvl, char **label, int *value)
{
	struct lsn_num		*num;
	struct lsn_abstract	*abs;
	const struct lsn_lvl	*l, *lj;
	struct lsn_buf		 b = LSN_BUF_INIT;
	const char		*p;
	int			 j, v;

	*label = NULL;
	*value = -1;
	if (ilvl < 0)
		ilvl = 0;
	if (ilvl >= LSN_NUM_LEVELS)
		ilvl = LSN_NUM_LEVELS - 1;
	if ((num = find_num(nb, num_id)) == NULL ||
	    (abs = list_definition(nb, st, num)) == NULL)
		return 1;
	l = level_of(num, abs, ilvl);
	if (!l->defined)
		return 1;
	advance(num, abs, ilvl);
	if (!shows_no_number(l))
		*value = abs->count[ilvl];

	if (l->fmt != NULL && strcmp(l->fmt, "bullet") == 0) {
		if (l->text != NULL)
			put_bullet(&b, l);
	} else if (l->text != NULL) {
		for (p = l->text; *p != '\0'; p++) {
			if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
				j = p[1] - '1';
				lj = level_of(num, abs, j);
				v = abs->started[j] == 1 ? abs->count[j] :
				    abs->started[j] == -1 ? abs->count[j] :
				    lj->start;
				/* legal numbering writes the levels above in
				 * decimal, its own in its format ("Section
				 * 1.01" under "Article I") */
				if (!shows_no_number(lj))
					lsn_numfmt_put(&b, l->legal &&
					    j != ilvl ? "decimal" : lj->fmt, v);
				p++;
			} else
				lsn_buf_putc(&b, *p);
		}
	}
	if (b.oom) {
		lsn_buf_free(&b);
		return -1;
	}
	/* a label of white space only (pandoc's " " bullet for paragraphs
	 * continuing a list item) shows nothing: no label */
	if (b.len == 0 || strspn(b.data, " \t\xc2\xa0") == b.len) {
		lsn_buf_free(&b);
		*value = -1;
		return 0;
	}
	/* the spaces ending a legacy lvlText ("%1. ") separate the label
	 * from the text like the tab after it: not part of the label */
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if ((*label = lsn_buf_detach(&b, NULL)) == NULL)
		return -1;
	return 0;
}
