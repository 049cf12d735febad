/* SPDX-License-Identifier: MIT */
/*
 * fuzz-docx.c: the DOCX reader from memory (zip, XML parts, styles,
 * numbering, notes, fields, tracked changes) to the paragraph stream.
 * The first byte picks the track-changes mode.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "options.h"
#include "reader/readers.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct liaison_options	*opts;
	struct lsn_stream	 s;
	struct lsn_core		 core;
	liaison_error		*err = NULL;

	if ((opts = fuzz_options(&data, &size)) == NULL)
		return 0;
	memset(&s, 0, sizeof(s));
	memset(&core, 0, sizeof(core));
	if (lsn_read_docx(data, size, "fuzz.docx", opts, &s, &core,
	    &err) != LIAISON_OK && err == NULL)
		__builtin_trap();
	fuzz_check_error(err);
	lsn_core_clear(&core);
	lsn_stream_free(&s);
	liaison_error_free(err);
	liaison_options_free(opts);
	return 0;
}
