/* SPDX-License-Identifier: MIT */
/*
 * emit-xml.c: the diff document itself (schema liaison-diff.rng),
 * indented; word elements keep their text byte for byte.
 */
#include "config.h"

#include <libxml/tree.h>

#include "diff/diff.h"
#include "util/error.h"

int
lsn_diff_emit_xml(xmlDocPtr diff, unsigned int flags, struct lsn_out *o,
    liaison_error **err)
{
	xmlChar	*mem = NULL;
	int	 size = 0;

	xmlDocDumpFormatMemoryEnc(diff, &mem, &size, "UTF-8", 1);
	if (mem == NULL || size < 0) {
		lsn_error_set(err, LIAISON_ERR_NOMEM, NULL, NULL, 0, 0,
		    "out of memory while writing the diff as XML");
		return -1;
	}
	lsn_out_put(o, (const char *)mem, (size_t)size);
	xmlFree(mem);
	(void)flags;
	return 0;
}
