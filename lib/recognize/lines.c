/* SPDX-License-Identifier: MIT */
/*
 * lines.c: paragraph stream -> lines (lines.h), in the recognizer's arena;
 * the hash its sets use.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "recognize/lines.h"
#include "recognize/tuning.h"
#include "util/text.h"

/* ------------------------------------------------------------------ */
/* Lines                                                               */

size_t
lsn_hash(const char *s, size_t n)
{
	size_t	 h = (size_t)2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The slot of name s in a style set of cap slots (a power of two):
 * where s is, or the empty slot it would take. */
static const char **
style_slot(const char **set, size_t cap, const char *s)
{
	size_t	 i = lsn_hash(s, strlen(s)) & (cap - 1);

	while (set[i] != NULL && strcmp(set[i], s) != 0)
		i = (i + 1) & (cap - 1);
	return &set[i];
}

/*
 * The copy of style name s in the arena: one per distinct name (a
 * document uses a few dozen styles over all its paragraphs), kept in a
 * hash set of doc's while the lines are built. NULL for NULL, and when
 * memory ran out (oom set).
 */
static const char *
copy_style(struct lsn_arena *a, struct lsn_doc_lines *doc, const char *s)
{
	const char	**slot, **set;
	size_t		 i, cap;

	if (s == NULL)
		return NULL;
	if (2 * (doc->nstyles + 1) > doc->capstyles) {
		/* the old set stays in the arena: a few kB at most */
		cap = doc->capstyles > 0 ? 2 * doc->capstyles : 64;
		if ((set = lsn_arena_alloc(a, cap * sizeof(*set))) == NULL)
			return NULL;
		for (i = 0; i < doc->capstyles; i++)
			if (doc->styles[i] != NULL)
				*style_slot(set, cap, doc->styles[i]) =
				    doc->styles[i];
		doc->styles = set;
		doc->capstyles = cap;
	}
	slot = style_slot(doc->styles, doc->capstyles, s);
	if (*slot == NULL) {
		if ((*slot = lsn_arena_strdup(a, s)) == NULL)
			return NULL;
		doc->nstyles++;
	}
	return *slot;
}

/*
 * Copies a paragraph's text with white space runs collapsed to one
 * space and trimmed, remapping mark offsets, and all the strings the
 * line keeps: the stream is freed once its lines are built.
 */
static int
make_line(struct lsn_arena *a, struct lsn_doc_lines *doc,
    const struct lsn_para *p, struct lsn_line *l)
{
	size_t	*map = NULL, i, o = 0, k;
	int	 space = 1;
	char	*t;

	memset(l, 0, sizeof(*l));
	l->type = LSN_LINE_PARA;
	/* A blank label (a numbered list paragraph whose level shows no
	 * number) is no label: the paragraph continues the item above. */
	l->label = p->label != NULL &&
	    p->label[strspn(p->label, " \t")] != '\0' ?
	    lsn_arena_strdup(a, p->label) : NULL;
	l->label_auto = p->label_auto;
	l->value = l->label != NULL ? p->value : -1;
	l->outline = p->outline;
	l->ilvl = p->ilvl;
	l->num_id = p->num_id;
	l->style = copy_style(a, doc, p->style);
	l->srcline = p->line;
	/* not zeroed: written up to its NUL below */
	if ((t = lsn_arena_take(a, p->len + 1, 1)) == NULL)
		return -1;
	for (i = 0, k = 0; i < p->len; i++, k++) {
		const char *nl = memchr(p->text + i, '\n', p->len - i);

		if (nl == NULL)
			break;
		i = (size_t)(nl - p->text);
	}
	if (k > 0 && (l->breaks = lsn_arena_alloc(a,
	    k * sizeof(*l->breaks))) == NULL)
		return -1;
	/* map[i]: output offset of input byte i (and of the end), for the
	 * marks only, and only while they are remapped: 8 bytes per input
	 * byte kept in the arena were a quarter of the peak heap. */
	if (p->nmarks > 0 && (map = malloc((p->len + 1) * sizeof(*map))) ==
	    NULL) {
		a->oom = 1;
		return -1;
	}
	for (i = 0; i < p->len; ) {
		int32_t	 cp;
		unsigned char c = (unsigned char)p->text[i];

		/* Most bytes are printable ASCII: copy them without the
		 * decoding and white-space calls below, a run at a time
		 * when no offsets are kept. A single space between two
		 * printable bytes is copied as it is, so a run is most of
		 * a sentence, not a word. The run ends on a printable
		 * byte: space is 0 after it. */
		if (c > 0x20 && c < 0x7f && map == NULL) {
			size_t j = i + 1;

			while (j < p->len) {
				unsigned char d = (unsigned char)p->text[j];

				if (d > 0x20 && d < 0x7f)
					j++;
				else if (d == ' ' && j + 1 < p->len &&
				    (unsigned char)p->text[j + 1] > 0x20 &&
				    (unsigned char)p->text[j + 1] < 0x7f)
					j += 2;
				else
					break;
			}
			memcpy(t + o, p->text + i, j - i);
			o += j - i;
			i = j;
			space = 0;
			continue;
		}
		if (c == ' ') {
			if (map != NULL)
				map[i] = o;
			if (!space)
				t[o++] = ' ';
			space = 1;
			i++;
			continue;
		}
		if (c > 0x20 && c < 0x7f) {
			if (map != NULL)
				map[i] = o;
			t[o++] = (char)c;
			space = 0;
			i++;
			continue;
		}
		k = lsn_utf8_decode(p->text + i, p->len - i, &cp);
		if (lsn_is_space(cp) && cp != 0xFEFF && cp != 0x200B) {
			if (map != NULL)
				map[i] = o;
			if (cp == '\n' && o > 0 && l->breaks != NULL &&
			    (l->nbreaks == 0 ||
			    l->breaks[l->nbreaks - 1] != o - space))
				/* a soft line break: where its space goes */
				l->breaks[l->nbreaks++] = o - space;
			if (!space)
				t[o++] = ' ';
			space = 1;
			i += k;
			continue;
		}
		if (cp == 0xFEFF || cp == 0x200B || cp == 0xAD ||
		    (o == 0 && lsn_is_bidi_mark(cp))) {
			/* Invisible: zero-width space, BOM, soft hyphen; a
			 * direction mark before the text, which only sets
			 * the paragraph's direction ("\u200e10.4.1 Title"
			 * would hide its number). */
			if (map != NULL)
				map[i] = o;
			i += k;
			continue;
		}
		for (; k > 0; k--, i++) {
			if (map != NULL)
				map[i] = o;
			t[o++] = p->text[i];
		}
		space = 0;
	}
	if (map != NULL)
		map[p->len] = o;
	if (o > 0 && t[o - 1] == ' ')
		o--;
	t[o] = '\0';
	l->text = t;
	l->len = o;
	if (map != NULL) {
		if ((l->marks = lsn_arena_alloc(a,
		    p->nmarks * sizeof(*l->marks))) == NULL) {
			free(map);
			return -1;
		}
		for (i = 0; i < p->nmarks; i++) {
			size_t s = p->marks[i].start, e = p->marks[i].end;

			l->marks[i] = p->marks[i];
			l->marks[i].value = lsn_arena_strdup(a,
			    p->marks[i].value);
			l->marks[i].date = lsn_arena_strdup(a,
			    p->marks[i].date);
			s = s <= p->len ? map[s] : o;
			e = e <= p->len ? map[e] : o;
			l->marks[i].start = s > o ? o : s;
			l->marks[i].end = e > o ? o : e;
		}
		l->nmarks = p->nmarks;
		free(map);
	}
	if (o == 0 && l->label == NULL)
		l->type = LSN_LINE_BLANK;
	return 0;
}

/*
 * An arena array grown to hold need (lsn_arena_grow, or with moving
 * lsn_arena_grow_moving), starting at one element rather than the
 * arena's four: a table's rows, a row's cells and a cell's lines are
 * mostly one or two, and on a text of many small tables the three
 * unused lines of every cell were half the lines' memory.
 */
static void *
grow_array(struct lsn_arena *a, void *arr, size_t *cap, size_t need,
    size_t size, int moving)
{
	if (*cap == 0 && need == 1) {
		if ((arr = lsn_arena_alloc(a, size)) != NULL)
			*cap = 1;
		return arr;
	}
	return moving ? lsn_arena_grow_moving(a, arr, cap, need, size) :
	    lsn_arena_grow(a, arr, cap, need, size);
}

static struct lsn_line *
push_line(struct lsn_arena *a, struct lsn_lines *ls)
{
	/* The caller fills the line before the next push on this array:
	 * the array may move. */
	ls->v = grow_array(a, ls->v, &ls->cap, ls->n + 1, sizeof(*ls->v), 1);
	if (a->oom)
		return NULL;
	memset(&ls->v[ls->n], 0, sizeof(ls->v[0]));
	return &ls->v[ls->n++];
}

/*
 * Reads events from s->items[*i] into `into` until the matching end
 * (TABLE_END for a table, CELL_END for a cell, NOTE_END for a note) or
 * the end of the stream. Tables nest.
 */
static int build_seq(struct lsn_arena *, const struct lsn_stream *, size_t *,
    struct lsn_lines *, struct lsn_doc_lines *, enum lsn_event);

static int
build_table(struct lsn_arena *a, const struct lsn_stream *s, size_t *i,
    struct lsn_table *t, struct lsn_doc_lines *doc)
{
	struct lsn_row	*row = NULL;
	struct lsn_cell	*cell;
	struct lsn_para	 para, *p = &para;

	while (*i < s->count) {
		lsn_stream_get(s, (*i)++, p);

		switch (p->event) {
		case LSN_EV_TABLE_END:
			return 0;
		case LSN_EV_ROW_START:
			t->rows = grow_array(a, t->rows, &t->cap, t->n + 1,
			    sizeof(*t->rows), 0);
			if (a->oom)
				return -1;
			row = &t->rows[t->n++];
			memset(row, 0, sizeof(*row));
			break;
		case LSN_EV_CELL_START:
			if (row == NULL)
				break;
			row->cells = grow_array(a, row->cells, &row->cap,
			    row->n + 1, sizeof(*row->cells), 0);
			if (a->oom)
				return -1;
			cell = &row->cells[row->n++];
			memset(cell, 0, sizeof(*cell));
			cell->colspan = p->colspan > 0 ? p->colspan : 1;
			cell->rowspan = p->rowspan > 0 ? p->rowspan : 1;
			cell->vmerge_continue = p->vmerge_continue;
			if (build_seq(a, s, i, &cell->lines, doc,
			    LSN_EV_CELL_END) == -1)
				return -1;
			break;
		default:
			/* ROW_END, stray events: nothing to keep. */
			break;
		}
	}
	return 0;
}

static int
build_seq(struct lsn_arena *a, const struct lsn_stream *s, size_t *i,
    struct lsn_lines *into, struct lsn_doc_lines *doc, enum lsn_event until)
{
	struct lsn_line	*l;
	struct lsn_para	 para, *p = &para;

	while (*i < s->count) {
		lsn_stream_get(s, (*i)++, p);

		switch (p->event) {
		case LSN_EV_PARA:
			if ((l = push_line(a, into)) == NULL ||
			    make_line(a, doc, p, l) == -1)
				return -1;
			break;
		case LSN_EV_FIGURE:
		case LSN_EV_EQUATION:
			if ((l = push_line(a, into)) == NULL ||
			    make_line(a, doc, p, l) == -1)
				return -1;
			l->type = p->event == LSN_EV_FIGURE ? LSN_LINE_FIGURE :
			    LSN_LINE_EQUATION;
			break;
		case LSN_EV_TABLE_START:
			if ((l = push_line(a, into)) == NULL)
				return -1;
			l->type = LSN_LINE_TABLE;
			l->ilvl = -1;
			l->srcline = p->line;
			if ((l->table = lsn_arena_alloc(a,
			    sizeof(*l->table))) == NULL)
				return -1;
			memset(l->table, 0, sizeof(*l->table));
			if ((p->len > 0 && (l->table->alt =
			    lsn_arena_strndup(a, p->text, p->len)) == NULL) ||
			    build_table(a, s, i, l->table, doc) == -1)
				return -1;
			break;
		case LSN_EV_NOTE_START: {
			struct lsn_note *n;

			doc->notes = lsn_arena_grow(a, doc->notes,
			    &doc->capnotes, doc->nnotes + 1,
			    sizeof(*doc->notes));
			if (a->oom)
				return -1;
			n = &doc->notes[doc->nnotes++];
			memset(n, 0, sizeof(*n));
			n->id = lsn_arena_strdup(a, p->note_id != NULL ?
			    p->note_id : "");
			if (a->oom)
				return -1;
			if (build_seq(a, s, i, &n->lines, doc,
			    LSN_EV_NOTE_END) == -1)
				return -1;
			break;
		}
		default:
			if (p->event == until)
				return 0;
			/* Unbalanced end events are ignored. */
			break;
		}
	}
	return 0;
}

int
lsn_lines_build(struct lsn_arena *a, const struct lsn_stream *s,
    struct lsn_doc_lines *out)
{
	size_t	 i = 0;

	memset(out, 0, sizeof(*out));
	while (i < s->count)
		if (build_seq(a, s, &i, &out->body, out, LSN_EV_PARA) == -1)
			return -1;
	return a->oom ? -1 : 0;
}

void
lsn_line_cut_front(struct lsn_line *l, size_t n)
{
	size_t	 i;

	if (n > l->len)
		n = l->len;
	while (n < l->len && l->text[n] == ' ')
		n++;
	l->text += n;
	l->len -= n;
	/* the breaks' offsets are the uncut text's (and shared with the
	 * line's copies): none are kept */
	l->breaks = NULL;
	l->nbreaks = 0;
	for (i = 0; i < l->nmarks; i++) {
		l->marks[i].start = l->marks[i].start > n
		    ? l->marks[i].start - n : 0;
		l->marks[i].end = l->marks[i].end > n ? l->marks[i].end - n : 0;
	}
}
