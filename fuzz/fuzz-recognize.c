/* SPDX-License-Identifier: MIT */
/*
 * fuzz-recognize.c: the whole open path through the public API
 * (liaison_doc_open_memory): reader, recognizer, model building and
 * schema validation. A document that opens must be valid, so a schema
 * failure here (LIAISON_ERR_INTERNAL) is a finding.
 */
#include "config.h"

#include <stdint.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	liaison_options	*opts;
	liaison_doc	*doc;
	liaison_error	*err = NULL;

	if ((opts = fuzz_options(&data, &size)) == NULL)
		return 0;
	doc = liaison_doc_open_memory(data, size, "fuzz", opts, &err);
	if (doc == NULL && (err == NULL ||
	    liaison_error_code(err) == LIAISON_ERR_INTERNAL))
		__builtin_trap();
	fuzz_check_error(err);
	if (doc != NULL && liaison_doc_kind(doc) == NULL)
		__builtin_trap();
	liaison_doc_free(doc);
	liaison_error_free(err);
	liaison_options_free(opts);
	return 0;
}
