/* SPDX-License-Identifier: MIT */
/*
 * inline.c: a line's text and marks as inline content of the model:
 * text, <anchor>, <note-ref>, <link>, <ins>/<del>/<move-*>, <sup>, <sub>.
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
	lsn_attr_n(b, n, LSN_N_AUTHOR, m->value);
	lsn_attr_n(b, n, LSN_N_DATE, m->date);
	if (m->type < LSN_MARK_INS || m->type > LSN_MARK_MOVE_TO)
		return;
	if (run->l->srcline > 0)
		lsn_attr_int(b, n, "paragraph", (long)run->l->srcline);
	lsn_attr_int(b, n, "offset", (long)offset(run, m->start));
	if (m->para_mark)
		lsn_attr_n(b, n, LSN_N_PARAGRAPH_MARK, "true");
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
			lsn_attr_n(b, n, LSN_N_ID,
			    m->value != NULL ? m->value : "");
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
				lsn_attr_n(b, n, LSN_N_HREF,
				    m->value != NULL ? m->value : "");
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
			lsn_node *n = lsn_el(b, parent,
			    m->type == LSN_MARK_ANCHOR ?
			    "anchor" : "note-ref");
			lsn_attr_n(b, n, LSN_N_ID,
			    m->value != NULL ? m->value : "");
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
