/* SPDX-License-Identifier: MIT */
/*
 * out.c: the output sink shared by every emitter: a FILE* behind a
 * buffer that is written out in large chunks, or a growing buffer.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define HAVE_ESCAPE_MASK16 1
#endif

#include "emit/emit.h"
#include "util/error.h"
#include "util/text.h"

static void
spill(struct lsn_out *o)
{
	int	 lead;

	if (o->fp == NULL || o->buf.len < LSN_OUT_CHUNK)
		return;
	/* A trailing 0xC2 stays: the next byte may make it a C1 control,
	 * which put_visible then replaces. */
	lead = o->visible && o->buf.data[o->buf.len - 1] == '\xc2';
	o->buf.len -= (size_t)lead;
	lsn_out_flush(o);
	if (lead && lsn_buf_putc(&o->buf, '\xc2') == -1)
		o->error = 1;
}

static void
put_raw(struct lsn_out *o, const char *s, size_t n)
{
	struct lsn_buf	*b = &o->buf;

	if (o->error)
		return;
	/* Room, and no chunk to write out after: copy. */
	if (n < b->cap - b->len && !b->oom &&
	    (o->fp == NULL || b->len + n < LSN_OUT_CHUNK)) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	if (lsn_buf_put(&o->buf, s, n) == -1) {
		o->error = 1;
		return;
	}
	spill(o);
}

/* See lsn_out_put in emit.h. */
static void
put_visible(struct lsn_out *o, const char *s, size_t n)
{
	size_t	 i, run = 0;
	char	 pic[3];

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t' ||
		    c > 0x9f)
			continue;
		if (c >= 0x80) {
			/* C1 is 0xC2 then 0x80-0x9F; the 0xC2 may end the
			 * buffer already (spill keeps it there). */
			if (i > 0 && s[i - 1] == '\xc2')
				put_raw(o, s + run, i - 1 - run);
			else if (i == 0 && o->buf.len > 0 &&
			    o->buf.data[o->buf.len - 1] == '\xc2')
				o->buf.data[--o->buf.len] = '\0';
			else
				continue;
			put_raw(o, "\xef\xbf\xbd", 3);
		} else {
			put_raw(o, s + run, i - run);
			pic[0] = '\xe2';
			pic[1] = '\x90';
			pic[2] = (char)(c == 0x7f ? 0xa1 : 0x80 + c);
			put_raw(o, pic, 3);
		}
		run = i + 1;
	}
	put_raw(o, s + run, n - run);
}

void
lsn_out_put_slow(struct lsn_out *o, const char *s, size_t n)
{
	if (o->visible)
		put_visible(o, s, n);
	else
		put_raw(o, s, n);
}

void
lsn_out_raw(struct lsn_out *o, const char *s)
{
	put_raw(o, s, strlen(s));
}

void
lsn_out_puts(struct lsn_out *o, const char *s)
{
	lsn_out_put(o, s, strlen(s));
}

/* lsn_out_putc when the buffer must grow or be written out. */
void
lsn_out_putc_slow(struct lsn_out *o, char c)
{
	lsn_out_put(o, &c, 1);
}

void
lsn_out_printf(struct lsn_out *o, const char *fmt, ...)
{
	va_list	 ap;
	char	 small[256];
	int	 n;

	if (o->error)
		return;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->error = 1;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		lsn_out_put(o, small, (size_t)n);
		return;
	}
	if (o->visible) {
		char *big = malloc((size_t)n + 1);

		if (big == NULL) {
			o->error = 1;
			return;
		}
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		put_visible(o, big, (size_t)n);
		free(big);
		return;
	}
	if (lsn_buf_grow(&o->buf, (size_t)n) == -1) {
		o->error = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(o->buf.data + o->buf.len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->buf.len += (size_t)n;
	spill(o);
}

int
lsn_out_flush(struct lsn_out *o)
{
	if (o->fp == NULL)
		return o->error ? -1 : 0;
	errno = 0;
	if (!o->error && o->buf.len > 0 &&
	    fwrite(o->buf.data, 1, o->buf.len, o->fp) != o->buf.len) {
		o->error = 1;
		o->werrno = errno != 0 ? errno : EIO;
	}
	lsn_buf_reset(&o->buf);
	return o->error ? -1 : 0;
}

int
lsn_out_fail(const struct lsn_out *o, const char *what, liaison_error **err)
{
	if (o->werrno != 0)
		lsn_error_set(err, LIAISON_ERR_IO, NULL, NULL, 0, 0,
		    "cannot write %s: %s", what, strerror(o->werrno));
	else
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory while writing %s", what);
	return -1;
}

liaison_status
lsn_out_close(struct lsn_out *o, liaison_error **err)
{
	int	 failed = lsn_out_flush(o) == -1;

	if (!failed && o->fp != NULL && fflush(o->fp) == EOF) {
		failed = 1;
		o->werrno = errno != 0 ? errno : EIO;
	}
	lsn_buf_free(&o->buf);
	if (!failed)
		return LIAISON_OK;
	if (o->werrno == 0)
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	return lsn_error_set(err, LIAISON_ERR_IO, NULL, NULL, 0, 0,
	    "write error: %s", strerror(o->werrno));
}

/* Runs fn into o with an error of its own, e; an emitter that fails
 * without saying why is an internal error. Returns e (or NULL). */
static liaison_error *
run_emitter(lsn_emit_fn *fn, const void *what, int fmt, unsigned flags,
    struct lsn_out *o)
{
	liaison_error	*e = NULL;

	if (fn(what, fmt, flags, o, &e) != 0 && e == NULL)
		lsn_error_set(&e, LIAISON_ERR_INTERNAL, NULL, NULL, 0, 0,
		    "internal error: output failed without a reason");
	return e;
}

liaison_status
lsn_emit_to_file(lsn_emit_fn *fn, const void *what, int fmt,
    unsigned flags, FILE *out, const char *caller, liaison_error **err)
{
	struct lsn_out	 o;
	liaison_error	*e;

	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (out == NULL)
		/* (a NULL fp is the buffer sink: the output would be lost) */
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "%s: no output stream", caller);
	memset(&o, 0, sizeof(o));
	o.fp = out;
	e = run_emitter(fn, what, fmt, flags, &o);
	lsn_out_close(&o, &e);
	return lsn_error_give(err, e);
}

