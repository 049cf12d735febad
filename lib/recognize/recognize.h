/* SPDX-License-Identifier: MIT */
/*
 * recognize.h: from a paragraph stream to the XML model.
 */
#ifndef LSN_RECOGNIZE_H
#define LSN_RECOGNIZE_H

#include "liaison.h"
#include "reader/readers.h"
#include "reader/stream.h"

struct lsn_source_info {
	const char		*file;    /* as the caller named it */
	const char		*format;  /* "text" or "docx" */
	const char		*sha256;  /* hex digest of the input bytes */
	const struct lsn_core	*core;    /* DOCX properties, or NULL */
	const struct liaison_options *opts; /* the model budget; NULL:
					       the defaults */
};

/*
 * Builds the model of the document in `stream`. On success stores a new
 * tree in *out that the caller frees with lsn_tree_free. The stream is freed
 * (lsn_stream_free) as soon as it has been read, success or not: it
 * need not sit beside the model, which is most of the peak.
 */
liaison_status lsn_recognize(struct lsn_stream *stream,
    const struct lsn_source_info *src, struct lsn_tree **out,
    liaison_error **err);

#endif
