/* SPDX-License-Identifier: MIT */
/*
 * fuzz-model.c: the safe XML parser every model file goes through
 * (liaison validate, diff of .xml models), then schema validation of
 * what parses, by libxml2 and, on our copy of it, by our own validator:
 * the two verdicts must agree.
 */
#include "config.h"

#include <stdint.h>

#include <libxml/tree.h>

#include "fuzz.h"
#include "tree/tree.h"
#include "tree/validate.h"
#include "tree/xml.h"

/* 1 when an element or attribute of doc is in a namespace: our tree
 * keeps local names only, so the two validators may differ there. */
static int
uses_namespaces(xmlDocPtr doc)
{
	xmlNodePtr	 top = xmlDocGetRootElement(doc), c = top;
	xmlAttrPtr	 a;

	while (c != NULL) {
		if (c->type == XML_ELEMENT_NODE) {
			if (c->ns != NULL || c->nsDef != NULL)
				return 1;
			for (a = c->properties; a != NULL; a = a->next)
				if (a->ns != NULL)
					return 1;
		}
		if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != top && c->next == NULL)
			c = c->parent;
		c = c != top ? c->next : NULL;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	liaison_error	*err = NULL, *ours = NULL;
	xmlDocPtr	 doc;
	struct lsn_tree	*tree;
	liaison_status	 theirs, mine;

	doc = lsn_xml_parse_memory((const char *)data, size, "fuzz.xml",
	    &err);
	if (doc == NULL && err == NULL)
		__builtin_trap();
	fuzz_check_error(err);
	liaison_error_free(err);
	err = NULL;
	if (doc == NULL)
		return 0;
	theirs = lsn_xml_validate(doc, "liaison.rng", NULL, NULL, &err);
	fuzz_check_error(err);
	/* Our validator on our copy of the same document: the verdicts
	 * agree (a differential test, as test/validate.sh's, on inputs
	 * the fuzzer finds). */
	if ((tree = lsn_tree_from_xml(doc)) != NULL &&
	    !uses_namespaces(doc)) {
		mine = lsn_tree_validate(tree, "liaison.rng", &ours);
		fuzz_check_error(ours);
		if (theirs != LIAISON_ERR_NOMEM && mine != LIAISON_ERR_NOMEM &&
		    (theirs == LIAISON_OK) != (mine == LIAISON_OK))
			__builtin_trap();
	}
	lsn_tree_free(tree);
	liaison_error_free(ours);
	liaison_error_free(err);
	xmlFreeDoc(doc);
	return 0;
}
