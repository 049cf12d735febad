/* SPDX-License-Identifier: MIT */
/*
 * document.c: the generic document, the kind of whatever no other kind
 * claims (the registry's last row). It claims nothing and builds nothing:
 * its structure is the sections and annexes every document has.
 */
#include "config.h"

#include "recognize/kinds/kinds.h"

const struct lsn_kind lsn_kind_document = {
	"document", NULL, NULL, NULL, NULL, NULL
};
