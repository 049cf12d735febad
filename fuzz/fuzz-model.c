/* SPDX-License-Identifier: MIT */
/*
 * fuzz-model.c: the safe XML parser every model file goes through
 * (liaison validate, diff of .xml models), then schema validation of
 * what parses.
 */
#include "config.h"

#include <stdint.h>

#include <libxml/tree.h>

#include "fuzz.h"
#include "model/model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	liaison_error	*err = NULL;
	xmlDocPtr	 doc;

	doc = lsn_xml_parse_memory((const char *)data, size, "fuzz.xml",
	    &err);
	if (doc == NULL && err == NULL)
		__builtin_trap();
	fuzz_check_error(err);
	liaison_error_free(err);
	err = NULL;
	if (doc != NULL) {
		(void)lsn_validate(doc, "liaison.rng", NULL, NULL, &err);
		fuzz_check_error(err);
		liaison_error_free(err);
		xmlFreeDoc(doc);
	}
	return 0;
}
