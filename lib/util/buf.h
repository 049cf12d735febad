/* SPDX-License-Identifier: MIT */
/*
 * buf.h: growable byte buffer (always NUL-terminated).
 * A buffer owns its bytes; lsn_buf_free releases them,
 * lsn_buf_detach hands them to the caller (who frees with free()).
 */
#ifndef LSN_BUF_H
#define LSN_BUF_H

#include <stddef.h>
#include <stdarg.h>

struct lsn_buf {
	char	*data;  /* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
	int	 oom;   /* an append failed; later appends are ignored */
};

#define LSN_BUF_INIT { NULL, 0, 0, 0 }

/* Each returns 0 on success, -1 when memory ran out (and sets oom). */
int	 lsn_buf_grow(struct lsn_buf *b, size_t extra);
int	 lsn_buf_put(struct lsn_buf *b, const char *s, size_t n);
int	 lsn_buf_puts(struct lsn_buf *b, const char *s);
int	 lsn_buf_putc(struct lsn_buf *b, char c);
/* Appends code point cp as UTF-8 (a surrogate or beyond U+10FFFF as
 * U+FFFD). 0 or -1. */
int	 lsn_buf_put_cp(struct lsn_buf *b, unsigned int cp);
int	 lsn_buf_printf(struct lsn_buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 lsn_buf_reset(struct lsn_buf *b);          /* len = 0, keeps memory */
void	 lsn_buf_free(struct lsn_buf *b);
char	*lsn_buf_detach(struct lsn_buf *b, size_t *len); /* "" if empty; NULL on oom */
const char *lsn_buf_str(const struct lsn_buf *b);   /* "" if empty */

/*
 * Grows a malloc'd array v of *cap elements of `size` bytes to hold at
 * least `need`: *cap doubles from `first` (when 0) until it does.
 * Returns the array, moved or not (v itself when it is big enough), or
 * NULL when memory ran out or the size would overflow: v and *cap are
 * then as they were, and v is still the caller's to free.
 */
void	*lsn_array_grow(void *v, size_t *cap, size_t need, size_t size,
	    size_t first);

#endif
