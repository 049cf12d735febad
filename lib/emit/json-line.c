/* SPDX-License-Identifier: MIT */
/*
 * json-line.c: the JSON of a model on one line (JSON Lines): the JSON
 * emitter's text less its insignificant white space.
 */
#include "config.h"

#include <string.h>

#include "emit/emit.h"
#include "util/error.h"

/*
 * Removes the insignificant white space of a JSON text in place, so one
 * document fits on one line. Newlines inside strings are always escaped
 * in JSON, so the result has none. Returns the new length.
 */
static size_t
json_compact(char *s, size_t len)
{
	size_t i, j = 0;
	int in_string = 0, escaped = 0;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (in_string) {
			if (escaped)
				escaped = 0;
			else if (c == '\\')
				escaped = 1;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"')
			in_string = 1;
		else if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		s[j++] = c;
	}
	return j;
}

int
lsn_emit_json_line(struct lsn_tree *model, struct lsn_out *o,
    liaison_error **err)
{
	struct lsn_out	 b;
	size_t		 len;

	memset(&b, 0, sizeof(b));
	if (lsn_emit_json(model, &b, err) != 0) {
		lsn_buf_free(&b.buf);
		return -1;
	}
	if (b.error || b.buf.oom) {
		lsn_buf_free(&b.buf);
		return lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory"), -1;
	}
	len = json_compact(b.buf.data, b.buf.len);
	/* the line ends in exactly one newline */
	lsn_out_put(o, b.buf.data, len);
	lsn_out_putc(o, '\n');
	lsn_buf_free(&b.buf);
	return 0;
}
