/* SPDX-License-Identifier: MIT */
/*
 * emit.h: the model's emitters, one file each. Each walks the XML model
 * and writes through an lsn_out (a FILE* or a growable buffer).
 */
#ifndef LSN_EMIT_H
#define LSN_EMIT_H

#include <stdio.h>
#include <string.h>
#include "tree/tree.h"
#include "util/buf.h"
#include "liaison.h"

/* An output sink; buffered either way. */
struct lsn_out {
	FILE		*fp;    /* when non-NULL, written to and flushed at end */
	struct lsn_buf	 buf;   /* pending bytes (all of them when fp is NULL) */
	int		 error; /* a write or allocation failed */
	int		 werrno; /* errno of a failed write; 0: memory */
	/* Text outputs (Markdown, the text, Markdown and HTML diffs) set
	 * this: control characters that are not text are written as
	 * pictures (lsn_out_put), so a document cannot drive the terminal
	 * or hide a line. lsn_out_raw writes an emitter's own escapes. */
	int		 visible;
};

/* With a FILE*, pending bytes are written out once this many wait. */
#define LSN_OUT_CHUNK	(64 * 1024)

/*
 * With o->visible: C0 controls but tab and newline as U+2400 + c
 * (U+241B for ESC, U+240D for CR), DEL as U+2421, C1 (U+0080 to
 * U+009F, which terminals obey as ESC sequences: U+009B is CSI) as
 * U+FFFD. None of them is text in a document.
 */
void	lsn_out_put_slow(struct lsn_out *o, const char *s, size_t n);
/* s as it is, even with o->visible (the text diff's colour escapes). */
void	lsn_out_raw(struct lsn_out *o, const char *s);
void	lsn_out_puts(struct lsn_out *o, const char *s);
void	lsn_out_putc_slow(struct lsn_out *o, char c);

/* lsn_out_put (above, lsn_out_put_slow): the common case (room in the
 * buffer, no pictures) inline, as the emitters write two million
 * pieces for 10 MB of text. */
static inline void
lsn_out_put(struct lsn_out *o, const char *s, size_t n)
{
	struct lsn_buf	*b = &o->buf;

	if (!o->visible && !o->error && n < b->cap - b->len && !b->oom &&
	    (o->fp == NULL || b->len + n < LSN_OUT_CHUNK)) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	lsn_out_put_slow(o, s, n);
}

/* One byte: emitters write most of their punctuation this way, so the
 * common case (room in the buffer) is inline. */
static inline void
lsn_out_putc(struct lsn_out *o, char c)
{
	struct lsn_buf	*b = &o->buf;

	if (b->len + 2 <= b->cap && !o->error && !b->oom &&
	    (o->fp == NULL || b->len + 1 < LSN_OUT_CHUNK) && (!o->visible ||
	    ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f) ||
	    c == '\n')) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	lsn_out_putc_slow(o, c);
}
void	lsn_out_printf(struct lsn_out *o, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Writes pending bytes to fp (no-op for buffers). Returns -1 on error. */
int	lsn_out_flush(struct lsn_out *o);
/*
 * Sets *err to why o failed while writing `what` (e.g. "JSON"): out of
 * memory, or the failed write's cause. Returns -1.
 */
int	lsn_out_fail(const struct lsn_out *o, const char *what,
	    liaison_error **err);
/*
 * Writes out what o holds, flushes its FILE* and frees its buffer. On a
 * failure sets *err (unless an error is there already: the emitter's
 * comes first) to out of memory or the write's cause, and returns its
 * code; else LIAISON_OK.
 */
liaison_status lsn_out_close(struct lsn_out *o, liaison_error **err);

/*
 * The public emit functions of documents (api.c) and diffs (diff.c)
 * run their emitters through these. An emitter writes `what` (a
 * document, a diff) in format fmt with flags into o: 0, or -1 with
 * *err set.
 */
typedef int lsn_emit_fn(const void *what, int fmt, unsigned flags,
	    struct lsn_out *o, liaison_error **err);
/*
 * Runs fn into out, then flushes it. *err must be NULL on entry (else
 * LIAISON_ERR_USAGE); a NULL out is a usage error naming `caller` (the
 * public function). Returns LIAISON_OK or the first error's code, with
 * the error in *err when err is non-NULL.
 */
liaison_status lsn_emit_to_file(lsn_emit_fn *fn, const void *what, int fmt,
	    unsigned flags, FILE *out, const char *caller,
	    liaison_error **err);
/*
 * The same into a new buffer: *out (the caller's: free) and *len (when
 * len is non-NULL) on LIAISON_OK; *out is NULL otherwise.
 */
liaison_status lsn_emit_to_buffer(lsn_emit_fn *fn, const void *what,
	    int fmt, unsigned flags, char **out, size_t *len,
	    const char *caller, liaison_error **err);

/* JSON string body with escapes (no quotes added). */
void	lsn_json_escape(struct lsn_out *o, const char *s, size_t n);

/* Each emitter: 0 on success, -1 with *err set. */
int	lsn_emit_json(struct lsn_tree *model, struct lsn_out *o,
	    liaison_error **err);
/* The same on one line ending in a newline (json-line.c). */
int	lsn_emit_json_line(struct lsn_tree *model, struct lsn_out *o,
	    liaison_error **err);
int	lsn_emit_xml(struct lsn_tree *model, struct lsn_out *o,
	    liaison_error **err);
/* front_matter: metadata as YAML front matter instead of a list under
 * the title. */
int	lsn_emit_markdown(struct lsn_tree *model, int front_matter,
	    struct lsn_out *o, liaison_error **err);

#endif
