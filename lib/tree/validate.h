/* SPDX-License-Identifier: MIT */
/*
 * validate.h: RELAX NG validation of our own tree, without libxml2 on
 * the hot path.
 *
 * The schema (liaison.rng or liaison-diff.rng, compiled into the
 * library) is read with libxml2 once per process; documents are then
 * checked with James Clark's derivative algorithm ("An algorithm for
 * RELAX NG validation") over hash-consed patterns whose derivatives are
 * remembered, so that a warm validator costs a few table look-ups per
 * node and allocates nothing.
 */
#ifndef LSN_VALIDATE_H
#define LSN_VALIDATE_H

#include "liaison.h"

struct lsn_tree;

/*
 * Validates t against the compiled-in schema `schema_name`
 * ("liaison.rng" or "liaison-diff.rng"). Returns LIAISON_OK; or
 * LIAISON_ERR_SCHEMA with the first violation in *err, naming the
 * element's path and what is wrong, e.g.
 *   /document/section[2]: attribute level: "0" is not a positiveInteger
 * or LIAISON_ERR_NOMEM when memory ran out (never a verdict then);
 * LIAISON_ERR_INTERNAL when the schema is unknown or uses a RELAX NG
 * construct this validator does not implement. The schema is compiled
 * on first use and kept for the process; calls from several threads are
 * safe (each validation has a copy of the schema's tables of its own,
 * one per validation running at once). Nothing is left to free.
 */
liaison_status	lsn_tree_validate(const struct lsn_tree *t,
		    const char *schema_name, liaison_error **err);

/*
 * The same against the RELAX NG schema rng[0..len) (XML syntax), read
 * for this call alone: for tests of what the bundled schemas do not
 * use. Messages name it "schema".
 */
liaison_status	lsn_tree_validate_rng(const struct lsn_tree *t,
		    const char *rng, size_t len, liaison_error **err);

#endif
