/* SPDX-License-Identifier: MIT */
/*
 * fuzz-model.c: the safe XML parser every model file goes through
 * (liaison validate, diff of .xml models), then schema validation of
 * what parses and the copy of what validates into our tree.
 */
#include "config.h"

#include <stdint.h>

#include <libxml/tree.h>

#include "fuzz.h"
#include "tree/tree.h"
#include "tree/xml.h"

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
		if (lsn_xml_validate(doc, "liaison.rng", NULL, NULL, &err) ==
		    LIAISON_OK)
			/* a valid model becomes our tree, as a diff's does */
			lsn_tree_free(lsn_tree_from_xml(doc));
		fuzz_check_error(err);
		liaison_error_free(err);
		xmlFreeDoc(doc);
	}
	return 0;
}