liaison_status
lsn_emit_to_buffer(lsn_emit_fn *fn, const void *what, int fmt,
    unsigned flags, char **out, size_t *len, const char *caller,
    liaison_error **err)
{
	struct lsn_out	 o;
	liaison_error	*e;
	size_t		 n;

	if (out != NULL)
		*out = NULL;
	if (lsn_error_in_use(err))
		return LIAISON_ERR_USAGE;
	if (out == NULL)
		return lsn_error_set(err, LIAISON_ERR_USAGE, NULL, NULL, 0, 0,
		    "%s: no output pointer", caller);
	memset(&o, 0, sizeof(o));
	if ((e = run_emitter(fn, what, fmt, flags, &o)) != NULL) {
		lsn_buf_free(&o.buf);
		return lsn_error_give(err, e);
	}
	if (o.error || (*out = lsn_buf_detach(&o.buf, &n)) == NULL) {
		lsn_buf_free(&o.buf);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory");
	}
	if (len != NULL)
		*len = n;
	return LIAISON_OK;
}

/*
 * Does any of the eight bytes in x need an escape (a control
 * character, '"', '\\' or DEL)? Text is mostly long runs with none.
 * A zero byte is one below 1 (LSN_HAS_BELOW, util/text.h).
 */
static int
word_needs_escape(uint64_t x)
{
	uint64_t	 q = x ^ (LSN_ONES * '"'), b = x ^ (LSN_ONES * '\\');
	uint64_t	 d = x ^ (LSN_ONES * 0x7f);

	return (LSN_HAS_BELOW(x, 0x20) | LSN_HAS_BELOW(q, 1) |
	    LSN_HAS_BELOW(b, 1) | LSN_HAS_BELOW(d, 1)) != 0;
}

static int
needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\' || c == 0x7f;
}

#ifdef HAVE_ESCAPE_MASK16
/*
 * The bytes of s[0..16) that need an escape, as a bit mask (bit k for
 * s[k]): sixteen bytes in a few instructions, where the words above
 * take some twenty for eight. A byte below 0x20 is one that
 * min(byte, 0x1f) leaves as it is.
 */
static unsigned
escape_mask16(const char *s)
{
	const __m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i		 m;

	m = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)),
	    v), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f))));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

void
lsn_json_escape(struct lsn_out *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t	 i = 0, run = 0, end;
	uint64_t x;

	while (i < n) {
		unsigned char c;
		const char *esc = NULL;
		char	 u[7];

		end = n;
#ifdef HAVE_ESCAPE_MASK16
		if (i + 16 <= n) {
			unsigned mask = escape_mask16(s + i);

			if (mask == 0) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz(mask);
			end = i + 1;
		} else
#endif
		if (i + 8 <= n) {
			memcpy(&x, s + i, 8);
			if (!word_needs_escape(x)) {
				i += 8;
				continue;
			}
			end = i + 8;
		}
		while (i < end && !needs_escape((unsigned char)s[i]))
			i++;
		if (i == end)
			continue;
		c = (unsigned char)s[i];
		lsn_out_put(o, s + run, i - run);
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			esc = u;
			break;
		}
		lsn_out_puts(o, esc);
		run = ++i;
	}
	lsn_out_put(o, s + run, n - run);
}
