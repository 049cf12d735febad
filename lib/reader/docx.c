/* SPDX-License-Identifier: MIT */
/*
 * docx.c: the DOCX reader. Walks word/document.xml (and the footnotes
 * and endnotes parts) with a streaming reader (lsn_xr), never a DOM, and
 * fills the paragraph stream of stream.h: paragraphs with their style,
 * heading level and resolved list label, table structure, note bodies,
 * and marks for bookmarks, note references, links and tracked changes.
 *
 * Memory held while reading is the stream itself plus what is open at
 * the current position: the paragraphs being built (more than one only
 * inside text boxes), open fields and the element stack.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "options.h"
#include "reader/docx-int.h"
#include "reader/readers.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

#define OPEN_END SIZE_MAX   /* end of a span mark not closed yet */

/* What an element on the stack is, for the work done at its end. */
enum fkind {
	F_OTHER = 0,
	F_P, F_PPR, F_NUMPR, F_PPR_RPR,
	F_T, F_DELTEXT, F_INSTR,
	F_SPAN,      /* hyperlink, fldSimple, ins, del, moves: closes a mark */
	F_TBL, F_TBLPR, F_TR, F_TRPR, F_TC, F_TCPR,
	F_TXBX, F_ALT, F_NOTE,
	F_RUN, F_RPR, /* w:r, its w:rPr: script and hidden text */
	F_FIGURE,     /* w:drawing, w:pict, w:object: a picture maybe */
	F_MATH,       /* an m: element inside m:oMath (flag: m:t) */
	F_MATHPARA    /* m:oMathPara: display maths */
};

struct frame {
	enum fkind	 kind;
	size_t		 mark;      /* F_SPAN: index of its mark, or -1 */
	unsigned long	 serial;    /* F_SPAN: paragraph holding the mark */
	int		 del;       /* F_SPAN: counts as deleted text */
	int		 flag;      /* F_ALT: a branch was read;
				       F_TR: the row is suppressed */
	int		 grid_after;/* F_TR */
	int		 valign;    /* F_RUN: an LSN_VALIGN_* */
	int		 vanish;    /* F_RUN: Word hides the run */
	int		 hides;     /* F_RUN: counted in ctx.hidden */
	int		 custom;    /* F_RUN: its text is a note reference's
				       custom mark */
	const char	*font;      /* F_RUN: "Symbol" or "Wingdings" when its
				       w:rFonts is one (a static string),
				       else NULL */
};

/* A paragraph being built. */
struct para {
	struct lsn_buf	 text;
	struct lsn_mark	*marks;
	size_t		 nmarks, cap;
	char		*style_id;
	/* style_id's style, looked up once (every run asks for it) */
	const struct lsn_style *style;
	int		 style_known;
	int		 has_numpr, num_id, ilvl;
	int		 outline_lvl;   /* explicit w:outlineLvl, -1 none */
	int		 mark_ins, mark_del;  /* tracked paragraph mark */
	int		 mark_vanish;   /* hidden paragraph mark, -1 unset */
	enum lsn_mark_type mark_change; /* its change (-t all), when */
	char		*mark_author, *mark_date;  /* mark_ins or mark_del */
	int		 drop_cap;      /* a drop cap frame: starts the next */
	int		 carry;         /* merged into the next paragraph */
	unsigned long	 serial;
};

/* A complex field (w:fldChar begin ... separate ... end). */
struct field {
	struct lsn_buf	 instr;
	int		 in_result;
	size_t		 mark;
	unsigned long	 serial;
	char		*link;       /* link target of HYPERLINK / REF \h */
	size_t		 below;      /* link: c->link_top when it opened */
};

/*
 * The last superscript or subscript run written in Unicode's script
 * characters, kept so that a run of the same script right after it
 * with no such characters takes both under one span: Word splits "s0"
 * into runs at will, and a reader sees "_(s0)", never "_(s)₀".
 */
struct script_run {
	int			 valid;
	unsigned long		 serial;   /* its paragraph */
	enum lsn_mark_type	 type;
	size_t			 at, end;  /* its bytes in the paragraph */
	size_t			 nmarks;   /* the paragraph's marks then */
	struct lsn_buf		 raw;      /* its text as the runs had it */
};

struct ctx {
	struct lsn_pkg			*pkg;
	liaison_track_changes		 track;
	struct lsn_styles		 styles;
	struct lsn_numbering		 numbering;
	const struct lsn_rels		*rels;    /* of the part being read */
	struct lsn_xr			*xr;
	struct lsn_stream		*out;     /* body or note bodies */
	struct lsn_stream		 deferred;/* text boxes waiting for
						     their anchor paragraph */
	int				 endnotes;/* ids get an "e" */
	int				 in_notes;

	struct frame			*stack;
	size_t				 depth, cap_stack;
	struct para			*paras;   /* [0, npara) open; paras[npara]
						     may hold a carried one */
	size_t				 npara, cap_para;
	struct field			*fields;
	size_t				 nfields, cap_fields;
	size_t				 fields_in_instr;
	size_t				 link_top; /* innermost link field in
						      its result: index + 1,
						      or 0 */
	char				**anchors; /* bookmarks between paragraphs */
	size_t				 nanchors, cap_anchors;
	char				**refs;    /* note references, in order */
	size_t				 nrefs, cap_refs;

	int				 tbl_pending; /* a table's start
							held back for its
							alt text */
	struct lsn_buf			 tbl_alt;   /* that alt text ("": none) */
	int				 row_pending, grid_before;
	int				 cell_pending, cell_colspan, cell_vmerge;
	int				 suppress;  /* inside a dropped table row */
	int				 in_del;    /* reading deleted text */
	int				 hidden;    /* runs open that Word hides */
	int				 fig_depth; /* F_FIGURE frames open */
	int				 fig_picture; /* the outermost holds one */
	char				*fig_alt;   /* its alt text, or NULL */
	unsigned long			 fig_gap;   /* the serial of a paragraph
						     whose text a figure parted
						     last (0: none): the text
						     after it is a new word */
	struct lsn_math			*math;      /* inside m:oMath, or NULL */
	int				 math_para; /* m:oMathPara open */
	struct lsn_buf			 display;   /* its formulas so far */
	struct script_run		 script;
	int				 keep_hidden;
	unsigned long			 serial;
	int				 failed;
};


static int
oom(struct ctx *c)
{
	if (!c->failed)
		lsn_error_set(c->pkg->err, LIAISON_ERR_NOMEM, c->pkg->name,
		    c->xr != NULL ? c->xr->part : NULL, 0, 0, "out of memory");
	c->failed = 1;
	return -1;
}

/* Grows an array to hold n + 1 elements of size sz. 0 or -1. */
static int
grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t	 ncap;
	void	*p;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / sz || (p = realloc(*arr, ncap * sz)) == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

static int	flush_deferred(struct ctx *);
static void	reopen_link(struct ctx *);
static int	para_mark_hidden(struct ctx *, struct para *);
static int	math_end(struct ctx *);

/* ---- output ---------------------------------------------------------- */

/* Adds one item where it belongs now: the deferred list while a
 * paragraph is open (text-box content), else the output. */
static int
put(struct ctx *c, const struct lsn_para *p)
{
	struct lsn_stream	*s = c->npara > 0 ? &c->deferred : c->out;
	int			 r;

	if (c->suppress > 0)
		return 0;
	if ((r = lsn_stream_add(s, p)) == 0)
		return 0;
	if (r == -2 && !c->failed) {
		lsn_stream_limit_error(s, c->pkg->err, c->pkg->name,
		    c->xr != NULL ? c->xr->part : NULL, 0);
		c->failed = 1;
		return -1;
	}
	return oom(c);
}

static int
put_event(struct ctx *c, enum lsn_event ev, int colspan, int vmerge)
{
	struct lsn_para	 p;

	lsn_para_init(&p);
	p.event = ev;
	p.colspan = colspan > 0 ? colspan : 1;
	p.vmerge_continue = vmerge;
	return put(c, &p);
}

/* Emits a table, row or cell whose start was held back until its
 * properties (tblCaption, gridBefore, gridSpan, vMerge, a deleted row)
 * were known. */
static int
flush_pending(struct ctx *c)
{
	if (c->tbl_pending) {
		struct lsn_para	 p;
		int		 r;

		c->tbl_pending = 0;
		lsn_para_init(&p);
		p.event = LSN_EV_TABLE_START;
		if (c->tbl_alt.len > 0) {
			p.text = c->tbl_alt.data;
			p.len = c->tbl_alt.len;
		}
		r = put(c, &p);
		lsn_buf_reset(&c->tbl_alt);
		if (r == -1)
			return -1;
	}
	if (c->row_pending) {
		c->row_pending = 0;
		if (put_event(c, LSN_EV_ROW_START, 1, 0) == -1)
			return -1;
		/* w:gridBefore: an empty cell spanning the skipped columns */
		if (c->grid_before > 0 &&
		    (put_event(c, LSN_EV_CELL_START, c->grid_before, 0) == -1 ||
		    put_event(c, LSN_EV_CELL_END, 1, 0) == -1))
			return -1;
		c->grid_before = 0;
	}
	if (c->cell_pending) {
		c->cell_pending = 0;
		if (put_event(c, LSN_EV_CELL_START, c->cell_colspan,
		    c->cell_vmerge) == -1)
			return -1;
	}
	return 0;
}

static void
para_reset_content(struct para *p)
{
	size_t	 i;

	lsn_buf_reset(&p->text);
	for (i = 0; i < p->nmarks; i++) {
		free(p->marks[i].value);
		free(p->marks[i].date);
	}
	p->nmarks = 0;
	p->carry = 0;
}

static void
para_reset_props(struct para *p)
{
	free(p->style_id);
	p->style_id = NULL;
	p->style_known = 0;
	p->has_numpr = 0;
	p->num_id = -1;
	p->ilvl = -1;
	p->outline_lvl = -1;
	p->mark_ins = p->mark_del = 0;
	p->mark_vanish = -1;
	xmlFree(p->mark_author);
	xmlFree(p->mark_date);
	p->mark_author = p->mark_date = NULL;
	p->drop_cap = 0;
}

static void
para_free(struct para *p)
{
	para_reset_content(p);
	para_reset_props(p);
	free(p->marks);
	lsn_buf_free(&p->text);
}

static struct para *
cur_para(struct ctx *c)
{
	return c->npara > 0 ? &c->paras[c->npara - 1] : NULL;
}

