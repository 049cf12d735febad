/* SPDX-License-Identifier: MIT */
/*
 * stream.c: the paragraph stream shared by readers and recognizer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "reader/stream.h"
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

void
lsn_para_clear(struct lsn_para *p)
{
	size_t	 i;

	free(p->text);
	free(p->label);
	free(p->style);
	free(p->note_id);
	for (i = 0; i < p->nmarks; i++) {
		free(p->marks[i].value);
		free(p->marks[i].date);
	}
	free(p->marks);
	lsn_para_init(p);
	p->text = NULL;
}

static int
dup_field(char **dst, const char *src)
{
	if (src == NULL) {
		*dst = NULL;
		return 0;
	}
	return (*dst = strdup(src)) == NULL ? -1 : 0;
}

int
lsn_stream_add(struct lsn_stream *s, const struct lsn_para *p)
{
	struct lsn_para	*q;
	size_t		 i, len;

	if (s->oom)
		return -1;
	if (s->max_paras > 0 && s->count >= s->max_paras)
		return -2;
	if (s->max_marks > 0 && p->nmarks > s->max_marks) {
		s->marks_hit = 1;
		return -2;
	}
	if ((q = lsn_array_grow(s->items, &s->cap, s->count + 1, sizeof(*q),
	    256)) == NULL)
		goto oom;
	s->items = q;
	q = &s->items[s->count];
	*q = *p;
	q->text = NULL;
	q->label = q->style = q->note_id = NULL;
	q->marks = NULL;
	q->nmarks = 0;
	len = p->text != NULL ? p->len : 0;
	if ((q->text = malloc(len + 1)) == NULL)
		goto oom;
	if (len > 0)
		memcpy(q->text, p->text, len);
	q->text[len] = '\0';
	q->len = len;
	if (dup_field(&q->label, p->label) == -1 ||
	    dup_field(&q->style, p->style) == -1 ||
	    dup_field(&q->note_id, p->note_id) == -1)
		goto oom_item;
	if (p->nmarks > 0) {
		if ((q->marks = calloc(p->nmarks, sizeof(*q->marks))) == NULL)
			goto oom_item;
		q->nmarks = p->nmarks;
		for (i = 0; i < p->nmarks; i++) {
			q->marks[i] = p->marks[i];
			q->marks[i].value = q->marks[i].date = NULL;
			if (dup_field(&q->marks[i].value, p->marks[i].value) == -1 ||
			    dup_field(&q->marks[i].date, p->marks[i].date) == -1)
				goto oom_item;
		}
	}
	s->count++;
	return 0;
oom_item:
	lsn_para_clear(q);
oom:
	s->oom = 1;
	return -1;
}

int
lsn_stream_event(struct lsn_stream *s, enum lsn_event ev)
{
	struct lsn_para	 p;

	lsn_para_init(&p);
	p.event = ev;
	return lsn_stream_add(s, &p);
}

void
lsn_stream_free(struct lsn_stream *s)
{
	size_t	 i;

	for (i = 0; i < s->count; i++)
		lsn_para_clear(&s->items[i]);
	free(s->items);
	s->items = NULL;
	s->count = s->cap = 0;
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
	if (s->marks_hit)
		return lsn_stream_marks_error(s->max_marks, err, file, part,
		    line);
	return lsn_error_set(err, LIAISON_ERR_LIMIT, file, part, line, 0,
	    "more than the paragraphs limit of %zu "
	    LSN_RAISE_COUNT("paragraphs"), s->max_paras);
}
