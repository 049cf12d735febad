/* SPDX-License-Identifier: MIT */
/*
 * doc.h: the document object behind the public liaison_doc.
 */
#ifndef LSN_DOC_H
#define LSN_DOC_H

#include <pthread.h>

#include "liaison.h"
#include "tree/tree.h"

struct _xmlDoc;

struct liaison_doc {
	struct lsn_tree		*tree;      /* owned: the model */
	/* A libxml2 copy of the tree, made by liaison_doc_xml on first
	 * use and freed with the document. */
	struct _xmlDoc		*xml;
	pthread_mutex_t		 xml_lock;
};

/* A document holding tree (taken over only on success), or NULL when
 * memory ran out. Free it with liaison_doc_free. */
liaison_doc	*lsn_doc_new(struct lsn_tree *tree);

#endif