/* p's paragraph style (NULL: none, or not in styles.xml). */
static const struct lsn_style *
style_of(struct ctx *c, struct para *p)
{
	if (!p->style_known) {
		p->style = lsn_styles_find(&c->styles, p->style_id);
		p->style_known = 1;
	}
	return p->style;
}

/* Adds a mark to paragraph p (add_mark: the open one); value and date
 * are copied.
 * Returns its index, or (size_t)-1 when there is no paragraph or on
 * failure (c->failed tells). */
static size_t
add_mark_to(struct ctx *c, struct para *p, enum lsn_mark_type type,
    const char *value, const char *date, int span)
{
	struct lsn_mark	*m;

	if (p == NULL)
		return (size_t)-1;
	/* stop at once rather than when the paragraph is passed on */
	if (c->out->max_marks > 0 && p->nmarks >= c->out->max_marks) {
		if (!c->failed)
			lsn_stream_marks_error(c->out->max_marks, c->pkg->err,
			    c->pkg->name, c->xr != NULL ? c->xr->part : NULL,
			    0);
		c->failed = 1;
		return (size_t)-1;
	}
	if (grow((void **)&p->marks, &p->cap, p->nmarks, sizeof(*m)) == -1) {
		oom(c);
		return (size_t)-1;
	}
	m = &p->marks[p->nmarks];
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->start = p->text.len;
	m->end = span ? OPEN_END : p->text.len;
	if ((value != NULL && (m->value = strdup(value)) == NULL) ||
	    (date != NULL && (m->date = strdup(date)) == NULL)) {
		free(m->value);
		oom(c);
		return (size_t)-1;
	}
	return p->nmarks++;
}

static size_t
add_mark(struct ctx *c, enum lsn_mark_type type, const char *value,
    const char *date, int span)
{
	return add_mark_to(c, cur_para(c), type, value, date, span);
}

static void
close_mark(struct ctx *c, size_t idx, unsigned long serial)
{
	struct para	*p = cur_para(c);

	if (p == NULL || idx == (size_t)-1 || p->serial != serial ||
	    idx >= p->nmarks)
		return;
	if (p->marks[idx].end == OPEN_END)
		p->marks[idx].end = p->text.len;
}

/* A field's link mark that ends where it began, the last mark of its
 * paragraph: an outer link reopened where the inner ended, and ended
 * itself at once. It would link no text: it goes. */
static void
drop_empty_link(struct ctx *c, size_t idx, unsigned long serial)
{
	struct para	*p = cur_para(c);

	if (p == NULL || p->serial != serial || idx == (size_t)-1 ||
	    idx + 1 != p->nmarks || p->marks[idx].type != LSN_MARK_LINK ||
	    p->marks[idx].start != p->marks[idx].end)
		return;
	free(p->marks[idx].value);
	free(p->marks[idx].date);
	p->nmarks--;
}

/* Text is shown unless it is a field's instruction or hidden. */
static int
visible(const struct ctx *c)
{
	return c->npara > 0 && c->fields_in_instr == 0 && c->hidden == 0;
}

/* A byte of a word: an ASCII letter or digit, or any byte of a
 * character beyond ASCII. */
static int
word_byte(char b)
{
	return isalnum((unsigned char)b) || (unsigned char)b >= 0x80;
}

/* Appends document text, turning no-break spaces (U+00A0, U+2007,
 * U+202F) into spaces and no-break hyphens (U+2011) into "-", as the text
 * reader does. Their lead bytes are found with memchr: a loop over
 * every byte was a tenth of reading the body. */
static int
add_text(struct ctx *c, const char *s, size_t n)
{
	struct para	*p = cur_para(c);
	const char	*c2, *e2, *at;
	size_t		 from = 0, i, len;
	int		 is_c2;

	if (!visible(c) || n == 0)
		return 0;
	/* "Compute 20<object>for each": a figure between words parts them
	 * (not "(<object>)": punctuation is no word) */
	if (c->fig_gap != 0) {
		if (c->fig_gap == p->serial && p->text.len > 0 &&
		    word_byte(p->text.data[p->text.len - 1]) &&
		    word_byte(s[0]))
			lsn_buf_putc(&p->text, ' ');
		c->fig_gap = 0;
	}
	c2 = memchr(s, 0xC2, n);
	e2 = memchr(s, 0xE2, n);
	while (c2 != NULL || e2 != NULL) {
		is_c2 = e2 == NULL || (c2 != NULL && c2 < e2);
		at = is_c2 ? c2 : e2;
		i = (size_t)(at - s);
		len = 0;
		if (is_c2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
			len = 2;
		else if (!is_c2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xAF ||
		    (unsigned char)s[i + 2] == 0x87 ||
		    (unsigned char)s[i + 2] == 0x91))
			len = 3;
		if (len > 0) {
			lsn_buf_put(&p->text, s + from, i - from);
			lsn_buf_putc(&p->text, len == 3 &&
			    (unsigned char)s[i + 2] == 0x91 ? '-' : ' ');
			from = i + len;
		}
		/* (the bytes after a lead are no lead: search on from it) */
		if (is_c2)
			c2 = memchr(at + 1, 0xC2, n - i - 1);
		else
			e2 = memchr(at + 1, 0xE2, n - i - 1);
	}
	lsn_buf_put(&p->text, s + from, n - from);
	return p->text.oom ? oom(c) : 0;
}

static int
add_str(struct ctx *c, const char *s)
{
	return add_text(c, s, strlen(s));
}

