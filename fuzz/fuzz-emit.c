/* SPDX-License-Identifier: MIT */
/*
 * fuzz-emit.c: every emitter (JSON, XML, Markdown) on the model of the
 * input. An emitter failing on a model that opened is a finding, and so
 * is output that is not NUL-terminated at its stated length.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const liaison_emit_format fmts[] = { LIAISON_EMIT_JSON,
	    LIAISON_EMIT_XML, LIAISON_EMIT_MARKDOWN,
	    LIAISON_EMIT_MARKDOWN_FRONT_MATTER };
	liaison_options	*opts;
	liaison_doc	*doc;
	liaison_error	*err = NULL;
	char		*out;
	size_t		 i, len;

	if ((opts = fuzz_options(&data, &size)) == NULL)
		return 0;
	doc = liaison_doc_open_memory(data, size, "fuzz", opts, &err);
	liaison_error_free(err);
	liaison_options_free(opts);
	if (doc == NULL)
		return 0;
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		out = NULL;
		len = 0;
		err = NULL;
		if (liaison_emit_buffer(doc, fmts[i], &out, &len, &err) ==
		    LIAISON_OK) {
			if (out == NULL || out[len] != '\0' ||
			    strlen(out) != len)
				__builtin_trap();
		} else if (liaison_error_code(err) != LIAISON_ERR_NOMEM)
			__builtin_trap();
		free(out);
		liaison_error_free(err);
	}
	liaison_doc_free(doc);
	return 0;
}
