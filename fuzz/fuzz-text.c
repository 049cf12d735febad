/* SPDX-License-Identifier: MIT */
/*
 * fuzz-text.c: the plain-text reader, input bytes to paragraph stream.
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
	struct liaison_options	 opts;
	struct lsn_stream	 s;
	liaison_error		*err = NULL;

	lsn_options_defaults(&opts);
	memset(&s, 0, sizeof(s));
	if (lsn_read_text((const char *)data, size, "fuzz.txt", &opts, &s,
	    &err) != LIAISON_OK && err == NULL)
		__builtin_trap();	/* a failure must say why */
	fuzz_check_error(err);
	lsn_stream_free(&s);
	liaison_error_free(err);
	return 0;
}
