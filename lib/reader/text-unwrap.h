/* SPDX-License-Identifier: MIT */
#ifndef LSN_TEXT_UNWRAP_H
#define LSN_TEXT_UNWRAP_H

#include <stddef.h>

/*
 * Text a writer wrapped (pandoc's plain output: paragraphs wrapped at
 * 72 columns, tables drawn with dashes) as one paragraph a line and a
 * table row a line of tab-separated cells (LSN_TEXT_CELL_PARA below),
 * for the text reader. Returns
 * NULL when data[0..len) is not such text (nothing to do), the new text
 * (NUL-terminated, its length in *outlen; the caller frees it with
 * free()), or (char *)-1 when memory ran out.
 */
char	*lsn_text_unwrap(const char *data, size_t len, size_t *outlen);

/*
 * In lsn_text_unwrap's output, parts the paragraphs of a table's cell,
 * and ends a row of one column (which has no tab): a vertical tab, made
 * a space where the input had one.
 */
#define LSN_TEXT_CELL_PARA	'\v'


#endif
