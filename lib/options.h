/* SPDX-License-Identifier: MIT */
/*
 * options.h: the body of the public liaison_options type, the limits'
 * defaults and the functions of options.c.
 */
#ifndef LSN_OPTIONS_H
#define LSN_OPTIONS_H

#include "liaison.h"

struct liaison_options {
	liaison_format		format;
	liaison_track_changes	track_changes;
	int			keep_hidden;  /* keep text Word hides */
	liaison_encoding	encoding;     /* of text without a BOM */
	unsigned long long	limits[LIAISON_LIMIT__COUNT];
};

/* Default limits: generous for any real document, small enough to stop
 * a zip bomb or a runaway file before memory does. */
#define LSN_DEFAULT_INPUT_BYTES        (512ULL << 20)
#define LSN_DEFAULT_ZIP_ENTRY_BYTES    (256ULL << 20)
#define LSN_DEFAULT_ZIP_TOTAL_BYTES    (512ULL << 20)
#define LSN_DEFAULT_ZIP_ENTRIES        10000ULL
#define LSN_DEFAULT_XML_DEPTH          256ULL
#define LSN_DEFAULT_PARAGRAPHS         5000000ULL
/* Word tables have at most 63 columns: a text line with more tabs is
 * text, not a table row flattened (reader/text.c). */
#define LSN_TEXT_MAX_COLUMNS           63
/* Wrapped text (pandoc's plain output, reader/text-unwrap.c): at
 * least 3 line breaks that a width of 72 columns (pandoc's default)
 * forced, so that a short text of one paragraph a line is not taken for
 * it, and a line of prose longer than that (pandoc leaves headings
 * whole) for every 8 such breaks at most. */
#define LSN_TEXT_WRAP_COLUMNS          72
#define LSN_TEXT_WRAP_MIN_BREAKS       3
#define LSN_TEXT_WRAP_LONG_LINES       8
/* ... and at most a million lines (pandoc writes some 100 for a page):
 * the unwrapping keeps a table of the lines. */
#define LSN_TEXT_WRAP_MAX_LINES        1000000
/* The model budget. Depth: what liaison writes it can read back (model
 * files nest no deeper than 256). Bytes: what a reference multiplies
 * (a long style name or link target in every paragraph) counts each
 * time, as the outputs repeat it. Marks: the inline work of one
 * paragraph. */
#define LSN_DEFAULT_MODEL_DEPTH        256ULL
#define LSN_DEFAULT_MODEL_BYTES        (512ULL << 20)
#define LSN_DEFAULT_PARAGRAPH_MARKS    100000ULL
/* model-depth is honoured up to this, whatever it is set to: the
 * validation and the emitters recurse over the model's depth, and a
 * deeper model would overflow a thread's stack. */
#define LSN_MAX_MODEL_DEPTH            1024ULL

/* Fills opts with the defaults. */
void	lsn_options_defaults(struct liaison_options *opts);
/* The value of a limit, or its default when opts is NULL. */
unsigned long long lsn_limit(const struct liaison_options *opts,
	    liaison_limit which);

/*
 * Every limit error ends by telling how to raise the limit, in the
 * words of liaison(1): "... the NAME limit of VALUE (raise with --limit
 * NAME=SIZE)". NAME is the option's name for the limit; a library
 * caller reads it as the liaison_limit of the same name.
 */
#define LSN_RAISE_BYTES(name)	"(raise with --limit " name "=SIZE)"
#define LSN_RAISE_COUNT(name)	"(raise with --limit " name "=N)"

/* Room for lsn_limit_text's result. */
#define LSN_LIMIT_TEXT		32
/*
 * A limit's value as a message shows it: byte limits in the largest
 * binary unit that divides them ("256 MiB", else "1000 bytes"), counts
 * as a number. Writes into buf (LSN_LIMIT_TEXT bytes) and returns it.
 */
const char *lsn_limit_text(liaison_limit which, unsigned long long value,
	    char *buf);

#endif
