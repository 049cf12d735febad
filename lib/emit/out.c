/*
 * out.c: the output sink shared by every emitter: a FILE* behind a
 * buffer that is written out in large chunks, or a growing buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit/emit.h"

#define OUT_CHUNK	(64 * 1024)

static void
spill(struct lsn_out *o)
{
	if (o->fp == NULL || o->buf.len < OUT_CHUNK)
		return;
	lsn_out_flush(o);
}

void
lsn_out_put(struct lsn_out *o, const char *s, size_t n)
{
	if (o->error)
		return;
	if (lsn_buf_put(&o->buf, s, n) == -1) {
		o->error = 1;
		return;
	}
	spill(o);
}

void
lsn_out_puts(struct lsn_out *o, const char *s)
{
	lsn_out_put(o, s, strlen(s));
}

void
lsn_out_putc(struct lsn_out *o, char c)
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
	if (!o->error && o->buf.len > 0 &&
	    fwrite(o->buf.data, 1, o->buf.len, o->fp) != o->buf.len)
		o->error = 1;
	lsn_buf_reset(&o->buf);
	return o->error ? -1 : 0;
}

void
lsn_json_escape(struct lsn_out *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t	 i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char	 u[7];

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
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
		run = i + 1;
	}
	lsn_out_put(o, s + run, n - run);
}
