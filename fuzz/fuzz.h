/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h: what the libFuzzer targets share: the leading bytes of an
 * input choose the options (as cmark's fuzz/cmark-fuzz.c does), so one
 * corpus explores every mode; the rest is the document.
 */
#ifndef LSN_FUZZ_H
#define LSN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "liaison.h"

/* Limits small enough that the fuzzer spends its time on parsing, not on
 * inflating a large part; the defaults are tested by test/bad.sh. */
#define FUZZ_ENTRY_BYTES	(4u << 20)
#define FUZZ_TOTAL_BYTES	(8u << 20)

/*
 * Options from the byte at *data (when there is one), which is then
 * skipped: bits 0-1 the input format (auto, text, docx; 3 is auto),
 * bits 2-3 the track-changes mode (accept, reject, all; 3 is all).
 * Returns new options (NULL when memory ran out); the caller frees them.
 */
static inline liaison_options *
fuzz_options(const uint8_t **data, size_t *size)
{
	static const liaison_format formats[] = { LIAISON_FORMAT_AUTO,
	    LIAISON_FORMAT_TEXT, LIAISON_FORMAT_DOCX, LIAISON_FORMAT_AUTO };
	static const liaison_track_changes modes[] = { LIAISON_TRACK_ACCEPT,
	    LIAISON_TRACK_REJECT, LIAISON_TRACK_ALL, LIAISON_TRACK_ALL };
	liaison_options	*opts;
	uint8_t		 b = 0;

	if ((opts = liaison_options_new()) == NULL)
		return NULL;
	if (*size > 0) {
		b = **data;
		(*data)++;
		(*size)--;
	}
	liaison_options_set_format(opts, formats[b & 3]);
	liaison_options_set_track_changes(opts, modes[(b >> 2) & 3]);
	liaison_options_set_limit(opts, LIAISON_LIMIT_ZIP_ENTRY_BYTES,
	    FUZZ_ENTRY_BYTES);
	liaison_options_set_limit(opts, LIAISON_LIMIT_ZIP_TOTAL_BYTES,
	    FUZZ_TOTAL_BYTES);
	return opts;
}

/* An error must be one line: a newline in it is a finding. */
static inline void
fuzz_check_error(const liaison_error *err)
{
	const char	*s;

	if (err == NULL)
		return;
	for (s = liaison_error_string(err); *s != '\0'; s++)
		if (*s == '\n')
			__builtin_trap();
}

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
