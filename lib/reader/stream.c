/* SPDX-License-Identifier: MIT */
/*
 * stream.c: the paragraph stream shared by readers and recognizer.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "reader/stream.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"

void
lsn_para_init(struct lsn_para *p)
{
	memset(p, 0, sizeof(*p));
	p->event = LSN_EV_PARA;
	p->text = (char *)"";
	p->ilvl = -1;
	p->value = -1;
	p->colspan = p->rowspan = 1;
}

/* An arena copy of src (NULL for NULL) in *dst. 0, or -1. */
static int
dup_field(struct lsn_stream *s, char **dst, const char *src)
{
	if (src == NULL) {
		*dst = NULL;
		return 0;
	}
	return (*dst = lsn_arena_strdup(&s->strings, src)) == NULL ? -1 : 0;
}

/* 1 when all of p but its event, text and line is as lsn_para_init
 * leaves it: the item needs no more. */
static int
plain(const struct lsn_para *p)
{
	return p->label == NULL && p->label_auto == 0 && p->value == -1 &&
	    p->style == NULL && p->outline == 0 && p->ilvl == -1 &&
	    p->num_id == 0 && p->colspan == 1 && p->rowspan == 1 &&
	    p->vmerge_continue == 0 && p->note_id == NULL && p->nmarks == 0;
}

/* The arena copy of all of p but its text, in *out. 0, or -1. */
static int
copy_more(struct lsn_stream *s, const struct lsn_para *p,
    const struct lsn_para **out)
{
	struct lsn_para	*q;
	size_t		 i;

	if ((q = lsn_arena_alloc(&s->strings, sizeof(*q))) == NULL)
		return -1;
	*q = *p;
	q->text = NULL;
	q->len = 0;
	/* paragraphs in a row mostly share a style: one copy of its name */
	if (p->style != NULL && s->last_style != NULL &&
	    strcmp(s->last_style, p->style) == 0)
		q->style = (char *)s->last_style;
	else if (dup_field(s, &q->style, p->style) == -1)
		return -1;
	if (q->style != NULL)
		s->last_style = q->style;
	if (dup_field(s, &q->label, p->label) == -1 ||
	    dup_field(s, &q->note_id, p->note_id) == -1)
		return -1;
	q->marks = NULL;
	q->nmarks = 0;
	if (p->nmarks > 0) {
		if (p->nmarks > SIZE_MAX / sizeof(*q->marks) ||
		    (q->marks = lsn_arena_alloc(&s->strings, p->nmarks *
		    sizeof(*q->marks))) == NULL)
			return -1;
		q->nmarks = p->nmarks;
		for (i = 0; i < p->nmarks; i++) {
			q->marks[i] = p->marks[i];
			if (dup_field(s, &q->marks[i].value,
			    p->marks[i].value) == -1 ||
			    dup_field(s, &q->marks[i].date,
			    p->marks[i].date) == -1)
				return -1;
		}
	}
	*out = q;
	return 0;
}

int
lsn_stream_add(struct lsn_stream *s, const struct lsn_para *p)
{
	struct lsn_item	*q;
	size_t		 i, len;

	if (s->oom)
		return -1;
	if (s->max_paras > 0 && s->count >= s->max_paras)
		return -2;
	if (s->max_marks > 0 && p->nmarks > s->max_marks) {
		s->marks_hit = 1;
		return -2;
	}
	if (s->max_bytes > 0) {
		unsigned long long add = p->text != NULL ? p->len : 0;

		if (p->label != NULL)
			add += strlen(p->label);
		for (i = 0; i < p->nmarks; i++)
			if (p->marks[i].value != NULL)
				add += strlen(p->marks[i].value);
		if (add > s->max_bytes - s->bytes) {
			s->bytes_hit = 1;
			return -2;
		}
		s->bytes += add;
	}
	if ((q = lsn_array_grow(s->items, &s->cap, s->count + 1, sizeof(*q),
	    256)) == NULL)
		goto oom;
	s->items = q;
	q = &s->items[s->count];
	memset(q, 0, sizeof(*q));
	q->event = p->event;
	q->line = p->line;
	len = p->text != NULL ? p->len : 0;
	if (len > 0 && (q->text = lsn_arena_strndup(&s->strings, p->text,
	    len)) == NULL)
		goto oom;
	q->len = len;
	if (!plain(p) && copy_more(s, p, &q->more) == -1)
		goto oom;
	s->count++;
	return 0;
oom:
	/* what the arena gave a refused item stays there until the end */
	s->oom = 1;
	return -1;
}

void
lsn_stream_get(const struct lsn_stream *s, size_t i, struct lsn_para *p)
{
	const struct lsn_item	*q = &s->items[i];

	if (q->more != NULL)
		*p = *q->more;
	else
		lsn_para_init(p);
	p->event = q->event;
	p->text = q->text != NULL ? (char *)q->text : (char *)"";
	p->len = q->len;
	p->line = q->line;
}

void
lsn_stream_free(struct lsn_stream *s)
{
	free(s->items);
	lsn_arena_free(&s->strings);
	memset(&s->strings, 0, sizeof(s->strings));
	s->items = NULL;
	s->last_style = NULL;
	s->count = s->cap = 0;
	s->bytes = 0;
}

liaison_status
lsn_stream_marks_error(size_t max, liaison_error **err, const char *file,
    const char *part, unsigned long line)
{
	return lsn_error_set(err, LIAISON_ERR_LIMIT, file, part, line, 0,
	    "a paragraph has more links, bookmarks, note references and "
	    "changes than the paragraph-marks limit of %zu "
	    LSN_RAISE_COUNT("paragraph-marks"), max);
}

liaison_status
lsn_stream_limit_error(const struct lsn_stream *s, liaison_error **err,
    const char *file, const char *part, unsigned long line)
{
	char	 t[LSN_LIMIT_TEXT];

	if (s->marks_hit)
		return lsn_stream_marks_error(s->max_marks, err, file, part,
		    line);
	if (s->bytes_hit)
		return lsn_error_set(err, LIAISON_ERR_LIMIT, file, part, line,
		    0, "the model would be larger than the model-bytes limit "
		    "of %s of text and attributes "
		    LSN_RAISE_BYTES("model-bytes"),
		    lsn_limit_text(LIAISON_LIMIT_MODEL_BYTES, s->max_bytes, t));
	return lsn_error_set(err, LIAISON_ERR_LIMIT, file, part, line, 0,
	    "more than the paragraphs limit of %zu "
	    LSN_RAISE_COUNT("paragraphs"), s->max_paras);
}
