/* SPDX-License-Identifier: MIT */
/*
 * lines.c: paragraph stream -> lines, the arena, shared text predicates
 * and the inline builder.
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
	l->label = p->label != NULL && p->label[strspn(p->label, " \t")] != '\0' ?
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
		 * when no offsets are kept. */
		if (c > 0x20 && c < 0x7f && map == NULL) {
			size_t j = i + 1;

			while (j < p->len && (unsigned char)p->text[j] > 0x20 &&
			    (unsigned char)p->text[j] < 0x7f)
				j++;
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
			if (!space)
				t[o++] = ' ';
			space = 1;
			i += k;
			continue;
		}
		if (cp == 0xFEFF || cp == 0x200B || cp == 0xAD) {
			/* Invisible: zero-width space, BOM, soft hyphen. */
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
			l->marks[i].date = lsn_arena_strdup(a, p->marks[i].date);
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

static struct lsn_line *
push_line(struct lsn_arena *a, struct lsn_lines *ls)
{
	/* The caller fills the line before the next push on this array:
	 * the array may move. */
	ls->v = lsn_arena_grow_moving(a, ls->v, &ls->cap, ls->n + 1,
	    sizeof(*ls->v));
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

	while (*i < s->count) {
		const struct lsn_para *p = &s->items[(*i)++];

		switch (p->event) {
		case LSN_EV_TABLE_END:
			return 0;
		case LSN_EV_ROW_START:
			t->rows = lsn_arena_grow(a, t->rows, &t->cap, t->n + 1,
			    sizeof(*t->rows));
			if (a->oom)
				return -1;
			row = &t->rows[t->n++];
			memset(row, 0, sizeof(*row));
			break;
		case LSN_EV_CELL_START:
			if (row == NULL)
				break;
			row->cells = lsn_arena_grow(a, row->cells, &row->cap,
			    row->n + 1, sizeof(*row->cells));
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

	while (*i < s->count) {
		const struct lsn_para *p = &s->items[(*i)++];

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
			if ((l->table = lsn_arena_alloc(a, sizeof(*l->table))) == NULL ||
			    build_table(a, s, i, l->table, doc) == -1)
				return -1;
			break;
		case LSN_EV_NOTE_START: {
			struct lsn_note *n;

			doc->notes = lsn_arena_grow(a, doc->notes,
			    &doc->capnotes, doc->nnotes + 1, sizeof(*doc->notes));
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
	for (i = 0; i < l->nmarks; i++) {
		l->marks[i].start = l->marks[i].start > n ? l->marks[i].start - n : 0;
		l->marks[i].end = l->marks[i].end > n ? l->marks[i].end - n : 0;
	}
}

/* ------------------------------------------------------------------ */
/* Predicates                                                          */

static int
roman_value(const char *s, size_t n)
{
	int	 v = 0, prev = 0, d;
	size_t	 i;

	for (i = n; i > 0; i--) {
		switch (tolower((unsigned char)s[i - 1])) {
		case 'i': d = 1; break;
		case 'v': d = 5; break;
		case 'x': d = 10; break;
		case 'l': d = 50; break;
		case 'c': d = 100; break;
		default: return 0;
		}
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

int
lsn_number_parse(const char *label, struct lsn_number *num)
{
	const char	*s = label;
	size_t		 n;

	memset(num, 0, sizeof(*num));
	if (label == NULL)
		return 0;
	n = strlen(s);
	if (n > 2 && s[0] == '(' && s[n - 1] == ')') {
		num->paren = 1;
		s++;
		n -= 2;
	} else if (n > 1 && (s[n - 1] == '.' || s[n - 1] == ')')) {
		num->delim = s[n - 1];
		n--;
	}
	if (n == 0)
		return 0;
	if (isdigit((unsigned char)s[0])) {
		size_t i = 0;
		while (i < n && num->depth < 8) {
			int v = 0, digits = 0;
			while (i < n && isdigit((unsigned char)s[i]) && digits < 6) {
				v = v * 10 + (s[i++] - '0');
				digits++;
			}
			if (digits == 0)
				return num->depth = 0;
			num->part[num->depth++] = v;
			if (i < n && s[i] == '.')
				i++;
			else
				break;
		}
		if (i != n)
			return num->depth = 0;
		return 1;
	}
	/* A letter or numeral needs its delimiter: a bare "o" is Word's
	 * second-level bullet, not the 15th item. */
	if (num->delim == 0 && !num->paren)
		return 0;
	if (n == 1 && isalpha((unsigned char)s[0])) {
		/* "i)" is taken as a letter; a list of i, ii, iii fixes it. */
		num->letter = 1;
		num->part[0] = tolower((unsigned char)s[0]) - 'a' + 1;
		num->depth = 1;
		return 1;
	}
	if (roman_value(s, n) > 0) {
		num->roman = 1;
		num->part[0] = roman_value(s, n);
		num->depth = 1;
		return 1;
	}
	return 0;
}

size_t
lsn_number_prefix(const char *text, size_t len, struct lsn_number *num)
{
	size_t	 i = 0;
	char	 lab[16];

	memset(num, 0, sizeof(*num));
	while (i < len && i < 6 && isdigit((unsigned char)text[i]))
		i++;
	if (i == 0 || i >= len || (text[i] != '.' && text[i] != ')'))
		return 0;
	if (i + 1 < len && text[i + 1] != ' ')
		return 0;
	memcpy(lab, text, i + 1);
	lab[i + 1] = '\0';
	if (!lsn_number_parse(lab, num))
		return 0;
	i++;
	while (i < len && text[i] == ' ')
		i++;
	return i;
}

int
lsn_label_is_bullet(const char *label)
{
	struct lsn_number	 num;

	return label != NULL && !lsn_number_parse(label, &num);
}

size_t
lsn_word_count(const char *s, size_t len)
{
	size_t	 i = 0, k, words = 0;
	int	 in = 0;
	int32_t	 cp;

	while (i < len) {
		k = lsn_utf8_decode(s + i, len - i, &cp);
		if (lsn_is_alnum(cp)) {
			if (!in)
				words++;
			in = 1;
		} else if (cp != '-' && cp != '\'' && cp != 0x2019)
			in = 0;
		i += k;
	}
	return words;
}

char
lsn_last_char(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len > 0 ? s[len - 1] : 0;
}

int
lsn_title_like(const char *s, size_t len, size_t max_words)
{
	size_t	 words;
	char	 last;
	int32_t	 cp;

	if (len == 0 || len > LSN_TITLE_BYTES)
		return 0;
	words = lsn_word_count(s, len);
	if (words == 0 || words > max_words)
		return 0;
	last = lsn_last_char(s, len);
	if (strchr(".;,:?!", last) != NULL)
		return 0;
	lsn_utf8_decode(s, len, &cp);
	/* Titles start with a capital, a digit or an opening bracket. */
	return lsn_is_upper(cp) || (cp >= '0' && cp <= '9') || cp == '(' ||
	    cp == '"' || cp == 0x201C;
}

long
lsn_find_ci(const char *hay, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;
	int	 c0;

	if (n == 0 || n > len)
		return n == 0 ? 0 : -1;
	/* strncasecmp's own first test, without a call at every byte */
	c0 = tolower((unsigned char)needle[0]);
	for (i = 0; i + n <= len; i++)
		if (tolower((unsigned char)hay[i]) == c0 &&
		    strncasecmp(hay + i, needle, n) == 0)
			return (long)i;
	return -1;
}

int
lsn_equals_ci(const char *s, size_t len, const char *word)
{
	size_t	 n = strlen(word);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ':'))
		len--;
	return len == n && strncasecmp(s, word, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */

static const char *
span_element(enum lsn_mark_type t)
{
	switch (t) {
	case LSN_MARK_LINK: return "link";
	case LSN_MARK_INS: return "ins";
	case LSN_MARK_DEL: return "del";
	case LSN_MARK_MOVE_FROM: return "move-from";
	case LSN_MARK_MOVE_TO: return "move-to";
	case LSN_MARK_SUP: return "sup";
	case LSN_MARK_SUB: return "sub";
	default: return NULL;
	}
}

/* A line's marks in the order of their start, then of their index. */
struct mark_at {
	size_t	 start;
	size_t	 index;
};

static int
mark_at_cmp(const void *a, const void *b)
{
	const struct mark_at *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* What build_inline works through: a line, its marks by start, and
 * which of them are emitted (or not this call's). */
struct inline_run {
	const struct lsn_line	*l;
	const struct mark_at	*order;
	char			*used;
	size_t			 cp_at;    /* offset() counted up to here */
	size_t			 cp_count; /* the characters before it */
};

/*
 * The character offset (code points) of byte `at` of the line: counted
 * on from the last call, as marks come in order, so a line's changes
 * cost one pass over it.
 */
static size_t
offset(struct inline_run *run, size_t at)
{
	const char *t = run->l->text;

	if (at < run->cp_at)
		run->cp_at = run->cp_count = 0;
	for (; run->cp_at < at && t[run->cp_at] != '\0'; run->cp_at++)
		if (((unsigned char)t[run->cp_at] & 0xC0) != 0x80)
			run->cp_count++;
	return run->cp_count;
}

/* A change element's author, date and position: the paragraph's number
 * in the document (when the reader knows it) and the offset. */
static void
change_attrs(struct lsn_builder *b, lsn_node *n, struct inline_run *run,
    const struct lsn_mark *m)
{
	lsn_attr(b, n, "author", m->value);
	lsn_attr(b, n, "date", m->date);
	if (m->type < LSN_MARK_INS || m->type > LSN_MARK_MOVE_TO)
		return;
	if (run->l->srcline > 0)
		lsn_attr_int(b, n, "paragraph", (long)run->l->srcline);
	lsn_attr_int(b, n, "offset", (long)offset(run, m->start));
	if (m->para_mark)
		lsn_attr(b, n, "paragraph-mark", "true");
}

/* The first mark in order starting at pos or after it (past: after). */
static size_t
first_from(const struct inline_run *run, size_t pos, int past)
{
	size_t	 lo = 0, hi = run->l->nmarks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (run->order[mid].start < pos ||
		    (past && run->order[mid].start == pos))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Emits text[pos..end) under parent; spans that start in range and end
 * within it become elements (outer spans first), point marks become
 * empty elements. `used` flags marks already emitted. Only the marks
 * starting at pos are looked at, found by their order: a line of tens of
 * thousands of bookmarks took seconds when every step scanned them all.
 */
static void
build_inline(struct lsn_builder *b, lsn_node *parent,
    struct inline_run *run, size_t pos, size_t end, size_t depth)
{
	const struct lsn_line	*l = run->l;
	size_t			 i, k, at, past, next;

	while (pos <= end && !b->oom) {
		int	 best = -1;

		at = first_from(run, pos, 0);
		past = first_from(run, pos, 1);
		/* Point marks at pos, in the order of the line. */
		for (k = at; k < past; k++) {
			const struct lsn_mark *m = &l->marks[run->order[k].index];
			lsn_node *n;

			i = run->order[k].index;
			if (run->used[i] || (span_element(m->type) &&
			    !m->para_mark))
				continue;
			run->used[i] = 1;
			if (m->para_mark) {
				/* an empty change: the paragraph mark's */
				n = lsn_el(b, parent, span_element(m->type));
				change_attrs(b, n, run, m);
				continue;
			}
			n = lsn_el(b, parent, m->type == LSN_MARK_ANCHOR ?
			    "anchor" : "note-ref");
			lsn_attr(b, n, "id", m->value != NULL ? m->value : "");
		}
		/* The longest span starting at pos that fits; the first of
		 * the longest. */
		for (k = at; k < past; k++) {
			const struct lsn_mark *m = &l->marks[run->order[k].index];

			i = run->order[k].index;
			if (run->used[i] || !span_element(m->type) ||
			    m->end > end || m->end <= m->start)
				continue;
			if (best < 0 || m->end > l->marks[best].end)
				best = (int)i;
		}
		if (best >= 0) {
			const struct lsn_mark *m = &l->marks[best];
			lsn_node *n;

			/* Spans nest as their marks do: 60 000 fields begun
			 * in one paragraph would nest 60 000 deep and
			 * overflow the stack here and in the validation. */
			if (b->max_depth > 0 && depth + 1 > b->max_depth) {
				lsn_budget_hit(b, LIAISON_LIMIT_MODEL_DEPTH);
				return;
			}
			n = lsn_el(b, parent, span_element(m->type));

			run->used[best] = 1;
			if (m->type == LSN_MARK_LINK)
				lsn_attr(b, n, "href", m->value != NULL ? m->value : "");
			else if (m->type != LSN_MARK_SUP &&
			    m->type != LSN_MARK_SUB)
				change_attrs(b, n, run, m);
			build_inline(b, n, run, pos, m->end, depth + 1);
			pos = m->end;
			continue;
		}
		if (pos == end)
			break;
		/* Text up to the next mark boundary: the first mark of this
		 * call's starting after pos. */
		next = end;
		for (k = past; k < l->nmarks && run->order[k].start < next; k++)
			if (!run->used[run->order[k].index]) {
				next = run->order[k].start;
				break;
			}
		lsn_text(b, parent, l->text + pos, next - pos);
		pos = next;
	}
}

void
lsn_inline(struct lsn_builder *b, lsn_node *parent, const struct lsn_line *l,
    size_t start, size_t end)
{
	struct inline_run	 run;
	struct mark_at		*order;
	char			 small[64], *used = small;
	size_t			 i, depth;
	lsn_node		 *up;

	if (l->nmarks == 0) {
		lsn_text(b, parent, l->text + start, end - start);
		return;
	}
	if (l->nmarks > sizeof(small) &&
	    (used = calloc(l->nmarks, 1)) == NULL) {
		b->oom = 1;
		return;
	}
	if ((order = malloc(l->nmarks * sizeof(*order))) == NULL) {
		if (used != small)
			free(used);
		b->oom = 1;
		return;
	}
	memset(used, 0, l->nmarks > sizeof(small) ? l->nmarks : sizeof(small));
	for (i = 0; i < l->nmarks; i++) {
		order[i].start = l->marks[i].start;
		order[i].index = i;
	}
	qsort(order, l->nmarks, sizeof(*order), mark_at_cmp);
	/*
	 * Marks outside the range are not this call's, except points just
	 * before it: a bookmark on a heading's typed number ("1 Scope",
	 * the number cut) belongs to the heading.
	 */
	for (i = 0; i < l->nmarks; i++) {
		const struct lsn_mark *m = &l->marks[i];

		if (m->start < start && m->start == m->end && start > 0 &&
		    start < LSN_ANCHOR_BEFORE_CUT &&
		    !span_element(m->type)) {
			lsn_node *n = lsn_el(b, parent, m->type == LSN_MARK_ANCHOR ?
			    "anchor" : "note-ref");
			lsn_attr(b, n, "id", m->value != NULL ? m->value : "");
			used[i] = 1;
		} else if (m->start < start || m->start > end)
			used[i] = 1;
	}
	run.l = l;
	run.order = order;
	run.used = used;
	run.cp_at = run.cp_count = 0;
	for (depth = 0, up = parent; up != NULL &&
	    up->type == LSN_ELEMENT; up = up->parent)
		depth++;
	build_inline(b, parent, &run, start, end, depth);
	/* Spans cut by the range end: their text was emitted; keep points. */
	free(order);
	if (used != small)
		free(used);
}
