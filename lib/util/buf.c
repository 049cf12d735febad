/* SPDX-License-Identifier: MIT */
/*
 * buf.c: growable byte buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int
lsn_buf_grow(struct lsn_buf *b, size_t extra)
{
	size_t	 need, cap;
	char	*p;

	if (b->oom)
		return -1;
	if (extra > SIZE_MAX - b->len - 1)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		goto fail;
	b->data = p;
	b->cap = cap;
	return 0;
fail:
	b->oom = 1;
	return -1;
}

int
lsn_buf_put(struct lsn_buf *b, const char *s, size_t n)
{
	/* Emitters append a few bytes at a time: when they fit, copy. */
	if (n < b->cap - b->len && !b->oom) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return 0;
	}
	if (lsn_buf_grow(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
lsn_buf_puts(struct lsn_buf *b, const char *s)
{
	return lsn_buf_put(b, s, strlen(s));
}

int
lsn_buf_putc(struct lsn_buf *b, char c)
{
	return lsn_buf_put(b, &c, 1);
}

int
lsn_buf_printf(struct lsn_buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || lsn_buf_grow(b, (size_t)n) == -1)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void
lsn_buf_reset(struct lsn_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
lsn_buf_free(struct lsn_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

char *
lsn_buf_detach(struct lsn_buf *b, size_t *len)
{
	char	*p;

	if (b->oom) {
		lsn_buf_free(b);
		return NULL;
	}
	if (b->data == NULL && lsn_buf_grow(b, 0) == -1)
		return NULL;
	b->data[b->len] = '\0';
	p = b->data;
	if (len != NULL)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

const char *
lsn_buf_str(const struct lsn_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void *
lsn_array_grow(void *v, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t	 n = *cap > 0 ? *cap : first > 0 ? first : 1;

	if (need <= *cap)
		return v;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return NULL;
		n *= 2;
	}
	if (n > SIZE_MAX / size || (v = realloc(v, n * size)) == NULL)
		return NULL;
	*cap = n;
	return v;
}

int
lsn_buf_put_cp(struct lsn_buf *b, unsigned int cp)
{
	char	 u[4];

	if (cp < 0x80) {
		u[0] = (char)cp;
		return lsn_buf_put(b, u, 1);
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		return lsn_buf_put(b, u, 2);
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return lsn_buf_put(b, u, 3);
	}
	if (cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp > 0xFFFF) {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		return lsn_buf_put(b, u, 4);
	}
	return lsn_buf_put_cp(b, 0xFFFD);
}
