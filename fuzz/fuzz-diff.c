/* SPDX-License-Identifier: MIT */
/*
 * fuzz-diff.c: the diff of two documents made from one input split in
 * half (after the option bytes), written in the format the second byte
 * picks (text, with or without colour, Markdown, JSON, XML, HTML).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const liaison_diff_format fmts[] = { LIAISON_DIFF_TEXT,
	    LIAISON_DIFF_MARKDOWN, LIAISON_DIFF_JSON, LIAISON_DIFF_XML,
	    LIAISON_DIFF_HTML };
	liaison_options	*opts;
	liaison_doc	*a = NULL, *b = NULL;
	liaison_diff	*diff;
	liaison_error	*err = NULL;
	char		*out = NULL;
	size_t		 half, len;
	uint8_t		 pick = 0;

	if ((opts = fuzz_options(&data, &size)) == NULL)
		return 0;
	if (size > 0) {
		pick = *data++;
		size--;
	}
	half = size / 2;
	a = liaison_doc_open_memory(data, half, "old", opts, NULL);
	b = liaison_doc_open_memory(data + half, size - half, "new", opts,
	    NULL);
	liaison_options_free(opts);
	if (a == NULL || b == NULL)
		goto done;
	if ((diff = liaison_diff_new(a, b, &err)) == NULL) {
		if (liaison_error_code(err) != LIAISON_ERR_NOMEM)
			__builtin_trap();
		goto done;
	}
	if (liaison_diff_emit_buffer(diff, fmts[(pick & 0x7f) % 5],
	    pick & 0x80 ? LIAISON_DIFF_COLOR : 0, &out, &len, &err) ==
	    LIAISON_OK) {
		if (out == NULL || out[len] != '\0')
			__builtin_trap();
	} else if (liaison_error_code(err) != LIAISON_ERR_NOMEM)
		__builtin_trap();
	free(out);
	liaison_diff_free(diff);
done:
	liaison_error_free(err);
	liaison_doc_free(a);
	liaison_doc_free(b);
	return 0;
}
