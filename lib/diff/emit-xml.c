/* SPDX-License-Identifier: MIT */
/*
 * emit-xml.c: the diff document itself (schema liaison-diff.rng),
 * indented as a model is; word elements keep their text byte for byte.
 */
#include "config.h"

#include "diff/diff.h"
#include "emit/emit.h"

int
lsn_diff_emit_xml(struct lsn_tree *diff, unsigned int flags,
    struct lsn_out *o, liaison_error **err)
{
	(void)flags;
	return lsn_emit_xml(diff, o, err);
}