static int
cmp_size(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static size_t
remap(const size_t *bounds, const size_t *mapped, size_t n, size_t off)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (bounds[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && bounds[lo] == off ? mapped[lo] : off;
}

/*
 * Puts the text into NFC. Marks are byte offsets, so the text is
 * normalized in the segments between mark offsets and the offsets are
 * mapped to the new text.
 */
static int
normalize(struct ctx *c, struct para *p)
{
	struct lsn_buf	 nb = LSN_BUF_INIT;
	size_t		*bounds, *mapped, nb_count = 0, i;
	const char	*t = lsn_buf_str(&p->text);

	/* Most office text (ASCII, dashes, quotes, bullets) is NFC already:
	 * utf8proc on each piece was 7% of a large DOCX's instructions. */
	if (lsn_utf8_is_nfc(t, p->text.len))
		return 0;
	if ((bounds = calloc(2 * p->nmarks + 2, sizeof(*bounds))) == NULL ||
	    (mapped = calloc(2 * p->nmarks + 2, sizeof(*mapped))) == NULL) {
		free(bounds);
		return oom(c);
	}
	bounds[nb_count++] = 0;
	bounds[nb_count++] = p->text.len;
	for (i = 0; i < p->nmarks; i++) {
		bounds[nb_count++] = p->marks[i].start;
		bounds[nb_count++] = p->marks[i].end;
	}
	qsort(bounds, nb_count, sizeof(*bounds), cmp_size);
	for (i = 0; i < nb_count; i++) {
		size_t from = bounds[i], to;
		utf8proc_uint8_t *dst = NULL;
		utf8proc_ssize_t n;

		mapped[i] = nb.len;
		if (i + 1 == nb_count || (to = bounds[i + 1]) <= from)
			continue;
		n = utf8proc_map((const utf8proc_uint8_t *)t + from,
		    (utf8proc_ssize_t)(to - from), &dst,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n >= 0)
			lsn_buf_put(&nb, (const char *)dst, (size_t)n);
		else if (n == UTF8PROC_ERROR_NOMEM)
			nb.oom = 1;
		else
			lsn_buf_put(&nb, t + from, to - from);
		free(dst);
	}
	for (i = 0; i < p->nmarks; i++) {
		p->marks[i].start = remap(bounds, mapped, nb_count,
		    p->marks[i].start);
		p->marks[i].end = remap(bounds, mapped, nb_count,
		    p->marks[i].end);
	}
	free(bounds);
	free(mapped);
	if (nb.oom) {
		lsn_buf_free(&nb);
		return oom(c);
	}
	lsn_buf_free(&p->text);
	p->text = nb;
	if (p->text.data == NULL && lsn_buf_grow(&p->text, 0) == -1)
		return oom(c);
	return 0;
}

/*
 * ITU's enumlev1-3 styles: list items whose label is typed, then a
 * tab ("–\tText", "a)\tText"). The label is what precedes the tab.
 * Returns the label length (text to drop including the tab), or 0.
 */
static size_t
typed_label(const struct para *p, size_t *label_len)
{
	const char	*t = lsn_buf_str(&p->text);
	size_t		 i, start = 0, end;

	while (t[start] == ' ')
		start++;
	for (i = start; i < p->text.len && i < start + 24; i++) {
		if (t[i] == '\t')
			break;
		if (t[i] == ' ' || t[i] == '\n')
			return 0;
	}
	if (i >= p->text.len || t[i] != '\t' || i == start)
		return 0;
	end = i;
	*label_len = end - start;
	return end + 1;
}

static int
enumlev_level(const char *name)
{
	if (name == NULL || strncasecmp(name, "enumlev", 7) != 0)
		return -1;
	if (name[7] >= '1' && name[7] <= '3' && name[8] == '\0')
		return name[7] - '1';
	return -1;
}

/* Emits a finished paragraph: resolves style, heading level and list
 * label, normalizes the text, and resets the struct for reuse. */
static int
emit_para(struct ctx *c, struct para *p)
{
	const struct lsn_style	*st = NULL;
	struct lsn_para		 out;
	char			*label = NULL, *text_store = NULL;
	size_t			 i, drop, llen;
	int			 num_id = -1, ilvl = -1, r, lev, value;

	if (c->suppress > 0) {
		para_reset_content(p);
		return 0;
	}
	for (i = 0; i < p->nmarks; i++)
		if (p->marks[i].end == OPEN_END)
			p->marks[i].end = p->text.len;
	if (p->style_id != NULL)
		st = style_of(c, p);
	else if (c->styles.default_para != (size_t)-1)
		st = &c->styles.items[c->styles.default_para];

	lsn_para_init(&out);
	out.style = p->style_id != NULL && st != NULL ? st->name :
	    p->style_id;
	if (out.style != NULL && strlen(out.style) > LSN_DOCX_STYLE_NAME_MAX)
		out.style = NULL;
	if (p->outline_lvl >= 0)
		out.outline = p->outline_lvl <= 8 ? p->outline_lvl + 1 : 0;
	else if (st != NULL)
		out.outline = st->r_outline;

	/* Numbering: the paragraph's own w:numPr, else its style's. */
	if (p->has_numpr && p->num_id >= 0) {
		num_id = p->num_id;
		ilvl = p->ilvl;
	} else if (st != NULL && st->r_num_id >= 0) {
		num_id = st->r_num_id;
		ilvl = p->has_numpr && p->ilvl >= 0 ? p->ilvl : st->r_ilvl;
	}
	if (num_id > 0) {
		if (ilvl < 0 && st != NULL)
			ilvl = lsn_numbering_style_level(&c->numbering, num_id,
			    st->id);
		if (ilvl < 0)
			ilvl = 0;
		if (ilvl >= LSN_NUM_LEVELS)
			ilvl = LSN_NUM_LEVELS - 1;
		r = lsn_numbering_label(&c->numbering, &c->styles, num_id,
		    ilvl, &label, &value);
		if (r == -1)
			return oom(c);
		if (r == 0) {
			out.num_id = num_id;
			out.ilvl = ilvl;
			out.label = label;
			out.label_auto = label != NULL;
			out.value = value;
		}
	}

	if (out.label == NULL && (lev = enumlev_level(out.style)) >= 0) {
		out.ilvl = lev;
		if ((drop = typed_label(p, &llen)) > 0) {
			const char *t = lsn_buf_str(&p->text);
			size_t start = 0;

			while (t[start] == ' ')
				start++;
			if ((label = strndup(t + start, llen)) == NULL ||
			    (text_store = strdup(t + drop)) == NULL) {
				free(label);
				return oom(c);
			}
			out.label = label;
			out.label_auto = 0;
			lsn_buf_reset(&p->text);
			lsn_buf_puts(&p->text, text_store);
			free(text_store);
			for (i = 0; i < p->nmarks; i++) {
				p->marks[i].start = p->marks[i].start > drop ?
				    p->marks[i].start - drop : 0;
				p->marks[i].end = p->marks[i].end > drop ?
				    p->marks[i].end - drop : 0;
			}
			if (p->text.oom) {
				free(label);
				return oom(c);
			}
		}
	}

	/* the paragraph mark's own change, recorded at the end */
	if (c->track == LIAISON_TRACK_ALL && (p->mark_ins || p->mark_del)) {
		size_t idx = add_mark_to(c, p, p->mark_change,
		    p->mark_author, p->mark_date, 0);

		if (idx == (size_t)-1 && c->failed) {
			free(label);
			return -1;
		}
		if (idx != (size_t)-1)
			p->marks[idx].para_mark = 1;
	}
	if (normalize(c, p) == -1) {
		free(label);
		return -1;
	}
	out.text = p->text.data != NULL ? p->text.data : (char *)"";
	out.len = p->text.len;
	out.marks = p->marks;
	out.nmarks = p->nmarks;
	out.line = p->serial;
	r = put(c, &out);
	free(label);
	para_reset_content(p);
	return r;
}

/* A paragraph whose mark was merged away waits in paras[npara]; it is
 * emitted when something else than a paragraph follows. */
static int
flush_carry(struct ctx *c)
{
	struct para	*p;

	if (c->npara >= c->cap_para)
		return 0;
	p = &c->paras[c->npara];
	if (!p->carry)
		return 0;
	p->carry = 0;
	if (flush_pending(c) == -1 || emit_para(c, p) == -1)
		return -1;
	if (c->npara == 0 && c->deferred.count > 0)
		return flush_deferred(c);
	return 0;
}

/* Moves text-box paragraphs to the output after their anchor. */
static int
flush_deferred(struct ctx *c)
{
	struct lsn_para	 p;
	size_t		 i;
	int		 r;

	for (i = 0; i < c->deferred.count; i++) {
		lsn_stream_get(&c->deferred, i, &p);
		if ((r = lsn_stream_add(c->out, &p)) != 0) {
			lsn_stream_free(&c->deferred);
			if (r == -2) {
				lsn_stream_limit_error(c->out, c->pkg->err,
				    c->pkg->name, c->xr->part, 0);
				c->failed = 1;
				return -1;
			}
			return oom(c);
		}
	}
	lsn_stream_free(&c->deferred);
	return 0;
}

static int
struct_event(struct ctx *c, enum lsn_event ev, int colspan, int vmerge)
{
	if (flush_carry(c) == -1 || flush_pending(c) == -1)
		return -1;
	return put_event(c, ev, colspan, vmerge);
}

/* ---- paragraphs ------------------------------------------------------- */

/*
 * A field's result may run on over paragraphs (Word's TOC and
 * HYPERLINK fields do): the link of the innermost field still open goes
 * on in this paragraph, unless its mark is open here already. Only that
 * one: links do not nest for a reader, and reopening every open field
 * in every paragraph made one paragraph per unended field cost the
 * square of their number. An outer link resumes when the inner ends.
 */
static void
reopen_link(struct ctx *c)
{
	struct para	*p = cur_para(c);
	struct field	*f;

	if (c->link_top == 0 || p == NULL || !visible(c))
		return;
	f = &c->fields[c->link_top - 1];
	if (f->serial == p->serial && f->mark != (size_t)-1 &&
	    f->mark < p->nmarks && p->marks[f->mark].end == OPEN_END)
		return;
	f->mark = add_mark(c, LSN_MARK_LINK, f->link, NULL, 1);
	f->serial = p->serial;
}

static int
begin_para(struct ctx *c)
{
	struct para	*p;
	size_t		 i;

	/* one slot more than open paragraphs: the carried one */
	if (c->npara + 1 >= c->cap_para) {
		size_t old = c->cap_para;

		if (grow((void **)&c->paras, &c->cap_para, c->npara + 1,
		    sizeof(*c->paras)) == -1)
			return oom(c);
		memset(c->paras + old, 0,
		    (c->cap_para - old) * sizeof(*c->paras));
	}
	p = &c->paras[c->npara++];
	if (!p->carry)
		para_reset_content(p);
	p->carry = 0;
	para_reset_props(p);
	p->serial = ++c->serial;
	if (lsn_buf_grow(&p->text, 0) == -1)
		return oom(c);
	/* bookmarks that stood between paragraphs belong to this one */
	for (i = 0; i < c->nanchors; i++) {
		add_mark(c, LSN_MARK_ANCHOR, c->anchors[i], NULL, 0);
		free(c->anchors[i]);
	}
	c->nanchors = 0;
	reopen_link(c);
	return c->failed ? -1 : 0;
}

static int
end_para(struct ctx *c)
{
	struct para	*p = cur_para(c);
	int		 merge;

	if (p == NULL)
		return 0;
	/* A deleted paragraph mark (accept) or an inserted one (reject)
	 * is not there: the text runs on into the next paragraph. So does
	 * a drop cap, which Word keeps in a frame paragraph of its own. */
	merge = (c->track == LIAISON_TRACK_ACCEPT && p->mark_del) ||
	    (c->track == LIAISON_TRACK_REJECT && p->mark_ins) ||
	    p->drop_cap || (para_mark_hidden(c, p) && !c->keep_hidden);
	c->npara--;
	if (merge) {
		p->carry = 1;
		return 0;
	}
	if (flush_pending(c) == -1 || emit_para(c, p) == -1)
		return -1;
	if (c->npara == 0 && c->deferred.count > 0)
		return flush_deferred(c);
	return 0;
}

/* ---- fields ------------------------------------------------------------ */

/* Next token of a field instruction: a quoted string or a word. */
static const char *
instr_token(const char *s, struct lsn_buf *tok)
{
	lsn_buf_reset(tok);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '\0')
		return NULL;
	if (*s == '"') {
		for (s++; *s != '\0' && *s != '"'; s++) {
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
				s++;
			lsn_buf_putc(tok, *s);
		}
		if (*s == '"')
			s++;
	} else
		for (; *s != '\0' && *s != ' ' && *s != '\t'; s++)
			lsn_buf_putc(tok, *s);
	return s;
}

/*
 * The link a field makes: HYPERLINK "url" [\l "anchor"] or
 * REF/PAGEREF bookmark \h. Stores a new string the caller frees in
 * *link, or NULL when the field makes no link. Returns 0, or -1 when
 * memory ran out.
 */
static int
field_link(const char *instr, char **link)
{
	struct lsn_buf	 tok = LSN_BUF_INIT, out = LSN_BUF_INIT;
	char		*url = NULL, *anchor = NULL;
	int		 kind = 0, hswitch = 0, oom_seen = 0;
	const char	*s = instr;

	*link = NULL;
	if ((s = instr_token(s, &tok)) == NULL)
		goto done;
	if (strcasecmp(lsn_buf_str(&tok), "HYPERLINK") == 0)
		kind = 1;
	else if (strcasecmp(lsn_buf_str(&tok), "REF") == 0 ||
	    strcasecmp(lsn_buf_str(&tok), "PAGEREF") == 0)
		kind = 2;
	else
		goto done;
	while ((s = instr_token(s, &tok)) != NULL) {
		const char *t = lsn_buf_str(&tok);

		if (t[0] == '\\') {
			if (t[1] == 'l' || t[1] == 'L') {
				if ((s = instr_token(s, &tok)) == NULL)
					break;
				free(anchor);
				if ((anchor = strdup(lsn_buf_str(&tok))) == NULL)
					oom_seen = 1;
			} else if (t[1] == 'o' || t[1] == 't') {
				if ((s = instr_token(s, &tok)) == NULL)
					break;
			} else if (t[1] == 'h')
				hswitch = 1;
		} else if (url == NULL && (url = strdup(t)) == NULL)
			oom_seen = 1;
	}
	if (kind == 1) {
		if (url != NULL)
			lsn_buf_puts(&out, url);
		if (anchor != NULL && *anchor != '\0')
			lsn_buf_printf(&out, "#%s", anchor);
	} else if (kind == 2 && hswitch && url != NULL)
		lsn_buf_printf(&out, "#%s", url);
	if (out.len > 0 && (*link = lsn_buf_detach(&out, NULL)) == NULL)
		oom_seen = 1;
done:
	if (tok.oom || out.oom)
		oom_seen = 1;
	lsn_buf_free(&out);
	lsn_buf_free(&tok);
	free(url);
	free(anchor);
	if (oom_seen) {
		free(*link);
		*link = NULL;
		return -1;
	}
	return 0;
}

static int
field_char(struct ctx *c, const char *type)
{
	struct field	*f;

	if (type == NULL)
		return 0;
	if (strcmp(type, "begin") == 0) {
		if (grow((void **)&c->fields, &c->cap_fields, c->nfields,
		    sizeof(*f)) == -1)
			return oom(c);
		f = &c->fields[c->nfields++];
		memset(f, 0, sizeof(*f));
		f->mark = (size_t)-1;
		c->fields_in_instr++;
		return 0;
	}
	if (c->nfields == 0)
		return 0;  /* unbalanced: Word ignores it */
	f = &c->fields[c->nfields - 1];
	if (strcmp(type, "separate") == 0 && !f->in_result) {
		f->in_result = 1;
		c->fields_in_instr--;
		if (f->instr.oom)
			return oom(c);
		if (field_link(lsn_buf_str(&f->instr), &f->link) == -1)
			return oom(c);
		if (f->link != NULL) {
			f->below = c->link_top;
			c->link_top = c->nfields;
		}
		if (f->link != NULL && visible(c)) {
			f->mark = add_mark(c, LSN_MARK_LINK, f->link, NULL, 1);
			f->serial = cur_para(c)->serial;
		}
	} else if (strcmp(type, "end") == 0) {
		if (!f->in_result)
			c->fields_in_instr--;
		close_mark(c, f->mark, f->serial);
		drop_empty_link(c, f->mark, f->serial);
		if (f->link != NULL && c->link_top == c->nfields)
			c->link_top = f->below;
		lsn_buf_free(&f->instr);
		free(f->link);
		c->nfields--;
		reopen_link(c);
	}
	return c->failed ? -1 : 0;
}

static void
fields_reset(struct ctx *c)
{
	while (c->nfields > 0) {
		c->nfields--;
		lsn_buf_free(&c->fields[c->nfields].instr);
		free(c->fields[c->nfields].link);
	}
	c->fields_in_instr = 0;
	c->link_top = 0;
}

/* ---- the element walker ---------------------------------------------- */

static struct frame *
push(struct ctx *c, enum fkind kind)
{
	struct frame	*f;

	if (grow((void **)&c->stack, &c->cap_stack, c->depth,
	    sizeof(*f)) == -1) {
		oom(c);
		return NULL;
	}
	f = &c->stack[c->depth++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->mark = (size_t)-1;
	return f;
}

static struct frame *
top(struct ctx *c)
{
	return c->depth > 0 ? &c->stack[c->depth - 1] : NULL;
}

static int
is(const struct lsn_xr *xr, const char *local)
{
	return strcmp(xr->local, local) == 0;
}

/* An element whose end needs no work: pushed unless empty. */
static int
descend(struct ctx *c, enum fkind kind)
{
	if (c->xr->empty)
		return 0;
	return push(c, kind) == NULL ? -1 : 0;
}

/* Opens a span mark that closes with the element. */
static int
span(struct ctx *c, int want_mark, enum lsn_mark_type type,
    const char *value, const char *date, int del)
{
	struct frame	*f;
	struct para	*p = cur_para(c);
	size_t		 idx = (size_t)-1;

	if (c->xr->empty)
		return 0;
	if (want_mark && visible(c))
		idx = add_mark(c, type, value, date, 1);
	if (c->failed || (f = push(c, F_SPAN)) == NULL)
		return -1;
	f->mark = idx;
	f->serial = p != NULL ? p->serial : 0;
	f->del = del;
	if (del)
		c->in_del++;
	return 0;
}

/* w:ins, w:del, w:moveFrom, w:moveTo around runs, by track mode.
 * Returns 1 to skip the element, 0 to read it, -1 on error. */
static int
tracked(struct ctx *c, int deletion, enum lsn_mark_type type)
{
	char	*author, *date;
	int	 r;

	if (c->track == LIAISON_TRACK_ACCEPT)
		return deletion ? 1 : descend(c, F_OTHER);
	if (c->track == LIAISON_TRACK_REJECT)
		return deletion ? span(c, 0, type, NULL, NULL, 1) : 1;
	author = lsn_xr_attr(c->xr, "author");
	date = lsn_xr_attr(c->xr, "date");
	r = span(c, 1, type, author, date, deletion);
	xmlFree(author);
	xmlFree(date);
	return r;
}

static int
sym(struct ctx *c)
{
	char		*font = lsn_xr_attr(c->xr, "font");
	char		*hex = lsn_xr_attr(c->xr, "char");
	const char	*g = NULL;
	unsigned long	 code = 0;
	struct lsn_buf	 b = LSN_BUF_INIT;
	int		 r = 0;

	if (hex != NULL)
		code = strtoul(hex, NULL, 16);
	if (code > 0 && code <= 0x10FFFF) {
		g = lsn_symbol_glyph(font, (unsigned int)code);
		if (g != NULL)
			r = add_str(c, g);
		else {
			/* Symbol's codes below 0x80 are ASCII */
			if (code >= 0xF020 && code < 0xF07F)
				code -= 0xF000;
			if (lsn_buf_put_cp(&b, (unsigned int)code) == -1)
				r = oom(c);
			else
				r = add_text(c, b.data, b.len);
		}
	}
	lsn_buf_free(&b);
	xmlFree(font);
	xmlFree(hex);
	return r;
}

static int
note_ref(struct ctx *c, int endnote)
{
	char		*id = lsn_xr_attr(c->xr, "id");
	char		*custom = lsn_xr_attr(c->xr, "customMarkFollows");
	struct frame	*f = top(c);
	struct lsn_buf	 b = LSN_BUF_INIT;
	char		*s;

	/* The rest of the run is the reference's own mark ("1", "*"),
	 * Word's drawing of the reference, which the mark already is:
	 * kept as text it glues to the word before ("notification1"). */
	if (custom != NULL && f != NULL && f->kind == F_RUN &&
	    strcmp(custom, "0") != 0 && strcmp(custom, "false") != 0 &&
	    strcmp(custom, "off") != 0)
		f->custom = 1;
	xmlFree(custom);
	if (id == NULL)
		return 0;
	lsn_buf_printf(&b, "%s%s", endnote ? "e" : "", id);
	xmlFree(id);
	if ((s = lsn_buf_detach(&b, NULL)) == NULL)
		return oom(c);
	if (visible(c))
		add_mark(c, LSN_MARK_NOTEREF, s, NULL, 0);
	if (c->in_notes) {
		free(s);
		return c->failed ? -1 : 0;
	}
	/* the body's references decide which notes follow, in order */
	if (grow((void **)&c->refs, &c->cap_refs, c->nrefs,
	    sizeof(*c->refs)) == -1) {
		free(s);
		return oom(c);
	}
	c->refs[c->nrefs++] = s;
	return c->failed ? -1 : 0;
}

static int
bookmark(struct ctx *c)
{
	char	*name = lsn_xr_attr(c->xr, "name");
	int	 r = 0;

	if (name == NULL || strcmp(name, "_GoBack") == 0) {
		xmlFree(name);
		return 0;
	}
	if (c->npara > 0)
		add_mark(c, LSN_MARK_ANCHOR, name, NULL, 0);
	else if (grow((void **)&c->anchors, &c->cap_anchors, c->nanchors,
	    sizeof(*c->anchors)) == -1 ||
	    (c->anchors[c->nanchors] = strdup(name)) == NULL)
		r = oom(c);
	else
		c->nanchors++;
	xmlFree(name);
	return c->failed ? -1 : r;
}

static int
link_element(struct ctx *c)
{
	char			*rid = lsn_xr_attr_ns(c->xr, LSN_NS_R, "id");
	char			*anchor = lsn_xr_attr(c->xr, "anchor");
	const struct lsn_rel	*rel = NULL;
	struct lsn_buf		 b = LSN_BUF_INIT;
	int			 r;

	if (rid != NULL && c->rels != NULL)
		rel = lsn_rels_by_id(c->rels, rid);
	if (rel != NULL)
		lsn_buf_puts(&b, rel->target);
	if (anchor != NULL && *anchor != '\0')
		lsn_buf_printf(&b, "#%s", anchor);
	if (b.oom)
		r = oom(c);
	else
		r = span(c, b.len > 0, LSN_MARK_LINK, b.data, NULL, 0);
	lsn_buf_free(&b);
	xmlFree(rid);
	xmlFree(anchor);
	return r;
}

static int
simple_field(struct ctx *c)
{
	char	*instr = lsn_xr_attr(c->xr, "instr");
	char	*link = NULL;
	int	 r;

	if (instr != NULL && field_link(instr, &link) == -1) {
		xmlFree(instr);
		return oom(c);
	}
	r = span(c, link != NULL, LSN_MARK_LINK, link, NULL, 0);
	free(link);
	xmlFree(instr);
	return r;
}

static int
int_attr(struct ctx *c, const char *local, int dflt)
{
	char	*v = lsn_xr_attr(c->xr, local);
	int	 n = lsn_docx_int(v, dflt);

	xmlFree(v);
	return n;
}

/* ---- runs: script and hidden text ------------------------------------ */

/* The paragraph style of the current paragraph, or NULL. */
static const struct lsn_style *
para_style(struct ctx *c)
{
	struct para *p = cur_para(c);

	return p != NULL ? style_of(c, p) : NULL;
}

/* Whether Word hides paragraph p's mark (its own w:rPr, else its
 * style's): the paragraph then runs on into the next, as Word shows it. */
static int
para_mark_hidden(struct ctx *c, struct para *p)
{
	const struct lsn_style *st;

	if (p->mark_vanish >= 0)
		return p->mark_vanish;
	st = style_of(c, p);
	return st != NULL && st->r_vanish == 1;
}

/* Counts run f in c->hidden when Word hides it and we do too. */
static void
run_hides(struct ctx *c, struct frame *f)
{
	int hides = f->vanish && !c->keep_hidden;

	c->hidden += hides - f->hides;
	f->hides = hides;
}

/* A run takes its paragraph style's script and hiding; its w:rPr (the
 * character style, then its own properties) may change them. */
static int
run_start(struct ctx *c)
{
	const struct lsn_style	*st = para_style(c);
	struct frame		*f;

	if (c->xr->empty)
		return 0;
	if ((f = push(c, F_RUN)) == NULL)
		return -1;
	f->valign = st != NULL && st->r_valign > 0 ? st->r_valign :
	    LSN_VALIGN_BASELINE;
	f->vanish = st != NULL && st->r_vanish == 1;
	f->hides = 0;
	f->font = NULL;
	run_hides(c, f);
	return 0;
}

/*
 * A run's w:rFonts: the symbol font its text is in, or NULL. Word
 * keeps a Greek letter typed in Symbol as the font's code ("s", or
 * U+F073 in the private use area); a reader sees "σ".
 */
static const char *
symbol_font(struct ctx *c)
{
	static const char *const fonts[] = { "Symbol", "Wingdings" };
	char		*v = lsn_xr_attr(c->xr, "ascii");
	const char	*font = NULL;
	size_t		 i;

	if (v == NULL)
		v = lsn_xr_attr(c->xr, "hAnsi");
	for (i = 0; v != NULL && i < sizeof(fonts) / sizeof(fonts[0]); i++)
		if (strcasecmp(v, fonts[i]) == 0)
			font = fonts[i];
	xmlFree(v);
	return font;
}

/* An element of a run's w:rPr; run is the run's frame. In the schema's
 * order: w:rStyle first, then the run's own properties. */
static void
run_property(struct ctx *c, struct frame *run)
{
	const struct lsn_style	*st;
	char			*v;

	if (c->xr->ns != LSN_NS_W || run->kind != F_RUN)
		return;
	if (is(c->xr, "rStyle")) {
		v = lsn_xr_attr(c->xr, "val");
		st = lsn_styles_find(&c->styles, v);
		xmlFree(v);
		if (st != NULL && st->r_valign >= 0)
			run->valign = st->r_valign;
		if (st != NULL && st->r_vanish >= 0)
			run->vanish = st->r_vanish;
	} else if (is(c->xr, "rFonts")) {
		run->font = symbol_font(c);
		return;
	} else if (is(c->xr, "vertAlign"))
		run->valign = lsn_docx_valign(c->xr);
	else if (is(c->xr, "vanish"))
		run->vanish = lsn_xr_onoff(c->xr, "val");
	else
		return;
	run_hides(c, run);
}

/* The bytes of white space (space, tab, no-break space) at the start of
 * s (end == 0) or at its end. */
static size_t
space_len(const char *s, size_t n, int end)
{
	const char	*at;
	size_t		 k = 0;

	while (k < n) {
		at = end ? s + n - k - 1 : s + k;  /* the next byte in */
		if (*at == ' ' || *at == '\t')
			k++;
		else if (k + 2 <= n && memcmp(end ? at - 1 : at, "\xc2\xa0",
		    2) == 0)
			k += 2;
		else
			break;
	}
	return k;
}

/*
 * Superscript or subscript text: in Unicode's characters when each has
 * one ("10⁻⁶", "m²"), else as it is under a sup or sub span, one span
 * for adjacent runs of the same script (c->script). Linear: a run
 * joins a span as it is, and converted text goes back to a span once.
 */
static int
script_text(struct ctx *c, int super, const char *s, size_t n)
{
	struct para		*p = cur_para(c);
	struct lsn_buf		 b = LSN_BUF_INIT;
	struct script_run	*last = &c->script;
	struct lsn_mark		*m;
	enum lsn_mark_type	 type = super ? LSN_MARK_SUP : LSN_MARK_SUB;
	size_t			 start, idx, lead, trail;
	int			 r, adjacent;

	if (!visible(c) || n == 0 || p == NULL)
		return 0;
	/* White space at either end is a space on the line, raised or not
	 * (a subscript "2 " between "C" and "are"): kept out of the
	 * script, so that "C₂ are" is no "C_(2 )are". */
	if ((lead = space_len(s, n, 0)) == n)
		return add_text(c, s, n);
	trail = space_len(s + lead, n - lead, 1);
	if (lead > 0 || trail > 0)
		return add_text(c, s, lead) == -1 ||
		    script_text(c, super, s + lead, n - lead - trail) == -1 ||
		    add_text(c, s + n - trail, trail) == -1 ? -1 : 0;
	/* a span of the same script just before: the run joins it */
	m = p->nmarks > 0 ? &p->marks[p->nmarks - 1] : NULL;
	if (m != NULL && m->type == type && m->end == p->text.len &&
	    m->end > m->start) {
		if (add_text(c, s, n) == -1)
			return -1;
		m->end = p->text.len;
		return 0;
	}
	adjacent = last->valid && last->serial == p->serial &&
	    last->type == type && last->end == p->text.len &&
	    last->nmarks == p->nmarks;
	if ((r = lsn_script_text(super, s, n, &b)) != 0) {
		if (r == -1 || b.oom) {
			lsn_buf_free(&b);
			return oom(c);
		}
		if (!adjacent) {
			lsn_buf_reset(&last->raw);
			last->valid = 1;
			last->serial = p->serial;
			last->type = type;
			last->at = p->text.len;
		}
		r = lsn_buf_put(&last->raw, s, n) == -1 ? oom(c) :
		    add_text(c, b.data, b.len);
		last->end = p->text.len;
		last->nmarks = p->nmarks;
		lsn_buf_free(&b);
		return r;
	}
	lsn_buf_free(&b);
	start = p->text.len;
	last->valid = 0;
	if (adjacent) {
		/* the converted runs before go back to their text, and
		 * under the span with this one */
		p->text.len = start = last->at;
		if (add_text(c, last->raw.data, last->raw.len) == -1)
			return -1;
	}
	if (add_text(c, s, n) == -1)
		return -1;
	if ((idx = add_mark(c, type, NULL, NULL, 0)) == (size_t)-1)
		return c->failed ? -1 : 0;
	p->marks[idx].start = start;
	return 0;
}

/* Text of a run in a symbol font (run->font): each code the font draws
 * differently from Latin-1 as the glyph a reader sees, then as any
 * run's text. */
static int
font_text(struct ctx *c, const struct frame *run, const char *s, size_t n)
{
	struct lsn_buf	 b = LSN_BUF_INIT;
	const char	*g;
	int32_t		 cp;
	size_t		 i, k;
	int		 r;

	for (i = 0; i < n; i += k) {
		if ((k = lsn_utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
		g = cp >= 0x20 && ((cp < 0x100) || (cp >= 0xF020 &&
		    cp <= 0xF0FF)) ? lsn_symbol_glyph(run->font,
		    (unsigned int)cp) : NULL;
		if ((g != NULL ? lsn_buf_puts(&b, g) :
		    cp >= 0xF020 && cp < 0xF100 ?
		    lsn_buf_put_cp(&b, (unsigned int)cp - 0xF000) :
		    lsn_buf_put(&b, s + i, k)) == -1) {
			lsn_buf_free(&b);
			return oom(c);
		}
	}
	if (run->valign != LSN_VALIGN_BASELINE)
		r = script_text(c, run->valign == LSN_VALIGN_SUPER,
		    b.data != NULL ? b.data : "", b.len);
	else
		r = add_text(c, b.data != NULL ? b.data : "", b.len);
	lsn_buf_free(&b);
	return r;
}

/* ---- figures ----------------------------------------------------------- */

/* w:drawing, w:pict: a figure when a picture, chart or diagram is in it
 * (not a text box alone); nested ones are the outermost's. */
static int
figure_start(struct ctx *c)
{
	if (c->xr->empty)
		return 0;
	if (c->fig_depth++ == 0) {
		c->fig_picture = 0;
		free(c->fig_alt);
		c->fig_alt = NULL;
	}
	return push(c, F_FIGURE) == NULL ? -1 : 0;
}

/* An element inside a drawing: its alt text (wp:docPr descr, else
 * title; a VML shape's alt) and whether it shows a picture. */
static int
figure_part(struct ctx *c)
{
	static const char *const pictures[] = {
		"blip", "imagedata", "chart", "relIds", "OLEObject", NULL
	};
	char	*v = NULL;
	size_t	 i;

	for (i = 0; pictures[i] != NULL; i++)
		if (is(c->xr, pictures[i]))
			c->fig_picture = 1;
	if (c->fig_alt != NULL)
		return 0;
	if (is(c->xr, "docPr")) {
		v = lsn_xr_attr(c->xr, "descr");
		if (v == NULL || *v == '\0') {
			xmlFree(v);
			v = lsn_xr_attr(c->xr, "title");
		}
	} else if (is(c->xr, "shape"))
		v = lsn_xr_attr(c->xr, "alt");
	if (v != NULL && *v != '\0' && (c->fig_alt = strdup(v)) == NULL) {
		xmlFree(v);
		return oom(c);
	}
	xmlFree(v);
	return 0;
}

/* The end of a drawing: the figure follows its paragraph (put defers
 * it while the paragraph is open, as it does text boxes). */
static int
figure_end(struct ctx *c)
{
	struct lsn_para	 p;
	int		 r = 0;

	if (--c->fig_depth > 0)
		return 0;
	if (c->fig_picture && visible(c)) {
		lsn_para_init(&p);
		p.event = LSN_EV_FIGURE;
		p.text = c->fig_alt != NULL ? c->fig_alt : (char *)"";
		p.len = strlen(p.text);
		r = put(c, &p);
		if (cur_para(c) != NULL)
			c->fig_gap = cur_para(c)->serial;
	}
	free(c->fig_alt);
	c->fig_alt = NULL;
	return r;
}

/* ---- maths --------------------------------------------------------------- */

/* An m: element: m:oMathPara opens display maths, m:oMath a formula,
 * and every element inside a formula goes to lsn_math. */
static int
math_element(struct ctx *c)
{
	struct lsn_xr	*xr = c->xr;
	struct frame	*f;
	char		*val;

	if (c->math == NULL) {
		if (is(xr, "oMathPara")) {
			if (xr->empty || c->math_para)
				return descend(c, F_OTHER);
			c->math_para = 1;
			lsn_buf_reset(&c->display);
			return push(c, F_MATHPARA) == NULL ? -1 : 0;
		}
		if (!is(xr, "oMath") || xr->empty)
			return descend(c, F_OTHER);
		if ((c->math = lsn_math_new()) == NULL)
			return oom(c);
	}
	val = lsn_xr_attr(xr, "val");
	lsn_math_start(c->math, xr->local, val);
	xmlFree(val);
	if (xr->empty)
		return math_end(c);
	if ((f = push(c, F_MATH)) == NULL)
		return -1;
	f->flag = is(xr, "t");
	return 0;
}

/* The end of an element in a formula; at the formula's end its linear
 * form goes into the paragraph, or into the display maths. */
static int
math_end(struct ctx *c)
{
	char	*s;
	int	 r = 0;

	if (c->math == NULL)
		return 0;
	s = lsn_math_end(c->math);
	if (lsn_math_failed(c->math)) {
		free(s);
		return oom(c);
	}
	if (s == NULL)
		return 0;
	lsn_math_free(c->math);
	c->math = NULL;
	if (c->math_para) {
		if (c->display.len > 0)
			lsn_buf_putc(&c->display, '\n');
		lsn_buf_puts(&c->display, s);
		if (c->display.oom)
			r = oom(c);
	} else
		r = add_str(c, s);
	free(s);
	return r;
}

/* The end of m:oMathPara: an equation after its paragraph. */
static int
math_para_end(struct ctx *c)
{
	struct lsn_para	 p;

	c->math_para = 0;
	if (c->display.len == 0 || !visible(c))
		return 0;
	lsn_para_init(&p);
	p.event = LSN_EV_EQUATION;
	p.text = c->display.data;
	p.len = c->display.len;
	return put(c, &p);
}

/* A tracked change of the paragraph mark (w:pPr/w:rPr/w:ins, w:del,
 * w:moveTo, w:moveFrom): joins paragraphs when accepted or rejected,
 * recorded with its author and date with -t all. Returns 1 (skip). */
static int
mark_change(struct ctx *c, struct para *p)
{
	struct lsn_xr	*xr = c->xr;
	int		 del = is(xr, "del") || is(xr, "moveFrom");

	if (del)
		p->mark_del = 1;
	else
		p->mark_ins = 1;
	if (c->track != LIAISON_TRACK_ALL)
		return 1;
	p->mark_change = is(xr, "ins") ? LSN_MARK_INS : is(xr, "del") ?
	    LSN_MARK_DEL : del ? LSN_MARK_MOVE_FROM : LSN_MARK_MOVE_TO;
	xmlFree(p->mark_author);
	xmlFree(p->mark_date);
	p->mark_author = lsn_xr_attr(xr, "author");
	p->mark_date = lsn_xr_attr(xr, "date");
	return 1;
}

/* w:tblCaption or w:tblDescription in a table's w:tblPr: its words go
 * to the table's alt text, the title first ("Title – description").
 * Returns 1 (nothing below to read), or -1. */
static int
table_alt(struct ctx *c)
{
	char	*v = lsn_xr_attr(c->xr, "val");
	int	 failed;

	if (v == NULL || *v == '\0' ||
	    strcmp(lsn_buf_str(&c->tbl_alt), v) == 0) {
		xmlFree(v);
		return 1;
	}
	failed = (c->tbl_alt.len > 0 &&
	    lsn_buf_puts(&c->tbl_alt, " \xe2\x80\x93 ") == -1) ||
	    lsn_buf_puts(&c->tbl_alt, v) == -1;
	xmlFree(v);
	return failed ? oom(c) : 1;
}

/* Elements inside w:pPr, w:numPr, w:pPr/w:rPr, w:trPr, w:tcPr.
 * Returns 1 to skip, 0 to go on, -1 on error. */
static int
property(struct ctx *c, struct frame *f)
{
	struct lsn_xr	*xr = c->xr;
	struct para	*p = cur_para(c);
	char		*v;

	switch (f->kind) {
	case F_PPR:
		if (p == NULL)
			return 1;
		if (is(xr, "pStyle")) {
			free(p->style_id);
			p->style_id = NULL;
			p->style_known = 0;
			if ((v = lsn_xr_attr(xr, "val")) != NULL) {
				p->style_id = strdup(v);
				xmlFree(v);
				if (p->style_id == NULL)
					return oom(c);
			}
			return 1;
		}
		if (is(xr, "numPr")) {
			p->has_numpr = 1;
			return descend(c, F_NUMPR);
		}
		if (is(xr, "outlineLvl")) {
			p->outline_lvl = int_attr(c, "val", -1);
			if (p->outline_lvl > 9)
				p->outline_lvl = -1;
			return 1;
		}
		if (is(xr, "rPr"))
			return descend(c, F_PPR_RPR);
		if (is(xr, "framePr")) {
			v = lsn_xr_attr(xr, "dropCap");
			p->drop_cap = v != NULL && strcmp(v, "none") != 0;
			xmlFree(v);
		}
		return 1;
	case F_NUMPR:
		if (p == NULL)
			return 1;
		if (is(xr, "numId"))
			p->num_id = int_attr(c, "val", -1);
		else if (is(xr, "ilvl")) {
			p->ilvl = int_attr(c, "val", 0);
			if (p->ilvl < 0)
				p->ilvl = 0;
			if (p->ilvl >= LSN_NUM_LEVELS)
				p->ilvl = LSN_NUM_LEVELS - 1;
		}
		return 1;
	case F_PPR_RPR:
		if (p != NULL && (is(xr, "ins") || is(xr, "moveTo") ||
		    is(xr, "del") || is(xr, "moveFrom")))
			return mark_change(c, p);
		else if (p != NULL && is(xr, "vanish"))
			p->mark_vanish = lsn_xr_onoff(xr, "val");
		return 1;
	case F_RPR:
		run_property(c, f - 1);
		return 1;
	case F_TRPR:
		if (is(xr, "gridBefore"))
			c->grid_before = int_attr(c, "val", 0);
		else if (is(xr, "gridAfter") && c->depth >= 2)
			c->stack[c->depth - 2].grid_after =
			    int_attr(c, "val", 0);
		else if (((is(xr, "del") &&
		    c->track == LIAISON_TRACK_ACCEPT) || (is(xr, "ins") &&
		    c->track == LIAISON_TRACK_REJECT)) && c->depth >= 2 &&
		    !c->stack[c->depth - 2].flag) {
			/* the row is not there in this view */
			c->stack[c->depth - 2].flag = 1;
			c->suppress++;
			c->row_pending = 0;
		}
		if (c->grid_before < 0 || c->grid_before > 1000)
			c->grid_before = 0;
		return 1;
	case F_TBLPR:
		/* the table's alt text: its title, its description */
		if (is(xr, "tblCaption") || is(xr, "tblDescription"))
			return table_alt(c);
		return 1;
	case F_TCPR:
		if (is(xr, "gridSpan")) {
			c->cell_colspan = int_attr(c, "val", 1);
			if (c->cell_colspan < 1 || c->cell_colspan > 1000)
				c->cell_colspan = 1;
		} else if (is(xr, "vMerge")) {
			v = lsn_xr_attr(xr, "val");
			c->cell_vmerge = v == NULL || strcmp(v, "restart") != 0;
			xmlFree(v);
		}
		return 1;
	default:
		return 0;
	}
}

/* Elements never holding text a reader sees. */
static int
skipped_w(const char *l)
{
	static const char *const names[] = {
		"rPr", "sectPr", "tblPr", "tblGrid", "tblPrEx", "sdtPr",
		"sdtEndPr", "customXmlPr", "smartTagPr", "fldData", "ffData",
		"pPrChange", "rPrChange", "tblPrChange", "trPrChange",
		"tcPrChange", "sectPrChange", "numberingChange", "rt",
		"footnotePr", "endnotePr", "altChunk", "subDoc",
		"background", "permStart", "permEnd", "docPartPr", NULL
	};
	size_t	 i;

	/* Asked for every element no case above took (bookmarks, proofing
	 * marks): the first byte rules out most names without a call. */
	for (i = 0; names[i] != NULL; i++)
		if (names[i][0] == l[0] && strcmp(l, names[i]) == 0)
			return 1;
	return 0;
}

/* Handles a start tag. Returns 1 to skip its subtree, 0, or -1. */
static int
start_element(struct ctx *c)
{
	struct lsn_xr	*xr = c->xr;
	struct frame	*f = top(c);
	char		*v;
	int		 r;

	if (f != NULL && (f->kind == F_PPR || f->kind == F_NUMPR ||
	    f->kind == F_PPR_RPR || f->kind == F_TRPR || f->kind == F_TCPR ||
	    f->kind == F_TBLPR || f->kind == F_RPR))
		return property(c, f);

	if (xr->ns == LSN_NS_MC) {
		if (is(xr, "AlternateContent"))
			return descend(c, F_ALT);
		if (is(xr, "Choice") || is(xr, "Fallback")) {
			/* read one branch: the first, which Word wrote */
			if (f == NULL || f->kind != F_ALT || f->flag)
				return 1;
			f->flag = 1;
			return descend(c, F_OTHER);
		}
		return descend(c, F_OTHER);
	}
	if (xr->ns == LSN_NS_M)
		return math_element(c);
	if (xr->ns != LSN_NS_W) {
		if (c->fig_depth > 0 && figure_part(c) == -1)
			return -1;
		return descend(c, F_OTHER);  /* drawings may hold text boxes */
	}

	switch (xr->local[0]) {
	case 'b':
		if (is(xr, "br")) {
			v = lsn_xr_attr(xr, "type");
			r = v == NULL || strcmp(v, "textWrapping") == 0 ?
			    add_str(c, "\n") : 0;
			xmlFree(v);
			return r;
		}
		if (is(xr, "bookmarkStart"))
			return bookmark(c);
		break;
	case 'c':
		if (is(xr, "cr"))
			return add_str(c, "\n");
		break;
	case 'd':
		if (is(xr, "drawing"))
			return figure_start(c);
		if (is(xr, "delText"))
			return descend(c, F_DELTEXT);
		/* only reached when deletions are read (reject, all) */
		if (is(xr, "delInstrText"))
			return descend(c, F_INSTR);
		if (is(xr, "del"))
			return tracked(c, 1, LSN_MARK_DEL);
		break;
	case 'e':
		if (is(xr, "endnoteReference"))
			return note_ref(c, 1);
		break;
	case 'f':
		if (is(xr, "fldChar")) {
			v = lsn_xr_attr(xr, "fldCharType");
			r = field_char(c, v);
			xmlFree(v);
			return r == -1 ? -1 : 1;
		}
		if (is(xr, "fldSimple"))
			return simple_field(c);
		if (is(xr, "footnoteReference"))
			return note_ref(c, 0);
		break;
	case 'h':
		if (is(xr, "hyperlink"))
			return link_element(c);
		break;
	case 'i':
		if (is(xr, "instrText"))
			return descend(c, F_INSTR);
		if (is(xr, "ins"))
			return tracked(c, 0, LSN_MARK_INS);
		break;
	case 'm':
		if (is(xr, "moveFrom"))
			return tracked(c, 1, LSN_MARK_MOVE_FROM);
		if (is(xr, "moveTo"))
			return tracked(c, 0, LSN_MARK_MOVE_TO);
		break;
	case 'n':
		if (is(xr, "noBreakHyphen"))
			return add_str(c, "-");
		break;
	case 'o':
		/* an embedded object (an Equation.3 formula as a picture)
		 * has nothing to read, but parts the words around it */
		if (is(xr, "object") && cur_para(c) != NULL)
			c->fig_gap = cur_para(c)->serial;
		break;
	case 'r':
		if (is(xr, "r"))
			return run_start(c);
		if (is(xr, "rPr") && f != NULL && f->kind == F_RUN)
			return descend(c, F_RPR);
		break;
	case 'p':
		if (is(xr, "p")) {
			if (begin_para(c) == -1)
				return -1;
			if (xr->empty)
				return end_para(c);
			return push(c, F_P) == NULL ? -1 : 0;
		}
		if (is(xr, "pPr")) {
			if (f == NULL || f->kind != F_P)
				return 1;
			return descend(c, F_PPR);
		}
		if (is(xr, "ptab"))
			return add_str(c, "\t");
		if (is(xr, "pict"))
			return figure_start(c);
		break;
	case 's':
		if (is(xr, "sym"))
			return sym(c);
		break;
	case 't':
		if (is(xr, "t"))
			return descend(c, F_T);
		if (is(xr, "tab"))
			return add_str(c, "\t");
		if (is(xr, "tbl")) {
			if (flush_carry(c) == -1 || flush_pending(c) == -1)
				return -1;
			c->tbl_pending = 1;
			if (xr->empty)
				return struct_event(c, LSN_EV_TABLE_END, 1, 0);
			return push(c, F_TBL) == NULL ? -1 : 0;
		}
		if (is(xr, "tblPr") && f != NULL && f->kind == F_TBL &&
		    c->tbl_pending)
			return descend(c, F_TBLPR);
		if (is(xr, "tr")) {
			if (xr->empty)
				return 1;
			if (flush_carry(c) == -1 || flush_pending(c) == -1)
				return -1;
			c->row_pending = 1;
			c->grid_before = 0;
			return push(c, F_TR) == NULL ? -1 : 0;
		}
		if (is(xr, "trPr"))
			return descend(c, F_TRPR);
		if (is(xr, "tc")) {
			if (flush_carry(c) == -1 || flush_pending(c) == -1)
				return -1;
			c->cell_pending = 1;
			c->cell_colspan = 1;
			c->cell_vmerge = 0;
			if (xr->empty)
				return struct_event(c, LSN_EV_CELL_END, 1, 0);
			return push(c, F_TC) == NULL ? -1 : 0;
		}
		if (is(xr, "tcPr"))
			return descend(c, F_TCPR);
		if (is(xr, "txbxContent"))
			return descend(c, F_TXBX);
		break;
	}
	if (skipped_w(xr->local))
		return 1;
	return descend(c, F_OTHER);
}

static int
end_element(struct ctx *c)
{
	struct frame	 f;

	if (c->depth == 0)
		return 0;
	f = c->stack[--c->depth];
	switch (f.kind) {
	case F_P:
		return end_para(c);
	case F_SPAN:
		close_mark(c, f.mark, f.serial);
		if (f.del)
			c->in_del--;
		return 0;
	case F_TC:
		return struct_event(c, LSN_EV_CELL_END, 1, 0);
	case F_TR:
		if (f.flag) {
			c->suppress--;
			return 0;
		}
		if (flush_carry(c) == -1 || flush_pending(c) == -1)
			return -1;
		if (f.grid_after > 0 && f.grid_after <= 1000 &&
		    (put_event(c, LSN_EV_CELL_START, f.grid_after, 0) == -1 ||
		    put_event(c, LSN_EV_CELL_END, 1, 0) == -1))
			return -1;
		return put_event(c, LSN_EV_ROW_END, 1, 0);
	case F_TBL:
		return struct_event(c, LSN_EV_TABLE_END, 1, 0);
	case F_TXBX:
		return flush_carry(c);
	case F_NOTE:
		if (flush_carry(c) == -1)
			return -1;
		return put_event(c, LSN_EV_NOTE_END, 1, 0);
	case F_RUN:
		c->hidden -= f.hides;
		return 0;
	case F_FIGURE:
		return figure_end(c);
	case F_MATH:
		return math_end(c);
	case F_MATHPARA:
		return math_para_end(c);
	default:
		return 0;
	}
}

static int
text_node(struct ctx *c)
{
	struct frame	*f = top(c);
	const char	*s;
	size_t		 n;

	if (f == NULL)
		return 0;
	if (f->kind == F_MATH && f->flag && c->math != NULL &&
	    (s = lsn_xr_value(c->xr, &n)) != NULL) {
		lsn_math_text(c->math, s, n);
		return 0;
	}
	if (f->kind != F_T && f->kind != F_DELTEXT && f->kind != F_INSTR)
		return 0;
	if ((s = lsn_xr_value(c->xr, &n)) == NULL)
		return 0;
	if (f->kind == F_INSTR) {
		if (c->nfields > 0 && !c->fields[c->nfields - 1].in_result &&
		    lsn_buf_puts(&c->fields[c->nfields - 1].instr, s) == -1)
			return oom(c);
		return 0;
	}
	if (f->kind == F_DELTEXT && c->in_del == 0)
		return 0;
	if (c->depth >= 2 && f[-1].kind == F_RUN && f[-1].custom)
		return 0;
	if (c->depth >= 2 && f[-1].kind == F_RUN && f[-1].font != NULL)
		return font_text(c, &f[-1], s, n);
	if (c->depth >= 2 && f[-1].kind == F_RUN &&
	    f[-1].valign != LSN_VALIGN_BASELINE)
		return script_text(c, f[-1].valign == LSN_VALIGN_SUPER, s, n);
	return add_text(c, s, n);
}

/* A story part being read: what story_node needs besides the context. */
struct story {
	struct ctx	*c;
	const char	*part;
	int		 notes;   /* a footnotes or endnotes part */
	int		 inside;  /* in a note to read (the body: always) */
};

/*
 * Handles one node of a story part, from the XML reader's callbacks
 * (lsn_xr_run). Returns 1 to skip an element's subtree, 0, or -1 when
 * reading stops (c->failed).
 */
static int
story_node(void *arg, struct lsn_xr *xr)
{
	struct story	*s = arg;
	struct ctx	*c = s->c;
	size_t		 depth;
	int		 r, skip = 0;

	switch (xr->type) {
	case XML_READER_TYPE_ELEMENT:
		/* a main part that is no document (the package's own
		 * relationships, a styles part) would read as an empty
		 * body: say what it is instead */
		if (!s->notes && xr->depth == 0 && (xr->ns != LSN_NS_W ||
		    !is(xr, "document"))) {
			lsn_error_set(c->pkg->err, LIAISON_ERR_FORMAT,
			    c->pkg->name, s->part, 0, 0, "not a DOCX file: the "
			    "main document part is no document (its root "
			    "element is <%s>)", xr->local);
			c->failed = 1;
			break;
		}
		if (s->notes && xr->ns == LSN_NS_W && xr->depth == 1 &&
		    (is(xr, "footnote") || is(xr, "endnote"))) {
			struct lsn_para	 p;
			struct lsn_buf	 id = LSN_BUF_INIT;
			char		*type, *v;

			type = lsn_xr_attr(xr, "type");
			v = lsn_xr_attr(xr, "id");
			s->inside = type == NULL || strcmp(type, "normal") == 0;
			xmlFree(type);
			if (!s->inside || v == NULL || xr->empty) {
				xmlFree(v);
				skip = 1;
				s->inside = 0;
				break;
			}
			lsn_buf_printf(&id, "%s%s", c->endnotes ? "e" : "", v);
			xmlFree(v);
			lsn_para_init(&p);
			p.event = LSN_EV_NOTE_START;
			p.note_id = id.data;
			if (id.oom || put(c, &p) == -1 ||
			    push(c, F_NOTE) == NULL) {
				lsn_buf_free(&id);
				oom(c);
				break;
			}
			lsn_buf_free(&id);
			break;
		}
		if (!s->inside && s->notes)
			break;
		depth = c->depth;
		if ((r = start_element(c)) == 1)
			skip = 1;
		/* an element we keep no frame for: its end would pop
		 * someone else's, so its content is skipped */
		else if (r == 0 && !xr->empty && c->depth == depth)
			skip = 1;
		else if (r == -1)
			c->failed = 1;
		break;
	case XML_READER_TYPE_END_ELEMENT:
		if (end_element(c) == -1)
			c->failed = 1;
		break;
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		if (text_node(c) == -1)
			c->failed = 1;
		break;
	default:
		break;
	}
	return c->failed ? -1 : skip;
}

/*
 * Reads one story part (the body, or the footnotes or endnotes) into
 * c->out. Notes are framed by NOTE_START/NOTE_END.
 */
static int
read_story(struct ctx *c, const char *part, int notes)
{
	struct lsn_xr	 xr;
	struct story	 s;
	int		 r;

	if ((r = lsn_xr_open(&xr, c->pkg, part)) <= 0)
		return r;
	c->xr = &xr;
	s.c = c;
	s.part = part;
	s.notes = notes;
	s.inside = notes ? 0 : 1;
	if (lsn_xr_run(&xr, story_node, &s) == -1)
		c->failed = 1;
	/* what an unbalanced part leaves open is closed here */
	while (!c->failed && c->npara > 0)
		if (end_para(c) == -1)
			break;
	if (!c->failed)
		flush_carry(c);
	if (!c->failed && c->deferred.count > 0)
		flush_deferred(c);
	c->depth = 0;
	c->suppress = 0;
	c->in_del = 0;
	c->row_pending = c->cell_pending = c->tbl_pending = 0;
	lsn_buf_reset(&c->tbl_alt);
	fields_reset(c);
	c->xr = NULL;
	lsn_xr_close(&xr);
	return c->failed ? -1 : 0;
}

/* ---- notes ------------------------------------------------------------ */

/*
 * Reads a notes part into a stream of its own, then appends the notes
 * the body referenced, in the order of their first reference.
 */
static int
read_notes(struct ctx *c, const char *part, const struct lsn_rels *rels,
    struct lsn_stream *out, int endnotes)
{
	struct lsn_stream	 notes;
	struct lsn_stream	*saved_out = c->out;
	const struct lsn_rels	*saved_rels = c->rels;
	struct lsn_key		*by_id = NULL, *refs = NULL;
	struct lsn_para		 p;
	size_t			 i, j, k, nids = 0;
	int			 r;

	memset(&notes, 0, sizeof(notes));
	notes.max_paras = out->max_paras;
	notes.max_marks = out->max_marks;
	c->out = &notes;
	c->rels = rels;
	c->endnotes = endnotes;
	c->in_notes = 1;
	r = read_story(c, part, 1);
	c->in_notes = 0;
	c->out = saved_out;
	c->rels = saved_rels;
	c->endnotes = 0;
	/*
	 * Each reference looks its note up, and only its first reference
	 * counts: both by sorted ids, as 60 000 notes took 30 s by scans.
	 */
	if (r == 0 && ((by_id = calloc(notes.count + 1, sizeof(*by_id))) ==
	    NULL || (refs = calloc(c->nrefs + 1, sizeof(*refs))) == NULL))
		r = oom(c);
	for (i = 0; r == 0 && i < notes.count; i++)
		if (notes.items[i].event == LSN_EV_NOTE_START &&
		    notes.items[i].more != NULL &&
		    notes.items[i].more->note_id != NULL) {
			by_id[nids].id = notes.items[i].more->note_id;
			by_id[nids++].index = i;
		}
	for (i = 0; r == 0 && i < c->nrefs; i++) {
		refs[i].id = c->refs[i];
		refs[i].index = i;
	}
	if (r == 0) {
		lsn_keys_sort(by_id, nids);
		lsn_keys_sort(refs, c->nrefs);
	}
	for (i = 0; r == 0 && i < c->nrefs; i++) {
		const char *id = c->refs[i];

		if ((endnotes && id[0] != 'e') || (!endnotes && id[0] == 'e'))
			continue;
		if (lsn_keys_find(refs, c->nrefs, id) != i)
			continue;  /* emitted at its first reference */
		if ((j = lsn_keys_find(by_id, nids, id)) == (size_t)-1)
			continue;
		for (k = j; k < notes.count; k++) {
			int a;

			lsn_stream_get(&notes, k, &p);
			a = lsn_stream_add(out, &p);

			if (a == -2) {
				lsn_stream_limit_error(out, c->pkg->err,
				    c->pkg->name, part, 0);
				r = -1;
				break;
			}
			if (a == -1) {
				r = oom(c);
				break;
			}
			if (notes.items[k].event == LSN_EV_NOTE_END)
				break;
		}
	}
	free(by_id);
	free(refs);
	lsn_stream_free(&notes);
	return r;
}

/* ---- core properties ------------------------------------------------ */

/* docProps/core.xml being read: where core_node is. */
struct core_read {
	struct lsn_pkg	*pkg;
	const char	*part;
	struct lsn_core	*core;
	struct lsn_buf	 b;      /* the text of the property open */
	char		**dst;   /* where it goes, or NULL */
	int		 depth;  /* of its element */
};

/* One node of the core properties (lsn_xr_run): 0, or -1 (oom). */
static int
core_node(void *arg, struct lsn_xr *xr)
{
	struct core_read	*s = arg;
	struct lsn_core		*core = s->core;

	if (xr->type == XML_READER_TYPE_ELEMENT && s->dst == NULL &&
	    xr->depth == 1 && !xr->empty) {
		if (xr->ns == LSN_NS_DC && is(xr, "title"))
			s->dst = &core->title;
		else if (xr->ns == LSN_NS_DC && is(xr, "creator"))
			s->dst = &core->creator;
		else if (xr->ns == LSN_NS_DCTERMS && is(xr, "created"))
			s->dst = &core->created;
		else if (xr->ns == LSN_NS_DCTERMS && is(xr, "modified"))
			s->dst = &core->modified;
		if (s->dst != NULL && *s->dst != NULL)
			s->dst = NULL;  /* the first one counts */
		s->depth = xr->depth;
		lsn_buf_reset(&s->b);
	} else if (s->dst != NULL && (xr->type == XML_READER_TYPE_TEXT ||
	    xr->type == XML_READER_TYPE_CDATA ||
	    xr->type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    xr->type == XML_READER_TYPE_WHITESPACE)) {
		const char *v = lsn_xr_value(xr, NULL);

		if (v != NULL && s->b.len < 65536)
			lsn_buf_puts(&s->b, v);
	} else if (s->dst != NULL &&
	    xr->type == XML_READER_TYPE_END_ELEMENT &&
	    xr->depth == s->depth) {
		if (s->b.oom ||
		    (*s->dst = lsn_buf_detach(&s->b, NULL)) == NULL) {
			lsn_error_set(s->pkg->err, LIAISON_ERR_NOMEM,
			    s->pkg->name, s->part, 0, 0, "out of memory");
			return -1;
		}
		s->dst = NULL;
	}
	return 0;
}

static int
read_core(struct lsn_pkg *pkg, const char *part, struct lsn_core *core)
{
	struct lsn_xr		 xr;
	struct core_read	 s;
	int			 r;

	if ((r = lsn_xr_open(&xr, pkg, part)) <= 0)
		return r;
	memset(&s, 0, sizeof(s));
	s.pkg = pkg;
	s.part = part;
	s.core = core;
	s.depth = -1;
	r = lsn_xr_run(&xr, core_node, &s);
	lsn_buf_free(&s.b);
	lsn_xr_close(&xr);
	return r < 0 ? -1 : 0;
}

/* ---- entry points ---------------------------------------------------- */

void
lsn_core_clear(struct lsn_core *core)
{
	if (core == NULL)
		return;
	free(core->title);
	free(core->creator);
	free(core->created);
	free(core->modified);
	core->title = core->creator = core->created = core->modified = NULL;
}

static void
ctx_free(struct ctx *c)
{
	size_t	 i;

	lsn_styles_free(&c->styles);
	lsn_numbering_free(&c->numbering);
	lsn_stream_free(&c->deferred);
	for (i = 0; i < c->cap_para; i++)
		para_free(&c->paras[i]);
	free(c->paras);
	free(c->stack);
	fields_reset(c);
	free(c->fields);
	for (i = 0; i < c->nanchors; i++)
		free(c->anchors[i]);
	free(c->anchors);
	for (i = 0; i < c->nrefs; i++)
		free(c->refs[i]);
	free(c->refs);
	free(c->fig_alt);
	lsn_buf_free(&c->tbl_alt);
	lsn_math_free(c->math);
	lsn_buf_free(&c->display);
	lsn_buf_free(&c->script.raw);
}

static const char *
rel_part(const struct lsn_rels *rels, const char *type)
{
	const struct lsn_rel	*rel = lsn_rels_by_type(rels, type);

	return rel != NULL && !rel->external ? rel->target : NULL;
}

liaison_status
lsn_read_docx(const void *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    struct lsn_core *core, liaison_error **err)
{
	struct lsn_pkg		 pkg;
	struct lsn_rels		 pkg_rels, doc_rels, foot_rels, end_rels;
	struct ctx		 c;
	const char		*main_part, *part;
	liaison_status		 st;
	liaison_error		*local_err = NULL;
	int			 r = -1;

	if (err == NULL)
		err = &local_err;  /* the first error still stops us */
	if ((st = lsn_pkg_open(&pkg, data, len, name, opts, err)) != LIAISON_OK)
		goto done_status;
	memset(&c, 0, sizeof(c));
	memset(&pkg_rels, 0, sizeof(pkg_rels));
	memset(&doc_rels, 0, sizeof(doc_rels));
	memset(&foot_rels, 0, sizeof(foot_rels));
	memset(&end_rels, 0, sizeof(end_rels));
	c.pkg = &pkg;
	c.out = out;
	c.track = opts != NULL ? opts->track_changes : LIAISON_TRACK_ACCEPT;
	c.keep_hidden = opts != NULL && opts->keep_hidden;
	if (out->max_paras == 0)
		out->max_paras = (size_t)lsn_limit(opts,
		    LIAISON_LIMIT_PARAGRAPHS);
	if (out->max_marks == 0)
		out->max_marks = (size_t)lsn_limit(opts,
		    LIAISON_LIMIT_PARAGRAPH_MARKS);
	if (out->max_bytes == 0)
		out->max_bytes = lsn_limit(opts, LIAISON_LIMIT_MODEL_BYTES);
	c.deferred.max_paras = out->max_paras;
	c.deferred.max_marks = out->max_marks;
	c.deferred.max_bytes = out->max_bytes;

	if (lsn_rels_read(&pkg, "", &pkg_rels) == -1)
		goto done;
	main_part = rel_part(&pkg_rels, "officeDocument");
	if (main_part == NULL || !lsn_pkg_has(&pkg, main_part))
		main_part = lsn_pkg_has(&pkg, "word/document.xml") ?
		    "word/document.xml" : NULL;
	if (main_part == NULL) {
		lsn_error_set(err, LIAISON_ERR_FORMAT, name, NULL, 0, 0,
		    "not a DOCX file: the package has no main document "
		    "(word/document.xml)");
		goto done;
	}
	if (core != NULL) {
		part = rel_part(&pkg_rels, "core-properties");
		if (read_core(&pkg, part != NULL ? part : "docProps/core.xml",
		    core) == -1)
			goto done;
	}
	if (lsn_rels_read(&pkg, main_part, &doc_rels) == -1 ||
	    lsn_styles_read(&pkg, rel_part(&doc_rels, "styles"),
	    &c.styles) == -1 ||
	    lsn_numbering_read(&pkg, rel_part(&doc_rels, "numbering"),
	    &c.numbering) == -1)
		goto done;

	c.rels = &doc_rels;
	if (read_story(&c, main_part, 0) == -1)
		goto done;
	if (c.nrefs > 0) {
		part = rel_part(&doc_rels, "footnotes");
		if (part != NULL && (lsn_rels_read(&pkg, part, &foot_rels) == -1 ||
		    read_notes(&c, part, &foot_rels, out, 0) == -1))
			goto done;
		part = rel_part(&doc_rels, "endnotes");
		if (part != NULL && (lsn_rels_read(&pkg, part, &end_rels) == -1 ||
		    read_notes(&c, part, &end_rels, out, 1) == -1))
			goto done;
	}
	r = 0;
done:
	ctx_free(&c);
	lsn_rels_free(&pkg_rels);
	lsn_rels_free(&doc_rels);
	lsn_rels_free(&foot_rels);
	lsn_rels_free(&end_rels);
	lsn_pkg_close(&pkg);
	if (r == 0)
		return LIAISON_OK;
	lsn_core_clear(core);  /* on failure the caller owns nothing */
	if (*err == NULL)
		lsn_error_set(err, LIAISON_ERR_INTERNAL, name, NULL, 0, 0,
		    "DOCX reader failed without a message");
	st = liaison_error_code(*err);
done_status:
	if (local_err != NULL)
		liaison_error_free(local_err);
	return st;
}
