/* SPDX-License-Identifier: MIT */
/*
 * readers.h: the input readers. Each fills a paragraph stream.
 */
#ifndef LSN_READERS_H
#define LSN_READERS_H

#include <stddef.h>
#include "liaison.h"
#include "reader/stream.h"

struct liaison_options;

/*
 * Plain text (UTF-8, optional BOM, LF or CRLF). `name` is used in
 * errors. Returns LIAISON_OK or an error code with *err set.
 */
liaison_status lsn_read_text(const char *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    liaison_error **err);

/*
 * DOCX from memory. Same contract. Metadata from docProps/core.xml is
 * stored in *core (fields NULL when absent; free with lsn_core_clear).
 */
struct lsn_core {
	char	*title;
	char	*creator;
	char	*created;   /* ISO 8601 as in the file */
	char	*modified;
};
void lsn_core_clear(struct lsn_core *core);

liaison_status lsn_read_docx(const void *data, size_t len, const char *name,
    const struct liaison_options *opts, struct lsn_stream *out,
    struct lsn_core *core, liaison_error **err);

/*
 * A reader: the format's name (the model's source format), whether the
 * first bytes are of it, and the reader, or NULL for a format only
 * recognised, to be refused with `refusal` (one line).
 */
struct lsn_reader {
	const char	*name;
	int		(*sniff)(const unsigned char *p, size_t len);
	liaison_status	(*read)(const void *data, size_t len, const char *name,
			    const struct liaison_options *opts,
			    struct lsn_stream *out, struct lsn_core *core,
			    liaison_error **err);
	const char	*refusal;
};

/*
 * Chooses the reader of `len` bytes of `data` by their content: `fmt`
 * forces text or DOCX; a `name` ending in .docx is never read as text.
 * Returns a static reader, or NULL with *err set (LIAISON_ERR_FORMAT)
 * for a format we do not read (.doc, .odt, RTF, PDF, an empty DOCX).
 */
const struct lsn_reader *lsn_reader_choose(const void *data, size_t len,
    const char *name, liaison_format fmt, liaison_error **err);

#endif
