/* SPDX-License-Identifier: MIT */
/*
 * stream.h: the paragraph stream, the one interface between readers and
 * the recognizer.
 *
 * Every reader (text.c, docx.c) turns its input into the same sequence
 * of events: paragraphs, table structure and footnote bodies. A reader
 * fills a paragraph struct of its own and hands it to lsn_stream_add(),
 * which copies it; the reader keeps ownership of what it passed and may
 * reuse it at once. The recognizer then reads the items back with
 * lsn_stream_get(). What the items point to (text, labels, styles,
 * marks) lives in the stream's arena, a few large blocks rather than
 * several allocations a paragraph, and goes with lsn_stream_free.
 *
 * Text is UTF-8 in NFC, with no list label and no markers: bookmarks,
 * footnote references, hyperlinks and tracked changes are marks with
 * byte offsets into the text. Non-breaking spaces become plain spaces;
 * runs of white space are kept as the document has them (the recognizer
 * trims and collapses).
 */
#ifndef LSN_STREAM_H
#define LSN_STREAM_H

#include <stddef.h>

#include "liaison.h"
#include "util/arena.h"

enum lsn_event {
	LSN_EV_PARA = 0,     /* a paragraph (possibly empty: a blank line) */
	LSN_EV_TABLE_START,
	LSN_EV_ROW_START,
	LSN_EV_CELL_START,   /* colspan/rowspan/vmerge in the paragraph struct */
	LSN_EV_CELL_END,
	LSN_EV_ROW_END,
	LSN_EV_TABLE_END,
	LSN_EV_NOTE_START,   /* a footnote/endnote body; id in note_id */
	LSN_EV_NOTE_END,
	LSN_EV_FIGURE,       /* a picture; text = its alt text ("" none) */
	LSN_EV_EQUATION      /* display maths; text = its linear form */
};

enum lsn_mark_type {
	LSN_MARK_ANCHOR = 0, /* point: a bookmark; value = its name */
	LSN_MARK_NOTEREF,    /* point: footnote reference; value = note id */
	LSN_MARK_LINK,       /* span: hyperlink; value = target URL or #anchor */
	LSN_MARK_INS,        /* span: tracked insertion; value = author, date */
	LSN_MARK_DEL,        /* span: tracked deletion (text kept in para) */
	LSN_MARK_MOVE_FROM,  /* span: moved-away text; value = author, date */
	LSN_MARK_MOVE_TO,    /* span: moved-here text */
	LSN_MARK_SUP,        /* span: superscript with no Unicode form */
	LSN_MARK_SUB         /* span: subscript, the same */
};

struct lsn_mark {
	enum lsn_mark_type	 type;
	size_t			 start;  /* byte offset into text */
	size_t			 end;    /* == start for point marks */
	char			*value;  /* see above; may be NULL */
	char			*date;   /* ISO date of a change, or NULL */
	int			 para_mark; /* a change of the paragraph mark
					       itself: empty, at the end */
};

struct lsn_para {
	enum lsn_event	 event;
	char		*text;       /* NUL-terminated; "" for empty */
	size_t		 len;
	/*
	 * The list or heading label as a reader of the document sees it:
	 * "1.", "a)", "iv.", "3.1", "•", "–". NULL when there is none.
	 * DOCX: the resolved numbering label. Text: a label the text reader
	 * found at the start of the line (bullet glyph, or number pattern
	 * followed by a tab).
	 */
	char		*label;
	int		 label_auto; /* 1: label from automatic numbering */
	int		 value;      /* DOCX: the counter the label writes
				      * (1 for "i."), -1 none or unknown */
	char		*style;      /* style name (DOCX), or NULL */
	int		 outline;    /* heading level 1-9 from style/outlineLvl, 0 none */
	int		 ilvl;       /* list level, 0-based; -1 when not a list item */
	int		 num_id;     /* numbering instance (DOCX), 0 none */
	int		 colspan;    /* CELL_START: columns spanned (>= 1) */
	int		 rowspan;    /* CELL_START: rows spanned (>= 1) */
	int		 vmerge_continue; /* CELL_START: continues a merged cell above */
	char		*note_id;    /* NOTE_START: the footnote id ("1") */
	struct lsn_mark	*marks;
	size_t		 nmarks;
	unsigned long	 line;       /* source line (text), paragraph number
				        in reading order (DOCX), or 0 */
};

/*
 * An item as the stream keeps it: a table of small cells or a text of
 * short lines is mostly items with no more than an event, a short text
 * and a line, so the rest of the paragraph struct is kept only where
 * it is not as lsn_para_init leaves it (112 bytes an item were most of
 * the memory such texts took). Read with lsn_stream_get.
 */
struct lsn_item {
	const char		*text;   /* in the arena; NULL: "" */
	size_t			 len;
	unsigned long		 line;
	const struct lsn_para	*more;   /* the whole paragraph, or NULL */
	enum lsn_event		 event;
};

struct lsn_stream {
	struct lsn_item	*items;
	size_t		 count;
	size_t		 cap;
	size_t		 max_paras;  /* limit; 0 = none */
	size_t		 max_marks;  /* marks in one paragraph; 0 = none */
	/* Bytes of text, labels and mark values, all of which the model
	 * keeps: a DOCX can repeat one long numbering text, link target
	 * or bookmark name in every paragraph, so the model-bytes limit
	 * is spent here first. 0 = none. */
	unsigned long long max_bytes, bytes;
	int		 marks_hit;  /* -2 was for max_marks */
	int		 bytes_hit;  /* -2 was for max_bytes */
	int		 oom;
	const char	*last_style; /* the style name last copied */
	struct lsn_arena strings;    /* what items point to */
};

/* Zeroes a paragraph struct to "empty paragraph, no label, ilvl -1". */
void	lsn_para_init(struct lsn_para *p);

/*
 * Appends a deep copy of p. Returns 0, -1 when memory ran out,
 * or -2 when the paragraph limit was reached, p has more marks than
 * the paragraph-marks limit, or its bytes would pass max_bytes.
 */
int	lsn_stream_add(struct lsn_stream *s, const struct lsn_para *p);
/*
 * Item i (< s->count) as a whole paragraph struct in *p, whose pointers
 * are the stream's: valid until lsn_stream_free, not to be freed.
 */
void	lsn_stream_get(const struct lsn_stream *s, size_t i,
	    struct lsn_para *p);
/*
 * Sets *err (first error wins) for a paragraph the stream refused with
 * -2: "more than the paragraphs limit of N (raise with ...)" (or the
 * paragraph-marks or model-bytes limit), at
 * file/part/line as the reader knows them (NULL or 0 when not).
 * Returns LIAISON_ERR_LIMIT.
 */
liaison_status	lsn_stream_limit_error(const struct lsn_stream *s,
		    liaison_error **err, const char *file, const char *part,
		    unsigned long line);
/* The paragraph-marks part of it, for a reader that stops early. */
liaison_status	lsn_stream_marks_error(size_t max, liaison_error **err,
		    const char *file, const char *part, unsigned long line);
/* Frees the items and everything they point to; the stream is empty
 * (and may be added to) again. A zeroed stream is an empty one. */
void	lsn_stream_free(struct lsn_stream *s);

#endif
