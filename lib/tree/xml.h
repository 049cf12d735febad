/* SPDX-License-Identifier: MIT */
/*
 * xml.h: libxml2 at the model's edge. Model files are parsed and
 * validated as libxml2 documents, then copied into our trees; library
 * users get libxml2 copies of ours. The schemas compiled into the
 * library are found here too.
 */
#ifndef LSN_TREE_XML_H
#define LSN_TREE_XML_H

#include <pthread.h>

#include <libxml/tree.h>
#include "liaison.h"
#include "tree/tree.h"

/* A copy of t as a libxml2 document (the caller's: xmlFreeDoc), or
 * NULL when memory ran out. An empty tree gives an empty document. */
xmlDocPtr	lsn_tree_to_xml(const struct lsn_tree *t);
/* A copy of doc's elements, attributes and text (CDATA as text;
 * comments and processing instructions dropped) as our tree (the
 * caller's: lsn_tree_free), or NULL when memory ran out. */
struct lsn_tree *lsn_tree_from_xml(xmlDocPtr doc);
/* The libxml2 copy of t kept in *cache, made on the first call (under
 * lock, libxml2 kept off stderr), or NULL when memory ran out. The copy
 * is the cache holder's, freed with what holds it. */
xmlDocPtr	lsn_tree_to_xml_once(const struct lsn_tree *t, xmlDocPtr *cache,
		    pthread_mutex_t *lock);

/*
 * The embedded file `name` (a schema), or NULL. *len may be NULL.
 */
const char     *lsn_embedded(const char *name, size_t *len);

/*
 * Validates doc against the embedded RELAX NG schema `schema_name`
 * ("liaison.rng" or "liaison-diff.rng"). Returns LIAISON_OK or
 * LIAISON_ERR_SCHEMA with the first violation in *err. The compiled
 * schema is cached for the life of the process (thread-safe).
 * When report is non-NULL it is called once per violation.
 */
liaison_status	lsn_xml_validate(xmlDocPtr doc, const char *schema_name,
		    void (*report)(void *, unsigned long, const char *),
		    void *ctx, liaison_error **err);

/*
 * Parses an XML file or buffer safely: no network, no DTD loading, no
 * entity expansion, a depth limit. Returns the document or NULL with
 * *err set (LIAISON_ERR_XML with file, line and column). A file ("-"
 * is stdin; a pipe or FIFO too) of more than `limit` bytes is refused
 * with LIAISON_ERR_LIMIT, a regular one before it is read.
 */
xmlDocPtr	lsn_xml_parse_file(const char *path, unsigned long long limit,
		    liaison_error **err);
/*
 * Parses the model file at path as lsn_xml_parse_file does, validates
 * it against liaison.rng and returns it as our tree (the caller's:
 * lsn_tree_free), or NULL with *err set (the file named).
 */
struct lsn_tree *lsn_tree_read_model(const char *path,
		    unsigned long long limit, liaison_error **err);
/*
 * Parses the XML file at path (as lsn_xml_parse_file) and validates it
 * against schema_name (as lsn_xml_validate; report may be NULL).
 * Returns LIAISON_OK, or the error's code with *err set and naming the
 * file. On LIAISON_OK, *parsed (when parsed is non-NULL) is the parsed
 * document, the caller's (lsn_xml_doc_free); otherwise NULL.
 */
liaison_status	lsn_xml_validate_file(const char *path,
		    unsigned long long limit, const char *schema_name,
		    void (*report)(void *, unsigned long, const char *),
		    void *ctx, xmlDocPtr *parsed, liaison_error **err);
/* Frees a libxml2 document this file made (NULL is fine). */
void		lsn_xml_doc_free(xmlDocPtr doc);
/* (The library reads files only: lsn_xml_parse_memory serves the model
 * fuzzer, fuzz/fuzz-model.c, alone.) */
xmlDocPtr	lsn_xml_parse_memory(const char *data, size_t len,
		    const char *name, liaison_error **err);

/*
 * A libxml2 structured error handler that drops what it is given: for
 * calls whose failure is told by their result, so that libxml2 writes
 * nothing on stderr (2.9 declares the handler with a non-const error).
 */
void		lsn_xml_ignore_error(void *ctx, xmlErrorPtr e);

/*
 * Keeps libxml2 off stderr while a public function runs: begin saves
 * the calling thread's generic and structured error handlers (libxml2
 * keeps them per thread) and puts silent ones in their place; end puts
 * the caller's back. Handlers set in between (by a parser, a validator)
 * take precedence, as before. Errors are told by results, never there.
 */
struct lsn_xml_quiet {
	xmlGenericErrorFunc	 generic;
	void			*generic_ctx;
	xmlStructuredErrorFunc	 structured;
	void			*structured_ctx;
};
void		lsn_xml_quiet_begin(struct lsn_xml_quiet *q);
void		lsn_xml_quiet_end(const struct lsn_xml_quiet *q);

#endif
